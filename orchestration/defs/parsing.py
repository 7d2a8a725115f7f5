"""Parsing: each document to facts, totals, checks and goals (pure Python, see orchestration/parsing)."""

import os
import pickle

import dagster as dg

from orchestration import locations
from orchestration.defs.raw import documents_partitions, raw_documents
from orchestration.faults import pause_point
from orchestration.parsing.document import parse_document
from orchestration.parsing.model import ParsedDocument
from orchestration.raw_documents import scan


@dg.asset(
    group_name="parsing",
    partitions_def=documents_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    deps=[raw_documents],
    check_specs=[
        dg.AssetCheckSpec("readable", asset="parsed_documents",
                          description="Every document was read completely; the others are quarantined with their reason."),
        dg.AssetCheckSpec("reconciles", asset="parsed_documents",
                          description="Line saldo, table totals and gauges agree (within the table's rounding)."),
        dg.AssetCheckSpec("no_ambiguous_cells", asset="parsed_documents",
                          description="Every printed value could be placed in one row."),
    ],
    kinds={"python"},
)
def parsed_documents(context: dg.AssetExecutionContext):
    """Each document of the run's partitions, parsed: one ParsedDocument per document id."""
    files = scan(locations.raw_dir())
    parsed: dict[str, ParsedDocument] = {}
    for key in context.partition_keys:
        if key not in files:
            raise dg.Failure(f"{key}: the file is no longer in {locations.raw_dir()} (changed or removed since the run was requested)")
        parsed[key] = parse_document(files[key])
        store_parsed(key, parsed[key])
        pause_point("parsing")
        context.log.info(f"{key}: {parsed[key].status} {parsed[key].reason or ''}")

    quarantined = {key: doc.reason for key, doc in parsed.items() if doc.status != "ok"}
    failing = {
        key: [f"{c.check_name} {c.table_name} {c.subject}: difference {c.difference}" for c in doc.failed_checks]
        for key, doc in parsed.items() if doc.failed_checks
    }
    ambiguous = {key: len(doc.ambiguous) for key, doc in parsed.items() if doc.ambiguous}
    yield dg.MaterializeResult(
        metadata={
            "documents": len(parsed),
            "quarantined": len(quarantined),
            "facts": sum(len(doc.facts) for doc in parsed.values()),
        },
    )
    warn = dg.AssetCheckSeverity.WARN  # a bad document is flagged, it does not stop the others
    yield dg.AssetCheckResult(check_name="readable", passed=not quarantined, severity=warn,
                              metadata={"quarantined": dg.MetadataValue.json(quarantined)})
    yield dg.AssetCheckResult(check_name="reconciles", passed=not failing, severity=warn,
                              metadata={"failed_checks": dg.MetadataValue.json(failing)})
    yield dg.AssetCheckResult(check_name="no_ambiguous_cells", passed=not ambiguous, severity=warn,
                              metadata={"ambiguous_cells_per_document": dg.MetadataValue.json(ambiguous)})


def _parsed_path(document_id: str):
    return locations.parsed_dir() / f"{document_id}.pickle"


def store_parsed(document_id: str, document: ParsedDocument) -> None:
    locations.parsed_dir().mkdir(parents=True, exist_ok=True)
    partial = _parsed_path(document_id).with_suffix(".partial")
    partial.write_bytes(pickle.dumps(document))
    os.replace(partial, _parsed_path(document_id))


def load_parsed(document_id: str) -> ParsedDocument:
    return pickle.loads(_parsed_path(document_id).read_bytes())
