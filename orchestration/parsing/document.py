"""One document file in, everything the warehouse loads from it out; a document that cannot be read
completely comes out quarantined with its reason, never half-read."""

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from orchestration.parsing import metadata as meta
from orchestration.parsing.interpret import Interpretation, kind_and_year_from_layout

from orchestration.parsing.model import Check, DocumentMetadata, ParsedDocument, UnreadableDocument
from orchestration.parsing.readers import programme_goals, read_layout
from orchestration.parsing.reconcile import document_kind_and_year, reconcile

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a programme's text is tens of kilobytes; beyond this it is not one
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


def parse_document(path: Path) -> ParsedDocument:
    data = path.read_bytes()
    checksum = checksum_of(data)
    document = ParsedDocument(source_file=path.name, checksum=checksum, status="ok", reason=None, layout=None,
                              metadata=DocumentMetadata())
    try:
        if len(data) > MAX_DOCUMENT_BYTES:
            raise UnreadableDocument(f"{len(data):,} bytes, more than the {MAX_DOCUMENT_BYTES:,} a programme document can be")
        supplied = meta.read_sidecar(path)
        text = decode(data)
        document.text_checksum = text_checksum_of(text)
        _read(text, supplied, document)
    except UnreadableDocument as error:
        _quarantine(document, error)
    return document


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


def _read(text: str, supplied: dict, document: ParsedDocument) -> None:
    lines = text.splitlines()
    layout = read_layout(lines)
    document.layout = layout.reader

    found: dict = {"origin": {}}
    municipality, why_not = meta.municipality_from_text(text)
    if municipality:
        found["municipality_code"] = municipality.code
    found["programme"] = meta.programme_from_text(lines)
    kind, year = kind_and_year_from_layout(layout.tables)
    if kind:
        found["origin"]["document_kind"] = "layout"
    elif layout.grids and (titled := meta.kind_and_year_from_title(lines[: min(grid.start_line for grid in layout.grids) - 1])):
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
