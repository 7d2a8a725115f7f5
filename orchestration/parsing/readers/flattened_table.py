"""Flattened web tables: one cell per line (geometry only; meaning is given in reconcile).

Budget sites print a table's cells one after another, each on its own line (often with a blank line
between cells), headers first and then every row as its label followed by its cells:

    Rekening 2017           <- header rows, one cell per line; a group header spans several leaves
    Begroting 2018
    Lasten                  <- leaf headers (N groups x k leaves, or N leaves)
    Baten
    ...
    Programma 0             <- a row: its label, then its cells
    1.104
    340
    ...

What this reader decides: the leaf columns and their header paths, the rows' labels, the headings in
force above a row (a label printed without cells that heads the rows below it), and which printed
value sits in which row and -- when a row prints a value for every column -- in which column.

It never guesses: a row with fewer values than columns is kept unaligned (its values in printed
order, for reconcile to place by arithmetic); a row with more values than columns, a marker without
a value or a header that does not resolve into exactly the data's number of columns makes the table
unreadable: it is skipped (and when no table of the document can be read, UnreadableDocument says
which line stopped it).
"""

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from orchestration.parsing.grid import Cell, Grid, GridColumn, GridRow
from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.numbers import NO_VALUE_MARKS, NotAnAmount, parse_cell

NAME = "flattened_table"
log = logging.getLogger(__name__)

# --- tokens ------------------------------------------------------------------------------------

TEXT, YEAR, VAL, NIL, EMPTY, MARK, MULTI = "text", "year", "val", "nil", "empty", "mark", "multi"

_YEAR = re.compile(r"^(19[89]\d|20[0-6]\d)$")
_YEAR_IN = re.compile(r"(?<![\d.,])(19[89]\d|20[0-6]\d)(?![\d.,]\d)")
_NUMERICISH = re.compile(r"^[-−–]?\d[\d.,]*$")
_CODE_ONLY = re.compile(r"^\d{1,2}(?:\.\d{1,3}[a-z]?)?\.?$")
_CODE3 = re.compile(r"^6\.[78]\d\d$")  # a 2025+ taakveld code (6.711 .. 6.822) also reads as an amount
_LEADING_CODE = re.compile(r"^(?P<code>[A-Z]?\d{1,2}(?:[.\-]\d{1,3}[a-z]?)*)\.?(?:\s*[-–:]\s*|\s+)\S")
_FORMULA = re.compile(r"^\(?[a-z]\)?(?:\s*[=+\-−]\s*\(?[a-z]\)?)*$")
_MARKER_HEADER = re.compile(r"^(?:n|v|nadeel|voordeel)\s*/\s*(?:n|v|nadeel|voordeel)$", re.I)
_CAPTION = re.compile(
    r"(x\s*€|€\s*x|[x*]\s*€?\s*1\.000|x\s*1\s*mln|bedragen\s+(?:x|in)|bedrag\s+x|\bnadeel\b|\bvoordeel\b"
    r"|terug naar navigatie|^ga terug$|^\s*[-+\"']+\s*=|=\s*(?:nadeel|voordeel))",
    re.I,
)
# Words of column headers (scenarios, derived columns, reserve movements); 'strong' ones never head rows.
_STRONG_WORDS = re.compile(
    r"\b(rekening|begroting|begroot|realisatie|gerealiseerd|werkelijk\w*|raming|meerjar\w*|jaarrekening|"
    r"primitief|primair|gewijzigd\w*|wijziging\w*|wijz|verschil\w*|afwijking\w*|stand|toevoeging\w*|"
    r"onttrekking\w*|storting\w*|mutatie\w*|prognose|bijgesteld\w*|voorstel\w*|actueel|verwacht\w*|"
    r"jaarschijf|resultaat|vjn|najaarsnota|voorjaarsnota|rapportage|burap|berap|na)\b",
    re.I,
)
_MEASURE_WORDS = re.compile(r"^(lasten|baten|saldo|totaal|uitgaven|inkomsten|netto|saldi)$", re.I)
_SECTION_WORDS = re.compile(
    r"^(lasten|baten|uitgaven|inkomsten|stortingen|onttrekkingen|baten en lasten|lasten en baten)$", re.I
)
# The BBV overview's heading over its Toevoegingen / Onttrekkingen rows ('Mutaties reserves'): printed
# value-less right above a reserve flow row it is a section heading, not the first line of that row's label.
_RESERVE_HEADING = re.compile(r"^(mutaties?|mutatie in de|mutaties in de|reservemutaties?)( reserves?)?$", re.I)
_RESERVE_FLOW = re.compile(r"^(toevoeging|storting|onttrekking)", re.I)
_TOTAL_WORD = re.compile(r"^totaal$", re.I)
_SUBROW_WORDS = re.compile(
    r"^(lasten|baten|saldo|totaal|uitgaven|inkomsten|stortingen|onttrekkingen|toevoegingen?|"
    r"onttrekking|storting|stand per .*|saldo .*)$",
    re.I,
)
# The label column's own header ('Taakveld', 'Programma'): the corner of the table, not its title.
_CORNER_WORDS = re.compile(
    r"^(?:\(?hoofd\)?\s*taakveld(?:en)?|taakveld(?:en)?|programma(?:'s)?|deelprogramma|omschrijving|onderwerp|product(?:en)?"
    r"|beleidsveld|thema|pijler)$", re.I)
_DERIVED_WORDS = re.compile(r"^(verschil|saldo|afwijking|totaal|wijziging(en)?|mutatie(s)?)$", re.I)
_NAVIGATION = re.compile(r"(x\s*€|€\s*x|[x*]\s*€?\s*1\.000,?-?\s*$|terug naar navigatie|^ga terug$|^terug$)", re.I)
_MAX_LABEL = 300
# A group header such as 'Meerjarenraming' printed once above its years spans the three years after the
# budget year (BBV art. 7); only that span is read, so a lost header line cannot shift the others.
_RAMING_YEARS = 3


@dataclass
class Token:
    kind: str
    text: str
    line: int  # 1-based line of the token's first line
    raw: list[str] = field(default_factory=list)  # the printed lines
    cell: Cell | None = None
    cells: list[Cell] = field(default_factory=list)  # MULTI: the figures of one cell

    @property
    def is_caption(self) -> bool:
        return self.kind == TEXT and bool(_CAPTION.search(self.text))


def _classify(text: str, line: int, raw: list[str]) -> Token:
    stripped = text.strip()
    if stripped.endswith("|"):
        stripped = stripped[:-1].strip()
    if stripped.startswith("|") and not stripped.endswith("|"):
        stripped = stripped[1:].strip()
    if not stripped:
        return Token(EMPTY, "", line, raw)
    if stripped in NO_VALUE_MARKS:
        return Token(NIL, stripped, line, raw)
    if stripped in ("V", "N"):
        return Token(MARK, stripped, line, raw)
    if _YEAR.match(stripped):
        value = parse_cell(stripped)
        return Token(YEAR, stripped, line, raw, cell=Cell(value.value, line, stripped))
    try:
        value = parse_cell(stripped)
    except NotAnAmount:
        value = None
    if value is not None:
        return Token(VAL, stripped, line, raw, cell=Cell(value.value, line, stripped, value.marker))
    parts = stripped.split()
    if len(parts) >= 2:
        cells = []
        for part in parts:
            try:
                part_value = parse_cell(part)
            except NotAnAmount:
                break
            if part_value is None:
                break
            cells.append(Cell(part_value.value, line, part, part_value.marker))
        else:
            return Token(MULTI, stripped, line, raw, cells=cells)
    return Token(TEXT, " ".join(stripped.split()), line, raw)


def _tokens(lines: list[str]) -> list[Token]:
    """Cells as printed: blank-line separated groups of lines, ' |'-terminated cells, or one per line."""
    nonblank = [line for line in lines if line.strip()]
    blank = sum(1 for line in lines if line == "")
    piped = sum(1 for line in nonblank if line.rstrip().endswith("|"))
    leading_pipe = sum(1 for line in nonblank if line.lstrip().startswith("|") and line.strip() != "|")
    tokens: list[Token] = []
    if nonblank and piped >= 0.5 * len(nonblank) and leading_pipe < 0.1 * len(nonblank):
        pending: list[tuple[int, str]] = []

        def flush(pieces: list[tuple[int, str]]) -> None:
            if len(pieces) > 3:  # text before the table: not one cell
                for number, text in pieces:
                    tokens.append(_classify(text, number, [text]))
            elif pieces:
                text = " ".join(piece.strip().rstrip("|").strip() for _, piece in pieces)
                tokens.append(_classify(text, pieces[0][0], [piece for _, piece in pieces]))

        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            pending.append((number, line))
            if line.rstrip().endswith("|"):
                flush(pending)
                pending = []
        flush(pending)
        return tokens
    if nonblank and blank >= 0.3 * len(nonblank):
        group: list[tuple[int, str]] = []

        def close(pieces: list[tuple[int, str]]) -> None:
            if pieces:
                text = " ".join(piece.strip() for _, piece in pieces)
                tokens.append(_classify(text, pieces[0][0], [piece for _, piece in pieces]))

        for number, line in enumerate(lines, start=1):
            if line == "":
                close(group)
                group = []
            elif not line.strip():  # a whitespace-only cell
                close(group)
                group = []
                tokens.append(Token(EMPTY, "", number, [line]))
            else:
                group.append((number, line))
        close(group)
        return tokens
    for number, line in enumerate(lines, start=1):
        if line == "":
            continue
        tokens.append(_classify(line, number, [line]))
    return tokens


# --- token predicates -----------------------------------------------------------------------------


def _has_year(token: Token) -> bool:
    return token.kind == YEAR or bool(_YEAR_IN.search(token.text))


def _is_formula(token: Token) -> bool:
    return token.kind == TEXT and bool(_FORMULA.match(token.text)) and len(token.text) <= 20


def _strong(token: Token) -> bool:
    """Surely a column header: a year, or a scenario word."""
    return token.kind == YEAR or (token.kind == TEXT and (_has_year(token) or bool(_STRONG_WORDS.search(token.text))))


def _header_like(token: Token) -> bool:
    if token.kind == YEAR:
        return True
    if token.kind != TEXT or len(token.text) > 80 or token.text.endswith(":"):
        return False
    if _LEADING_CODE.match(token.text) and not _has_year(token):
        return False
    return _strong(token) or _is_formula(token) or bool(_MEASURE_WORDS.match(token.text)) or bool(
        re.search(r"\b(lasten|baten|saldo|totaal)\b", token.text, re.I)
    )


def _kind(token: Token) -> str:
    if token.kind == YEAR:
        return YEAR
    if _is_formula(token):
        return "formula"
    return TEXT


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _code_of(text: str) -> str | None:
    if _CODE_ONLY.match(text):
        return text.rstrip(".")
    match = _LEADING_CODE.match(text)
    return match.group("code").replace("-", ".") if match else None


# --- header -------------------------------------------------------------------------------------


@dataclass
class _Header:
    columns: list[GridColumn]
    consumed: int  # header tokens used
    first: Token  # top-left header token
    leaves: tuple[str, ...]  # leaf texts (to tell a repeated sub-header)


def _valid_row(level: list[Token], leaf: bool) -> bool:
    if not all(_header_like(token) for token in level):
        return False
    kinds = {_kind(token) for token in level}
    if len(kinds) > 1:
        return False
    texts = [token.text for token in level]
    if any(_SECTION_WORDS.match(text) for text in texts) and not all(_MEASURE_WORDS.match(t) for t in texts):
        return False  # 'Baten' beside 'Begroting 2024': a section heading, not a leaf header
    if kinds == {TEXT}:
        with_year = [_has_year(token) for token in level]
        if any(with_year) and not all(with_year):
            if not all(y or _DERIVED_WORDS.match(t.text) or _strong(t) for y, t in zip(with_year, level)):
                return False
    return True


def _periodic(levels: list[list[Token]], period: int) -> bool:
    width = len(levels[0])
    keys = [tuple(_norm(level[i].text) for level in levels) for i in range(width)]
    return all(keys[i] == keys[i % period] for i in range(width))


def _spans(groups: list[Token], full: list[list[Token]], width: int) -> list[list[int]]:
    """Every way (of the rules) the group headers span the full-width levels below them."""
    count = len(groups)
    found = []
    if count >= 2 and width % count == 0 and width // count >= 2 and _periodic(full, width // count):
        found.append([width // count] * count)
    leaf = full[-1]
    first = _norm(leaf[0].text)
    starts = [i for i, token in enumerate(leaf) if _norm(token.text) == first]
    if count >= 2 and len(starts) == count and starts[0] == 0:
        segments = [leaf[a:b] for a, b in zip(starts, starts[1:] + [width])]
        head = [_norm(t.text) for t in segments[0]]
        if all([_norm(t.text) for t in seg[: len(head)]] == head for seg in segments):
            extra = {_norm(t.text) for seg in segments for t in seg[len(head) :]}
            if not extra & set(head):
                found.append([len(seg) for seg in segments])
    top = full[0]
    multi = [i for i, token in enumerate(groups) if re.search(r"meerjar", token.text, re.I) and not _has_year(token)]
    if (
        count >= 2
        and all(token.kind == YEAR for token in top)
        and len(multi) == 1
        and multi[0] == count - 1
        and width - (count - 1) == _RAMING_YEARS
    ):
        found.append([1] * (count - 1) + [width - (count - 1)])
    unique = []
    for spans in found:
        if spans not in unique:
            unique.append(spans)
    return unique


def _parse_header(tokens: list[Token], width: int, after_caption: frozenset = frozenset()) -> list[_Header]:
    """Every reading of `tokens` (header cells, top to bottom) as exactly `width` leaf columns.
    `after_caption`: ids of tokens printed right below a caption (a unit line ends the text above)."""
    results: list[_Header] = []
    if width < 1:
        return results

    def valid(level: list, leaf: bool) -> bool:  # one header row: no caption between its cells
        return _valid_row(level, leaf) and not any(id(t) in after_caption for t in level[1:] if t is not None)

    def above_ok(rest: list[Token], top: list[Token]) -> bool:
        # the token above the top header row must not read as one more header cell: no scenario
        # word or year, and not a repeat of the top row's texts (a row read from its middle)
        if not rest or not _header_like(rest[-1]):
            return True
        if id(top[0]) in after_caption and len(rest[-1].text.split()) > 3:
            return True  # a title above the unit line ('Overzicht belastingopbrengsten jaarrekening 2023')
        return not _strong(rest[-1]) and _norm(rest[-1].text) not in {_norm(t.text) for t in top}

    # rowspan mix: leaves printed once beside a group ('Meerjarenraming') whose years follow
    years = 0
    while years < len(tokens) and tokens[len(tokens) - 1 - years].kind == YEAR:
        years += 1
    if years >= 2:
        row = width - years + 1
        if row >= 2 and len(tokens) >= years + row:
            top = tokens[len(tokens) - years - row : len(tokens) - years]
            sub = tokens[len(tokens) - years :]
            groups = [i for i, t in enumerate(top) if not _has_year(t)]
            if (
                len(groups) == 1
                and re.search(r"meerjar|raming", top[groups[0]].text, re.I)
                and all(_header_like(t) for t in top)
                and above_ok(tokens[: len(tokens) - years - row], top)
            ):
                columns = []
                for i, token in enumerate(top):
                    if i == groups[0]:
                        columns += [GridColumn((token.text, year.text), year.line) for year in sub]
                    else:
                        columns.append(GridColumn((token.text,), token.line))
                leaves = tuple(column.path[-1] for column in columns)
                results.append(_Header(columns, years + row, top[0], leaves))

    if len(tokens) < width:
        return results
    leaf = tokens[-width:]
    if not valid(leaf, leaf=True):
        return results
    full: list[list[Token | None]] = [leaf]
    rest = tokens[:-width]
    partial = 0  # cells of a row printed under the first columns only (the others spanned from above)
    while len(full) < 3 and len(rest) >= width:
        candidate = rest[-width:]
        if valid(candidate, leaf=False) and _kind(candidate[0]) != _kind(full[0][0]):
            full.insert(0, candidate)
            rest = rest[:-width]
            continue
        for k in range(1, width):
            if len(rest) < k + width:
                break
            part, over = rest[-k:], rest[-k - width : -k]
            if (
                valid(part, leaf=False)
                and valid(over, leaf=False)
                and _kind(over[0]) == YEAR
                and _kind(part[0]) != YEAR
                and _kind(full[0][0]) != YEAR
            ):
                full.insert(0, list(part) + [None] * (width - k))
                full.insert(0, over)
                rest = rest[: -k - width]
                partial = k
                break
        break
    consumed_full = width * (len(full) - (1 if partial else 0)) + partial

    def path_below(i: int) -> tuple[str, ...]:
        return tuple(level[i].text for level in full if level[i] is not None)

    # no group level
    if not partial and above_ok(rest, full[0]):
        columns = [GridColumn(path_below(i), leaf[i].line) for i in range(width)]
        results.append(_Header(columns, consumed_full, full[0][0], tuple(t.text for t in leaf)))
    # one group level (possibly printed over two rows), optionally with the lower row's stub between
    for stub in (0, 1):
        if stub and (not rest or _header_like(rest[-1])):
            continue
        pool = rest[: len(rest) - stub] if stub else rest
        for count in range(2, min(len(pool), width - 1) + 1):
            groups = pool[-count:]
            if not valid(groups, leaf=False):
                continue
            group_rows = [groups]
            above = pool[:-count]
            if len(above) >= count and valid(above[-count:], leaf=False) and _kind(above[-count]) != _kind(groups[0]):
                group_rows.insert(0, above[-count:])
                above = above[:-count]
            if not above_ok(above, group_rows[0]):
                continue
            for spans in _spans(group_rows[-1], [level for level in full if None not in level], width):
                if partial and not (spans[-1] > 1 and sum(spans[:-1]) == partial and all(s == 1 for s in spans[:-1])):
                    continue  # a partial row belongs under the single-column groups, before a multi-year group
                columns = []
                position = 0
                for g, span in enumerate(spans):
                    group_path = tuple(row[g].text for row in group_rows)
                    for i in range(position, position + span):
                        columns.append(GridColumn(group_path + path_below(i), leaf[i].line))
                    position += span
                consumed = consumed_full + count * len(group_rows) + stub
                results.append(_Header(columns, consumed, group_rows[0][0], tuple(t.text for t in leaf)))
    return results


# --- rows -----------------------------------------------------------------------------------------


@dataclass
class _Table:
    header: _Header
    title: str
    context: list[str]
    rows: list[GridRow] = field(default_factory=list)
    level0: str | None = None
    level1: str | None = None
    level2: str | None = None  # a coded heading under an uncoded one ('1.1 - Bestuur' under 'Algemeen bestuur')
    has_short: bool = False
    has_split: bool = False
    failed: str | None = None
    heading_above: str | None = None  # the programme heading printed above the table ('Programma 1 ...')

    @property
    def width(self) -> int:
        return len(self.header.columns)

    def headings(self) -> tuple[str, ...]:
        return tuple(h for h in (self.level0, self.level1, self.level2) if h)


@dataclass
class _Pair:
    gap: list[Token]  # texts (and header years) before a run of values
    run: list[Token]  # values, nil marks, empty cells, V/N markers


def _pairs(tokens: list[Token]) -> list[_Pair]:
    pairs: list[_Pair] = []
    gap: list[Token] = []
    run: list[Token] = []
    for token in tokens:
        if token.kind in (TEXT,):
            if run:
                if _years_only(run):
                    gap.extend(t for t in run if t.kind == YEAR)
                else:
                    pairs.append(_Pair(gap, run))
                    gap = []
                run = []
            gap.append(token)
        else:
            if token.kind == EMPTY and not run:
                continue  # an empty cell beside a label
            run.append(token)
    if run and _years_only(run):
        gap.extend(t for t in run if t.kind == YEAR)
        run = []
    pairs.append(_Pair(gap, run))
    return pairs


def _years_only(run: list[Token]) -> bool:
    years = [t for t in run if t.kind != EMPTY]
    if not years or not all(t.kind == YEAR for t in years):
        return False
    values = [int(t.text) for t in years]
    return max(values) - min(values) <= 10


def _slots(run: list[Token]) -> tuple[list, str | None]:
    """The run's cells in order: Cell, None (printed empty) or a list of Cells (two figures in one cell)."""
    tokens = list(run)
    while tokens and tokens[-1].kind == EMPTY:
        tokens.pop()
    while tokens and tokens[0].kind == EMPTY:
        tokens.pop(0)
    slots: list = []
    for token in tokens:
        if token.kind in (VAL, YEAR):
            slots.append(token.cell)
        elif token.kind in (NIL, EMPTY):
            slots.append(None)
        elif token.kind == MULTI:
            slots.append(list(token.cells))
        elif token.kind == MARK:
            if not slots or not isinstance(slots[-1], Cell) or slots[-1].marker:
                return [], f"marker {token.text!r} on line {token.line} follows no value"
            previous = slots[-1]
            slots[-1] = Cell(previous.value, previous.line, previous.text, token.text)
    return slots, None


def _effective_count(run: list[Token]) -> int:
    slots, _ = _slots(run)
    return len(slots)


def _looks_like_header(gap: list[Token]) -> bool:
    years = sum(1 for t in gap if _has_year(t) and _header_like(t))
    words = sum(1 for t in gap if _header_like(t))
    return years >= 2 or words >= 3


# --- reading ----------------------------------------------------------------------------------------


@dataclass
class _Found:
    header: _Header
    tail: list[Token]  # headings and the first row's label after the header
    pre: list[Token]  # tokens above the header (title, captions)
    captions: list[Token]
    header_tokens: list[Token]  # the header cells as printed, top to bottom


def _find_header(gap: list[Token], widths: list[int], repeat_of: "_Table | None" = None) -> tuple[_Found | None, str]:
    texts = [t for t in gap if t.kind in (TEXT, YEAR)]
    best: list[tuple[int, int, _Found]] = []
    for width in widths:
        for tail in range(1, min(5, len(texts)) + 1):
            tail_tokens = texts[len(texts) - tail :]
            if any(t.kind == YEAR for t in tail_tokens) or any(_is_marker_header(t) for t in tail_tokens):
                continue
            head = texts[: len(texts) - tail]
            usable = [t for t in head if not t.is_caption and not _is_marker_header(t) and t.text]
            after_caption = frozenset(id(b) for a, b in zip(head, head[1:]) if a.is_caption)
            for header in _parse_header(usable, width, after_caption):
                leaf_texts = {_norm(text) for text in header.leaves}
                if any(_norm(t.text) in leaf_texts for t in tail_tokens[:-1]):
                    continue  # a leaf header read as a heading: the header is longer than this reading
                if any(_has_year(t) and _strong(t) for t in tail_tokens):
                    continue  # a header cell ('Werkelijk 2023') read as a row label
                paths = [tuple(_norm(p) for p in column.path) for column in header.columns]
                if len(set(paths)) < len(paths) and not (repeat_of and _same_leaves(header, repeat_of)):
                    continue  # two columns with one header: a level of the header is missing
                top_index = usable.index(header.first)
                head_index = head.index(header.first)
                pre = head[:head_index]
                captions = [t for t in head if t.is_caption]
                found = _Found(header, tail_tokens, pre, captions, usable[top_index:])
                best.append((header.consumed, -tail, found))
        if best:
            break
    if not best:
        line = gap[0].line if gap else 0
        return None, f"header above line {gap[-1].line if gap else 0} (from line {line}) does not resolve into {widths} leaf columns"
    best.sort(key=lambda item: (item[0], item[1]), reverse=True)
    top = [item for item in best if item[0] == best[0][0]]
    paths = {tuple(c.path for c in item[2].header.columns) for item in top}
    if len(paths) > 1:
        # same header size read two ways: the one that leaves fewer tokens as headings, if the other
        # reading has a section word as its last leaf, else ambiguous
        return None, f"header above line {gap[-1].line} reads in {len(paths)} ways"
    return top[0][2], ""


def _is_marker_header(token: Token) -> bool:
    return token.kind == TEXT and bool(_MARKER_HEADER.match(token.text))


def _widths(pairs: list[_Pair], start: int) -> list[int]:
    counts = []
    for index in range(start, len(pairs)):
        if index > start and _looks_like_header(pairs[index].gap):
            break
        count = _effective_count(pairs[index].run)
        if count:
            counts.append(count)
    if not counts:
        return []
    frequency = Counter(counts)
    return sorted(frequency, key=lambda value: (-frequency[value], value))[:4]


def read(lines: list[str]) -> list[Grid]:
    grids, reasons = read_with_reasons(lines)
    if not grids and reasons:
        raise UnreadableDocument(f"{NAME}: {reasons[0]}")
    for reason in reasons:
        log.warning("%s: table skipped: %s", NAME, reason)
    return grids


def read_with_reasons(lines: list[str]) -> tuple[list[Grid], list[str]]:
    tokens = _tokens(lines)
    pairs = _pairs(tokens)
    grids: list[Grid] = []
    reasons: list[str] = []
    table: _Table | None = None
    all_captions = [(t.line, line.strip()) for t in tokens if t.is_caption for line in t.raw if line.strip()]
    label_counts = Counter(_norm(t.text) for pair in pairs for t in pair.gap if t.kind == TEXT)

    headed: list[str | None] = []  # per grid: the heading above its table

    def close() -> None:
        nonlocal table
        if table is None:
            return
        if table.failed:
            reasons.append(table.failed)
        elif table.has_split and table.has_short:
            reasons.append(f"table at line {table.header.first.line}: rows longer than the columns beside short rows")
        elif table.rows:
            headed.append(table.heading_above)
            grids.append(
                Grid(
                    reader=NAME,
                    title=table.title,
                    start_line=table.header.first.line,
                    columns=table.header.columns,
                    rows=table.rows,
                    context=table.context,
                    unit_hint="whole_euros" if _whole_euro_cents(table.rows) else None,
                )
            )
        table = None

    index = 0
    skipping = False
    while index < len(pairs):
        pair = pairs[index]
        gap = [t for t in pair.gap if t.kind in (TEXT, YEAR)]
        starts = table is None and not skipping or _looks_like_header(gap)
        tail = gap
        if starts and gap:
            widths = _widths(pairs, index)
            current = table if table is not None and not table.failed else None
            found, reason = _find_header(gap, widths, current) if widths else (None, "no values below")
            if found is not None and table is not None and not table.failed and _repeats(found, table):
                tail = found.tail
            elif found is not None:
                close()
                skipping = False
                pre_lines = [line.strip() for t in found.pre[-8:] for line in t.raw if line.strip()]
                caption_lines = [line.strip() for t in found.captions for line in t.raw if line.strip()]
                header_texts = [t.text for t in found.header_tokens]
                start = found.header.first.line
                earlier = [text for line, text in all_captions if line < start and text not in pre_lines]
                context = list(dict.fromkeys(earlier)) + [l for l in pre_lines]
                context += [l for l in caption_lines if l not in context]
                context += list(dict.fromkeys(header_texts))
                titles = [t.text for t in found.pre if not t.is_caption and not _CORNER_WORDS.match(t.text.strip())]
                table = _Table(found.header, titles[-1] if titles else "", context, heading_above=_heading_above(found.pre))
                tail = found.tail
            elif _looks_like_header(gap) or table is None:
                if table is not None:
                    close()
                if pair.run and len(gap) >= 1:
                    reasons.append(reason)
                skipping = True
                index += 1
                continue
        if table is None or skipping:
            index += 1
            continue
        if table.failed:
            index += 1
            continue
        next_gap = pairs[index + 1].gap if index + 1 < len(pairs) else None
        last = index == len(pairs) - 1
        closing = last or _looks_like_header([t for t in pairs[index + 1].gap if t.kind in (TEXT, YEAR)])
        if _rows(table, tail, pair.run, next_gap, last, label_counts, closing) == "end":
            close()
            skipping = True
        index += 1
    close()
    _carry_headings_above(grids, headed)
    return grids, reasons


def _heading_above(pre: list[Token]) -> str | None:
    """The nearest line above a table's header that names a part of the document ('Programma 1 Stad en
    bestuur'): not a caption, not the label column's header, not a question ('Wat heeft het gekost?'), not a
    sentence, not a title with a year or a scenario ('Jaarrekening 2023')."""
    for token in reversed(pre):
        text = token.text.strip()
        if token.kind != TEXT or token.is_caption or _CORNER_WORDS.match(text) or text.endswith("?"):
            continue
        if text.endswith((".", ":", ";", ",")) or len(text.split()) > 10 or _strong(token) or _SUBROW_WORDS.match(text):
            return None
        return text
    return None


def _carry_headings_above(grids: list[Grid], headed: list[str | None]) -> None:
    """Several tables of only Lasten/Baten/Saldo rows, each under its own heading ('Programma 1 ...', then
    'Wat heeft het gekost?'): the heading is what the rows are of. Only where every such table has a heading
    and no two share one -- otherwise which rows belong to which heading is not shown."""
    sub_row_tables = [g for g, grid in enumerate(grids)
                      if grid.rows and all(len(row.label_parts) == 1 and _SUBROW_WORDS.match(row.label_parts[0].strip())
                                           and not _TOTAL_WORD.match(row.label_parts[0].strip()) and not row.headings
                                           for row in grid.rows)]
    if len(sub_row_tables) < 2:
        return
    headings = [headed[g] for g in sub_row_tables]
    if any(h is None for h in headings) or len({_norm(h) for h in headings}) != len(headings):
        return
    for g, heading in zip(sub_row_tables, headings):
        for row in grids[g].rows:
            row.headings = (heading,)


def _same_leaves(header: _Header, table: "_Table") -> bool:
    return [_norm(t) for t in header.leaves] == [_norm(c.path[-1]) for c in table.header.columns]


def _repeats(found: _Found, table: _Table) -> bool:
    columns = found.header.columns
    if len(columns) != table.width or any(not t.is_caption for t in found.pre):
        return False
    same_leaves = [_norm(t) for t in found.header.leaves] == [_norm(c.path[-1]) for c in table.header.columns]
    same_paths = [c.path for c in columns] == [c.path for c in table.header.columns]
    only_leaves = all(len(c.path) == 1 for c in columns)
    return same_paths or (same_leaves and only_leaves)


def _whole_euro_cents(rows: list[GridRow]) -> bool:
    texts = [c.text for row in rows for c in row.cells if c is not None]
    return bool(texts) and all(text.endswith(",00") for text in texts)


def _labels(texts: list[Token]) -> list[tuple[tuple[str, ...], int]]:
    """Label cells: a code printed on its own line joins the name after it."""
    items: list[tuple[tuple[str, ...], int]] = []
    i = 0
    while i < len(texts):
        token = texts[i]
        if _CODE_ONLY.match(token.text) and i + 1 < len(texts) and not _CODE_ONLY.match(texts[i + 1].text):
            items.append(((token.text, texts[i + 1].text), token.line))
            i += 2
        else:
            items.append(((token.text,), token.line))
            i += 1
    return items


def _rows(
    table: _Table, texts: list[Token], run: list[Token], next_gap, last: bool, label_counts: Counter, closing: bool
) -> str | None:
    width = table.width
    texts = [t for t in texts if t.kind == TEXT and not _NAVIGATION.search(t.text)]
    formula = [t for t in texts if _is_formula(t)]
    if len(formula) >= 2:
        texts = [t for t in texts if not _is_formula(t)]
    if any(len(t.text) > _MAX_LABEL for t in texts) or any(t.kind == YEAR for t in texts):
        return "end"  # prose (or stray years) after the table: the table is over
    slots, problem = _slots(run)
    if problem:
        table.failed = f"table at line {table.header.first.line}: {problem}"
        return
    # a 2025+ code (6.711) printed on its own line reads as an amount: it is the next row's label
    if (
        slots
        and isinstance(slots[-1], Cell)
        and _CODE3.match(slots[-1].text)
        and next_gap
        and next_gap[0].kind == TEXT
        and not _code_of(next_gap[0].text)
        and (len(slots) == 1 or len(slots) - 1 == width)
    ):
        code = slots.pop()
        next_gap.insert(0, Token(TEXT, code.text, code.line, [code.text]))
    cut_value = False
    if last and not slots and texts and _NUMERICISH.match(texts[-1].text) and table.rows:
        # the document ends inside a value of the previous row
        previous = table.rows[-1]
        if not previous.aligned or len(previous.cells) < width:
            previous.is_cut = True
            texts = texts[:-1]
            cut_value = True
    items = _labels(texts)
    if not items and not slots:
        return
    label_item = items[-1] if (items and (slots or last)) else None
    value_less = items[:-1] if label_item else items
    pending_part: tuple[str, ...] = ()
    for position, (parts, line) in enumerate(value_less):
        after = value_less[position + 1][0] if position + 1 < len(value_less) else (label_item[0] if label_item else None)
        kind = _value_less_kind(parts, after, label_counts, position == len(value_less) - 1 and label_item is not None)
        if kind == "heading0":
            table.level0, table.level1, table.level2 = " ".join(parts), None, None
        elif kind == "heading1" and _code_of(parts[0]) and table.level1 and not _code_of(table.level1):
            table.level2 = " ".join(parts)
        elif kind == "heading1":
            table.level1, table.level2 = " ".join(parts), None
        elif kind == "empty":
            table.rows.append(GridRow(parts, line, [None] * width, True, table.headings()))
        else:  # first line of a two-line label
            pending_part = parts
    if label_item is None:
        return
    parts, line = label_item
    parts = pending_part + parts
    if pending_part:
        line = value_less[-1][1]
    if not slots:
        if last and not cut_value:
            table.rows.append(GridRow(parts, line, [], False, table.headings(), is_cut=True))
        return
    _place(table, parts, line, slots, last, closing)


def _value_less_kind(parts, after, label_counts: Counter, adjacent: bool) -> str:
    text = " ".join(parts)
    after_text = " ".join(after) if after else ""
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", text)
    if _SECTION_WORDS.match(text) or text.endswith(":") or (len(letters) >= 3 and letters.isupper()):
        return "heading0"
    if _RESERVE_HEADING.match(text) and "reserve" in text.lower() and _RESERVE_FLOW.match(after_text):
        return "heading0"
    if after is None:
        return "heading1"
    if _SUBROW_WORDS.match(after_text):
        return "heading1"
    code = _code_of(parts[0]) if parts else None
    after_code = _code_of(after[0]) if after else None
    if code:
        if after_code and after_code.startswith(code + ".") or (after_code and len(code) == 1 and after_code.startswith(code)):
            return "heading1"
        return "empty"
    if after_code:
        return "heading1"
    if label_counts[_norm(after_text)] >= 2:
        return "heading1"
    if adjacent:
        return "label"
    return "heading1"


def _place(table: _Table, parts, line: int, slots: list, last: bool, closing: bool) -> None:
    width = table.width
    headings = table.headings()
    multis = [s for s in slots if isinstance(s, list)]
    if multis:
        sizes = {len(s) for s in multis}
        if len(multis) != len(slots) or len(sizes) != 1 or len(slots) != width:
            table.failed = f"table at line {table.header.first.line}: cells with several figures on line {line} do not line up"
            return
        for k in range(sizes.pop()):
            table.rows.append(GridRow(parts, line, [s[k] for s in slots], True, headings))
        return
    count = len(slots)
    if count == width:
        table.rows.append(GridRow(parts, line, list(slots), True, headings))
    elif count < width:
        values = [s for s in slots if s is not None]
        table.has_short = True
        table.rows.append(GridRow(parts, line, values, False, headings, is_cut=last))
    elif count % width == 0 and not table.has_short and closing:
        # whole unlabelled rows printed after the table's last label (e.g. a 0-row under the totals);
        # inside the table a run this long means a label is missing, which cannot be placed
        table.has_split = True
        for k in range(count // width):
            chunk = list(slots[k * width : (k + 1) * width])
            if k == 0:
                table.rows.append(GridRow(parts, line, chunk, True, headings))
            else:
                first = next((c.line for c in chunk if c is not None), line)
                table.rows.append(GridRow((), first, chunk, True, headings))
    else:
        table.failed = (
            f"table at line {table.header.first.line}: row {' '.join(parts)!r} on line {line} "
            f"has {count} cells for {width} columns"
        )


# --- recognising ----------------------------------------------------------------------------------------


def recognises(lines: list[str]) -> bool:
    nonblank = [line.strip() for line in lines if line.strip()]
    if len(nonblank) < 6:
        return False
    lone, pipe_rows, others = 0, 0, []
    for line in nonblank:
        text = line[:-1].strip() if line.endswith("|") else line
        if line.startswith("|"):
            pipe_rows += 1
        elif text in NO_VALUE_MARKS or _is_amount_cell(text):
            lone += 1
        else:
            others.append(text)
    if not (lone >= 8 and lone >= 0.25 * len(nonblank) and pipe_rows < 0.1 * len(nonblank)):
        return False
    spaced = sum(1 for text in others if len(words := text.split()) >= 3
                 and sum(1 for w in words if _is_amount_cell(w) or w in NO_VALUE_MARKS) >= 2)
    return spaced < lone / 4


_AMOUNT_START = re.compile(r"^\s*[-−–€(]?\s*\d")


def _is_amount_cell(text: str) -> bool:
    if not _AMOUNT_START.match(text):
        return False
    try:
        return parse_cell(text) is not None
    except NotAnAmount:
        return False
