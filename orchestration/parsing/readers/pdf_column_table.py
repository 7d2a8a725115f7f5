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
agrees on it.

Where the sums leave several solutions, the layout may decide: the blank lines between a column's
values follow the rows' heights, and a column that prints every row shows them (the rhythm). A
solution is kept when its columns repeat the rhythm, or would with one blank line misread (in any
column, the complete one included), and one solution repeats it exactly; a cell is stored when all
kept solutions agree on it, so that no single stray or lost blank line decides a value. Anything
else is reported as ambiguous with its candidate rows. Every placed value gets a `placement` check
naming the evidence that placed it: complete column, arithmetic, layout, or both.
"""

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product

from orchestration.parsing.columns import HEADER_START, saldo_identities, single_column
from orchestration.parsing.model import AmbiguousCell, Check, Column, Row, Table, UnreadableDocument
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
    _solve(main, slots, sequences, extra_rows, [_blank_lines(lines, sequence) for sequence in sequences])
    tables = [main]
    for title, rows in trailing_tables:
        sub = Table(name=f"{title} (line {rows[0].source_line})", columns=columns, rows=[],
                    scale=main.scale, source_line=rows[0].source_line)
        _solve(sub, [], [[] for _ in columns], rows, [[] for _ in columns])
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


def _solve(table: Table, slots: list[_Slot], sequences: list[list[tuple[Decimal, int]]], extra_rows: list[Row],
           gaps: list[list[int | None]]) -> None:
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
    rhythm = _rhythm(columns, len(slots), sequences, gaps)
    kept = _kept_by_layout(solutions, len(slots), gaps, rhythm) if rhythm and len(solutions) > 1 else None
    if len(solutions) > 1:
        table.checks.append(_layout_check(table.name, len(solutions), kept, rhythm))
    kept = kept or []
    alone = [_layout_alone(len(slots), len(sequences[c]), gaps[c], rhythm) if rhythm else None
             for c in range(len(columns))]
    all_slots = slots + [_Slot(row.label, row.section, row.source_line) for row in extra_rows]
    undetermined: set[tuple[int, int]] = set()
    for slot_index, slot in enumerate(all_slots):
        cells: dict[int, Decimal | None] = {}
        cell_lines: dict[int, int] = {}
        for column_index, column in enumerate(columns):
            options = {solution[slot_index][column_index] for solution in solutions}
            evidence = "arithmetic"
            if len(options) > 1 and kept:
                options = {solution[slot_index][column_index] for solution in kept}
                evidence = "layout"
            if len(options) != 1:
                undetermined.add((slot_index, column_index))  # left out of cells: unknown, not empty
                continue
            placed = options.pop()
            cells[column_index] = None if placed is None else placed[0]
            if placed is None:
                continue
            cell_lines[column_index] = placed[1]
            if slot_index < len(slots):
                if len(sequences[column_index]) == len(slots):
                    evidence = "complete column"
                elif evidence == "arithmetic" and alone[column_index]:
                    evidence = _arithmetic_and_layout(alone[column_index][slot_index], placed, sequences[column_index])
                detail = _evidence(evidence, placed[1], len(solutions), len(kept), rhythm)
            elif len(extra_rows[slot_index - len(slots)].cells) < len(columns):
                detail = (f"arithmetic: line {placed[1]}; the line prints fewer values than the table has columns, "
                          "and the saldo identities and printed totals leave only this column")
            else:
                continue  # a row printed whole on its own line: nothing to decide
            table.checks.append(Check("placement", table.name, f"{slot.label} ({slot.section}, {column.header})",
                                      None, None, Decimal(0), "passed", detail))
        table.rows.append(Row(slot.label, slot.section, slot.source_line, cells, cell_lines))
    _report_ambiguous(table, all_slots, kept or solutions, undetermined)


def _arithmetic_and_layout(allowed_by_layout: set, placed, sequence) -> str:
    """'both' where the column's blank lines on their own allow this value here and nothing else."""
    if len(allowed_by_layout) == 1 and None not in allowed_by_layout and sequence[min(allowed_by_layout)] == placed:
        return "both"
    if len(allowed_by_layout) == 1:
        return "arithmetic, against the layout"  # the blank lines alone would put something else here
    return "arithmetic"


def _evidence(evidence: str, line: int, solution_count: int, kept_count: int, rhythm) -> str:
    """The detail of a placement check: the evidence first, then what it rests on."""
    sums = "the saldo identities and printed totals allow only this row"
    if evidence == "complete column":
        reason = "the column prints a value for every row"
    elif evidence == "layout":
        reason = (f"the saldo identities and printed totals allow {solution_count} placements; the {kept_count} that "
                  f"repeat the blank lines between the rows ({rhythm.source}), one misread allowed, all put it here")
    elif evidence == "both":
        reason = f"{sums}, and so do the column's own blank lines ({rhythm.source})"
    elif evidence == "arithmetic, against the layout":
        reason = f"{sums}; the column's own blank lines would put something else here"
    else:
        reason = sums
    return f"{evidence}: line {line}; {reason}"


def _layout_check(table_name: str, solution_count: int, kept: list | None, rhythm) -> Check:
    """Whether the layout could choose where the sums leave several placements."""
    status = "unverified"
    if rhythm is None:
        detail = "no column prints every row: the blank lines between rows cannot be known"
    elif kept is None:
        detail = "the placements differ only in lines printed whole or where no blank line tells them apart"
    elif not kept:
        detail = (f"no placement the saldo identities and printed totals allow repeats the blank lines between the "
                  f"rows ({rhythm.source}): the layout decides nothing")
    else:
        status = "passed"
        detail = (f"{len(kept)} of the {solution_count} placements the saldo identities and printed totals allow "
                  f"repeat the blank lines between the rows ({rhythm.source}), one misread allowed")
    return Check("placement", table_name, "blank lines between rows", None, None, Decimal(0), status, detail)


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


# --- the layout: blank lines between rows -------------------------------------------------------


def _blank_lines(lines: list[str], sequence: list[tuple[Decimal, int]]) -> list[int | None]:
    """Blank lines between each two consecutive values of a column; None where other text (a page
    footer, a stray rule) stands between them and the gap says nothing about the rows."""
    gaps = []
    for (_, line), (_, next_line) in zip(sequence, sequence[1:]):
        between = lines[line : next_line - 1]
        gaps.append(len(between) if all(not text.strip() for text in between) else None)
    return gaps


@dataclass(frozen=True)
class _Rhythm:
    """The blank lines between each two consecutive rows, as the columns that print every row show them."""

    gaps: tuple[int | None, ...]  # between slot i and i + 1; None where the complete columns disagree
    witnesses: tuple[int, ...]  # how many complete columns show each gap
    source: str

    def expected(self, above: int, below: int) -> frozenset[int] | None:
        """Blank lines between values in rows `above` and `below` (the rows between empty); None: any."""
        spanned = self.gaps[above:below]
        if any(gap is None for gap in spanned):
            return None
        if below == above + 1:
            return frozenset(spanned)
        # An empty row widens the gap: one blank line wherever a spanned row boundary has one (an empty
        # 6.82 between 6.81 and 7.1 still prints one); between rows printed tight, one or none.
        return frozenset({max(spanned)}) if max(spanned) else frozenset({0, 1})


def _rhythm(columns: list[Column], slot_count: int, sequences, gaps) -> _Rhythm | None:
    complete = [c for c in range(len(columns)) if slot_count > 1 and len(sequences[c]) == slot_count]
    if not complete:
        return None
    agreed, witnesses = [], []
    for boundary in range(slot_count - 1):
        seen = [gaps[c][boundary] for c in complete if gaps[c][boundary] is not None]
        agreed.append(seen[0] if len(set(seen)) == 1 else None)
        witnesses.append(len(seen))
    return _Rhythm(tuple(agreed), tuple(witnesses), "as printed in " + " and ".join(repr(columns[c].header) for c in complete))


def _misread(rhythm: _Rhythm, observed: int | None, above: int, below: int) -> bool:
    expected = rhythm.expected(above, below)
    return observed is not None and expected is not None and observed not in expected


def _kept_by_layout(solutions, slot_count: int, gaps, rhythm: _Rhythm) -> list | None:
    """The solutions whose columns repeat the rhythm but for what one misread blank line explains; none
    unless one repeats it exactly; None where no gap differs between them. Only gaps that differ are
    weighed: a gap every solution spans alike cannot tell them apart (and may break the rhythm in all)."""
    column_count = len(gaps)
    spans = []
    for solution in solutions:
        per_column = []
        for c in range(column_count):
            filled = [s for s in range(slot_count) if solution[s][c] is not None]
            per_column.append(list(zip(filled, filled[1:])))
        spans.append(per_column)
    deciding = [(c, j) for c in range(column_count) for j in range(len(gaps[c]))
                if len({spans[k][c][j] for k in range(len(solutions))}) > 1]
    misfits = [[spans[k][c][j] for c, j in deciding if _misread(rhythm, gaps[c][j], *spans[k][c][j])]
               for k in range(len(solutions))]
    if not deciding:
        return None
    if min(map(len, misfits)) > 0:
        return []
    return [solution for solution, wrong in zip(solutions, misfits) if _one_misread_explains(wrong, rhythm)]


def _one_misread_explains(misfits: list[tuple[int, int]], rhythm: _Rhythm) -> bool:
    """Whether one misread blank line accounts for every gap that breaks the rhythm: a gap of the column
    itself, or a gap of the rhythm that only one complete column shows, which every span across it
    depends on (seen in two complete columns, one misread makes them disagree and the gap unknown)."""
    if len(misfits) <= 1:
        return True
    return any(all(above <= boundary < below for above, below in misfits)
               for boundary in range(len(rhythm.gaps)) if rhythm.witnesses[boundary] == 1)


def _layout_alone(slot_count: int, value_count: int, gaps: list[int | None], rhythm: _Rhythm) -> list[set]:
    """Per slot, what the column's own blank lines allow there, without any arithmetic: the index of a
    value, or None for an empty cell; over the placements with at most one misread gap (within one
    column a misread gap of the rhythm is no more: only one of the column's gaps spans it), and
    nothing at all unless one placement repeats the rhythm exactly."""
    if value_count == 0:
        return [{None} for _ in range(slot_count)]
    never = value_count + 1  # more misreads than any placement can have: no placement
    expected = {(a, b): rhythm.expected(a, b) for a in range(slot_count) for b in range(a + 1, slot_count)}

    def misreads(j: int, above: int, below: int) -> int:
        allowed = expected[above, below]
        return int(gaps[j] is not None and allowed is not None and gaps[j] not in allowed)

    # fewest misreads over the placements of values 0..j with j in slot s (before), of j..last (after)
    before = [[0] * slot_count] + [[never] * slot_count for _ in range(value_count - 1)]
    for j in range(1, value_count):
        for s in range(slot_count):
            before[j][s] = min((before[j - 1][a] + misreads(j - 1, a, s) for a in range(s)), default=never)
    after = [[never] * slot_count for _ in range(value_count - 1)] + [[0] * slot_count]
    for j in range(value_count - 2, -1, -1):
        for s in range(slot_count):
            after[j][s] = min((misreads(j, s, b) + after[j + 1][b] for b in range(s + 1, slot_count)), default=never)
    if min(before[-1]) > 0:
        return [set() for _ in range(slot_count)]
    allowed: list[set] = [{j for j in range(value_count) if before[j][s] + after[j][s] <= 1}
                          for s in range(slot_count)]
    first = min(s for s in range(slot_count) if after[0][s] <= 1)
    last = max(s for s in range(slot_count) if before[-1][s] <= 1)
    empty = [s < first or s > last for s in range(slot_count)]
    for j in range(value_count - 1):
        for a in range(slot_count):
            for b in range(a + 2, slot_count):
                if before[j][a] + misreads(j, a, b) + after[j + 1][b] <= 1:
                    empty[a + 1 : b] = [True] * (b - a - 1)
    for s in range(slot_count):
        if empty[s]:
            allowed[s].add(None)
    return allowed
