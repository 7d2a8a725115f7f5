"""Raw documents: one dynamic partition per document version, and the sensor that keeps them in step with raw/."""

import dagster as dg

from orchestration import locations
from orchestration.raw_documents import scan

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")

raw_documents = dg.AssetSpec(
    key="raw_documents",
    description="The document files in raw/ (text of web pages and PDFs), one partition per file version.",
    group_name="raw",
    partitions_def=documents_partitions,
    kinds={"file"},
)


def sync_partitions(instance: dg.DagsterInstance) -> tuple[list[str], list[str]]:
    """Add a partition for every new or changed file, drop those of files gone or changed."""
    current = scan(locations.raw_dir())
    registered = set(instance.get_dynamic_partitions(documents_partitions.name))
    added = sorted(set(current) - registered)
    removed = sorted(registered - set(current))
    for key in removed:
        instance.delete_dynamic_partition(documents_partitions.name, key)
    if added:
        instance.add_dynamic_partitions(documents_partitions.name, added)
    return added, removed
