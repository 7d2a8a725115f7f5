"""The warehouse: dbt builds staging, marts and analytics into the build file, then it is published."""

import importlib.metadata
import os
import shutil
import sys
from functools import cached_property
from pathlib import Path

import dagster as dg
from packaging import version
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration import locations
from orchestration.landing import IV3_SCHEMAS, ensure_landing_schemas
from orchestration.publication import acquire_build, publish

PARTIAL_PARSE = "partial_parse.msgpack"

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
    """`dbt build` (models, seeds, data and unit tests) into the build file, under this run's lease."""
    build_path = locations.build_path()
    previous = acquire_build(build_path, context.run.run_id, lambda run_id: run_is_over(context.instance, run_id))
    if previous:
        context.log.info(f"build lease taken over from run {previous}, which ended without publishing; its files were removed")
    ensure_landing_schemas(locations.landing_dir(), IV3_SCHEMAS)
    os.environ["WAREHOUSE_BUILD_PATH"] = str(build_path)
    os.environ["WAREHOUSE_LANDING_DIR"] = str(locations.landing_dir())
    os.environ["DBT_TARGET_PATH"] = str(reuse_parse(locations.dbt_state_dir()))
    invocation = dbt.cli(["build"], context=context)
    try:
        yield from invocation.stream()
    finally:
        keep_parse(invocation.target_path, locations.dbt_state_dir())


def reuse_parse(state_dir: Path) -> Path:
    """dbt parses the project again whenever its profile (the build path) or an env var it reads (the
    landing folder) differs from its last parse: each warehouse folder keeps the parse of its own
    paths, seeded from the one `make setup` prepares, so that runs after the first skip parsing."""
    state_dir.mkdir(parents=True, exist_ok=True)
    prepared = dbt_project.project_dir / "target" / PARTIAL_PARSE
    if not (state_dir / PARTIAL_PARSE).exists() and prepared.exists():
        shutil.copy(prepared, state_dir / PARTIAL_PARSE)
    return state_dir


def keep_parse(invocation_dir: Path, state_dir: Path, keep_invocations: int = 5) -> None:
    """The invocation's parse becomes the next run's starting point; old invocation folders
    (dbt.log, run_results.json) beyond the last few are removed."""
    parsed = invocation_dir / PARTIAL_PARSE
    if parsed.exists():
        partial = state_dir / f".{PARTIAL_PARSE}.partial"
        shutil.copy(parsed, partial)
        os.replace(partial, state_dir / PARTIAL_PARSE)
    invocations = sorted((path for path in state_dir.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime)
    for old in invocations[:-keep_invocations]:
        shutil.rmtree(old, ignore_errors=True)


@dg.asset(
    group_name="publish",
    deps=warehouse_dbt_models.keys,
    kinds={"duckdb"},
    description="warehouse/warehouse.duckdb: the checked build, published by atomic rename.",
)
def published_warehouse(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    build_path = locations.build_path()
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


class VenvDbtCliResource(DbtCliResource):
    """dagster-dbt asks the dbt executable for its version on every run (`dbt --version`, ~2.5 s);
    the executable is this venv's, so its version is the installed dbt-core's."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))


dbt_resource = VenvDbtCliResource(
    project_dir=dbt_project,
    dbt_executable=str(Path(sys.executable).with_name("dbt")),  # the venv's dbt, whatever PATH says
)
