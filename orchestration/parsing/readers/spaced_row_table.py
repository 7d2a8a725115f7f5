"""Tables printed one row per line, cells separated by spaces only (budget sites' text, PDF text).

    Programma (in € 1.000) Primitieve begroting Bijgestelde begroting 2021 Realisatie 2021   <- groups
    Baten Lasten Saldo Baten Lasten Saldo Baten Lasten Saldo                                  <- leaves
    1 Burger en Bestuur 329 4.977- 4.649- 329 5.230- 4.900- 739 5.129- 4.390-
    Omschrijving algemene dekkingsmiddelen                                                    <- heading
    Dividend (beleggingen) 46 - 46 66 - 66 66 - 66                                            <- '-' empty
    0.8 Overige baten en lasten -39 -41 519 538 96 187                                        <- short row

Geometry only. Nothing in a spaced line shows where one header cell ends and the next begins, so a
group header line is split where a header word starts a column ('Raming', 'Begroting', 'Realisatie',
'Rekening', 'Verschil', 'Prognose', a year, ...), and the split is kept only when the leaf header line
below agrees with it: groups x leaves per group = leaves, the leaves repeat with the groups, and a year
printed in a leaf agrees with its group's year. A row's values are the amounts at the end of its line;
a row with as many values as there are leaf columns is aligned, a shorter one is not (which columns it
fills only the table's arithmetic can tell: orchestration.parsing.reconcile).

A table whose header is sure but whose rows do not fit it (more values than columns, an amount inside
a label) makes the document unreadable, naming the line: never a shifted column.
"""

import re

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.numbers import NotAnAmount, parse_cell
from orchestration.parsing.readers import web_row_table
from orchestration.parsing.readers.common import PAGE_FOOTER

NAME = "spaced_row_table"

# Words that start a column (group) header: a scenario, a kind of figure, a difference.
_START_WORDS = {
    "raming", "ramingen", "begroting", "begrotingen", "begroot", "begrotingsafwijking", "realisatie",
    "realisaties", "rekening", "jaarrekening", "verschil", "verschillen", "prognose", "afwijking",
    "afwijkingen", "primitieve", "primitief", "bijgestelde", "gewijzigde", "gewijzigd", "oorspronkelijke",
    "actuele", "werkelijk", "werkelijke", "meerjarenraming", "meerjarenramingen", "meerjarenbegroting",
    "saldo", "lasten", "baten", "stand", "mutatie", "mutaties", "toevoeging", "toevoegingen",
    "onttrekking", "onttrekkingen", "storting", "stortingen", "budget", "verwachting", "verwacht",
    "jaarschijf", "bgr", "voorjaarsnota", "najaarsnota", "bestuursrapportage", "wijziging", "wijzigingen",
    "uitgaven", "inkomsten", "totaal",
}
# Words after which a header word continues the column it is in ('Afwijking begroting - prognose').
_CONNECTORS = {"-", "–", "—", "/", "vs", "vs.", "t.o.v.", "tov", "minus", "min", "en", "&", "versus", "of", "-/-", "+", "=",
               "na", "voor", "vóór", "incl.", "inclusief", "inc.", "excl.", "exclusief", "per", "van", "de", "het",
               "t/m", "tot", "uit", "aan", "in", "na:"}
_ORDINAL = re.compile(r"^(\d{1,2}e|eerste|tweede|derde|vierde)$", re.I)  # '1e Bestuursrapportage 2024' 
# A leaf header: what the figures below are, optionally with a year ('Baten', 'l-2020', '2021', 'B2022').
_LEAF_WORDS = {
    "baten", "lasten", "saldo", "l", "b", "s", "uitgaven", "inkomsten", "kosten", "opbrengsten",
    "storting", "stortingen", "onttrekking", "onttrekkingen", "toevoeging", "toevoegingen",
}
_YEAR = r"(?:19[89]\d|20\d\d)"
_YEAR_TOKEN = re.compile(rf"^{_YEAR}$")
_LEAF_YEAR = re.compile(rf"^(?P<kind>[A-Za-z]{{1,3}})?[-‑]?(?P<year>{_YEAR})$")  # 2020, l-2020, B2022, R2020
_COMPACT_COLUMN = re.compile(rf"^[A-Z]{{1,3}}[-‑]?{_YEAR}$")  # R2020, B2022: a column header by itself
_MARKER_HEADERS = {"v/n", "n/v", "(v/n)", "(n/v)", "voordeel/nadeel", "nadeel/voordeel", "v/n*", "n/v*"}
_MARKER_HEADER_TEXT = re.compile(r"\b(?:voordeel\s*/\s*nadeel|nadeel\s*/\s*voordeel)\b", re.I)
# Unit captions printed inside header lines: 'bedragen x € 1.000,-', '(in € 1.000)', 'x € 1 mln'.
_CAPTION = re.compile(
    r"\(?\s*(?:bedragen|bedrag|schaal)?\s*(?:x|\*|in)\s*(?:€\s*)?1(?:\.000)+(?:,-)?\s*\)?"
    r"|\(?\s*(?:bedragen|bedrag)?\s*(?:x|in)\s*€\s*1\s*(?:mln|miljoen)\.?\s*\)?"
    r"|\(?\s*(?:bedragen\s+)?in\s+(?:hele\s+)?euro'?s\s*\)?",
    re.I,
)
_EMPTY_MARKS = {"-", "–", "—", "n.v.t.", "nvt", "n.v.t", "pm", "p.m.", "PM", "P.M."}
_NUMBERING_WORDS = {
    "programma", "taakveld", "hoofdtaakveld", "hoofdstuk", "pijler", "thema", "product", "deelprogramma",
    "beleidsveld", "prog.", "p", "nr.", "nummer", "domein", "opgave", "cluster", "team",
}
_CODE = re.compile(r"^\d{1,2}\.\d{1,3}[a-z]?$")  # a taakveld code: 0.1, 0.61, 6.71a, 6.711
_AGE_SPLIT = re.compile(r"^18[-+−–]$")
_STARTS_WITH_CODE = re.compile(r"^\d{1,2}\.\d{1,3}[a-z]?\s+\S")
_NUMERIC_LOOKING = re.compile(r"^[-−–]?[\d.,]+[-−–]?\*?$")
_SIGN_WORDS = re.compile(r"\b(voordeel|nadeel|voordelig|nadelig)\b|^\s*[-+]\s*(=|is)\b|\bx\s*€|€\s*1\.000|\bmln\b", re.I)
# An amount that is not a year nor a one- or two-digit number ('Programma 4'): two of them make a row.
_AMOUNT_TOKEN = re.compile(r"(?<!\S)[-−–]?(?!(?:19|20)\d\d(?!\S))(?:\d{1,3}(?:\.\d{3})+|\d{3,})(?:,\d+)?-?(?!\S)")
_MAX_HEADINGS_IN_A_ROW = 3
_MAX_HEADING_WORDS = 12
_MAX_GROUP_WORDS = 9
_MAX_PREFIX_WORDS = 5
_CONTEXT_LINES_ABOVE = 6


_ROW_WITH_TWO_AMOUNTS = re.compile(r"\S\s+(?:€\s*)?[-−–]?\d[\d.,]*-?\s+(?:€\s*)?[-−–]?\d[\d.,]*-?(?:\s|$)")


def recognises(lines: list[str]) -> bool:
    lines = _layout_lines(lines)
    if sum(1 for line in lines if "|" not in line and _ROW_WITH_TWO_AMOUNTS.search(line)) < 2:
        return False  # no two lines printing a label and two amounts: no table of this family
    return bool(_tables_once(lines))


def read(lines: list[str]) -> list[Grid]:
    lines = _layout_lines(lines)
    found = _tables_once(lines)
    for item in found:
        if isinstance(item, str):
            raise UnreadableDocument(item)
    return [_read_table(lines, header) for header in found]


# --- header -----------------------------------------------------------------------------------------


class _Header:
    def __init__(self, first: int, last: int, columns: list[GridColumn], prefix: str, markers_after: bool = False):
        self.first, self.last = first, last  # 0-based indexes of the first and last header line
        self.columns = columns
        self.prefix = prefix  # the label column's header ('Programma', '(hoofd)taakvelden'), may be ''
        self.markers_after = markers_after  # a V/N column header printed after the amounts' columns


def _words(text: str) -> list[str]:
    lowered = text.lower()
    if "1.000" in lowered or "1 mln" in lowered or "miljoen" in lowered or "euro" in lowered:
        text = _CAPTION.sub(" ", text)
    if "voordeel" in lowered:
        text = _MARKER_HEADER_TEXT.sub(" ", text)
    return [word for word in text.split() if word.lower() not in _MARKER_HEADERS]


def _is_start_word(word: str) -> bool:
    bare = word.strip("():,;")
    return bool(bare) and bare[0].isupper() and bare.lower() in _START_WORDS


def _has_value_tokens(words: list[str]) -> bool:
    """An amount other than a year: the line is a row, not a header."""
    for word in words:
        if _YEAR_TOKEN.match(word) or _LEAF_YEAR.match(word):
            continue
        if _NUMERIC_LOOKING.match(word) and any(ch.isdigit() for ch in word):
            if re.fullmatch(r"\d{1,2}\.?", word):
                continue  # '4' in 'Programma 4', '1.' in '1. Bedrag'
            return True
    return False


def _groups(text: str) -> tuple[str, list[str]] | None:
    """A one-line header split into its columns by header vocabulary: (label header, groups)."""
    if "|" in text or text.rstrip().endswith((".", ":", ";")) and not text.rstrip().endswith("wijz."):
        return None
    words = _words(text)
    if not words or _has_value_tokens(words):
        return None
    prefix: list[str] = []
    groups: list[list[str]] = []
    for position, word in enumerate(words):
        previous = words[position - 1].lower() if position else ""
        continues = previous in _CONNECTORS or previous.endswith(("/", "-")) or bool(_ORDINAL.match(previous))
        following = words[position + 1] if position + 1 < len(words) else ""
        starts = False
        if not continues:
            if _ORDINAL.match(word) and _is_start_word(following):
                starts = True
            elif _is_start_word(word) or _COMPACT_COLUMN.match(word):
                starts = True
            elif _YEAR_TOKEN.match(word):
                starts = not groups or any(_YEAR_TOKEN.search(w) or _LEAF_YEAR.match(w) for w in groups[-1])
        if starts:
            groups.append([word])
        elif groups:
            groups[-1].append(word)
        else:
            prefix.append(word)
    if not groups or len(prefix) > _MAX_PREFIX_WORDS or any(len(group) > _MAX_GROUP_WORDS for group in groups):
        return None
    if any(_YEAR_TOKEN.match(w) for w in prefix):
        return None
    return " ".join(prefix), [" ".join(group) for group in groups]


def _leaves(text: str, under_groups: bool = False) -> tuple[str, list[str]] | None:
    """A leaf header line: optional label header, then at least two leaf words ('Baten Lasten Saldo');
    bare years only under a group line ('Lasten Baten' over '2020 2021 2020 2021')."""
    if "|" in text:
        return None
    words = _words(text)
    position = len(words)
    while position > 0 and (words[position - 1].lower() in _LEAF_WORDS or _LEAF_YEAR.match(words[position - 1])):
        position -= 1
    leaves, prefix = words[position:], words[:position]
    if len(leaves) < 2 or len(prefix) > _MAX_PREFIX_WORDS or _has_value_tokens(prefix):
        return None
    if not under_groups and all(_LEAF_YEAR.match(leaf) and not _LEAF_YEAR.match(leaf).group("kind") for leaf in leaves):
        return None  # years only: a group line ('2020 2021 2022'), read by _groups
    if prefix and prefix[-1].lower() in _CONNECTORS:
        return None
    return " ".join(prefix), leaves


_MEERJAREN_GROUP = re.compile(r"^meerjaren(?:raming(?:en)?|begroting|perspectief)$", re.I)


def _meerjaren_spread(groups: list[str], leaves: list[str]) -> list[str] | None:
    """'Rekening Begroting Begroting Meerjarenraming' over '2022 2023 2024 2025 2026 2027': every group
    but a last, yearless 'Meerjarenraming' is one column, that one spans the remaining years. Only where
    the leaves are consecutive bare years and the span is the three years a meerjarenraming covers (as the
    one-cell-per-line reader reads it); any other count is left unresolved."""
    if len(groups) < 2 or not _MEERJAREN_GROUP.match(groups[-1].strip()):
        return None
    if any(re.search(_YEAR, group) for group in groups) or any(_MEERJAREN_GROUP.match(g.strip()) for g in groups[:-1]):
        return None
    years = []
    for leaf in leaves:
        match = _LEAF_YEAR.match(leaf)
        if not match or match.group("kind"):
            return None
        years.append(int(match.group("year")))
    span = len(leaves) - (len(groups) - 1)
    if span != 3 or years != list(range(years[0], years[0] + len(years))):
        return None
    return [*groups[:-1], *[groups[-1]] * span]


def _ends_with_marker_header(*texts: str) -> bool:
    """A V/N column header after the last amount column: its letters follow their amounts."""
    for text in texts:
        stripped = text.strip()
        if _MARKER_HEADER_TEXT.search(stripped[-20:]) and re.search(r"(?:voordeel|nadeel)\s*$", stripped, re.I):
            return True
        if stripped.split() and stripped.split()[-1].lower() in _MARKER_HEADERS:
            return True
    return False


def _kind_and_year(leaf: str) -> tuple[str, str | None]:
    match = _LEAF_YEAR.match(leaf)
    if match:
        return (match.group("kind") or "").lower(), match.group("year")
    return leaf.lower(), None


def _header_at(lines: list[str], index: int) -> tuple[_Header | None, str | None]:
    """The header that starts at line `index`, or None; with a reason when the lines are clearly a
    two-level header whose levels do not fit together."""
    text = lines[index].strip()
    if len(_AMOUNT_TOKEN.findall(text)) >= 2:
        return None, None  # a row of amounts, not a header
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    grouped = _groups(text)
    leaves = _leaves(below, under_groups=True) if below and grouped else None
    if grouped and leaves:
        prefix, groups = grouped
        leaf_prefix, leaf_words = leaves
        where = f"line {index + 1}"
        spread = _meerjaren_spread(groups, leaf_words)
        if spread is not None:
            columns = [GridColumn(path=(group, leaf), line=index + 2) for group, leaf in zip(spread, leaf_words)]
            label_header = " ".join(part for part in (prefix, leaf_prefix) if part)
            return _Header(index, index + 1, columns, label_header, _ends_with_marker_header(text, below)), None
        if len(leaf_words) % len(groups):
            return None, (f"{where}: {len(groups)} column groups ({' | '.join(groups)}) over {len(leaf_words)} "
                          f"leaf headers on line {index + 2}: which leaf is under which group cannot be told")
        per_group = len(leaf_words) // len(groups)
        kinds = [_kind_and_year(leaf) for leaf in leaf_words]
        # What repeats per group: the leaf's kind ('Baten', 'l' of 'l-2020'); for bare years the year itself
        # ('Lasten Baten' over '2020 2021 2020 2021'), so that years are never dealt out evenly by guess.
        repeating = [kind if kind else leaf for (kind, _), leaf in zip(kinds, leaf_words)]
        if any(repeating[i] != repeating[i % per_group] for i in range(len(kinds))):
            return None, (f"{where}: the leaf headers on line {index + 2} do not repeat per column group "
                          f"({len(groups)} groups of {per_group})")
        columns = []
        for position, leaf in enumerate(leaf_words):
            group = groups[position // per_group]
            group_years = re.findall(_YEAR, group)
            leaf_year = kinds[position][1]
            if leaf_year and len(group_years) == 1 and group_years[0] != leaf_year:
                return None, (f"{where}: leaf header '{leaf}' on line {index + 2} is not a column of '{group}'")
            columns.append(GridColumn(path=(group, leaf), line=index + 2))
        label_header = " ".join(part for part in (prefix, leaf_prefix) if part)
        return _Header(index, index + 1, columns, label_header, _ends_with_marker_header(text, below)), None
    own_leaves = _leaves(text)
    if own_leaves:
        prefix, leaf_words = own_leaves
        if len(leaf_words) >= 4 and len(leaf_words) % 2 == 0 and all(
                _kind_and_year(word)[1] is None and _YEAR_TOKEN.match(year)
                for word, year in zip(leaf_words[::2], leaf_words[1::2])):
            # 'Lasten 2022 Baten 2022 Saldo 2022': each year printed after its word is that column's year,
            # not a column of its own (the rows print three values, not six)
            return _Header(index, index, [GridColumn(path=(year, word), line=index + 1) for word, year in zip(
                leaf_words[::2], leaf_words[1::2])], prefix, _ends_with_marker_header(text)), None
        return _Header(index, index, [GridColumn(path=(leaf,), line=index + 1) for leaf in leaf_words], prefix,
                       _ends_with_marker_header(text)), None
    if grouped and len(grouped[1]) >= 2:
        prefix, groups = grouped
        return _Header(index, index, [GridColumn(path=(group,), line=index + 1) for group in groups], prefix,
                       _ends_with_marker_header(text)), None
    return None, None


# --- rows -------------------------------------------------------------------------------------------


class _Line:
    """A body line cut into its label and the values printed at its end."""

    def __init__(self, label: list[str], values: list[tuple[str, Cell | None]]):
        self.label = label
        self.values = values


def _tokens(text: str) -> list[str]:
    text = _signs_joined(text.replace("\u00a0", " "))
    words = text.split()
    merged: list[str] = []
    for word in words:
        if merged and merged[-1] == "€":
            merged[-1] = "€ " + word
        else:
            merged.append(word)
    return merged


def _is_value(word: str) -> bool:
    if word in _EMPTY_MARKS:
        return True
    try:
        return parse_cell(word) is not None
    except NotAnAmount:
        return False


def _cut_line(text: str, number: int, table_markers: list[str]) -> _Line:
    """Label words and trailing values (with their V/N markers) of one line; raises on markers whose
    number cannot be told."""
    words = _tokens(text)
    position = len(words)
    while position > 0 and (_is_value(words[position - 1]) or words[position - 1] in ("V", "N")):
        position -= 1
    label, tail = words[:position], words[position:]
    if tail and label and _AGE_SPLIT.match(tail[0]) and label[-1][:1].isalpha():
        label, tail = [*label, tail[0]], tail[1:]  # 'Maatwerkdienstverlening 18-'
    markers = [i for i, word in enumerate(tail) if word in ("V", "N")]
    values: list[tuple[str, Cell | None]] = []
    if markers:
        before = tail[0] in ("V", "N")
        after = tail[-1] in ("V", "N")
        if before and after:
            raise UnreadableDocument(f"line {number}: V/N markers both before and after the amounts: {text.strip()!r}")
        if not before and not after:
            if not table_markers:
                raise UnreadableDocument(f"line {number}: which amount a V/N marker belongs to cannot be told: {text.strip()!r}")
            before = table_markers[0] == "before"
        table_markers[:] = ["before" if before else "after"]
        pending: str | None = None
        sequence = tail if before else list(reversed(tail))
        collected: list[tuple[str, Cell | None]] = []
        for word in sequence:
            if word in ("V", "N"):
                if pending is not None:
                    raise UnreadableDocument(f"line {number}: two V/N markers in a row: {text.strip()!r}")
                pending = word
                continue
            cell = _cell(word, number, pending or "")
            if pending is not None and cell is None:
                raise UnreadableDocument(f"line {number}: a V/N marker beside an empty cell: {text.strip()!r}")
            pending = None
            collected.append((word, cell))
        if pending is not None:
            raise UnreadableDocument(f"line {number}: a V/N marker without an amount: {text.strip()!r}")
        values = collected if before else list(reversed(collected))
    else:
        values = [(word, _cell(word, number, "")) for word in tail]
    return _Line(label, values)


def _cell(word: str, number: int, marker: str) -> Cell | None:
    if word in _EMPTY_MARKS:
        return None
    parsed = parse_cell(word)
    return Cell(parsed.value, number, word, marker or parsed.marker)


def _amount_in_label(label: list[str], position: int) -> bool:
    """A word of a label that is an amount: its columns (and those after it) would be lost. Years, the
    number after 'Programma', a small number between words ('Bijdrage 3 gemeenten') and '18+' are text."""
    word = label[position]
    if re.fullmatch(r"\d{1,2}\)", word):
        return False  # a footnote mark ('Burgerzaken 1)'): an amount is never printed with only a closing bracket
    bare = word.strip("()[]€*%")
    if not bare or not re.fullmatch(r"[-−–+]?[\d.,]*\d[\d.,]*[-−–+]?", bare):
        return False
    if _YEAR_TOKEN.match(bare) or _AGE_SPLIT.match(bare):
        return False
    before = label[position - 1] if position else ""
    after = (label[position + 1] if position + 1 < len(label) else "").rstrip(",;:")  # 'Subtotaal 2 Verkeer, vervoer'
    if re.fullmatch(r"\d{1,3}", word):
        if before.lower().rstrip(":") in _NUMBERING_WORDS:
            return False
        if before[:1].isalpha() and re.fullmatch(r"[^\W\d_]{2,}", after):
            return False
    return True


def _is_label_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}", word)) or bool(_YEAR_TOKEN.match(word))


def _fit(line: _Line, width: int, number: int, text: str) -> _Line:
    """Give back to the label the numbers that belong to it ('Programma 2', 'Realisatie 2019')."""
    label, values = list(line.label), list(line.values)
    while values and label and _is_label_number(values[0][0]) and values[0][1] is not None and not values[0][1].marker:
        numbering = label[-1].lower().rstrip(":") in _NUMBERING_WORDS or (
            _YEAR_TOKEN.match(values[0][0]) and label[-1].lower() in _START_WORDS)  # 'Realisatie 2019'
        if numbering:
            label.append(values.pop(0)[0])
            continue
        break
    if not label and values and len(values) > width and _CODE.match(values[0][0]):
        label.append(values.pop(0)[0])  # a row labelled by a code only: '6.711 12 -4 8'
    if len(values) > width:
        raise UnreadableDocument(
            f"line {number}: {len(values)} amounts for {width} columns: {text.strip()!r}")
    for position, word in enumerate(label):
        if position == 0 and (_CODE.match(word) or re.fullmatch(r"\d{1,3}\.?", word)):
            continue
        if _amount_in_label(label, position):
            raise UnreadableDocument(
                f"line {number}: the amount {word!r} stands inside the row's label; which columns the "
                f"amounts after it are in cannot be told: {text.strip()!r}")
    if not label and values and len(values) < width and _CODE.match(values[0][0]):
        raise UnreadableDocument(f"line {number}: {values[0][0]!r} may be a code or an amount: {text.strip()!r}")
    return _Line(label, values)


# --- tables -----------------------------------------------------------------------------------------


def _is_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_HEADING_WORDS and not text.rstrip().endswith((".", "!", "?")) and "|" not in text


def _owned_by_older_reader(lines: list[str], index: int) -> bool:
    """'Exploitatie ...' tables of the web pages are the web_row_table's."""
    return web_row_table.recognises(lines[index : index + 3])


_last_found: tuple[list[str] | None, list] = (None, [])


def _tables_once(lines: list[str]) -> list:
    """_tables, found once for the recognise-then-read of one document."""
    global _last_found
    if _last_found[0] is not lines:
        _last_found = (lines, _tables(lines))
    return _last_found[1]


def _tables(lines: list[str]) -> list[_Header | str]:
    """The headers of the tables in the text, in order; a reason (str) in place of a table whose header
    is clearly a two-level header with rows below it, but whose levels do not fit together."""
    found: list[_Header | str] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        if _owned_by_older_reader(lines, index):
            while index < len(lines) and lines[index].strip():
                index += 1
            continue
        header, reason = _header_at(lines, index)
        if reason is not None:
            rows, end = _body_rows(lines, _Header(index, index + 1, [], ""))
            if rows >= 2:
                found.append(f"spaced table: {reason}")
                index = end
                continue
        if header is None or len(header.columns) < 2:
            index += 1
            continue
        rows, end = _body_rows(lines, header)
        if rows >= 2:
            found.append(header)
            index = end
        else:
            index += 1
    return found


def _body_start(lines: list[str], header: _Header) -> int:
    """The first line under the header; one blank line between header and rows is allowed."""
    start = header.last + 1
    if start + 1 < len(lines) and not lines[start].strip() and lines[start + 1].strip():
        return start + 1
    return start


_PAGE_NUMBER = re.compile(r"(?:^|\s)(?!(?:19|20)\d\d$)\d{1,4}$")  # a footer's page number: 'Jaarrekening 2023 87', '87'
_PAGE_BREAK_LINES = 3  # non-blank lines (a page footer, a running title) before the header printed again


def _resumes_after_page_break(lines: list[str], header: _Header, index: int) -> int | None:
    """Where the rows continue when the table's own header lines are printed again below a page footer
    (a PDF page break: a line ending in its page number, then the header repeated); None otherwise."""
    own = [lines[i].strip() for i in range(header.first, header.last + 1)]
    seen, probe, footer = 0, index, False
    while probe < len(lines) and seen <= _PAGE_BREAK_LINES:
        text = lines[probe].strip()
        if not text:
            probe += 1
            continue
        if [line.strip() for line in lines[probe : probe + len(own)]] == own:
            if not footer:
                return None  # the same header under a title of its own is another table
            after = probe + len(own)
            return after + 1 if after + 1 < len(lines) and not lines[after].strip() and lines[after + 1].strip() else after
        piped = "|" in text and not (text.rstrip().endswith(tuple("0123456789")) and _PAGE_NUMBER.search(text))
        if piped or len(_AMOUNT_TOKEN.findall(text)) >= 2 or len(text.split()) > _MAX_HEADING_WORDS:
            return None  # a row or prose, not a page footer ('Jaarstukken 2023 | pagina 112' is one)
        if not (PAGE_FOOTER.match(text) or _PAGE_NUMBER.search(text)):
            if not footer:
                return None  # a line without a page number: a title, a heading
            seen += 1  # the next page's running header ('Gemeente Amersfoort') under the footer
            probe += 1
            continue
        footer = True
        seen += 1
        probe += 1
    return None


def _body_rows(lines: list[str], header: _Header) -> tuple[int, int]:
    """How many lines below the header look like rows (a label and values), and where the body ends."""
    count, index = 0, _body_start(lines, header)
    while index < len(lines):
        text = lines[index].strip()
        if count and (resume := _resumes_after_page_break(lines, header, index)) is not None and (
                not text or not _tokens(text) or not _is_value(_tokens(text)[-1])):
            index = resume
            continue
        if not text and (after := _continues_after_blank(lines, index)) is not None:
            index = after
            continue
        if not text or "|" in text:
            break
        words = _tokens(text)
        tail = 0
        while tail < len(words) and (_is_value(words[-1 - tail]) or words[-1 - tail] in ("V", "N")):
            tail += 1
        values = [word for word in words[len(words) - tail :] if word not in ("V", "N")]
        if any(word not in _EMPTY_MARKS for word in values):
            if len(values) >= 2:  # lines of a label and one amount are another layout (label_value_lines)
                count += 1
            index += 1
            continue
        if _header_at(lines, index)[0] is not None or not _is_heading(text):
            break
        index += 1
    return count, index


def _context(lines: list[str], header: _Header, end: int) -> tuple[str, list[str]]:
    above: list[str] = []
    title = ""
    for index in range(header.first - 1, max(-1, header.first - 1 - _CONTEXT_LINES_ABOVE), -1):
        text = lines[index].strip()
        if not text or text.lower().startswith("terug naar navigatie"):
            continue
        if "|" in text or _header_at(lines, index)[0] is not None and index < header.first - 1:
            break
        above.insert(0, text)
        if not title and not _CAPTION.fullmatch(text) and not _SIGN_WORDS.search(text):
            title = text
        elif not title and _CAPTION.search(text):
            named = " ".join(_CAPTION.sub(" ", text).strip(" ,;:-–()").split())
            if named and re.search(r"[^\W\d_]{3,}", named) and not _SIGN_WORDS.search(named):
                title = named  # the unit caption printed on the title's line
    header_text = [lines[index].strip() for index in range(header.first, header.last + 1)]
    below = []
    for index in range(end, min(len(lines), end + 3)):
        text = lines[index].strip()
        if text and _SIGN_WORDS.search(text) and len(text.split()) <= 25:
            below.append(text)
    return title, [*above, *header_text, *below]


def _read_table(lines: list[str], header: _Header) -> Grid:
    width = len(header.columns)
    _, end = _body_rows(lines, header)
    last_text_index = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    rows: list[GridRow] = []
    headings: tuple[str, ...] = ()
    pending: list[tuple[int, str]] = []  # lines without values since the last row: headings, mostly
    markers: list[str] = ["after"] if header.markers_after else []
    edges = _column_edges(lines, range(_body_start(lines, header), end), width)

    def flush(next_label: list[str] | None) -> list[str]:
        """Turn the pending lines into headings or value-less rows; give back label words that
        continue on the next row's line ('0.7 Algemene uitkering en overige' / 'uitkeringen ... 5 32.759')."""
        nonlocal headings, pending
        carried: list[str] = []
        if pending and _STARTS_WITH_CODE.match(pending[-1][1]) and next_label and next_label[0][:1].islower():
            carried = pending.pop()[1].split()
        titles = []
        for number, text in pending:
            if _STARTS_WITH_CODE.match(text):  # a taakveld printed without any amount
                rows.append(GridRow(label_parts=(text,), line=number, cells=[], aligned=False, headings=headings))
            else:
                titles.append(text)
        if titles:
            headings = _headings_after(headings, titles, bool(rows))
        pending = []
        return carried

    index = _body_start(lines, header) - 1
    while index + 1 < end:
        index += 1
        text = lines[index].strip()
        number = index + 1
        if PAGE_FOOTER.match(text):
            continue
        if rows and (resume := _resumes_after_page_break(lines, header, index)) is not None and (
                not text or not _tokens(text) or not _is_value(_tokens(text)[-1])):
            index = resume - 1
            continue
        if not text:
            continue  # a blank line between rows (the body ends at a blank line that does not continue it)
        at_end_of_text = index == last_text_index
        cut = _cut_line(text, number, markers)
        real_values = [value for value in cut.values if value[1] is not None]
        if not real_values and not (cut.label and cut.values):
            if at_end_of_text and rows:  # the text stops inside a row's label: '6.6 Maatwerkvoorz'
                flush(None)
                rows.append(GridRow(label_parts=(text,), line=number, cells=[], aligned=False,
                                    headings=headings, is_cut=True))
                continue
            pending.append((number, text))
            continue
        label_line = pending[-1][0] if pending else number
        carried = flush(cut.label)
        if not carried:
            label_line = number
        fitted = _fit(_Line([*carried, *cut.label], cut.values), width, number, text)
        label = " ".join(fitted.label)
        cells = [cell for _, cell in fitted.values]
        if len(cells) < width and edges and not carried and not markers:
            placed = _placed_by_edges(lines[index], edges)
            if placed is not None and [c for c in placed if c is not None] == [c for c in cells if c is not None]:
                cells = placed
        aligned = len(cells) == width
        rows.append(GridRow(label_parts=(label,) if label else (), line=label_line, cells=cells, aligned=aligned,
                            headings=headings, is_cut=at_end_of_text and not aligned))
    if pending and any(_STARTS_WITH_CODE.match(text) for _, text in pending):
        flush(None)
    valued = [row for row in rows if row.cells and not row.is_cut]
    if valued and not any(row.aligned for row in valued):
        raise UnreadableDocument(
            f"spaced table at line {header.first + 1}: no row prints a value for each of its {width} columns "
            f"({' | '.join(' / '.join(c.path) for c in header.columns)}); which column a value is in cannot be told")
    title, context = _context(lines, header, end)
    if header.prefix:
        context.append(header.prefix)
    return Grid(reader=NAME, title=title, start_line=header.first + 1, columns=header.columns, rows=rows,
                context=context)


_SECTIONS = re.compile(r"^(lasten|baten|stortingen|onttrekkingen|toevoegingen|reserves|mutaties reserves|"
                       r"lasten en baten|baten en lasten)\s*:?$", re.I)


def _headings_after(current: tuple[str, ...], new: list[str], after_rows: bool) -> tuple[str, ...]:
    """Headings in force after heading lines: a Lasten/Baten section stays above the headings printed
    under it; any other heading replaces the headings of the rows before it."""
    if _SECTIONS.match(new[0]):
        return tuple(new)
    if current and _SECTIONS.match(current[0]):
        return (current[0], *new)
    return tuple(new)


# --- pdftotext -layout --------------------------------------------------------------------------------
# PDF text extracted with its layout keeps each column where it was printed: cells are set apart by runs
# of spaces, amounts are right-aligned in their column, and a column's header words may be stacked over
# two or three lines ('Begroting' / '2024 na' / 'wijziging'). Geometry only: where the words stand.

_LAYOUT_GAP = re.compile(r"\S {2,}\S")
_CHUNK = re.compile(r"\S+(?: \S+)*")  # a cell of a layout line: words set apart by single spaces
_LONE_SIGN = re.compile(r"(?<!\S)([-−–]) (?=\d)")
_MAX_STACKED_LINES = 4
_EDGE_TOLERANCE = 1


def _signs_joined(text: str) -> str:
    """'- 1.234' with one space is a negative amount in a line whose cells are set apart by runs of spaces
    (a nil '-' stands alone in its column there); in a line of single spaces '46 - 46' keeps its nil."""
    if "- " in text or "– " in text or "− " in text:
        if _LAYOUT_GAP.search(text.strip()):
            return _LONE_SIGN.sub(r"\1", text)
    return text


def _value_chunks(raw: str) -> list[tuple[int, int, str]] | None:
    """The trailing cells of a layout line that are amounts (or nil marks): (start, end, text); None when the
    line is not a layout line."""
    line = _signs_joined(raw.replace("\u00a0", " ").rstrip())
    if not _LAYOUT_GAP.search(line.strip()):
        return None
    chunks = [(m.start(), m.end(), m.group()) for m in _CHUNK.finditer(line)]
    values = []
    for start, stop, text in reversed(chunks):
        words = text.split()
        if len(words) == 1 and _is_value(words[0]):
            values.insert(0, (start, stop, words[0]))
            continue
        break
    return values


def _column_edges(lines: list[str], indexes, width: int) -> list[int] | None:
    """The right edges of a layout table's value columns: where every row printing all its columns ends
    each amount, the same in at least two rows (within a character)."""
    full = []
    for index in indexes:
        chunks = _value_chunks(lines[index]) if lines[index].strip() else None
        if chunks and len(chunks) == width and len(chunks) >= 2:
            full.append([stop for _, stop, _ in chunks])
    if len(full) < 2:
        return None
    edges = []
    for column in zip(*full):
        if max(column) - min(column) > _EDGE_TOLERANCE:
            return None
        edges.append(max(column))
    if any(b - a <= 2 * _EDGE_TOLERANCE + 1 for a, b in zip(edges, edges[1:])):
        return None
    return edges


def _placed_by_edges(raw: str, edges: list[int]) -> list[Cell | None] | None:
    """A short layout row's cells in the columns where its amounts stand; None where any amount does not end
    on a column's edge."""
    chunks = _value_chunks(raw)
    if not chunks:
        return None
    slots: list[int] = []
    for _, stop, _ in chunks:
        near = [c for c, edge in enumerate(edges) if abs(edge - stop) <= _EDGE_TOLERANCE]
        if len(near) != 1 or (slots and near[0] <= slots[-1]):
            return None
        slots.append(near[0])
    placed: list[Cell | None] = [None] * len(edges)
    number = 0
    for (_, _, word), slot in zip(chunks, slots):
        placed[slot] = _cell(word, number, "")
    return placed


_layout_cache: tuple[list[str] | None, list[str]] = (None, [])


def _layout_lines(lines: list[str]) -> list[str]:
    """The text with every stacked layout header joined into one line (on its last line; the lines above it
    blank, so every line keeps its number); the same list where there is none."""
    global _layout_cache
    if _layout_cache[0] is lines:
        return _layout_cache[1]
    joined = list(lines)
    changed = False
    index = 0
    while index < len(joined):
        block = _stacked_header_above(joined, index)
        if block is not None:
            first, last, text = block
            for i in range(first, last):
                joined[i] = ""
            joined[last] = text
            changed = True
        index += 1
    result = joined if changed else lines
    _layout_cache = (lines, result)
    return result


def _stacked_header_above(lines: list[str], index: int) -> tuple[int, int, str] | None:
    """Where line `index` starts the rows of a layout table under a header stacked over several lines whose
    words stand in the rows' columns: (first, last header line, the joined header); else None. A header line
    whose words span columns (a group over its leaves) is not joined: the two-level header reads it."""
    if len(_AMOUNT_TOKEN.findall(lines[index])) < 2 or _value_chunks(lines[index]) is None:
        return None
    last = index - 1
    if last >= 0 and not lines[last].strip():
        last -= 1
    if last >= 0 and _SECTIONS.match(lines[last].strip()):  # 'Lasten' opening the body under the header
        last -= 1
        if last >= 0 and not lines[last].strip():
            last -= 1
    first = last
    while (first - 1 >= 0 and last - first + 1 < _MAX_STACKED_LINES and lines[first - 1].strip()
           and not _has_value_tokens(_words(lines[first - 1])) and "|" not in lines[first - 1]):
        first -= 1  # a unit caption in the label column ('Bedragen x € 1.000') is no amount
    if last < 0 or first == last or not lines[last].strip() or _has_value_tokens(_words(lines[last])):
        return None
    body = []
    probe = index
    while probe < len(lines) and len(body) < 8:
        if lines[probe].strip():
            if not _is_row_text(lines[probe].strip()):
                if body and not _SECTIONS.match(lines[probe].strip()):
                    break
            else:
                body.append(probe)
        probe += 1
    width = max((len(_value_chunks(lines[i]) or []) for i in body), default=0)
    edges = _column_edges(lines, body, width)
    if edges is None:
        return None
    value_start = min(chunks[0][0] for i in body if (chunks := _value_chunks(lines[i])) and len(chunks) == width)
    label: list[str] = []
    columns: list[list[str]] = [[] for _ in edges]
    for number in range(first, last + 1):
        raw = lines[number].replace("\u00a0", " ").rstrip()
        if not _LAYOUT_GAP.search(raw.strip()) and number == first:
            return None  # a title above the header, not one of its lines
        for match in _CHUNK.finditer(raw):
            start, stop, text = match.start(), match.end(), match.group()
            if stop < value_start:
                label.append(text)
                continue
            slot = next((c for c, edge in enumerate(edges) if stop <= edge + _EDGE_TOLERANCE), None)
            if slot is None or (slot and start <= edges[slot - 1]):
                return None  # beyond the columns, or spanning two of them
            columns[slot].append(text)
        if number == first and sum(1 for words in columns if words) < max(2, len(edges) - 1):
            return None  # the top line names few columns: a group header over its leaves
    if any(not words for words in columns[:-1]):
        return None
    return first, last, "  ".join([" ".join(label) or "", *(" ".join(words) for words in columns if words)]).strip()


_MAX_BLANK_LINES_IN_BODY = 2


def _is_row_text(text: str) -> bool:
    words = _tokens(text)
    tail = 0
    while tail < len(words) and (_is_value(words[-1 - tail]) or words[-1 - tail] in ("V", "N")):
        tail += 1
    values = [word for word in words[len(words) - tail :] if word not in ("V", "N")]
    return len(values) >= 2 and any(word not in _EMPTY_MARKS for word in values) and "|" not in text


def _next_text(lines: list[str], index: int) -> int | None:
    """The next non-blank line after `index` when at most two blank lines stand between."""
    probe = index + 1
    while probe < len(lines) and not lines[probe].strip():
        if probe - index >= _MAX_BLANK_LINES_IN_BODY:
            return None
        probe += 1
    return probe if probe < len(lines) else None


def _continues_after_blank(lines: list[str], index: int) -> int | None:
    """Where a body goes on after the blank line at `index`: at a row, or at a Lasten/Baten section line
    with rows under it (tables printed with a blank line between rows or sections); None: the body ends."""
    following = _next_text(lines, index - 1) if lines[index].strip() == "" else None
    if following is None:
        return None
    text = lines[following].strip()
    if _is_row_text(text):
        return following
    if _SECTIONS.match(text):
        after = _next_text(lines, following)
        if after is not None and _is_row_text(lines[after].strip()):
            return following
    return None
