"""The benchmark: one table of what the pipeline costs at scale, against the floor, in one run.

    .venv/bin/python -m bench.run [--sizes 100,1000,10000] [--fact-rows 10000000] [--sample-only]

- the sample (raw/: five real documents and the four CBS Iv3 files): a refresh from nothing, a refresh with
  nothing new, changed or gone (it must publish nothing), and one after one document changed;
- parse throughput: the parsers on the synthetic corpus, one core;
- full refresh (`python -m orchestration.run`: parse, dbt build with every test, checks, publication)
  on a fresh warehouse of 100, 1,000 and 10,000 documents (plus the four CBS Iv3 files);
- refresh after one of the 10,000 documents changes (only it is parsed again), and one with nothing changed;
- the floor: the same work in one process - the same parsers, the same landing, the dbt project's
  compiled SQL (models and data tests) run directly in DuckDB, the file published - and the ratio;
- a BI query (sum per municipality x hoofdtaakveld x year) on a generated fact table of 10M rows;
- peak memory (resident set) of the largest process.

Machine noise is large: compare ratios measured in the same run, not figures across runs."""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.generate import generate
from orchestration import locations
from orchestration.ingest import ingest_documents, ingest_iv3_files
from orchestration.landing import IV3_SCHEMAS, ensure_landing_schemas
from orchestration.parsing.document import parse_document
from orchestration.publication import record_manifest

PROJECT = locations.PROJECT_DIR


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def copy_corpus(corpus: Path, raw: Path, count: int) -> None:
    raw.mkdir(parents=True)
    for path in sorted(corpus.glob("*.txt"))[:count]:
        os.link(path, raw / path.name)
        os.link(path.with_name(path.name + ".meta.toml"), raw / (path.name + ".meta.toml"))
    shutil.copytree(PROJECT / "raw" / "iv3_cbs", raw / "iv3_cbs")


def refresh(raw: Path, warehouse: Path, home: Path) -> tuple[float, str]:
    """One `make run` refresh in its own process, timed from start to published (or found unchanged)."""
    env = {**os.environ, "GF_RAW_DIR": str(raw), "GF_WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=PROJECT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"refresh failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def file_state(path: Path) -> tuple[int, int]:
    """Inode and modification time: a file replaced, even by an equal one, changes both."""
    return path.stat().st_ino, path.stat().st_mtime_ns


def no_op_refresh(raw: Path, warehouse: Path, home: Path) -> tuple[float, str]:
    """A refresh with nothing new, changed or gone; it fails the benchmark if it publishes anything."""
    published = warehouse / "warehouse.duckdb"
    before = file_state(published)
    seconds, output = refresh(raw, warehouse, home)
    if file_state(published) != before or "unchanged: " not in output:
        raise SystemExit(f"a refresh with nothing new published a file:\n{output}")
    return seconds, output


def sample(root: Path) -> list[tuple[str, str, str]]:
    """The sample in raw/: a refresh from nothing, one with nothing new, one after one document changed."""
    run_root = root / "sample"
    raw = run_root / "raw"
    shutil.copytree(PROJECT / "raw", raw)
    warehouse, home = run_root / "warehouse", fresh_instance(run_root)
    rows = []
    seconds, _ = refresh(raw, warehouse, home)
    rows.append(("sample: refresh from nothing", f"{seconds:.1f} s", "5 documents, 4 Iv3 files; target <= 20 s"))
    say(" | ".join(rows[-1]))
    seconds, _ = no_op_refresh(raw, warehouse, home)
    rows.append(("sample: refresh, nothing changed", f"{seconds:.1f} s", "published file untouched; target: a few seconds (<= 5 s)"))
    say(" | ".join(rows[-1]))
    changed = sorted(raw.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nBijgewerkte versie\n", encoding="utf-8")
    seconds, _ = refresh(raw, warehouse, home)
    rows.append(("sample: refresh, 1 document changed", f"{seconds:.1f} s", "only it parsed; target <= 20 s"))
    say(" | ".join(rows[-1]))
    return rows


def fresh_instance(root: Path) -> Path:
    home = root / "dagster_home"
    home.mkdir(parents=True)
    shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return home


def fact_rows(published: Path) -> int:
    with duckdb.connect(str(published), read_only=True) as connection:
        return connection.execute("select fact_rows from analytics.warehouse_manifest").fetchone()[0]


def parse_throughput(corpus: Path, count: int) -> float:
    paths = sorted(corpus.glob("*.txt"))[:count]
    started = time.perf_counter()
    for path in paths:
        parse_document(path)
    return len(paths) / (time.perf_counter() - started)


def floor(raw: Path, root: Path, pipeline_warehouse: Path) -> float:
    """The same work in one process, without Dagster or dbt: parse (one core), land, run the compiled
    SQL of every model and data test in dependency order, record the manifest, publish by rename."""
    manifest_path = max((pipeline_warehouse / "dbt_target").glob("*/manifest.json"), key=lambda path: path.stat().st_mtime)
    manifest = json.loads(manifest_path.read_text())
    landing, published = root / "landing", root / "warehouse.duckdb"
    build = root / "build" / "warehouse.duckdb"
    build.parent.mkdir(parents=True)
    started = time.perf_counter()
    ingest_documents(raw, landing, "floor", workers=1)
    ingest_iv3_files(raw, landing)
    ensure_landing_schemas(landing, IV3_SCHEMAS)
    with duckdb.connect(str(build)) as connection:
        for node in topological(manifest):
            sql = (node.get("compiled_code") or "").replace(str(pipeline_warehouse / "landing"), str(landing))
            if node["resource_type"] == "seed":
                schema = node["schema"]
                connection.execute(f"create schema if not exists {schema}")
                types = node["config"].get("column_types") or {}
                seed_file = Path(node["root_path"]) / node["original_file_path"]
                connection.execute(f"create or replace table {schema}.{node['alias']} as select * from "
                                   f"read_csv('{seed_file}', header = true, types = {types!r})")
            elif node["resource_type"] == "model":
                connection.execute(f"create schema if not exists {node['schema']}")
                kind = "view" if node["config"]["materialized"] == "view" else "table"
                connection.execute(f"create or replace {kind} {node['schema']}.{node['alias']} as {sql}")
            elif node["resource_type"] == "test":
                connection.execute(f"select count(*) from ({sql}) as failures").fetchone()
        record_manifest(connection, "floor")
        connection.execute("checkpoint")
    os.replace(build, published)
    return time.perf_counter() - started


def topological(manifest: dict) -> list[dict]:
    nodes = {key: node for key, node in manifest["nodes"].items() if node["resource_type"] in ("seed", "model", "test")}
    ordered, seen = [], set()

    def visit(key: str) -> None:
        if key in seen or key not in nodes:
            return
        seen.add(key)
        for parent in nodes[key].get("depends_on", {}).get("nodes", []):
            visit(parent)
        ordered.append(nodes[key])

    for key in sorted(nodes):
        visit(key)
    return ordered


def bi_query(published: Path, root: Path, rows: int, repeats: int = 7) -> tuple[float, int]:
    """Median seconds of `sum per municipality x hoofdtaakveld x year` over a generated fact table of
    `rows` rows joined to the warehouse's own dimensions."""
    database = root / "bi.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"attach '{published}' as published (read_only)")
        connection.execute("""
            create table dim_taakveld as select * from published.marts.dim_taakveld;
            create table dim_municipality as select * from published.marts.dim_municipality;
            create temp table municipalities as
                select municipality_code, row_number() over (order by municipality_code) - 1 as i
                from dim_municipality where is_active;
            create temp table taakvelden as
                select taakveld_key, row_number() over (order by taakveld_key) - 1 as i
                from dim_taakveld where is_official_taakveld;
        """)
        counts = connection.execute("select (select count(*) from municipalities), (select count(*) from taakvelden)").fetchone()
        connection.execute(f"""
            create table fct_budget_lines as
            select m.municipality_code, 2016 + (r // {counts[0]}) % 10 as fiscal_year, t.taakveld_key,
                   case when r % 3 = 0 then 'baten' else 'lasten' end as measure, 'realisatie' as scenario,
                   ((hash(r) % 100000000) / 100)::decimal(18, 2) as amount_eur
            from range({rows}) as g(r)
            join municipalities as m on m.i = r % {counts[0]}
            join taakvelden as t on t.i = (r // {counts[0] * 10}) % {counts[1]}
        """)
        connection.execute("checkpoint")
    query = """
        select f.municipality_code, t.hoofdtaakveld_name, f.fiscal_year, sum(f.amount_eur) as lasten_eur
        from fct_budget_lines f join dim_taakveld t on t.taakveld_key = f.taakveld_key
        where f.measure = 'lasten' and f.scenario = 'realisatie'
        group by all
    """
    with duckdb.connect(str(database), read_only=True) as connection:  # as a BI tool opens it
        groups = len(connection.execute(query).fetchall())  # warm
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            connection.execute(query).fetchall()
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), groups


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark of the pipeline against its floor.")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--fact-rows", type=int, default=10_000_000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--sample-only", action="store_true", help="only the refreshes of the sample in raw/")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    root = args.workdir or Path(tempfile.mkdtemp(prefix="gf-bench-"))
    begun = time.perf_counter()
    rows: list[tuple[str, str, str]] = sample(root)
    if args.sample_only:
        print_table(rows, begun)
        return 0

    say(f"generating {sizes[-1]:,} documents in {root / 'corpus'}")
    started = time.perf_counter()
    generate(root / "corpus", sizes[-1], progress=lambda done, total: say(f"  generated {done:,} / {total:,}"))
    say(f"  {sizes[-1] / (time.perf_counter() - started):,.0f} documents/s")

    rate = parse_throughput(root / "corpus", min(2000, sizes[-1]))
    rows.append(("parse throughput, one core", f"{rate:,.0f} documents/s", "target >= 500/s"))
    say(rows[-1][1])

    runs = {}
    for size in sizes:
        run_root = root / f"run_{size}"
        copy_corpus(root / "corpus", run_root / "raw", size)
        seconds, output = refresh(run_root / "raw", run_root / "warehouse", fresh_instance(run_root))
        runs[size] = run_root
        facts = fact_rows(run_root / "warehouse" / "warehouse.duckdb")
        rows.append((f"full refresh, {size:,} documents", f"{seconds:.1f} s", f"{facts:,} line facts; peak RSS so far {peak_memory_mb():,.0f} MB"))
        say(" | ".join(rows[-1]))

    largest, run_root = sizes[-1], runs[sizes[-1]]
    changed = sorted((run_root / "raw").glob("*.txt"))[largest // 2]
    text = changed.read_text(encoding="utf-8")
    changed.unlink()  # a hard link to the corpus: write a new file, never through the link
    changed.write_text(text.replace("Korte", "Korte ", 1) + "\nBijgewerkte versie\n", encoding="utf-8")
    seconds, output = refresh(run_root / "raw", run_root / "warehouse", run_root / "dagster_home")
    parsed_line = next(line for line in output.splitlines() if line.startswith("raw/:"))
    rows.append((f"refresh after 1 of {largest:,} changed", f"{seconds:.1f} s", parsed_line + "; target <= 15 s"))
    say(" | ".join(rows[-1]))
    seconds, _ = no_op_refresh(run_root / "raw", run_root / "warehouse", run_root / "dagster_home")
    rows.append((f"refresh of {largest:,}, nothing changed", f"{seconds:.1f} s", "published file untouched; target <= 5 s"))
    say(" | ".join(rows[-1]))

    floor_root = root / "floor"
    floor_root.mkdir()
    floor_seconds = floor(run_root / "raw", floor_root, run_root / "warehouse")
    pipeline_seconds = float(next(row for row in rows if row[0] == f"full refresh, {largest:,} documents")[1].split()[0])
    rows.append((f"floor, {largest:,} documents (one process)", f"{floor_seconds:.1f} s",
                 f"pipeline / floor = {pipeline_seconds / floor_seconds:.2f} (target <= 2)"))
    say(" | ".join(rows[-1]))

    median, groups = bi_query(run_root / "warehouse" / "warehouse.duckdb", floor_root, args.fact_rows)
    rows.append((f"BI query, {args.fact_rows:,} fact rows", f"{median * 1000:.0f} ms median of 7",
                 f"{groups:,} groups; target <= 100 ms"))
    say(" | ".join(rows[-1]))
    rows.append(("peak memory (largest process)", f"{peak_memory_mb():,.0f} MB", "target <= 2,048 MB"))
    print_table(rows, begun)
    return 0


def print_table(rows: list[tuple[str, str, str]], begun: float) -> None:
    width = max(len(row[0]) for row in rows)
    print(f"\nbenchmark on {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}; {time.perf_counter() - begun:.0f} s in all")
    print(f"{'measure'.ljust(width)} | {'result':<22} | notes")
    print(f"{'-' * width}-|-{'-' * 22}-|------")
    for measure, result, note in rows:
        print(f"{measure.ljust(width)} | {result:<22} | {note}")


if __name__ == "__main__":
    sys.exit(main())
