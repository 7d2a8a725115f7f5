"""One document file in, everything the warehouse loads from it out; a document that cannot be read
completely comes out quarantined with its reason, never half-read.

The file's kind is told by its content, never by its name: a PDF (`%PDF`), a web page (markup), else
text. Text goes to the layout readers as it always did; a PDF or a web page is read by its own reader
(orchestration.parsing.readers.pdf_table, html_table) into the same grids, in a worker process under a
time and memory bound, and the same reconciler gives every kind its meaning."""

import hashlib
import multiprocessing
import os
import re
import resource
from decimal import Decimal
from pathlib import Path

from orchestration.parsing import metadata as meta
from orchestration.parsing.interpret import Interpretation, kind_and_year_from_layout

from orchestration.parsing.model import AmbiguousCell, Check, DocumentMetadata, ParsedDocument, UnreadableDocument
from orchestration.parsing.model import Layout
from orchestration.parsing.readers import html_table, pdf_table, programme_goals, read_layout
from orchestration.parsing.readers.page import StructuredPage
from orchestration.parsing.reconcile import document_kind_and_year, reconcile

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a programme's text is tens of kilobytes; beyond this it is not one
MAX_PDF_BYTES = 200 * 1024 * 1024  # a 400-page jaarstukken with photographs
READ_SECONDS = 120  # a PDF or web page read longer than this is not read (a 200-page PDF takes about 20 s)
READ_MEMORY_BYTES = 2 * 1024**3  # address space a reading worker may add to what it starts with
_CONTROL_SHARE_LIMIT = 0.01
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_checksum_of(text: str) -> str:
    """The same text whatever its encoding, byte-order mark or line endings."""
    return checksum_of("\n".join(line.rstrip() for line in text.splitlines()).strip().encode("utf-8"))


def decode(data: bytes) -> str:
    """Text in UTF-8, UTF-16 (with byte-order mark) or cp1252, as real documents come; else an error."""
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    if data.startswith(b"%PDF"):
        raise UnreadableDocument("this is a PDF file, not text: extract its text first (e.g. pdftotext) and drop the .txt")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if "\x00" in text or controls > _CONTROL_SHARE_LIMIT * len(text):
        raise UnreadableDocument("binary content, not text")
    return text


def file_kind(data: bytes) -> str:
    """pdf | html | text, by what the bytes are; a PDF may carry a few bytes of junk before its header."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if html_table.recognises(data):
        return "html"
    return "text"


def parse_document(path: Path, read_seconds: float = READ_SECONDS, read_memory: int = READ_MEMORY_BYTES) -> ParsedDocument:
    data = path.read_bytes()
    checksum = checksum_of(data)
    document = ParsedDocument(source_file=path.name, checksum=checksum, status="ok", reason=None, layout=None,
                              metadata=DocumentMetadata())
    try:
        kind = file_kind(data)
        limit = MAX_PDF_BYTES if kind == "pdf" else MAX_DOCUMENT_BYTES
        if len(data) > limit:
            raise UnreadableDocument(f"{len(data):,} bytes, more than the {limit:,} a programme document can be")
        supplied = meta.read_sidecar(path)
        if kind == "text":
            text = decode(data)
            document.text_checksum = text_checksum_of(text)
            _read(text, supplied, document)
        else:
            page = read_bounded(kind, data, read_seconds, read_memory)
            document.text_checksum = text_checksum_of("\n".join(page.text_lines))
            _read_page(page, supplied, document)
    except UnreadableDocument as error:
        _quarantine(document, error)
    return document


def read_structured(kind: str, data: bytes) -> StructuredPage:
    """A PDF or a web page read into grids, in this process (the worker calls this)."""
    return pdf_table.read(data) if kind == "pdf" else html_table.read(data)


def _worker(connection, kind: str, data: bytes, memory: int) -> None:
    try:
        with open("/proc/self/statm") as statm:  # the address space the worker starts with, inherited
            start = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (start + memory, start + memory))
    except (OSError, ValueError):
        pass
    try:
        connection.send(("ok", read_structured(kind, data)))
    except UnreadableDocument as error:
        connection.send(("unreadable", str(error)))
    except MemoryError:
        connection.send(("unreadable", f"reading it needs more than the {memory // 1024**2:,} MB memory bound"))
    except RecursionError:
        connection.send(("unreadable", "its structure is nested too deep to read"))
    except Exception as error:  # a hostile or broken file: whatever the library raises, the run goes on
        connection.send(("unreadable", f"the {kind.upper()} cannot be read: {type(error).__name__}: {str(error)[:200]}"))
    finally:
        connection.close()


def read_bounded(kind: str, data: bytes, seconds: float = READ_SECONDS, memory: int = READ_MEMORY_BYTES) -> StructuredPage:
    """read_structured in a worker process that is stopped after `seconds` or when it needs more than
    `memory`; either quarantines the document with that reason. Forked: the worker starts at once."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_worker, args=(sending, kind, data, memory), daemon=True)
    worker.start()
    sending.close()
    try:
        if not receiving.poll(seconds):
            raise UnreadableDocument(f"reading the {kind.upper()} took longer than the {seconds:g} s bound; not read")
        try:
            status, result = receiving.recv()
        except (EOFError, OSError):
            worker.join(5)
            raise UnreadableDocument(
                f"the {kind.upper()} reader stopped (exit {worker.exitcode}): more than the "
                f"{memory // 1024**2:,} MB memory bound or a broken file; not read") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        receiving.close()
    if status != "ok":
        raise UnreadableDocument(result)
    return result


def parse_text(text: str, supplied: dict | None = None, name: str = "<text>") -> ParsedDocument:
    """The same as parse_document, for text in hand (tests, the CLI)."""
    document = ParsedDocument(source_file=name, checksum=checksum_of(text.encode()), status="ok", reason=None,
                              layout=None, metadata=DocumentMetadata(), text_checksum=text_checksum_of(text))
    try:
        _read(text, supplied or {}, document)
    except UnreadableDocument as error:
        _quarantine(document, error)
    return document


def _quarantine(document: ParsedDocument, error: UnreadableDocument) -> None:
    """Nothing of a document that cannot be read completely is loaded; its checks say how far it got."""
    document.status, document.reason = "quarantined", str(error)
    document.facts, document.reported_totals, document.ambiguous = [], [], []
    document.goals, document.measures = [], []


def _refuse_repeated_lines(facts) -> None:
    """One line per cell: a line printed twice (a copy-paste slip, a page header repeating a row) leaves
    no way to tell which figure counts, so the document is not read rather than counted twice."""
    first_line: dict[tuple, int] = {}
    for fact in facts:
        key = (fact.fiscal_year, fact.scenario, fact.measure, fact.taakveld_code, fact.source_category)
        if key in first_line and first_line[key] != fact.source_line:
            raise UnreadableDocument(
                f"'{fact.source_category}' is printed twice for {fact.measure} {fact.scenario} {fact.fiscal_year} "
                f"(lines {first_line[key]} and {fact.source_line}); which one counts cannot be told")
        first_line.setdefault(key, fact.source_line)


def _read_page(page: StructuredPage, supplied: dict, document: ParsedDocument) -> None:
    if not page.grids:
        if page.skipped:
            raise UnreadableDocument(f"{page.reader}: no table could be read: " + "; ".join(page.skipped))
        raise UnreadableDocument(page.empty_reason or f"{page.reader}: no table of figures in the file")
    layout = Layout(reader=page.reader, grids=page.grids, skipped=[f"{page.reader}: {reason}" for reason in page.skipped])
    _read("\n".join(page.text_lines), supplied, document, layout, page.preamble,
          arithmetic_gate=page.reader == pdf_table.NAME)


_ARITHMETIC_CHECKS = ("table_total", "line_saldo", "total_by_arithmetic")


def _unconfirmed(grid) -> str | None:
    """Why a PDF grid's structure is not confirmed by its own arithmetic, or None when it is.

    A PDF's columns, header paths and rows are inferred from where its words sit; a header word under
    the wrong column or a label beside the wrong row gives figures that look right. So a PDF grid loads
    only where its own totals or lasten - baten = saldo identities pass (within rounding) and none fails."""
    if not grid.facts:
        return None
    checks = [c for c in grid.checks if c.check_name in _ARITHMETIC_CHECKS]
    failed = [c for c in checks if c.status == "failed"]
    if failed:
        return (f"{len(failed)} of its arithmetic checks fail (first: {failed[0].subject}, {failed[0].detail}): "
                "its columns or rows as read from the page's geometry are not proven")
    if not any(c.status in ("passed", "within_rounding") for c in checks):
        return "no total or lasten/baten/saldo identity confirms its columns and rows as read from the page's geometry"
    return None


def _hold_back(grid, reason: str, document: ParsedDocument) -> None:
    """A PDF grid its arithmetic does not confirm: nothing of it is loaded; its values are listed as
    ambiguous cells with the reason, its checks kept, and the table flagged as skipped."""
    name = grid.grid.name
    document.checks.extend(grid.checks)
    document.checks.append(Check("table_skipped", pdf_table.NAME, "table", None, None, Decimal(0), "failed",
                                 f"{pdf_table.NAME}: {name}: not loaded: {reason}"))
    for fact in grid.facts:
        document.ambiguous.append(AmbiguousCell(name, f"{fact.fiscal_year} {fact.scenario} {fact.measure}",
                                                fact.amount_eur, fact.source_line,
                                                (f"{fact.source_category}: {reason}",)))
    document.ambiguous.extend(grid.ambiguous)


def _read(text: str, supplied: dict, document: ParsedDocument, layout: Layout | None = None,
          preamble: list[str] | None = None, arithmetic_gate: bool = False) -> None:
    lines = text.splitlines()
    layout = layout or read_layout(lines)
    document.layout = layout.reader
    document.tables = [(grid.name, grid.reader) for grid in layout.grids] + [(table.name, layout.reader) for table in layout.tables]

    found: dict = {"origin": {}}
    municipality, why_not = meta.municipality_from_text(text)
    if municipality:
        found["municipality_code"] = municipality.code
    found["programme"] = meta.programme_from_text(lines)
    kind, year = kind_and_year_from_layout(layout.tables)
    if kind:
        found["origin"]["document_kind"] = "layout"
    elif layout.grids and (titled := meta.kind_and_year_from_title(
            preamble if preamble is not None else lines[: min(grid.start_line for grid in layout.grids) - 1])):
        kind, year = titled
        found["origin"]["document_kind"] = "text"
    else:
        kind = meta.kind_from_words(text)
    found["document_kind"], found["reporting_year"] = kind, year
    if year:
        found["origin"]["reporting_year"] = "layout"
    document.metadata = meta.resolve(found, supplied, document.checks)
    if document.metadata.municipality_code is None:
        raise UnreadableDocument(f"municipality unknown: {why_not}; supply municipality_code in {document.source_file}{meta.SIDECAR_SUFFIX}")
    if layout.grids and (document.metadata.document_kind is None or document.metadata.reporting_year is None):
        kind, year = document_kind_and_year(layout.grids, document.metadata)
        for field, value in (("document_kind", kind), ("reporting_year", year)):
            if getattr(document.metadata, field) is None and value is not None:
                setattr(document.metadata, field, value)
                document.metadata.origin[field] = "layout"
    if document.metadata.document_kind is None and not (layout.tables or layout.gauges or layout.grids):
        document.metadata.document_kind = "onbekend"  # a variance table reads the same in either kind

    interpretation = Interpretation(document.metadata)
    for table in layout.tables:
        interpretation.add_table(table)
        document.ambiguous.extend(table.ambiguous)
    for reason in layout.skipped:  # a table seen but not read: the document is flagged, never silently short
        document.checks.append(Check("table_skipped", reason.split(":", 1)[0], "table", None, None, Decimal(0), "failed", reason))
    for grid in reconcile(layout.grids, document.metadata):
        if arithmetic_gate and (reason := _unconfirmed(grid)):
            _hold_back(grid, reason, document)
            continue
        interpretation.facts.extend(grid.facts)
        interpretation.totals.extend(grid.totals)
        interpretation.checks.extend(grid.checks)
        document.ambiguous.extend(grid.ambiguous)
    interpretation.add_gauges(layout)
    interpretation.add_variance(layout)
    _refuse_repeated_lines(interpretation.facts)
    document.facts = interpretation.facts
    document.reported_totals = interpretation.totals
    document.checks.extend(interpretation.checks)
    document.goals, document.measures = programme_goals.read(lines)
