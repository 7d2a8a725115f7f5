"""Column headers: what year and kind of figure a money column holds."""

import re

from orchestration.parsing.model import Column, UnreadableDocument

_Y = r"(?P<year>(?:19|20)\d\d)"
# Ordered: the first pattern that matches at a position wins, so longer forms come first.
_HEADER_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "begroting_na_wijziging",
        re.compile(
            rf"(?:BGR|Begroting|Begroot)\s*{_Y}\s*(?:na\s+wijziging(?:en)?|na\s+wijz\.?|incl?\.?\s*wijz(?:iging(?:en)?)?\.?|gewijzigd)",
            re.I,
        ),
    ),
    ("begroting_na_wijziging", re.compile(rf"(?:Begroting|Begroot|BGR)\s+na\s+wijziging\s*{_Y}", re.I)),
    ("begroting", re.compile(rf"(?:Primitieve\s+begroting|Begroting\s+primitief)\s*{_Y}", re.I)),
    ("realisatie", re.compile(rf"(?:Realisatie|Rekening|Werkelijk)\s*{_Y}", re.I)),
    ("realisatie", re.compile(rf"R\s?{_Y}\b")),
    ("begroting", re.compile(rf"(?:Begroting|Begroot|BGR)\s*{_Y}", re.I)),
    ("begroting", re.compile(rf"B\s?{_Y}\b")),
    ("saldo", re.compile(rf"(?:Saldo|Verschil)(?:\s*{_Y})?", re.I)),
    ("plain_year", re.compile(rf"{_Y}\b")),
]
# Header words that name a column without amounts (or the row-label column).
_NON_VALUE_HEADERS = re.compile(r"Exploitatie|Organisatieonderdeel|Omschrijving|Taakveld", re.I)
_YEAR_TAG = re.compile(r"\[\s*\d{4}\s*\]")

HEADER_START = re.compile(
    r"^\s*(?:Realisatie|Rekening|Werkelijk|Begroting|Begroot|BGR|Primitieve|Saldo|Verschil|R\s?\d{4}|B\s?\d{4}|(?:19|20)\d\d\b)",
    re.I,
)


def split_header(text: str, where: str) -> list[Column]:
    """All money columns a header line names, left to right; anything unrecognised is an error."""
    text = _YEAR_TAG.sub(" ", text)
    columns: list[Column] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        skip = _NON_VALUE_HEADERS.match(text, position)
        if skip:
            position = skip.end()
            continue
        for role, pattern in _HEADER_PATTERNS:
            match = pattern.match(text, position)
            if match:
                year = match.groupdict().get("year")
                header = " ".join(match.group(0).split())
                columns.append(Column(header=header, role=role, year=int(year) if year else None))
                position = match.end()
                break
        else:
            rest = text[position:].split()[0]
            raise UnreadableDocument(f"{where}: unknown column header {rest!r} in {text.strip()!r}")
    return columns


def single_column(text: str, where: str) -> Column:
    columns = split_header(text, where)
    if len(columns) != 1:
        raise UnreadableDocument(f"{where}: expected one column header, read {len(columns)} in {text!r}")
    return columns[0]


def saldo_identities(columns: list[Column]) -> list[tuple[int, int, int]]:
    """(begroting, realisatie, saldo) column positions of the same year, where saldo = begroting - realisatie."""
    triples = []
    for saldo_index, saldo in enumerate(columns):
        if saldo.role != "saldo":
            continue
        budget = [i for i, c in enumerate(columns) if c.role in ("begroting_na_wijziging", "begroting") and c.year == saldo.year]
        actual = [i for i, c in enumerate(columns) if c.role == "realisatie" and c.year == saldo.year]
        if len(budget) == 1 and len(actual) == 1:
            triples.append((budget[0], actual[0], saldo_index))
    return triples
