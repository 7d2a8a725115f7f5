"""The warehouse: dbt builds staging, marts and analytics into the build file, then it is published."""

import importlib.metadata
import os
import re
import shutil
import sys
from functools import cached_property
from pathlib import Path

import dagster as dg
import duckdb
from packaging import version
from dagster_dbt import (
    DagsterDbtCliRuntimeError, DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets,
)

from orchestration import locations
from orchestration.landing import IV3_SCHEMAS, ensure_landing_schemas
from orchestration.publication import INPUTS_FILE, acquire_build, build_inputs_digest, publish, published_build, release_build

PARTIAL_PARSE = "partial_parse.msgpack"
REBUILD_TAG = "gemeentefinancien/rebuild"  # "always": build and publish even when nothing changed

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

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project) -> dg.AssetCheckSpec | None:
        """dbt tests as asset checks, each saying what it checks (dagster-dbt reads only a `meta` description)."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None or spec.description:
            return spec
        return spec._replace(description=describe_test(manifest["nodes"][unique_id]))


def describe_test(test: dict) -> str:
    """What a dbt test checks, in a sentence: its own description, else the comment heading a singular
    test's SQL, else one made from the generic test and its arguments."""
    if test.get("description"):
        return test["description"]
    warns = " (warns, never fails the run)" if test["config"].get("severity", "").lower() == "warn" else ""
    metadata = test.get("test_metadata")
    if not metadata:
        comment = []
        for line in test.get("raw_code", "").splitlines():
            if not line.strip().startswith("--"):
                break
            comment.append(line.strip().removeprefix("--").strip())
        return (" ".join(comment) or f"Singular test {test['name']}: no rows may come back.") + warns
    name, arguments = metadata["name"], metadata.get("kwargs", {})
    column = arguments.get("column_name")
    referenced = re.sub(r"""ref\(['"]([^'"]+)['"]\)""", r"\1", str(arguments.get("to", "")))
    sentences = {
        "not_null": f"{column} is never NULL.",
        "unique": f"No two rows have the same {column}.",
        "relationships": f"Every {column} is a {arguments.get('field')} of {referenced}.",
        "accepted_values": f"{column} is one of: {', '.join(map(str, arguments.get('values', [])))}.",
        "unique_combination_of_columns": f"One row per {' x '.join(arguments.get('combination_of_columns', []))}.",
        "expression_is_true": f"{arguments.get('expression')} holds on every row.",
        "one_current_per_cell": f"Exactly one current figure per {' x '.join(arguments.get('cell_columns', []))}.",
    }
    shown = {key: value for key, value in arguments.items() if key != "model"}
    return sentences.get(name, f"{name} ({', '.join(f'{key}={value}' for key, value in shown.items())})") + warns


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=translator, name="warehouse_dbt_models")
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build` (models, seeds, data and unit tests) into the build file, under this run's lease; nothing
    when the published file was built from the same inputs (then publication is skipped too)."""
    build_path = locations.build_path()
    previous = acquire_build(build_path, context.run.run_id, lambda run_id: run_is_over(context.instance, run_id))
    if previous:
        context.log.info(f"build lease taken over from run {previous}, which ended without publishing; its files were removed")
    ensure_landing_schemas(locations.landing_dir(), IV3_SCHEMAS)
    inputs = build_inputs_digest(locations.landing_dir(), dbt_project.project_dir)
    published = published_build(locations.published_path())
    if published and published["inputs_digest"] == inputs and context.run.tags.get(REBUILD_TAG) != "always":
        release_build(build_path, context.run.run_id)
        context.log.info(f"nothing new, changed or gone: the published warehouse (run {published['run_id']}) "
                         f"was built from these inputs ({inputs[:12]}); nothing to build or publish")
        return
    (build_path.parent / INPUTS_FILE).write_text(inputs)
    os.environ["WAREHOUSE_BUILD_PATH"] = str(build_path)
    os.environ["WAREHOUSE_LANDING_DIR"] = str(locations.landing_dir())
    os.environ["DBT_TARGET_PATH"] = str(reuse_parse(locations.dbt_state_dir()))
    invocation = dbt.cli(["build"], context=context)
    events, failure = [], None
    try:  # DuckDB: the build file can be read (column types) once dbt has let go of it
        for event in invocation.stream():
            events.append(event)
    except DagsterDbtCliRuntimeError as error:  # what dbt did finish still shows (failed tests), then the step fails
        failure = error
    finally:
        keep_parse(invocation.target_path, locations.dbt_state_dir())
    yield from with_column_schemas(events, build_path, invocation.manifest)
    if failure:
        raise failure


def with_column_schemas(events: list, build_path: Path, manifest: dict) -> list:
    """Each model's and seed's output with its columns as built (type) and as documented in the dbt YAML
    (description), for the UI's column table. One query of the build file: dagster-dbt's
    fetch_column_metadata opens a connection per model, which took 15 s more on the sample (23 s with
    its sqlglot column lineage) and kept the file open in this process."""
    with duckdb.connect(str(build_path), read_only=True) as connection:
        columns = connection.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns "
            "order by table_schema, table_name, ordinal_position").fetchall()
    built: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for schema, table, column, data_type in columns:
        built.setdefault((schema, table), []).append((column, data_type))
    enriched = []
    for event in events:
        node = manifest["nodes"].get(event.metadata["unique_id"].text) if isinstance(event, dg.Output) else None
        relation = built.get((node["schema"], node["alias"])) if node else None
        if relation:
            documented = {name.lower(): column.get("description") for name, column in node.get("columns", {}).items()}
            schema = dg.TableSchema(columns=[dg.TableColumn(name=name, type=data_type, description=documented.get(name.lower()) or None)
                                             for name, data_type in relation])
            event = event.with_metadata({**event.metadata, "dagster/column_schema": dg.MetadataValue.table_schema(schema)})
        enriched.append(event)
    return enriched


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
        "path": dg.MetadataValue.path(locations.published_path()),
        "documents_loaded": manifest["documents_loaded"],
        "documents_duplicate": manifest["documents_duplicate"],
        "documents_quarantined": manifest["documents_quarantined"],
        "inputs_digest": manifest["inputs_digest"],
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
