"""Headline gauges of a web page: a label line, a percentage, a euro amount, maybe `x € 1.000`.

    Uitgaven
    47,32%
    € 11.574.937
"""

import re

from orchestration.parsing.model import Gauge
from orchestration.parsing.numbers import parse_amount, scale_of

NAME = "gauges"
_LABEL = re.compile(r"^\s*(Uitgaven|Inkomsten|Saldo)\s*$")
_AMOUNT = re.compile(r"^\s*€\s*(?P<amount>-?[\d.,]+)\s*$")
_FILLER = re.compile(r"^\s*([\d.,]+\s*%(\s*Complete)?)?\s*$")  # percentages carry no meaning for us
_LOOKAHEAD_LINES = 6


def recognises(lines: list[str]) -> bool:
    return bool(read(lines))


def read(lines: list[str]) -> list[Gauge]:
    gauges = []
    for index, line in enumerate(lines):
        label = _LABEL.match(line)
        if label and (gauge := _gauge_at(lines, index, label.group(1))):
            gauges.append(gauge)
    return gauges


def _gauge_at(lines: list[str], label_index: int, label: str) -> Gauge | None:
    for index in range(label_index + 1, min(label_index + _LOOKAHEAD_LINES, len(lines))):
        amount = _AMOUNT.match(lines[index])
        if amount:
            value = parse_amount(amount.group("amount"))
            if value is None:
                return None
            return Gauge(label=label, amount_eur=value * _scale_after(lines, index), source_line=index + 1)
        if not _FILLER.match(lines[index]):
            return None
    return None


def _scale_after(lines: list[str], amount_index: int) -> int:
    for line in lines[amount_index + 1 : amount_index + 4]:
        if _LABEL.match(line):
            break
        if (scale := scale_of(line)) is not None:
            return scale
    return 1
