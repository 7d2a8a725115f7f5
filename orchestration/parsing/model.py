"""What a reader sees in a document (tables, gauges, variance lines) and what the parser makes of it."""

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

MEASURES = ("lasten", "baten", "reserves_storting", "reserves_onttrekking", "saldo")  # saldo: baten - lasten, only where a table prints no lasten/baten for the row
SCENARIOS = (
    "begroting_primitief",
    "begroting_na_wijziging",
    "realisatie",
    "realisatie_tot_heden",
    "meerjarenraming",
    "afwijking",
)
DOCUMENT_KINDS = ("begroting", "tussentijdse_rapportage", "jaarrekening", "onbekend")


class UnreadableDocument(Exception):
    """The document cannot be read completely; it is quarantined with this reason."""


# --- what a reader sees -------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One money column of a table, as its header says: `Realisatie 2021`, `B2022`, `Saldo 2024`."""

    header: str
    role: str  # realisatie | begroting | begroting_na_wijziging | plain_year | saldo
    year: int | None

    @property
    def is_derived(self) -> bool:
        return self.role == "saldo"


@dataclass
class Row:
    label: str  # as printed, whitespace collapsed
    section: str  # Lasten | Baten | Stortingen | Onttrekkingen
    source_line: int
    cells: dict[int, Decimal | None]  # column index -> printed value (None: empty cell)
    cell_lines: dict[int, int] = field(default_factory=dict)  # column index -> line of that value

    @cached_property
    def is_total(self) -> bool:
        return self.label.lower().startswith("totaal")


@dataclass
class Table:
    name: str  # e.g. "Exploitatie (line 77)"
    columns: list[Column]
    rows: list[Row]
    scale: int  # 1 for whole euros, 1000 for `x € 1.000`
    source_line: int
    ambiguous: list["AmbiguousCell"] = field(default_factory=list)
    checks: list["Check"] = field(default_factory=list)


@dataclass(frozen=True)
class Gauge:
    """A headline figure on a web page: `Uitgaven € 11.574.937`."""

    label: str  # Uitgaven | Inkomsten | Saldo
    amount_eur: Decimal
    source_line: int


@dataclass(frozen=True)
class VarianceLine:
    """One line of a V/N variance table: the effect on the result, N positive, V negative."""

    section: str  # Lasten | Baten | Totaal
    label: str  # empty for a subtotal line
    letter: str  # V | N | ''
    amount_eur: Decimal
    source_line: int


@dataclass
class Layout:
    """Everything one reader found in a document."""

    reader: str
    tables: list[Table] = field(default_factory=list)
    gauges: list[Gauge] = field(default_factory=list)
    variance: list[VarianceLine] = field(default_factory=list)
    grids: list = field(default_factory=list)  # orchestration.parsing.grid.Grid, read by the layout-family readers
    skipped: list[str] = field(default_factory=list)  # tables a reader saw but could not line up, with the reason


# --- what the parser makes of it ----------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    fiscal_year: int
    scenario: str
    measure: str
    taakveld_code: str | None
    source_category: str
    amount_eur: Decimal
    source_line: int
    table_name: str


@dataclass(frozen=True)
class ReportedTotal:
    total_kind: str  # table_total | gauge
    table_name: str
    fiscal_year: int
    scenario: str
    measure: str
    amount_eur: Decimal
    source_line: int


@dataclass(frozen=True)
class Check:
    check_name: str  # line_saldo | table_total | gauge_vs_table | gauge_repeated | gauge_saldo | variance_sign | metadata
    table_name: str
    subject: str
    expected: Decimal | None
    actual: Decimal | None
    tolerance: Decimal
    status: str  # passed | within_rounding | failed
    detail: str = ""

    @property
    def difference(self) -> Decimal | None:
        if self.expected is None or self.actual is None:
            return None
        return self.actual - self.expected


@dataclass(frozen=True)
class AmbiguousCell:
    table_name: str
    column_header: str
    printed_value: Decimal
    source_line: int
    candidates: tuple[str, ...]  # row labels the value may belong to


@dataclass(frozen=True)
class ProgrammeGoal:
    goal_code: str  # `L 2.1`
    goal_title: str
    source_line: int


@dataclass(frozen=True)
class ProgrammeMeasure:
    goal_code: str | None
    measure_code: str  # `M 2.1`
    measure_title: str
    quality_indicator: str | None
    time_indicator: str | None
    money_indicator: str | None
    start_date: str | None  # ISO date
    end_date: str | None
    status: str | None
    source_line: int


@dataclass
class DocumentMetadata:
    municipality_code: str | None = None
    municipality_name: str | None = None
    document_kind: str | None = None
    programme: str | None = None
    reporting_year: int | None = None
    unit: int | None = None  # euros per printed unit (1000 for `x € 1.000`), where the user states it
    origin: dict[str, str] = field(default_factory=dict)  # field -> text | layout | sidecar


@dataclass
class ParsedDocument:
    source_file: str
    checksum: str
    status: str  # ok | quarantined
    reason: str | None
    layout: str | None
    metadata: DocumentMetadata
    text_checksum: str | None = None  # of the decoded text: the same document saved as UTF-16 or cp1252 has the same
    facts: list[Fact] = field(default_factory=list)
    reported_totals: list[ReportedTotal] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    ambiguous: list[AmbiguousCell] = field(default_factory=list)
    goals: list[ProgrammeGoal] = field(default_factory=list)
    measures: list[ProgrammeMeasure] = field(default_factory=list)
    tables: list[tuple[str, str]] = field(default_factory=list)  # (table name, reader that read it), per table read

    @property
    def failed_checks(self) -> list[Check]:
        return [check for check in self.checks if check.status == "failed"]
