"""Real municipalities' documents (tests/parsing/corpus) through the whole warehouse: raw/ -> parse ->
landing -> dbt -> published file, checked against their hand-verified gold.

One document per layout family: a pipe table (Oss, unit stated in the sidecar), space-separated rows with
short rows placed by the totals (Bladel), one cell per line with code and name in one cell (Noordenveld),
a saldo-only table (Berg en Dal), a reserves table (Utrecht), two figures in one cell (Tubbergen), and a
document that never states its year (Geldrop-Mierlo): first flagged with every value listed as not
placed, then loaded in full once its sidecar gives the year and kind. As a user who downloaded a document
would, each gets a sidecar with its municipality code, and its first line (`# SOURCE:`) is left out."""

import csv
import inspect
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb

from orchestration import locations, run

CORPUS = Path(__file__).resolve().parents[1] / "parsing" / "corpus"

# stem -> sidecar fields besides municipality_code
DOCUMENTS = {
    "oss_jaarrekening_2019_pipe": {"unit": 1000},  # no unit caption in the excerpt: the user states it
    "bladel_begroting_2022": {},
    "noordenveld_jaarrekening_2021": {},
    "berg-en-dal_tussentijdse_rapportage_2017": {},
    "utrecht_jaarrekening_2023": {},
    "tubbergen_jaarrekening_2023": {},
    "geldrop-mierlo_jaarrekening_2017": {},
}
NO_YEAR = "geldrop-mierlo_jaarrekening_2017"
LINE_MEASURES = ("lasten", "baten", "reserves_storting", "reserves_onttrekking")


def refresh() -> int:
    """One `make run`: parse what is new or changed, build, check, publish."""
    return run.main([]) if inspect.signature(run.main).parameters else run.main()


def municipality_codes() -> dict[str, str]:
    with (CORPUS / "documents.csv").open(encoding="utf-8") as handle:
        return {row["file"].removesuffix(".txt"): row["municipality_code"] for row in csv.DictReader(handle)}


def write_sidecar(raw: Path, stem: str, fields: dict) -> None:
    lines = [f"{key} = {value!r}" if isinstance(value, int) else f'{key} = "{value}"' for key, value in fields.items()]
    (raw / f"{stem}.txt.meta.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def put_documents(raw: Path) -> None:
    """The corpus documents in raw/ (the sample documents out, the CBS Iv3 files kept)."""
    for sample in raw.glob("*.txt*"):
        sample.unlink()
    codes = municipality_codes()
    for stem, fields in DOCUMENTS.items():
        text = (CORPUS / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        assert text.startswith("# SOURCE:")
        (raw / f"{stem}.txt").write_text(text.split("\n", 1)[1], encoding="utf-8")
        write_sidecar(raw, stem, {"municipality_code": codes[stem], **fields})


def family(scenario: str) -> str:
    """The gold takes a prior-year plain budget column as na wijziging ('assumed'): one family, as the scorer."""
    return "begroting" if scenario in ("begroting_primitief", "begroting_na_wijziging") else scenario


def gold(stem: str) -> list[dict]:
    """Every printed amount of the document, with its line in the text as landed (without the SOURCE line)."""
    with (CORPUS / "gold" / f"{stem}.csv").open(encoding="utf-8") as handle:
        return [{"year": int(row["fiscal_year"]), "scenario": row["scenario"], "measure": row["measure"],
                 "code": row["category_code"], "name": row["category_name"], "is_total": row["is_total"] == "1",
                 "printed": int(row["amount_printed"]), "eur": int(row["amount_eur"]), "line": int(row["source_line"]) - 1}
                for row in csv.DictReader(handle) if row["amount_eur"].strip()]


def required(rows: list[dict]) -> list[dict]:
    """What a loader must store (the scorer's rule): lines, not totals nor 'other'; lasten, baten and reserve
    flows always, a saldo only where its row prints no lasten or baten, an afwijking only where no realisatie."""
    category = lambda r: r["code"] or r["name"]  # noqa: E731
    with_lasten_baten = {(r["year"], family(r["scenario"]), category(r)) for r in rows
                         if r["measure"] in ("lasten", "baten") and not r["is_total"]}
    with_realisatie = {(r["year"], r["measure"], category(r)) for r in rows if r["scenario"] == "realisatie" and not r["is_total"]}
    return [r for r in rows if not r["is_total"] and r["scenario"] != "other"
            and (r["scenario"] != "afwijking" or (r["year"], r["measure"], category(r)) not in with_realisatie)
            and (r["measure"] in LINE_MEASURES
                 or (r["measure"] == "saldo" and (r["year"], family(r["scenario"]), category(r)) not in with_lasten_baten))]


def facts_of(connection, stem: str) -> list[dict]:
    columns = ["fiscal_year", "scenario", "measure", "taakveld_code", "taakveld_name", "source_category", "amount_eur",
               "source_line", "printed_figure_count", "is_current"]
    rows = connection.execute(f"select {', '.join(columns)} from analytics.budget_facts where source_file = ?",
                              [f"{stem}.txt"]).fetchall()
    return [dict(zip(columns, row)) for row in rows]


def fact(connection, stem: str, line: int, year: int, scenario: str, measure: str) -> tuple:
    rows = connection.execute("""
        select source_category, taakveld_code, amount_eur, printed_figure_count from analytics.budget_facts
        where source_file = ? and source_line = ? and fiscal_year = ? and scenario = ? and measure = ?""",
                              [f"{stem}.txt", line, year, scenario, measure]).fetchall()
    assert len(rows) == 1, (stem, line, year, scenario, measure, rows)
    return rows[0]


def assert_no_total_and_all_in_gold(facts: list[dict], stem: str) -> None:
    """Every stored figure is a printed line figure of the gold (its line, year, scenario, measure and amount in
    the warehouse's sign convention), never a total. A cell printing two figures is their sum."""
    rows = gold(stem)
    for f in facts:
        same_cell = [g for g in rows if g["line"] == f["source_line"] and g["year"] == f["fiscal_year"]
                     and family(g["scenario"]) == family(f["scenario"]) and g["measure"] == f["measure"]]
        if f["printed_figure_count"] == 1:
            same_cell = [g for g in same_cell if g["eur"] == f["amount_eur"]]
        else:
            assert len(same_cell) == f["printed_figure_count"] and sum(g["eur"] for g in same_cell) == f["amount_eur"], (stem, f)
        assert same_cell, (stem, f)
        assert not any(g["is_total"] for g in same_cell), ("a total stored as a line", stem, f)


def assert_reported_totals_are_gold_totals(connection, stem: str) -> None:
    rows = gold(stem)
    totals = connection.execute("""
        select t.source_line, t.fiscal_year, t.scenario, t.measure, t.amount_eur from marts.fct_reported_totals t
        join marts.dim_document d using (document_id) where d.source_file = ?""", [f"{stem}.txt"]).fetchall()
    assert totals, stem
    for line, year, scenario, measure, amount in totals:
        assert any(g["is_total"] and g["line"] == line and g["year"] == year and family(g["scenario"]) == family(scenario)
                   and g["measure"] == measure and g["eur"] == amount for g in rows), (stem, line, year, scenario, measure, amount)


def test_real_documents_end_to_end(project_env):
    raw = locations.raw_dir()
    put_documents(raw)

    assert refresh() == 0

    with duckdb.connect(str(locations.published_path()), read_only=True) as connection:
        facts = {stem: facts_of(connection, stem) for stem in DOCUMENTS}
        assert connection.execute("select documents_loaded, documents_quarantined from analytics.warehouse_manifest").fetchone() == (
            len(DOCUMENTS), 0)

        # -- what became of each document, and why ------------------------------------------------------
        status = {row[0].removesuffix(".txt"): row[1:] for row in connection.execute("""
            select source_file, outcome, outcome_reason, fact_count, ambiguous_cell_count,
                   failed_check_names, unverified_check_names, ambiguity_reasons
            from analytics.document_status""").fetchall()}
        assert {stem: outcome[0] for stem, outcome in status.items()} == {
            "oss_jaarrekening_2019_pipe": "loaded",
            "noordenveld_jaarrekening_2021": "loaded",
            "utrecht_jaarrekening_2023": "loaded",
            "tubbergen_jaarrekening_2023": "loaded",
            "berg-en-dal_tussentijdse_rapportage_2017": "unverified",  # saldo sign read from the majority, not the words
            "bladel_begroting_2022": "flagged",  # the 0.11 row prints 6 values for 12 columns, no total places them
            NO_YEAR: "flagged",  # no year anywhere in the text
        }
        for stem in ("oss_jaarrekening_2019_pipe", "noordenveld_jaarrekening_2021", "utrecht_jaarrekening_2023",
                     "tubbergen_jaarrekening_2023"):
            assert status[stem][1] is None and status[stem][4:6] == ([], []), (stem, status[stem])
        outcome, reason, _, _, failed, unverified, _ = status["berg-en-dal_tussentijdse_rapportage_2017"]
        assert (failed, unverified) == ([], ["sign"])
        assert reason.startswith("sign ") and "saldo convention (saldo only: printed as baten - lasten" in reason
        _, reason, fact_count, cells, failed, _, ambiguity = status["bladel_begroting_2022"]
        assert (fact_count, cells, failed, ambiguity) == (143, 12, [], "6 values for 12 columns")
        assert reason.startswith("12 printed values not placed in a row (marts.document_ambiguous_cells): 6 values for 12 columns")
        _, reason, fact_count, cells, failed, unverified, ambiguity = status[NO_YEAR]
        assert (fact_count, failed, unverified) == (0, [], ["unit"])
        assert ambiguity == "the column's year or scenario is not stated (supply reporting_year and document_kind)"
        assert reason.startswith(f"{cells} printed values not placed in a row (marts.document_ambiguous_cells): "
                                 "the column's year or scenario is not stated")
        assert "; unit " in reason and ": unit inferred (no unit printed: x € 1,000 inferred" in reason
        assert facts[NO_YEAR] == []
        origin = dict(connection.execute("select source_file, metadata_origin from marts.dim_document").fetchall())
        assert "unit=sidecar" in origin["oss_jaarrekening_2019_pipe.txt"]

        # -- exact figures, read off the gold (line in the text without its SOURCE line) ------------------
        expected = {
            # pipe table, baten printed negative as the table's convention: stored positive
            ("oss_jaarrekening_2019_pipe", 4, 2019, "realisatie", "lasten"): ("Programma 1", None, 85_307_000),
            ("oss_jaarrekening_2019_pipe", 5, 2019, "realisatie", "baten"): ("Programma 1", None, 2_233_000),
            # lasten printed negative; 0.8's short row placed by the totals; 519 printed positive is a negative cost
            ("bladel_begroting_2022", 9, 2020, "realisatie", "lasten"): ("0.1 Bestuur", "0.1", 1_156_000),
            ("bladel_begroting_2022", 20, 2022, "begroting_primitief", "lasten"): ("0.8 Overige baten en lasten", "0.8", -519_000),
            # a genuinely negative baten stays negative
            ("noordenveld_jaarrekening_2021", 75, 2021, "begroting_primitief", "baten"): (None, "0.3", -197_000),
            ("noordenveld_jaarrekening_2021", 109, 2021, "realisatie", "lasten"): (None, "0.4", 10_536_000),
            # saldo only: baten - lasten, negative = net cost; a toevoeging printed negative is a storting
            ("berg-en-dal_tussentijdse_rapportage_2017", 41, 2017, "begroting_primitief", "saldo"): ("Programma 1: Inwoner", None, -29_911_000),
            ("berg-en-dal_tussentijdse_rapportage_2017", 43, 2017, "begroting_na_wijziging", "saldo"): ("Programma 1: Inwoner", None, -31_135_000),
            ("berg-en-dal_tussentijdse_rapportage_2017", 113, 2017, "begroting_primitief", "reserves_storting"): ("Toevoeging aan reserves", None, 2_235_000),
            # reserves: flows of the year, not balances
            ("utrecht_jaarrekening_2023", 45, 2023, "realisatie", "reserves_storting"): ("Algemene dekkingsreserve", None, 72_044_000),
            ("utrecht_jaarrekening_2023", 47, 2023, "realisatie", "reserves_onttrekking"): ("Algemene dekkingsreserve", None, 145_792_000),
            ("tubbergen_jaarrekening_2023", 12, 2023, "realisatie", "baten"): ("Onroerendezaakbelastingen", None, 4_989_000),
        }
        for (stem, line, year, scenario, measure), (category, code, amount) in expected.items():
            source_category, taakveld_code, stored, _ = fact(connection, stem, line, year, scenario, measure)
            assert stored == Decimal(amount), (stem, line, stored)
            assert taakveld_code == code, (stem, line, taakveld_code)
            assert category is None or source_category == category, (stem, line, source_category)
        # '1.116 368' in one cell, both counted in the printed Totaal: one line figure, their sum
        assert fact(connection, "tubbergen_jaarrekening_2023", 15, 2023, "begroting_na_wijziging", "baten") == (
            "Afvalstoffenheffing", None, Decimal(1_484_000), 2)
        assert connection.execute("""
            select taakveld_name from analytics.budget_facts
            where source_file = 'noordenveld_jaarrekening_2021.txt' and taakveld_code = '0.3' limit 1""").fetchone() == (
            "Beheer overige gebouwen en gronden",)

        # -- every stored figure is a printed line of the gold, never a total; totals only as totals -----
        for stem in DOCUMENTS:
            assert_no_total_and_all_in_gold(facts[stem], stem)
        for stem in ("bladel_begroting_2022", "berg-en-dal_tussentijdse_rapportage_2017", "utrecht_jaarrekening_2023"):
            assert_reported_totals_are_gold_totals(connection, stem)
        # a table prints several totals of one year and measure (hoofdtaakveld subtotals, Totaal resultaat)
        assert connection.execute("""
            select count(*) from marts.fct_reported_totals t join marts.dim_document d using (document_id)
            where d.source_file = 'bladel_begroting_2022.txt' and t.fiscal_year = 2022 and t.measure = 'lasten'
              and t.scenario = 'begroting_primitief'""").fetchone()[0] > 1
        # all that must be stored is, where the document allows it (Bladel's 0.11 is ambiguous, see below)
        for stem in DOCUMENTS:
            if stem in (NO_YEAR, "bladel_begroting_2022"):
                continue
            stored = Counter()
            for f in facts[stem]:
                stored[(f["source_line"], f["fiscal_year"], family(f["scenario"]), f["measure"])] += f["printed_figure_count"]
            wanted = Counter((g["line"], g["year"], family(g["scenario"]), g["measure"]) for g in required(gold(stem)))
            assert stored == wanted, (stem, stored - wanted, wanted - stored)

        # -- saldo: stored for the saldo-only document, and described --------------------------------------
        berg_en_dal = facts["berg-en-dal_tussentijdse_rapportage_2017"]
        assert {f["measure"] for f in berg_en_dal} == {"saldo", "reserves_storting", "reserves_onttrekking"}
        assert sum(f["measure"] == "saldo" for f in berg_en_dal) == 25
        assert all(f["measure"] != "saldo" for stem in DOCUMENTS if stem != "berg-en-dal_tussentijdse_rapportage_2017"
                   for f in facts[stem])  # where a row prints lasten and baten, its saldo is only a check
        name, description = connection.execute(
            "select measure_name, measure_description from marts.dim_measure where measure = 'saldo'").fetchone()
        assert name == "Saldo" and description.startswith("Baten minus lasten") and "never add it to lasten or baten" in description
        assert connection.execute("""
            select count(*) from analytics.budget_facts f join marts.dim_measure m using (measure)
            where f.source_file = 'berg-en-dal_tussentijdse_rapportage_2017.txt' and m.measure = 'saldo'""").fetchone()[0] == 25

        # -- beside CBS: a saldo or a reserve flow off 0.10 is never compared with Iv3 lasten or baten ------
        assert connection.execute("select distinct measure from marts.document_vs_iv3 order by 1").fetchall() == [
            ("baten",), ("lasten",)]
        compared = dict(connection.execute("""
            select d.source_file, count(*) from marts.document_vs_iv3 v join marts.dim_document d using (document_id)
            group by all""").fetchall())
        assert "berg-en-dal_tussentijdse_rapportage_2017.txt" not in compared
        assert "utrecht_jaarrekening_2023.txt" not in compared  # reserve flows of programmes, not of 0.10
        assert compared["noordenveld_jaarrekening_2021.txt"] > 0

        # -- checks --------------------------------------------------------------------------------------
        checks = Counter(connection.execute("""
            select replace(source_file, '.txt', ''), check_name, check_status from marts.document_checks""").fetchall())
        assert not [key for key in checks if key[2] == "failed"]
        assert checks[("berg-en-dal_tussentijdse_rapportage_2017", "sign", "unverified")] == 1
        assert checks[("berg-en-dal_tussentijdse_rapportage_2017", "table_total", "passed")] > 0
        assert checks[("bladel_begroting_2022", "placement", "passed")] > 0  # short rows placed by the totals
        assert checks[("bladel_begroting_2022", "table_total", "passed")] > 0
        assert checks[("noordenveld_jaarrekening_2021", "line_saldo", "passed")] > 0
        assert checks[("noordenveld_jaarrekening_2021", "sign", "passed")] == 1
        assert checks[("oss_jaarrekening_2019_pipe", "line_saldo", "passed")] > 0
        assert checks[("utrecht_jaarrekening_2023", "table_total", "passed")] > 0
        assert checks[(NO_YEAR, "unit", "unverified")] == 1
        assert checks[(NO_YEAR, "line_saldo", "passed")] > 0  # checked even where nothing is stored

        # -- values not stored, with their reason ----------------------------------------------------------
        cells = connection.execute("""
            select replace(source_file, '.txt', ''), source_line, printed_value, candidate_rows, ambiguity_reason
            from marts.document_ambiguous_cells""").fetchall()
        bladel = [cell for cell in cells if cell[0] == "bladel_begroting_2022"]
        assert {cell[1] for cell in bladel} == {23, 24} and {cell[4] for cell in bladel} == {"6 values for 12 columns"}
        assert sorted(cell[2] for cell in bladel if cell[1] == 23) == sorted(
            Decimal(g["printed"]) for g in gold("bladel_begroting_2022") if g["line"] == 23)
        assert all(cell[3].startswith("0.11 Resultaat van de rekening van baten en lasten: ") for cell in bladel if cell[1] == 23)
        # every printed line figure of the yearless document, as printed, none stored
        no_year = [cell for cell in cells if cell[0] == NO_YEAR]
        assert Counter((cell[1], cell[2]) for cell in no_year) == Counter(
            (g["line"], Decimal(g["printed"])) for g in gold(NO_YEAR) if not g["is_total"])
        assert {cell[4] for cell in no_year} == {
            "the column's year or scenario is not stated (supply reporting_year and document_kind)"}

        # -- provenance: a figure leads back to its file and line ------------------------------------------
        source_file, source_line, amount = connection.execute("""
            select source_file, source_line, amount_eur from analytics.budget_facts
            where municipality_code = 'GM0344' and fiscal_year = 2023 and measure = 'reserves_storting'
              and source_category = 'Algemene dekkingsreserve'""").fetchone()
        assert (source_file, source_line, amount) == ("utrecht_jaarrekening_2023.txt", 45, Decimal(72_044_000))
        assert (raw / source_file).read_text(encoding="utf-8").splitlines()[source_line - 1].strip() == "72.044"

        manifest_rows = connection.execute("select fact_rows from analytics.warehouse_manifest").fetchone()[0]
        assert manifest_rows == sum(len(rows) for rows in facts.values())
        before = {stem: len(rows) for stem, rows in facts.items()}

    # -- the user says the year and kind: the document loads in full, nothing else changes --------------
    write_sidecar(raw, NO_YEAR, {"municipality_code": municipality_codes()[NO_YEAR], "reporting_year": 2017,
                                 "document_kind": "jaarrekening"})
    assert refresh() == 0

    with duckdb.connect(str(locations.published_path()), read_only=True) as connection:
        outcome, reason, fact_count, cells, unverified, kind, year, origin = connection.execute("""
            select s.outcome, s.outcome_reason, s.fact_count, s.ambiguous_cell_count, s.unverified_check_names,
                   d.document_kind, d.reporting_year, d.metadata_origin
            from analytics.document_status s join marts.dim_document d using (document_id)
            where s.source_file = ?""", [f"{NO_YEAR}.txt"]).fetchone()
        # the unit is still inferred (no caption, none in the sidecar): loaded, and says so
        assert (outcome, cells, unverified, kind, year) == ("unverified", 0, ["unit"], "jaarrekening", 2017)
        assert reason.startswith("unit ") and ": unit inferred (no unit printed: x € 1,000 inferred" in reason
        assert "reporting_year=sidecar" in origin and "document_kind=sidecar" in origin
        loaded = facts_of(connection, NO_YEAR)
        assert fact_count == len(loaded) == len(required(gold(NO_YEAR))) == 114
        assert Counter((f["source_line"], f["fiscal_year"], f["scenario"], f["measure"], f["amount_eur"]) for f in loaded) == Counter(
            (g["line"], g["year"], g["scenario"], g["measure"], Decimal(g["eur"])) for g in required(gold(NO_YEAR)))
        assert_no_total_and_all_in_gold(loaded, NO_YEAR)
        assert fact(connection, NO_YEAR, 31, 2017, "begroting_primitief", "baten")[::2] == ("1. Gebiedsgericht werken", Decimal(979_000))
        assert fact(connection, NO_YEAR, 287, 2017, "realisatie", "lasten")[2] == Decimal(-17_000)  # a genuinely negative cost
        assert connection.execute("select count(*) from marts.document_ambiguous_cells where source_file = ?",
                                  [f"{NO_YEAR}.txt"]).fetchone()[0] == 0
        assert {stem: len(facts_of(connection, stem)) for stem in DOCUMENTS} == {**before, NO_YEAR: 114}
