"""Jobs, the sensor on raw/ and the daily schedule."""

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from orchestration.defs.iv3 import iv3_landing, pending_iv3_files
from orchestration.defs.raw import sync_partitions
from orchestration.defs.warehouse import published_warehouse, warehouse_dbt_models

RUN_TAGS = {"warehouse": "build"}  # dagster.yaml allows one such run at a time

document_refresh_job = dg.define_asset_job(
    "document_refresh_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.keys("raw_documents", "raw_iv3_files"),
    description="Parse the run's documents, land them, rebuild and publish the warehouse.",
    tags=RUN_TAGS,
)

warehouse_rebuild_job = dg.define_asset_job(
    "warehouse_rebuild_job",
    selection=dg.AssetSelection.assets(iv3_landing, warehouse_dbt_models, published_warehouse),
    description="Land new or changed Iv3 files, rebuild the marts from the landing files and publish (no document is re-read).",
    tags=RUN_TAGS,
)


def partition_range_tags(keys: list[str]) -> dict[str, str]:
    return {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}


@dg.sensor(
    job=document_refresh_job,
    minimum_interval_seconds=15,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/: a new or changed document becomes a partition and one run parses just those; "
                "a new, changed or removed Iv3 file or a removed document triggers a rebuild.",
)
def new_documents_sensor(context: dg.SensorEvaluationContext):
    added, removed = sync_partitions(context.instance)
    iv3_new, iv3_gone = pending_iv3_files()
    if added:
        # Keys added together are contiguous in the partition order: one range, one run (it lands Iv3 files too).
        yield dg.RunRequest(run_key=f"documents:{added[0]}..{added[-1]}", tags=partition_range_tags(added))
    elif removed or iv3_new or iv3_gone:
        yield dg.RunRequest(run_key=f"rebuild:{','.join(removed + iv3_new + iv3_gone)}", job_name=warehouse_rebuild_job.name)


daily_warehouse_rebuild_schedule = dg.ScheduleDefinition(
    name="daily_warehouse_rebuild_schedule",
    job=warehouse_rebuild_job,
    cron_schedule="0 5 * * *",
    execution_timezone="Europe/Amsterdam",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuilds and republishes the warehouse every morning at 05:00.",
)
