"""Web pages saved as HTML: every data `<table>` read from the DOM into a grid.

The DOM says what text recovers only by guessing: which texts are one cell, which header cell spans
which columns (`colspan`) and rows (`rowspan`), which rows are headers (`<thead>`, rows of `<th>`).
Navigation, scripts and styles are dropped; a table that holds tables only lays out the page and is
looked into, not read. The page's title and headings give the metadata and each table's title and
context (caption, unit).

Provenance: a cell's `line` is the row number of its `<tr>` in the page, counting every table row of
the page from 1 in document order (a page's source lines say nothing where a platform minifies its
HTML); the grid's name says which table (its title and its first row number).

    <tr><th rowspan=2>Programma</th><th colspan=3>Rekening 2021</th></tr>   -> ('Rekening 2021', 'Lasten')
    <tr><th>Lasten</th><th>Baten</th><th>Saldo</th></tr>
"""

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.readers.page import StructuredPage, cell_amounts

NAME = "html_table"
_DROPPED = ("script", "style", "noscript", "nav", "template", "svg", "iframe", "object", "head")
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "caption", "figcaption", "blockquote", "pre", "div", "section", "article", "main", "header", "footer", "span", "strong", "b", "em", "label"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTEXT_LINES = 4  # text blocks above a table that may hold its caption or unit ('bedragen x € 1.000')
_MARKERS = {"V", "N"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def recognises(data: bytes) -> bool:
    """Markup: a page starts (after a byte-order mark and whitespace) with a tag, and names html, body or table."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        head = data[:8192].decode("utf-16", errors="ignore").encode("ascii", errors="ignore").lstrip().lower()
    return head.startswith(b"<") and any(tag in data[:1_000_000].lower() for tag in (b"<html", b"<body", b"<table"))


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _encoding(data: bytes) -> str:
    """The page's declared charset; else UTF-8 where the bytes are UTF-8, else cp1252 (saved by old browsers)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    declared = _CHARSET.search(data[:4096])
    if declared:
        return declared.group(1).decode("ascii").lower()
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


@dataclass(eq=False)
class _Slot:
    """One position of the table's matrix: the cell that covers it."""

    cell: int  # id of the <td>/<th> (spans repeat it)
    text: str
    is_header_cell: bool
    origin_row: int
    origin_column: int
    colspan: int


def read(data: bytes) -> StructuredPage:
    try:
        root = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding=_encoding(data)))
    except (etree.ParserError, ValueError, LookupError) as error:
        raise UnreadableDocument(f"not readable as HTML: {error}") from error
    title = " ".join((root.findtext(".//title") or "").split())
    for element in list(root.iter(*_DROPPED)):
        if element.getparent() is not None:
            element.drop_tree()
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    page = StructuredPage(reader=NAME)
    if title:
        page.text_lines.append(title)
    walker = _Walker(page)
    body = root.find("body")
    walker.walk(body if body is not None else root)
    page.preamble = page.text_lines[: walker.first_table_at] if walker.first_table_at is not None else list(page.text_lines)
    return page


class _Walker:
    """The page in document order: text blocks become lines, data tables grids."""

    def __init__(self, page: StructuredPage):
        self.page = page
        self.row_number = 0
        self.first_table_at: int | None = None
        self.since_table: list[tuple[str, bool]] = []  # (text, is_heading) since the last table

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table":
            if element.find(".//table") is not None:  # a layout table: its cells hold the page
                for child in element:
                    self.walk(child)
                return
            self.table(element)
            return
        if tag in _BLOCKS and not any(True for _ in element.iterdescendants(*_BLOCKS, "table")):
            text = " ".join(element.text_content().split())
            if text:
                self.text(text, tag in _HEADINGS)
            return
        if tag in _BLOCKS and element.text and element.text.strip():
            self.text(" ".join(element.text.split()), tag in _HEADINGS)
        for child in element:
            self.walk(child)
            if child.tail and child.tail.strip() and tag in _BLOCKS:
                self.text(" ".join(child.tail.split()), False)

    def text(self, text: str, is_heading: bool) -> None:
        self.page.text_lines.append(text)
        self.since_table.append((text, is_heading))

    def table(self, element) -> None:
        if self.first_table_at is None:
            self.first_table_at = len(self.page.text_lines)
        self.page.tables_seen += 1
        rows = [tr for tr in element.iter("tr") if _own_row(tr, element)]
        first_row = self.row_number + 1
        self.row_number += len(rows)
        caption = " ".join(element.find("caption").text_content().split()) if element.find("caption") is not None else ""
        above = self.since_table[-_CONTEXT_LINES:]
        self.since_table = []
        title = caption or next((text for text, is_heading in reversed(above) if is_heading), "") or (above[-1][0] if above else "")
        matrix, sections = _matrix(rows)
        for r, tr in enumerate(rows):  # a blank line after each row: a row is not the continuation of a title
            self.page.text_lines.extend((" | ".join(dict.fromkeys(slot.text for slot in matrix[r] if slot and slot.text)), ""))
        if not matrix:
            return
        try:
            grid = _grid(matrix, sections, first_row, title, [text for text, _ in above] + ([caption] if caption else []))
        except _NotATable as reason:
            self.page.skipped.append(f"table {self.page.tables_seen} (row {first_row}): {reason}")
            return
        if grid is not None:
            self.page.grids.append(grid)


class _NotATable(Exception):
    """A table of text or one whose figures cannot be lined up with its columns."""


def _own_row(tr, table) -> bool:
    for ancestor in tr.iterancestors("table"):
        return ancestor is table
    return False


def _span(element, name: str) -> int:
    try:
        return max(1, min(int(element.get(name, "1").strip() or 1), 200))
    except ValueError:
        return 1


def _matrix(rows) -> tuple[list[list[_Slot | None]], list[tuple[str, int]]]:
    """Every row as its positions, spans resolved; and each row's section (thead/tbody/tfoot, which one)."""
    matrix: list[list[_Slot | None]] = []
    sections: list[tuple[str, int]] = []
    pending: dict[tuple[int, int], _Slot] = {}  # (row, column) covered by a rowspan from above
    cell_id = 0
    for r, tr in enumerate(rows):
        parent = tr.getparent()
        section = parent.tag if parent is not None and parent.tag in ("thead", "tbody", "tfoot") else "tbody"
        sections.append((section, id(parent)))
        row: list[_Slot | None] = []
        column = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, column) in pending:
                row.append(pending.pop((r, column)))
                column += 1
            colspan, rowspan = _span(td, "colspan"), _span(td, "rowspan")
            cell_id += 1
            slot = _Slot(cell_id, " ".join(td.text_content().split()), td.tag == "th", r, column, colspan)
            for c in range(colspan):
                row.append(slot)
                for below in range(1, rowspan):
                    pending[(r + below, column + c)] = slot
            column += colspan
        while (r, column) in pending:
            row.append(pending.pop((r, column)))
            column += 1
        matrix.append(row)
    width = max((len(row) for row in matrix), default=0)
    for row in matrix:
        row.extend([None] * (width - len(row)))
    return matrix, sections


def _amounts(slot: _Slot | None):
    return cell_amounts(slot.text) if slot is not None else []


def _header_rows(matrix, sections) -> int:
    """Rows of `<thead>`; else leading rows of `<th>` only, or with no figure but years."""
    if sections[0][0] == "thead":
        return sum(1 for section, _ in sections if section == "thead")
    count = 0
    for r, row in enumerate(matrix):
        own = [slot for slot in row[1:] if slot is not None and slot.origin_row == r and slot.text]
        if any(_amounts(slot) for slot in own if not _YEAR.match(slot.text)):
            break
        count += 1
    return count


def _grid(matrix, sections, first_row: int, title: str, above: list[str]) -> Grid | None:
    heads = _header_rows(matrix, sections)
    body = list(range(heads, len(matrix)))
    width = len(matrix[0])
    # A column of figures: most of its filled body cells (each counted where it starts) are amounts
    filled, numeric = [0] * width, [0] * width
    for r in body:
        for c, slot in enumerate(matrix[r]):
            if slot is None or not slot.text or slot.origin_row != r or slot.origin_column != c or slot.colspan > 1:
                continue
            amounts = _amounts(slot)
            if amounts == []:  # '-', 'n.v.t.': says nothing about the column
                continue
            filled[c] += 1
            if amounts or slot.text in _MARKERS:
                numeric[c] += 1
    value_columns = [c for c in range(width) if filled[c] and numeric[c] * 2 > filled[c]]
    if not value_columns:
        raise _NotATable("no column of figures")
    first_value = value_columns[0]
    label_columns = list(range(first_value))
    markers = {c for c in value_columns if all(slot is None or not slot.text or slot.text in _MARKERS
                                             or slot.origin_column != c for r in body for slot in [matrix[r][c]])}
    leaves = [c for c in value_columns if c not in markers]
    if not leaves:
        raise _NotATable("no column of figures")
    context = list(above)
    header_texts: list[str] = []
    columns = []
    for c in leaves:
        path, seen, leaf_row = [], set(), heads - 1
        for h in range(heads):
            slot = matrix[h][c]
            if slot is None or slot.cell in seen or not slot.text:
                continue
            seen.add(slot.cell)
            path.append(slot.text)
            leaf_row = h
        columns.append(GridColumn(tuple(path), first_row + max(leaf_row, 0)))
    for h in range(heads):
        for slot in dict.fromkeys(s for s in matrix[h] if s is not None):
            if slot.text and slot.text not in header_texts:
                header_texts.append(slot.text)
    context.extend(header_texts)
    rows: list[GridRow] = []
    headings: list[str] = []
    heading_section = None
    for r in body:
        line = first_row + r
        row = matrix[r]
        own_values = [row[c] for c in value_columns
                      if row[c] is not None and row[c].origin_row == r and row[c].origin_column == c and row[c].text]
        texts = list(dict.fromkeys(slot.text for slot in row if slot is not None and slot.text))
        spans_values = any(slot is not None and slot.origin_column < first_value and slot.origin_column + slot.colspan > first_value
                           for slot in row)
        if sections[r] != heading_section and r > body[0] and sections[r] != sections[r - 1]:
            headings, heading_section = [], sections[r]  # a new <tbody> without a heading row of its own
        if not own_values and len(texts) <= 1 and (spans_values or all(row[c] is None for c in value_columns)):
            if texts:  # a heading row: the first of its <tbody> opens a section, later ones a part of it
                if sections[r] != heading_section:
                    headings, heading_section = [texts[0]], sections[r]
                else:
                    headings = headings[:1] + [texts[0]]
            continue
        label_parts = tuple(dict.fromkeys(row[c].text for c in label_columns if row[c] is not None and row[c].text))
        values_per_column: list[list] = []
        for c in leaves:
            slot = row[c]
            amounts = _amounts(slot) if slot is not None and slot.origin_row == r and slot.origin_column == c else []
            if amounts is None:
                raise _NotATable(f"row {line}: '{slot.text}' under {' / '.join(columns[leaves.index(c)].path) or 'a figure column'} is not an amount")
            marker = _marker_after(row, c, markers, r)
            if marker and len(amounts) == 1 and not amounts[0].marker:
                amounts = [type(amounts[0])(amounts[0].value, marker)]
            values_per_column.append(amounts)
        copies = max((len(values) for values in values_per_column), default=0) or 1
        for copy in range(copies):  # two figures in one cell ('1.116 368'): two rows of the same label
            cells = []
            for c, values in zip(leaves, values_per_column):
                if copy < len(values):
                    text = row[c].text.split(" ")[copy] if len(values) > 1 else row[c].text
                    cells.append(Cell(values[copy].value, line, text, values[copy].marker))
                else:
                    cells.append(None)
            rows.append(GridRow(label_parts, line, cells, headings=tuple(headings)))
    if not rows:
        return None
    texts = [cell.text for row in rows for cell in row.cells if cell is not None]
    return Grid(reader=NAME, title=title, start_line=first_row, columns=columns, rows=rows, context=context,
                unit_hint="whole_euros" if texts and all(text.endswith(",00") for text in texts) else None)


def _marker_after(row, c: int, markers: set[int], r: int) -> str:
    """The V/N printed in a marker column right of the figure."""
    following = c + 1
    while following in markers:
        slot = row[following]
        if slot is not None and slot.origin_row == r and slot.text in _MARKERS:
            return slot.text
        following += 1
    return ""
