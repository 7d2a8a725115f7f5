"""What a reader of a structured file (a web page's DOM, a PDF's positioned words) hands on: the same
grids the text readers make, plus the page's visible text for the metadata (municipality, kind, year,
programme), since such a file has no plain text of its own."""

from dataclasses import dataclass, field

from orchestration.parsing.grid import Grid
from orchestration.parsing.numbers import NotAnAmount, parse_cell

# Printed in an amount column where no figure is: no value, like '-'
NIL_WORDS = {"n.v.t.", "nvt", "n.v.t", "pm", "p.m.", "—", "–", "-"}


@dataclass
class StructuredPage:
    reader: str  # the reader that read it: html_table | pdf_table
    grids: list[Grid] = field(default_factory=list)
    text_lines: list[str] = field(default_factory=list)  # visible text in reading order, a table row per line ('a | b | c')
    preamble: list[str] = field(default_factory=list)  # visible text above the first table (titles: 'Begroting 2019')
    skipped: list[str] = field(default_factory=list)  # tables seen but not read, with the reason
    tables_seen: int = 0  # tables (or blocks of figures) found, read or not
    empty_reason: str = ""  # why nothing could be read, where the reader knows ('no text layer: scanned pages')


def cell_amounts(text: str) -> list | None:
    """The amounts printed in one cell: [] for an empty or nil cell, two for '1.116 368' (two figures in
    one cell), None when the text is not amounts ('Toelichting', 'zie bijlage')."""
    text = " ".join(text.replace("\u00a0", " ").split())
    if not text or text.lower() in NIL_WORDS:
        return []
    try:
        value = parse_cell(text)
        return [value] if value is not None else []
    except NotAnAmount:
        pass
    parts = text.split(" ")
    if len(parts) > 1:
        values = []
        for part in parts:
            if part in ("V", "N") and values:
                values[-1] = type(values[-1])(values[-1].value, part)
                continue
            try:
                value = parse_cell(part)
            except NotAnAmount:
                return None
            if value is None:
                return None
            values.append(value)
        return values
    return None
