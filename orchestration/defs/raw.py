"""Raw documents: the files in raw/, each known by its name and a hash of its content and sidecar."""

import dagster as dg

raw_documents = dg.AssetSpec(
    key="raw_documents",
    description="The document files in raw/ (text of web pages and PDFs), each with an optional <file>.meta.toml.",
    group_name="raw",
    kinds={"file"},
)
