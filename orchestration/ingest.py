"""raw/ to landing, incrementally: only documents that are new or changed (by content hash) are parsed,
on every core when there are many; the rows of unchanged documents are carried over from the previous
generation, those of documents gone from raw/ are dropped. Iv3 files likewise: only new or changed ones
are read. Pure Python and polars, no Dagster: the assets, `make run` and the benchmark's floor all call this."""

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from orchestration.landing import (
    IV3_LANDING_TABLES, SCHEMAS, document_rows, frames_from_rows, iv3_frames, landed_document_ids, landed_ids,
    merge_document_tables, prune_landing, read_document_tables, write_document_tables, write_landing,
)
from orchestration.parsing.document import parse_document
from orchestration.parsing.iv3_figures import file_id, iv3_files, read_iv3_file
from orchestration.raw_documents import scan

PARALLEL_FROM = 64  # below this, starting worker processes costs more than it saves
Progress = Callable[[int, int, float], None]  # done, total, documents per second


@dataclass
class IngestResult:
    documents: int  # in raw/
    parsed: int  # new or changed, parsed in this run
    removed: int  # gone from raw/ (or changed), their rows dropped
    written: bool  # a new landing generation was written
    tables: dict[str, pl.DataFrame]


def pending_documents(raw_dir: Path, landing_dir: Path) -> tuple[dict[str, Path], set[str], dict[str, Path]]:
    """(documents in raw/ by id, ids landed, those not landed yet)."""
    current = scan(raw_dir)
    landed = landed_document_ids(landing_dir)
    return current, landed, {key: path for key, path in current.items() if key not in landed}


def ingest_documents(raw_dir: Path, landing_dir: Path, generation_id: str, workers: int | None = None,
                     progress: Progress | None = None) -> IngestResult:
    current, landed, pending = pending_documents(raw_dir, landing_dir)
    removed = landed - set(current)
    previous = read_document_tables(landing_dir)
    if not pending and not removed and landed:
        return IngestResult(len(current), 0, 0, False, previous)
    new = parse_many(pending, workers, progress)
    merged = merge_document_tables(previous, new, set(current))
    write_document_tables(landing_dir, merged, generation_id)
    return IngestResult(len(current), len(pending), len(removed), True, merged)


def parse_many(paths: dict[str, Path], workers: int | None = None, progress: Progress | None = None,
               chunk: int = 500) -> dict[str, pl.DataFrame]:
    """Every document's landing rows, per table. Rows become columnar frames every `chunk` documents:
    Python dicts of a whole corpus would take gigabytes."""
    items = sorted(paths.items())
    workers = workers or os.cpu_count() or 1
    frames: dict[str, list[pl.DataFrame]] = {table: [] for table in SCHEMAS}
    rows: dict[str, list[dict]] = {table: [] for table in SCHEMAS}

    def flush() -> None:
        for table, frame in frames_from_rows(rows).items():
            frames[table].append(frame)
            rows[table].clear()

    started, done = time.perf_counter(), 0
    pool = None
    if len(items) < PARALLEL_FROM or workers == 1:
        results = map(parse_to_rows, items)
    else:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        results = pool.map(parse_to_rows, items, chunksize=max(1, min(64, len(items) // (workers * 8))))
    try:
        step = max(1, len(items) // 20)
        for document_rows_ in results:
            for table, table_rows in document_rows_.items():
                rows[table].extend(table_rows)
            done += 1
            if done % chunk == 0:
                flush()
            if progress and (done % step == 0 or done == len(items)):
                progress(done, len(items), done / max(time.perf_counter() - started, 1e-9))
    finally:
        if pool:
            pool.shutdown()
    flush()
    return {table: pl.concat(parts) for table, parts in frames.items()}


def parse_to_rows(item: tuple[str, Path]) -> dict[str, list[dict]]:
    document_id, path = item
    return document_rows(parse_document(path), document_id)


@dataclass
class Iv3IngestResult:
    files: int  # in raw/iv3_cbs/
    read_now: list[dict]  # summary row of each file read in this run
    removed: int  # landed files gone from raw/ (or changed)
    rows_written: dict[str, int]  # per landing table, in this run
    summaries: list[dict]  # summary row of every file in raw/ (status, reason, failed checks)


def ingest_iv3_files(raw_dir: Path, landing_dir: Path) -> Iv3IngestResult:
    """Each new or changed Iv3 file read whole (or quarantined whole) and landed; those gone dropped."""
    files = {file_id(path): path for path in iv3_files(raw_dir)}
    removed = prune_landing(landing_dir, set(files), tables=IV3_LANDING_TABLES)
    already = landed_ids(landing_dir, "iv3_files")
    rows_written = {table: 0 for table in IV3_LANDING_TABLES}
    read_now = []
    for key, path in files.items():
        if key in already:
            continue
        frames = iv3_frames(read_iv3_file(path))
        write_landing(frames, landing_dir, key)
        for table, frame in frames.items():
            rows_written[table] += frame.height
        read_now.append(frames["iv3_files"].row(0, named=True))
    paths = [landing_dir / "iv3_files" / f"{key}.parquet" for key in sorted(files)]
    summaries = pl.concat([pl.read_parquet(path) for path in paths]).to_dicts() if paths else []
    return Iv3IngestResult(len(files), read_now, len(removed), rows_written, summaries)
