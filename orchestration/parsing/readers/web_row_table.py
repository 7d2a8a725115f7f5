"""Web page text: a table with its header on one line and one row per line, every cell printed.

    Exploitatie Realisatie 2021 ... BGR 2024 na wijziging Realisatie 2024 Saldo 2024
    Lasten
    4.1 Openbaar basisonderwijs 568 569 10.246 47.410 13.478 33.932
    Totaal Lasten 19.160.424 ...
"""

import re

from orchestration.parsing.columns import split_header
from orchestration.parsing.model import Row, Table, UnreadableDocument
from orchestration.parsing.numbers import NO_VALUE_MARKS, is_amount, parse_amount
from orchestration.parsing.readers.common import collapse, scale_before, section_of

NAME = "web_row_table"
_HEADER = re.compile(r"^\s*Exploitatie\s+(?P<columns>\S.*)$")


def recognises(lines: list[str]) -> bool:
    return any(_HEADER.match(line) and _has_rows_below(lines, index) for index, line in enumerate(lines))


def _has_rows_below(lines: list[str], index: int) -> bool:
    following = [line for line in lines[index + 1 : index + 3] if line.strip()]
    return bool(following) and section_of(following[0]) is not None


def read(lines: list[str]) -> list[Table]:
    return [
        _read_table(lines, index, match.group("columns"))
        for index, line in enumerate(lines)
        if (match := _HEADER.match(line)) and _has_rows_below(lines, index)
    ]


def split_row(text: str) -> tuple[str, list[str]]:
    """Label and trailing amounts of a row line; the first token always belongs to the label."""
    tokens = collapse(text).split()
    first_amount = len(tokens)
    while first_amount > 1 and (is_amount(tokens[first_amount - 1]) or tokens[first_amount - 1] in NO_VALUE_MARKS):
        first_amount -= 1
    return " ".join(tokens[:first_amount]), tokens[first_amount:]


def _read_table(lines: list[str], header_index: int, header_text: str) -> Table:
    where = f"table at line {header_index + 1}"
    columns = split_header(header_text, where)
    table = Table(
        name=f"Exploitatie (line {header_index + 1})",
        columns=columns,
        rows=[],
        scale=scale_before(lines, header_index),
        source_line=header_index + 1,
    )
    section = None
    for index in range(header_index + 1, len(lines)):
        text = lines[index].strip()
        if not text:
            break
        if (new_section := section_of(text)) is not None:
            section = new_section
            continue
        label, amounts = split_row(text)
        if not amounts:
            break
        if section is None:
            raise UnreadableDocument(f"{where}: line {index + 1} has amounts before any Lasten/Baten heading")
        if len(amounts) != len(columns):
            raise UnreadableDocument(
                f"{where}: line {index + 1} has {len(amounts)} amounts for {len(columns)} columns: {text!r}"
            )
        cells = {position: parse_amount(token) for position, token in enumerate(amounts)}
        table.rows.append(
            Row(label=label, section=section, source_line=index + 1, cells=cells,
                cell_lines={position: index + 1 for position in cells})
        )
    if not table.rows:
        raise UnreadableDocument(f"{where}: header without rows")
    return table
