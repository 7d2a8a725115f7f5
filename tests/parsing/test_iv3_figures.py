"""The CBS Iv3 reader on the real files, with figures read off the files by hand, and on damaged copies."""

from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from orchestration.parsing.iv3_figures import iv3_files, read_iv3_file

RAW = Path(__file__).resolve().parents[2] / "raw"
ACCOUNTS_2023 = RAW / "iv3_cbs" / "2023_jaarrekening.csv"
BUDGET_2025 = RAW / "iv3_cbs" / "2025_begroting.csv"


@pytest.fixture(scope="module")
def accounts_2023():
    return read_iv3_file(ACCOUNTS_2023)


def figure(read, municipality_code: str, code: str, measure: str) -> Decimal:
    rows = read.figures.filter((pl.col("municipality_code") == municipality_code) & (pl.col("taakveld_code") == code)
                               & (pl.col("measure") == measure))
    assert rows.height == 1, rows
    return rows["amount_eur"][0]


def test_the_four_real_files_load_whole():
    reads = {path.name: read_iv3_file(path) for path in iv3_files(RAW)}
    assert sorted(reads) == ["2023_begroting.csv", "2023_jaarrekening.csv", "2024_begroting.csv", "2025_begroting.csv"]
    for name, read in reads.items():
        assert read.status == "ok", read.reason
        assert read.population.height == 342, name  # every municipality; the national row is not one
    assert reads["2023_begroting.csv"].scenario == "begroting_primitief"
    assert reads["2023_jaarrekening.csv"].scenario == "realisatie"


def test_exact_figures_in_euros(accounts_2023):
    # Doesburg;6.1 Samenkracht en burgerparticipatie;357.0;2559.0;2329.0 (L1.1; Baten; Lasten, in € 1.000)
    assert figure(accounts_2023, "GM0221", "6.1", "lasten") == Decimal("2329000.00")
    assert figure(accounts_2023, "GM0221", "6.1", "baten") == Decimal("2559000.00")
    assert figure(accounts_2023, "GM0221", "6.1", "lasten_salarissen") == Decimal("357000.00")
    assert figure(accounts_2023, "GM0221", "0.1", "lasten") == Decimal("928000.00")
    # 's-Gravenhage is named so in the file and resolves to its CBS code
    assert figure(accounts_2023, "GM0518", "6.1", "lasten") == Decimal("168040000.00")
    # an empty salary cell is no figure, not zero
    assert accounts_2023.figures.filter((pl.col("municipality_code") == "GM0221") & (pl.col("taakveld_code") == "0.10")
                                        & (pl.col("measure") == "lasten_salarissen")).height == 0
    population = dict(accounts_2023.population.select("municipality_code", "population").rows())
    assert population["GM0221"] == 11081 and population["GM0518"] == 562839


def test_2025_split_codes_and_names_of_merged_municipalities():
    read = read_iv3_file(BUDGET_2025)
    assert figure(read, "GM0221", "6.711", "lasten") == Decimal("1949000.00")
    assert figure(read, "GM0221", "6.711", "baten") == Decimal("117000.00")
    assert "GM1992" in set(read.population["municipality_code"])  # Voorne aan Zee, created in 2023
    assert "GM0501" not in set(read.population["municipality_code"])  # Brielle, merged into it


def test_reconciliation_of_the_real_files(accounts_2023):
    national = accounts_2023.checks.filter(pl.col("check_name") == "national_total")
    assert national.height == 71 * 2 and set(national["status"]) == {"passed"}
    budget = read_iv3_file(RAW / "iv3_cbs" / "2023_begroting.csv")
    failed = budget.checks.filter(pl.col("status") == "failed")
    # Sliedrecht's 2023 budget: lasten 69,019 against baten 83,193 (€ 1.000); CBS's own figures, flagged, loaded
    assert failed.select("check_name", "subject", "difference_eur").rows() == [
        ("lasten_equal_baten", "GM0610", Decimal("-14174000.00"))]
    assert budget.status == "ok"


def damaged(tmp_path: Path, name: str, edit) -> Path:
    lines = ACCOUNTS_2023.read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / "iv3_cbs" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text("".join(edit(lines)), encoding="utf-8")
    return target


def replace_line(prefix: str, old: str, new: str):
    def edit(lines):
        return [line.replace(old, new, 1) if line.startswith(prefix) else line for line in lines]
    return edit


@pytest.mark.parametrize(("edit", "reason"), [
    (replace_line("Doesburg;6.1 ", "Doesburg", "Doesbrug"), "unknown municipality (add the name to dbt_project/seeds/municipality_aliases.csv)"),
    (replace_line("Doesburg;6.1 ", "6.1 Samenkracht", "6.711 Huishoudelijke hulp"), "not in the official list of 2023"),
    (replace_line("Doesburg;6.1 ", ";2329.0;", ";2.329,0;"), "lasten is not a number"),
    (replace_line("Doesburg;6.1 ", "6.1 Samenkracht", "Samenkracht"), "no taakveld code"),
    (replace_line("Doesburg;6.1 ", "6.1 Samenkracht", "6.2 Wijkteams"), "the same municipality and taakveld twice"),
    (lambda lines: [lines[0].replace("Lasten", "Uitgaven")] + lines[1:], "columns ['Lasten'] missing"),
    (lambda lines: [], "the file is empty"),
])
def test_a_damaged_file_is_quarantined_whole_with_its_reason(tmp_path, edit, reason):
    read = read_iv3_file(damaged(tmp_path, "2023_jaarrekening.csv", edit))
    assert read.status == "quarantined"
    assert reason in read.reason and read.reason.startswith("iv3_cbs/2023_jaarrekening.csv: ")
    assert read.figures.height == 0 and read.population.height == 0  # never half-loaded


def test_the_unknown_municipality_reason_names_the_line(tmp_path):
    read = read_iv3_file(damaged(tmp_path, "2023_jaarrekening.csv", replace_line("Doesburg;6.1 ", "Doesburg", "Doesbrug")))
    line = next(i for i, text in enumerate(ACCOUNTS_2023.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("Doesburg;6.1 "))
    assert f"line {line}: 'Doesbrug'" in read.reason


def test_a_changed_figure_fails_the_national_total_but_loads(tmp_path):
    read = read_iv3_file(damaged(tmp_path, "2023_jaarrekening.csv", replace_line("Doesburg;6.1 ", ";2329.0;", ";2339.0;")))
    assert read.status == "ok"
    failed = read.checks.filter(pl.col("status") == "failed")
    assert failed.filter(pl.col("check_name") == "national_total").select("subject", "difference_eur").rows() == [
        ("6.1 lasten", Decimal("10000.00"))]


def test_without_national_rows_the_total_is_unverified(tmp_path):
    read = read_iv3_file(damaged(tmp_path, "2023_jaarrekening.csv",
                                 lambda lines: [line for line in lines if not line.startswith("Nederland;")]))
    national = read.checks.filter(pl.col("check_name") == "national_total")
    assert national.select("status").rows() == [("unverified",)]


def test_the_file_name_gives_year_and_kind(tmp_path):
    read = read_iv3_file(damaged(tmp_path, "iv3_2023.csv", lambda lines: lines))
    assert read.status == "quarantined" and "<year>_begroting.csv" in read.reason
    read = read_iv3_file(damaged(tmp_path, "2031_begroting.csv", lambda lines: lines))
    assert read.status == "quarantined" and "no official taakveld list for 2031" in read.reason
    # a 2023 file named as 2025: 6.2 was split into 6.21-6.23 in 2025
    read = read_iv3_file(damaged(tmp_path, "2025_begroting.csv", lambda lines: lines))
    assert read.status == "quarantined" and "line 38: '6.2'" in read.reason
