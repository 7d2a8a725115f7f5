"""`make run`: parse what is new or changed in raw/, rebuild and
publish the warehouse, and print a short summary."""

import os
import re
import socket
import sys
import time
from pathlib import Path

import duckdb

from orchestration import locations


def main() -> int:
    os.environ.setdefault("DAGSTER_HOME", str(locations.PROJECT_DIR / ".dagster_home"))
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.ingest import pending_documents

    started = time.perf_counter()
    instance = dg.DagsterInstance.get()
    for orphan in fail_orphaned_runs(instance):
        print(f"run {orphan} of a process that died is marked failed")
    current, landed, pending = pending_documents(locations.raw_dir(), locations.landing_dir())
    print(f"raw/: {len(current)} documents ({len(pending)} new or changed, {len(landed - set(current))} gone); "
          f"parsing {len(pending)}")
    tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    result = defs.get_job_def("warehouse_refresh_job").execute_in_process(instance=instance, tags=tags, raise_on_error=False)
    if not result.success:
        print(f"run {result.run_id} failed; the published warehouse was left as it was", file=sys.stderr)
        for step, why in failure_reasons(result):
            print(f"  {step}: {why}", file=sys.stderr)
        return 1
    print_summary(locations.published_path(), time.perf_counter() - started)
    return 0


PID_TAG, HOST_TAG = "gemeentefinancien/pid", "gemeentefinancien/host"


def fail_orphaned_runs(instance) -> list[str]:
    """Runs this command started whose process is gone (killed, machine restarted) stay 'started' in
    Dagster for ever; mark them failed so that the UI is right and their build folders are cleared.
    (Runs the daemon launches are watched by Dagster's own run monitoring, see dagster.yaml.)"""
    import dagster as dg

    orphans = []
    for started_run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED],
                                                              tags={HOST_TAG: socket.gethostname()})):
        pid = int(started_run.tags.get(PID_TAG, "0"))
        if pid and not _alive(pid):
            instance.report_run_failed(started_run, f"the process ({pid}) that ran it is gone")
            orphans.append(started_run.run_id)
    return orphans


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def failure_reasons(result) -> list[tuple[str, str]]:
    """Each failed step with what its error says: for `dbt build`, the failing tests and their counts."""
    reasons = []
    for event in result.all_events:
        if event.event_type_value != "STEP_FAILURE":
            continue
        message = event.step_failure_data.error.message if event.step_failure_data.error else ""
        message = re.sub(r"\x1b\[[0-9;]*m", "", message)  # dbt colours its log lines
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
