"""From grids to facts, for every layout family: the unit, the sign convention, which rows and columns
are totals, where a value whose column the layout does not show belongs, and the checks that prove it.
What the words say (orchestration.parsing.meaning) is weighed against what the table's arithmetic proves.

The order of the evidence:
1. words: header words give year and scenario ('Rekening 2021', 'Begroting 2023 na wijziging',
   'Meerjarenraming' over '2024'), leaf headers or sub-rows the measure ('Lasten', 'Baten', 'Saldo',
   'l-2020'), captions the unit ('x € 1.000', 'x € 1 mln') and the sign ('+ is nadeel');
2. arithmetic: lasten, baten and saldo of the same row and column group fix how saldo is printed
   (baten - lasten, lasten - baten, lasten + baten); printed totals check the rows and place values of
   short rows; a printed difference proves which way it is taken; rows and columns that add up others
   are totals;
3. what no table contradicts: lasten and baten are printed with the sign most of their rows carry.
Where no evidence decides, a value is reported as ambiguous, never stored.
"""

import re
import statistics
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product
from math import comb, prod

from orchestration.parsing.grid import Cell, Grid
from orchestration.parsing.meaning import (
    CODE_LABEL,
    NOT_STORED,
    TOTAL_LABEL,
    ColumnMeaning,
    RowMeaning,
    budgets_beside_each_other,
    column_meaning,
    column_scenario,
    reference_kind_and_year,
    row_meaning,
    scale_of_context,
    taakveld_by_name,
    taakveld_of,
    title_measure,
)
from orchestration.parsing.model import AmbiguousCell, Check, DocumentMetadata, Fact, ReportedTotal
from orchestration.parsing.readers.common import measure_word

FLOW_MEASURES = ("lasten", "baten", "reserves_storting", "reserves_onttrekking")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\s+[A-Za-z]")  # '0 Bestuur en ondersteuning', '3 Economie'
_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,3})*[a-z]?\s*[-–.:]?\s+\S")
_STORTING_LABEL = re.compile(r"\b(?:storting|toevoeging|dotatie)", re.I)
_RESERVE_MUTATIONS_LABEL = re.compile(r"^\s*(?:reserve\s*mutaties?|mutaties?\s+(?:in\s+|van\s+|op\s+)?(?:de\s+)?reserves?|reserves?)\s*$", re.I)
_ONTTREKKING_LABEL = re.compile(r"\bonttrekking", re.I)
_PLUS_IS_DISADVANTAGE = re.compile(r"\+\s*(?:=|is)\s*nadeel|negatief\s*(?:=|is)\s*voordeel|-\s*(?:=|is)\s*voordeel", re.I)
_MINUS_IS_DISADVANTAGE = re.compile(r"-\s*(?:=|is)\s*nadeel|negatief\s*(?:=|is)\s*nade(?:el|lig)|\+\s*(?:=|is)\s*voordeel", re.I)
_MAX_PLACEMENTS = 200_000


@dataclass
class _Slot:
    """One printed value with everything known about it."""

    row: int
    column: int
    cell: Cell
    year: int | None
    scenario: str | None
    measure: str | None
    kind: str


def _same_meaning_twice(columns: list[ColumnMeaning]) -> set[int]:
    """Columns that say the same year, scenario and measure as another ('Begroting 2023' twice, a lost
    'primitief'): which is which cannot be told, so neither is stored."""
    seen: dict[tuple, list[int]] = {}
    for position, m in enumerate(columns):
        if m.year is not None and m.kind not in ("other", "unknown", "difference"):
            seen.setdefault((m.year, m.kind, m.measure, m.is_reserve_mutations), []).append(position)
    return {position for positions in seen.values() if len(positions) > 1 for position in positions}


class GridReconciliation:
    """Facts, totals, checks and ambiguous cells of one grid."""

    def __init__(self, grid: Grid, metadata: DocumentMetadata, document_kind: str | None, reporting_year: int | None):
        self.grid = grid
        self.metadata = metadata
        self.kind, self.year = document_kind, reporting_year
        self.facts: list[Fact] = []
        self.totals: list[ReportedTotal] = []
        self.checks: list[Check] = []
        self.ambiguous: list[AmbiguousCell] = []

    # -- the steps -------------------------------------------------------------------------------

    def read_conventions(self) -> None:
        """Meanings, unit and sign conventions, as far as this grid alone proves them."""
        grid = self.grid
        self.columns = budgets_beside_each_other([column_meaning(column.path) for column in grid.columns])
        yearless = [m for m in self.columns if m.kind == "unknown" and m.year is None and m.measure]
        if yearless and all(m in yearless or m.kind == "other" for m in self.columns) and self.year and self.kind:
            # Only 'Lasten | Baten | Saldo': the figures of the document's own year and main scenario
            self.columns = [ColumnMeaning(m.header, self.year, "document_year", m.measure) if m in yearless else m
                            for m in self.columns]
            self.checks.append(Check("scenario", grid.name, "columns without a year", None, None, Decimal(0), "unverified",
                                     f"the columns print no year: read as the {self.kind}'s own year {self.year}"))
        self.rows = [row_meaning(row) for row in grid.rows]
        self.row_columns = self._transposed()
        self.title_measure = title_measure(grid.title)
        for r, row in enumerate(grid.rows):  # '0 Bestuur en ondersteuning' under its own heading: the section's subtotal
            if row.headings and not self.rows[r].is_total and " ".join(row.label.split()) == " ".join(row.headings[-1].split()):
                self.rows[r] = RowMeaning(self.rows[r].category, None, self.rows[r].measure, True)
        self.placed: dict[int, list[Cell | None]] = {}
        self.saldo_majority: tuple[int, int] | None = None  # (negative, all) saldo-only values, decided per document
        self.scale = self._scale()
        if self.scale is None:
            return
        self.tolerance = Decimal(1) if self.scale >= 1000 else Decimal("0.5") if self.scale == 1 else Decimal("0.1")
        self.signs = self._flow_signs()
        self.saldo_sign = self._saldo_sign()
        self._find_totals_by_arithmetic()
        self._find_leading_totals()
        self.total_columns = self._total_columns_by_arithmetic()
        self.duplicate_columns = _same_meaning_twice(
            [m if c not in self.total_columns else ColumnMeaning(m.header, m.year, "other", m.measure)
             for c, m in enumerate(self.columns)])
        self._forget_section_measure_of_grand_totals()

    def _forget_section_measure_of_grand_totals(self) -> None:
        """A total straight after another total ('Totaal per programma' under the Baten subtotal) adds up
        more than its section: the section heading does not say its measure."""
        previous_was_total = False
        for r, row in enumerate(self.grid.rows):
            meaning = self.rows[r]
            own_words = any(measure_word(part) for part in row.label_parts if part)
            if meaning.is_total and previous_was_total and not own_words and meaning.measure is not None:
                self.rows[r] = RowMeaning(meaning.category, meaning.taakveld_code, None, True)
            previous_was_total = meaning.is_total

    def _total_columns_by_arithmetic(self) -> set[int]:
        """A column that is, on every row, the sum of the other columns of its year and scenario
        ('Resultaat' = 'Totaal saldo van baten en lasten' + 'Mutatie in de reserves') adds up figures
        stored from those columns: its values are totals."""
        totals = set()
        rows = [row for row in self.grid.rows if row.aligned and not row.is_cut]
        for c, meaning in enumerate(self.columns):
            if meaning.year is None:
                continue
            parts = [k for k, other in enumerate(self.columns) if k != c and (other.year, other.kind, other.measure)
                     == (meaning.year, meaning.kind, meaning.measure)]
            if len(parts) < 2:
                continue
            value = lambda row, k: row.cells[k].value if row.cells[k] is not None else Decimal(0)
            proving = [row for row in rows if row.cells[c] is not None and sum(bool(value(row, k)) for k in parts) >= 2]
            printed = [row for row in rows if row.cells[c] is not None]
            misfits = [row for row in printed if abs(value(row, c) - sum(value(row, k) for k in parts)) > self.tolerance * len(parts)]
            if len(proving) >= 3 and len(misfits) <= 0.25 * len(printed):
                totals.add(c)
                self.checks.append(Check("total_by_arithmetic", self.grid.name, " / ".join(self.grid.columns[c].path),
                                         None, None, Decimal(0), "passed",
                                         f"the column adds up {len(parts)} columns of the same year and scenario on "
                                         f"{len(printed) - len(misfits)} of {len(printed)} rows"))
                for row in misfits:
                    self.checks.append(Check("table_total", self.grid.name, f"{row.label} ({' / '.join(self.grid.columns[c].path)})",
                                             value(row, c) * self.scale, sum(value(row, k) for k in parts) * self.scale,
                                             self.tolerance * len(parts) * self.scale, "failed",
                                             f"line {row.cells[c].line}: the column's sum of the columns of its year and scenario"))
        return totals

    def _find_totals_by_arithmetic(self) -> None:
        """A row printed without a total's words is a total all the same where each of its values is
        the sum of the rows above it since the previous total (at least two rows, two non-zero values);
        a saldo-only row that nets the flows above it ('Mutaties reserves' under 'Onttrekking' and
        'Toevoeging') is one too. Loading it as a line would count those rows twice."""
        start = 0
        self.arithmetic_totals: set[int] = set()
        for r, row in enumerate(self.grid.rows):
            if self.rows[r].is_total:
                start = r + 1
                continue
            if not row.aligned or row.is_cut or r - start < 2:
                continue
            sub_row = lambda q: self.rows[q].measure if self.rows[q].measure in ("lasten", "baten", "saldo") else None
            above = [q for q in range(start, r) if self.grid.rows[q].aligned and not self.grid.rows[q].is_cut
                     and sub_row(q) == sub_row(r)]
            filled = [c for c, cell in enumerate(row.cells) if cell is not None]
            if len(above) < 2 or sum(bool(row.cells[c].value) for c in filled) < 2:
                continue
            tolerance = self.tolerance * max(1, (len(above) + 1) // 2)
            if all(abs(self._sum_above(above, c) - row.cells[c].value) <= tolerance for c in filled if self._sum_above(above, c) is not None) \
                    and all(self._sum_above(above, c) is not None for c in filled):
                self.rows[r] = RowMeaning(self.rows[r].category, None, self.rows[r].measure, True)
                self.arithmetic_totals.add(r)
                self.checks.append(Check("total_by_arithmetic", self.grid.name, self.rows[r].category or f"line {row.line}",
                                         None, None, Decimal(0), "passed",
                                         f"line {row.line}: adds up the {len(above)} rows above it, so it is a total"))
                start = r + 1

    def _find_leading_totals(self) -> None:
        """A programme printed above its numbered parts ('Verkeer en openbare ruimte', then '3.1 - Verkeer /
        Parkeren', '3.2 - ...') is their total where each of its values is their sum."""
        sub_row = lambda q: self.rows[q].measure if self.rows[q].measure in ("lasten", "baten", "saldo") else None
        usable = lambda q: self.grid.rows[q].aligned and not self.grid.rows[q].is_cut and not self.rows[q].is_total
        proven, unproven = 0, []
        self.leading_totals: set[int] = set()  # checked against the rows below them, here
        for r, row in enumerate(self.grid.rows):
            parent_number = _LEADING_NUMBER.match(self.rows[r].category)
            if not usable(r) or (_NUMBERED.match(self.rows[r].category) and not parent_number):
                continue
            # 'Verkeer en openbare ruimte' over '3.1 - ...', '3.2 - ...'; '0 Bestuur en ondersteuning' over '0.1', '0.2'
            is_child = (lambda text: text.startswith(parent_number.group(1) + ".")) if parent_number else _NUMBERED.match
            children, cut = [], False
            for q in range(r + 1, len(self.grid.rows)):
                if self.rows[q].is_total:
                    break
                if sub_row(q) != sub_row(r) or self.rows[q].category == self.rows[r].category:
                    continue
                if not is_child(self.rows[q].category.strip()):
                    break
                if not usable(q):
                    cut = cut or self.grid.rows[q].is_cut
                    break
                children.append(q)
            filled = [c for c, cell in enumerate(row.cells) if cell is not None]
            if (not children and not cut) or not any(row.cells[c].value for c in filled):
                continue
            if cut:
                unproven.append(r)
                continue
            tolerance = self.tolerance * max(1, (len(children) + 1) // 2)
            sums = {c: sum((self.grid.rows[q].cells[c].value for q in children if self.grid.rows[q].cells[c] is not None), Decimal(0))
                    for c in filled}
            if all(abs(sums[c] - row.cells[c].value) <= tolerance for c in filled):
                self.rows[r] = RowMeaning(self.rows[r].category, None, self.rows[r].measure, True)
                self.leading_totals.add(r)
                self.checks.append(Check("total_by_arithmetic", self.grid.name, self.rows[r].category, None, None, Decimal(0),
                                         "passed", f"line {row.line}: adds up the {len(children)} numbered rows below it"))
                proven += 1
            else:
                unproven.append(r)
        if proven >= 2:
            # The table's structure is proven twice: a programme above its numbered parts is their total. One whose
            # parts do not add up (a cut table, a printing error) is not loaded as a line either.
            for r in unproven:
                self.rows[r] = RowMeaning(self.rows[r].category, None, self.rows[r].measure, True)
                self.leading_totals.add(r)
                self.checks.append(Check("table_total", self.grid.name, self.rows[r].category, None, None, Decimal(0),
                                         "unverified", f"line {self.grid.rows[r].line}: a programme above numbered rows, "
                                         "like the others of this table, but its rows below do not add up to it"))
        totalled = {self.rows[r].category for r in self.leading_totals}
        for r, meaning in enumerate(self.rows):  # its Lasten, Baten and Saldo sub-rows alike
            if meaning.category in totalled and sub_row(r) is not None and not meaning.is_total:
                self.rows[r] = RowMeaning(meaning.category, None, meaning.measure, True)
                self.leading_totals.add(r)

    def _sum_above(self, rows: list[int], c: int) -> Decimal | None:
        """The column's sum over rows; for a saldo column, each row's own saldo or else its baten - lasten."""
        meaning = self.columns[c]
        total = Decimal(0)
        for q in rows:
            cells = self._cells_placed(q) or self.grid.rows[q].cells
            cell = cells[c] if c < len(cells) else None
            if cell is not None:
                total += cell.value
                continue
            if meaning.measure != "saldo" or self.saldo_sign is None:
                continue
            group = self.grid.columns[c].path[:-1]
            flows = {self.columns[k].measure: cells[k] for k in range(len(self.columns))
                     if self.grid.columns[k].path[:-1] == group and self.columns[k].measure in ("lasten", "baten")}
            baten = self.signs["baten"] * (flows["baten"].value if flows.get("baten") else 0)
            lasten = self.signs["lasten"] * (flows["lasten"].value if flows.get("lasten") else 0)
            total += self.saldo_sign * (baten - lasten)
        return total

    def place_and_emit(self) -> None:
        if self.scale is None:
            return
        self.withheld: set[tuple[int, int]] = set()  # (row, column) under a total that does not add up
        self._place_short_rows()
        self._emit()

    def _transposed(self) -> list[ColumnMeaning] | None:
        """A one-column table whose row labels say year and scenario ('Begroting 2025 nieuw', 'Begroting
        2025 oud', 'Verklaring van het verschil') under a programme heading: the rows are the columns."""
        if len(self.columns) != 1 or self.columns[0].year is not None or self.columns[0].kind != "unknown":
            return None
        meanings = [column_meaning(row.label_parts) for row in self.grid.rows]
        if sum(m.year is not None and m.kind not in ("unknown", "other") for m in meanings) < 2:
            return None
        measure = self.columns[0].measure
        for r, (row, meaning) in enumerate(zip(self.grid.rows, meanings)):
            category = row.headings[-1] if row.headings else self.grid.title
            is_total = meaning.kind == "unknown" and bool(TOTAL_LABEL.match(row.label))
            self.rows[r] = RowMeaning(category, taakveld_of(category), measure or meaning.measure, is_total)
        if measure is None and not any(m.measure for m in meanings):
            self.checks.append(Check("measure", self.grid.name, "saldo assumed", None, None, Decimal(0), "unverified",
                                     "one amount per programme and scenario, no words for lasten or baten: read as the "
                                     "programme's saldo"))
            self.rows = [RowMeaning(r.category, r.taakveld_code, r.measure or "saldo", r.is_total) for r in self.rows]
        return meanings

    def _scale(self) -> int | None:
        printed = scale_of_context(self.grid.context)
        if printed is not None:
            if self.metadata.unit is not None and self.metadata.unit != printed:
                self.checks.append(Check("unit", self.grid.name, "unit", Decimal(self.metadata.unit), Decimal(printed), Decimal(0),
                                         "failed", f"the table prints x € {printed:,}, the sidecar says {self.metadata.unit:,}"))
            return printed
        if self.metadata.unit is not None:
            return self.metadata.unit
        values = [abs(cell.value) for row in self.grid.rows for cell in row.cells if cell is not None and cell.value]
        if not values:
            return None
        decimals = {cell.text.rstrip("*-").split(",")[1] for row in self.grid.rows for cell in row.cells
                    if cell is not None and "," in cell.text}
        if decimals and decimals != {"00"}:
            self.checks.append(Check("unit", self.grid.name, "unit", None, None, Decimal(0), "failed",
                                     "no unit printed and amounts with decimals (x € 1.000? x € 1 mln?); supply unit in the sidecar"))
            self._all_ambiguous("unit not printed")
            return None
        if decimals:
            scale, why = 1, "amounts printed with ',00' cents"
        else:
            median = statistics.median(values)
            if median >= 100_000:
                scale, why = 1, f"median |amount| {median:,.0f}: whole euros"
            elif max(values) < 10_000_000 and median < 50_000:
                scale, why = 1000, f"median |amount| {median:,.0f}: a programme table in whole euros would print millions"
            else:
                self.checks.append(Check("unit", self.grid.name, "unit", None, None, Decimal(0), "failed",
                                         "no unit printed and the amounts do not tell it; supply unit in the sidecar"))
                self._all_ambiguous("unit not printed")
                return None
        self.checks.append(Check("unit", self.grid.name, "unit inferred", None, Decimal(scale), Decimal(0), "unverified",
                                 f"no unit printed: x € {scale:,} inferred ({why}); state unit in the sidecar to confirm"))
        return scale

    def _all_ambiguous(self, reason: str) -> None:
        for row, meaning in zip(self.grid.rows, self.rows):
            for position, cell in enumerate(row.cells):
                if cell is not None:
                    header = self.grid.columns[position].path if row.aligned else ("?",)
                    self.ambiguous.append(AmbiguousCell(self.grid.name, " / ".join(header), cell.value, cell.line,
                                                        (f"{meaning.category}: {reason}",)))

    # -- slots ---------------------------------------------------------------------------------

    def _slot(self, row_index: int, column_index: int, cell: Cell) -> _Slot:
        column, row = self.columns[column_index], self.rows[row_index]
        if self.row_columns is not None:
            column = self.row_columns[row_index]
        measure = row.measure or column.measure or self.title_measure
        if row.measure in ("reserves_storting", "reserves_onttrekking") and column.measure in ("lasten", "baten", "saldo"):
            measure = column.measure  # 'Onttrekking aan reserves' under Baten: the label makes it a withdrawal
        elif row.measure and row.measure != NOT_STORED and column.measure and row.measure != column.measure:
            measure = None  # a 'Lasten' row under a 'Baten' column: contradictory
        scenario = column_scenario(column, self.kind, self.year)
        year = column.year if column.year is not None else self.year
        return _Slot(row_index, column_index, cell, year, scenario, measure, column.kind)

    def _aligned_slots(self, placed: dict[int, list[Cell | None]] | None = None) -> list[_Slot]:
        slots = []
        for r, row in enumerate(self.grid.rows):
            cells = row.cells if row.aligned else (placed or {}).get(r)
            if cells is None or row.is_cut:
                continue
            for c, cell in enumerate(cells):
                if cell is not None:
                    slots.append(self._slot(r, c, cell))
        return slots

    # -- signs -----------------------------------------------------------------------------------

    def _flow_signs(self) -> dict[str, int]:
        """Per flow measure: -1 where the table prints it negative as its convention (most of its
        non-zero line values negative), else +1."""
        signs = {}
        for measure in FLOW_MEASURES:
            values = [s.cell.value for s in self._aligned_slots(self.placed)
                      if self._flow_measure(s) == measure and s.cell.value and not self.rows[s.row].is_total
                      and s.kind != "difference"]
            negative = sum(v < 0 for v in values)
            signs[measure] = -1 if values and negative > len(values) / 2 else 1
            if values and 0 < negative < len(values) and abs(negative - len(values) / 2) < 1:
                self.checks.append(Check("sign", self.grid.name, measure, None, None, Decimal(0), "unverified",
                                         f"{negative} of {len(values)} {measure} values negative: the convention is a near tie"))
        return signs

    def _flow_measure(self, slot: _Slot) -> str | None:
        """Lasten of a reserve-addition row are a storting, baten of a withdrawal row an onttrekking."""
        category = self.rows[slot.row].category
        all_mutations = bool(_RESERVE_MUTATIONS_LABEL.match(category)) or self._column(slot).is_reserve_mutations
        if slot.measure == "lasten" and (_STORTING_LABEL.search(category) or all_mutations):
            return "reserves_storting"
        if slot.measure == "baten" and (_ONTTREKKING_LABEL.search(category) or all_mutations):
            return "reserves_onttrekking"
        if slot.measure == "saldo" and not all_mutations and self.rows[slot.row].measure in ("reserves_storting", "reserves_onttrekking"):
            return self.rows[slot.row].measure  # 'Toevoeging aan reserves' in a saldo-only table
        return slot.measure

    def _column(self, slot: _Slot) -> ColumnMeaning:
        return self.row_columns[slot.row] if self.row_columns is not None else self.columns[slot.column]

    def _groups(self, slots: list[_Slot]) -> dict[tuple, dict[str, _Slot]]:
        """Lasten, baten and saldo of the same row label, year and column kind."""
        groups: dict[tuple, dict[str, _Slot]] = {}
        for slot in slots:
            if slot.measure in ("lasten", "baten", "saldo"):
                key = (self.rows[slot.row].category, slot.year, slot.kind, self._group_of(slot))
                groups.setdefault(key, {}).setdefault(slot.measure, slot)
        return groups

    def _group_of(self, slot: _Slot) -> tuple:
        if self.columns[slot.column].measure is not None:
            return self.grid.columns[slot.column].path[:-1]  # ('Rekening 2017',) over Lasten/Baten/Saldo
        return (slot.column,)  # Lasten/Baten/Saldo sub-rows of one label share a column

    def _saldo_sign(self) -> int | None:
        """+1 where saldo is printed as baten - lasten, -1 where as lasten - baten, proven by the rows
        that print all three; for saldo-only tables the words, else the sign most rows carry."""
        fits = {1: 0, -1: 0}
        tested = 0
        for group in self._groups(self._aligned_slots(self.placed)).values():
            if len(group) < 3 or self.rows[group["saldo"].row].is_total or group["saldo"].kind == "difference":
                continue  # a difference column has its own relation (realisatie - begroting)
            baten = self.signs["baten"] * group["baten"].cell.value
            lasten = self.signs["lasten"] * group["lasten"].cell.value
            printed = group["saldo"].cell.value
            if baten == 0 and lasten == 0:
                continue
            tested += 1
            for sign in (1, -1):
                if abs(sign * printed - (baten - lasten)) <= self.tolerance * 2:
                    fits[sign] += 1
        if tested:
            best = max(fits, key=fits.get)
            if fits[best] >= max(1, 0.8 * tested) and fits[-best] < fits[best]:
                self.checks.append(Check("sign", self.grid.name, "saldo convention", Decimal(tested), Decimal(fits[best]),
                                         Decimal(0), "passed" if fits[best] == tested else "within_rounding",
                                         f"saldo printed as {'baten - lasten' if best == 1 else 'lasten - baten'} on {fits[best]} of {tested} rows"))
                return best
            self.checks.append(Check("sign", self.grid.name, "saldo convention", Decimal(tested), Decimal(fits[best]), Decimal(0),
                                     "failed", "lasten, baten and saldo do not add up one way on most rows"))
            return None
        text = " ".join(self.grid.context)
        if _PLUS_IS_DISADVANTAGE.search(text):
            return -1
        if _MINUS_IS_DISADVANTAGE.search(text):
            return 1
        saldi = [s.cell.value for s in self._aligned_slots(self.placed) if s.measure == "saldo" and s.cell.value
                 and not self.rows[s.row].is_total and s.kind not in ("difference", "other", "unknown")
                 and self._flow_measure(s) == "saldo"]
        if saldi:
            self.saldo_majority = (sum(v < 0 for v in saldi), len(saldi))
        return None  # decided over the whole document: see decide_saldo_by_majority

    def decide_saldo_by_majority(self, negative: int, count: int) -> None:
        """Saldo-only tables: a programme's saldo is a net cost far more often than not, so where
        at least 4 saldi of the document and 3 in 4 of them carry one sign, that sign is a net cost."""
        share = max(negative, count - negative) / count
        if count < 4 or share < 0.75:
            self.checks.append(Check("sign", self.grid.name, "saldo convention", None, None, Decimal(0), "unverified",
                                     f"saldo only, {negative} of {count} saldi negative: how saldo is printed is not proven"))
            return
        self.saldo_sign = 1 if negative > count - negative else -1
        self.checks.append(Check("sign", self.grid.name, "saldo convention", None, None, Decimal(0), "unverified",
                                 f"saldo only: printed as {'baten - lasten' if self.saldo_sign == 1 else 'lasten - baten'}, "
                                 f"{max(negative, count - negative)} of {count} saldi of the document being net costs"))

    def _true(self, measure: str, value: Decimal, column_measure: str | None = None) -> Decimal | None:
        if measure in ("reserves_storting", "reserves_onttrekking") and column_measure == "saldo":
            if self.saldo_sign is None:
                return None
            saldo = self.saldo_sign * value  # baten - lasten: a storting costs, an onttrekking brings in
            return -saldo if measure == "reserves_storting" else saldo
        if measure in FLOW_MEASURES:
            return self.signs[measure] * value
        if measure == "saldo":
            return None if self.saldo_sign is None else self.saldo_sign * value
        return None

    # -- short rows ------------------------------------------------------------------------------

    def _place_short_rows(self) -> None:
        """Values of rows that print fewer values than columns, placed where the row's own saldo and
        the printed totals leave exactly one way; otherwise reported as ambiguous."""
        short = [r for r, row in enumerate(self.grid.rows) if not row.aligned and not row.is_cut]
        if not short:
            return
        blocks = self._blocks()
        decided: set[int] = set()
        for members, total in blocks:
            unplaced = [r for r in [*members, total] if r in short]
            if not unplaced:
                continue
            solutions = []
            if total not in unplaced and all(comb(len(self.columns), len(self._values(r))) <= _MAX_PLACEMENTS for r in unplaced[:-1]):
                # every short row but the last tried in turn; the last one fits what the total leaves
                options = [self._row_options(r) for r in unplaced[:-1]]
                if prod(len(o) for o in options) <= _MAX_PLACEMENTS:
                    for choice in product(*options):
                        chosen = dict(zip(unplaced[:-1], choice))
                        for fit in self._fit_one_row(members, total, unplaced[-1], chosen):
                            solutions.append({**chosen, **fit})
                        if len(solutions) > 1:
                            break
                else:
                    solutions = [None, None]  # too many ways to try: ambiguous, not guessed
            elif all(comb(len(self.columns), len(self._values(r))) <= _MAX_PLACEMENTS for r in unplaced):
                options = [self._row_options(r) for r in unplaced]
                if prod(len(o) for o in options) <= _MAX_PLACEMENTS:
                    self._search(members, total, unplaced, options, 0, {}, solutions)
                else:
                    solutions = [None, None]  # too many ways to try: ambiguous, not guessed
            else:
                solutions = [None, None]
            if not solutions:
                self.checks.append(Check("placement", self.grid.name, self.rows[total].category or f"line {self.grid.rows[total].line}",
                                         None, None, Decimal(0), "failed",
                                         f"no placement of the values of lines {', '.join(str(self.grid.rows[r].line) for r in unplaced)} "
                                         f"lets the total on line {self.grid.rows[total].line} add up"))
                if len(unplaced) == 1 and unplaced[0] != total:
                    self._withhold_columns_no_value_completes(members, total, unplaced[0])
            if len(solutions) == 1:
                for r, cells in solutions[0].items():
                    self.placed[r] = cells
                    decided.add(r)
                    self.checks.append(Check("placement", self.grid.name, self.rows[r].category or f"line {self.grid.rows[r].line}",
                                             None, None, Decimal(0), "passed",
                                             f"line {self.grid.rows[r].line}: the only placement its saldo and the total on line "
                                             f"{self.grid.rows[total].line} allow"))
        for r in short:
            if r in decided:
                continue
            row = self.grid.rows[r]
            for cell in row.cells:
                if cell is not None:
                    self.ambiguous.append(AmbiguousCell(self.grid.name, "?", cell.value * self.scale, cell.line,
                                                        (f"{self.rows[r].category}: {len(row.cells)} values for {len(self.columns)} columns",)))

    def _withhold_columns_no_value_completes(self, members: list[int], total: int, short: int) -> None:
        """A column whose total leaves a remainder that no value of the short row fills (nor nil) does not
        add up whatever the placement: a misread or shifted column. Its cells in the block are not stored."""
        tolerance = self.tolerance * max(1, (len(members) + 1) // 2)
        values = self._values(short)
        total_cells = self.grid.rows[total].cells
        for c in range(len(self.columns)):
            if not self.grid.rows[total].aligned or total_cells[c] is None:
                continue
            added = self._column_sum([q for q in members if q != short], c, {})
            remainder = total_cells[c].value - added
            if abs(remainder) > tolerance and not any(abs(remainder - cell.value) <= tolerance for cell in values):
                self.withheld.update((q, c) for q in members)
                self.checks.append(Check("table_total", self.grid.name,
                                         f"{self.rows[total].category} ({' / '.join(self.grid.columns[c].path)})",
                                         total_cells[c].value * self.scale, added * self.scale, tolerance * self.scale, "failed",
                                         f"line {total_cells[c].line}: no value of line {self.grid.rows[short].line} "
                                         f"completes this column's total"))

    def _values(self, r: int) -> list[Cell]:
        return [cell for cell in self.grid.rows[r].cells if cell is not None]

    def _fit_one_row(self, members: list[int], total: int, r: int, chosen: dict | None = None) -> list[dict]:
        """The placements of one short row that fill exactly what the total leaves after the other rows:
        each value in a column whose remainder it is, every other column's remainder nil."""
        total_cells = self._cells_of(total, {})
        tolerance = self.tolerance * max(1, (len(members) + 1) // 2)
        remainder = []
        for c in range(len(self.columns)):
            added = self._column_sum([q for q in members if q != r], c, chosen or {})
            remainder.append((total_cells[c].value if total_cells[c] is not None else Decimal(0)) - added)
        values = self._values(r)
        found: list[dict] = []

        def place(value_index: int, column: int, cells: list) -> None:
            if len(found) > 1:
                return
            if value_index == len(values):
                if all(abs(remainder[c]) <= tolerance for c in range(column, len(self.columns))) and self._row_adds_up(r, cells):
                    found.append({r: list(cells)})
                return
            for c in range(column, len(self.columns) - (len(values) - value_index) + 1):
                if abs(values[value_index].value - remainder[c]) <= tolerance:
                    cells[c] = values[value_index]
                    place(value_index + 1, c + 1, cells)
                    cells[c] = None
                if abs(remainder[c]) > tolerance:
                    break  # a column left empty must have nothing left over

        place(0, 0, [None] * len(self.columns))
        return found

    def _blocks(self) -> list[tuple[list[int], int]]:
        """Each total row with the line rows above it since the previous total."""
        blocks, members = [], []
        for r, meaning in enumerate(self.rows):
            if self.grid.rows[r].is_cut or r in getattr(self, "leading_totals", ()):
                continue
            if meaning.is_total:
                blocks.append((members, r))
                members = []
            else:
                members.append(r)
        return blocks

    def _row_options(self, r: int) -> list[list[Cell | None]]:
        row = self.grid.rows[r]
        values = [cell for cell in row.cells if cell is not None]
        options = []
        for chosen in combinations(range(len(self.columns)), len(values)):
            cells: list[Cell | None] = [None] * len(self.columns)
            for cell, column in zip(values, chosen):
                cells[column] = cell
            if self.rows[r].is_total or self._row_adds_up(r, cells):
                options.append(cells)
        return options

    def _row_adds_up(self, r: int, cells: list[Cell | None]) -> bool:
        """A row's own lasten, baten and saldo of each column group agree (an empty cell is nil; a
        printed lasten or baten without its saldo does not fit where the table prints saldo)."""
        if self.saldo_sign is None:
            return True
        empty_groups = {}
        for c in range(len(self.columns)):
            meaning = self.columns[c]
            if meaning.measure in ("lasten", "baten", "saldo"):
                key = self.grid.columns[c].path[:-1]
                empty_groups.setdefault(key, {})[meaning.measure] = cells[c]
        for members in empty_groups.values():
            if set(members) != {"lasten", "baten", "saldo"}:
                continue
            values = {m: (cell.value if cell is not None else None) for m, cell in members.items()}
            if all(v is None for v in values.values()):
                continue
            if values["saldo"] is None:
                return False
            lasten = self.signs["lasten"] * (values["lasten"] or 0)
            baten = self.signs["baten"] * (values["baten"] or 0)
            if abs(self.saldo_sign * values["saldo"] - (baten - lasten)) > self.tolerance * 2:
                return False
        return True

    def _search(self, members, total, unplaced, options, index, chosen, solutions) -> None:
        if len(solutions) > 1:
            return
        if index == len(unplaced):
            if self._block_adds_up(members, total, chosen):
                solutions.append(dict(chosen))
            return
        for cells in options[index]:
            chosen[unplaced[index]] = cells
            self._search(members, total, unplaced, options, index + 1, chosen, solutions)
            if len(solutions) > 1:
                break
        chosen.pop(unplaced[index], None)

    def _cells_of(self, r: int, chosen: dict) -> list[Cell | None]:
        return chosen.get(r) if r in chosen else self.grid.rows[r].cells

    def _column_sum(self, rows: list[int], c: int, chosen: dict) -> Decimal:
        """Column c added over rows, short rows as `chosen` places them."""
        return sum((cell.value for r in rows if (cell := self._cells_of(r, chosen)[c]) is not None), Decimal(0))

    def _block_adds_up(self, members, total, chosen) -> bool:
        total_cells = self._cells_of(total, chosen)
        tolerance = self.tolerance * max(1, (len(members) + 1) // 2)
        for c in range(len(self.columns)):
            added = self._column_sum(members, c, chosen)
            printed = total_cells[c]
            if printed is None:
                if any(self._cells_of(r, chosen)[c] is not None and self._cells_of(r, chosen)[c].value for r in members):
                    return False
                continue
            if abs(added - printed.value) > tolerance:
                return False
        return True

    # -- facts -----------------------------------------------------------------------------------

    def _emit(self) -> None:
        self.fact_rows: dict[int, int] = {}  # id(fact) -> its grid row
        slots = self._aligned_slots(self.placed)
        self._check_totals(slots)
        lines_with_flows = {(self.rows[s.row].category, s.year, s.scenario) for s in slots
                            if s.measure in ("lasten", "baten") and not self.rows[s.row].is_total and s.scenario}
        realised = {(self.rows[s.row].category, s.year, s.measure) for s in slots if s.scenario == "realisatie"}
        difference_sign = self._difference_direction(slots)
        for slot in slots:
            row = self.rows[slot.row]
            measure = self._flow_measure(slot)
            if slot.kind == "other" or slot.measure == NOT_STORED or (slot.scenario == "afwijking" and (row.category, slot.year, slot.measure) in realised):
                continue  # prognoses, balances, mutations; a difference where the realisatie is stored
            if slot.measure == "saldo" and ((row.category, slot.year, slot.scenario) in lines_with_flows
                                            or self._column(slot).is_reserve_mutations):
                continue  # derived: lasten and baten of this row (or its stortingen and onttrekkingen) are stored
            if slot.column in self.duplicate_columns and self.row_columns is None:
                self._ambiguous(slot, f"two columns are headed alike ({self.columns[slot.column].header})")
                continue
            if (slot.row, slot.column) in self.withheld:
                self._ambiguous(slot, "the printed total of its column does not add up")
                continue
            if self.grid.rows[slot.row].label_missing:
                self._ambiguous(slot, "the row's label is not printed: its programme's first sub-row is missing")
                continue
            if slot.scenario is None or slot.year is None:
                self._ambiguous(slot, "the column's year or scenario is not stated (supply reporting_year and document_kind)")
                continue
            if measure is None:
                self._ambiguous(slot, "neither the row nor the column says lasten or baten")
                continue
            amount = (self._deviation(slot, measure, difference_sign) if slot.scenario == "afwijking"
                      else self._true(measure, slot.cell.value, slot.measure))
            if amount is None:
                self._ambiguous(slot, "the sign convention of this figure is not proven")
                continue
            amount = amount * self.scale
            if row.is_total or slot.column in self.total_columns:
                self.totals.append(ReportedTotal("table_total", self.grid.name, slot.year, slot.scenario, measure, amount,
                                                 slot.cell.line))
            else:
                code = row.taakveld_code
                if code is None and measure in ("lasten", "baten") and not CODE_LABEL.match(row.category):
                    code = taakveld_by_name(row.category, slot.year)  # never a reserve's name ('Overhead')
                self.facts.append(Fact(slot.year, slot.scenario, measure, code, row.category, amount,
                                       slot.cell.line, self.grid.name))
                self.fact_rows[id(self.facts[-1])] = slot.row
        self._refuse_two_values_for_one_cell()
        self._check_line_identities(slots)
        self._check_variance_letters(slots, difference_sign)

    def _refuse_two_values_for_one_cell(self) -> None:
        """Two columns of one row that land in the same cell (year, scenario, measure, category) with
        different values: which one counts cannot be told, so neither is stored."""
        by_cell: dict[tuple, list[Fact]] = {}
        for fact in self.facts:
            by_cell.setdefault((self.fact_rows[id(fact)], fact.fiscal_year, fact.scenario, fact.measure), []).append(fact)
        clashing = {id(f) for facts in by_cell.values() if len({f.amount_eur for f in facts}) > 1 for f in facts}
        for fact in self.facts:
            if id(fact) in clashing:
                self.ambiguous.append(AmbiguousCell(self.grid.name, f"{fact.scenario} {fact.fiscal_year}", fact.amount_eur,
                                                    fact.source_line, (f"{fact.source_category}: two columns give this "
                                                                       f"{fact.measure} of {fact.fiscal_year} different values",)))
        self.facts = [fact for fact in self.facts if id(fact) not in clashing]

    def _check_variance_letters(self, slots: list[_Slot], directions: dict[str, int]) -> None:
        """A printed V or N agrees with the deviation's direction: more cost or less income is N."""
        for slot in slots:
            measure = self._flow_measure(slot)
            if slot.scenario != "afwijking" or not slot.cell.marker or not slot.cell.value or measure is None:
                continue
            base = "lasten" if measure in ("lasten", "reserves_storting") else "baten" if measure in ("baten", "reserves_onttrekking") else "saldo"
            if base not in directions:
                continue
            deviation = self._deviation(slot, measure, directions)
            if deviation is None:
                continue
            expected = "N" if (deviation > 0) == (base == "lasten") else "V"
            self.checks.append(Check("variance_sign", self.grid.name, f"{self.rows[slot.row].category or 'unlabelled'} {slot.year}",
                                     None, slot.cell.value * self.scale, Decimal(0),
                                     "passed" if slot.cell.marker == expected else "failed",
                                     f"line {slot.cell.line}: {slot.cell.marker} printed, the deviation's direction says {expected}"))

    def _check_line_identities(self, slots: list[_Slot]) -> None:
        """Lasten, baten and saldo of each row and column group agree in the table's proven convention."""
        if self.saldo_sign is None:
            return
        for (category, year, _, _), group in self._groups(slots).items():
            if len(group) < 3:
                continue
            baten = self.signs["baten"] * group["baten"].cell.value
            lasten = self.signs["lasten"] * group["lasten"].cell.value
            saldo = self.saldo_sign * group["saldo"].cell.value
            difference = abs(saldo - (baten - lasten))
            status = "passed" if difference == 0 else "within_rounding" if difference <= self.tolerance * 2 else "failed"
            self.checks.append(Check("line_saldo", self.grid.name, f"{category or 'unlabelled'}{f' {year}' if year else ''} "
                                     f"({' / '.join(self.grid.columns[group['saldo'].column].path)})",
                                     saldo * self.scale, (baten - lasten) * self.scale, self.tolerance * 2 * self.scale, status,
                                     f"line {group['saldo'].cell.line}: baten - lasten against the printed saldo"))

    def _ambiguous(self, slot: _Slot, reason: str) -> None:
        if self.rows[slot.row].is_total:
            return
        header = " / ".join(self.grid.columns[slot.column].path)
        self.ambiguous.append(AmbiguousCell(self.grid.name, header, slot.cell.value * self.scale, slot.cell.line,
                                            (f"{self.rows[slot.row].category}: {reason}",)))

    def _difference_direction(self, slots: list[_Slot]) -> dict[str, int]:
        """Per measure: +1 where the printed difference is actual - budget in printed signs, -1 where
        budget - actual, proven on the rows that print all three."""
        by_row: dict[tuple, dict[str, Decimal]] = {}
        for slot in slots:
            key = (slot.row, slot.measure, slot.year)
            if slot.scenario == "afwijking":
                by_row.setdefault(key, {})["difference"] = slot.cell.value
            elif slot.scenario in ("realisatie", "realisatie_tot_heden") or (
                    slot.kind == "other" and re.search(r"prognose|verwacht", self._column(slot).header.lower())):
                by_row.setdefault(key, {}).setdefault("actual", slot.cell.value)
            elif slot.scenario == "begroting_na_wijziging":
                by_row.setdefault(key, {})["budget"] = slot.cell.value
        directions: dict[str, int] = {}
        for measure in ("lasten", "baten", "saldo"):
            fits, tested = {1: 0, -1: 0}, 0
            for (row, m, _), values in by_row.items():
                if m != measure or len(values) < 3 or not values["difference"]:
                    continue
                tested += 1
                for sign in (1, -1):
                    if abs(values["difference"] - sign * (values["actual"] - values["budget"])) <= self.tolerance * 2:
                        fits[sign] += 1
            best = max(fits, key=fits.get)
            # proven by at least two rows, none against, and rows that fit neither way few (a shifted column)
            if fits[best] >= 2 and fits[-best] == 0 and fits[best] >= 0.8 * tested:
                directions[measure] = best
        return directions

    def _deviation(self, slot: _Slot, measure: str, directions: dict[str, int]) -> Decimal | None:
        """actual - budget in the measure's own direction (more cost is a positive lasten deviation)."""
        base = "lasten" if measure in ("lasten", "reserves_storting") else "baten" if measure in ("baten", "reserves_onttrekking") else "saldo"
        value = slot.cell.value
        if base in directions:
            sign = self.signs.get(measure, self.saldo_sign) if base != "saldo" else self.saldo_sign
            if sign is None:
                return None
            return directions[base] * sign * value
        marker = slot.cell.marker
        if marker and value:
            disadvantage = marker == "N"
            magnitude = abs(value)
            if base == "lasten":
                return magnitude if disadvantage else -magnitude
            return -magnitude if disadvantage else magnitude
        return None

    def _check_totals(self, slots: list[_Slot]) -> None:
        """Each printed total against the rows it adds up: the rows since the previous total, else
        the previous total and those rows ('Resultaat' under 'Totaal' and 'Mutaties reserves'), else
        every line row above it (a grand total over subtotals)."""
        previous_totals: list[int] = []
        open_totals: list[int] = []  # totals no later total has added up yet
        for members, total in self._blocks():
            cells = self._cells_placed(total)
            if cells is None or total in self.arithmetic_totals:
                previous_totals.append(total)
                open_totals.append(total)
                continue  # a total found by arithmetic was checked when it was found
            line_rows = [r for r in range(total) if not self.rows[r].is_total and not self.grid.rows[r].is_cut]
            components = [r for r in members if self.row_columns is not None and self.row_columns[r].kind in ("unknown", "other")]
            candidates = [members, previous_totals[-1:] + members if members else [],
                          line_rows if previous_totals else [], open_totals if len(open_totals) >= 2 else [],
                          open_totals[-1:] if not members else [], components]
            candidates = [rows for rows in candidates if rows and all(self._cells_placed(r) is not None for r in rows)]
            outcomes = [(rows, self._total_checks(total, cells, rows)) for rows in candidates]
            if self.rows[total].measure is None:
                flows = {self.rows[t].measure: t for t in previous_totals if self.rows[t].measure in ("lasten", "baten")}
                line_flows = [r for r in members if self.rows[r].measure in ("lasten", "baten")]
                if len(line_flows) == 2 and {self.rows[r].measure for r in line_flows} == {"lasten", "baten"}:
                    flows = {self.rows[r].measure: r for r in line_flows}  # 'Saldo van lasten en baten' under its two rows
                if {"lasten", "baten"} <= flows.keys():
                    outcomes.append(([flows["lasten"], flows["baten"]],
                                     self._net_total_checks(total, cells, flows["lasten"], flows["baten"])))
                if len(self._row_measures(members)) > 1:
                    # a total over Lasten/Baten/Saldo sub-rows: the sum of their saldi, or their flows netted
                    saldo_rows = [r for r in members if self.rows[r].measure == "saldo"]
                    if saldo_rows:
                        outcomes.append((saldo_rows, self._total_checks(total, cells, saldo_rows)))
                    outcomes.append((members, self._net_flows_checks(total, cells, members)))
            previous_totals.append(total)
            if not outcomes:
                open_totals.append(total)
                continue
            passing = next(((rows, checks) for rows, checks in outcomes if all(c.status != "failed" for c in checks)), None)
            if passing is not None:
                self.checks.extend(passing[1])
                open_totals = [t for t in open_totals if t not in passing[0]] + [total]
                continue
            open_totals.append(total)
            if members:
                self.checks.extend(outcomes[0][1])  # the rows right above it do not add up to it
                if len(self._row_measures(members)) <= 1:  # a sum of one measure: its rows are what is wrong
                    self._withhold_failing_columns(members, outcomes[0][1], cells)
            else:
                self.checks.append(Check("table_total", self.grid.name, self.rows[total].category or f"line {self.grid.rows[total].line}",
                                         None, None, Decimal(0), "unverified",
                                         f"line {self.grid.rows[total].line}: no rows above it that it adds up"))

    def _cells_placed(self, r: int) -> list[Cell | None] | None:
        return self.grid.rows[r].cells if self.grid.rows[r].aligned else self.placed.get(r)

    def _total_checks(self, total: int, cells: list[Cell | None], rows: list[int]) -> list[Check]:
        checks = []
        tolerance = self.tolerance * max(1, (len(rows) + 1) // 2)
        for c, printed in enumerate(cells):
            if printed is None:
                continue
            added = self._sum_above(rows, c)
            difference = abs(added - printed.value)
            status = "passed" if difference == 0 else "within_rounding" if difference <= tolerance else "failed"
            subject = f"{self.rows[total].category or 'unlabelled total'} ({' / '.join(self.grid.columns[c].path)})"
            checks.append(Check("table_total", self.grid.name, subject, printed.value * self.scale, added * self.scale,
                                tolerance * self.scale, status, f"line {printed.line}: the {len(rows)} rows it adds up"))
        return checks

    def _row_measures(self, rows: list[int]) -> set:
        return {self.rows[r].measure for r in rows}

    def _net_flows_checks(self, total: int, cells: list[Cell | None], rows: list[int]) -> list[Check]:
        """A total that nets the flows of the rows above it: baten and onttrekkingen in, lasten and
        stortingen out ('Resultaat' under Lasten, Baten, Toevoeging and Onttrekking rows), either way round."""
        checks = []
        tolerance = self.tolerance * max(1, (len(rows) + 1) // 2)
        for c, printed in enumerate(cells):
            if printed is None:
                continue
            net = Decimal(0)
            for r in rows:
                cell = (self._cells_placed(r) or [None] * len(cells))[c]
                measure = self.rows[r].measure or self.columns[c].measure
                if cell is None or measure not in FLOW_MEASURES:
                    continue
                value = self.signs[measure] * cell.value
                net += value if measure in ("baten", "reserves_onttrekking") else -value
            difference = min(abs(printed.value - net), abs(printed.value + net))
            status = "passed" if difference == 0 else "within_rounding" if difference <= tolerance else "failed"
            subject = f"{self.rows[total].category or 'unlabelled total'} ({' / '.join(self.grid.columns[c].path)})"
            checks.append(Check("table_total", self.grid.name, subject, printed.value * self.scale, net * self.scale,
                                tolerance * self.scale, status, f"line {printed.line}: the flows of the {len(rows)} rows above it, netted"))
        return checks

    def _withhold_failing_columns(self, members: list[int], checks: list[Check], cells: list[Cell | None]) -> None:
        """Where a printed total disagrees with its rows by more than rounding, the rows' cells of that column
        are not stored: whether the total has a printing error or a cell was misread or shifted, the text
        cannot tell, and a wrong figure is worse than a missing one. The document is flagged either way."""
        failing = [c for c, printed in enumerate(cells) if printed is not None and any(
            check.status == "failed" and check.detail.startswith(f"line {printed.line}:") and
            check.subject.endswith(f"({' / '.join(self.grid.columns[c].path)})") for check in checks)]
        for r in members:
            for c in failing:
                self.withheld.add((r, c))

    def _net_total_checks(self, total: int, cells: list[Cell | None], lasten: int, baten: int) -> list[Check]:
        """A total under the lasten and baten subtotals that nets them ('Totaal per programma'), printed
        as baten - lasten or as lasten - baten."""
        checks = []
        tolerance = self.tolerance * 2
        for c, printed in enumerate(cells):
            flows = self._cells_placed(lasten)[c], self._cells_placed(baten)[c]
            if printed is None or None in flows:
                continue
            net = self.signs["baten"] * flows[1].value - self.signs["lasten"] * flows[0].value
            difference = min(abs(printed.value - net), abs(printed.value + net))
            status = "passed" if difference == 0 else "within_rounding" if difference <= tolerance else "failed"
            subject = f"{self.rows[total].category or 'unlabelled total'} ({' / '.join(self.grid.columns[c].path)})"
            checks.append(Check("table_total", self.grid.name, subject, printed.value * self.scale,
                                (net if abs(printed.value - net) <= abs(printed.value + net) else -net) * self.scale,
                                tolerance * self.scale, status,
                                f"line {printed.line}: the lasten total (line {self.grid.rows[lasten].line}) netted "
                                f"with the baten total (line {self.grid.rows[baten].line})"))
        return checks


def reconcile(grids: list[Grid], metadata: DocumentMetadata) -> list[GridReconciliation]:
    meanings = [column_meaning(column.path) for grid in grids for column in grid.columns]
    kind, year = reference_kind_and_year(meanings, metadata)
    results = [GridReconciliation(grid, metadata, kind, year) for grid in grids]
    for result in results:
        result.read_conventions()
    undecided = [r for r in results if r.scale is not None and r.saldo_sign is None and r.saldo_majority]
    if undecided:
        negative = sum(r.saldo_majority[0] for r in undecided)
        count = sum(r.saldo_majority[1] for r in undecided)
        for result in undecided:
            result.decide_saldo_by_majority(negative, count)
    for result in results:
        result.place_and_emit()
    return results


def document_kind_and_year(grids: list[Grid], metadata: DocumentMetadata) -> tuple[str | None, int | None]:
    return reference_kind_and_year([column_meaning(column.path) for grid in grids for column in grid.columns], metadata)

