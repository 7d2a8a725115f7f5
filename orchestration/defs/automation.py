"""The refresh job, the sensor on raw/ and the daily schedule."""

import hashlib
import json
from collections.abc import Iterable

import dagster as dg

from orchestration import locations
from orchestration.defs.iv3 import pending_iv3_files
from orchestration.ingest import pending_documents
from orchestration.landing import current_generation, landed_ids
from orchestration.parsing.iv3_figures import IV3_DIR_NAME

RUN_TAGS = {"warehouse": "build"}  # dagster.yaml allows one such run at a time

warehouse_refresh_job = dg.define_asset_job(
    "warehouse_refresh_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("raw_documents", "raw_iv3_files"),
    description="Parse new or changed documents and Iv3 files, rebuild the marts from landing, check and publish "
                "(nothing is built or published when nothing changed).",
    tags=RUN_TAGS,
    executor_def=dg.in_process_executor,  # the steps follow each other: one process, one load of the code
)


def directed_changes(new_ids: Iterable[str], gone_ids: Iterable[str], folder: str = "") -> list[str]:
    """Each difference between raw/ and landing with its direction: `added <id>`, `changed <old id> -> <new id>`
    (the same file with other content) or `gone <id>` (landed, no longer in raw/). Ids are `<file>@<hash>`."""
    new_ids, gone_ids = set(new_ids), set(gone_ids)
    gone_by_file = {file_name(old): old for old in gone_ids}
    changes = [f"changed {folder}{gone_by_file[file_name(new)]} -> {folder}{new}" if file_name(new) in gone_by_file
               else f"added {folder}{new}" for new in new_ids]
    new_files = {file_name(new) for new in new_ids}
    changes += [f"gone {folder}{old}" for old in gone_ids if file_name(old) not in new_files]
    return sorted(changes)


def file_name(raw_file_id: str) -> str:
    return raw_file_id.rsplit("@", 1)[0]


def pending_changes() -> list[str]:
    """What in raw/ the warehouse does not hold yet: new, changed and gone documents and Iv3 files."""
    current, landed, pending = pending_documents(locations.raw_dir(), locations.landing_dir())
    iv3_new, iv3_gone = pending_iv3_files()
    return directed_changes(pending, landed - set(current)) + directed_changes(iv3_new, iv3_gone, f"{IV3_DIR_NAME}/")


def landed_state() -> list[str]:
    """What landing holds now: the documents' generation (each run that lands documents writes a new one)
    and the Iv3 files landed."""
    generation = current_generation(locations.landing_dir())
    landed_iv3 = sorted(landed_ids(locations.landing_dir(), "iv3_files"))
    return [f"document generation {generation.resolve().name if generation.exists() else 'none'}",
            *(f"landed {IV3_DIR_NAME}/{file_id}" for file_id in landed_iv3)]


def state_digest(changes: list[str], landed: list[str]) -> str:
    return hashlib.sha256("\n".join([*changes, "--", *landed]).encode()).hexdigest()


def next_run_key(state: str | None, cursor: str | None) -> tuple[str | None, str]:
    """The run key for raw/'s pending state (None: nothing pending) and the sensor's next cursor.

    The same state seen again tick after tick keeps its key, so Dagster starts its run once. Any other
    state gets a key chained to the previous one: a state that comes back later (a file removed, then
    re-added; an Iv3 file landed, removed, landed) never repeats a key Dagster has already used."""
    last = json.loads(cursor) if cursor else {"state": None, "run_key": ""}
    if state is None:  # everything landed: whatever comes next is a new situation
        return None, json.dumps({"state": None, "run_key": last["run_key"]})
    if state == last["state"]:
        return last["run_key"], json.dumps(last)
    run_key = "raw:" + hashlib.sha256(f"{last['run_key']}\n{state}".encode()).hexdigest()[:16]
    return run_key, json.dumps({"state": state, "run_key": run_key})


@dg.sensor(
    job=warehouse_refresh_job,
    minimum_interval_seconds=15,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/: a new, changed or removed document or Iv3 file starts one refresh run "
                "that parses just those files.",
)
def new_documents_sensor(context: dg.SensorEvaluationContext):
    changes = pending_changes()
    run_key, cursor = next_run_key(state_digest(changes, landed_state()) if changes else None, context.cursor)
    context.update_cursor(cursor)
    if run_key:
        counts = {kind: sum(change.startswith(f"{kind} ") for change in changes) for kind in ("added", "changed", "gone")}
        yield dg.RunRequest(run_key=run_key, tags={"raw_changes": str(len(changes)),
                                                   **{f"raw_{kind}": str(count) for kind, count in counts.items()}})


daily_warehouse_rebuild_schedule = dg.ScheduleDefinition(
    name="daily_warehouse_rebuild_schedule",
    job=warehouse_refresh_job,
    cron_schedule="0 5 * * *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Refreshes the warehouse every morning at 05:00 (what the sensor did not see, e.g. a changed "
                "dbt project); builds and publishes only when something changed.",
)
