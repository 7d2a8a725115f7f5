"""`make run`: parse what is new, changed or gone in raw/, rebuild and publish the warehouse when anything
changed, and print a short progress and summary. The full Dagster and dbt log goes to a file it names.

    python -m orchestration.run [--rebuild]

The run is recorded in the project's Dagster instance as the UI's own runs are: under the code location
of pyproject.toml (so `make ui` shows it in its runs and Overview timeline), with its tags."""

import argparse
import contextlib
import os
import re
import socket
import sys
import textwrap
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import duckdb

from orchestration import locations

JOB = "warehouse_refresh_job"
PID_TAG, HOST_TAG = "gemeentefinancien/pid", "gemeentefinancien/host"
KEEP_LOGS = 20
WIDTH = 110  # a console line, reasons shortened at a word
LISTED = 5  # documents named in the summary, the worst first; the others are counted
LISTED_OTHERS = 3  # Iv3 files and warned checks likewise
OUTCOME_ORDER = "list_position(['quarantined', 'flagged', 'duplicate', 'unverified', 'loaded'], outcome)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh and publish the warehouse from raw/.")
    parser.add_argument("--rebuild", action="store_true", help="build and publish even when nothing changed")
    args = parser.parse_args(argv or [])
    os.environ.setdefault("DAGSTER_HOME", str(locations.PROJECT_DIR / ".dagster_home"))
    started = time.perf_counter()
    console = sys.stdout
    changes, state = raw_state()
    say(console, state)
    if not changes and not args.rebuild and warehouse_is_current():
        print_summary(console, locations.published_path(), None, None, time.perf_counter() - started)
        return 0
    log_path = new_log_path()
    say(console, f"full log: {display(log_path)}")
    with open(log_path, "w", encoding="utf-8") as log, contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        import dagster as dg

        from orchestration.defs.warehouse import REBUILD_TAG

        instance = dg.DagsterInstance.get()
        for orphan in fail_orphaned_runs(instance):
            say(console, f"run {orphan} of a process that died is marked failed")
        wait_for_running_builds(instance, console)
        tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname(), **({REBUILD_TAG: "always"} if args.rebuild else {})}
        progress = Progress(console)
        run_id = refresh(instance, tags, progress)
        succeeded = instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.SUCCESS
    prune_logs(log_path.parent)
    if not succeeded:
        print(f"run {run_id} failed; the published warehouse was left as it was", file=sys.stderr)
        for step, why in failure_reasons(progress.events):
            print(f"  {step}: {shorten(why, 400)}", file=sys.stderr)
        print(f"full log: {display(log_path)}", file=sys.stderr)
        return 1
    print_summary(console, locations.published_path(), run_id, progress, time.perf_counter() - started)
    return 0


def say(console, line: str) -> None:
    print(line, file=console, flush=True)


def display(path: Path) -> str:
    """A path as the user typed the command: relative to the project folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def shorten(text: str, width: int = WIDTH) -> str:
    """One line of at most `width` characters, cut at a word, never inside one (unless its first word
    alone is longer than the line)."""
    line = textwrap.shorten(" ".join(text.split()), width=width, placeholder=" ...")
    return line if line != "..." else text[:width - 3] + "..."


def new_log_path() -> Path:
    folder = locations.warehouse_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"run-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"


def prune_logs(folder: Path, keep: int = KEEP_LOGS) -> None:
    for old in sorted(folder.glob("run-*.log"), key=lambda path: path.stat().st_mtime)[:-keep]:
        old.unlink(missing_ok=True)


def raw_state() -> tuple[int, str]:
    """How many documents and Iv3 files in raw/ are new, changed or gone since landing, and a line saying so."""
    from orchestration.defs.automation import directed_changes
    from orchestration.defs.iv3 import iv3_file_ids, pending_iv3_files
    from orchestration.ingest import pending_documents

    current, landed, pending = pending_documents(locations.raw_dir(), locations.landing_dir())
    iv3_new, iv3_gone = pending_iv3_files()

    def counted(changes: list[str]) -> str:
        kinds = Counter(change.split(" ", 1)[0] for change in changes)
        return ", ".join(f"{kinds[kind]} {kind}" for kind in ("added", "changed", "gone"))

    documents, iv3_files = directed_changes(pending, landed - set(current)), directed_changes(iv3_new, iv3_gone)
    return len(documents) + len(iv3_files), (f"raw/: {len(current)} documents ({counted(documents)}), "
                                             f"{len(iv3_file_ids())} Iv3 files ({counted(iv3_files)})")


def warehouse_is_current() -> bool:
    """The published file was built from what landing and the dbt project hold now: a run would build and
    publish nothing, so none is started (the job itself finds the same when the schedule or the UI starts it)."""
    from orchestration.landing import IV3_SCHEMAS, ensure_landing_schemas
    from orchestration.publication import build_inputs_digest, published_build

    published = published_build(locations.published_path())
    if published is None:
        return False
    ensure_landing_schemas(locations.landing_dir(), IV3_SCHEMAS)  # as the build does before it reads landing
    return published["inputs_digest"] == build_inputs_digest(locations.landing_dir(), locations.DBT_PROJECT_DIR)


def refresh(instance, tags: dict[str, str], progress: "Progress") -> str:
    """One run of the refresh job, executed in this process; returns its id."""
    from dagster._core.execution.api import execute_run_iterator

    recon_job, run = create_refresh_run(instance, tags)
    run = claim_build_slot(instance, run, progress.console)
    for event in execute_run_iterator(recon_job, run, instance):
        progress.see(event)
    return run.run_id


def create_refresh_run(instance, tags: dict[str, str]):
    """A run of the refresh job created under the code location's origin, as the webserver creates runs,
    so that it carries the code-location tag and shows in the Overview timeline. Dagster offers no public
    call for this: execute_in_process and `dagster job execute` record runs without an origin, and
    `dagster job launch` leaves the run queued for the daemon."""
    from dagster._core.definitions.reconstruct import ReconstructableRepository
    from dagster._core.definitions.repository_definition.valid_definitions import SINGLETON_REPOSITORY_NAME
    from dagster._core.remote_origin import RemoteJobOrigin, RemoteRepositoryOrigin

    from orchestration.definitions import defs

    job_def = defs.resolve_job_def(JOB)
    recon_job = ReconstructableRepository.for_module(
        "orchestration.definitions", "defs", str(locations.PROJECT_DIR)).get_reconstructable_job(JOB)
    origin = RemoteJobOrigin(RemoteRepositoryOrigin(code_location_origin(), SINGLETON_REPOSITORY_NAME), JOB)
    run = instance.create_run_for_job(job_def=job_def, tags={**job_def.run_tags, **tags}, remote_job_origin=origin,
                                      job_code_origin=recon_job.get_python_origin())
    return recon_job, run


def code_location_origin():
    """The code location exactly as `make ui` (`dagster dev`, reading pyproject.toml) loads it."""
    from dagster._core.workspace.load_target import get_origins_from_toml

    [origin] = get_origins_from_toml(str(locations.PROJECT_DIR / "pyproject.toml"))
    return origin


class Progress:
    """Prints one line per finished stage of the run and keeps what the summary reports."""

    def __init__(self, console):
        self.console = console
        self.events: list = []
        self.landing: dict[str, dict] = {}
        self.dbt_assets = 0
        self.checks: Counter = Counter()  # passed / warned / failed
        self.warned: list = []  # (check key, metadata) of checks that did not pass with severity WARN

    def see(self, event) -> None:
        self.events.append(event)
        kind = event.event_type_value
        if kind == "ASSET_MATERIALIZATION":
            materialization = event.step_materialization_data.materialization
            if materialization.asset_key.path[0] == "landing":
                self.landing[materialization.asset_key.path[-1]] = {
                    key: value.value for key, value in materialization.metadata.items()}
            elif event.step_key == "warehouse_dbt_models":
                self.dbt_assets += 1
        elif kind == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            outcome = "passed" if evaluation.passed else ("warned" if evaluation.severity.value == "WARN" else "failed")
            self.checks[outcome] += 1
            if outcome != "passed":
                self.warned.append(evaluation.asset_check_key)
        elif kind == "STEP_START" and event.step_key == "warehouse_dbt_models":
            say(self.console, "  building (dbt build) ...")
        elif kind in ("STEP_SUCCESS", "STEP_SKIPPED", "STEP_FAILURE"):
            self.step_done(event)

    def step_done(self, event) -> None:
        step, kind = event.step_key, event.event_type_value
        seconds = f"({event.event_specific_data.duration_ms / 1000:.1f} s)" if kind == "STEP_SUCCESS" else ""
        if kind == "STEP_FAILURE":
            say(self.console, f"  {step}: failed")
        elif step == "parsed_documents":
            documents = self.landing.get("documents", {})
            say(self.console, f"  parsed {documents.get('parsed_now', 0)} new or changed documents, dropped "
                              f"{documents.get('removed_now', 0)} gone {seconds}")
        elif step == "iv3_landing":
            files = self.landing.get("iv3_files", {})
            say(self.console, f"  read {files.get('files_read_now', 0)} new or changed Iv3 files, dropped "
                              f"{files.get('files_removed', 0)} gone {seconds}")
        elif step == "warehouse_dbt_models":
            if self.dbt_assets:
                say(self.console, f"  dbt build: {self.dbt_assets} models and seeds built {seconds}")
            else:
                say(self.console, "  dbt build: nothing new, changed or gone, nothing to build")
        elif step == "published_warehouse" and kind == "STEP_SUCCESS":
            say(self.console, f"  published {seconds}")


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


def wait_for_running_builds(instance, console, own_run_id: str | None = None, poll_seconds: float = 2.0) -> None:
    """This command runs its run in its own process, outside the daemon's queue: while a run the daemon
    launched (sensor, schedule, UI) is building, it waits for it to end (then the daemon's queue waits for
    this one: the tag concurrency limit counts it); after GF_RUN_WAIT_SECONDS (1800) it refuses."""
    import dagster as dg

    from orchestration.defs.automation import RUN_TAGS

    busy = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]
    deadline = time.monotonic() + float(os.environ.get("GF_RUN_WAIT_SECONDS", 1800))
    seen = set()
    while running := [other for other in instance.get_runs(filters=dg.RunsFilter(statuses=busy, tags=RUN_TAGS))
                      if other.run_id != own_run_id]:
        for other in running:
            if other.run_id not in seen:
                seen.add(other.run_id)
                say(console, f"waiting: run {other.run_id} ({other.tags.get('dagster/sensor_name') or other.tags.get('dagster/schedule_name') or 'launched'}) "
                             "is building the warehouse; one build at a time")
        if time.monotonic() > deadline:
            raise SystemExit(f"refused: run {running[0].run_id} is still building the warehouse; try again later "
                             "(or see it in the UI)")
        time.sleep(poll_seconds)


def claim_build_slot(instance, run, console):
    """Marks this command's run STARTING, as the daemon marks the runs it launches, so that from now on the
    daemon's queue counts it against the one-build limit; then waits for a run the daemon launched in the
    moment between wait_for_running_builds's look and this claim. Returns the run as it is now."""
    from dagster._core.events import DagsterEvent, DagsterEventType

    instance.report_dagster_event(DagsterEvent(event_type_value=DagsterEventType.PIPELINE_STARTING.value,
                                               job_name=run.job_name), run_id=run.run_id)
    wait_for_running_builds(instance, console, own_run_id=run.run_id)
    return instance.get_run_by_id(run.run_id)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def failure_reasons(events) -> list[tuple[str, str]]:
    """Each failed step with what its error says: for `dbt build`, the failing tests and their counts."""
    reasons = []
    for event in events:
        if event.event_type_value != "STEP_FAILURE":
            continue
        message = event.step_failure_data.error.message if event.step_failure_data.error else ""
        message = re.sub(r"\x1b\[[0-9;]*m", "", message)  # dbt colours its log lines
        dbt_lines = [line.strip() for line in message.splitlines()
                     if line.strip().startswith(("Failure in", "Got ", "Compilation Error", "Runtime Error", "Database Error"))]
        reasons.append((event.step_key, " | ".join(dict.fromkeys(dbt_lines)) or message.strip().splitlines()[0]))
    return reasons


def print_summary(console, published: Path, run_id: str | None, progress: Progress | None, seconds: float) -> None:
    """Documents and Iv3 files by outcome (the ones not simply loaded named, with their reason), facts,
    the checks of the run (if one ran), and the published file."""
    with duckdb.connect(str(published), read_only=True) as connection:
        built_by, facts = connection.execute(
            "select run_id, fact_rows from analytics.warehouse_manifest").fetchone()
        documents = connection.execute(
            f"select source_file, outcome, coalesce(outcome_reason, '') from analytics.document_status "
            f"order by {OUTCOME_ORDER}, source_file").fetchall()
        iv3_files = connection.execute(
            f"select source_file, outcome, coalesce(quarantine_reason, 'failed checks: ' || failed_check_count "
            f"|| ' (marts.iv3_file_checks)') from analytics.iv3_file_status order by {OUTCOME_ORDER}, source_file").fetchall()
    for noun, rows in (("documents", documents), ("Iv3 files", iv3_files)):
        outcomes = Counter(outcome for _, outcome, _ in rows)
        by_outcome = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items(), key=lambda item: -item[1]))
        say(console, f"{noun}: {len(rows)} read: {by_outcome}" + (f"; {facts:,} facts loaded" if noun == "documents" else ""))
        others = [row for row in rows if row[1] != "loaded"]
        listed = LISTED if noun == "documents" else LISTED_OTHERS
        for source_file, outcome, why in others[:listed]:
            say(console, "  " + shorten(f"{outcome} {source_file}: {why}"))
        if len(others) > listed:
            table = "analytics.document_status" if noun == "documents" else "analytics.iv3_file_status"
            say(console, f"  ... and {len(others) - listed} more ({table})")
    if progress is None:
        say(console, f"unchanged: {display(published)} (nothing new, changed or gone since run {built_by}; "
                     f"no run started; {seconds:.1f} s)")
        return
    checks = progress.checks
    say(console, f"checks: {sum(checks.values())} run, {checks['passed']} passed, {checks['warned']} warned, "
                 f"{checks['failed']} failed" + ("" if progress.dbt_assets else " (dbt's tests not run: nothing built)"))
    if progress.warned:
        from orchestration.definitions import defs

        graph = defs.resolve_asset_graph()
        # the warehouse's own (dbt) checks first: the landing checks repeat the outcomes listed above
        warned = sorted(progress.warned, key=lambda key: key.asset_key.path[0] == "landing")
        for key in warned[:LISTED_OTHERS]:
            say(console, "  " + shorten(f"warned {key.name}: {graph.get_check_spec(key).description or ''}"))
        if len(warned) > LISTED_OTHERS:
            say(console, f"  ... and {len(warned) - LISTED_OTHERS} more (the run's checks in the UI, or the log)")
    if built_by == run_id:
        say(console, f"published: {display(published)} (run {run_id}, {seconds:.1f} s)")
    else:
        say(console, f"unchanged: {display(published)} (nothing new, changed or gone since run {built_by}; "
                     f"{seconds:.1f} s)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
