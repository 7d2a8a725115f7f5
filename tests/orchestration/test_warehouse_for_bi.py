"""The published file as a BI tool and an analyst meet it (issue 12): only the star and the flat views,
every table and column described in the file itself, keys declared, numbers that are safe to sum by
construction, one spelling per municipality attribute. Each test opens a real published file read-only,
built by the pipeline from the sample in raw/."""

import shutil
import subprocess
from decimal import Decimal

import duckdb
import pytest

from orchestration import locations, run
from tests.orchestration.conftest import PROJECT_DIR

DUCKDB_15 = PROJECT_DIR / ".venv-duckdb15" / "bin" / "python"
SCENARIOS = ("begroting_primitief", "begroting_na_wijziging", "meerjarenraming", "realisatie_tot_heden", "realisatie",
             "afwijking")
PROVINCES = {"Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht", "Noord-Holland",
             "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """One pipeline run on a copy of the sample; the published file it leaves."""
    root = tmp_path_factory.mktemp("bi")
    shutil.copytree(PROJECT_DIR / "raw", root / "raw")
    (root / "dagster_home").mkdir()
    shutil.copy(PROJECT_DIR / ".dagster_home" / "dagster.yaml", root / "dagster_home" / "dagster.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GF_RAW_DIR", str(root / "raw"))
        patch.setenv("GF_WAREHOUSE_DIR", str(root / "warehouse"))
        patch.setenv("DAGSTER_HOME", str(root / "dagster_home"))
        assert run.main() == 0
        path = locations.published_path()
    return path


@pytest.fixture
def warehouse(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        yield connection


def test_the_file_holds_only_marts_and_analytics(warehouse):
    schemas = {schema for (schema,) in warehouse.execute(
        "select distinct schema_name from duckdb_tables() union select distinct schema_name from duckdb_views() "
        "where not internal").fetchall()}
    assert schemas == {"marts", "analytics"}
    assert warehouse.execute("select count(*) from duckdb_schemas() where schema_name in ('staging', 'reference')"
                             ).fetchone()[0] == 0
    # every view still reads: none of them depended on a dropped build-only table
    for schema, view in warehouse.execute("select schema_name, view_name from duckdb_views() where not internal").fetchall():
        warehouse.execute(f"select * from {schema}.{view} limit 1").fetchall()


def test_every_published_table_and_column_is_described_in_the_file(warehouse):
    undescribed_relations = warehouse.execute("""
        select schema_name || '.' || table_name from duckdb_tables() where coalesce(trim(comment), '') = ''
        union all
        select schema_name || '.' || view_name from duckdb_views() where not internal and coalesce(trim(comment), '') = ''
    """).fetchall()
    columns, undescribed = warehouse.execute("""
        select count(*), list(schema_name || '.' || table_name || '.' || column_name)
            filter (where coalesce(trim(comment), '') in ('', 'TODO'))
        from duckdb_columns() where schema_name in ('marts', 'analytics')
    """).fetchone()
    assert undescribed_relations == []
    assert undescribed is None, undescribed
    assert columns > 300
    # the shared descriptions (dbt doc blocks) are rendered, not left as Jinja
    assert warehouse.execute("select count(*) from duckdb_columns() where comment like '%{{%'").fetchone()[0] == 0
    comment = warehouse.execute("select comment from duckdb_columns() where schema_name = 'analytics' "
                                "and table_name = 'budget_facts' and column_name = 'is_current'").fetchone()[0]
    assert "one scenario at a time" in comment


def test_a_duckdb_1_5_client_reads_descriptions_keys_and_build_time(published, warehouse):
    assert DUCKDB_15.exists(), "run `make test` (it sets up .venv-duckdb15 with DuckDB 1.5.0)"
    client = """
import duckdb, sys
assert duckdb.__version__ == "1.5.0", duckdb.__version__
with duckdb.connect(sys.argv[1], read_only=True) as connection:
    described = connection.execute(
        "select count(*) from duckdb_columns() where schema_name in ('marts', 'analytics') and comment <> ''").fetchone()[0]
    keys = connection.execute("select count(*) from duckdb_constraints() where constraint_type = 'PRIMARY KEY'").fetchone()[0]
    built_at = connection.execute("select built_at from analytics.warehouse_manifest").fetchone()[0]
print(described, keys, type(built_at).__name__, built_at.tzinfo is None)
"""
    output = subprocess.run([str(DUCKDB_15), "-c", client, str(published)], capture_output=True, text=True, timeout=120)
    assert output.returncode == 0, output.stderr
    described, keys, built_at_type, is_naive = output.stdout.split()
    assert int(described) == warehouse.execute(
        "select count(*) from duckdb_columns() where schema_name in ('marts', 'analytics')").fetchone()[0]
    assert int(keys) >= 8
    # TIMESTAMPTZ would need pytz in a 1.x client; a plain TIMESTAMP (UTC) comes back as a naive datetime
    assert (built_at_type, is_naive) == ("datetime", "True")


def test_dimensions_declare_primary_keys_and_facts_have_an_id_and_a_date(warehouse):
    keys = dict(warehouse.execute("select table_name, constraint_column_names from duckdb_constraints() "
                                  "where constraint_type = 'PRIMARY KEY'").fetchall())
    assert keys["dim_municipality"] == ["municipality_code"]
    assert keys["dim_taakveld"] == ["taakveld_key"]
    assert keys["dim_fiscal_year"] == ["fiscal_year"]
    assert keys["dim_document"] == ["document_id"]
    assert keys["agg_budget_by_hoofdtaakveld"] == ["municipality_code", "fiscal_year", "scenario", "hoofdtaakveld_code"]
    rows, ids, null_ids = warehouse.execute(
        "select count(*), count(distinct budget_line_id), count(*) filter (where budget_line_id is null) "
        "from analytics.budget_facts").fetchone()
    assert rows > 100 and ids == rows and null_ids == 0
    mismatched_dates = warehouse.execute(
        "select count(*) from analytics.budget_facts where fiscal_year_start_date <> make_date(fiscal_year, 1, 1) "
        "or fiscal_year_start_date is null").fetchone()[0]
    assert mismatched_dates == 0


def test_each_scenario_column_of_the_wide_view_sums_to_the_current_long_facts(warehouse):
    long_sums = {(measure, scenario): total for measure, scenario, total in warehouse.execute(
        "select measure, scenario, sum(amount_eur) from marts.fct_budget_lines where is_current group by all").fetchall()}
    columns = ", ".join(f"sum({scenario}_eur)" for scenario in SCENARIOS)
    for measure, *sums in warehouse.execute(f"select measure, {columns} from analytics.budget_cells group by measure").fetchall():
        for scenario, total in zip(SCENARIOS, sums):
            assert total == long_sums.get((measure, scenario)), (measure, scenario)
    assert len(long_sums) >= 10  # the sample has lasten, baten and reserves in several scenarios
    # the naive sum of issue 12 (every current lasten figure) differs from any one scenario's column
    naive = warehouse.execute("select sum(amount_eur) from analytics.budget_facts where measure = 'lasten' and is_current"
                              ).fetchone()[0]
    realisatie = warehouse.execute("select sum(realisatie_eur) from analytics.budget_cells where measure = 'lasten'"
                                   ).fetchone()[0]
    assert realisatie == long_sums[("lasten", "realisatie")] and naive > realisatie
    cells, distinct_cells = warehouse.execute("""
        select count(*), count(distinct (municipality_code, fiscal_year, taakveld_key, line_item, measure))
        from analytics.budget_cells""").fetchone()
    assert cells == distinct_cells


def test_hoofdtaakveld_aggregates_keep_measures_and_saldo_apart(warehouse):
    expected = {(scenario, measure): total for scenario, measure, total in warehouse.execute("""
        select scenario,
               case when taakveld_key = '0.10' and measure = 'lasten' then 'reserves_storting'
                    when taakveld_key = '0.10' and measure = 'baten' then 'reserves_onttrekking'
                    else measure end,
               sum(amount_eur)
        from marts.fct_budget_lines where is_current and taakveld_key <> '0.11' group by all""").fetchall()}
    for scenario, *sums in warehouse.execute("""
            select scenario, sum(lasten_eur), sum(baten_eur), sum(saldo_eur), sum(reserves_storting_eur),
                   sum(reserves_onttrekking_eur)
            from marts.agg_budget_by_hoofdtaakveld group by scenario""").fetchall():
        for measure, total in zip(("lasten", "baten", "saldo", "reserves_storting", "reserves_onttrekking"), sums):
            assert total == expected.get((scenario, measure)), (scenario, measure)
    # CBS's figures per hoofdtaakveld: 0.10 and 0.11 out of lasten, per inhabitant over the year's population
    lasten, population, per_inhabitant = warehouse.execute("""
        select lasten_eur, population, lasten_eur_per_inhabitant from marts.agg_iv3_by_hoofdtaakveld
        where municipality_code = 'GM0221' and fiscal_year = 2023 and scenario = 'realisatie' and hoofdtaakveld_code = '0'
    """).fetchone()
    iv3 = warehouse.execute("""
        select sum(amount_eur) from marts.fct_iv3_figures f join marts.dim_taakveld t using (taakveld_key)
        where f.municipality_code = 'GM0221' and f.fiscal_year = 2023 and f.scenario = 'realisatie'
          and f.measure = 'lasten' and t.hoofdtaakveld_code = '0' and f.taakveld_key not in ('0.10', '0.11')
    """).fetchone()[0]
    assert lasten == iv3 and lasten > 0
    assert per_inhabitant == round(lasten / population, 2)
    assert warehouse.execute("select count(distinct municipality_code) from marts.agg_iv3_by_hoofdtaakveld"
                             ).fetchone()[0] >= 342


def test_municipality_attributes_have_one_spelling_and_an_order(warehouse):
    provinces = {name for (name,) in warehouse.execute(
        "select province_name from marts.dim_municipality where province_name is not null "
        "union select province_name from marts.municipality_population").fetchall()}
    assert provinces == PROVINCES
    size_classes = warehouse.execute(
        "select size_class, list(distinct size_class_order) from marts.municipality_population group by all "
        "order by min(size_class_order)").fetchall()
    assert [order for _, order in size_classes] == [[n] for n in range(1, 9)]
    assert size_classes[0][0] == "minder dan 5.000 inwoners"
    urbanisation = warehouse.execute(
        "select count(distinct urbanisation), count(distinct urbanisation_order), count(*) filter (where urbanisation_order is null) "
        "from marts.municipality_population").fetchone()
    assert urbanisation == (5, 5, 0)
    # one municipality, one province across the years and the dimension (Fryslân was Friesland in 2024's file)
    disagreeing = warehouse.execute("""
        select count(*) from marts.municipality_population p join marts.dim_municipality m using (municipality_code)
        where p.province_name <> m.province_name""").fetchone()[0]
    assert disagreeing == 0


def test_the_sample_has_no_conflicting_documents(warehouse):
    assert warehouse.execute("select count(*) from marts.document_conflicts").fetchone()[0] == 0
