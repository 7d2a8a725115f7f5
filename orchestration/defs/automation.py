"""The refresh job, the sensor on raw/ and the daily schedule."""

import hashlib

import dagster as dg

from orchestration import locations
from orchestration.defs.iv3 import pending_iv3_files
from orchestration.ingest import pending_documents

RUN_TAGS = {"warehouse": "build"}  # dagster.yaml allows one such run at a time

warehouse_refresh_job = dg.define_asset_job(
    "warehouse_refresh_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.keys("raw_documents", "raw_iv3_files"),
    description="Parse new or changed documents and Iv3 files, rebuild the marts from landing, check and publish.",
    tags=RUN_TAGS,
)


def pending_changes() -> list[str]:
    """What in raw/ the warehouse does not hold yet: new or changed files, and files gone."""
    current, landed, pending = pending_documents(locations.raw_dir(), locations.landing_dir())
    iv3_new, iv3_gone = pending_iv3_files()
    return sorted([*pending, *(landed - set(current)), *iv3_new, *iv3_gone])


@dg.sensor(
    job=warehouse_refresh_job,
    minimum_interval_seconds=15,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/: a new, changed or removed document or Iv3 file starts one refresh run "
                "that parses just those files.",
)
def new_documents_sensor(context: dg.SensorEvaluationContext):
    changes = pending_changes()
    if changes:
        # The same pending set gives the same run key: Dagster starts it once, however often the sensor looks.
        key = hashlib.sha256("\n".join(changes).encode()).hexdigest()[:16]
        yield dg.RunRequest(run_key=f"raw:{key}", tags={"raw_changes": str(len(changes))})


daily_warehouse_rebuild_schedule = dg.ScheduleDefinition(
    name="daily_warehouse_rebuild_schedule",
    job=warehouse_refresh_job,
    cron_schedule="0 5 * * *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuilds and republishes the warehouse every morning at 05:00.",
)
