"""Tables exported with a delimiter between cells: semicolons (a spreadsheet's CSV export in a Dutch
locale) or tabs (a table copied out of a word processor or spreadsheet).

    Begroting 2024 - lasten en baten per taakveld (x € 1.000)     <- title, unit
    Taakveld;Omschrijving;Lasten;Baten                            <- header row
    0.1;Bestuur;2.104;15                                          <- rows: label cells, then amounts
    <TAB>Rekening 2021<TAB>Begroting 2022                         <- a header row whose label cell is empty
    Programma 1 Bestuur                                           <- a heading line without delimiters
    Lasten<TAB>6.210<TAB>6.480

The comma is never a delimiter: Dutch amounts print their decimals after a comma (`147,6`). Like a pipe
table, every row shows its cell boundaries, so the geometry (header rows, label cells, amounts, V/N
columns, section lines) is read by the pipe table's logic (pipe_table.grid_of_cell_rows); this module
only finds the tables and splits their lines. A block of delimited lines is a table only where at least
three lines share one delimiter; a line without it inside the block is a heading only when it is short
and prints no amount, else the block ends there.
"""

import csv
import re

from orchestration.parsing.grid import Grid
from orchestration.parsing.numbers import is_cell
from orchestration.parsing.readers.pipe_table import grid_of_cell_rows

NAME = "delimited_table"
_DELIMITERS = (";", "\t")
_MIN_LINES = 3
_MAX_CELL_CHARS = 120
_MAX_HEADING_WORDS = 10
_SENTENCE_END = re.compile(r"[.:;!?]$")


def _delimiter_of(line: str) -> str | None:
    """The delimiter a line's cells are separated by; None for a line of another kind (a pipe row, prose)."""
    if "|" in line or not line.strip():
        return None
    counts = {d: line.count(d) for d in _DELIMITERS}
    delimiter = max(counts, key=counts.get)
    if not counts[delimiter]:
        return None
    return delimiter


def _split(line: str, delimiter: str) -> list[str]:
    [cells] = list(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, quotechar='"'))
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _is_heading(line: str) -> bool:
    """A line without delimiters inside a table that heads the rows below it ('Programma 1 Bestuur')."""
    text = line.strip()
    words = text.split()
    return (bool(words) and len(words) <= _MAX_HEADING_WORDS and not _SENTENCE_END.search(text)
            and not any(is_cell(word) and not re.fullmatch(r"\d{1,2}\.?", word) for word in words))


def _blocks(lines: list[str]) -> list[tuple[int, int, str]]:
    """Runs of lines delimited by one delimiter, headings between them allowed: (start, end exclusive, delimiter)."""
    blocks = []
    index = 0
    while index < len(lines):
        delimiter = _delimiter_of(lines[index])
        if delimiter is None:
            index += 1
            continue
        start, end, count = index, index + 1, 1
        while end < len(lines):
            if _delimiter_of(lines[end]) == delimiter:
                count += 1
                end += 1
            elif (_is_heading(lines[end]) and _delimiter_of(lines[end]) is None and end + 1 < len(lines)
                  and _delimiter_of(lines[end + 1]) == delimiter):
                end += 1
            else:
                break
        cells = [_split(lines[i], delimiter) for i in range(start, end) if _delimiter_of(lines[i]) == delimiter]
        if count >= _MIN_LINES and all(len(cell) <= _MAX_CELL_CHARS for row in cells for cell in row):
            blocks.append((start, end, delimiter))
        index = end
    return blocks


def _grids(lines: list[str]) -> list[tuple[Grid, int, int]]:
    found = []
    for start, end, delimiter in _blocks(lines):
        rows_text = [(i, _split(lines[i], delimiter) if _delimiter_of(lines[i]) == delimiter else [lines[i].strip()])
                     for i in range(start, end)]
        grid = grid_of_cell_rows(lines, rows_text, start, end, NAME, lambda line: _delimiter_of(line) is not None)
        if grid is not None:
            found.append((grid, start, end))
    return found


def recognises(lines: list[str]) -> bool:
    return bool(_blocks(lines)) and bool(_grids(lines))


def read(lines: list[str]) -> list[Grid]:
    return [grid for grid, _, _ in _grids(lines)]


def claimed_lines(lines: list[str]) -> set[int]:
    """The lines (0-based) of the tables this reader reads: readers after it do not read them again (a
    tab-separated row also looks like a space-separated one)."""
    return {i for _, start, end in _grids(lines) for i in range(start, end)}
