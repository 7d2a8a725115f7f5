"""Geometry of semicolon- and tab-separated tables (spreadsheet exports, tables copied out of a word
processor), and damaged variants of them: a damaged table is not read or its row is flagged, never read
with a value in the wrong column."""

from decimal import Decimal

import pytest

from orchestration.parsing.readers import GRID_READERS, delimited_table, read_layout, spaced_row_table

SEMICOLON = ["Begroting 2024 - lasten en baten per taakveld (x € 1.000)", "Taakveld;Omschrijving;Lasten;Baten",
             "0.1;Bestuur;2.104;15", "0.2;Burgerzaken;812;290", "0.4;Overhead;5.870;120", "2.1;Verkeer en vervoer;4.120;605"]
TABBED = ["Overzicht van baten en lasten", "Bedragen x € 1.000", "",
          "\tRekening 2021\tBegroting 2022\tBegroting 2023",
          "Programma 1 Bestuur", "Lasten\t6.210\t6.480\t6.655", "Baten\t512\t498\t505", "Saldo\t-5.698\t-5.982\t-6.150",
          "Programma 2 Leefomgeving", "Lasten\t14.320\t15.105\t15.890", "Baten\t8.905\t9.210\t9.630",
          "Saldo\t-5.415\t-5.895\t-6.260"]


def values(row) -> list[Decimal | None]:
    return [None if cell is None else cell.value for cell in row.cells]


def test_it_is_a_grid_reader():
    assert delimited_table in GRID_READERS and delimited_table.NAME == "delimited_table"


def test_a_semicolon_export_reads_code_and_name_as_labels_and_the_amounts_under_their_headers():
    [grid] = delimited_table.read(SEMICOLON)
    assert grid.title.startswith("Begroting 2024") and [c.path for c in grid.columns] == [("Lasten",), ("Baten",)]
    assert grid.rows[0].label_parts == ("0.1", "Bestuur") and values(grid.rows[0]) == [Decimal(2104), Decimal(15)]
    assert grid.rows[0].line == 3 and len(grid.rows) == 4


def test_a_decimal_comma_is_never_a_delimiter():
    lines = SEMICOLON[:2] + ["0.1;Bestuur;2.104,5;15,25"] + SEMICOLON[3:]
    [grid] = delimited_table.read(lines)
    assert values(grid.rows[0]) == [Decimal("2104.5"), Decimal("15.25")]


def test_a_tabbed_table_with_programme_headings_between_its_rows():
    [grid] = delimited_table.read(TABBED)
    assert [c.path for c in grid.columns] == [("Rekening 2021",), ("Begroting 2022",), ("Begroting 2023",)]
    assert [(row.label, row.headings) for row in grid.rows[:4]] == [
        ("Lasten", ("Programma 1 Bestuur",)), ("Baten", ("Programma 1 Bestuur",)), ("Saldo", ("Programma 1 Bestuur",)),
        ("Lasten", ("Programma 2 Leefomgeving",))]


def test_a_tabbed_table_is_read_once_not_again_as_space_separated_rows():
    layout = read_layout(TABBED)
    assert layout.reader == "delimited_table" and len(layout.grids) == 1


def test_an_empty_tab_cell_keeps_its_column():
    lines = TABBED[:5] + ["Lasten\t6.210\t\t6.655"] + TABBED[6:]
    [grid] = delimited_table.read(lines)
    assert grid.rows[0].aligned and values(grid.rows[0]) == [Decimal(6210), None, Decimal(6655)]


@pytest.mark.parametrize("damaged", ["0.2;Burgerzaken;812", "0.2;Burgerzaken;;812;290", "0.2;Burgerzaken;812;29O",
                                     "0.2;Burgerzaken 812;290"])
def test_a_row_with_a_lost_or_extra_cell_is_not_read_shifted(damaged):
    """A lost cell, an extra delimiter, a letter in an amount, a delimiter lost between label and amount:
    the table is not read (no grid), never a value under its neighbour's header."""
    lines = SEMICOLON[:3] + [damaged] + SEMICOLON[4:]
    assert delimited_table.read(lines) == []


def test_a_tabbed_row_with_a_lost_cell_is_not_read_shifted():
    lines = TABBED[:5] + ["Lasten\t6.210\t6.655"] + TABBED[6:]
    assert delimited_table.read(lines) == []


def test_prose_with_semicolons_is_no_table():
    lines = ["De lasten stijgen met 1.200; de baten met 300.", "Dat komt door de cao; en door de inflatie van 3,1%.",
             "Het saldo daalt; zie de toelichting 2024; en 2025."]
    assert not delimited_table.recognises(lines)
