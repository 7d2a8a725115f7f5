"""The reconciler that gives every layout family's grids their meaning: header words, sign conventions
proven by arithmetic, units, short rows placed by totals, and damaged tables that must flag or refuse,
never load a wrong figure. Fixtures are real tables (tests/parsing/corpus, source on line 1)."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchestration.parsing.document import parse_text
from orchestration.parsing.numbers import NotAnAmount, parse_cell
from orchestration.parsing.meaning import column_meaning, taakveld_of

CORPUS = Path(__file__).parent / "corpus" / "docs"


def excerpt(name: str) -> str:
    """A corpus excerpt without its `# SOURCE:` line, as a user would have it."""
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[1]


def facts_of(document) -> dict[tuple, Decimal]:
    return {(f.fiscal_year, f.scenario, f.measure, f.source_category): f.amount_eur for f in document.facts}


# --- header words ---------------------------------------------------------------------------------

years = st.integers(min_value=2015, max_value=2030)


@given(years, st.sampled_from(["Realisatie", "Rekening", "Jaarrekening", "Werkelijk", "REKENING"]))
def test_realised_columns(year, word):
    meaning = column_meaning((f"{word} {year}",))
    assert (meaning.kind, meaning.year) == ("realisatie", year)


@given(years, st.sampled_from(["Begroting {y} na wijziging", "Begroting na wijziging {y} (iFin)", "Bijgestelde begroting {y}",
                               "Begroot {y} inc. wijz.", "Begroting {y} gewijzigd", "BGR {y} na wijziging"]))
def test_amended_budget_columns(year, template):
    meaning = column_meaning((template.format(y=year),))
    assert (meaning.kind, meaning.year) == ("begroting_na_wijziging", year)


@given(years, st.sampled_from(["Begroting {y} primitief", "Primitieve begroting {y}", "Raming begrotingsjaar {y} vóór wijziging"]))
def test_original_budget_columns(year, template):
    assert column_meaning((template.format(y=year),)).kind == "begroting_primitief"


@given(years, st.sampled_from(["Lasten", "Baten", "Saldo"]))
def test_a_measure_leaf_under_a_year_group(year, leaf):
    meaning = column_meaning((f"Rekening {year}", leaf))
    assert (meaning.kind, meaning.year, meaning.measure) == ("realisatie", year, leaf.lower())


@given(years, st.sampled_from(["l", "b"]))
def test_short_measure_year_leaves(year, letter):
    meaning = column_meaning((f"Begroting {year}", f"{letter}-{year}"))
    assert meaning.measure == {"l": "lasten", "b": "baten"}[letter] and meaning.year == year


@pytest.mark.parametrize("path, kind", [
    (("Verschil",), "difference"), (("Saldo 2020", "Lasten"), "difference"), (("Saldo", "2024"), "difference"),
    (("Afwijking begroting - prognose 2025",), "difference"), (("Prognose 2025",), "other"),
    (("Stand 31-12-2022",), "other"), (("Meerjarenraming", "2024"), "meerjarenraming"),
])
def test_differences_and_figures_that_are_not_stored(path, kind):
    assert column_meaning(path).kind == kind


# --- numbers and codes -----------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**9))
def test_a_trailing_minus_is_a_minus(value):
    grouped = f"{value:,}".replace(",", ".")
    assert parse_cell(grouped + "-").value == parse_cell("-" + grouped).value == -value


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["V", "N"]))
def test_footnote_marks_and_variance_letters(value, letter):
    grouped = f"{value:,}".replace(",", ".")
    assert parse_cell(grouped + "*").value == value
    cell = parse_cell(f"{grouped} {letter}")
    assert (cell.value, cell.marker) == (value, letter)


@pytest.mark.parametrize("text", ["-4.977-", "12-3", "6.71a", "1,2,3"])
def test_malformed_cells_are_refused(text):
    with pytest.raises(NotAnAmount):
        parse_cell(text)


@pytest.mark.parametrize("label, code", [
    ("6.3 Inkomens regelingen", "6.3"), ("0.7 Alg. uitkering gemeentefonds", "0.7"), ("6.711 Hulp bij het huishouden (WMO)", "6.711"),
    ("1.1 - Bestuur", None),  # a municipality's own numbering: official 1.1 is Crisisbeheersing en brandweer
    ("9.9 Onbekend", None), ("Programma 1", None),
])
def test_a_printed_code_is_a_taakveld_only_when_its_name_fits(label, code):
    assert taakveld_of(label) == code


# --- sign conventions -------------------------------------------------------------------------------

PIPE_TABLE = """Cijfers per programma
bedragen x € 1.000
Omschrijving | Rekening 2023 | Begroting 2024 | Begroting 2025 |
---|---|---|---|
Programma 1 | Lasten | {l1} | {l2} | {l3} |
Baten | {b1} | {b2} | {b3} | |
Saldo | {s1} | {s2} | {s3} | |
Programma 2 | Lasten | 500 | 510 | 520 |
Baten | {b4} | {b5} | {b6} | |
Saldo | {s4} | {s5} | {s6} | |
"""


def _pipe(lasten_sign: int, baten_sign: int, saldo: str) -> str:
    lasten, baten = [1200, 1300, 1400], [300, 350, 380]
    baten2 = [100, 90, 80]
    values = {}
    for i in range(3):
        values[f"l{i + 1}"] = lasten_sign * lasten[i]
        values[f"b{i + 1}"] = baten_sign * baten[i]
        values[f"b{i + 4}"] = baten_sign * baten2[i]
        for programme, (l, b) in ((0, (lasten[i], baten[i])), (3, ((500, 510, 520)[i], baten2[i]))):
            values[f"s{i + 1 + programme}"] = {"b-l": b - l, "l-b": l - b}[saldo]
    text = PIPE_TABLE.format(**{k: f"{v:,}".replace(",", ".") for k, v in values.items()})
    if lasten_sign < 0:
        text = text.replace("| 500 | 510 | 520 |", "| -500 | -510 | -520 |")
    return text


@pytest.mark.parametrize("lasten_sign, baten_sign, saldo", [(1, 1, "b-l"), (-1, 1, "b-l"), (1, -1, "l-b"), (1, 1, "l-b")])
def test_every_sign_convention_gives_the_same_facts(lasten_sign, baten_sign, saldo):
    document = parse_text(_pipe(lasten_sign, baten_sign, saldo), {"municipality_code": "GM0828"})
    assert document.status == "ok", document.reason
    facts = facts_of(document)
    assert facts[(2023, "realisatie", "lasten", "Programma 1")] == 1_200_000
    # a budget prints realisatie of N-2: this is the 2025 budget, 2024 its amended prior year
    assert facts[(2024, "begroting_na_wijziging", "baten", "Programma 1")] == 350_000
    assert facts[(2025, "begroting_primitief", "lasten", "Programma 2")] == 520_000
    assert not any(measure == "saldo" for _, _, measure, _ in facts)  # derived where lasten and baten are stored
    assert len(facts) == 12


# --- damaged real tables: a flag or a refusal, never a wrong figure ---------------------------------------


def test_oss_pipe_table_reads_completely():
    document = parse_text(excerpt("oss_jaarrekening_2019_pipe"), {"municipality_code": "GM0828"})
    facts = facts_of(document)
    assert facts[(2019, "realisatie", "baten", "Programma 2")] == 27_804_000  # printed -27.804, baten negative
    assert facts[(2019, "begroting_na_wijziging", "lasten", "Programma 6")] == 34_514_000
    assert not document.failed_checks


def test_a_changed_digit_fails_the_rows_own_saldo():
    text = excerpt("oss_jaarrekening_2019_pipe").replace("| 84.646 |", "| 84.656 |")
    document = parse_text(text, {"municipality_code": "GM0828"})
    failed = [(check.check_name, check.detail) for check in document.failed_checks]
    assert failed == [("line_saldo", "line 6: baten - lasten against the printed saldo")]  # the Saldo sub-row of Programma 1


def test_a_row_cut_from_a_table_with_totals_fails_its_total():
    text = excerpt("bladel_begroting_2022")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("0.2 Burgerzaken"))
    document = parse_text(text, {"municipality_code": "GM1728"})
    failed = {(check.check_name, check.subject) for check in document.failed_checks}
    assert ("placement", "Totaal bestuur en ondersteuning") in failed  # 0.1 Bestuur's short row no longer adds up
    assert not any(fact.source_category == "0.1 Bestuur" for fact in document.facts)


def test_a_column_dropped_from_the_header_refuses_the_table():
    text = excerpt("oss_jaarrekening_2019_pipe").replace("| Begroting 2019 primitief ", "")
    document = parse_text(text, {"municipality_code": "GM0828"})
    assert document.facts == []


def test_a_removed_million_caption_with_decimals_leaves_the_unit_unknown():
    text = excerpt("nijmegen_jaarrekening_2023").replace("bedragen x € 1 mln", "bedragen")
    document = parse_text(text, {"municipality_code": "GM0268"})
    assert document.facts == []
    assert any(check.check_name == "unit" and check.status == "failed" for check in document.checks)


def test_a_stated_unit_in_the_sidecar_decides():
    text = excerpt("nijmegen_jaarrekening_2023").replace("bedragen x € 1 mln", "bedragen")
    document = parse_text(text, {"municipality_code": "GM0268", "unit": 1_000_000})
    assert facts_of(document)[(2023, "realisatie", "lasten", "6.3 Inkomens regelingen")] == 179_100_000


# --- accounts or a mid-year report: the realisatie of the report's own year ---------------------------

REPORT = """Financieel overzicht
bedragen x € 1.000
Omschrijving | Begroting 2024 na wijziging | {realised} |
---|---|---|
Programma 1 | Lasten | 1.200 | 800 |
Baten | 300 | 150 | |
Programma 2 | Lasten | 500 | 260 |
Baten | 100 | 40 | |
"""


@pytest.mark.parametrize("realised, supplied, scenario", [
    ("Realisatie t/m juni 2024", {}, "realisatie_tot_heden"),
    ("Rekening 2024", {}, "realisatie"),
    ("Realisatie 2024", {"document_kind": "tussentijdse_rapportage"}, "realisatie_tot_heden"),
    ("Realisatie 2024", {"document_kind": "jaarrekening"}, "realisatie"),
])
def test_the_reports_own_realisatie_is_full_year_or_so_far_as_the_document_says(realised, supplied, scenario):
    document = parse_text(REPORT.format(realised=realised), {"municipality_code": "GM0828", **supplied})
    assert facts_of(document)[(2024, scenario, "lasten", "Programma 1")] == 800_000


def test_realisatie_beside_an_amended_budget_alone_is_not_guessed():
    document = parse_text(REPORT.format(realised="Realisatie 2024"), {"municipality_code": "GM0828"})
    assert not any(scenario.startswith("realisatie") for _, scenario, _, _ in facts_of(document))
    assert any("year or scenario is not stated" in cell.candidates[0] for cell in document.ambiguous)


# --- columns and totals that cannot be trusted --------------------------------------------------------

def test_two_columns_headed_alike_store_neither():
    text = """Jaarrekening 2023
Lasten per taakveld
Bedragen x € 1.000
Taakveld Begroting 2023 Begroting 2023 Realisatie 2023
0.1 Bestuur 2.870 3.010 2.955
3.4 Economische promotie 310 310 300
"""
    document = parse_text(text, {"municipality_code": "GM0307"})
    facts = facts_of(document)
    assert not any(scenario.startswith("begroting") for _, scenario, _, _ in facts)
    assert facts[(2023, "realisatie", "lasten", "3.4 Economische promotie")] == 300_000
    assert sum("headed alike" in cell.candidates[0] for cell in document.ambiguous) == 4


def test_a_column_whose_total_does_not_add_up_is_not_stored():
    text = """Jaarrekening 2023
Lasten per taakveld
Bedragen x € 1.000
Taakveld Begroting 2023 na wijziging Realisatie 2023 Verschil
0.1 Bestuur 4.480 - 85
0.2 Burgerzaken 2.230 4.395 -88
1.2 Openbare orde en veiligheid 4.010 2.318 48
Totaal lasten 10.720 10.675 45
"""
    document = parse_text(text, {"municipality_code": "GM0307"})
    facts = facts_of(document)
    assert not any(scenario == "realisatie" for _, scenario, _, _ in facts)  # the realisatie column is shifted
    assert facts[(2023, "begroting_na_wijziging", "lasten", "0.2 Burgerzaken")] == 2_230_000
    assert not any(scenario == "afwijking" for _, scenario, _, _ in facts)  # its direction is proven by no row
    assert any(check.check_name == "table_total" and check.status == "failed" for check in document.checks)
