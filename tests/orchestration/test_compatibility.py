"""The published file opens read-only in DuckDB 1.5.0 (a separate environment `make test` sets up, as BI
tools embed 1.5.x) and through SQLAlchemy with duckdb-engine, the way Superset connects."""

import subprocess

import duckdb
import sqlalchemy

from orchestration import locations, run

DUCKDB_15 = locations.PROJECT_DIR / ".venv-duckdb15" / "bin" / "python"
CLIENT = """
import duckdb, sys
assert duckdb.__version__ == "1.5.0", duckdb.__version__
with duckdb.connect(sys.argv[1], read_only=True) as connection:
    facts, total = connection.execute("select count(*), sum(amount_eur) from analytics.budget_facts").fetchone()
    control = connection.execute("select control_total_eur from analytics.warehouse_manifest").fetchone()[0]
    per_inhabitant = connection.execute(
        "select count(*) from marts.per_inhabitant_by_comparable_taakveld where fiscal_year = 2025").fetchone()[0]
print(facts, total == control, per_inhabitant)
"""


def test_published_file_opens_in_duckdb_1_5_0_and_through_sqlalchemy(project_env):
    assert DUCKDB_15.exists(), "run `make test` (it sets up .venv-duckdb15 with DuckDB 1.5.0)"
    assert run.main() == 0
    published = locations.published_path()

    output = subprocess.run([str(DUCKDB_15), "-c", CLIENT, str(published)], capture_output=True, text=True, timeout=120)
    assert output.returncode == 0, output.stderr
    facts, totals_agree, per_inhabitant = output.stdout.split()
    with duckdb.connect(str(published), read_only=True) as connection:
        assert int(facts) == connection.execute("select count(*) from analytics.budget_facts").fetchone()[0]
    assert totals_agree == "True" and int(per_inhabitant) > 40_000

    engine = sqlalchemy.create_engine(f"duckdb:///{published}", connect_args={"read_only": True})
    with engine.connect() as connection:
        inspector = sqlalchemy.inspect(connection)
        assert "fct_iv3_figures" in inspector.get_table_names(schema="marts")
        municipalities = connection.execute(sqlalchemy.text(
            "select count(*) from marts.dim_municipality where is_active")).scalar()
    assert municipalities == 342
