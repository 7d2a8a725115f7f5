"""The reference seeds against their official sources: the code list equals what CBS's definitions say,
the summarised taakvelden agree with it year by year, and municipality names resolve."""

import csv

from orchestration.reference import (
    CODELIST_SEED, SEEDS, derive_taakveld_codelist, municipalities, municipality_by_name, taakveld_codes_by_year,
)


def test_the_committed_code_list_is_the_one_cbs_definitions_give():
    with open(CODELIST_SEED, encoding="utf-8", newline="") as handle:
        committed = list(csv.DictReader(handle))
    assert committed == derive_taakveld_codelist()  # else: python -m orchestration.reference
    per_year = {year: len(codes) for year, codes in taakveld_codes_by_year().items()}
    assert per_year == {2017: 53, 2018: 53, 2019: 53, 2020: 53, 2021: 53, 2022: 53, 2023: 71, 2024: 71, 2025: 69, 2026: 69}


def test_the_summarised_taakvelden_agree_with_the_definitions_in_every_year():
    with open(SEEDS / "cbs_taakvelden.csv", encoding="utf-8", newline="") as handle:
        summary = {(year, row["code"]): row["naam_exact_CBS"]
                   for row in csv.DictReader(handle)
                   for year in range(int(row["jaar_van"]), int(row["jaar_tot"]) + 1)}
    official = {(year, code): name for year, codes in taakveld_codes_by_year().items() for code, name in codes.items()}
    assert summary == official
    assert official[(2022, "6.2")] == "Wijkteams" and official[(2023, "6.2")] == "Toegang en eerstelijnsvoorzieningen"
    assert (2025, "6.2") not in official and (2025, "6.21") in official


def test_municipality_names_and_variants():
    by_name = municipality_by_name()
    assert by_name["'s-Gravenhage"].code == by_name["Den Haag"].code == "GM0518"
    assert by_name["Beek"].code == by_name["Beek (L.)"].code == "GM0888"
    assert by_name["Nuenen"].code == by_name["Nuenen, Gerwen en Nederwetten"].code == "GM0820"
    assert by_name["Voorne aan Zee"].code == "GM1992"
    assert "Bergen" not in by_name  # Bergen (L.) and Bergen (NH.): a bare 'Bergen' names neither
    assert municipalities()["GM0518"].name == "'s-Gravenhage"
