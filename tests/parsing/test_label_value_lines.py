"""Geometry of small label-then-one-number tables, on the real Geldrop-Mierlo excerpt and variants;
prose and other layouts are never read as figures."""

from decimal import Decimal
from pathlib import Path

import pytest

from orchestration.parsing.readers import GRID_READERS, label_value_lines

CORPUS = Path(__file__).parent / "corpus"
RAW = Path(__file__).parents[2] / "raw"
STEM = "geldropmierlo_begroting_2025"


def doc(stem: str = STEM) -> list[str]:
    return (CORPUS / "docs" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()[1:]


def test_registered():
    assert label_value_lines in GRID_READERS


def test_three_programme_tables():
    grids = label_value_lines.read(doc())
    assert [grid.title for grid in grids] == ["Programma 1: De mens centraal", "Programma 2: Sterke wijken",
                                              "Programma 5: Organisatie"]
    first = grids[0]
    assert first.start_line == 12 and [c.path for c in first.columns] == [("Bedrag",)]
    assert first.context[:2] == ["Programma 1: De mens centraal", "1. Bedrag"]
    assert [row.label for row in first.rows] == [
        "Begroting 2025 nieuw", "Begroting 2025 oud", "Verklaring van het verschil", "Autonome ontwikkelingen",
        "Financiële mutaties (gekoppeld aan doelen)", "Totaal"]
    assert [row.cells[0].value for row in first.rows] == [Decimal(v) for v in (-42561, -36018, -6543, -6869, 326, -6543)]
    assert [row.line for row in first.rows] == list(range(13, 19))
    assert all(row.aligned and not row.is_cut and row.headings == ("Programma 1: De mens centraal",) for row in first.rows)
    assert grids[2].rows[0].cells[0].value == Decimal(67237)


def test_every_gold_amount_is_read_on_its_line():
    import csv
    by_line = {row.line: row.cells[0].value for grid in label_value_lines.read(doc()) for row in grid.rows}
    for gold in csv.DictReader((CORPUS / "gold" / f"{STEM}.csv").open(encoding="utf-8")):
        assert by_line[int(gold["source_line"]) - 1] == Decimal(gold["amount_printed"]) / 1000


def test_fewer_than_three_lines_are_not_a_table():
    lines = doc()
    del lines[14:18]  # programme 1 keeps 'Begroting 2025 nieuw' and 'Begroting 2025 oud'
    grids = label_value_lines.read(lines)
    assert [grid.title for grid in grids] == ["Programma 2: Sterke wijken", "Programma 5: Organisatie"]


def test_without_an_amount_column_header_nothing_is_read():
    lines = [line for line in doc() if not line.endswith(". Bedrag")]
    assert not label_value_lines.recognises(lines)


def test_without_a_heading_nothing_is_read():
    lines = ["1. Bedrag", "Begroting 2025 nieuw -42.561", "Begroting 2025 oud -36.018", "Totaal -6.543"]
    assert label_value_lines.read(lines) == []


def test_a_line_with_two_amounts_ends_the_table():
    lines = ["Programma 1", "Bedrag", "Begroting 2025 nieuw -42.561", "Begroting 2025 oud -36.018",
             "Verschil -6.543 12", "Totaal -6.543"]
    assert label_value_lines.read(lines) == []


def test_prose_with_amounts_is_not_read():
    lines = ["Toelichting", "Bedrag",
             "Het nadeel op dit programma bedraagt in totaal 1.234.",
             "Dit komt vooral door hogere lasten van 567.",
             "De rest van het verschil is 667."]
    assert label_value_lines.read(lines) == []


def test_caption_markers_and_a_unit_in_the_header():
    lines = ["Verschillen programma 3", "Omschrijving Bedrag (x € 1.000)",
             "Hogere lasten jeugdzorg 450 N", "Lagere opbrengst leges 120 N", "Meevaller dividend 80 V",
             "Totaal 490 N"]
    [grid] = label_value_lines.read(lines)
    assert grid.columns[0].path == ("Bedrag",)
    assert "Omschrijving Bedrag (x € 1.000)" in grid.context
    assert [row.cells[0].marker for row in grid.rows] == ["N", "N", "V", "N"]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name)
def test_claims_nothing_in_the_sample_documents(path):
    assert not label_value_lines.recognises(path.read_text(encoding="utf-8").splitlines())


def test_claims_only_its_family_in_the_corpus():
    claimed = {path.stem for path in (CORPUS / "docs").glob("*.txt") if label_value_lines.recognises(doc(path.stem))}
    assert claimed == {STEM}


INCIDENTAL = ["Overzicht incidentele lasten en baten", "Bedragen x € 1.000", "",
              "Incidentele lasten", "Omschrijving Begroting 2025", "Programma 1 Bestuur",
              "Gemeenteraadsverkiezingen 185", "Implementatie Omgevingswet 240", "Programma 3 Economie",
              "Impuls binnenstad 350", "Totaal incidentele lasten 775", "",
              "Incidentele baten", "Omschrijving Begroting 2025", "Programma 3 Economie",
              "Bijdrage provincie binnenstad 175", "Totaal incidentele baten 175"]


def test_item_lists_under_programme_headings_inside_the_table():
    lasten, baten = label_value_lines.read(INCIDENTAL)
    assert lasten.title == "Incidentele lasten" and baten.title == "Incidentele baten"
    assert [(row.label, row.headings, row.cells[0].value) for row in lasten.rows] == [
        ("Gemeenteraadsverkiezingen", ("Incidentele lasten", "Programma 1 Bestuur"), Decimal(185)),
        ("Implementatie Omgevingswet", ("Incidentele lasten", "Programma 1 Bestuur"), Decimal(240)),
        ("Impuls binnenstad", ("Incidentele lasten", "Programma 3 Economie"), Decimal(350)),
        ("Totaal incidentele lasten", ("Incidentele lasten", "Programma 3 Economie"), Decimal(775))]
    assert [(row.label, row.line) for row in baten.rows] == [("Bijdrage provincie binnenstad", 16),
                                                              ("Totaal incidentele baten", 17)]


def test_a_list_of_one_item_is_a_table_only_where_its_total_adds_it_up():
    damaged = INCIDENTAL[:-1] + ["Totaal incidentele baten 157"]  # a typo, or an item line lost above
    assert [grid.title for grid in label_value_lines.read(damaged)] == ["Incidentele lasten"]
    unworded = INCIDENTAL[:-1] + ["Overig 175"]
    assert [grid.title for grid in label_value_lines.read(unworded)] == ["Incidentele lasten"]


@pytest.mark.parametrize("between", [
    "Deze lasten zijn eenmalig en worden gedekt uit de algemene reserve.",  # a sentence
    "Zie ook de toelichting in paragraaf 4.2 van deze begroting voor alle details hierover",  # too long
    "Programma 1 Bestuur 2.100",  # an amount: a row of its own, never a heading
])
def test_prose_inside_a_list_ends_it_and_is_never_a_heading(between):
    lines = ["Incidentele lasten", "Omschrijving Begroting 2025", "Verkiezingen 185", between, "Impuls binnenstad 350",
             "Omgevingswet 240", "Totaal 775"]
    grids = label_value_lines.read(lines)
    for grid in grids:
        assert all(len(row.headings) == 1 for row in grid.rows)
        assert all(row.label not in between or row.cells[0].text in between for row in grid.rows)
