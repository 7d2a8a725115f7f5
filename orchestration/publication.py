"""Publication: check the freshly built file, record what it holds, and swap it in by atomic rename.

Readers holding the old file keep reading it (the old inode lives on until they close it); every new
open sees the new file whole. Nothing is ever written to the published path in place."""

import fcntl
import hashlib
import importlib.metadata
import json
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import duckdb

from orchestration.faults import pause_point
from orchestration.landing import IV3_LANDING_TABLES, LANDING_TABLES, current_generation

CONTRACT = (
    "marts.dim_municipality", "marts.dim_fiscal_year", "marts.dim_taakveld", "marts.dim_measure",
    "marts.dim_scenario", "marts.dim_document", "marts.fct_budget_lines", "marts.fct_reported_totals",
    "marts.document_checks", "marts.document_ambiguous_cells", "marts.programme_goals",
    "marts.programme_measures", "marts.dim_taakveld_year", "marts.fct_iv3_figures", "marts.municipality_population",
    "marts.per_inhabitant_by_taakveld", "marts.per_inhabitant_by_comparable_taakveld", "marts.document_vs_iv3",
    "marts.iv3_file_checks", "analytics.budget_facts", "analytics.document_status", "analytics.taakveld_flags",
    "analytics.iv3_file_status", "marts.dim_iv3_file", "marts.agg_budget_by_hoofdtaakveld",
    "marts.agg_iv3_by_hoofdtaakveld", "analytics.budget_cells", "marts.document_conflicts",
)
MANIFEST_TABLE = "analytics.warehouse_manifest"
# What a BI user sees: the star (marts) and the flat views (analytics). The dbt build's own layers
# (staging, the reference seeds) stay in the build and are dropped from the file it publishes.
PUBLISHED_SCHEMAS = ("marts", "analytics")
MANIFEST_COMMENTS = {
    "": "What this file holds: when and by which run it was built, document counts, the control total and "
        "a checksum per table. One row.",
    "built_at": "When the file was built, in UTC (TIMESTAMP without time zone, so any client reads it).",
    "run_id": "The Dagster run that built and published the file.",
    "documents_loaded": "Documents whose figures are in marts.fct_budget_lines.",
    "documents_duplicate": "Documents with the same text as a loaded one: kept out of the facts.",
    "documents_quarantined": "Documents not read, each with its reason in analytics.document_status.",
    "fact_rows": "Rows of marts.fct_budget_lines.",
    "control_total_eur": "Sum of marts.fct_budget_lines.amount_eur over every row (all scenarios, measures and "
                         "documents): a checksum of the load, not a figure to report.",
    "row_counts": "Rows per published table and view (JSON).",
    "table_checksums": "Per table: row count, XOR and sum of the rows' hashes (JSON); equal contents, equal checksums.",
    "inputs_digest": "SHA-256 of what the build read (landing files, dbt project, tool versions).",
}


LEASE_FILE = ".owner"
INPUTS_FILE = "inputs.sha256"  # beside the build file: the digest of what this build read
DBT_PROJECT_FILES = ("models", "macros", "tests", "seeds", "dbt_project.yml", "profiles.yml", "packages.yml")
BUILD_TOOLS = ("dbt-core", "dbt-duckdb", "duckdb")


class BuildBusy(Exception):
    """Another run holds the build lease and is still going."""


class PublicationRefused(Exception):
    """The built file does not hold what the warehouse promises; the published file stays as it was."""


def build_inputs_digest(landing_dir: Path, dbt_project_dir: Path) -> str:
    """A digest of everything a build reads: the landing Parquet files dbt reads (the documents' current
    generation, every Iv3 file), the dbt project's files and the versions of the tools that build. Equal
    digests build equal warehouses, so a refresh whose digest the published file already carries has
    nothing to build."""
    digest = hashlib.sha256()
    generation = current_generation(landing_dir)
    landing_files = [generation / f"{table}.parquet" for table in LANDING_TABLES]
    landing_files += [path for table in IV3_LANDING_TABLES for path in sorted((landing_dir / table).glob("*.parquet"))]
    dbt_files = [path for name in DBT_PROJECT_FILES for path in
                 sorted([dbt_project_dir / name] if (dbt_project_dir / name).is_file()
                        else (file for file in (dbt_project_dir / name).rglob("*") if file.is_file()))]
    for root, files in ((landing_dir, landing_files), (dbt_project_dir, dbt_files)):
        for path in files:
            content = path.read_bytes() if path.exists() else b"(none)"
            digest.update(f"{path.relative_to(root)}\0{len(content)}\0".encode() + content)
    for tool in BUILD_TOOLS:
        digest.update(f"{tool}=={importlib.metadata.version(tool)}\0".encode())
    digest.update("\0".join(CONTRACT).encode())
    return digest.hexdigest()


def published_build(published_path: Path) -> dict | None:
    """The run and input digest the published file was built from (None: no file, or one from before
    digests were recorded)."""
    if not published_path.exists():
        return None
    try:
        with duckdb.connect(str(published_path), read_only=True) as connection:
            run_id, inputs_digest = connection.execute(
                f"select run_id, inputs_digest from {MANIFEST_TABLE}").fetchone()
    except duckdb.Error:
        return None
    return {"run_id": run_id, "inputs_digest": inputs_digest}


def record_manifest(connection: duckdb.DuckDBPyConnection, run_id: str, inputs_digest: str | None = None) -> dict:
    """Check the contract and write a one-row table saying what the file holds."""
    present = {f"{schema}.{name}" for schema, name in connection.execute(
        "select table_schema, table_name from information_schema.tables").fetchall()}
    missing = [relation for relation in CONTRACT if relation not in present]
    if missing:
        raise PublicationRefused(f"the built warehouse lacks {', '.join(missing)}")
    row_counts = {relation: connection.execute(f"select count(*) from {relation}").fetchone()[0] for relation in CONTRACT}
    if row_counts["analytics.budget_facts"] != row_counts["marts.fct_budget_lines"]:
        raise PublicationRefused(
            f"analytics.budget_facts has {row_counts['analytics.budget_facts']} rows, "
            f"marts.fct_budget_lines {row_counts['marts.fct_budget_lines']}: a dimension join drops lines"
        )
    documents = dict(connection.execute(
        "select document_status, count(*) from marts.dim_document group by document_status").fetchall())
    control_total = connection.execute("select coalesce(sum(amount_eur), 0) from marts.fct_budget_lines").fetchone()[0]
    checksums = table_checksums(connection, CONTRACT)
    manifest = {
        "built_at": datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds"),
        "run_id": run_id,
        "documents_loaded": documents.get("ok", 0),
        "documents_duplicate": documents.get("duplicate", 0),  # same text as a loaded one: kept out of the facts
        "documents_quarantined": sum(count for status, count in documents.items() if status not in ("ok", "duplicate")),
        "fact_rows": row_counts["marts.fct_budget_lines"],
        "control_total_eur": str(control_total),
        "row_counts": row_counts,
        "table_checksums": checksums,
        "inputs_digest": inputs_digest,
    }
    connection.execute(f"""
        create or replace table {MANIFEST_TABLE} as
        select ?::timestamp as built_at, ?::varchar as run_id, ?::integer as documents_loaded,
               ?::integer as documents_duplicate, ?::integer as documents_quarantined, ?::bigint as fact_rows,
               ?::decimal(38, 2) as control_total_eur, ?::json as row_counts, ?::json as table_checksums,
               ?::varchar as inputs_digest
    """, [manifest["built_at"], run_id, manifest["documents_loaded"], manifest["documents_duplicate"],
          manifest["documents_quarantined"], manifest["fact_rows"], control_total, json.dumps(row_counts),
          json.dumps(checksums), inputs_digest])
    for column, comment in MANIFEST_COMMENTS.items():
        target = f"table {MANIFEST_TABLE}" if not column else f"column {MANIFEST_TABLE}.{column}"
        connection.execute(f"comment on {target} is '{comment.replace(chr(39), chr(39) * 2)}'")
    return manifest


def drop_build_only_schemas(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Drop every schema but the published ones (dbt's staging, the reference seeds): the marts are
    tables and the analytics views read only marts, so nothing published depends on them."""
    dropped = [schema for (schema,) in connection.execute(
        "select schema_name from duckdb_schemas() where database_name = current_database() and not internal "
        "and schema_name not in ('main', 'information_schema', 'pg_catalog')").fetchall()
        if schema not in PUBLISHED_SCHEMAS]
    for schema in dropped:
        connection.execute(f'drop schema "{schema}" cascade')
    for schema, view in connection.execute(
            "select schema_name, view_name from duckdb_views() where not internal and database_name = current_database()").fetchall():
        try:
            connection.execute(f'select * from "{schema}"."{view}" limit 0')
        except duckdb.Error as error:
            raise PublicationRefused(f"{schema}.{view} reads a build-only table: {error}") from error
    return dropped


def table_checksums(connection: duckdb.DuckDBPyConnection, relations) -> dict[str, str]:
    """A checksum of each table's rows that does not depend on their order: the row count with the XOR
    and the sum (mod 2^64) of the rows' hashes. Equal contents give equal checksums; a changed, added or
    removed row changes them. Views are left out: they are queries over these tables."""
    tables = {f"{schema}.{name}" for schema, name in connection.execute(
        "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE'").fetchall()}
    checksums = {}
    for relation in relations:
        if relation in tables:
            count, xor, total = connection.execute(
                f"select count(*), coalesce(bit_xor(hash(t)), 0), coalesce(sum(hash(t)::hugeint), 0) % 18446744073709551616 "
                f"from {relation} as t").fetchone()
            checksums[relation] = f"{count}:{xor:016x}:{int(total):016x}"
    return checksums


def publish(build_path: Path, published_path: Path, run_id: str) -> dict:
    lease = build_path.parent / LEASE_FILE
    owner = lease.read_text().strip() if lease.exists() else None
    if owner != run_id:
        raise PublicationRefused(f"the build lease belongs to run {owner}, not to this run {run_id}: not publishing its file")
    inputs = build_path.parent / INPUTS_FILE
    with duckdb.connect(str(build_path)) as connection:
        manifest = record_manifest(connection, run_id, inputs.read_text().strip() if inputs.exists() else None)
        drop_build_only_schemas(connection)
        connection.execute("checkpoint")
    stale_wal = build_path.with_name(build_path.name + ".wal")
    if stale_wal.exists():
        raise PublicationRefused(f"{stale_wal} remains after checkpoint: the build file is not complete on its own")
    published_path.parent.mkdir(parents=True, exist_ok=True)
    published_wal = published_path.with_name(published_path.name + ".wal")
    published_wal.unlink(missing_ok=True)  # left by a writer that died: it belongs to no published file
    pause_point("publication")
    os.replace(build_path, published_path)
    inputs.unlink(missing_ok=True)
    release_build(build_path, run_id)
    return manifest


def acquire_build(build_path: Path, run_id: str, run_is_over: Callable[[str], bool], wait_seconds: float = 900) -> str | None:
    """One run at a time builds and publishes: the run takes the build folder's lease, held until it
    publishes. The lease of a run that is over (it failed, or its process died) passes on, and what
    that run left (a half-built file, its .wal) is removed. Returns the run id it took the lease from."""
    folder = build_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    lease = folder / LEASE_FILE
    deadline = time.monotonic() + wait_seconds
    while True:
        with open(folder / ".lock", "a") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)  # the check and the claim are one step for every process
            owner = lease.read_text().strip() if lease.exists() else None
            if owner in (None, run_id) or run_is_over(owner):
                lease.write_text(run_id)
                for leftover in folder.iterdir():
                    if leftover.name not in (LEASE_FILE, ".lock"):
                        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
                return owner if owner not in (None, run_id) else None
        if time.monotonic() > deadline:
            raise BuildBusy(f"run {owner} is still building the warehouse after {wait_seconds:.0f} s")
        time.sleep(1)


def release_build(build_path: Path, run_id: str) -> None:
    folder = build_path.parent
    with open(folder / ".lock", "a") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        lease = folder / LEASE_FILE
        if lease.exists() and lease.read_text().strip() == run_id:
            lease.unlink()
