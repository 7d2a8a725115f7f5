"""From grids to facts, for every layout family: what each column and row means, the unit, the sign
convention, where a value whose column the layout does not show belongs, and the checks that prove it.

The order of the evidence:
1. words: header words give year and scenario ('Rekening 2021', 'Begroting 2023 na wijziging',
   'Meerjarenraming' over '2024'), leaf headers or sub-rows the measure ('Lasten', 'Baten', 'Saldo',
   'l-2020'), captions the unit ('x € 1.000', 'x € 1 mln') and the sign ('+ is nadeel');
2. arithmetic: lasten, baten and saldo of the same row and column group fix how saldo is printed
   (baten - lasten, lasten - baten, lasten + baten); printed totals check the rows and place values of
   short rows; a printed difference proves which way it is taken;
3. what no table contradicts: lasten and baten are printed with the sign most of their rows carry.
Where no evidence decides, a value is reported as ambiguous, never stored.
"""

import re
import statistics
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import combinations, product
from math import comb, prod

from orchestration.parsing.grid import Cell, Grid, GridRow
from orchestration.parsing.model import AmbiguousCell, Check, DocumentMetadata, Fact, ReportedTotal, UnreadableDocument
from orchestration.parsing.readers.common import measure_word
from orchestration.reference import taakveld_codes_by_year

FLOW_MEASURES = ("lasten", "baten", "reserves_storting", "reserves_onttrekking")
NOT_STORED = "not_stored"  # a row the warehouse has no measure for: balances, provisions
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d])")
_LEAF_MEASURE_YEAR = re.compile(r"^\s*([lb])\s*-\s*((?:19|20)\d\d)\s*$", re.I)

# Column kinds by header words, tried in this order on the header path (lower case).
_BALANCE = re.compile(r"\bstand\b|saldo\s+(?:per\s+)?(?:\d{1,2}[-\s/]\d{1,2}|1\s+januari|31\s+december)|\bboekwaarde\b")
_RESERVE_GROUP = re.compile(r"mutaties?\s+(?:in\s+|van\s+)?(?:de\s+)?reserves?|reserve\s*mutaties?")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\s+[A-Za-z]")  # '0 Bestuur en ondersteuning', '3 Economie'
_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,3})*[a-z]?\s*[-–.:]?\s+\S")
_LEADING_MEASURE = re.compile(r"^(lasten|baten|uitgaven|inkomsten)\b\s*")
_FORMULA_LEAF = re.compile(r"^\(?[a-h]\)?(?:\s*=\s*[a-h\s+\-*/]+)?$")
_COLUMN_KINDS = [
    ("difference", re.compile(r"verschil|afwijking")),
    ("other", re.compile(r"prognose|verwacht|mutatie|b&d|voorstel|\bstand\b|saldo\s+\d{1,2}-\d{1,2}|waarvan|onrechtmatig"
                         r"|nieuw\s+beleid|incidenteel|structureel"
                         r"|(?<!na )(?<!voor )(?<!vóór )(?<!incl\. )(?<!inc\. )\bwijziging(?:en)?\b")),
    ("earlier_estimate", re.compile(r"\boud\b|vorige\s+begroting")),
    ("begroting_na_wijziging", re.compile(r"na\s+(?:\w+\s+)?wijz|gewijzigd|bijgesteld|actueel|actuele|inc\.?l?\.?\s*wijz"
                                          r"|na\s+(?:de\s+)?(?:\d+e\s+)?(?:vjn|burap|berap|voorjaarsnota|najaarsnota|bestuursrapportage|tussenrapportage)")),
    ("begroting_primitief", re.compile(r"primitie|primair|v[oó]{1,2}r\s+wijziging|oorspronkelijk")),
    ("realisatie", re.compile(r"realisatie|rekening|jaarrekening|werkelijk|^r\s?(?:19|20)\d\d")),
    ("meerjarenraming", re.compile(r"meerjaren|raming")),
    ("begroting", re.compile(r"begroting|begroot|\bbgr\b|^b\s?(?:19|20)\d\d")),
]
_SALDO_GROUP = re.compile(r"^\s*saldo\b")
_TOTAL_LABEL = re.compile(
    r"^\s*(?:sub-?\s?totaal|totaal|totalen|saldo\s+(?:van\s+)?(?:de\s+|het\s+)?(?:baten|lasten|rekening|exploitatie|programma|na\s+bestemming|voor\s+bestemming|totaal)|resultaat|geraamd\s+resultaat"
    r"|(?:geraamde?|gerealiseerde?|begrote?|werkelijke?)\s+(?:resultaat|saldo|baten\s+en\s+lasten|lasten\s+en\s+baten)"
    r"|saldo\s*$|generaal)", re.I)
_CODE_LABEL = re.compile(r"^\s*(?P<code>\d{1,2}\.\d{1,3}[a-z]?)(?:\s*[-–:.]?\s+(?P<name>.*))?$")
_STORTING_LABEL = re.compile(r"\b(?:storting|toevoeging|dotatie)", re.I)
_RESERVE_MUTATIONS_LABEL = re.compile(r"^\s*(?:reserve\s*mutaties?|mutaties?\s+(?:in\s+|van\s+|op\s+)?(?:de\s+)?reserves?|reserves?)\s*$", re.I)
_ONTTREKKING_LABEL = re.compile(r"\bonttrekking", re.I)
_UNIT_PATTERNS = [
    (re.compile(r"(?:x|\*|in)\s*€?\s*1\s*(?:mln|miljoen)", re.I), 1_000_000),
    (re.compile(r"(?:x|\*|in|schaal)\s*€?\s*1\.000(?![.\d])", re.I), 1000),
    (re.compile(r"duizenden\s+euro|x\s*duizend", re.I), 1000),
    (re.compile(r"(?:x|\*)\s*€\s*1(?![\d.,])", re.I), 1),
]
_PLUS_IS_DISADVANTAGE = re.compile(r"\+\s*(?:=|is)\s*nadeel|negatief\s*(?:=|is)\s*voordeel|-\s*(?:=|is)\s*voordeel", re.I)
_MINUS_IS_DISADVANTAGE = re.compile(r"-\s*(?:=|is)\s*nadeel|negatief\s*(?:=|is)\s*nade(?:el|lig)|\+\s*(?:=|is)\s*voordeel", re.I)
_MAX_PLACEMENTS = 200_000


@dataclass(frozen=True)
class ColumnMeaning:
    header: str
    year: int | None
    kind: str  # realisatie | begroting | begroting_primitief | begroting_na_wijziging | meerjarenraming | difference | other | plain_year | unknown
    measure: str | None
    is_reserve_mutations: bool = False  # under 'Mutatie in de reserves': lasten are stortingen, baten onttrekkingen


def column_meaning(path: tuple[str, ...]) -> ColumnMeaning:
    header = " / ".join(path)
    parts = [" ".join(part.lower().split()) for part in path]
    measure, year = None, None
    if len(parts) > 1 and _FORMULA_LEAF.match(parts[-1]):
        parts = parts[:-1]  # '(a)', 'c=a+b', 'f=c+d-e': a formula letter under the real header
    if parts and _BALANCE.search(" ".join(parts)):
        return ColumnMeaning(header, None, "other", None)  # a balance, not a flow of the year
    reserve_group = [part for part in parts[:-1] if _RESERVE_GROUP.search(part)] if len(path) > 2 else []
    if reserve_group:
        inner = column_meaning(tuple(p for p in path if p.lower() not in {g for g in reserve_group}))
        return ColumnMeaning(header, inner.year, inner.kind, inner.measure, True)
    if parts:
        leaf_year = _LEAF_MEASURE_YEAR.match(parts[-1])
        if leaf_year:
            measure, year = ("lasten" if leaf_year.group(1) == "l" else "baten"), int(leaf_year.group(2))
            parts = parts[:-1]
        elif (word := measure_word(parts[-1])) is not None and len(parts) > 1:
            measure, parts = word, parts[:-1]
    if measure is None:
        for index, part in enumerate(parts):
            leading = _LEADING_MEASURE.match(part)
            rest = part[leading.end():] if leading else ""
            if leading and (_YEAR.search(" ".join(parts)) and any(p.search(rest) for _, p in _COLUMN_KINDS)):
                # 'Lasten begroting 2022 na wijziging', 'Baten realisatie' over '2023'
                measure = "lasten" if leading.group(1) in ("lasten", "uitgaven") else "baten"
                parts = parts[:index] + [part[leading.end():].strip()] + parts[index + 1:]
                break
    years = [int(y) for part in parts for y in _YEAR.findall(part)]
    if year is None and years:
        year = years[-1]
    kind = "unknown"
    if parts and any(_SALDO_GROUP.match(part) for part in parts) and measure_word(parts[0]) is None or (
            parts and _SALDO_GROUP.match(parts[0]) and len(path) > 1 and measure is None):
        kind = "difference"
    else:
        text = " ".join(parts)
        for name, pattern in _COLUMN_KINDS:
            if pattern.search(text):
                kind = name
                break
        else:
            if years and re.fullmatch(r"[\s\d/]*", text):
                kind = "plain_year"
    if measure is None and kind == "unknown":
        measure = measure_word(_YEAR.sub("", " ".join(parts)))  # 'Toevoeging 2023', 'Onttrekkingen'
        if measure in ("reserves_storting", "reserves_onttrekking") and year is not None:
            kind = "plain_year"
    return ColumnMeaning(header, year, kind, measure)


def _reference_year(meanings: list[ColumnMeaning], metadata: DocumentMetadata) -> tuple[str | None, int | None]:
    """The document's kind and year, where the sidecar or the text did not say: a report shows
    realisatie beside a budget of its own year; a budget shows realisatie of N-2 and budgets after it."""
    realised = {m.year for m in meanings if m.kind == "realisatie" and m.year}
    budgets = {m.year for m in meanings if m.kind in ("begroting", "begroting_primitief", "begroting_na_wijziging",
                                                        "meerjarenraming", "plain_year") and m.year}
    amended = {m.year for m in meanings if m.kind in ("begroting_na_wijziging", "begroting_primitief") and m.year}
    kind, year = metadata.document_kind, metadata.reporting_year
    both = realised & amended
    yearless_budgets = any(m.kind in ("begroting_na_wijziging", "begroting_primitief") and m.year is None for m in meanings)
    if (kind is None or year is None) and yearless_budgets and len(realised) == 1 and not both:
        both = realised  # 'Begroting na wijziging' beside 'Rekening 2021': the accounts of 2021
    if kind is None or year is None:
        if both:
            kind = kind or _report_kind(meanings, max(both))
            year = year or max(both)
        elif realised and budgets and min(budgets) > max(realised):
            kind = kind or "begroting"
            year = year or max(realised) + 2
        elif budgets and not realised and kind == "begroting":
            year = year or min(budgets)
        elif budgets and not realised and not amended and kind is None and all(
                m.kind in ("begroting", "meerjarenraming") for m in meanings if m.year):
            kind, year = "begroting", min(budgets)  # only 'Begroting 2023' ... 'Begroting 2026': a budget and its later years
        elif amended and not realised and year is None and all(b <= max(amended) or m_kind == "meerjarenraming"
                                                                for b, m_kind in ((m.year, m.kind) for m in meanings if m.year)):
            year = max(amended)  # 'Begroting 2017 primair / na VJN' beside 'Meerjarenbegroting 2018-2020'
        elif kind in ("jaarrekening", "tussentijdse_rapportage") and year is None:
            flows = {m.year for m in meanings if m.year and m.kind in ("plain_year", "realisatie")}
            year = max(flows) if flows else None  # the accounts' own year is the latest they print
    return kind, year


_SO_FAR = re.compile(r"t/m|tot\s+en\s+met|tot\s+heden|per\s+\d{1,2}[-\s]|eerste\s+(?:half)?jaar|\bhalfjaar|\bq[1-3]\b|kwartaal")
_ACCOUNTS = re.compile(r"\brekening\b|jaarrekening|werkelijk")


def _report_kind(meanings: list[ColumnMeaning], year: int) -> str | None:
    """Accounts or a mid-year report, from the columns where the words are not elsewhere: 'Rekening',
    'Werkelijk' or the BBV accounts' own trio (primitief, na wijziging, realisatie of one year) make
    accounts; 't/m juni', a prognose make a mid-year report; 'Realisatie 2024' beside an amended budget
    alone says neither."""
    headers = [m.header.lower() for m in meanings]
    if any(_SO_FAR.search(h) for h in headers) or any("prognose" in h or "verwacht" in h for h in headers):
        return "tussentijdse_rapportage"
    if any(_ACCOUNTS.search(h) for m, h in zip(meanings, headers) if m.kind == "realisatie" and m.year == year):
        return "jaarrekening"
    kinds = {m.kind for m in meanings if m.year in (year, None)}
    if {"begroting_primitief", "begroting_na_wijziging", "realisatie"} <= kinds:
        return "jaarrekening"
    if any(m.kind == "realisatie" and m.year == year - 1 for m in meanings):
        return "jaarrekening"  # the year's realisatie beside the previous year's: accounts compare years
    return None


def column_scenario(meaning: ColumnMeaning, kind: str | None, year: int | None) -> str | None:
    """The scenario of a column, 'afwijking' for a printed difference, None where no scenario can be given."""
    if meaning.kind == "document_year":
        return {"begroting": "begroting_primitief", "jaarrekening": "realisatie"}.get(kind) if year else None
    if meaning.kind in ("other", "unknown") or meaning.year is None and meaning.kind not in ("difference",):
        if meaning.kind in ("begroting_na_wijziging", "begroting_primitief", "realisatie") and year is not None:
            pass  # a yearless 'Primitieve begroting' in a report means its own year
        else:
            return None
    column_year = meaning.year if meaning.year is not None else year
    if meaning.kind == "difference":
        return "afwijking"
    if meaning.kind == "earlier_estimate":
        return "meerjarenraming"  # 'Begroting 2025 oud': the year as the previous multi-year budget estimated it
    if meaning.kind in ("begroting_na_wijziging", "begroting_primitief"):
        return meaning.kind
    if year is None:
        return None
    if meaning.kind == "realisatie":
        if column_year < year or kind == "jaarrekening":
            return "realisatie"
        return "realisatie_tot_heden" if kind == "tussentijdse_rapportage" and column_year == year else None
    if meaning.kind == "plain_year" and kind in ("jaarrekening", "tussentijdse_rapportage") and column_year <= year:
        return "realisatie" if kind == "jaarrekening" or column_year < year else "realisatie_tot_heden"
    if meaning.kind in ("begroting", "meerjarenraming", "plain_year"):
        if column_year > year:
            return "meerjarenraming"
        if column_year == year:
            return "begroting_primitief" if kind == "begroting" else (
                "begroting_na_wijziging" if meaning.kind == "begroting" else None)
        return "begroting_na_wijziging" if meaning.kind == "begroting" else None
    return None


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowMeaning:
    category: str  # the row's own label (taakveld code and name, programme, ...) as printed
    taakveld_code: str | None
    measure: str | None  # from a sub-row label or a heading ('Lasten'), else None (the column says)
    is_total: bool


@cache
def _official_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for codes in taakveld_codes_by_year().values():
        for code, name in codes.items():
            names.setdefault(code, set()).add(name)
    return names


def _compact(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("ë", "e").replace("é", "e"))


def _names_agree(printed: str, official: str) -> bool:
    """Loose spelling allowed ('Inkomens regelingen', 'Alg. uitkering'), another task not: a shared
    word of six letters or more, or one name inside the other."""
    a, b = _compact(printed), _compact(official)
    if not a:
        return True  # a code printed without a name
    if a in b or b in a:
        return True
    words = lambda text: {w for w in re.findall(r"[a-zë]+", text.lower()) if len(w) >= 6}
    return any(x[:6] == y[:6] for x in words(printed) for y in words(official))


@cache
def _codes_by_official_name() -> dict[tuple[int, str], str | None]:
    """(year, name as compared) -> code, None where two codes of a year share a name."""
    found: dict[tuple[int, str], str | None] = {}
    for year, codes in taakveld_codes_by_year().items():
        for code, name in codes.items():
            key = (year, _name_key(name))
            found[key] = code if key not in found or found[key] == code else None
    return found


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower().replace("ë", "e").replace("é", "e")).split())


def taakveld_by_name(name: str, year: int) -> str | None:
    """The code of a row printed with a name only, where the name is that year's official CBS name (for
    a year after the last published list, as the last list has it)."""
    last = max(taakveld_codes_by_year())
    return _codes_by_official_name().get((min(year, last), _name_key(name)))


def taakveld_of(label: str) -> str | None:
    """The taakveld code a label prints, when the code is official and its name fits; else None."""
    match = _CODE_LABEL.match(label)
    if not match:
        return None
    code = match.group("code")
    official = _official_names().get(code)
    if not official:
        return None
    name = match.group("name") or ""
    return code if any(_names_agree(name, o) for o in official) else None


_SUB_ROW_LETTER = {"L": "lasten", "B": "baten", "S": "saldo"}


def row_meaning(row: GridRow) -> RowMeaning:
    parts = [part for part in row.label_parts if part and part.strip()]
    measure = measure_word(parts[-1]) if parts else None
    if measure is None and len(row.label_parts) >= 2 and row.label_parts[-1].strip() in _SUB_ROW_LETTER:
        measure = _SUB_ROW_LETTER[row.label_parts[-1].strip()]  # 'Programma 1 | L': a sub-row letter in its own cell
    if measure is not None and len(parts) > 1:
        parts = parts[:-1]
    elif measure is not None:
        heading = next((h for h in reversed(row.headings) if measure_word(h) is None), None)
        parts = [heading] if heading else parts
    if measure is None:
        measure = next((measure_word(h) for h in reversed(row.headings) if measure_word(h)), None)
    category = " ".join(" ".join(parts).split())
    if _BALANCE.search(row.label.lower()):
        measure = NOT_STORED  # 'Stand per 1 januari': a balance, not a flow of the year
    elif measure in ("reserves_storting", "reserves_onttrekking") and any(
            "voorziening" in h.lower() and "reserve" not in h.lower() for h in row.headings[-1:]):
        measure = NOT_STORED  # additions to and withdrawals from provisions are not reserve flows
    is_total = not category or bool(_TOTAL_LABEL.match(category))
    code = None if is_total else taakveld_of(category)
    return RowMeaning(category, code, measure, is_total)


# --- the reconciliation -------------------------------------------------------------------------


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


def _budgets_beside_each_other(meanings: list[ColumnMeaning]) -> list[ColumnMeaning]:
    """A plain 'Begroting 2023' beside 'Begroting na wijziging 2023' is the original budget; beside
    'Begroting 2023 primitief' it is the amended one. Of several amended budgets of one year and measure
    ('na 1e berap', 'na 2e berap') the last printed is the budget after all amendments; the others are
    stages on the way, not stored."""
    last_amended = {}
    for position, m in enumerate(meanings):
        if m.kind == "begroting_na_wijziging":
            last_amended[(m.year, m.measure, m.is_reserve_mutations)] = position
    meanings = [ColumnMeaning(m.header, m.year, "other", m.measure, m.is_reserve_mutations)
                if m.kind == "begroting_na_wijziging" and last_amended[(m.year, m.measure, m.is_reserve_mutations)] != position
                else m for position, m in enumerate(meanings)]
    explicit = {(m.kind, m.year) for m in meanings}
    result = []
    for m in meanings:
        if m.kind == "begroting" and ("begroting_na_wijziging", m.year) in explicit and ("begroting_primitief", m.year) not in explicit:
            m = ColumnMeaning(m.header, m.year, "begroting_primitief", m.measure)
        elif m.kind == "begroting" and ("begroting_primitief", m.year) in explicit and ("begroting_na_wijziging", m.year) not in explicit:
            m = ColumnMeaning(m.header, m.year, "begroting_na_wijziging", m.measure)
        result.append(m)
    return result


def _title_measure(title: str) -> str | None:
    """'Lasten', 'Lasten per taakveld': a table of one measure; None where the title names both or neither."""
    title = re.sub(r"\([^)]*\)", " ", title.lower())  # '(bedragen x € 1.000; lasten tussen haakjes)' is a caption
    words = {("lasten" if word in ("lasten", "uitgaven", "kosten") else "baten")
             for word in re.findall(r"(lasten|baten|uitgaven|kosten|inkomsten|opbrengsten)\b", title)}
    if not words and re.search(r"\bsaldo", title):
        return "saldo"  # 'Saldo per programma'
    return words.pop() if len(words) == 1 else None


def scale_of_context(context: list[str]) -> int | None:
    for line in context:
        for pattern, scale in _UNIT_PATTERNS:
            if pattern.search(line):
                return scale
    return None


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
        self.columns = _budgets_beside_each_other([column_meaning(column.path) for column in grid.columns])
        yearless = [m for m in self.columns if m.kind == "unknown" and m.year is None and m.measure]
        if yearless and all(m in yearless or m.kind == "other" for m in self.columns) and self.year and self.kind:
            # Only 'Lasten | Baten | Saldo': the figures of the document's own year and main scenario
            self.columns = [ColumnMeaning(m.header, self.year, "document_year", m.measure) if m in yearless else m
                            for m in self.columns]
            self.checks.append(Check("scenario", grid.name, "columns without a year", None, None, Decimal(0), "unverified",
                                     f"the columns print no year: read as the {self.kind}'s own year {self.year}"))
        self.rows = [row_meaning(row) for row in grid.rows]
        self.row_columns = self._transposed()
        self.title_measure = _title_measure(grid.title)
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
            is_total = meaning.kind == "unknown" and bool(_TOTAL_LABEL.match(row.label))
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
            if len(group) < 3 or self.rows[group["saldo"].row].is_total:
                continue
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

    def _values(self, r: int) -> list[Cell]:
        return [cell for cell in self.grid.rows[r].cells if cell is not None]

    def _fit_one_row(self, members: list[int], total: int, r: int, chosen: dict | None = None) -> list[dict]:
        """The placements of one short row that fill exactly what the total leaves after the other rows:
        each value in a column whose remainder it is, every other column's remainder nil."""
        total_cells = self._cells_of(total, {})
        tolerance = self.tolerance * max(1, (len(members) + 1) // 2)
        remainder = []
        for c in range(len(self.columns)):
            added = sum((self._cells_of(q, chosen or {})[c].value for q in members
                         if q != r and self._cells_of(q, chosen or {})[c] is not None), Decimal(0))
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
        slots = [self._slot(r, c, cell) for c, cell in enumerate(cells) if cell is not None]
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
        del slots
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

    def _block_adds_up(self, members, total, chosen) -> bool:
        total_cells = self._cells_of(total, chosen)
        tolerance = self.tolerance * max(1, (len(members) + 1) // 2)
        for c in range(len(self.columns)):
            added = sum((self._cells_of(r, chosen)[c].value for r in members if self._cells_of(r, chosen)[c] is not None), Decimal(0))
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
                if code is None and not _CODE_LABEL.match(row.category):
                    code = taakveld_by_name(row.category, slot.year)
                self.facts.append(Fact(slot.year, slot.scenario, measure, code, row.category, amount,
                                       slot.cell.line, self.grid.name))
                self.fact_rows[id(self.facts[-1])] = slot.row
        self._refuse_two_values_for_one_cell()
        self._check_totals(slots)
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
            self.checks.append(Check("line_saldo", self.grid.name, f"{category or 'unlabelled'} {year} "
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
            elif slot.scenario in ("realisatie", "realisatie_tot_heden") or slot.kind == "other":
                by_row.setdefault(key, {}).setdefault("actual", slot.cell.value)
            elif slot.scenario == "begroting_na_wijziging":
                by_row.setdefault(key, {})["budget"] = slot.cell.value
        directions: dict[str, int] = {}
        for measure in ("lasten", "baten", "saldo"):
            fits = {1: 0, -1: 0}
            for (row, m, _), values in by_row.items():
                if m != measure or len(values) < 3 or not values["difference"]:
                    continue
                for sign in (1, -1):
                    if abs(values["difference"] - sign * (values["actual"] - values["budget"])) <= self.tolerance * 2:
                        fits[sign] += 1
            best = max(fits, key=fits.get)
            if fits[best] and fits[-best] == 0:
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
    kind, year = _reference_year(meanings, metadata)
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
    return _reference_year([column_meaning(column.path) for grid in grids for column in grid.columns], metadata)


__all__ = ["reconcile", "column_meaning", "row_meaning", "taakveld_of", "GridReconciliation", "UnreadableDocument"]
