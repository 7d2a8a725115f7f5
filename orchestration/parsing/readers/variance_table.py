"""A V/N variance explanation: per row the effect on the result, V (voordeel) or N (nadeel).

    Verklaring verschillen programma Sociaal Domein
    Lasten
    Doelenboom Maatschappelijke ondersteuning V -375.807,00
      N 2.213.532,00
    Totaal programma Sociaal Domein N 973.459,00
"""

import re

from orchestration.parsing.model import UnreadableDocument, VarianceLine
from orchestration.parsing.numbers import parse_amount
from orchestration.parsing.readers.common import section_of

NAME = "variance_table"
_HEADER = re.compile(r"^\s*Verklaring\s+(?:van\s+de\s+)?verschillen\b", re.I)
_LINE = re.compile(r"^(?P<label>.*?)\s*(?:\b(?P<letter>[VN]))?\s+(?P<amount>-?\d{1,3}(?:\.\d{3})*,\d{2})\s*$")


def recognises(lines: list[str]) -> bool:
    return any(_HEADER.match(line) for line in lines)


def read(lines: list[str]) -> list[VarianceLine]:
    start = next(index for index, line in enumerate(lines) if _HEADER.match(line))
    entries: list[VarianceLine] = []
    section = None
    for index in range(start + 1, len(lines)):
        text = lines[index].rstrip()
        if not text.strip():
            continue
        if (new_section := section_of(text)) is not None:
            section = new_section
            continue
        match = _LINE.match(" " + text)
        if match is None:
            if entries and any(entry.section == "Totaal" for entry in entries):
                break  # the prose that explains the variance follows the table
            if section is None:
                continue  # the programme's title line above the first section
            raise UnreadableDocument(f"variance table: line {index + 1} is not a V/N line: {text.strip()!r}")
        label = match.group("label").strip()
        is_total = label.lower().startswith("totaal")
        if section is None and not is_total:
            raise UnreadableDocument(f"variance table: line {index + 1} comes before any Lasten/Baten heading")
        entries.append(
            VarianceLine(
                section="Totaal" if is_total else section,
                label=label,
                letter=match.group("letter") or "",
                amount_eur=parse_amount(match.group("amount")),
                source_line=index + 1,
            )
        )
    if not entries:
        raise UnreadableDocument("variance table: heading without lines")
    return entries
