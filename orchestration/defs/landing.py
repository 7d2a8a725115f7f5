"""Landing: parsed documents as Parquet files, one per document and table, that dbt reads as sources."""

import dagster as dg

from orchestration import locations
from orchestration.defs.parsing import load_parsed
from orchestration.defs.raw import documents_partitions
from orchestration.landing import LANDING_TABLES, to_frames, write_landing

def _landing_specs() -> list[dg.AssetSpec]:
    return [
        dg.AssetSpec(key=["landing", table], group_name="landing", partitions_def=documents_partitions, deps=["parsed_documents"],
                     kinds={"parquet", "polars"}, description=f"Landing Parquet of {table.replace('_', ' ')}, one file per document.")
        for table in LANDING_TABLES
    ]


@dg.multi_asset(
    specs=_landing_specs(),
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def landing_tables(context: dg.AssetExecutionContext):
    """Normalise each parsed document with polars and write its landing files."""
    documents = {key: load_parsed(key) for key in context.partition_keys}
    rows = {table: 0 for table in LANDING_TABLES}
    for document_id, document in documents.items():
        frames = to_frames(document, document_id)
        write_landing(frames, locations.landing_dir(), document_id)
        for table, frame in frames.items():
            rows[table] += frame.height
    for table in LANDING_TABLES:
        yield dg.MaterializeResult(asset_key=["landing", table], metadata={"rows": rows[table], "documents": len(documents)})
