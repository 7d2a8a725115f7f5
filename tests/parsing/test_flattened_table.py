"""Geometry of the 'flattened one cell per line' reader on real excerpts, and on damaged copies of them.

The excerpts are the corpus fixtures (tests/parsing/corpus/docs); line 1 (`# SOURCE:`) is stripped, so
every line number here is 1-based in the document without it (the gold's source_line - 1)."""

import csv
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.readers import flattened_table
from orchestration.parsing.readers.flattened_table import read, read_with_reasons, recognises

CORPUS = Path(__file__).parent / "corpus"
FAMILY = [
    "aalten_begroting_2026", "almelo_jaarrekening_2023", "alphen-chaam_begroting_2019", "amersfoort_begroting_2023",
    "berg-en-dal_tussentijdse_rapportage_2017", "best_jaarrekening_2017", "defryskemarren_begroting_2023",
    "geldrop-mierlo_jaarrekening_2017", "gorinchem_jaarrekening_2020", "houten_begroting_2024", "leiden_begroting_2022",
    "nederbetuwe_tussentijdse_rapportage_2025", "noordenveld_jaarrekening_2021", "oss_jaarrekening_2019_flat",
    "terneuzen_begroting_2020", "tubbergen_jaarrekening_2023", "utrecht_jaarrekening_2023", "voorschoten_begroting_2020",
]
OTHER_LAYOUTS = ["oss_jaarrekening_2019_pipe", "bladel_begroting_2022", "drimmelen_jaarrekening_2021",
                 "amstelveen_jaarrekening_2024", "stichtsevecht_tussentijdse_rapportage_2025", "nijmegen_jaarrekening_2023"]


@cache
def doc(stem: str) -> tuple[str, ...]:
    return tuple((CORPUS / "docs" / f"{stem}.txt").read_text(encoding="utf-8").split("\n")[1:])


def grids(stem: str, lines=None):
    return read(list(lines if lines is not None else doc(stem)))


def values(row) -> list:
    return [None if cell is None else cell.value for cell in row.cells]


def D(*numbers) -> list:
    return [None if n is None else Decimal(str(n)) for n in numbers]


def row_labelled(grid, label: str, headings=None):
    found = [r for r in grid.rows if r.label == label and (headings is None or r.headings == headings)]
    assert len(found) == 1, (label, [r.label for r in grid.rows])
    return found[0]


def aligned_cells(grid_list) -> dict[int, tuple]:
    """line of a value -> (column path, row label, value) for every aligned, uncut cell."""
    out = {}
    for grid in grid_list:
        for row in grid.rows:
            if row.aligned and not row.is_cut:
                for column, cell in zip(grid.columns, row.cells):
                    if cell is not None:
                        out.setdefault(cell.line, []).append((column.path, row.label, cell.value))
    return out


# --- recognising -------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", FAMILY + ["dalfsen_jaarrekening_2019"])
def test_recognises_the_family(stem):
    assert recognises(list(doc(stem)))


@pytest.mark.parametrize("stem", OTHER_LAYOUTS)
def test_leaves_other_layouts_alone(stem):
    assert not recognises(list(doc(stem)))


# --- headers -----------------------------------------------------------------------------------------


def test_multi_level_header_groups_times_lasten_baten_saldo():
    (grid,) = grids("alphen-chaam_begroting_2019")
    assert len(grid.columns) == 18
    assert grid.columns[0].path == ("Rekening 2017", "Lasten")
    assert grid.columns[4].path == ("Begroting 2018", "Baten")
    assert grid.columns[-1].path == ("Begroting 2022", "Saldo")
    first = grid.rows[0]
    assert first.label_parts == ("Programma 0",) and first.line == 55 and first.aligned
    assert values(first)[:4] == D(1104, 340, 764, 1217)
    last = grid.rows[-1]  # the text ends inside 'Alg. dekkingsmiddelen'
    assert last.label == "Alg. dekkingsmiddelen" and last.is_cut and not last.aligned
    assert len(last.cells) == 14


def test_groups_of_unequal_width_and_a_repeated_sub_header():
    (grid,) = grids("gorinchem_jaarrekening_2020")
    assert [c.path for c in grid.columns[-3:]] == [("Saldo 2020", "Lasten"), ("Saldo 2020", "Baten"), ("Saldo 2020", "Totaal")]
    assert grid.columns[0].path == ("Begroting 2020 primitief", "Lasten")
    assert "(bedragen x € 1.000 ; - = nadeel)" in grid.context
    first = row_labelled(grid, "Programma Bestuur en Ondersteuning")
    assert first.headings == ("BATEN EN LASTEN",) and values(first) == D(3896, 1100, 3780, 1070, 3693, 1059, 87, -11, 76)
    # the Lasten/Baten/.../Totaal line printed again mid-table is no row; the rows after it keep their columns
    assert not any(r.label in ("Lasten", "Baten", "Totaal") for r in grid.rows)
    assert values(row_labelled(grid, "Dividend")) == D(0, 973, 0, 1188, 7, 1037, -7, -151, -158)
    cut = grid.rows[-1]
    assert cut.label.startswith("Totaal Algemene dekkingsmiddelen") and cut.is_cut and cut.cells == []


def test_group_printed_once_beside_single_year_leaves_and_whitespace_cells():
    (grid,) = grids("leiden_begroting_2022")
    assert [c.path for c in grid.columns] == [
        ("Rekening 2020",), ("Begroting 2021",), ("Begroting 2022",),
        ("Meerjarenraming", "2023"), ("Meerjarenraming", "2024"), ("Meerjarenraming", "2025"),
    ]
    assert "bedragen x 1.000,-" in grid.context
    lasten = row_labelled(grid, "Lasten", ("Algemene uitkering",))
    saldo = row_labelled(grid, "Saldo", ("Algemene uitkering",))
    assert lasten.aligned and values(lasten) == D(0, 689, 241, 435, 449, 421)
    assert saldo.aligned and values(saldo) == D(-286875, -284859, -293450, -292357, -296184, -301224)


def test_word_and_year_in_one_cell_code_on_its_own_line():
    (grid,) = grids("amersfoort_begroting_2023")
    assert [c.path for c in grid.columns][:2] == [("REKENING 2021",), ("BEGROTING 2022",)]
    row = grid.rows[0]
    assert row.label_parts == ("0.1", "Bestuur") and row.headings == ("LASTEN",)
    assert values(row) == D(-8140, -8220, -8658, -8275, -8224, -8259)
    assert grid.rows[-1].is_cut and grid.rows[-1].label_parts == ("2.4", "Economische havens en waterwegen")


def test_meerjaren_group_over_years_and_a_second_table():
    first, second = grids("terneuzen_begroting_2020")
    assert [c.path for c in first.columns] == [
        ("Rekening", "2018"), ("Begroting", "2019"), ("Begroting", "2020"),
        ("Meerjarenraming", "2021"), ("Meerjarenraming", "2022"), ("Meerjarenraming", "2023"),
    ]
    assert [r.label for r in first.rows] == ["Lasten", "Baten", "Saldo"]
    assert all(r.headings == ("0.10 Mutaties reserves",) for r in first.rows)
    assert "bedrag x € 1.000" in first.context
    assert [c.path for c in second.columns] == [("2020",), ("2021",), ("2022",), ("2023",)]
    toevoeging, onttrekking = second.rows
    assert not toevoeging.aligned and values(toevoeging) == D(1485, 716)  # which two years: reconcile's arithmetic
    assert onttrekking.aligned and values(onttrekking) == D(3117, 1661, 45, 45)


def test_partial_header_row_under_the_single_year_groups():
    (grid,) = grids("berg-en-dal_tussentijdse_rapportage_2017")
    assert [c.path for c in grid.columns] == [
        ("Begroting", "2017", "Primair", "Saldo"), ("Begroting", "2017", "na VJN", "Saldo"),
        ("Meerjarenbegroting", "2018", "Saldo"), ("Meerjarenbegroting", "2019", "Saldo"), ("Meerjarenbegroting", "2020", "Saldo"),
    ]
    assert [r.label for r in grid.rows][:2] == ["Programma 1: Inwoner", "Programma 2: Onze buurt"]


def test_three_levels_with_captions_between_them():
    (grid,) = grids("voorschoten_begroting_2020")
    assert grid.columns[0].path == ("Rekening", "2018", "baten")
    assert grid.columns[-1].path == ("Begroting", "2020", "saldo")
    assert {"bedragen x € 1.000,-", '"-"= nadeel / "+"= voordeel'} <= set(grid.context)
    onttrekking = row_labelled(grid, "Onttrekking aan reserves")
    assert values(onttrekking) == D(1948, None, None, 4676, None, None, 2718, None, None)
    assert grid.rows[-1].label == "Geraamde resultaat" and not grid.rows[-1].is_cut  # 'ga terug' is navigation


def test_dates_and_formula_letters_in_the_header():
    (grid,) = grids("utrecht_jaarrekening_2023")
    assert grid.columns[0].path == ("Stand 31-12-2022", "a")
    assert grid.columns[2].path == ("Saldo 1-1-2023", "c=a+b")
    assert grid.columns[5].path == ("Saldo 31-12-2023", "f=c+d-e")
    assert values(grid.rows[1]) == D(67745, -10138, 57607, 7059, 7002, 57664)


def test_scenario_groups_over_word_and_year_rows():
    (grid,) = grids("best_jaarrekening_2017")
    assert grid.columns[0].path == ("Totaal saldo van baten en lasten", "Realisatie", "2016")
    assert grid.columns[4].path == ("Mutatie in de reserves", "Gewijzigd", "2017")
    lasten = grid.rows[3]
    assert lasten.label == "Lasten" and lasten.headings == ("Algemeen bestuur", "1.1 - Bestuur")
    assert grid.rows[-1].is_cut and values(grid.rows[-1]) == D(-493584, -28553, -42452)


# --- rows ----------------------------------------------------------------------------------------------


def test_vn_markers_dashes_headings_and_subtotals():
    (grid,) = grids("almelo_jaarrekening_2023")
    assert [c.path for c in grid.columns][0] == ("Begroting", "2023")
    assert len(grid.columns) == 5  # the N/V column is no column: its letters sit on the cells
    treasury = row_labelled(grid, "0.5 Treasury")
    assert treasury.headings == ("0 Bestuur en ondersteuning",)
    assert [c.marker for c in treasury.cells] == ["", "", "", "", "N"]
    assert values(row_labelled(grid, "0.7 Algemene uitkeringen en overige uitkeringen gemeentefonds")) == D(None, None, 0, 13, 13)
    subtotal = row_labelled(grid, "0 Bestuur en ondersteuning")
    assert subtotal.aligned and values(subtotal)[-1] == Decimal(-843) and subtotal.cells[-1].marker == ""
    assert grid.rows[-1].is_cut


def test_rows_with_missing_cells_are_unaligned():
    (grid,) = grids("houten_begroting_2024")
    thuis = row_labelled(grid, "01.04 Thuis")
    assert not thuis.aligned and values(thuis) == D(240030, 48696, -191334, 241049, -241049)
    empty = row_labelled(grid, "03.99 Programmabrede kosten")
    assert empty.aligned and values(empty) == [None] * 6
    totals = [r for r in grid.rows if r.label == "Totaal programma"]
    assert len(totals) == 3 and all(r.aligned for r in totals)
    assert totals[0].headings == ("01. Samen Leven",)


def test_three_digit_codes_are_labels_and_empty_rows_are_kept():
    (grid,) = grids("nederbetuwe_tussentijdse_rapportage_2025")
    labels = [r.label for r in grid.rows]
    assert "6.711 Huishoudelijke hulp (WMO)" in labels and "6.752 Jeugdhulp ambulant Regionaal" in labels
    assert values(row_labelled(grid, "6.752 Jeugdhulp ambulant Regionaal")) == D(1500, 433, 428, 429)
    assert values(row_labelled(grid, "6.712 Begeleiding (WMO)")) == [None] * 4
    short = row_labelled(grid, "6.1 Samenkracht en burgerparticipatie")
    assert not short.aligned and values(short) == D(-355, 20)


def test_decimal_comma_in_a_label_and_reserve_sections():
    (grid,) = grids("defryskemarren_begroting_2023")
    stortingen = row_labelled(grid, "Stortingen", ("Algemene reserves (waaronder 8,2 mln. weerstandsvermogen)",))
    assert values(stortingen) == D(800, 4660, 4787, None)
    assert row_labelled(grid, "Stortingen", ("Voorzieningen",)).aligned


def test_two_tables_unlabelled_row_and_cut_label():
    first, second = grids("aalten_begroting_2026")
    assert "bedragen x € 1.000" in first.context and "bedragen x € 1.000" in second.context
    assert [r.label for r in first.rows] == ["Totaal Baten", "Totaal Lasten", ""]
    assert values(first.rows[2]) == D(0, 0, 0, 0, 0, 0)
    assert second.title == "Programma 1 Ruimte"
    assert second.rows[0].headings == ("Baten",) and second.rows[-2].headings == ("Lasten",)
    assert second.rows[-1].is_cut and second.rows[-1].cells == []


def test_trailing_pipes_footnotes_and_two_figures_in_a_cell():
    (grid,) = grids("tubbergen_jaarrekening_2023")
    assert [c.path for c in grid.columns] == [("Begroting 2023 na wijzigingen",), ("Werkelijk 2023",)]
    afval = [r for r in grid.rows if r.label == "Afvalstoffenheffing"]
    assert [values(r) for r in afval] == [D(1116, 1104), D(368, 366)]
    toerisme = next(r for r in grid.rows if r.label.startswith("Toeristenbelasting"))
    assert values(toerisme) == D(195, 245) and toerisme.cells[1].text == "245*"


def test_header_without_leaf_headers_is_refused_naming_the_line():
    with pytest.raises(UnreadableDocument, match="line 2"):
        grids("dalfsen_jaarrekening_2019")


# --- every printed amount of the family at its line, in the right year --------------------------------


@pytest.mark.parametrize("stem", FAMILY)
def test_every_gold_amount_is_read_at_its_line(stem):
    cells = {}
    for grid in grids(stem):
        for row in grid.rows:
            for index, cell in enumerate(row.cells):
                if cell is not None:
                    path = grid.columns[index].path if row.aligned else None
                    cells.setdefault(cell.line, []).append((cell.value, path))
    gold = list(csv.DictReader((CORPUS / "gold" / f"{stem}.csv").open(encoding="utf-8")))
    for entry in gold:
        found = cells.get(int(entry["source_line"]) - 1)
        assert found, f"{stem}: no value read on line {entry['source_line']} ({entry['category_name']})"
        for value, path in found:
            if path is not None and any(str(y) in " ".join(path) for y in range(1990, 2061)):
                years = [str(y) for y in range(1990, 2061) if str(y) in " ".join(path)]
                if entry["scenario"] != "other":
                    assert entry["fiscal_year"] in years, (stem, entry["source_line"], path)


# --- damaged copies: never a silently shifted alignment --------------------------------------------------


def without(lines, *numbers):
    return [line for number, line in enumerate(lines, start=1) if number not in numbers]


def line_of(lines, text, after: str | None = None) -> int:
    """1-based line of the first `text` (below the first `after`, when given)."""
    start = lines.index(after) if after else 0
    return lines.index(text, start) + 1


def test_a_value_line_removed_leaves_that_row_unaligned():
    lines = list(doc("alphen-chaam_begroting_2019"))
    number = line_of(lines, "102", after="Programma 3")  # Programma 3, Begroting 2018 Lasten
    (grid,) = grids("", without(lines, number))
    damaged = row_labelled(grid, "Programma 3")
    assert not damaged.aligned and len(damaged.cells) == 17
    assert values(row_labelled(grid, "Programma 4"))[:3] == D(706, 52, 654)  # the next row keeps its columns


def test_a_row_cut_short_at_the_end_is_cut():
    lines = list(doc("utrecht_jaarrekening_2023"))[:325]  # inside 'Totaal reserves per programma'
    (grid,) = grids("", lines)
    assert grid.rows[-1].label == "Totaal reserves per programma" and grid.rows[-1].is_cut and not grid.rows[-1].aligned


def test_a_group_header_line_removed_skips_the_table():
    lines = list(doc("alphen-chaam_begroting_2019"))
    with pytest.raises(UnreadableDocument):
        grids("", without(lines, line_of(lines, "Begroting 2021")))


def test_a_leaf_header_line_removed_skips_the_table():
    lines = list(doc("gorinchem_jaarrekening_2020"))
    with pytest.raises(UnreadableDocument):
        grids("", without(lines, line_of(lines, "Totaal")))


def test_a_meerjaren_year_removed_skips_the_table_not_shifts_the_groups():
    lines = list(doc("terneuzen_begroting_2020"))
    found, _ = read_with_reasons(without(lines, line_of(lines, "Rekening")))
    assert all(grid.columns[0].path != ("Begroting", "2018") for grid in found)
    assert [grid.columns[0].path for grid in found] == [("2020",)]  # only the second table remains


def test_a_value_printed_twice_skips_the_table():
    lines = list(doc("amersfoort_begroting_2023"))
    number = line_of(lines, "-8.140")
    damaged = lines[:number] + ["", lines[number - 1]] + lines[number:]  # '-8.140' twice in 0.1 Bestuur
    with pytest.raises(UnreadableDocument, match="7 cells for 6 columns"):
        grids("", damaged)


def test_a_marker_without_a_value_skips_the_table():
    lines = list(doc("oss_jaarrekening_2019_flat"))
    number = line_of(lines, "Lasten", after="Programma 3")
    damaged = lines[:number] + ["", "V"] + lines[number:]  # a V right after the 'Lasten' label
    with pytest.raises(UnreadableDocument, match="marker"):
        grids("", damaged)


@pytest.mark.parametrize("stem", ["alphen-chaam_begroting_2019", "leiden_begroting_2022", "almelo_jaarrekening_2023",
                                  "berg-en-dal_tussentijdse_rapportage_2017", "tubbergen_jaarrekening_2023",
                                  "voorschoten_begroting_2020", "houten_begroting_2024"])
def test_any_header_line_removed_never_shifts_a_cell(stem):
    """Remove each line above the first row in turn: what is still read aligned keeps its column."""
    lines = list(doc(stem))
    original = aligned_cells(grids(stem))
    first_row = min(r.line for g in grids(stem) for r in g.rows)
    for number in range(1, first_row):
        if not lines[number - 1].strip():
            continue
        try:
            damaged = aligned_cells(read_with_reasons(without(lines, number))[0])
        except UnreadableDocument:
            continue
        for line, entries in damaged.items():
            before = original.get(line + 1)
            assert before is not None, (stem, number, line)
            for (path, label, value), (path0, label0, value0) in zip(entries, before):
                assert (label, value) == (label0, value0), (stem, number, line)
                # the removed header text may be missing from the path, nothing else may change
                assert set(" ".join(path).split()) <= set(" ".join(path0).split()), (stem, number, path, path0)
                assert len(path) <= len(path0) or path == path0, (stem, number, path, path0)


def test_reader_name():
    assert flattened_table.NAME == "flattened_table"
    assert all(g.reader == "flattened_table" for g in grids("oss_jaarrekening_2019_flat"))


def _programme_tables(headings: list[str], above: str = "Wat heeft het gekost?") -> list[str]:
    lines = ["Jaarrekening 2023", "", "Alle bedragen in dit hoofdstuk zijn x € 1.000.", ""]
    for n, heading in enumerate(headings):
        lines += [heading, "", above, "", "Omschrijving", "", "Begroting 2023 na wijziging", "", "Realisatie 2023", ""]
        for label, a, b in (("Lasten", 100 + n, 110 + n), ("Baten", 20 + n, 25 + n), ("Saldo", -80, -85 - 2 * n)):
            lines += [label, "", f"{a}", "", f"{b}", ""]
    return lines


def test_the_programme_heading_above_each_table_heads_its_lasten_baten_saldo_rows():
    grids = read(_programme_tables(["Programma 1 Stad en bestuur", "Programma 2 Wonen", "Programma 3 Werk"]))
    assert [{row.headings for row in grid.rows} for grid in grids] == [
        {("Programma 1 Stad en bestuur",)}, {("Programma 2 Wonen",)}, {("Programma 3 Werk",)}]
    assert [row.label for row in grids[0].rows] == ["Lasten", "Baten", "Saldo"]


@pytest.mark.parametrize("headings", [
    ["Programma 1 Stad en bestuur", "Programma 1 Stad en bestuur", "Programma 3 Werk"],  # a heading repeated
    ["Programma 1 Stad en bestuur", "Begroting 2023", "Programma 3 Werk"],  # a title, not a part of the document
    ["Programma 1 Stad en bestuur", "De lasten zijn in 2023 gestegen.", "Programma 3 Werk"],  # a sentence
])
def test_headings_that_do_not_tell_the_tables_apart_head_no_rows(headings):
    """Which rows a heading is over is sure only when every table has its own: else none is carried."""
    grids = read(_programme_tables(headings))
    assert all(row.headings == () for grid in grids for row in grid.rows)


def test_a_single_table_of_sub_rows_keeps_its_rows_as_they_are():
    [grid] = read(_programme_tables(["Programma 1 Stad en bestuur"]))
    assert all(row.headings == () for row in grid.rows)


def test_a_value_lost_in_a_headed_table_leaves_its_row_short_never_shifted():
    lines = _programme_tables(["Programma 1 Stad en bestuur", "Programma 2 Wonen", "Programma 3 Werk"])
    baten_2 = lines.index("Baten", lines.index("Programma 2 Wonen"))
    del lines[baten_2 + 2: baten_2 + 4]  # its first value and the blank after it
    grids = read(lines)
    row = next(row for row in grids[1].rows if row.label == "Baten")
    assert row.headings == ("Programma 2 Wonen",) and not row.aligned and [c.value for c in row.cells] == [Decimal(26)]
    assert all(r.aligned for grid in (grids[0], grids[2]) for r in grid.rows)


def test_mutaties_reserves_above_its_flow_rows_is_a_heading_not_a_wrapped_label():
    cells = ["Overzicht van baten en lasten", "(bedragen x € 1.000)", "Omschrijving", "Rekening 2023", "Begroting 2024",
             "Lasten", "Programma 1", "8.105", "8.420", "Totaal lasten", "8.105", "8.420",
             "Saldo van baten en lasten", "-8.105", "-8.420", "Mutaties reserves",
             "Toevoegingen aan reserves", "2.105", "1.400", "Onttrekkingen aan reserves", "3.310", "2.640"]
    (grid,) = grids("", "\n\n".join(cells).split("\n"))
    flows = [row for row in grid.rows if "reserves" in row.label]
    assert [row.label_parts for row in flows] == [("Toevoegingen aan reserves",), ("Onttrekkingen aan reserves",)]
    assert all(row.headings == ("Mutaties reserves",) for row in flows)
