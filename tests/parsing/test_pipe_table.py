"""Geometry of pipe tables: cells between `|`, on small tables and damaged variants of them. A damaged
table is refused (not read) or flagged, never read with a value in the wrong column or two values joined."""

from decimal import Decimal

import pytest

from orchestration.parsing.readers import pipe_table

HEADER = ["Baten en lasten per programma (x € 1.000)", "",
          "| Programma | Lasten begroting 2023 | Lasten realisatie 2023 | Baten begroting 2023 | Baten realisatie 2023 |",
          "|:--|--:|--:|--:|--:|"]


def values(row) -> list[Decimal | None]:
    return [None if cell is None else cell.value for cell in row.cells]


def test_thousands_set_off_by_a_space_are_one_amount_in_a_pipe_cell():
    lines = HEADER + ["| Bestuur | 12 410 | 12 655 | 2 105 | 2 391 |", "| Veiligheid | 6 510 | 6 488 | 150 | 204 |",
                      "| Zorg | 1 064 950 | (1 066 120) | 21 030,5 | 22 480 V |"]
    [grid] = pipe_table.read(lines)
    assert [values(row) for row in grid.rows] == [
        [Decimal(12410), Decimal(12655), Decimal(2105), Decimal(2391)],
        [Decimal(6510), Decimal(6488), Decimal(150), Decimal(204)],
        [Decimal(1064950), Decimal(-1066120), Decimal("21030.5"), Decimal(22480)]]
    assert grid.rows[2].cells[3].marker == "V" and grid.rows[0].cells[0].text == "12 410"


@pytest.mark.parametrize("cell", ["12 41", "1 2345", "12  410", "12 410 12 655", "2023 2024", "12 410 x"])
def test_digits_with_spaces_that_are_not_grouped_in_threes_are_no_amount(cell):
    """Not one amount: the table is not read (a row of text in an amount column), never a joined figure."""
    lines = HEADER + ["| Bestuur | 12 410 | 12 655 | 2 105 | 2 391 |", f"| Veiligheid | {cell} | 6 488 | 150 | 204 |",
                      "| Zorg | 64 950 | 66 120 | 21 030 | 22 480 |"]
    assert pipe_table.read(lines) == []


def test_a_lost_pipe_between_two_space_grouped_amounts_is_refused_not_joined():
    """'| 12 410 120 655 |': a pipe lost between two amounts reads as one grouped number of the right form;
    the row is then one cell short, and a pipe row that is short is not read."""
    lines = HEADER + ["| Bestuur | 12 410 120 655 | 2 105 | 2 391 |", "| Veiligheid | 6 510 | 6 488 | 150 | 204 |",
                      "| Zorg | 64 950 | 66 120 | 21 030 | 22 480 |"]
    assert pipe_table.read(lines) == []


def test_space_grouped_cells_in_a_table_that_groups_by_dots_are_refused():
    """A table printing '12.410' beside '6 510': the spaced cell is not its way of printing thousands."""
    lines = HEADER + ["| Bestuur | 12.410 | 12.655 | 2.105 | 2.391 |", "| Veiligheid | 6 510 | 6.488 | 150 | 204 |",
                      "| Zorg | 64.950 | 66.120 | 21.030 | 22.480 |"]
    assert pipe_table.read(lines) == []


def test_bare_sub_heading_line_between_pipe_rows_is_a_section_line():
    lines = ["Taakvelden (bedragen x € 1.000)", "| Taakveld | Begroting 2023 | Realisatie 2023 |", "|---|---|---|", "Lasten",
             "| 6.1 Samenkracht | 1.200 | 1.250 |", "| 6.71a Huishoudelijke hulp (WMO) | 800 | 790 |", "Baten",
             "| 6.1 Samenkracht | 100 | 110 |"]
    (grid,) = pipe_table.read(lines)
    assert [row.label for row in grid.rows] == ["6.1 Samenkracht", "6.71a Huishoudelijke hulp (WMO)", "6.1 Samenkracht"]
    assert [row.headings for row in grid.rows] == [("Lasten",), ("Lasten",), ("Baten",)]


def test_empty_cells_printed_between_pipes_keep_their_columns():
    lines = ["Wat mag het kosten?", "| | Realisatie 2022 | Begroting 2023 | Begroting 2024 |", "|---|---|---|---|",
             "| Lasten | 12.105 | 12.870 | 13.410 |", "| Onttrekkingen reserves |  | 250 |  |"]
    (grid,) = pipe_table.read(lines)
    assert [c.value if c else None for c in grid.rows[1].cells] == [None, Decimal(250), None]
