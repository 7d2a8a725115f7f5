"""From what the readers saw to facts: scenario and year per column, measure per row, and the checks
(line saldo, table totals, gauges, V/N signs) that say whether the document adds up."""

from decimal import Decimal

from orchestration.parsing.model import (
    Check,
    Column,
    DocumentMetadata,
    Fact,
    Layout,
    ReportedTotal,
    Row,
    Table,
    UnreadableDocument,
)
from orchestration.parsing.columns import saldo_identities
from orchestration.parsing.readers.common import TAAKVELD_LABEL

_RESERVES_CODE = "0.10"
_SECTION_MEASURE = {
    "Lasten": "lasten",
    "Baten": "baten",
    "Stortingen": "reserves_storting",
    "Onttrekkingen": "reserves_onttrekking",
}
_RESERVES_MEASURE = {"Lasten": "reserves_storting", "Baten": "reserves_onttrekking"}
_GAUGE_MEASURE = {"Uitgaven": "lasten", "Inkomsten": "baten"}
_MAIN_SCENARIO = {
    "begroting": "begroting_primitief",
    "tussentijdse_rapportage": "realisatie_tot_heden",
    "jaarrekening": "realisatie",
}


def kind_and_year_from_layout(tables: list[Table]) -> tuple[str | None, int | None]:
    """A budget shows budget years after every realised year; a report shows realisatie beside the
    amended budget of its own year (whether mid-year or annual the layout does not say)."""
    columns = [column for table in tables for column in table.columns]
    budget_years = [c.year for c in columns if c.role in ("begroting", "plain_year") and c.year]
    earlier_years = [c.year for c in columns if c.role in ("realisatie", "begroting_na_wijziging") and c.year]
    if budget_years and (not earlier_years or min(budget_years) > max(earlier_years)):
        return "begroting", min(budget_years)
    realised = [c.year for c in columns if c.role == "realisatie" and c.year]
    amended = [c.year for c in columns if c.role == "begroting_na_wijziging" and c.year]
    if realised and amended and max(realised) == max(amended):
        return None, max(realised)
    return None, None


def column_scenario(column: Column, metadata: DocumentMetadata, where: str) -> str | None:
    """The scenario of a money column; None for a derived column (saldo, verschil)."""
    kind, year = metadata.document_kind, metadata.reporting_year
    if column.role == "saldo":
        return None
    if column.role == "begroting_na_wijziging":
        return "begroting_na_wijziging"
    if year is None:
        raise UnreadableDocument(f"{where}: the reporting year is not stated; supply reporting_year in the sidecar")
    if column.role == "realisatie":
        if column.year < year:
            return "realisatie"
        if kind in ("tussentijdse_rapportage", "jaarrekening"):
            return "realisatie_tot_heden" if kind == "tussentijdse_rapportage" else "realisatie"
        raise UnreadableDocument(
            f"{where}: whether {column.header!r} is a full year or the year so far depends on the document kind "
            "(tussentijdse_rapportage or jaarrekening), which the text does not say; supply document_kind in the sidecar"
        )
    if column.role == "begroting":
        return "meerjarenraming" if kind == "begroting" and column.year > year else "begroting_primitief"
    if column.role == "plain_year" and kind == "begroting" and column.year >= year:
        return "begroting_primitief" if column.year == year else "meerjarenraming"
    raise UnreadableDocument(f"{where}: cannot tell what column {column.header!r} holds in a {kind or 'document'} of {year}")


def row_measure(row: Row) -> str:
    code = _taakveld_code(row.label)
    if code == _RESERVES_CODE and row.section in _RESERVES_MEASURE:
        return _RESERVES_MEASURE[row.section]
    return _SECTION_MEASURE[row.section]


def _taakveld_code(label: str) -> str | None:
    match = TAAKVELD_LABEL.match(label)
    return match.group("code") if match else None


def _check(name: str, table: str, subject: str, expected, actual, tolerance: Decimal, detail: str = "") -> Check:
    difference = abs(actual - expected)
    status = "passed" if difference == 0 else "within_rounding" if difference <= tolerance else "failed"
    return Check(name, table, subject, expected, actual, tolerance, status, detail)


class Interpretation:
    def __init__(self, metadata: DocumentMetadata):
        self.metadata = metadata
        self.facts: list[Fact] = []
        self.totals: list[ReportedTotal] = []
        self.checks: list[Check] = []

    # --- tables ---------------------------------------------------------------------------------

    def add_table(self, table: Table) -> None:
        scenarios = [column_scenario(column, self.metadata, table.name) for column in table.columns]
        for row in table.rows:
            measure, is_total, code = row_measure(row), row.is_total, _taakveld_code(row.label)
            for position, value in row.cells.items():
                scenario = scenarios[position]
                if value is None or scenario is None:
                    continue
                amount = value * table.scale
                line = row.cell_lines.get(position, row.source_line)
                year = table.columns[position].year
                if is_total:
                    self.totals.append(ReportedTotal("table_total", table.name, year, scenario, measure, amount, line))
                else:
                    self.facts.append(Fact(year, scenario, measure, code, row.label, amount, line, table.name))
        self.checks.extend(table.checks)  # what the reader itself checked, e.g. which evidence placed each cell
        self._check_line_saldo(table)
        self._check_totals(table)

    def _check_line_saldo(self, table: Table) -> None:
        for budget, actual, saldo_index in saldo_identities(table.columns):
            saldo = table.columns[saldo_index]
            for row in table.rows:
                if not all(i in row.cells for i in (budget, actual, saldo_index)) or row.cells[saldo_index] is None:
                    continue
                derived = (row.cells[budget] or 0) - (row.cells[actual] or 0)
                self.checks.append(
                    _check("line_saldo", table.name, f"{row.label} ({saldo.header})",
                           row.cells[saldo_index] * table.scale, derived * table.scale, Decimal(table.scale),
                           f"line {row.source_line}: begroting - realisatie against printed saldo")
                )

    def _check_totals(self, table: Table) -> None:
        has_saldo = any(column.is_derived for column in table.columns)
        for section in dict.fromkeys(row.section for row in table.rows):
            rows = [row for row in table.rows if row.section == section and not row.is_total]
            totals = [row for row in table.rows if row.section == section and row.is_total]
            if not totals:
                # A saldo column checks each line's own figures, never that all lines are there.
                detail = ("no printed total: whether every line is there cannot be checked"
                          + ("; each line's saldo checks its own figures" if has_saldo else
                             ", and no saldo column checks the lines either"))
                self.checks.append(Check("table_total", table.name, section, None, None, Decimal(0), "unverified", detail))
                continue
            for position, column in enumerate(table.columns):
                printed = totals[0].cells.get(position)
                if printed is None:
                    continue
                subject = f"Totaal {section} ({column.header})"
                if any(position not in row.cells for row in rows):
                    self.checks.append(Check("table_total", table.name, subject, printed * table.scale, None,
                                             Decimal(table.scale), "unverified", "some cells of this column are ambiguous"))
                    continue
                added = sum((row.cells[position] or 0 for row in rows), Decimal(0))
                self.checks.append(_check("table_total", table.name, subject, printed * table.scale,
                                          added * table.scale, Decimal(table.scale), f"line {totals[0].source_line}"))

    # --- gauges ---------------------------------------------------------------------------------

    def add_gauges(self, layout: Layout) -> None:
        first: dict[str, tuple] = {}
        for gauge in layout.gauges:
            if gauge.label in first:
                self.checks.append(_check("gauge_repeated", "gauges", gauge.label, first[gauge.label][0],
                                          gauge.amount_eur, Decimal(0), f"line {gauge.source_line}"))
            else:
                first[gauge.label] = (gauge.amount_eur, gauge.source_line)
        if not first:
            return
        kind, year = self.metadata.document_kind, self.metadata.reporting_year
        if kind not in _MAIN_SCENARIO or year is None:
            raise UnreadableDocument("headline gauges: the document kind and year decide which figures they are; supply them in the sidecar")
        scenario = _MAIN_SCENARIO[kind]
        tolerance = Decimal(max((table.scale for table in layout.tables), default=1))
        amounts = {}
        for label, (amount, line) in first.items():
            if label not in _GAUGE_MEASURE:
                continue
            measure = _GAUGE_MEASURE[label]
            amounts[label] = abs(amount)  # some pages print costs negative: lasten are costs, stored positive
            self.totals.append(ReportedTotal("gauge", "gauges", year, scenario, measure, abs(amount), line))
            table_totals = [total for total in self.totals
                            if (total.total_kind, total.fiscal_year, total.scenario, total.measure) == ("table_total", year, scenario, measure)]
            for total in table_totals:
                self.checks.append(_check("gauge_vs_table", total.table_name, f"{label} against Totaal {measure}",
                                          total.amount_eur, abs(amount), tolerance, f"gauge line {line}"))
            if not table_totals:
                self._check_gauge_against_lines(label, abs(amount), line, year, scenario, measure, layout, tolerance)
        if "Saldo" in first and {"Uitgaven", "Inkomsten"} <= amounts.keys():
            self.checks.append(_check("gauge_saldo", "gauges", "Saldo = Inkomsten - Uitgaven", first["Saldo"][0],
                                      amounts["Inkomsten"] - amounts["Uitgaven"], tolerance))

    def _check_gauge_against_lines(self, label, amount, line, year, scenario, measure, layout, tolerance) -> None:
        """Without a table total the headline figure is the only check that no line is missing."""
        section_measures = {measure, _RESERVES_MEASURE["Lasten" if measure == "lasten" else "Baten"]}
        lines = [fact.amount_eur for fact in self.facts
                 if (fact.fiscal_year, fact.scenario) == (year, scenario) and fact.measure in section_measures]
        if not lines:
            return
        if any(table.ambiguous for table in layout.tables):
            self.checks.append(Check("gauge_vs_lines", "gauges", f"{label} against the lines", amount, None, tolerance,
                                     "unverified", "some cells are ambiguous"))
            return
        self.checks.append(_check("gauge_vs_lines", "gauges", f"{label} against the sum of the {measure} lines",
                                  amount, sum(lines, Decimal(0)), tolerance * len(lines), f"gauge line {line}"))

    # --- V/N variance ---------------------------------------------------------------------------

    def add_variance(self, layout: Layout) -> None:
        if not layout.variance:
            return
        year = self.metadata.reporting_year
        if year is None:
            raise UnreadableDocument("variance table: the year it explains is not stated; supply reporting_year in the sidecar")
        table = "Verklaring verschillen"
        subtotals: dict[str, Decimal] = {}
        added: dict[str, Decimal] = {}
        for entry in layout.variance:
            if entry.letter and (entry.letter == "V") != (entry.amount_eur <= 0):
                self.checks.append(Check("variance_sign", table, entry.label or entry.section, None, entry.amount_eur,
                                         Decimal(0), "failed", f"line {entry.source_line}: {entry.letter} with this sign"))
            if entry.section == "Totaal":
                expected = subtotals.get("Lasten", Decimal(0)) + subtotals.get("Baten", Decimal(0))
                self.checks.append(_check("table_total", table, entry.label, entry.amount_eur, expected, Decimal(1),
                                          f"line {entry.source_line}: effect of lasten and baten on the result"))
                continue
            measure = _SECTION_MEASURE[entry.section]
            # The printed value is the effect on the result: as a deviation, lasten keep it, baten negate it.
            deviation = entry.amount_eur if measure == "lasten" else -entry.amount_eur
            if not entry.label:
                subtotals[entry.section] = entry.amount_eur
                self.totals.append(ReportedTotal("table_total", table, year, "afwijking", measure, deviation, entry.source_line))
                self.checks.append(_check("table_total", table, f"Totaal {entry.section}", entry.amount_eur,
                                          added.get(entry.section, Decimal(0)), Decimal(1), f"line {entry.source_line}"))
                continue
            added[entry.section] = added.get(entry.section, Decimal(0)) + entry.amount_eur
            self.facts.append(Fact(year, "afwijking", measure, _taakveld_code(entry.label), entry.label, deviation,
                                   entry.source_line, table))
