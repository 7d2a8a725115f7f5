"""The benchmark's corpus generator (deterministic, parseable, checks pass) and the incremental path:
only new or changed documents are parsed, the others' landing rows are carried over unchanged."""

import polars as pl

from bench.generate import generate
from orchestration.ingest import ingest_documents
from orchestration.landing import landed_document_ids
from orchestration.parsing.document import parse_document


def test_the_generator_is_deterministic_and_its_documents_parse_cleanly(tmp_path):
    first = generate(tmp_path / "a", 12, seed=7)
    second = generate(tmp_path / "b", 12, seed=7)
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert generate(tmp_path / "c", 2, seed=8)[0].read_bytes() != first[0].read_bytes()
    parsed = [parse_document(path) for path in first]
    assert all(document.status == "ok" for document in parsed), [d.reason for d in parsed]
    assert all(not document.failed_checks for document in parsed)
    assert len({document.metadata.municipality_code for document in parsed}) == 12
    assert {document.layout for document in parsed} == {"web_row_table+gauges", "web_row_table"}
    assert all(document.facts for document in parsed)


def test_only_new_and_changed_documents_are_parsed(tmp_path):
    raw, landing = tmp_path / "raw", tmp_path / "landing"
    paths = generate(raw, 8, seed=11)
    first = ingest_documents(raw, landing, "g1", workers=1)
    assert (first.documents, first.parsed, first.removed, first.written) == (8, 8, 0, True)
    facts_before = first.tables["facts"]

    again = ingest_documents(raw, landing, "g2", workers=1)
    assert (again.parsed, again.removed, again.written) == (0, 0, False)  # nothing new: no new generation

    changed, gone = paths[3], paths[5]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Korte", "Korte ", 1) + "\nNieuwe versie\n", encoding="utf-8")
    gone.unlink()
    gone.with_name(gone.name + ".meta.toml").unlink()
    third = ingest_documents(raw, landing, "g3", workers=1)
    assert (third.documents, third.parsed, third.removed) == (7, 1, 2)  # the changed file's old version and the gone one
    ids = landed_document_ids(landing)
    assert len(ids) == 7 and not any(key.startswith(gone.name + "@") for key in ids)
    # the unchanged documents' rows are carried over exactly
    unchanged = [key for key in ids if not key.startswith(changed.name + "@")]
    def rows_of(frame):
        return frame.filter(pl.col("document_id").is_in(unchanged)).sort("document_id", "source_line", "fiscal_year", "scenario")
    assert rows_of(third.tables["facts"]).equals(rows_of(facts_before))
    # what dbt reads is this generation
    assert (landing / "document_tables" / "current").resolve().name == "g3"
