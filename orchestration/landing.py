"""Parsed documents and Iv3 files to the landing Parquet files that dbt reads as sources.

polars normalises on the way: taakveld codes in their official spelling, labels with collapsed
whitespace, amounts as DECIMAL(18,2) euros, measures and scenarios checked against the vocabulary."""

import os
import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path

import polars as pl

from orchestration.parsing import iv3_figures as iv3
from orchestration.parsing.model import MEASURES, SCENARIOS, ParsedDocument

EURO = pl.Decimal(precision=18, scale=2)

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "documents": {
        "document_id": pl.String, "source_file": pl.String, "checksum": pl.String, "text_checksum": pl.String,
        "status": pl.String,
        "reason": pl.String, "layout": pl.String, "municipality_code": pl.String, "document_kind": pl.String,
        "programme": pl.String, "reporting_year": pl.Int32, "metadata_origin": pl.String,
        "fact_count": pl.Int32, "failed_check_count": pl.Int32, "ambiguous_cell_count": pl.Int32,
    },
    "facts": {
        "document_id": pl.String, "fiscal_year": pl.Int32, "scenario": pl.String, "measure": pl.String,
        "taakveld_code": pl.String, "source_category": pl.String, "amount_eur": EURO,
        "source_line": pl.Int32, "table_name": pl.String,
    },
    "reported_totals": {
        "document_id": pl.String, "total_kind": pl.String, "table_name": pl.String, "fiscal_year": pl.Int32,
        "scenario": pl.String, "measure": pl.String, "amount_eur": EURO, "source_line": pl.Int32,
    },
    "checks": {
        "document_id": pl.String, "check_name": pl.String, "table_name": pl.String, "subject": pl.String,
        "expected_eur": EURO, "actual_eur": EURO, "difference_eur": EURO, "tolerance_eur": EURO,
        "status": pl.String, "detail": pl.String,
    },
    "ambiguous_cells": {
        "document_id": pl.String, "table_name": pl.String, "column_header": pl.String,
        "printed_value": EURO, "source_line": pl.Int32, "candidate_rows": pl.String,
    },
    "programme_goals": {
        "document_id": pl.String, "goal_code": pl.String, "goal_title": pl.String, "source_line": pl.Int32,
    },
    "programme_measures": {
        "document_id": pl.String, "goal_code": pl.String, "measure_code": pl.String, "measure_title": pl.String,
        "quality_indicator": pl.String, "time_indicator": pl.String, "money_indicator": pl.String,
        "start_date": pl.Date, "end_date": pl.Date, "status": pl.String, "source_line": pl.Int32,
    },
}
LANDING_TABLES = tuple(SCHEMAS)

# The second family of raw files, CBS's Iv3 figures, lands beside the documents: one file per Iv3 file.
IV3_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "iv3_files": iv3.FILES_SCHEMA, "iv3_figures": iv3.FIGURES_SCHEMA,
    "iv3_population": iv3.POPULATION_SCHEMA, "iv3_checks": iv3.CHECKS_SCHEMA,
}
IV3_LANDING_TABLES = tuple(IV3_SCHEMAS)


def iv3_frames(read: iv3.Iv3File) -> dict[str, pl.DataFrame]:
    return {"iv3_files": read.summary(), "iv3_figures": read.figures, "iv3_population": read.population,
            "iv3_checks": read.checks}


def document_rows(document: ParsedDocument, document_id: str) -> dict[str, list[dict]]:
    """The rows a document gives each landing table (plain values: cheap to send between processes)."""
    m = document.metadata
    rows: dict[str, list[dict]] = {
        "documents": [{
            "source_file": document.source_file, "checksum": document.checksum,
            "text_checksum": document.text_checksum,
            "status": document.status, "reason": document.reason, "layout": document.layout,
            "municipality_code": m.municipality_code, "document_kind": m.document_kind, "programme": m.programme,
            "reporting_year": m.reporting_year,
            "metadata_origin": ", ".join(f"{field}={origin}" for field, origin in sorted(m.origin.items())),
            "fact_count": len(document.facts), "failed_check_count": len(document.failed_checks),
            "ambiguous_cell_count": len(document.ambiguous),
        }],
        "facts": [asdict(fact) for fact in document.facts],
        "reported_totals": [asdict(total) for total in document.reported_totals],
        "checks": [
            {"check_name": c.check_name, "table_name": c.table_name, "subject": c.subject,
             "expected_eur": c.expected, "actual_eur": c.actual, "difference_eur": c.difference,
             "tolerance_eur": c.tolerance, "status": c.status, "detail": c.detail}
            for c in document.checks
        ],
        "ambiguous_cells": [
            {"table_name": a.table_name, "column_header": a.column_header, "printed_value": a.printed_value,
             "source_line": a.source_line, "candidate_rows": " | ".join(a.candidates)}
            for a in document.ambiguous
        ],
        "programme_goals": [asdict(goal) for goal in document.goals],
        "programme_measures": [
            {**asdict(measure), "start_date": _date(measure.start_date), "end_date": _date(measure.end_date)}
            for measure in document.measures
        ],
    }
    for table_rows in rows.values():
        for row in table_rows:
            row["document_id"] = document_id
    return rows


def frames_from_rows(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    """One DataFrame per landing table, every one with its full schema even when empty."""
    frames = {}
    for table, schema in SCHEMAS.items():
        records = rows.get(table, [])
        frame = pl.DataFrame(records, schema=schema, orient="row") if records else pl.DataFrame(schema=schema)
        frames[table] = frame.select(list(schema))
    frames["facts"] = normalise_facts(frames["facts"])
    return frames


def _date(iso: str | None) -> date | None:
    return None if iso is None else date.fromisoformat(iso)


def normalise_facts(facts: pl.DataFrame) -> pl.DataFrame:
    """Official code spelling (`6.71A` -> `6.71a`), collapsed labels; an unknown measure or scenario is a bug."""
    normalised = facts.with_columns(
        pl.col("taakveld_code").str.strip_chars().str.to_lowercase(),
        pl.col("source_category").str.replace_all(r"\s+", " ").str.strip_chars(),
    )
    unknown = normalised.filter(~pl.col("measure").is_in(MEASURES) | ~pl.col("scenario").is_in(SCENARIOS))
    if unknown.height:
        raise ValueError(f"facts outside the vocabulary: {unknown.select('measure', 'scenario').unique().rows()}")
    return normalised


def landed_ids(landing_dir: Path, table: str) -> set[str]:
    """The ids (document or Iv3 file) whose landing file of this table exists."""
    return {path.name.removesuffix(".parquet") for path in (landing_dir / table).glob("*.parquet")} - {SCHEMA_FILE.removesuffix(".parquet")}


# --- documents: one generation of all landing tables at a time ---------------------------------
#
# landing/document_tables/current -> generations/<id>/<table>.parquet. A run writes a whole new
# generation (unchanged documents' rows carried over, changed and new ones added, gone ones dropped)
# and switches the link in one rename: dbt reads seven files, never a mix of two runs.

DOCUMENT_TABLES_DIR = "document_tables"
CURRENT = "current"


def current_generation(landing_dir: Path) -> Path:
    return landing_dir / DOCUMENT_TABLES_DIR / CURRENT


def read_document_tables(landing_dir: Path) -> dict[str, pl.DataFrame]:
    current = current_generation(landing_dir)
    return {table: pl.read_parquet(current / f"{table}.parquet") if (current / f"{table}.parquet").exists()
            else pl.DataFrame(schema=schema) for table, schema in SCHEMAS.items()}


def landed_document_ids(landing_dir: Path) -> set[str]:
    documents = current_generation(landing_dir) / "documents.parquet"
    return set(pl.read_parquet(documents, columns=["document_id"])["document_id"]) if documents.exists() else set()


def merge_document_tables(previous: dict[str, pl.DataFrame], new: dict[str, pl.DataFrame],
                          keep_ids: set[str]) -> dict[str, pl.DataFrame]:
    """The previous generation's rows of documents still present and not parsed again, plus the new rows."""
    replaced = set(new["documents"]["document_id"])
    carried = list(keep_ids - replaced)
    return {table: pl.concat([_aligned(previous[table], schema).filter(pl.col("document_id").is_in(carried)),
                              new[table].select(list(schema))])
            for table, schema in SCHEMAS.items()}


def _aligned(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Rows written by an older version of the code: a column added since reads as NULL."""
    missing = [pl.lit(None, dtype).alias(column) for column, dtype in schema.items() if column not in frame.columns]
    return frame.with_columns(missing).select([pl.col(column).cast(dtype) for column, dtype in schema.items()])


def write_document_tables(landing_dir: Path, frames: dict[str, pl.DataFrame], generation_id: str) -> Path:
    root = landing_dir / DOCUMENT_TABLES_DIR
    generation = root / "generations" / generation_id
    generation.mkdir(parents=True, exist_ok=True)
    for table, frame in frames.items():
        frame.write_parquet(generation / f"{table}.parquet")
    link = root / f".{CURRENT}.partial"
    link.unlink(missing_ok=True)
    link.symlink_to(Path("generations") / generation_id)
    previous = (root / CURRENT).resolve() if (root / CURRENT).exists() else None
    os.replace(link, root / CURRENT)
    for old in (root / "generations").iterdir():  # keep this one and the one before (a build may still read it)
        if old.name != generation_id and (previous is None or old != previous):
            shutil.rmtree(old, ignore_errors=True)
    return generation


# --- Iv3 files: one file per Iv3 file and table ------------------------------------------------


def write_landing(frames: dict[str, pl.DataFrame], landing_dir: Path, file_id: str) -> None:
    """Write each table's file beside, then rename into place: dbt never reads half a file."""
    for table, frame in frames.items():
        folder = landing_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{file_id}.parquet"
        partial = folder / f".{file_id}.parquet.partial"
        frame.write_parquet(partial)
        os.replace(partial, target)


SCHEMA_FILE = "_schema.parquet"


def ensure_landing_schemas(landing_dir: Path, schemas: dict[str, dict[str, pl.DataType]]) -> None:
    """An empty file per table with its full current schema: dbt reads a table that no file fills, and
    a column added since older landing files were written reads as NULL for them (union by name)."""
    for table, schema in schemas.items():
        folder = landing_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / SCHEMA_FILE
        if not target.exists() or pl.read_parquet_schema(target) != schema:
            partial = folder / f".{SCHEMA_FILE}.partial"
            pl.DataFrame(schema=schema).write_parquet(partial)
            os.replace(partial, target)


def prune_landing(landing_dir: Path, keep_ids: set[str], tables) -> list[str]:
    """Remove landing files of Iv3 files no longer in raw/ (or changed since); returns their ids."""
    removed = set()
    for table in tables:
        for path in (landing_dir / table).glob("*.parquet"):
            if path.name == SCHEMA_FILE:
                continue
            file_id = path.name.removesuffix(".parquet")
            if file_id not in keep_ids:
                path.unlink()
                removed.add(file_id)
    return sorted(removed)
