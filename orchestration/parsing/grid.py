"""The one table model every layout family reads into, before any meaning is given to it.

A reader's only job is geometry: which printed texts are column headers (top to bottom, spans
resolved), which are row labels and which values sit in which row and, where the layout shows it,
in which column. What a header means (year, scenario, measure), what a label means (taakveld,
programme, total), the unit, the sign convention and the placement of values whose column the
layout does not show are decided once, for every family, in `orchestration.parsing.reconcile`.

    Rekening 2017 | Begroting 2018          <- GridColumn.path = ("Rekening 2017", "Lasten"), ...
    Lasten | Baten | Saldo | Lasten | ...
    Programma 0 | 1.104 | 340 | 764 | ...    <- GridRow(label="Programma 0", cells=[Cell(1104), ...])
"""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Cell:
    """One printed amount, unit not yet applied, sign as printed (a trailing minus made leading)."""

    value: Decimal
    line: int  # 1-based line in the document
    text: str  # as printed, e.g. '4.977-', '245*', '1,8'
    marker: str = ""  # 'V' or 'N' printed beside the value (voordeel / nadeel)


@dataclass(frozen=True)
class GridColumn:
    """One leaf column: its header texts from the outermost level to the leaf, spans resolved.

    ('Begroting 2019',) -- ('Rekening 2017', 'Lasten') -- ('Meerjarenraming', '2023') -- ('Verschil',)
    A column of V/N markers only is not a GridColumn: its letters go on the cells (Cell.marker)."""

    path: tuple[str, ...]
    line: int  # line of the leaf header text


@dataclass
class GridRow:
    """One printed row. `label_parts` are its label cells left to right ('Programma 1', 'Lasten'),
    empty for an unlabelled row (e.g. a subtotal printed without words)."""

    label_parts: tuple[str, ...]
    line: int  # line of the label, or of the first value when there is no label
    cells: list[Cell | None]  # aligned: one entry per GridColumn (None = printed empty, '-' or blank)
    aligned: bool = True  # False: the layout does not show which columns the values are in; `cells`
    #                       then holds the printed values in order, fewer than the columns
    headings: tuple[str, ...] = ()  # headings in force above the row inside the table, outermost first:
    #                                 ('LASTEN',), ('Bestemmingsreserves', 'Programma 2') ...
    is_cut: bool = False  # the text ends inside this row (a truncated last row): never loaded
    label_missing: bool = False  # a sub-row ('Baten') whose programme label, printed on a sub-row above, is not there

    @property
    def label(self) -> str:
        return " ".join(part for part in self.label_parts if part)


@dataclass
class Grid:
    """One table as a reader saw it."""

    reader: str  # the layout family that read it, e.g. 'pipe_table'
    title: str  # the nearest heading above the table ('Overzicht van baten en lasten')
    start_line: int  # first header line
    columns: list[GridColumn]
    rows: list[GridRow]
    context: list[str] = field(default_factory=list)  # caption and header text: unit ('x € 1.000'), sign words ('+ is nadeel')
    unit_hint: str | None = None  # a unit the reader saw in the values themselves, e.g. 'whole_euros' for ',00' cells

    @property
    def name(self) -> str:
        return f"{self.title or 'table'} (line {self.start_line})"
