"""The warehouse: dbt builds staging, marts and analytics into a per-run file, then it is published."""

import os
import sys
from pathlib import Path

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration import locations
from orchestration.defs.raw import documents_partitions
from orchestration.landing import IV3_SCHEMAS, SCHEMAS, ensure_landing_schemas, prune_landing
from orchestration.publication import clear_stale_builds, publish

# The manifest is prepared once at set-up (`make setup` runs `dbt parse`), not on every load.
dbt_project = DbtProject(project_dir=locations.DBT_PROJECT_DIR, profiles_dir=locations.DBT_PROJECT_DIR)


def run_is_over(instance: dg.DagsterInstance, run_id: str) -> bool:
    run = instance.get_run_by_id(run_id)
    return run is None or run.is_finished


class WarehouseTranslator(DagsterDbtTranslator):
    """dbt sources are the landing assets, so raw files and marts form one lineage graph."""

    def get_asset_key(self, dbt_resource_props) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["landing", dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["config"]["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props) -> str:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return dbt_resource_props["fqn"][1]


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=translator, name="warehouse_dbt_models")
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build` (models, seeds, data and unit tests) into this run's own build file."""
    build_path = locations.build_path(context.run.run_id)
    cleared = clear_stale_builds(build_path.parent.parent, keep=build_path.parent,
                                 run_is_over=lambda run_id: run_is_over(context.instance, run_id))
    if cleared:
        context.log.info(f"build folders of runs that died before publication removed: {cleared}")
    build_path.parent.mkdir(parents=True, exist_ok=True)
    ensure_landing_schemas(locations.landing_dir(), SCHEMAS | IV3_SCHEMAS)
    registered = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    removed = prune_landing(locations.landing_dir(), registered)
    if removed:
        context.log.info(f"landing files removed for documents no longer in raw/: {removed}")
    os.environ["WAREHOUSE_BUILD_PATH"] = str(build_path)
    os.environ["WAREHOUSE_LANDING_DIR"] = str(locations.landing_dir())
    yield from dbt.cli(["build"], context=context).stream()


@dg.asset(
    group_name="publish",
    deps=warehouse_dbt_models.keys,
    kinds={"duckdb"},
    description="warehouse/warehouse.duckdb: the checked build, published by atomic rename.",
)
def published_warehouse(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    build_path = locations.build_path(context.run.run_id)
    if not build_path.exists():
        raise dg.Failure(f"no build file at {build_path}: dbt build did not run in this run")
    manifest = publish(build_path, locations.published_path(), context.run.run_id)
    return dg.MaterializeResult(metadata={
        "path": str(locations.published_path()),
        "documents_loaded": manifest["documents_loaded"],
        "documents_quarantined": manifest["documents_quarantined"],
        "fact_rows": manifest["fact_rows"],
        "control_total_eur": manifest["control_total_eur"],
    })


dbt_resource = DbtCliResource(
    project_dir=dbt_project,
    dbt_executable=str(Path(sys.executable).with_name("dbt")),  # the venv's dbt, whatever PATH says
)
