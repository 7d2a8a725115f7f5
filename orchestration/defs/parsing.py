"""Parsing: each new or changed document to facts, totals, checks and goals (pure Python, see
orchestration/parsing and orchestration/ingest.py), landed as one generation of Parquet tables."""

import dagster as dg

from orchestration import locations
from orchestration.defs.raw import raw_documents
from orchestration.faults import pause_point
from orchestration.ingest import ingest_documents
from orchestration.landing import LANDING_TABLES

DOCUMENTS = dg.AssetKey(["landing", "documents"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key=["landing", table], group_name="landing", deps=[raw_documents], kinds={"parquet", "polars"},
                     description=f"Landing Parquet of {table.replace('_', ' ')}, all documents, one generation per run.")
        for table in LANDING_TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec("readable", asset=DOCUMENTS,
                          description="Every document was read completely; the others are quarantined with their reason."),
        dg.AssetCheckSpec("reconciles", asset=DOCUMENTS,
                          description="Line saldo, table totals and gauges agree (within the table's rounding)."),
        dg.AssetCheckSpec("no_ambiguous_cells", asset=DOCUMENTS,
                          description="Every printed value could be placed in one row."),
    ],
)
def parsed_documents(context: dg.AssetExecutionContext):
    """Parse the documents in raw/ that are new or changed since the last run (on every core when there
    are many), carry the others' rows over, drop those of files gone, and land the result."""
    def progress(done: int, total: int, rate: float) -> None:
        context.log.info(f"parsed {done:,} / {total:,} documents ({rate:,.0f} per second)")
        pause_point("parsing")

    result = ingest_documents(locations.raw_dir(), locations.landing_dir(), context.run.run_id, progress=progress)
    context.log.info(f"raw/: {result.documents} documents, {result.parsed} parsed now, {result.removed} gone")
    documents = result.tables["documents"]
    for table in LANDING_TABLES:
        yield dg.MaterializeResult(asset_key=["landing", table], metadata={
            "rows": result.tables[table].height, "documents": result.documents, "parsed_now": result.parsed,
            "removed_now": result.removed, "new_generation": result.written})
    quarantined = dict(documents.filter(documents["status"] != "ok").select("source_file", "reason").rows())
    failing = dict(documents.filter(documents["failed_check_count"] > 0).select("source_file", "failed_check_count").rows())
    ambiguous = dict(documents.filter(documents["ambiguous_cell_count"] > 0).select("source_file", "ambiguous_cell_count").rows())
    warn = dg.AssetCheckSeverity.WARN  # a bad document is flagged, it does not stop the others
    yield dg.AssetCheckResult(check_name="readable", asset_key=DOCUMENTS, passed=not quarantined, severity=warn,
                              metadata={"quarantined": dg.MetadataValue.json(quarantined)})
    yield dg.AssetCheckResult(check_name="reconciles", asset_key=DOCUMENTS, passed=not failing, severity=warn,
                              metadata={"failed_checks_per_document": dg.MetadataValue.json(failing)})
    yield dg.AssetCheckResult(check_name="no_ambiguous_cells", asset_key=DOCUMENTS, passed=not ambiguous, severity=warn,
                              metadata={"ambiguous_cells_per_document": dg.MetadataValue.json(ambiguous)})
