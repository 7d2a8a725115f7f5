"""Golden tests: every figure of the five sample documents, as read off the documents by hand."""

from decimal import Decimal

import pytest

from orchestration.parsing.document import parse_document


def facts_by_cell(document) -> dict[tuple, Decimal]:
    cells = {}
    for fact in document.facts:
        key = (fact.fiscal_year, fact.scenario, fact.measure, fact.taakveld_code or fact.source_category)
        assert key not in cells, f"two facts for {key}"
        cells[key] = fact.amount_eur
    return cells


def expand(rows: dict, columns: list[tuple[int, str]], measure: str, scale: int = 1) -> dict[tuple, Decimal]:
    expected = {}
    for label, values in rows.items():
        for (year, scenario), value in zip(columns, values):
            if value is not None:
                expected[(year, scenario, measure, label)] = Decimal(value) * scale
    return expected


@pytest.fixture(scope="module")
def parsed(sample_paths):
    return {prefix: parse_document(path) for prefix, path in sample_paths.items()}


# --- 000 Doesburg, mid-year report 2024 (web text, whole euros) ---------------------------------
DOESBURG_2024_COLUMNS = [(2021, "realisatie"), (2022, "realisatie"), (2023, "realisatie"),
                         (2024, "begroting_na_wijziging"), (2024, "realisatie_tot_heden")]
DOESBURG_2024_LASTEN = {
    "4.1": (568, 569, 10246, 47410, 13478), "4.2": (168933, 179390, 40562, 150942, 14450),
    "4.3": (942652, 1209987, 1104661, 666959, 855269), "6.1": (996584, 1436726, 2329041, 1253804, 885951),
    "6.2": (636656, 670556, 641124, 1201145, 272134), "6.3": (5754983, 6794796, 6692160, 5651970, 2618669),
    "6.4": (1709494, 1427146, 1577259, 1774610, 830481), "6.5": (865906, 894323, 1052941, 833767, 427853),
    "6.6": (562657, 531093, 576450, 691732, 318726), "6.71": (3044990, 3114133, 3420837, 3722587, 1807725),
    "6.72": (3989015, 5594771, 5972939, 5771843, 3011575), "6.81": (95181, 65341, 64218, 168015, 48668),
    "6.82": (27545, 24070, 24070, 106755, 0), "7.1": (365260, 380340, 462333, 575793, 469958),
}
DOESBURG_2024_BATEN = {
    "4.2": (11277, 11277, 12986, 11300, 0), "4.3": (333808, 568393, 382988, 5000, 149093),
    "6.1": (12160, 964834, 2559579, 0, 2297), "6.3": (4627536, 3789637, 4584607, 4389979, 2380344),
    "6.4": (0, 0, -25000, 0, 0), "6.5": (127716, 196497, 368355, 67093, 225845),
    "6.6": (263871, -2642, 8664, 17340, 5554), "6.71": (152401, 120459, 648781, 331850, 64803),
    "7.1": (0, 0, 37915, 0, 0),
}


def test_000_every_figure(parsed):
    document = parsed["000"]
    assert document.status == "ok"
    expected = {
        **expand(DOESBURG_2024_LASTEN, DOESBURG_2024_COLUMNS, "lasten"),
        **expand(DOESBURG_2024_BATEN, DOESBURG_2024_COLUMNS, "baten"),
        **expand({"0.10": (0, 0, 493489, 132145, 0)}, DOESBURG_2024_COLUMNS, "reserves_storting"),
        **expand({"0.10": (0, 0, 440979, 510979, 0)}, DOESBURG_2024_COLUMNS, "reserves_onttrekking"),
    }
    assert facts_by_cell(document) == expected
    gauges = {(t.measure, t.scenario, t.fiscal_year): t.amount_eur for t in document.reported_totals if t.total_kind == "gauge"}
    assert gauges == {("lasten", "realisatie_tot_heden", 2024): Decimal(11574937),
                      ("baten", "realisatie_tot_heden", 2024): Decimal(2827936)}
    assert document.metadata.municipality_code == "GM0221"
    assert [goal.goal_code for goal in document.goals] == ["L 2.1", "L 2.3", "L 2.4"]


def test_000_saldo_is_a_check_not_a_fact(parsed):
    document = parsed["000"]
    assert Decimal(33932) not in {fact.amount_eur for fact in document.facts}  # Saldo 2024 of 4.1
    saldo_checks = [c for c in document.checks if c.check_name == "line_saldo"]
    assert len(saldo_checks) == 14 + 1 + 9 + 1 + 2 and all(c.status == "passed" for c in saldo_checks)
    assert not document.failed_checks


# --- 001 Doesburg, mid-year report 2025 (PDF text, column after column) -------------------------
DOESBURG_2025_COLUMNS = [(2024, "realisatie"), (2025, "begroting_na_wijziging"), (2025, "realisatie_tot_heden")]
DOESBURG_2025_LASTEN = {
    "4.1": (81307, 83838, 19833), "4.2": (158210, 154872, 14254), "4.3": (973660, 992758, 574273),
    "6.1": (2891778, 3118879, 951849), "6.2": (1427522, 1267477, 299384), "6.3": (6287113, 6002825, 1893850),
    "6.4": (1590137, 1642909, 718124), "6.5": (1211077, 889113, 475702), "6.6": (671582, 695682, 98995),
    "6.71": (3748430, 3900468, 116032), "6.72": (7833046, 7654593, 128606), "6.81": (112088, 171469, 101432),
    "6.82": (62497, 45112, None),  # realisatie 2025 printed empty: no value, not zero
    "7.1": (551037, 618104, 315877),
}
# Realisatie 2024 of baten is complete: ten values for ten rows.
DOESBURG_2025_BATEN_2024 = {
    "4.2": 12986, "4.3": 272746, "6.1": 2769563, "6.2": 74233, "6.3": 4914756, "6.5": 222027,
    "6.6": 4964, "6.71": 360219, "6.72": 25328, "7.1": 70944,
}
# The 2025 baten columns, read by hand (lines 672-767). Saldo = begroting - realisatie pairs the
# values into nine rows, in this order, for ten taakvelden; one taakveld prints nothing:
#   begroting   realisatie    saldo
#      11.300            -    11.300    4.2 (the 2024 report's 4.2 budget is 11.300 too)
#     305.000      130.244   174.756    4.3
#   2.205.000    2.843.702  -638.702    6.1
#           0            0         0    6.2
#   4.597.729    2.134.990 2.462.739    6.3
#      11.000      151.515  -140.515    6.5
#      17.340            0    17.340    6.6 (2024: 17.340)
#     331.850      278.175    53.675    6.71 (2024: 331.850), or 6.72
#           -       90.707   -90.707    6.72 or 7.1: nothing in the text decides
# The sums let the empty taakveld be any of the ten. The blank lines of Realisatie 2024 between
# the baten rows (1 1 1 0 0 0 1 1 1) repeated by the other columns put it at 6.71, 6.72 or 7.1, but
# below 6.1 that rests on a single blank line of Realisatie 2024 (between 6.6 and 6.71): were it
# misread, the empty taakveld could be 6.2 ... 6.6 as well. So the layout places 4.2, 4.3 and 6.1,
# which hold under any one misread blank line; the rest stays ambiguous.
DOESBURG_2025_BATEN_PLACED_BY_LAYOUT = {
    # taakveld: (begroting na wijziging, realisatie tot heden); saldo is checked, not stored
    "4.2": (11300, None),  # realisatie printed empty: no value, not zero
    "4.3": (305000, 130244),
    "6.1": (2205000, 2843702),
}


def test_001_rebuilds_the_column_table(parsed):
    document = parsed["001"]
    assert document.status == "ok", document.reason
    expected = {
        **expand(DOESBURG_2025_LASTEN, DOESBURG_2025_COLUMNS, "lasten"),
        **{(2024, "realisatie", "baten", code): Decimal(v) for code, v in DOESBURG_2025_BATEN_2024.items()},
        **expand(DOESBURG_2025_BATEN_PLACED_BY_LAYOUT, DOESBURG_2025_COLUMNS[1:], "baten"),
        **expand({"0.10": (348145, 82145, 0)}, DOESBURG_2025_COLUMNS, "reserves_storting"),
        **expand({"0.10": (634979, 448979, 0)}, DOESBURG_2025_COLUMNS, "reserves_onttrekking"),
    }
    assert facts_by_cell(document) == expected
    placed_lines = {(f.scenario, f.taakveld_code): f.source_line for f in document.facts
                    if f.fiscal_year == 2025 and f.measure == "baten"}
    assert placed_lines == {("begroting_na_wijziging", "4.2"): 672, ("begroting_na_wijziging", "4.3"): 674,
                            ("begroting_na_wijziging", "6.1"): 676, ("realisatie_tot_heden", "4.3"): 712,
                            ("realisatie_tot_heden", "6.1"): 714}


def test_001_says_which_evidence_placed_each_value(parsed):
    document = parsed["001"]
    evidence = {c.subject: c.detail.split(":")[0] for c in document.checks
                if c.check_name == "placement" and c.subject != "blank lines between rows"}
    # the values the layout placed, saldo included (it checks the row, it is not stored)
    by_layout = {subject for subject, why in evidence.items() if why == "layout"}
    assert by_layout == {
        f"{label} (Baten, {column})"
        for label, columns in [("4.2 Onderwijshuisvesting", ["Begroting 2025 na wijziging", "Saldo 2025"]),
                               ("4.3 Onderwijsbeleid en leerlingenzaken", ["Begroting 2025 na wijziging", "Realisatie 2025", "Saldo 2025"]),
                               ("6.1 Samenkracht en burgerparticipatie", ["Begroting 2025 na wijziging", "Realisatie 2025", "Saldo 2025"])]
        for column in columns
    }
    assert evidence["6.3 Inkomensregelingen (Lasten, Realisatie 2024)"] == "complete column"
    assert evidence["6.72 Maatwerkdienstverlening 18- (Baten, Realisatie 2024)"] == "complete column"
    # lasten: the sums place every value; where the column's own blank lines agree too, both
    assert evidence["6.82 Geéscaleerde zorg 18- (Lasten, Begroting 2025 na wijziging)"] == "both"
    # Realisatie 2025 prints 6.5 and 6.6 with no blank line between: alone, its blank lines decide nothing
    assert evidence["7.1 Volksgezondheid (Lasten, Realisatie 2025)"] == "arithmetic"
    assert evidence["Totaal Baten (Baten, Begroting 2025 na wijziging)"] == "arithmetic"  # short line 770
    assert len(evidence) == (25 + 23 + 22 + 24) - 17 + 3  # every printed value but the 17 ambiguous, once
    layout = next(c for c in document.checks if c.subject == "blank lines between rows")
    assert layout.status == "passed" and "'Realisatie 2024'" in layout.detail
    saldo = {c.subject: c.status for c in document.checks if c.check_name == "line_saldo"}
    assert saldo["4.2 Onderwijshuisvesting (Saldo 2025)"] == saldo["6.1 Samenkracht en burgerparticipatie (Saldo 2025)"] == "passed"


def test_001_reports_what_neither_arithmetic_nor_layout_can_place(parsed):
    document = parsed["001"]
    ambiguous = {(cell.column_header, cell.source_line): (cell.printed_value, cell.candidates) for cell in document.ambiguous}
    assert len(document.ambiguous) == 5 + 6 + 6
    assert {header for header, _ in ambiguous} == {"Begroting 2025 na wijziging", "Realisatie 2025", "Saldo 2025"}
    assert ambiguous[("Begroting 2025 na wijziging", 678)] == (Decimal(0), ("6.2 Wijkteams", "6.3 Inkomensregelingen"))
    assert ambiguous[("Begroting 2025 na wijziging", 683)] == (
        Decimal(331850), ("6.71 Maatwerkdienstverlening 18+", "6.72 Maatwerkdienstverlening 18-"))
    assert ambiguous[("Realisatie 2025", 719)] == (
        Decimal(0), ("6.6 Maatwerkvoorzieningen (WMO)", "6.71 Maatwerkdienstverlening 18+"))
    assert ambiguous[("Realisatie 2025", 723)] == (
        Decimal(90707), ("6.72 Maatwerkdienstverlening 18-", "7.1 Volksgezondheid"))
    stored = {(f.scenario, f.taakveld_code) for f in document.facts if f.fiscal_year == 2025 and f.measure == "baten"}
    assert not stored & {(s, code) for s in ("begroting_na_wijziging", "realisatie_tot_heden")
                         for code in ("6.2", "6.3", "6.5", "6.6", "6.71", "6.72", "7.1")}


def test_001_totals_and_goals(parsed):
    document = parsed["001"]
    totals = {(t.fiscal_year, t.scenario, t.measure): t.amount_eur for t in document.reported_totals}
    assert totals[(2025, "realisatie_tot_heden", "lasten")] == Decimal(5708212)
    assert totals[(2025, "begroting_na_wijziging", "baten")] == Decimal(7479219)
    assert totals[(2024, "realisatie", "baten")] == Decimal(8727765)
    assert [g.goal_code for g in document.goals] == ["L 2.1", "L 2.2", "L 2.3", "L 2.4", "L 2.5", "L 2.6"]
    assert len(document.measures) == 10
    dwob = next(m for m in document.measures if "DWOB" in m.measure_title)
    assert (dwob.goal_code, dwob.start_date, dwob.end_date, dwob.time_indicator, dwob.status) == (
        "L 2.4", "2023-01-01", "2023-09-04", "8", "In uitvoering")


# --- 002 Coevorden, budget 2020, x € 1.000, own categories, baten only in the gauge ------------
def test_002_every_figure(parsed):
    document = parsed["002"]
    columns = [(2020, "begroting_primitief"), (2021, "meerjarenraming"), (2022, "meerjarenraming"), (2023, "meerjarenraming")]
    rows = {
        "Sport": (964, 976, 976, 975), "Gezondheidszorg": (578, 578, 466, 466),
        "Algemene voorzieningen": (2130, 2130, 2130, 2131), "Preventie": (1177, 1177, 1177, 1177),
        "Inkomen": (12976, 12976, 12976, 12976), "Participatie": (5888, 5603, 5442, 5312),
        "Individuele voorzieningen": (16171, 16319, 15657, 15657),
    }
    assert facts_by_cell(document) == expand(rows, columns, "lasten", scale=1000)
    assert all(fact.taakveld_code is None for fact in document.facts)
    gauges = {t.measure: t.amount_eur for t in document.reported_totals if t.total_kind == "gauge"}
    assert gauges == {"lasten": Decimal(39_884_000), "baten": Decimal(11_733_000)}  # printed € -39.884 x € 1.000
    assert (document.metadata.document_kind, document.metadata.reporting_year) == ("begroting", 2020)


# --- 003 Twenterand 2019, V/N variance per doelenboom -------------------------------------------
def test_003_variance_as_afwijking(parsed):
    document = parsed["003"]
    expected = {
        (2019, "afwijking", "lasten", "Doelenboom Sociale zaken"): Decimal("0.00"),
        (2019, "afwijking", "lasten", "Doelenboom Maatschappelijke ondersteuning"): Decimal("-375807.00"),
        (2019, "afwijking", "lasten", "Doelenboom Gezondheidszorg"): Decimal("35000.00"),
        (2019, "afwijking", "lasten", "Doelenboom Onderwijs"): Decimal("125000.00"),
        (2019, "afwijking", "lasten", "Doelenboom Jeugd"): Decimal("2429339.00"),
        # baten: the printed effect negated (V -1.240.073 is 1.240.073 more income than budgeted)
        (2019, "afwijking", "baten", "Doelenboom Sociale zaken"): Decimal("0.00"),
        (2019, "afwijking", "baten", "Doelenboom Maatschappelijke ondersteuning"): Decimal("1240073.00"),
        (2019, "afwijking", "baten", "Doelenboom Gezondheidszorg"): Decimal("0.00"),
        (2019, "afwijking", "baten", "Doelenboom Onderwijs"): Decimal("0.00"),
        (2019, "afwijking", "baten", "Doelenboom Jeugd"): Decimal("0.00"),
    }
    assert facts_by_cell(document) == expected
    assert all(check.status == "passed" for check in document.checks)
    assert {(c.subject, c.expected) for c in document.checks} >= {("Totaal programma Sociaal Domein", Decimal("973459.00"))}


# --- 004 Aa en Hunze, budget 2022, x € 1.000, municipality from the sidecar ---------------------
def test_004_every_figure(parsed):
    document = parsed["004"]
    columns = [(2020, "realisatie"), (2021, "begroting_na_wijziging"), (2022, "begroting_primitief")]
    lasten = {
        "4.1": (66, 84, 54), "4.2": (718, 695, 693), "4.3": (939, 1200, 1160), "6.1": (2287, 3687, 2482),
        "6.2": (3306, 3388, 3167), "6.3": (9615, 8641, 8081), "6.4": (101, 88, 75), "6.5": (317, 313, 309),
        "6.6": (1601, 1167, 1169), "6.71": (4188, 3760, 3480), "6.72": (6032, 5357, 4354),
        "6.81": (33, 28, 28), "6.82": (1516, 1435, 1134), "7.1": (985, 1265, 1210),
    }
    baten = {
        "4.2": (18, 20, 20), "4.3": (141, 204, 204), "6.1": (120, 362, 129), "6.2": (0, 0, 0),
        "6.3": (7869, 5964, 5453), "6.5": (13, 10, 10), "6.6": (5, 12, 12), "6.71": (332, 371, 124),
        "6.72": (31, 0, 0), "6.82": (25, 0, 0), "7.1": (2, 0, 0),
    }
    expected = {
        **expand(lasten, columns, "lasten", 1000), **expand(baten, columns, "baten", 1000),
        **expand({"0.10": (2730, 827, 34)}, columns, "reserves_onttrekking", 1000),
        **expand({"0.10": (2290, 19, 19)}, columns, "reserves_storting", 1000),
    }
    assert facts_by_cell(document) == expected
    assert (document.metadata.municipality_code, document.metadata.origin["municipality_code"]) == ("GM1680", "sidecar")


def test_rounding_differences_are_reported_not_hidden(parsed):
    rounding = [c for c in parsed["004"].checks if c.status == "within_rounding"]
    assert {c.subject for c in rounding} == {"Totaal Lasten (B2022)", "Totaal Baten (Begroot 2021 inc. wijz.)", "Totaal Baten (B2022)"}
    assert all(abs(c.difference) == 1000 for c in rounding)
