"""Documents in every state in one raw/: each bad one ends quarantined or flagged with its reason, in the
warehouse and in the Dagster UI's checks; every good one loads fully; the run succeeds; raw/ is untouched."""

import hashlib
import random

import dagster as dg
import duckdb

from orchestration import locations, run

SAMPLE_FACTS = {"000_c4af054f0ba76b1a.txt": 125, "001_e78bd59bccd1abe7.txt": 62, "002_24f5b536cfda2a4f.txt": 28,
                "003_ed6ab7dfba02c413.txt": 10, "004_5247434d362f76de.txt": 81}


def write_bad_documents(raw):
    doesburg = (raw / "000_c4af054f0ba76b1a.txt").read_text(encoding="utf-8")
    doesburg_sidecar = (raw / "000_c4af054f0ba76b1a.txt.meta.toml").read_text()
    twenterand = (raw / "003_ed6ab7dfba02c413.txt").read_text(encoding="utf-8")
    files = {
        "bad_empty.txt": b"",
        "bad_garbage.txt": random.Random(7).randbytes(20_000),
        "bad_scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50,
        "bad_utf16.txt": twenterand.encode("utf-16"),  # the same document, re-saved: read, then a duplicate
        "bad_cp1252.txt": doesburg.encode("cp1252"),  # 'Geëscaleerde' in cp1252: read, then a duplicate
        "bad_truncated.txt": "".join(doesburg.splitlines(keepends=True)[:84]).encode(),
        "bad_no_totals.txt": "".join(line for line in doesburg.splitlines(keepends=True)
                                     if not line.startswith("Totaal")).encode(),
        "bad_50mb.txt": (b"Programma 9 Ruis\n" + b"regel zonder bedragen " * 48 + b"\n") * 50_000,
        "bad_copy_of_002.txt": (raw / "002_24f5b536cfda2a4f.txt").read_bytes(),
        "bad_unknown_municipality.txt": doesburg.replace("Doesburg", "Atlantis").encode(),
        "bad_reconciliation.txt": doesburg.replace("6.2 Wijkteams 636.656", "6.2 Wijkteams 636.665").encode(),
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    for name in ("bad_cp1252.txt", "bad_truncated.txt", "bad_no_totals.txt", "bad_reconciliation.txt"):
        (raw / f"{name}.meta.toml").write_text(doesburg_sidecar)
    (raw / "bad_utf16.txt.meta.toml").write_text((raw / "003_ed6ab7dfba02c413.txt.meta.toml").read_text())
    (raw / "bad_unknown_municipality.txt.meta.toml").write_text('document_kind = "tussentijdse_rapportage"\n')
    # an Iv3 file with a municipality CBS never had: quarantined whole, the other four load
    accounts = (raw / "iv3_cbs" / "2023_jaarrekening.csv").read_text(encoding="utf-8")
    (raw / "iv3_cbs" / "2024_jaarrekening.csv").write_text(accounts.replace("\nDoesburg;", "\nDoesbrug;", 1), encoding="utf-8")


def checksums(folder):
    return {path.relative_to(folder): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_bad_documents_are_quarantined_or_flagged_and_the_rest_loads(project_env, capsys):
    raw = locations.raw_dir()
    write_bad_documents(raw)
    before = checksums(raw)

    assert run.main() == 0  # one bad document never fails the run
    console = capsys.readouterr().out.splitlines()
    # the worst first, and a bounded list: 5 of the documents not simply loaded named, the rest counted
    assert console[8].startswith("  quarantined bad_50mb.txt: ") and len(console) <= 25, "\n".join(console)

    with duckdb.connect(str(locations.published_path()), read_only=True) as connection:
        status = {row[0]: row[1:] for row in connection.execute(
            "select source_file, outcome, outcome_reason from analytics.document_status").fetchall()}
        facts = dict(connection.execute(
            "select source_file, count(*) from analytics.budget_facts group by source_file").fetchall())
        iv3 = dict(connection.execute("select source_file, outcome from analytics.iv3_file_status").fetchall())
        iv3_reason = connection.execute("select quarantine_reason from analytics.iv3_file_status "
                                        "where source_file = 'iv3_cbs/2024_jaarrekening.csv'").fetchone()[0]
        assert connection.execute("select count(distinct fiscal_year) from marts.fct_iv3_figures").fetchone()[0] == 3
        # the manifest counts as document_status does: a duplicate is a duplicate, not quarantined
        assert connection.execute("select documents_loaded, documents_duplicate, documents_quarantined "
                                  "from analytics.warehouse_manifest").fetchone() == (8, 3, 5)

    expected = {
        "bad_empty.txt": ("quarantined", "the file is empty"),
        "bad_garbage.txt": ("quarantined", "binary content, not text"),
        "bad_scan.txt": ("quarantined", "not a readable PDF"),  # a broken PDF, whatever its extension
        "bad_50mb.txt": ("quarantined", "more than the 20,971,520 a programme document can be"),
        "bad_unknown_municipality.txt": ("quarantined", "municipality unknown: the text names no municipality"),
        "bad_utf16.txt": ("duplicate", "same content as 003_ed6ab7dfba02c413.txt"),
        "bad_cp1252.txt": ("duplicate", "same content as 000_c4af054f0ba76b1a.txt"),
        "bad_copy_of_002.txt": ("duplicate", "same content as 002_24f5b536cfda2a4f.txt"),
        "bad_truncated.txt": ("flagged", "gauge_vs_lines gauges: Uitgaven against the sum of the lasten lines"),
        "bad_no_totals.txt": ("unverified", "table_total Exploitatie (line 77): Lasten"),
        "bad_reconciliation.txt": ("flagged", "table_total Exploitatie (line 77): Totaal Lasten (Realisatie 2021) (difference 9.00)"),
    }
    not_loaded = sum(outcome != "loaded" for outcome, _ in status.values())
    assert f"  ... and {not_loaded - run.LISTED} more (analytics.document_status)" in console
    for name, (outcome, reason) in expected.items():
        assert status[name][0] == outcome, (name, status[name])
        assert reason in status[name][1], (name, status[name])
    # every good document loads fully, with exactly the figures it loads alone
    assert {name: facts[name] for name in SAMPLE_FACTS} == SAMPLE_FACTS
    assert not any(name in facts for name in expected if expected[name][0] in ("quarantined", "duplicate"))
    assert iv3["iv3_cbs/2024_jaarrekening.csv"] == "quarantined" and "line 5185: 'Doesbrug'" in iv3_reason
    assert sorted(outcome for name, outcome in iv3.items() if name != "iv3_cbs/2024_jaarrekening.csv") == [
        "flagged", "loaded", "loaded", "loaded"]

    # the Dagster UI shows the same reasons on the asset checks
    instance = dg.DagsterInstance.get()
    readable = dg.AssetCheckKey(dg.AssetKey(["landing", "documents"]), "readable")
    iv3_readable = dg.AssetCheckKey(dg.AssetKey(["landing", "iv3_files"]), "iv3_files_readable")
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key([readable, iv3_readable])
    parsed_check = latest[readable].event.dagster_event.event_specific_data
    assert not parsed_check.passed
    quarantined = parsed_check.metadata["quarantined"].value
    assert set(quarantined) == {
        "bad_empty.txt", "bad_garbage.txt", "bad_scan.txt", "bad_50mb.txt", "bad_unknown_municipality.txt"}
    assert any("binary content" in reason for reason in quarantined.values())
    iv3_check = latest[iv3_readable].event.dagster_event.event_specific_data
    assert not iv3_check.passed and "iv3_cbs/2024_jaarrekening.csv" in iv3_check.metadata["quarantined"].value

    assert checksums(raw) == before  # raw/ is never modified or deleted
