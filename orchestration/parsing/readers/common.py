"""Pieces of table text that every layout shares: sections, row labels, the scale marker."""

import re

from orchestration.parsing.numbers import scale_of

SECTION = re.compile(r"^\s*(Lasten|Baten|Stortingen|Onttrekkingen)\s*$", re.I)
TAAKVELD_LABEL = re.compile(r"^(?P<code>\d{1,2}\.\d{1,3}[a-z]?)(?:\s+(?P<name>.*))?$")
PAGE_FOOTER = re.compile(r"^\s*Pagina\s+\d+\s+van\s+\d+\s*$", re.I)
_SCALE_LOOKBACK_LINES = 4


def section_of(line: str) -> str | None:
    match = SECTION.match(line)
    return match.group(1).capitalize() if match else None


def collapse(text: str) -> str:
    return " ".join(text.replace("|", " ").split())


def scale_before(lines: list[str], header_index: int) -> int:
    """The `x € 1.000` marker in the few lines above a table header; whole euros when there is none."""
    for line in reversed(lines[max(0, header_index - _SCALE_LOOKBACK_LINES) : header_index + 1]):
        scale = scale_of(line)
        if scale is not None:
            return scale
    return 1


# A row or column label that names only what its figures are: the sub-rows under a programme label,
# the leaf headers under a year. Reserve flows and balances too (reserve tables).
_MEASURE_WORDS = [
    (re.compile(r"^(lasten|uitgaven|kosten)$"), "lasten"),
    (re.compile(r"^(baten|inkomsten|opbrengsten)$"), "baten"),
    (re.compile(r"^(saldo|totaal saldo|saldo baten en lasten|saldo lasten en baten|netto)$"), "saldo"),
    (re.compile(r"^(toevoeging(en)?|storting(en)?|dotatie(s)?)( ((aan|in) )?(de )?reserves?)?$"), "reserves_storting"),
    (re.compile(r"^(onttrekking(en)?)( ((aan|uit) )?(de )?reserves?)?$"), "reserves_onttrekking"),
]


def measure_word(text: str) -> str | None:
    """'Lasten' -> lasten, 'Baten' -> baten, 'Saldo' -> saldo, 'Toevoegingen' -> reserves_storting ...;
    None for any other text (a label, a year, a scenario)."""
    words = " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
    for pattern, measure in _MEASURE_WORDS:
        if pattern.match(words):
            return measure
    return None
