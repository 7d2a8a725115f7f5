"""Pipe tables, as budget sites and markdown transcriptions print them: one row per line, cells
between `|`, ragged trailing pipes, a `---|---` line under the header, header rows with spans.

    bedrag x € 1.000 | Rekening | Begroting 2024 | Rekening 2024 | Saldo | |||||
    ---|---|---|---|---|---|---|---|---|---|
    Programma | 2023 | Primitief | Lasten | Baten | Saldo | Lasten | Baten | Saldo | 2024 |
    01 Sociaal domein | -85.897 | -77.856 | 126.498 | 34.790 | -91.707 | 124.097 | 35.514 | -88.583 | 3.124 |
    Programma 1 | Lasten | 84.646 | 86.216 | 85.307 | -909 | V |
    Baten | -2.162 | -2.221 | -2.233 | -12 | V | |
"""

import re

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.numbers import NO_VALUE_MARKS, NotAnAmount, parse_cell, scale_of
from orchestration.parsing.readers.common import measure_word

NAME = "pipe_table"
# '---|---', '|---:|:-:|' (markdown alignment: a colon and one dash is a delimiter cell too)
_SEPARATOR = re.compile(r"^\s*\|?\s*(?::?-{2,}:?|:-+:?|-+:)\s*(\|\s*(?::?-{2,}:?|:-+:?|-+:)\s*)*\|?\s*$")
_MARKER = re.compile(r"^(V|N|voordeel|nadeel)$", re.I)
_BOLD = re.compile(r"\*\*(.*?)\*\*")
_QUALIFIER = re.compile(r"^(primitief|primitieve|na\s+wijziging|gewijzigd|bijgesteld|actueel|voor\s+wijziging|vóór\s+wijziging)$", re.I)
_MARKER_HEADER = re.compile(r"voordeel|nadeel|^\s*V\s*/\s*N\s*$", re.I)
_LOOKBACK = 4
# Words that make a header cell a column of figures (a year, a scenario, a measure), not a label column.
_COLUMN_WORDS = re.compile(r"(19|20)\d\d|begroot|begroting|rekening|realisatie|raming|jaarrekening|werkelijk|prognose"
                           r"|primitie|wijziging|lasten|baten|saldo|verschil|afwijking|mutatie|stand", re.I)


def _is_pipe_line(line: str) -> bool:
    return line.count("|") >= 2 or (line.count("|") == 1 and line.rstrip().endswith("|") and "|" in line.strip()[:-1])


def recognises(lines: list[str]) -> bool:
    return any(_SEPARATOR.match(line) and "|" in line for line in lines) or _pipe_blocks(lines) != []


def _pipe_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of at least three consecutive pipe lines (start, end exclusive). A bare sub-heading line between
    pipe rows ('Lasten', 'Baten' printed without pipes inside a table) belongs to the run when the line
    above is a pipe line and the line below a pipe row with an amount: it is read as a section line."""
    blocks, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and line.count("|") >= 2:
            start = index if start is None else start
            continue
        if start is not None and _bridging_heading(lines, index):
            continue
        if start is not None and index - start >= 3:
            blocks.append((start, index))
        start = None
    return blocks


def _bridging_heading(lines: list[str], index: int) -> bool:
    if index + 1 >= len(lines) or index == 0:
        return False
    text = lines[index].strip()
    below = lines[index + 1]
    if not text or "|" in text or re.search(r"\d", text) or len(text) > 60 or lines[index - 1].count("|") < 2:
        return False
    if below.count("|") < 2 or _SEPARATOR.match(below):
        return False
    return _is_data_row(_cells(below))


def _cells(line: str) -> list[str]:
    text = _BOLD.sub(r"\1", line.strip())
    if text.startswith("|"):
        text = text[1:]
    parts = [part.strip() for part in text.split("|")]
    while parts and not parts[-1]:
        parts.pop()
    return parts


# An amount whose thousands are set off by spaces ('12 410', '1 234 567,5', '(6 120)'): inside one pipe cell
# the cell's boundaries are printed, so the digit groups are one amount. (In a space-separated row the same
# text is two amounts or one; that reader never joins them.)
_SPACE_GROUPED = re.compile(
    r"^(?P<before>\(?(?:€\s*)?[-−–]?\s?(?:€\s*)?)(?P<number>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)"
    r"(?P<after>(?:,\d+)?\)?[-−–]?\**(?:\s+[VN])?)$"
)
_DOT_GROUPED = re.compile(r"\d\.\d{3}(?![\d])")


def _joined(text: str) -> str | None:
    """A space-grouped amount with its spaces taken out ('12 410' -> '12410'); None for anything else."""
    match = _SPACE_GROUPED.match(text.strip())
    if not match:
        return None
    return match.group("before") + re.sub(r"\D", "", match.group("number")) + match.group("after")


def _value(text: str, line: int, space_grouped: bool = True) -> Cell | None | str:
    """A cell's amount, None for an empty mark, or 'text' when it is not an amount. A cell whose thousands
    are set off by spaces is an amount where `space_grouped` (the table groups no other amount by dots)."""
    if text.strip() in NO_VALUE_MARKS:
        return None
    try:
        parsed = parse_cell(text)
    except NotAnAmount:
        joined = _joined(text) if space_grouped else None
        if joined is None:
            return "text"
        try:
            parsed = parse_cell(joined)
        except NotAnAmount:
            return "text"
        if parsed is None:
            return "text"
    return Cell(parsed.value, line, text.strip(), parsed.marker)


def _is_data_row(parts: list[str]) -> bool:
    """A row with at least one amount that is not a bare year."""
    for part in parts[1:]:
        value = _value(part, 0)
        if isinstance(value, Cell) and not re.fullmatch(r"(19|20)\d\d", part.strip()):
            return True
    return False


def read(lines: list[str]) -> list[Grid]:
    grids = []
    for start, end in _pipe_blocks(lines):
        grid = _read_block(lines, start, end)
        if grid is not None:
            grids.append(grid)
    return grids


def _raw_cells(line: str) -> list[str]:
    """A line's cells with its empty cells between pipes kept (only the text after the last pipe dropped)."""
    text = _BOLD.sub(r"\1", line.strip())
    if text.startswith("|"):
        text = text[1:]
    parts = [part.strip() for part in text.split("|")]
    if text.endswith("|"):
        parts.pop()
    return parts


def _read_block(lines: list[str], start: int, end: int) -> Grid | None:
    rows_text = [(index, _cells(lines[index])) for index in range(start, end) if not _SEPARATOR.match(lines[index])]
    # A row whose last cells are printed empty between pipes ('| Onttrekkingen | 410 |  | 250 |  |  |') keeps
    # them: up to as many value cells as the table's fullest row prints, they are placed by their pipes.
    split = [_split_row(parts) for _, parts in rows_text]
    data = [values for (_, parts), (_, values) in zip(rows_text, split) if _is_data_row(parts)]
    value_count = max((len(values) for values in data), default=0)
    for position, ((index, parts), (labels, values)) in enumerate(zip(rows_text, split)):
        if not values or len(values) >= value_count or not _is_data_row(parts):
            continue
        raw_labels, raw_values = _split_row(_raw_cells(lines[index]))
        if raw_labels == labels and len(raw_values) >= value_count and not any(raw_values[value_count:]):
            rows_text[position] = (index, [*labels, *raw_values[:value_count]])
    return grid_of_cell_rows(lines, rows_text, start, end, NAME, lambda line: "|" in line)


def grid_of_cell_rows(lines: list[str], rows_text: list[tuple[int, list[str]]], start: int, end: int, name: str,
                      in_table) -> Grid | None:
    """One table whose rows print their cell boundaries (pipes, semicolons, tabs): `rows_text` holds each
    line's index and its cells, left to right; `in_table(line)` tells a line of the table from one around it
    (the title is the nearest line above that is not). Header rows, label cells, amounts, V/N columns and
    section lines are told apart here for every such layout; None where the table cannot be read for sure."""
    first_data = next((i for i, (_, parts) in enumerate(rows_text) if _is_data_row(parts)), None)
    if first_data is None or first_data == 0:
        return None
    header_rows = rows_text[:first_data]
    while len(header_rows) > 1 and sum(bool(part) for part in header_rows[-1][1]) == 1:
        header_rows = header_rows[:-1]  # a section line ('Lasten | |||||') above the first row
        first_data -= 1
    data_rows = [(index, *_split_row(parts)) for index, parts in rows_text[first_data:]]
    # Thousands set off by spaces are read only in a table that groups no amount by dots: a table mixing
    # '12.410' and '12 410' prints something else in the spaced cell (two figures in one cell?).
    space_grouped = not any(_DOT_GROUPED.search(text) for _, _, values in data_rows for text in values)
    value_count = max(len(values) for _, _, values in data_rows)
    marker_positions = _marker_positions([values for _, _, values in data_rows], value_count)
    label_count = max(len(labels) for _, labels, _ in data_rows)
    columns = _columns(header_rows, value_count, marker_positions, label_count)
    if columns is None:
        return None
    context = [lines[i] for i in range(max(0, start - _LOOKBACK), start)] + [lines[i] for i, _ in header_rows]
    title = next((lines[i].strip().strip("#").strip() for i in range(start - 1, max(-1, start - _LOOKBACK - 1), -1)
                  if lines[i].strip() and not in_table(lines[i])), "")
    grid_rows: list[GridRow] = []
    heading: tuple[str, ...] = ()
    programme = ""
    has_programme_sub_rows = any(len(labels) == 2 and measure_word(labels[1]) is not None for _, labels, _ in data_rows)
    for number, (index, labels, values) in enumerate(data_rows):
        line = index + 1
        if not any(values):
            heading = (" ".join(labels),)  # a section line: 'Lasten | |||||'
            continue
        cells: list[Cell | None] = []
        for position, text in enumerate(values):
            if position in marker_positions:
                if cells and cells[-1] is not None and _MARKER.match(text or ""):
                    cells[-1] = Cell(cells[-1].value, cells[-1].line, cells[-1].text, text[0].upper())
                continue
            value = _value(text, line, space_grouped)
            if value == "text":
                return None  # text in an amount column: not a table this reader understands
            cells.append(value)
        is_cut = number == len(data_rows) - 1 and end == len(lines) and len(values) < value_count
        if len(cells) < len(columns) and not is_cut and len(values) < value_count - len(marker_positions):
            return None  # a pipe row shows its cells; a short one means the table is not what it seems
        cells += [None] * (len(columns) - len(cells))
        # The programme label on the first sub-row only: 'Programma 1 | Lasten', then 'Baten' (or '| | Baten',
        # the programme's cell printed blank).
        if len(labels) == 2 and not labels[0].strip() and measure_word(labels[1]) is not None:
            labels = (labels[1],)
        label_missing = False
        if len(labels) == 2 and measure_word(labels[1]) is not None:
            programme = labels[0]
        elif len(labels) == 1 and measure_word(labels[0]) is not None and programme:
            labels = (programme, labels[0])
        elif len(labels) == 1 and measure_word(labels[0]) is not None and has_programme_sub_rows:
            label_missing = True  # its programme's first sub-row is not there
        else:
            programme = ""
        grid_rows.append(GridRow(tuple(labels), line, cells, True, heading, is_cut, label_missing))
    return Grid(name, title, start + 1, columns, grid_rows, context)


def _split_row(parts: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Label cells (the leading cells that are not amounts) and value cells."""
    labels = []
    for position, part in enumerate(parts):
        if isinstance(_value(part, 0), Cell) or (part.strip() in NO_VALUE_MARKS and not (
                part.strip() == "" and position + 1 < len(parts) and _value(parts[position + 1], 0) == "text")):
            return tuple(labels), parts[position:]
        labels.append(part)
    return tuple(labels), []


def _marker_positions(value_rows: list[list[str]], value_count: int) -> set[int]:
    """Value positions that hold only V/N letters (or nothing): a marker column, not an amount column."""
    positions = set()
    for position in range(value_count):
        filled = [values[position] for values in value_rows if position < len(values) and values[position]]
        if filled and all(_MARKER.match(text) for text in filled):
            positions.add(position)
    return positions


def _header_values(parts: list[str]) -> list[str]:
    """A header row without its label cell ('Omschrijving', 'bedrag x € 1.000', 'Programma')."""
    if parts and not re.search(r"(19|20)\d\d|begroot|begroting|rekening|realisatie|raming|lasten|baten|saldo|verschil", parts[0], re.I):
        return parts[1:]
    if parts and scale_of(parts[0]) is not None:
        return parts[1:]
    return parts


def _columns(header_rows, value_count, marker_positions, label_count=1) -> list[GridColumn] | None:
    """Leaf columns with their header paths; None where the header rows cannot be resolved for sure."""
    amount_positions = [p for p in range(value_count) if p not in marker_positions]
    levels = [(index, _header_values(parts)) for index, parts in header_rows]
    if label_count > 1:
        # Every header row gives up as many label cells as the rows print ('' and 'Programma' over
        # 'Veilig en schoon | Lasten'); a row printing fewer (its blanks over the labels stripped) cannot be placed.
        levels = [(index, parts[label_count:]) if len(parts) > label_count and not any(
            _COLUMN_WORDS.search(text) for text in parts[:label_count]) else (index, texts)
            for (index, parts), (_, texts) in zip(header_rows, levels)]
        label_count = 1
    # Rows with two label cells ('Programma 1 | Lasten | ...') under a header that prints the second
    # label column as a blank cell ('Programma | | Realisatie 2022 | ...'): that blank is a label
    # cell, not a column, where without it every header row has exactly one text per value.
    extra = label_count - 1
    if extra > 0 and levels and all(len(texts) == value_count + extra and not any(texts[:extra]) for _, texts in levels):
        levels = [(index, texts[extra:]) for index, texts in levels]
    elif extra > 0 and levels:
        # The second label column with a header of its own ('Programma | Omschrijving | Begroting ...',
        # 'Programma | L/B | Rekening 2024 ...'): a header row printing one cell per label column and one
        # per value column. Its label cells name no year, scenario or figure; taking them as the first
        # value columns would put every amount under its left neighbour's header.
        levels = [(index, texts[extra:]) if len(texts) == value_count + extra and not any(
            _COLUMN_WORDS.search(text) for text in texts[:extra]) else (index, texts) for index, texts in levels]
        if len(levels[-1][1]) > value_count and not _COLUMN_WORDS.search(levels[-1][1][0]):
            return None  # more header cells than values, the extra ones in front: which is which is not sure
    levels = [(index, texts) for index, texts in levels if any(texts)]
    if not levels:
        return None
    leaf_index, leaf_texts = levels[-1]
    if len(leaf_texts) >= value_count:
        leaves = [leaf_texts[p] for p in amount_positions]
    elif len(leaf_texts) == len(amount_positions) and not any(_MARKER_HEADER.search(text) for text in leaf_texts):
        leaves = list(leaf_texts)  # the V/N column printed without a header
    else:
        return None
    paths = [[leaf] for leaf in leaves]
    for _, texts in reversed(levels[:-1]):
        spanned = _spread(texts, leaves)
        if spanned is None:
            return None
        for path, top in zip(paths, spanned):
            if top:
                path.insert(0, top)
    if any(not " ".join(path).strip() for path in paths):
        return None
    return [GridColumn(tuple(part for part in path if part), leaf_index + 1) for path in paths]


def _spread(tops: list[str], leaves: list[str]) -> list[str] | None:
    """The top header over each leaf. Cells that line up one to one need nothing; otherwise each top
    spans a unit of leaves: a run of Lasten/Baten/Saldo leaves, a qualifier ('Primitief') with the
    run after it, or a single leaf. Any other count mismatch is not resolved."""
    if len(tops) == len(leaves):
        return list(tops)  # every cell printed, blanks included: each top over its own leaf
    named = [top for top in tops if top]
    if len(named) == len(leaves):
        return named
    units: list[list[int]] = []
    for position, leaf in enumerate(leaves):
        measure = measure_word(leaf)
        unit_measures = [measure_word(leaves[p]) for p in units[-1]] if units else []
        continues_run = measure is not None and measure not in unit_measures and (
            unit_measures[-1:] != [None] or (len(units[-1]) == 1 and _QUALIFIER.match(leaves[units[-1][0]])))
        if units and continues_run:
            units[-1].append(position)
        else:
            units.append([position])
    if len(units) != len(named):
        return None
    spread = [""] * len(leaves)
    for top, unit in zip(named, units):
        for position in unit:
            spread[position] = top
    return spread
