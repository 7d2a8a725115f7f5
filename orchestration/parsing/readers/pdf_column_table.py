"""PDF text of a table that arrives column after column, empty cells simply missing.

    Exploitatie
    Lasten
    4.1 Openbaar
    basisonderwijs          <- row labels first, wrapped over lines
    ...
    Realisatie 2024
    [2024]
    81.307                  <- then each column's printed values, top to bottom
    ...

Which row a value belongs to is not printed. The reader rebuilds the table as a small constraint
problem: every column's values keep their order, each row satisfies saldo = begroting - realisatie,
and each section's rows add up to its printed total. A cell is stored only when every solution
agrees on it; a value that fits several rows is reported as ambiguous with its candidate rows.
"""

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product

from orchestration.parsing.columns import HEADER_START, saldo_identities, single_column
from orchestration.parsing.model import AmbiguousCell, Column, Row, Table, UnreadableDocument
from orchestration.parsing.numbers import is_amount, parse_amount
from orchestration.parsing.readers.common import (
    PAGE_FOOTER,
    TAAKVELD_LABEL,
    collapse,
    scale_before,
    section_of,
)
from orchestration.parsing.readers.web_row_table import split_row

NAME = "pdf_column_table"
_MAX_SOLUTIONS = 5_000
_NOISE = {"", "Organisatieonderdeel"}


@dataclass
class _Slot:
    label: str
    section: str
    source_line: int

    @property
    def is_total(self) -> bool:
        return self.label.lower().startswith("totaal")


def recognises(lines: list[str]) -> bool:
    return _table_start(lines) is not None


def _table_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip() != "Exploitatie":
            continue
        following = [text.strip() for text in lines[index + 1 : index + 8] if text.strip()]
        if len(following) >= 2 and section_of(following[0]) and TAAKVELD_LABEL.match(following[1]):
            if not split_row(following[1])[1]:  # a label without amounts: the values come later
                return index
    return None


def read(lines: list[str]) -> list[Table]:
    start = _table_start(lines)
    slots, index = _read_labels(lines, start + 1)
    columns, sequences, index = _read_columns(lines, index)
    if not columns:
        raise UnreadableDocument(f"column table at line {start + 1}: row labels without any column")
    trailing_tables = _read_trailing_rows(lines, index, len(columns))

    main = Table(
        name=f"Exploitatie (line {start + 1})",
        columns=columns,
        rows=[],
        scale=scale_before(lines, start),
        source_line=start + 1,
    )
    extra_rows = trailing_tables.pop(0)[1]
    _solve(main, slots, sequences, extra_rows)
    tables = [main]
    for title, rows in trailing_tables:
        sub = Table(name=f"{title} (line {rows[0].source_line})", columns=columns, rows=[],
                    scale=main.scale, source_line=rows[0].source_line)
        _solve(sub, [], [[] for _ in columns], rows)
        tables.append(sub)
    return tables


def _read_labels(lines: list[str], index: int) -> tuple[list[_Slot], int]:
    slots: list[_Slot] = []
    section = None
    while index < len(lines):
        text = lines[index].strip()
        if text in _NOISE or PAGE_FOOTER.match(text):
            index += 1
            continue
        if HEADER_START.match(text):
            break
        if (new_section := section_of(text)) is not None:
            section = new_section
        elif TAAKVELD_LABEL.match(text) or text.lower().startswith("totaal"):
            if section is None:
                raise UnreadableDocument(f"column table: label at line {index + 1} before any Lasten/Baten heading")
            slots.append(_Slot(collapse(text), section, index + 1))
        elif slots:
            slots[-1].label = collapse(f"{slots[-1].label} {text}")
        else:
            raise UnreadableDocument(f"column table: unexpected line {index + 1}: {text!r}")
        index += 1
    return slots, index


def _read_columns(lines: list[str], index: int) -> tuple[list[Column], list[list[tuple[Decimal, int]]], int]:
    columns: list[Column] = []
    sequences: list[list[tuple[Decimal, int]]] = []
    while index < len(lines):
        text = collapse(lines[index])
        if text in _NOISE or PAGE_FOOTER.match(text):
            index += 1
            continue
        if is_amount(text) and columns:
            sequences[-1].append((parse_amount(text), index + 1))
            index += 1
            continue
        if not HEADER_START.match(text):
            break
        header_line = index + 1
        header = text
        index += 1
        while index < len(lines) and lines[index].strip() and not is_amount(lines[index].strip()):
            header = f"{header} {lines[index].strip()}"
            index += 1
        columns.append(single_column(header, f"column header at line {header_line}"))
        sequences.append([])
    return columns, sequences, index


def _read_trailing_rows(lines: list[str], index: int, column_count: int) -> list[tuple[str, list[Row]]]:
    """Rows printed one per line after the columns (a stray total, a reserves table), per table title."""
    tables: list[tuple[str, list[Row]]] = [("", [])]
    section = None
    while index < len(lines):
        text = collapse(lines[index])
        index += 1
        if not text or PAGE_FOOTER.match(text):
            continue
        if (new_section := section_of(text)) is not None:
            section = new_section
            continue
        label, amounts = split_row(text)
        if amounts and section is None and not label.lower().startswith("totaal"):
            raise UnreadableDocument(f"column table: row at line {index} before any Lasten/Baten heading")
        if amounts:
            if len(amounts) > column_count:
                raise UnreadableDocument(f"column table: line {index} has {len(amounts)} amounts for {column_count} columns")
            row_section = "Baten" if label.lower() == "totaal baten" else "Lasten" if label.lower() == "totaal lasten" else section
            tables[-1][1].append(
                Row(label=label, section=row_section, source_line=index,
                    cells={position: parse_amount(token) for position, token in enumerate(amounts)},
                    cell_lines={position: index for position in range(len(amounts))})
            )
        elif tables[-1][1] and TAAKVELD_LABEL.match(tables[-1][1][-1].label) and _is_label_tail(text):
            tables[-1][1][-1].label = collapse(f"{tables[-1][1][-1].label} {text}")
        elif len(text.split()) >= 3:
            tables.append((text, []))  # a new table's title, e.g. 'Mutaties reserves behorende bij ...'
            section = None
        else:
            raise UnreadableDocument(f"column table: unexpected line {index}: {text!r}")
    return [tables[0]] + [table for table in tables[1:] if table[1]]


def _is_label_tail(text: str) -> bool:
    return len(text.split()) <= 2 and not any(character.isdigit() for character in text)


# --- rebuilding the table -----------------------------------------------------------------------


def _solve(table: Table, slots: list[_Slot], sequences: list[list[tuple[Decimal, int]]], extra_rows: list[Row]) -> None:
    """Place every column's values in the slots; extra rows carry their values left to right, maybe short."""
    columns = table.columns
    for tolerance in (Decimal(0), Decimal(1)):
        solutions = _placements(slots, columns, sequences, extra_rows, tolerance)
        if solutions:
            break
    else:
        raise UnreadableDocument(
            f"{table.name}: no placement of the printed values satisfies saldo = begroting - realisatie and the totals"
        )
    all_slots = slots + [_Slot(row.label, row.section, row.source_line) for row in extra_rows]
    undetermined: set[tuple[int, int]] = set()
    for slot_index, slot in enumerate(all_slots):
        cells: dict[int, Decimal | None] = {}
        cell_lines: dict[int, int] = {}
        for column_index in range(len(columns)):
            options = {solution[slot_index][column_index] for solution in solutions}
            if len(options) == 1:
                placed = options.pop()
                cells[column_index] = None if placed is None else placed[0]
                if placed is not None:
                    cell_lines[column_index] = placed[1]
            else:
                undetermined.add((slot_index, column_index))  # left out of cells: unknown, not empty
        table.rows.append(Row(slot.label, slot.section, slot.source_line, cells, cell_lines))
    _report_ambiguous(table, all_slots, solutions, undetermined)


def _report_ambiguous(table, all_slots, solutions, undetermined) -> None:
    candidates: dict[tuple[int, Decimal, int], set[str]] = {}
    for slot_index, column_index in undetermined:
        for solution in solutions:
            placed = solution[slot_index][column_index]
            if placed is not None:
                key = (column_index, placed[0], placed[1])
                candidates.setdefault(key, set()).add(all_slots[slot_index].label)
    for (column_index, value, line), labels in sorted(candidates.items(), key=lambda item: (item[0][0], item[0][2])):
        table.ambiguous.append(
            AmbiguousCell(table.name, table.columns[column_index].header, value, line, tuple(sorted(labels)))
        )


def _placements(slots, columns, sequences, extra_rows, tolerance):
    """Every order-preserving placement of the column values (and of short extra rows) that fits."""
    identities = saldo_identities(columns)
    column_count = len(columns)
    solutions: list[list[list]] = []
    grid: list[list] = [[None] * column_count for _ in slots]

    def fits_identities(cells) -> bool:
        return all(
            abs(_value(cells[b]) - _value(cells[r]) - _value(cells[s])) <= tolerance for b, r, s in identities
        )

    def fits_total(cells, sums, counts) -> bool:
        # A printed total is never missing where its section has values: an empty total cell
        # would let any value slip into it unchecked.
        return all(
            (counts[c] == 0) if cells[c] is None else abs(sums[c] - cells[c][0]) <= tolerance
            for c in range(column_count)
        )

    def search(slot_index: int, positions: list[int], sums: dict[str, list[Decimal]], counts: dict[str, list[int]]) -> None:
        if len(solutions) > _MAX_SOLUTIONS:
            raise UnreadableDocument(f"more than {_MAX_SOLUTIONS} placements fit the printed values")
        if slot_index == len(slots):
            if all(positions[c] == len(sequences[c]) for c in range(column_count)):
                for extra in _extra_row_placements(extra_rows, column_count, sums, counts, tolerance, fits_identities, fits_total):
                    solutions.append([list(row) for row in grid] + extra)
            return
        slot = slots[slot_index]
        remaining = len(slots) - slot_index - 1
        section_sums = sums.setdefault(slot.section, [Decimal(0)] * column_count)
        section_counts = counts.setdefault(slot.section, [0] * column_count)
        for choice in product((True, False), repeat=column_count):
            cells = []
            for c, take in enumerate(choice):
                left = len(sequences[c]) - positions[c]
                if (take and left == 0) or (not take and left > remaining):
                    break
                cells.append(sequences[c][positions[c]] if take else None)
            else:
                # A total row's saldo follows from its rows; only the rows themselves are checked.
                if not slot.is_total and not fits_identities(cells):
                    continue
                new_sums, new_counts = dict(sums), dict(counts)
                if slot.is_total:
                    if not fits_total(cells, section_sums, section_counts):
                        continue
                else:
                    new_sums[slot.section] = [section_sums[c] + _value(cells[c]) for c in range(column_count)]
                    new_counts[slot.section] = [section_counts[c] + choice[c] for c in range(column_count)]
                grid[slot_index] = cells
                search(slot_index + 1, [positions[c] + choice[c] for c in range(column_count)], new_sums, new_counts)

    search(0, [0] * column_count, {}, {})
    return solutions


def _extra_row_placements(extra_rows, column_count, sums, counts, tolerance, fits_identities, fits_total):
    """Rows printed one per line: a short row's values keep their order but may skip columns."""
    options_per_row = []
    running = {section: list(values) for section, values in sums.items()}
    for row in extra_rows:
        values = [(row.cells[p], row.cell_lines[p]) for p in sorted(row.cells)]
        section_sums = running.setdefault(row.section, [Decimal(0)] * column_count)
        options = []
        for chosen in combinations(range(column_count), len(values)):
            cells = [None] * column_count
            for value, column in zip(values, chosen):
                cells[column] = value
            if not row.is_total and not fits_identities(cells):
                continue
            if row.is_total and not _fits_printed(cells, section_sums, tolerance):
                continue
            options.append(cells)
        if not row.is_total and options:
            running[row.section] = [section_sums[c] + _value(options[0][c]) for c in range(column_count)]
        options_per_row.append(options)
    return [list(combination) for combination in product(*options_per_row)]


def _fits_printed(cells, sums, tolerance) -> bool:
    """A total printed on its own line: the values it shows must match; a short line may skip columns."""
    return all(cell is None or abs(sums[c] - cell[0]) <= tolerance for c, cell in enumerate(cells))


def _value(cell) -> Decimal:
    return Decimal(0) if cell is None else cell[0]
