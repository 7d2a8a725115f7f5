"""Publication: check the freshly built file, record what it holds, and swap it in by atomic rename.

Readers holding the old file keep reading it (the old inode lives on until they close it); every new
open sees the new file whole. Nothing is ever written to the published path in place."""

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import duckdb

from orchestration.faults import pause_point

CONTRACT = (
    "marts.dim_municipality", "marts.dim_fiscal_year", "marts.dim_taakveld", "marts.dim_measure",
    "marts.dim_scenario", "marts.dim_document", "marts.fct_budget_lines", "marts.fct_reported_totals",
    "marts.document_checks", "marts.document_ambiguous_cells", "marts.programme_goals",
    "marts.programme_measures", "marts.dim_taakveld_year", "marts.fct_iv3_figures", "marts.municipality_population",
    "marts.per_inhabitant_by_taakveld", "marts.per_inhabitant_by_comparable_taakveld", "marts.document_vs_iv3",
    "marts.iv3_file_checks", "analytics.budget_facts", "analytics.document_status", "analytics.taakveld_flags",
    "analytics.iv3_file_status",
)
MANIFEST_TABLE = "analytics.warehouse_manifest"


class PublicationRefused(Exception):
    """The built file does not hold what the warehouse promises; the published file stays as it was."""


def record_manifest(connection: duckdb.DuckDBPyConnection, run_id: str) -> dict:
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
    manifest = {
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "run_id": run_id,
        "documents_loaded": documents.get("ok", 0),
        "documents_quarantined": sum(count for status, count in documents.items() if status != "ok"),
        "fact_rows": row_counts["marts.fct_budget_lines"],
        "control_total_eur": str(control_total),
        "row_counts": row_counts,
    }
    connection.execute(f"""
        create or replace table {MANIFEST_TABLE} as
        select ?::timestamptz as built_at, ?::varchar as run_id, ?::integer as documents_loaded,
               ?::integer as documents_quarantined, ?::bigint as fact_rows,
               ?::decimal(38, 2) as control_total_eur, ?::json as row_counts
    """, [manifest["built_at"], run_id, manifest["documents_loaded"], manifest["documents_quarantined"],
          manifest["fact_rows"], control_total, json.dumps(row_counts)])
    return manifest


def publish(build_path: Path, published_path: Path, run_id: str) -> dict:
    with duckdb.connect(str(build_path)) as connection:
        manifest = record_manifest(connection, run_id)
        connection.execute("checkpoint")
    stale_wal = build_path.with_name(build_path.name + ".wal")
    if stale_wal.exists():
        raise PublicationRefused(f"{stale_wal} remains after checkpoint: the build file is not complete on its own")
    published_path.parent.mkdir(parents=True, exist_ok=True)
    published_wal = published_path.with_name(published_path.name + ".wal")
    published_wal.unlink(missing_ok=True)  # left by a writer that died: it belongs to no published file
    pause_point("publication")
    os.replace(build_path, published_path)
    shutil.rmtree(build_path.parent, ignore_errors=True)
    return manifest


def clear_stale_builds(build_root: Path, keep: Path, run_is_over: Callable[[str], bool]) -> list[str]:
    """Build folders (named by run id) of earlier runs that are over, having died before publication;
    a folder of a run still going is left alone."""
    if not build_root.exists():
        return []
    cleared = []
    for folder in build_root.iterdir():
        if folder != keep and run_is_over(folder.name):
            shutil.rmtree(folder, ignore_errors=True)
            cleared.append(folder.name)
    return cleared
