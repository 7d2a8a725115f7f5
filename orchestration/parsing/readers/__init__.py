"""The layout readers. Each recognises its layout by what the text looks like, never by a file's name;
teaching the project a new layout means adding one module here and its tests."""

from orchestration.parsing.model import Layout, UnreadableDocument
from orchestration.parsing.readers import gauges, pdf_column_table, pipe_table, variance_table, web_row_table
from orchestration.parsing.readers import delimited_table, flattened_table, label_value_lines, spaced_row_table

TABLE_READERS = (web_row_table, pdf_column_table)
# Readers of the layout families real municipalities publish: each turns text into grids
# (orchestration.parsing.grid) and orchestration.parsing.reconcile gives them their meaning.
GRID_READERS: tuple = (pipe_table, delimited_table, spaced_row_table, label_value_lines, flattened_table)


def read_layout(lines: list[str]) -> Layout:
    layout = Layout(reader="")
    names = []
    for reader in TABLE_READERS:
        if reader.recognises(lines):
            layout.tables.extend(reader.read(lines))
            names.append(reader.NAME)
    for reader in GRID_READERS:
        if reader.recognises(lines):
            if hasattr(reader, "read_with_reasons"):
                grids, skipped = reader.read_with_reasons(lines)
                layout.skipped.extend(f"{reader.NAME}: {reason}" for reason in skipped)
            else:
                grids = reader.read(lines)
            if grids:
                layout.grids.extend(grids)
                names.append(reader.NAME)
                if hasattr(reader, "claimed_lines"):
                    # its tables are not read again by the readers after it (line numbers kept)
                    claimed = reader.claimed_lines(lines)
                    lines = ["" if index in claimed else line for index, line in enumerate(lines)]
    if variance_table.recognises(lines):
        layout.variance = variance_table.read(lines)
        names.append(variance_table.NAME)
    layout.gauges = gauges.read(lines)
    if layout.gauges:
        names.append(gauges.NAME)
    if not names:
        if layout.skipped:
            raise UnreadableDocument("; ".join(layout.skipped))
        raise UnreadableDocument(
            "no reader recognises this layout: no table of a known layout family, no V/N variance table, no headline gauges"
        )
    layout.reader = "+".join(names)
    return layout
