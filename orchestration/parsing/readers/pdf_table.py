"""PDF files: the words a page prints, with their positions, into grids.

A PDF knows where every word sits, so columns need no guessing from spaces:
- pages: pypdfium2 reads each page's text fast; only pages that print figures (several amounts) are
  read word by word (pdfplumber over pdfminer.six), so a 200-page jaarstukken costs its few table pages;
- words -> phrases (words closer than a space apart) -> lines (by their top) on each page; a line
  printed at the same place on most pages (a running header or footer, 'Pagina 3 van 12') is dropped;
- a table is a run of lines that print amounts; its columns are the right edges of its amounts
  (numbers are right-aligned), clustered; a V/N letter right of an amount goes on that amount;
- its header is the text lines right above its first row: a header word belongs to the columns
  nearest to it, so a year printed centred over Lasten/Baten/Saldo spans all three;
- a label wrapped over several lines joins the row it is printed beside; a line of text alone
  between rows is a heading ('01. Samen leven');
- a table whose first lines on the next page repeat its header (or print none) and whose columns
  sit where they did continues the table.
A page without a text layer (a scanned image) is reported; a document with nothing but such pages
is not read, with that reason.

Provenance: a cell's `line` is page × 1000 + its line on that page (1-based, top to bottom), so
line 3017 is page 3, line 17.
"""

import io
import re
import statistics
from dataclasses import dataclass, field

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.readers.page import StructuredPage, cell_amounts

NAME = "pdf_table"
LINE_BASE = 1000  # line = page * LINE_BASE + line on the page
_MIN_AMOUNTS_ON_PAGE = 4  # a page printing fewer amounts holds no table worth reading word by word
_AMOUNT_TOKEN = re.compile(r"(?<![\w.,])-?\d{1,3}(?:\.\d{3})+(?![\w.,])|(?<![\w.,])-?\d{1,4}(?![\w.,%])")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MARKERS = {"V", "N"}
_HEADER_LINES = 6
_MAX_PAGES = 2000


@dataclass
class _Phrase:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    amounts: list | None = None  # what cell_amounts makes of it
    box: tuple | None = None  # the filled cell rectangle (x0, x1, top, bottom) it is printed in, if any

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Line:
    page: int
    number: int  # 1-based on its page
    top: float
    phrases: list[_Phrase]
    figures: list[_Phrase] = field(default_factory=list)  # phrases that are amounts (not years)

    @property
    def line(self) -> int:
        return self.page * LINE_BASE + self.number

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)


def read(data: bytes) -> StructuredPage:
    import pdfplumber
    import pypdfium2

    page_result = StructuredPage(reader=NAME)
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise UnreadableDocument("the PDF is encrypted with a password; not read") from error
        raise UnreadableDocument(f"not a readable PDF ({message}): damaged or truncated") from error
    try:
        count = len(document)
        if count == 0:
            raise UnreadableDocument("the PDF has no pages")
        if count > _MAX_PAGES:
            raise UnreadableDocument(f"the PDF has {count:,} pages, more than the {_MAX_PAGES:,} a municipal document has")
        texts, scanned = [], []
        for index in range(count):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            texts.append(text)
            if not text.strip():
                scanned.append(index + 1)
            textpage.close()
            page.close()
    finally:
        document.close()
    table_pages = [i for i, text in enumerate(texts) if len(_AMOUNT_TOKEN.findall(text)) >= _MIN_AMOUNTS_ON_PAGE]
    for i, text in enumerate(texts):
        page_result.text_lines.extend(line.strip() for line in text.splitlines() if line.strip())
        if i == 0:
            page_result.preamble = [line.strip() for line in text.splitlines() if line.strip()][:8]
    if len(scanned) == count:
        page_result.empty_reason = (f"no text layer on any of its {count} pages (scanned images): "
                                    "its figures cannot be read without OCR; not read")
        return page_result
    for number in scanned:
        page_result.skipped.append(f"page {number} has no text layer (a scanned image): its figures, if any, are not read")
    if not table_pages:
        page_result.empty_reason = f"{NAME}: none of its {count} pages prints a table of figures"
        return page_result
    pages: dict[int, list[_Line]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in table_pages:
                pages[index + 1] = _lines(pdf.pages[index], index + 1)
    except UnreadableDocument:
        raise
    except Exception as error:  # pdfminer on a damaged object stream
        raise UnreadableDocument(f"the PDF's text cannot be read word by word ({type(error).__name__}: {str(error)[:150]})") from error
    _drop_running_lines(pages, count)
    grids: list[Grid] = []
    previous: tuple[Grid, list[float], tuple] | None = None
    for number in sorted(pages):
        lines = pages[number]
        first_on_page = True
        for block in _blocks(lines):
            page_result.tables_seen += 1
            try:
                grid, anchors, header = _grid(lines, block)
            except _NotATable as reason:
                page_result.skipped.append(f"page {number}, line {lines[block[0]].number}: {reason}")
                continue
            if grid is None:
                continue
            if first_on_page and previous is not None and _continues(previous, anchors, header):
                previous[0].rows.extend(grid.rows)
            else:
                grids.append(grid)
                previous = (grid, anchors, header)
            first_on_page = False
    page_result.grids = grids
    return page_result


class _NotATable(Exception):
    pass


def _lines(page, number: int) -> list[_Line]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=False)
    words.sort(key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for word in words:
        if rows and abs(word["top"] - rows[-1][0]["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    boxes = [(r["x0"], r["x1"], r["top"], r["bottom"]) for r in page.rects
             if r.get("fill") and r["width"] > 2 and r["height"] > 2 and r["width"] < 0.95 * page.width]
    lines = []
    for i, row in enumerate(rows):
        row.sort(key=lambda w: w["x0"])
        phrases: list[_Phrase] = []
        for word in row:
            height = word["bottom"] - word["top"]
            if phrases and word["x0"] - phrases[-1].x1 <= max(1.0, 0.35 * height):
                last = phrases[-1]
                last.text += " " + word["text"]
                last.x1, last.bottom = word["x1"], max(last.bottom, word["bottom"])
            else:
                phrases.append(_Phrase(word["text"], word["x0"], word["x1"], word["top"], word["bottom"]))
        for phrase in phrases:
            phrase.amounts = cell_amounts(phrase.text)
            x, y = phrase.middle, (phrase.top + phrase.bottom) / 2
            around = [b for b in boxes if b[0] - 0.5 <= phrase.x0 and phrase.x1 <= b[1] + 0.5 and b[2] <= y <= b[3]]
            if around:
                phrase.box = min(around, key=lambda b: (b[1] - b[0]) * (b[3] - b[2]))
        line = _Line(number, i + 1, min(p.top for p in phrases), phrases)
        line.figures = [p for p in phrases if p.amounts and not _YEAR.match(p.text)]
        lines.append(line)
    return lines


def _drop_running_lines(pages: dict[int, list[_Line]], count: int) -> None:
    """A line printed at the same height with the same words (digits aside) on most pages read."""
    if len(pages) < 3:
        return
    key = lambda line: (round(line.top / 4), re.sub(r"\d+", "#", line.text))
    seen: dict[tuple, int] = {}
    for lines in pages.values():
        for k in {key(line) for line in lines}:
            seen[k] = seen.get(k, 0) + 1
    running = {k for k, n in seen.items() if n >= max(3, len(pages) * 0.6)}
    for number, lines in pages.items():
        pages[number] = [line for line in lines if key(line) not in running]


def _is_row(line: _Line) -> bool:
    """A line of a table row: amounts right of its first text, or several amounts."""
    if not line.figures:
        return False
    return len(line.figures) >= 2 or line.phrases[0] is not line.figures[0]


def _blocks(lines: list[_Line]) -> list[list[int]]:
    """Runs of row lines, allowing a few text lines (wrapped labels, headings) between them."""
    blocks, current, gap = [], [], 0
    for i, line in enumerate(lines):
        if _is_row(line):
            current.append(i)
            gap = 0
        elif current:
            gap += 1
            if gap > 3:
                blocks.append(current)
                current, gap = [], 0
    if current:
        blocks.append(current)
    return [block for block in blocks if sum(len(lines[i].figures) for i in block) >= 2]


def _anchors(lines: list[_Line], block: list[int]) -> list[tuple[float, float]]:
    """The columns: right edges of the amounts, clustered; each (x0 of its widest amount, x1)."""
    edges = sorted((p.x1, p.x0) for i in block for p in lines[i].figures)
    clusters: list[list[tuple[float, float]]] = []
    for x1, x0 in edges:
        if clusters and x1 - clusters[-1][-1][0] <= 3:
            clusters[-1].append((x1, x0))
        else:
            clusters.append([(x1, x0)])
    return [(min(x0 for _, x0 in c), statistics.median(x1 for x1, _ in c)) for c in clusters]


def _column_of(phrase: _Phrase, anchors: list[tuple[float, float]]) -> int | None:
    best = min(range(len(anchors)), key=lambda k: abs(anchors[k][1] - phrase.x1))
    return best if abs(anchors[best][1] - phrase.x1) <= 4 else None


def _grid(lines: list[_Line], block: list[int]) -> tuple[Grid | None, list[float], tuple]:
    first = block[0]
    pitch = statistics.median([lines[b].top - lines[a].top for a, b in zip(block, block[1:])] or [12.0])
    reach_up = 2.5 * max(pitch, 10)
    # above the first row: its wrapped label and headings ('Lasten'), text left of the columns only
    start = first
    while start - 1 >= 0 and lines[first].top - lines[start - 1].top <= reach_up and not _is_row(lines[start - 1]) \
            and all(not p.amounts or _YEAR.match(p.text) for p in lines[start - 1].phrases):
        candidate = lines[start - 1]
        figures_left = min(p.x0 for i in block for p in lines[i].figures)
        if any(p.x1 > figures_left for p in candidate.phrases):
            break
        start -= 1
    left = min(p.x0 for i in range(start, block[-1] + 1) for p in lines[i].phrases)
    for i in block:  # a code at the left margin ('6.711 Jeugd') is a label, not an amount
        line = lines[i]
        if line.figures and line.figures[0] is line.phrases[0] and line.phrases[0].x0 - left < 5 and len(line.figures) > 1:
            line.figures = line.figures[1:]
    anchors = _anchors(lines, block)
    label_edge = anchors[0][0] - 2  # labels end left of the first column's amounts
    # the header: text lines right above, up to a gap, a row, or a line of one phrase (the caption)
    header: list[_Line] = []
    above = start - 1
    bottom = lines[start].top
    while above >= 0 and len(header) < _HEADER_LINES:
        line = lines[above]
        if _is_row(line) or bottom - line.top > reach_up:
            break
        right = [p for p in line.phrases if p.x1 > label_edge]
        if any(p.x0 - left <= 6 and p.x1 > label_edge + 2 for p in line.phrases) or any(
                p.box and p.box[0] - left <= 6 and p.box[1] > anchors[-1][1] for p in line.phrases):
            break  # text across the label edge (a section heading or caption over the table), not a column header
        in_band = any(p.bottom > bottom + 0.5 or (p.box is not None and p.box[3] > bottom + 0.5) for p in line.phrases)
        if len(line.phrases) == 1 and right and not in_band and any(len([q for q in h.phrases if q.x1 > label_edge]) > 1 for h in header):
            break  # one phrase over a header of several: the table's caption
        header.insert(0, line)
        bottom = line.top
        above -= 1
    while header and not any(p.x1 > label_edge for p in header[0].phrases):
        header.pop(0)
        above += 1
    context_lines = [lines[i].text for i in range(max(0, above - 3), above + 1)]
    title = lines[above].text if above >= 0 else ""
    columns, header_key = _columns(header, anchors, label_edge)
    context = context_lines + [p.text for line in header for p in line.phrases]
    rows = _rows(lines, block, start, anchors, label_edge, columns)
    if not rows:
        return None, [], ()
    texts = [c.text for row in rows for c in row.cells if c is not None]
    grid = Grid(reader=NAME, title=title, start_line=(header[0] if header else lines[first]).line,
                columns=[GridColumn(path, line) for path, line in columns], rows=rows, context=context,
                unit_hint="whole_euros" if texts and all(t.endswith(",00") for t in texts) else None)
    return grid, [x1 for _, x1 in anchors], header_key


def _columns(header: list[_Line], anchors, label_edge: float) -> tuple[list[tuple[tuple[str, ...], int]], tuple]:
    """Each column's header path, top to bottom. A header word printed in a filled cell rectangle
    belongs to every column whose amounts stand under that rectangle (a span is as wide as its cell);
    a word wrapped over lines in one rectangle is one header. A word without a rectangle belongs to
    the column nearest it (within reach); where two header cells of one column stand at the same
    height, the order of its path cannot be told and the table is not read."""
    centres = [(x0 + x1) / 2 for x0, x1 in anchors]
    pitch = min([b - a for a, b in zip(centres, centres[1:])] or [60.0])
    reach = max(8.0, 0.6 * pitch)
    cells: list[tuple[float, float, str, int, set[int]]] = []  # top, bottom, text, line, columns
    boxed: dict[tuple, list[tuple[_Phrase, _Line]]] = {}
    for line in header:
        candidates = [p for p in line.phrases if (p.x1 > label_edge or p.x0 > label_edge) and p.text not in _MARKERS]
        for phrase in candidates:
            if phrase.box is not None and phrase.box[0] >= label_edge - 4:
                boxed.setdefault(phrase.box, []).append((phrase, line))
                continue
            for k in range(len(anchors)):
                centre = centres[k]
                nearest = min(candidates, key=lambda p: _distance(p, centre))
                if nearest is phrase and _distance(phrase, centre) <= reach:
                    cells.append((phrase.top, phrase.bottom, phrase.text, line.line, {k}))
    for box, members in boxed.items():
        ks = {k for k, c in enumerate(centres) if box[0] - 1 <= c <= box[1] + 1}
        if not ks:
            continue
        members.sort(key=lambda item: (item[0].top, item[0].x0))
        text = " ".join(p.text for p, _ in members)
        cells.append((box[2], box[3], text, members[-1][1].line, ks))
    paths: list[tuple[tuple[str, ...], int]] = []
    for k in range(len(anchors)):
        mine = sorted((c for c in cells if k in c[4]), key=lambda c: c[0])
        for a, b in zip(mine, mine[1:]):
            if b[0] < a[1] - 1 and not (a[2] == b[2]):
                overlap = min(a[1], b[1]) - max(a[0], b[0])
                if overlap > 0.5 * min(a[1] - a[0], b[1] - b[0]):
                    raise _NotATable(f"header words '{a[2]}' and '{b[2]}' stand side by side over one column: "
                                     "its header cannot be told")
        paths.append((tuple(c[2] for c in mine), mine[-1][3] if mine else 0))
    key = tuple(line.text for line in header)
    return paths, key


def _distance(p: _Phrase, centre: float) -> float:
    return 0 if p.x0 <= centre <= p.x1 else min(abs(p.x0 - centre), abs(p.x1 - centre))


def _stacked(phrases: list[_Phrase]) -> list[list[_Phrase]]:
    """Phrases in one cell: those in one filled rectangle, else those stacked right under each other
    (a line gap under a third of the text height) that start at the same x or overlap."""
    cells: list[list[_Phrase]] = []
    by_box: dict[tuple, list[_Phrase]] = {}
    for phrase in sorted(phrases, key=lambda p: (p.top, p.x0)):
        if phrase.box is not None:
            by_box.setdefault(phrase.box, []).append(phrase)
            continue
        height = phrase.bottom - phrase.top
        for cell in cells:
            last = cell[-1]
            if -0.5 * height <= phrase.top - last.bottom <= 0.3 * height and (
                    abs(phrase.x0 - last.x0) <= 2 or min(phrase.x1, last.x1) - max(phrase.x0, last.x0) > 0):
                cell.append(phrase)
                break
        else:
            cells.append([phrase])
    return cells + list(by_box.values())


def _rows(lines: list[_Line], block: list[int], start: int, anchors, label_edge: float, columns) -> list[GridRow]:
    """Rows: each row line's amounts under their columns, and its label: the label cells (a filled
    rectangle, else phrases stacked in one cell) whose height holds the row's amounts. A label cell
    beside several rows in one rectangle (a programme spanning its Lasten/Baten/Saldo rows) labels them
    all; a cell of stacked lines beside several rows without a rectangle cannot be placed: not read.
    A cell beside no row is a heading for the rows below it."""
    row_lines = set(block)
    end = block[-1]
    pitch = statistics.median([lines[b].top - lines[a].top for a, b in zip(block, block[1:])] or [12.0])
    while end + 1 < len(lines) and not _is_row(lines[end + 1]) and lines[end + 1].top - lines[block[-1]].top <= 1.5 * pitch:
        end += 1  # a label wrapped under the last row
    span = range(start, end + 1)
    centre = {i: statistics.median((p.top + p.bottom) / 2 for p in lines[i].figures) for i in block}
    phrases: list[_Phrase] = []
    on_line: dict[int, int] = {}
    for i in span:
        line = lines[i]
        if i in row_lines:
            chosen = [p for p in line.phrases if p.x1 <= label_edge and p not in line.figures and p.text not in _MARKERS]
        else:
            chosen = [p for p in line.phrases if p.text not in _MARKERS]
        for p in chosen:
            phrases.append(p)
            on_line[id(p)] = i
    labels: dict[int, list[tuple[float, _Phrase]]] = {i: [] for i in block}
    headings: list[tuple[float, str]] = []
    for cell in _stacked(phrases):
        if cell[0].box is not None:
            top, bottom = cell[0].box[2], cell[0].box[3]
        else:
            top, bottom = min(p.top for p in cell) - 1, max(p.bottom for p in cell) + 1
        beside = [i for i in block if top <= centre[i] <= bottom]
        if not beside:
            if on_line[id(cell[0])] < block[-1]:
                headings.append((min(p.top for p in cell), " ".join(p.text for p in sorted(cell, key=lambda p: (p.top, p.x0)))))
            continue
        if len(beside) > 1 and cell[0].box is None:
            if all(on_line[id(p)] in row_lines for p in cell):
                for p in cell:
                    labels[on_line[id(p)]].append((p.top, p))
                continue
            raise _NotATable(f"line {lines[beside[0]].number}: a label printed over several lines beside several rows: "
                             "which row each line belongs to cannot be told")
        for i in beside:
            labels[i].extend((p.top, p) for p in cell)
    margin = min((p.x0 for i in block for _, p in labels[i]), default=0)
    with_margin = [i for i in block if any(abs(p.x0 - margin) <= 6 for _, p in labels[i])]
    indented = [i for i in block if labels[i] and i not in with_margin]
    if indented and any(len({round(p.x0 / 6) for _, p in labels[i]}) > 1 for i in with_margin):
        raise _NotATable(f"line {lines[indented[0]].number}: a first-column label does not stand beside every row: "
                         "which rows it spans cannot be told")
    rows: list[GridRow] = []
    heading: tuple[str, ...] = ()
    events = sorted([(top, 0, text) for top, text in headings] + [(lines[i].top, 1, i) for i in block], key=lambda e: (e[0], e[1]))
    previous_was_heading = False
    for _, kind, what in events:
        if kind == 0:
            heading = (heading[0], what) if previous_was_heading and heading else (what,)
            previous_was_heading = True
            continue
        previous_was_heading = False
        i = what
        line = lines[i]
        cells: list[Cell | None] = [None] * len(anchors)
        extra: list[list] = []
        for p in line.figures:
            k = _column_of(p, anchors)
            if k is None:
                raise _NotATable(f"line {line.number}: '{p.text}' stands under no column")
            values = p.amounts
            marker = _marker_after(line, p, anchors)
            texts = p.text.split(" ") if len(values) > 1 else [p.text]
            value = values[0]
            if cells[k] is not None:
                raise _NotATable(f"line {line.number}: two amounts under one column")
            cells[k] = Cell(value.value, line.line, texts[0], value.marker or marker)
            for n, more in enumerate(values[1:], start=1):
                extra.append((k, Cell(more.value, line.line, texts[n] if n < len(texts) else str(more.value), more.marker)))
        parts = _label_parts(labels[i])
        rows.append(GridRow(parts, line.line, cells, headings=heading))
        if extra:
            more_cells: list[Cell | None] = [None] * len(anchors)
            for k, cell in extra:
                more_cells[k] = cell
            rows.append(GridRow(parts, line.line, more_cells, headings=heading))
    return rows


def _label_parts(items: list[tuple[float, _Phrase]]) -> tuple[str, ...]:
    """Label phrases grouped by where they start (a code column, a name column), each read top to bottom."""
    groups: list[list[_Phrase]] = []
    for _, phrase in sorted(items, key=lambda item: (item[1].x0, item[0])):
        if groups and abs(phrase.x0 - groups[-1][0].x0) <= 6:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
    return tuple(" ".join(p.text for p in sorted(group, key=lambda p: p.top)) for group in groups)


def _marker_after(line: _Line, phrase: _Phrase, anchors) -> str:
    for p in line.phrases:
        if p.text in _MARKERS and 0 <= p.x0 - phrase.x1 <= 40:
            return p.text
    return ""


def _continues(previous, anchors: list[float], header: tuple) -> bool:
    grid, previous_anchors, previous_header = previous
    if len(anchors) != len(previous_anchors) or any(abs(a - b) > 3 for a, b in zip(anchors, previous_anchors)):
        return False
    return header == previous_header or not header
