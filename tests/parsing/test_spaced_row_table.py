"""Geometry of space-separated one-row-per-line tables, on real excerpts (tests/parsing/corpus) and on
damaged variants of them: a damaged table gives an unaligned row or an unreadable document naming the
line, never values in the wrong column."""

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.readers import GRID_READERS, spaced_row_table

CORPUS = Path(__file__).parent / "corpus"
RAW = Path(__file__).parents[2] / "raw"
FAMILY = ["aalten_jaarrekening_2020", "bladel_begroting_2022", "drimmelen_jaarrekening_2021",
          "stichtsevecht_tussentijdse_rapportage_2025"]


def doc(stem: str) -> list[str]:
    """The excerpt as a user has it: without the corpus's `# SOURCE:` line."""
    return (CORPUS / "docs" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()[1:]


def values(row) -> list[Decimal | None]:
    return [None if cell is None else cell.value for cell in row.cells]


def row_at(grid, line: int):
    return next(row for row in grid.rows if row.line == line)


def test_registered():
    assert spaced_row_table in GRID_READERS


# --- real excerpts --------------------------------------------------------------------------------------


def test_aalten_five_groups_of_baten_lasten_saldo():
    [grid] = spaced_row_table.read(doc("aalten_jaarrekening_2020"))
    groups = ["Raming begrotingsjaar 2020 vóór wijziging", "Raming begrotingsjaar 2020 na wijziging",
              "Realisatie begrotingsjaar 2020", "Realisatie vorig begrotingsjaar 2019", "Begrotingsafwijking"]
    assert [column.path for column in grid.columns] == [(g, leaf) for g in groups for leaf in ("Baten", "Lasten", "Saldo")]
    assert grid.start_line == 6
    first = row_at(grid, 9)
    assert first.label_parts == ("Programma 1 Ruimte",) and first.aligned and first.headings == ("Programma's:",)
    assert values(first)[:3] == [Decimal(-5885), Decimal(12277), Decimal(6392)]
    assert values(first)[-3:] == [Decimal(248), Decimal(-778), Decimal(-530)]
    subtotal = row_at(grid, 12)
    assert subtotal.label == "Sub-totaal programma’s" and subtotal.aligned  # totals stay ordinary rows
    assert row_at(grid, 14).headings == ("Algemene dekkingsmiddelen (P3):",)
    cut = grid.rows[-1]
    assert cut.label == "Dividend" and cut.is_cut and not cut.aligned
    assert values(cut) == [Decimal(-525), Decimal(0), Decimal(-525), Decimal(-473), Decimal(0)]
    assert any("Raming begrotingsjaar 2020" in line for line in grid.context)


def test_bladel_year_groups_over_coded_leaves_and_short_rows():
    [grid] = spaced_row_table.read(doc("bladel_begroting_2022"))
    assert grid.columns[0].path == ("Rekening 2020", "l-2020")
    assert grid.columns[3].path == ("Begroting 2021", "b-2021")
    assert grid.columns[-1].path == ("Begroting 2025", "b-2025")
    assert len(grid.columns) == 12
    assert any("bedragen x € 1.000,-" in line for line in grid.context)
    ozb = row_at(grid, 17)
    assert ozb.label == "0.61 OZB woningen" and ozb.aligned and values(ozb)[1] == Decimal(2395)
    bestuur = row_at(grid, 9)  # 11 values for 12 columns: which one is empty only the totals tell
    assert not bestuur.aligned and len(bestuur.cells) == 11
    overige = row_at(grid, 20)
    assert overige.label == "0.8 Overige baten en lasten" and not overige.aligned
    assert values(overige) == [Decimal(v) for v in (-39, -41, 519, 538, 96, 187)]
    last = grid.rows[-1]
    assert last.label == "Totaal veiligheid" and last.is_cut and not last.aligned


def test_drimmelen_trailing_minus_empty_cells_and_headings():
    [grid] = spaced_row_table.read(doc("drimmelen_jaarrekening_2021"))
    assert [c.path for c in grid.columns[::3]] == [("Primitieve begroting", "Baten"),
                                                   ("Bijgestelde begroting 2021", "Baten"),
                                                   ("Realisatie 2021", "Baten")]
    assert any("(in € 1.000)" in line for line in grid.context)
    burger = row_at(grid, 11)
    assert burger.label == "1 Burger en Bestuur"
    assert values(burger) == [Decimal(v) for v in (329, -4977, -4649, 329, -5230, -4900, 739, -5129, -4390)]
    assert burger.cells[1].text == "4.977-"
    assert row_at(grid, 12).label == "2 Openbare ruimte"
    dividend = row_at(grid, 19)
    assert dividend.aligned and values(dividend) == [Decimal(46), None, Decimal(46), Decimal(66), None,
                                                     Decimal(66), Decimal(66), None, Decimal(66)]
    assert dividend.headings == ("Omschrijving algemene dekkingsmiddelen",)
    assert row_at(grid, 11).headings == ()
    assert all(row.aligned and not row.is_cut for row in grid.rows)


def test_stichtsevecht_one_header_line_split_by_vocabulary():
    [grid] = spaced_row_table.read(doc("stichtsevecht_tussentijdse_rapportage_2025"))
    assert [c.path for c in grid.columns] == [("Begroting na wijziging 2025 (iFin)",), ("Prognose 2025",),
                                              ("Afwijking begroting - prognose 2025",)]
    assert "Bedragen x €1.000" in grid.context
    first = grid.rows[0]
    assert first.label == "6.1 Samenkracht en burgerparticipatie" and first.headings == ("Lasten",)
    assert values(first) == [Decimal(-7370), Decimal(-12894), Decimal(-5523)]
    assert values(grid.rows[4]) == [Decimal(-1528), Decimal(-1528), Decimal(0)]
    cut = grid.rows[-1]
    assert cut.label == "6.6 Maatwerkvoorz" and cut.is_cut and cut.cells == []


def _gold_columns(note: str) -> list[str]:
    return re.findall(r"'([^']*)'", note.split(",")[0] + note[len(note.split(",")[0]):].split(", x EUR")[0])


@pytest.mark.parametrize("stem", FAMILY)
def test_every_gold_amount_is_in_its_row_and_column(stem):
    """Each printed amount of the hand-verified gold sits on its line; on an aligned row in the column
    the gold names, on an unaligned row among the row's values."""
    [grid] = spaced_row_table.read(doc(stem))
    by_line = {row.line: row for row in grid.rows}
    for gold in csv.DictReader((CORPUS / "gold" / f"{stem}.csv").open(encoding="utf-8")):
        line = int(gold["source_line"]) - 1
        printed = Decimal(gold["amount_printed"]) / 1000
        row = by_line[line]
        if not row.aligned:
            assert printed in values(row), (stem, line, printed)
            continue
        names = re.findall(r"'([^']*)'", gold["note"].split(", x EUR")[0])
        matching = [c for c, column in enumerate(grid.columns)
                    if all(any(name.startswith(part) or part.startswith(name) for part in column.path) for name in names)]
        assert len(matching) == 1, (stem, line, names)
        assert values(row)[matching[0]] == printed, (stem, line, names)


# --- what is not this family ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name)
def test_claims_nothing_in_the_sample_documents(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert not spaced_row_table.recognises(lines)
    assert spaced_row_table.read(lines) == []


def test_claims_only_its_family_in_the_corpus():
    claimed = {path.stem for path in (CORPUS / "docs").glob("*.txt")
               if spaced_row_table.recognises(doc(path.stem))}
    assert claimed == set(FAMILY)


def test_exploitatie_tables_stay_with_the_web_row_reader():
    lines = ["Bedragen x €1.000", "Exploitatie 2020 2021 2022 2023", "Lasten", "Sport 964 976 976 975",
             "Inkomen 12.976 12.976 12.976 12.976", "Totaal Lasten 13.940 13.952 13.952 13.951"]
    assert not spaced_row_table.recognises(lines)


def test_label_value_lines_are_not_a_spaced_table():
    lines = ["Programma 1", "Begroting 2025 Realisatie 2025", "Begroting 2025 nieuw -42.561",
             "Begroting 2025 oud -36.018", "Totaal -6.543"]
    assert not spaced_row_table.recognises(lines)


# --- the family beyond the four excerpts ----------------------------------------------------------------


def test_year_columns_labels_with_codes_and_programme_numbers():
    lines = ["Overzicht per taakveld", "bedragen x € 1.000", "Omschrijving 2025 2026 2027",
             "6.711 Hulp bij het huishouden (WMO) -1.234 -1.300 -1.350",
             "Programma 2 -20 -30 -40",
             "Programma 3 -50",
             "Totaal -1.304 -1.330 -1.390"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("2025",), ("2026",), ("2027",)]
    assert grid.rows[0].label == "6.711 Hulp bij het huishouden (WMO)"
    assert values(grid.rows[0]) == [Decimal(-1234), Decimal(-1300), Decimal(-1350)]
    assert grid.rows[1].label == "Programma 2" and grid.rows[1].aligned
    short = grid.rows[2]
    assert short.label == "Programma 3" and not short.aligned and values(short) == [Decimal(-50)]
    assert "bedragen x € 1.000" in grid.context and grid.title == "Overzicht per taakveld"


def test_vn_markers_after_the_numbers_and_a_marker_column_header():
    lines = ["+ is nadeel: hogere uitgaven/lagere inkomsten",
             "Omschrijving Begroting 2019 primitief Begroting 2019 na wijziging Rekening 2019 Verschil Voordeel/ Nadeel",
             "Programma 1 84.646 86.216 85.307 -909 V",
             "Programma 4 779 2.602 3.507 904 N",
             "Totaal 85.425 88.818 88.814 -5 V"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("Begroting 2019 primitief",), ("Begroting 2019 na wijziging",),
                                              ("Rekening 2019",), ("Verschil",)]
    first, second = grid.rows[0], grid.rows[1]
    assert first.label == "Programma 1" and values(first) == [Decimal(84646), Decimal(86216), Decimal(85307), Decimal(-909)]
    assert [c.marker for c in first.cells] == ["", "", "", "V"]
    assert second.cells[3].marker == "N"
    assert "+ is nadeel: hogere uitgaven/lagere inkomsten" in grid.context


def test_vn_markers_before_the_numbers():
    lines = ["Omschrijving Verschil Begroting 2024 Realisatie 2024",
             "Lasten",
             "Jeugd N 200 1.000 1.200",
             "Wmo V 100 800 700",
             "Sport 0 50 50"]
    [grid] = spaced_row_table.read(lines)
    assert grid.rows[0].headings == ("Lasten",)
    assert values(grid.rows[0]) == [Decimal(200), Decimal(1000), Decimal(1200)]
    assert [c.marker for c in grid.rows[0].cells] == ["N", "", ""]
    assert [c.marker for c in grid.rows[1].cells] == ["V", "", ""]
    assert [c.marker for c in grid.rows[2].cells] == ["", "", ""]


def test_a_marker_column_header_says_the_markers_follow_their_amounts():
    lines = ["Omschrijving Begroting 2024 Verschil Realisatie 2024 V/N",
             "Jeugd 1.000 200 N 1.200",
             "Wmo 800 100 V 700"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("Begroting 2024",), ("Verschil",), ("Realisatie 2024",)]
    assert [c.marker for c in grid.rows[0].cells] == ["", "N", ""]


def test_lasten_baten_groups_over_repeating_years():
    lines = ["Taakveld Lasten Baten", "2020 2021 2020 2021", "0.1 Bestuur 10 11 1 2", "0.2 Burgerzaken 20 21 3 4"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("Lasten", "2020"), ("Lasten", "2021"), ("Baten", "2020"), ("Baten", "2021")]


def test_wrapped_label_and_a_taakveld_without_amounts():
    lines = ["Taakveld Lasten Baten Saldo",
             "0.63 Parkeerbelasting",
             "0.7 Algemene uitkering en overige",
             "uitkeringen gemeentefonds 5 32.759 32.754",
             "0.8 Overige baten en lasten 39 41 2"]
    [grid] = spaced_row_table.read(lines)
    empty, wrapped, last = grid.rows
    assert empty.label == "0.63 Parkeerbelasting" and empty.cells == [] and not empty.aligned
    assert wrapped.label == "0.7 Algemene uitkering en overige uitkeringen gemeentefonds" and wrapped.aligned
    assert wrapped.headings == () and last.headings == ()


# --- damaged variants: never a shifted column -----------------------------------------------------------


def test_a_row_with_a_value_removed_is_unaligned():
    lines = doc("drimmelen_jaarrekening_2021")
    lines[11] = lines[11].replace(" 10.542-", "", 1)  # line 12: '2 Openbare ruimte ...'
    [grid] = spaced_row_table.read(lines)
    row = row_at(grid, 12)
    assert not row.aligned and len(row.cells) == 8 and Decimal(-10542) not in values(row)
    assert all(other.aligned for other in grid.rows if other is not row)


def test_a_row_cut_mid_table_is_unaligned():
    lines = doc("aalten_jaarrekening_2020")
    lines[9] = " ".join(lines[9].split()[:9])  # 'Programma 2 Sociaal Domein' and 5 of its 15 values
    [grid] = spaced_row_table.read(lines)
    row = row_at(grid, 10)
    assert row.label == "Programma 2 Sociaal Domein" and not row.aligned and len(row.cells) == 5


@pytest.mark.parametrize("stem, header_line, drop", [
    ("aalten_jaarrekening_2020", 6, "Realisatie vorig begrotingsjaar 2019 "),   # a group
    ("aalten_jaarrekening_2020", 7, "Saldo "),                                  # a leaf
    ("drimmelen_jaarrekening_2021", 9, "Realisatie 2021"),                      # a group
    ("drimmelen_jaarrekening_2021", 10, " Lasten"),                             # a leaf
    ("bladel_begroting_2022", 7, " Begroting 2025"),                            # a group
    ("bladel_begroting_2022", 8, " l-2021"),                                    # a leaf
])
def test_a_column_dropped_from_a_two_level_header_makes_the_document_unreadable(stem, header_line, drop):
    lines = doc(stem)
    assert drop in lines[header_line - 1]
    lines[header_line - 1] = lines[header_line - 1].replace(drop, "", 1)
    assert spaced_row_table.recognises(lines)
    with pytest.raises(UnreadableDocument, match=r"line \d+"):
        spaced_row_table.read(lines)


def test_a_column_dropped_from_a_one_line_header_makes_the_document_unreadable():
    lines = doc("stichtsevecht_tussentijdse_rapportage_2025")
    lines[8] = lines[8].replace(" Prognose 2025", "", 1)
    with pytest.raises(UnreadableDocument, match="line 11: 3 amounts for 2 columns"):
        spaced_row_table.read(lines)


def test_an_extra_value_in_a_row_makes_the_document_unreadable():
    lines = doc("drimmelen_jaarrekening_2021")
    lines[10] = lines[10] + " 12"
    with pytest.raises(UnreadableDocument, match="line 11"):
        spaced_row_table.read(lines)


def test_an_amount_inside_a_label_makes_the_document_unreadable():
    lines = doc("drimmelen_jaarrekening_2021")
    lines[11] = lines[11].replace("5.426", "n.b. 5.426").replace("3.040", "3.040 x")
    with pytest.raises(UnreadableDocument, match="line 12"):
        spaced_row_table.read(lines)


def test_a_header_whose_rows_never_fill_it_makes_the_document_unreadable():
    lines = ["Omschrijving Begroting 2024 Realisatie 2024 Verschil Prognose 2024",
             "Jeugd 1.000 1.200 200", "Wmo 800 700 -100", "Totaal 1.800 1.900 100"]
    with pytest.raises(UnreadableDocument, match="no row prints a value for each of its 4 columns"):
        spaced_row_table.read(lines)


def test_years_dealt_out_evenly_over_groups_are_refused():
    lines = ["Programma Rekening Begroting Meerjarenraming", "2019 2020 2021 2022 2023 2024",
             "Programma 1 1 2 3 4 5 6", "Programma 2 1 2 3 4 5 6"]
    with pytest.raises(UnreadableDocument):
        spaced_row_table.read(lines)


def test_a_marker_between_two_amounts_without_a_convention_is_refused():
    lines = ["Omschrijving Begroting 2024 Realisatie 2024 Verschil",
             "Jeugd 1.000 N 1.200 200", "Wmo 800 700 100"]
    with pytest.raises(UnreadableDocument, match="line 2"):
        spaced_row_table.read(lines)


def test_2017_taakveld_names_ending_in_18_keep_it_in_the_label():
    lines = ["Taakveld Realisatie 2021 Begroting 2022 Begroting 2023",
             "6.71 Maatwerkdienstverlening 18+ 3.044 3.114 3.420",
             "6.82 Geëscaleerde zorg 18- 27 24",
             "Totaal 3.071 3.138 3.420"]
    [grid] = spaced_row_table.read(lines)
    assert grid.rows[0].label == "6.71 Maatwerkdienstverlening 18+" and grid.rows[0].aligned
    short = grid.rows[1]
    assert short.label == "6.82 Geëscaleerde zorg 18-" and not short.aligned and values(short) == [Decimal(27), Decimal(24)]


def test_header_words_after_na_and_ordinals_stay_in_their_column():
    lines = ["Omschrijving Begroting 2024 Na Wijziging 1e Bestuursrapportage 2024 Realisatie 2024",
             "Jeugd 1.000 1.100 1.200", "Wmo 800 850 700"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("Begroting 2024 Na Wijziging",), ("1e Bestuursrapportage 2024",),
                                              ("Realisatie 2024",)]


@pytest.mark.parametrize("row", ["Jeugd (1.00) 1.000 1.200", "Jeugd (100 1.000 1.200", "Jeugd 12% 1.000 1.200",
                                 "Jeugd 100 n.b. 1.200"])
def test_a_value_that_is_not_an_amount_is_refused_not_skipped(row):
    lines = ["Omschrijving Begroting 2024 Realisatie 2024 Verschil", "Wmo 800 700 -100", row, "Sport 50 60 10"]
    with pytest.raises(UnreadableDocument, match="line 3"):
        spaced_row_table.read(lines)


def test_an_amount_in_accounting_brackets_is_a_negative_in_its_column():
    lines = ["Omschrijving Begroting 2024 Realisatie 2024 Verschil", "Wmo 800 700 -100", "Jeugd (100) 1.000 1.200",
             "Sport 50 60 10"]
    [grid] = spaced_row_table.read(lines)
    assert grid.rows[1].aligned and values(grid.rows[1]) == [Decimal(-100), Decimal(1000), Decimal(1200)]


@pytest.mark.parametrize("row", ["Jeugd 12 410 1.000 1.200", "Jeugd 12 410 12 655 2 105"])
def test_space_grouped_thousands_in_a_spaced_row_are_never_joined(row):
    """'12 410' between spaces is one amount or two: the row has more amounts than columns, refused."""
    lines = ["Omschrijving Begroting 2024 Realisatie 2024 Verschil", "Wmo 800 700 -100", row, "Sport 50 60 10"]
    with pytest.raises(UnreadableDocument, match="line 3"):
        spaced_row_table.read(lines)


def test_a_yearless_meerjarenraming_group_last_spans_three_consecutive_years():
    lines = ["Rekening Begroting Begroting Meerjarenraming", "2022 2023 2024 2025 2026 2027",
             "Programma 1 1.205 1.890 2.310 2.240 2.240 2.180", "Programma 2 4.310 5.870 6.405 6.120 5.980 5.980"]
    [grid] = spaced_row_table.read(lines)
    assert [c.path for c in grid.columns] == [("Rekening", "2022"), ("Begroting", "2023"), ("Begroting", "2024"),
                                              ("Meerjarenraming", "2025"), ("Meerjarenraming", "2026"),
                                              ("Meerjarenraming", "2027")]


def test_rows_with_a_euro_sign_before_each_amount_are_read():
    lines = ["Taakveld Begroting 2024 na wijziging Realisatie 2024", "0.1 Bestuur € 1.845.230 € 1.902.417",
             "0.2 Burgerzaken € 702.115 € 688.940"]
    assert spaced_row_table.recognises(lines)
    [grid] = spaced_row_table.read(lines)
    assert values(grid.rows[0]) == [Decimal(1845230), Decimal(1902417)]
