"""CBS Iv3 figures: the second family of raw files (raw/iv3_cbs/), read whole or quarantined, landed
beside the documents. Only new or changed files (by content hash) are read again."""

from pathlib import Path

import dagster as dg

from orchestration import locations
from orchestration.ingest import ingest_iv3_files
from orchestration.landing import IV3_LANDING_TABLES, landed_ids
from orchestration.parsing.iv3_figures import file_id, iv3_files

raw_iv3_files = dg.AssetSpec(
    key="raw_iv3_files",
    description="CBS's Iv3 figures of all municipalities per taakveld (raw/iv3_cbs/<year>_<begroting|jaarrekening>.csv).",
    group_name="raw",
    kinds={"csv"},
)


def iv3_file_ids() -> dict[str, Path]:
    return {file_id(path): path for path in iv3_files(locations.raw_dir())}


def pending_iv3_files() -> tuple[list[str], list[str]]:
    """Ids of Iv3 files not landed yet, and of landed ones no longer in raw/."""
    current, landed = set(iv3_file_ids()), landed_ids(locations.landing_dir(), "iv3_files")
    return sorted(current - landed), sorted(landed - current)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key=["landing", table], group_name="landing", deps=[raw_iv3_files], kinds={"parquet", "polars"},
                     description=f"Landing Parquet of {table.replace('_', ' ')}, one file per Iv3 file.")
        for table in IV3_LANDING_TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec("iv3_files_readable", asset=["landing", "iv3_files"],
                          description="Every Iv3 file was read whole: known municipalities, official codes of its year, numbers."),
        dg.AssetCheckSpec("iv3_figures_reconcile", asset=["landing", "iv3_files"],
                          description="National total row equals the sum of the municipalities; each municipality's lasten equal its baten."),
    ],
)
def iv3_landing(context: dg.AssetExecutionContext):
    """Read each new or changed Iv3 file with polars and write its landing files; drop those of files gone."""
    result = ingest_iv3_files(locations.raw_dir(), locations.landing_dir())
    for summary in result.read_now:
        context.log.info(f"{summary['file_id']}: {summary['status']} {summary['reason'] or ''} {summary['figure_count']} figures")
    quarantined = {row["source_file"]: row["reason"] for row in result.summaries if row["status"] != "ok"}
    failing = {row["source_file"]: row["failed_check_count"] for row in result.summaries if row["failed_check_count"]}
    for table in IV3_LANDING_TABLES:
        yield dg.MaterializeResult(asset_key=["landing", table], metadata={
            "files": result.files, "files_read_now": len(result.read_now),
            "rows_written_now": result.rows_written[table], "files_removed": result.removed})
    warn = dg.AssetCheckSeverity.WARN
    yield dg.AssetCheckResult(check_name="iv3_files_readable", asset_key=["landing", "iv3_files"], passed=not quarantined,
                              severity=warn, metadata={"quarantined": dg.MetadataValue.json(quarantined)})
    yield dg.AssetCheckResult(check_name="iv3_figures_reconcile", asset_key=["landing", "iv3_files"], passed=not failing,
                              severity=warn, metadata={"failed_checks_per_file": dg.MetadataValue.json(failing)})
