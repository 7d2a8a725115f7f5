"""`make run`: bring the partitions in line with raw/, parse what is new or changed, rebuild and
publish the warehouse, and print a short summary."""

import os
import sys
import time
from pathlib import Path

import duckdb

from orchestration import locations


def main() -> int:
    os.environ.setdefault("DAGSTER_HOME", str(locations.PROJECT_DIR / ".dagster_home"))
    import dagster as dg

    from orchestration.defs.automation import partition_range_tags
    from orchestration.defs.raw import documents_partitions, sync_partitions
    from orchestration.definitions import defs

    started = time.perf_counter()
    instance = dg.DagsterInstance.get()
    added, removed = sync_partitions(instance)
    keys = instance.get_dynamic_partitions(documents_partitions.name)
    landed = {path.stem for path in (locations.landing_dir() / "documents").glob("*.parquet")}
    pending = [key for key in keys if key not in landed]
    if pending:
        job, tags = defs.get_job_def("document_refresh_job"), partition_range_tags(pending)
    else:
        job, tags = defs.get_job_def("warehouse_rebuild_job"), {}
    print(f"raw/: {len(keys)} documents ({len(added)} new or changed, {len(removed)} gone); parsing {len(pending)}")
    result = job.execute_in_process(instance=instance, tags=tags, raise_on_error=False)
    if not result.success:
        print(f"run {result.run_id} failed; the published warehouse was left as it was", file=sys.stderr)
        for step, why in failure_reasons(result):
            print(f"  {step}: {why}", file=sys.stderr)
        return 1
    print_summary(locations.published_path(), time.perf_counter() - started)
    return 0


def failure_reasons(result) -> list[tuple[str, str]]:
    """Each failed step with what its error says: for `dbt build`, the failing tests and their counts."""
    reasons = []
    for event in result.all_events:
        if event.event_type_value != "STEP_FAILURE":
            continue
        message = event.step_failure_data.error.message if event.step_failure_data.error else ""
        dbt_lines = [line.strip() for line in message.splitlines()
                     if line.strip().startswith(("Failure in", "Got ", "Compilation Error", "Runtime Error", "Database Error"))]
        reasons.append((event.step_key, " | ".join(dict.fromkeys(dbt_lines)) or message.strip().splitlines()[0]))
    return reasons


def print_summary(published: Path, seconds: float) -> None:
    with duckdb.connect(str(published), read_only=True) as connection:
        loaded, quarantined, facts, run_id = connection.execute(
            "select documents_loaded, documents_quarantined, fact_rows, run_id from analytics.warehouse_manifest"
        ).fetchone()
        outcomes = connection.execute(
            "select source_file, outcome, coalesce(outcome_reason, '') from analytics.document_status order by source_file"
        ).fetchall()
        iv3_outcomes = connection.execute(
            "select source_file, outcome, coalesce(quarantine_reason, failed_check_count || ' failed checks (marts.iv3_file_checks)') "
            "from analytics.iv3_file_status order by source_file"
        ).fetchall()
    print(f"documents read: {loaded + quarantined}, quarantined: {quarantined}, fact rows: {facts}")
    for source_file, outcome, why in outcomes + iv3_outcomes:
        print(f"  {outcome:<11} {source_file} {why if outcome != 'loaded' else ''}"[:240])
    print(f"published: {published} (run {run_id}, {seconds:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
