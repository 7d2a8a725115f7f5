"""Small tables of label-then-one-number lines under a heading and an amount-column header.

    Programma 1: De mens centraal             <- heading (GridRow.headings, Grid.title)
    1. Bedrag                                 <- the one column's header
    Begroting 2025 nieuw -42.561              <- rows: the printed label, one amount
    Begroting 2025 oud -36.018
    Verklaring van het verschil -6.543
    Totaal -6.543

Geometry only: every printed line is a row, the one column is the amount column. The row labels may
carry what the figure is (a year, a scenario: 'Begroting 2025 nieuw'); orchestration.parsing.reconcile
gives them their meaning. Strict, so that prose is never read as figures: only a heading, then a
column header naming an amount column, then at least three consecutive lines of a label and one amount
(or two, where the second is a worded total adding up the first). A short line without an amount and
without sentence punctuation, followed by a label-and-amount line, is a heading inside the table over the
items below it (`Programma 3 Economie` in a list of incidental lasten).
"""

import re

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.numbers import NotAnAmount, parse_cell

NAME = "label_value_lines"

_CAPTION = r"(?:\(?\s*(?:bedragen\s+|bedrag\s+)?(?:x|in)\s*€?\s*1(?:\.000)+(?:,-)?\s*\)?)"
# '1. Bedrag', 'Omschrijving Bedrag', 'Bedrag (x € 1.000)', 'Begroting 2025', 'Omschrijving Saldo 2024'.
_COLUMN_HEADER = re.compile(
    r"^(?:(?P<number>\d{1,2}\.?)\s+)?"
    r"(?:(?P<label>Omschrijving|Onderwerp|Toelichting|Post|Posten|Categorie|Programma|Taakveld|Product|Specificatie)\s+)?"
    rf"(?P<column>(?:Bedrag|Bedragen|Totaal|Saldo|Raming|Begroting|Realisatie|Rekening|Verschil|Afwijking|Prognose)"
    rf"(?:\s+(?:\d{{4}}|na|voor|vóór|wijziging|primitief|begroting|nieuw|oud))*)"
    rf"(?:\s*{_CAPTION})?\s*$",
    re.I,
)
_LINE = re.compile(r"^(?P<label>.*?[^\W\d_].*?)\s+(?P<amount>(?:€\s*)?[-−–]?(?:€\s*)?[\d.,]+[-−–]?\*?)(?:\s+(?P<marker>[VN]))?\s*$")
_NAVIGATION = re.compile(r"^\s*terug naar navigatie\b", re.I)
_MIN_RUN = 3
_MAX_HEADING_LOOKBACK = 4
_MAX_LABEL_WORDS = 14
_MAX_HEADING_WORDS = 14
_SIGN_WORDS = re.compile(r"\b(voordeel|nadeel|voordelig|nadelig)\b|^\s*[-+]\s*(=|is)\b|\bx\s*€|€\s*1\.000|\bmln\b", re.I)


def recognises(lines: list[str]) -> bool:
    return bool(read(lines))


def read(lines: list[str]) -> list[Grid]:
    grids = []
    for index, line in enumerate(lines):
        header = _COLUMN_HEADER.match(line.strip())
        if not header:
            continue
        grid = _table_at(lines, index, header)
        if grid is not None:
            grids.append(grid)
    return grids


def _label_and_cell(text: str, number: int) -> tuple[str, Cell] | None:
    """A line of a label and exactly one amount; None for anything else (two amounts, prose, a year)."""
    match = _LINE.match(text.strip())
    if not match:
        return None
    label, amount = match.group("label").strip(), match.group("amount")
    if len(label.split()) > _MAX_LABEL_WORDS or label.rstrip().endswith((".", ":", ";", ",")):
        return None
    last_label_word = label.split()[-1]
    try:
        parse_cell(last_label_word)
    except NotAnAmount:
        pass
    else:
        if not re.fullmatch(r"(19|20)\d\d", last_label_word):
            return None  # two amounts on the line: not a label-value line
    if re.fullmatch(r"(19|20)\d\d", amount) and not match.group("marker"):
        return None  # 'Begroting 2025': a year, not an amount
    try:
        parsed = parse_cell(amount)
    except NotAnAmount:
        return None
    if parsed is None:
        return None
    return label, Cell(parsed.value, number, amount.strip(), match.group("marker") or parsed.marker)


_TOTAL = re.compile(r"^(sub)?totaal\b", re.I)
_MAX_SUB_HEADING_WORDS = 8


def _is_sub_heading(text: str) -> bool:
    """A heading inside the table over the items below it ('Programma 3 Economie'): a few words, no amount
    (a number of one or two digits at most), no sentence punctuation."""
    words = text.split()
    return (0 < len(words) <= _MAX_SUB_HEADING_WORDS and not text.endswith((".", ":", ";", ",", "?", "!"))
            and not any(re.search(r"\d{3}|\d[.,]\d", word) for word in words) and not _TOTAL.match(text))


def _closed_by_its_total(rows: list[GridRow]) -> bool:
    """A short list of items (fewer than _MIN_RUN lines) is a table only where its last line is a worded
    total that adds up the items above it: 'Bijdrage provincie 175' / 'Totaal incidentele baten 175'."""
    if len(rows) < 2 or not _TOTAL.match(rows[-1].label):
        return False
    items = rows[:-1]
    if any(_TOTAL.match(row.label) for row in items):
        return False
    return sum(row.cells[0].value for row in items) == rows[-1].cells[0].value


def _heading_above(lines: list[str], index: int) -> tuple[str, int] | None:
    for above in range(index - 1, max(-1, index - 1 - _MAX_HEADING_LOOKBACK), -1):
        text = lines[above].strip()
        if not text or _NAVIGATION.match(text):
            continue
        found = _label_and_cell(text, above + 1)
        if found and not re.fullmatch(r"\d{1,2}", found[1].text):  # 'Programma 3' is a heading
            return None
        if len(text.split()) > _MAX_HEADING_WORDS or text.endswith("."):
            return None
        return text, above
    return None


def _table_at(lines: list[str], header_index: int, header: re.Match) -> Grid | None:
    heading = _heading_above(lines, header_index)
    if heading is None:
        return None
    rows: list[GridRow] = []
    sub_heading: tuple[str, ...] = ()
    index = header_index + 1
    while index < len(lines):
        text = lines[index].strip()
        if not text:
            break
        found = _label_and_cell(text, index + 1)
        if found is None:
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if not _is_sub_heading(text) or _label_and_cell(following, index + 2) is None:
                break
            sub_heading = (text,)  # 'Programma 1 Bestuur' over the items below it
            index += 1
            continue
        label, cell = found
        rows.append(GridRow(label_parts=(label,), line=index + 1, cells=[cell], headings=(heading[0], *sub_heading)))
        index += 1
    if len(rows) < _MIN_RUN and not _closed_by_its_total(rows):
        return None
    column_text = header.group("column")
    context = [heading[0], lines[header_index].strip()]
    for above in range(heading[1] - 1, max(-1, heading[1] - 1 - _MAX_HEADING_LOOKBACK), -1):
        text = lines[above].strip()
        if text and _SIGN_WORDS.search(text) and len(text.split()) <= _MAX_HEADING_WORDS:
            context.insert(0, text)  # a unit caption or sign convention above the heading
    for after in range(index, min(len(lines), index + 2)):
        text = lines[after].strip()
        if text and _SIGN_WORDS.search(text):
            context.append(text)
    return Grid(
        reader=NAME,
        title=heading[0],
        start_line=header_index + 1,
        columns=[GridColumn(path=(column_text,), line=header_index + 1)],
        rows=rows,
        context=context,
    )
