"""End to end on the sample: sensor, run, publication, and a reader that holds the file meanwhile."""

import shutil
import threading

import dagster as dg
import duckdb
import sqlalchemy

from orchestration import locations, run
from orchestration.defs.automation import new_documents_sensor

CONTRACT_TABLES = [
    "marts.dim_municipality", "marts.dim_fiscal_year", "marts.dim_taakveld", "marts.dim_measure",
    "marts.dim_scenario", "marts.dim_document", "marts.fct_budget_lines", "marts.fct_reported_totals",
    "analytics.budget_facts", "analytics.warehouse_manifest", "marts.dim_taakveld_year", "marts.fct_iv3_figures",
    "marts.municipality_population", "marts.per_inhabitant_by_taakveld", "marts.per_inhabitant_by_comparable_taakveld",
    "marts.document_vs_iv3", "marts.iv3_file_checks",
]


def assert_iv3_loaded(connection):
    """The four CBS Iv3 files: all municipalities, population, per inhabitant, and Doesburg beside CBS."""
    assert connection.execute("select count(*) from marts.dim_municipality where is_active").fetchone()[0] == 342
    assert connection.execute("select outcome, count(*) from analytics.iv3_file_status group by all order by 1").fetchall() == [
        ("flagged", 1), ("loaded", 3)]  # 2023 budget: Sliedrecht's lasten and baten differ by 14 M
    assert connection.execute("select count(*) from marts.fct_iv3_figures").fetchone()[0] == 237_105
    assert connection.execute("""
        select amount_eur from marts.fct_iv3_figures where municipality_code = 'GM0221' and fiscal_year = 2023
          and scenario = 'realisatie' and taakveld_key = '6.1' and measure = 'lasten'""").fetchone()[0] == 2_329_000
    # 6.72 in 2023 is the sum of its split codes 6.72a-6.74c: 971+850+385+0+250+1582+1204+406+0+0 (€ 1.000)
    amount, population, per_inhabitant, codes = connection.execute("""
        select amount_eur, population, eur_per_inhabitant, taakveld_codes from marts.per_inhabitant_by_comparable_taakveld
        where municipality_code = 'GM0221' and fiscal_year = 2023 and scenario = 'realisatie'
          and comparison_taakveld_code = '6.72' and measure = 'lasten'""").fetchone()
    assert (amount, population, str(per_inhabitant), len(codes)) == (5_648_000, 11_081, "509.70", 11)
    # Doesburg's mid-year report 2024 prints realisatie 2023 6.1 lasten 2,329,041; CBS has 2,329 (€ 1.000)
    document, iv3, within = connection.execute("""
        select document_amount_eur, iv3_amount_eur, is_within_iv3_rounding from marts.document_vs_iv3
        where municipality_code = 'GM0221' and fiscal_year = 2023 and scenario = 'realisatie'
          and measure = 'lasten' and comparison_taakveld_code = '6.1'""").fetchone()
    assert (document, iv3, within) == (2_329_041, 2_329_000, True)


def test_sample_end_to_end_then_a_new_document_during_a_read(project_env, capsys):
    assert run.main([]) == 0
    published = locations.published_path()
    summary = capsys.readouterr().out
    assert "documents: 5 read" in summary and "306 facts loaded" in summary

    with duckdb.connect(str(published), read_only=True) as connection:
        for table in CONTRACT_TABLES:
            assert connection.execute(f"select count(*) from {table}").fetchone()[0] > 0, table
        per_document = dict(connection.execute(
            "select source_file, count(*) from analytics.budget_facts group by source_file").fetchall())
        assert per_document == {"000_c4af054f0ba76b1a.txt": 125, "001_e78bd59bccd1abe7.txt": 62,
                                "002_24f5b536cfda2a4f.txt": 28, "003_ed6ab7dfba02c413.txt": 10,
                                "004_5247434d362f76de.txt": 81}
        # Doesburg 6.3 lasten 2024: the mid-year report's realisatie so far, exact, as a DECIMAL
        amount, is_current, type_name = connection.execute("""
            select amount_eur, is_current, typeof(amount_eur) from analytics.budget_facts
            where municipality_code = 'GM0221' and fiscal_year = 2024 and taakveld_code = '6.3'
              and measure = 'lasten' and scenario = 'realisatie_tot_heden'""").fetchone()
        assert (str(amount), is_current, type_name) == ("2618669.00", False, "DECIMAL(18,2)")
        # ... superseded by the full-year realisatie 2024 that the 2025 report prints
        assert connection.execute("""
            select amount_eur from analytics.budget_facts where municipality_code = 'GM0221' and fiscal_year = 2024
              and taakveld_code = '6.3' and measure = 'lasten' and is_current""").fetchone()[0] == 6287113
        coevorden_baten = connection.execute("""
            select amount_eur, total_kind from marts.fct_reported_totals
            where municipality_code = 'GM0109' and measure = 'baten'""").fetchall()
        assert [(int(a), k) for a, k in coevorden_baten] == [(11_733_000, "gauge")]
        assert_iv3_loaded(connection)
        # loose names resolve by code: OCR's 'Geéscaleerde', the documents' 'leerlingenzaken'
        assert connection.execute("""
            select distinct taakveld_code, taakveld_name from analytics.budget_facts
            where source_category in ('6.81 Geéscaleerde zorg 18+', '6.81 Geëscaleerde zorg 18+')""").fetchall() == [
            ("6.81", "Geëscaleerde zorg 18+")]
        # 6.2, 6.6, 6.71, 6.72, 6.81, 6.82 ended in 2024: Doesburg's 2025 report still uses them; kept and flagged
        assert connection.execute("""
            select distinct source_file, fiscal_year, printed_taakveld_code from analytics.taakveld_flags order by all""").fetchall() == [
            ("001_e78bd59bccd1abe7.txt", 2025, code) for code in ("6.2", "6.6", "6.71", "6.72", "6.81", "6.82")]

    # An analyst keeps a read-only connection open while a new document arrives and is published.
    reader = duckdb.connect(str(published), read_only=True)
    before = reader.execute("select count(*) from marts.fct_budget_lines").fetchone()[0]
    errors: list[Exception] = []
    stop = threading.Event()

    def keep_reading():
        while not stop.is_set():
            try:
                with duckdb.connect(str(published), read_only=True) as fresh:
                    fresh.execute("select sum(amount_eur) from analytics.budget_facts").fetchone()
            except Exception as error:  # noqa: BLE001 - any error is what this test counts
                errors.append(error)

    thread = threading.Thread(target=keep_reading)
    thread.start()
    new_file = locations.raw_dir() / "005_copy_of_coevorden.txt"
    shutil.copy(locations.raw_dir() / "002_24f5b536cfda2a4f.txt", new_file)
    new_file.write_text(new_file.read_text() + "\nDeze pagina is gedeeld via de website\n")  # other text, another document

    instance = dg.DagsterInstance.get()
    requests = list(new_documents_sensor(dg.build_sensor_context(instance=instance)))
    assert len(requests) == 1 and requests[0].tags["raw_changes"] == "1"
    # looking again before the run: the same run key, so Dagster starts the run once
    assert [r.run_key for r in new_documents_sensor(dg.build_sensor_context(instance=instance))] == [requests[0].run_key]

    assert run.main([]) == 0
    assert list(new_documents_sensor(dg.build_sensor_context(instance=instance))) == []  # nothing left to do
    stop.set()
    thread.join()
    assert errors == []
    assert reader.execute("select count(*) from marts.fct_budget_lines").fetchone()[0] == before  # old snapshot intact
    reader.close()
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.fct_budget_lines").fetchone()[0] == before + 28
        assert connection.execute("select fact_rows from analytics.warehouse_manifest").fetchone()[0] == before + 28
    assert not (locations.warehouse_dir() / "build" / "warehouse.duckdb").exists()

    # the way Superset connects: SQLAlchemy with duckdb-engine, read-only
    engine = sqlalchemy.create_engine(f"duckdb:///{published}", connect_args={"read_only": True})
    with engine.connect() as connection:
        rows = connection.execute(sqlalchemy.text("select count(distinct municipality_code) from analytics.budget_facts")).scalar()
    assert rows == 4
