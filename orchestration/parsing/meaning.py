"""What a table's words say, before any arithmetic: the year, scenario and measure of a column by its
header path, the taakveld, measure and total-ness of a row by its label, the document's kind and year
from its columns, the unit from its caption. Pure functions of text; orchestration.parsing.reconcile
weighs them against the table's arithmetic."""

import re
from dataclasses import dataclass
from functools import cache

from orchestration.parsing.grid import GridRow
from orchestration.parsing.model import DocumentMetadata
from orchestration.parsing.readers.common import measure_word
from orchestration.reference import taakveld_codes_by_year

NOT_STORED = "not_stored"  # a row the warehouse has no measure for: balances, provisions
YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d])")
_LEAF_MEASURE_YEAR = re.compile(r"^\s*([lb])\s*-\s*((?:19|20)\d\d)\s*$", re.I)

# Column kinds by header words, tried in this order on the header path (lower case).
_BALANCE = re.compile(r"\bstand\b|saldo\s+(?:per\s+)?(?:\d{1,2}[-\s/]\d{1,2}|1\s+januari|31\s+december)|\bboekwaarde\b")
_RESERVE_GROUP = re.compile(r"mutaties?\s+(?:in\s+|van\s+)?(?:de\s+)?reserves?|reserve\s*mutaties?")
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
TOTAL_LABEL = re.compile(
    r"^\s*(?:sub-?\s?totaal|totaal|totalen|saldo\s+(?:van\s+)?(?:de\s+|het\s+)?(?:baten|lasten|rekening|exploitatie|programma|na\s+bestemming|voor\s+bestemming|totaal)|resultaat|geraamd\s+resultaat"
    r"|(?:geraamde?|gerealiseerde?|begrote?|werkelijke?)\s+(?:resultaat|saldo|baten\s+en\s+lasten|lasten\s+en\s+baten)"
    r"|saldo\s*$|generaal)", re.I)
CODE_LABEL = re.compile(r"^\s*(?P<code>\d{1,2}\.\d{1,3}[a-z]?)(?:\s*[-–:.]?\s+(?P<name>.*))?$")
_UNIT_PATTERNS = [
    (re.compile(r"(?:x|\*|in)\s*€?\s*1\s*(?:mln|miljoen)", re.I), 1_000_000),
    (re.compile(r"(?:x|\*|in|schaal)\s*€?\s*1\.000(?!\d|\.\d)", re.I), 1000),  # "x € 1.000." ends a sentence
    (re.compile(r"duizenden\s+euro|x\s*duizend", re.I), 1000),
    (re.compile(r"(?:x|\*)\s*€\s*1(?![\d.,])", re.I), 1),
]


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
            if leading and (YEAR.search(" ".join(parts)) and any(p.search(rest) for _, p in _COLUMN_KINDS)):
                # 'Lasten begroting 2022 na wijziging', 'Baten realisatie' over '2023'
                measure = "lasten" if leading.group(1) in ("lasten", "uitgaven") else "baten"
                parts = parts[:index] + [part[leading.end():].strip()] + parts[index + 1:]
                break
    years = [int(y) for part in parts for y in YEAR.findall(part)]
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
        measure = measure_word(YEAR.sub("", " ".join(parts)))  # 'Toevoeging 2023', 'Onttrekkingen'
        if measure in ("reserves_storting", "reserves_onttrekking") and year is not None:
            kind = "plain_year"
    return ColumnMeaning(header, year, kind, measure)


def reference_kind_and_year(meanings: list[ColumnMeaning], metadata: DocumentMetadata) -> tuple[str | None, int | None]:
    """The document's kind and year, where the sidecar or the text did not say: a report shows
    realisatie beside a budget of its own year; a budget shows realisatie of N-2 and budgets after it."""
    realised = {m.year for m in meanings if m.kind == "realisatie" and m.year}
    budgets = {m.year for m in meanings if m.kind in ("begroting", "begroting_primitief", "begroting_na_wijziging",
                                                        "meerjarenraming", "plain_year") and m.year}
    amended = {m.year for m in meanings if m.kind in ("begroting_na_wijziging", "begroting_primitief") and m.year}
    kind, year = metadata.document_kind, metadata.reporting_year
    if kind is None and not realised and any(_AMENDED_BY_A_REPORT.search(m.header.lower()) for m in meanings):
        kind = "tussentijdse_rapportage"  # 'Begroting 2017 na VJN': the budget as this mid-year report amends it
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


_AMENDED_BY_A_REPORT = re.compile(
    r"na\s+(?:de\s+)?(?:\d+e\s+)?(?:vjn|voorjaarsnota|najaarsnota|berap|burap|bestuursrapportage|tussenrapportage)")


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
    match = CODE_LABEL.match(label)
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
    is_total = not category or bool(TOTAL_LABEL.match(category))
    code = None if is_total else taakveld_of(category)
    return RowMeaning(category, code, measure, is_total)


# --- the reconciliation -------------------------------------------------------------------------


def budgets_beside_each_other(meanings: list[ColumnMeaning]) -> list[ColumnMeaning]:
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


def title_measure(title: str) -> str | None:
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
