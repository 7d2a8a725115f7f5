"""Documents the parser has never been tuned on: tables of other municipalities in the layout families
(pipe, one row per line, one cell per line, label-then-number) and a few beyond them (tab-separated),
varied the way real sites and PDFs vary. Each fixture in `unseen/` is a text and the facts it states,
worked out by hand (`unseen/make_fixtures.py` writes both from one set of numbers; see its docstring for
the columns).

Two questions per document:
- no wrong figure: every loaded fact is one the document states, with its year, scenario, measure,
  category and warehouse sign -- never a total, a prognose, a mutation, nothing invented;
- every stated figure loaded: the facts marked required are all there (recall).
"""

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from orchestration.parsing.document import parse_text

UNSEEN = Path(__file__).parent / "unseen"
INDEX = {row["file"][:-4]: row for row in csv.DictReader((UNSEEN / "documents.csv").open(encoding="utf-8"))}
DOCUMENTS = sorted(INDEX)
# A damaged copy of a fixture (documents.csv `expect` = flagged) must be quarantined or flagged, never load a
# figure its intact document does not state; the others must load every stated figure.
INTACT = [name for name in DOCUMENTS if INDEX[name].get("expect", "ok") != "flagged"]
DAMAGED = [name for name in DOCUMENTS if INDEX[name].get("expect", "ok") == "flagged"]

# A document whose failure is known and not yet fixed goes here with its cause, as a strict xfail: it starts
# failing (XPASS) as soon as the cause is fixed, so the mark cannot outlive it.
WRONG_XFAIL: dict[str, str] = {
}
MISSED_XFAIL: dict[str, str] = {
    "browser_alphen_programmarekening_2022_tabs":
        "reconcile: the saldo convention is decided for the whole table (sign check 'do not add up one way on most "
        "rows'), but the Verschil column's saldo is verschil lasten + verschil baten while the scenario columns print "
        "baten - lasten; the values become ambiguous",
    "browser_woerden_voorjaarsnota_2024_bijstellingen":
        "delimited_table: a two-row tab header whose second row ends in an empty cell ('\\t1e berap 2024\\t1e berap 2024\\t') "
        "resolves into 2 columns over 3 amounts: quarantined instead of read as mutations (nothing stored either way)",
    "layout_delft_begroting_2024_programmas":
        "spaced_row_table: several small Lasten/Baten/Saldo tables each under its own programme heading above 'Wat mag "
        "het kosten?' do not carry that heading into their rows (flattened_table does), so the rows of the three "
        "tables collide ('Lasten' printed twice)",
    "layout_harderwijk_jaarrekening_2022_vn":
        "spaced_row_table/reconcile: layout rows with an unsigned Verschil and a V/N marker in its own column, a blank "
        "line after every row: only 3 facts load, the rest ambiguous (cause not yet isolated)",
    "pipe_lelystad_jaarrekening_2023_verschil_vn":
        "document/meaning: a programme page 'Wat heeft het gekost?' (the accounts' question) with only 'Begroting 2023 na "
        "wijziging' and 'Realisatie 2023' columns and no title naming the document: the own-year realisatie is "
        "ambiguous ('year or scenario is not stated'); 'Wat heeft het gekost?' is not taken as evidence of the accounts",
    "jv_zeist_voorjaarsnota_2024_saldi":
        "reconcile/meaning: a saldo-only table whose header prints 'Saldo' under the three meerjarenraming columns only "
        "('Primitief' / 'na voorjaarsnota' / 'Saldo' / 'Saldo' / 'Saldo') under a '(- = nadeel)' caption: the two "
        "2024 columns are ambiguous ('neither the row nor the column says lasten or baten')",
    "pdftext_heerenveen_begroting_2024_drie_kolommen":
        "pdf_column_table (not ours): a column header wrapped over two lines ('Realisatie' / '2022') is 'unknown column "
        "header'; the document is quarantined",
}


def _norm(name: str) -> str:
    name = re.sub(r"^\s*\d+([.\-]\d+[a-z]?)*[_.:]?\s*", "", (name or "").lower())
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


def _same_name(expected: str, printed: str) -> bool:
    b = _norm(printed)
    for alternative in expected.split("|"):
        a = _norm(alternative)
        if a and b and (a == b or (min(len(a), len(b)) >= 12 and (a.startswith(b) or b.startswith(a)))):
            return True
    return False


def _expected(name: str) -> list[dict]:
    rows = list(csv.DictReader((UNSEEN / f"{name}.csv").open(encoding="utf-8")))
    for row in rows:
        row["fiscal_year"] = int(row["fiscal_year"])
        row["amount_eur"] = Decimal(row["amount_eur"])
        row["required"] = row["required"] == "1"
        row["scenarios"] = {row["scenario"]} | ({row["scenario_alt"]} if row["scenario_alt"] else set())
    return rows


def _matches(row: dict, fact) -> bool:
    if (row["fiscal_year"] != fact.fiscal_year or fact.scenario not in row["scenarios"]
            or row["measure"] != fact.measure or row["amount_eur"] != fact.amount_eur):
        return False
    if row["category_code"]:
        return (fact.taakveld_code or "") == row["category_code"]
    return _same_name(row["category_name"], fact.source_category)


_READ: dict = {}


def _read(name: str):
    if name not in _READ:
        text = (UNSEEN / f"{name}.txt").read_text(encoding="utf-8")
        row = INDEX[name]
        supplied = {} if row.get("sidecar") == "0" else {"municipality_code": row["municipality_code"]}
        document = parse_text(text, supplied, name=f"{name}.txt")
        expected = _expected(name)
        used: set[int] = set()
        wrong = []
        for fact in document.facts:
            match = next((i for i, row in enumerate(expected) if i not in used and _matches(row, fact)), None)
            if match is None:
                elsewhere = any(abs(row["amount_eur"]) == abs(fact.amount_eur) for row in expected)
                wrong.append(("misfiled" if elsewhere else "invented", fact.fiscal_year, fact.scenario, fact.measure,
                              fact.taakveld_code, fact.source_category, str(fact.amount_eur), fact.source_line))
            else:
                used.add(match)
        missed = [(row["fiscal_year"], row["scenario"], row["measure"], row["category_code"], row["category_name"],
                   str(row["amount_eur"])) for i, row in enumerate(expected) if row["required"] and i not in used]
        _READ[name] = document, wrong, missed
    return _READ[name]


def _param(name: str, xfails: dict[str, str]):
    if name in xfails:
        return pytest.param(name, marks=pytest.mark.xfail(reason=xfails[name], strict=True))
    return name


@pytest.mark.parametrize("name", [_param(name, WRONG_XFAIL) for name in DOCUMENTS])
def test_no_wrong_figure(name):
    document, wrong, _ = _read(name)
    assert wrong == [], f"{name}: {document.status} {document.reason or ''}: loaded facts the document does not state: {wrong}"


@pytest.mark.parametrize("name", [_param(name, MISSED_XFAIL) for name in INTACT])
def test_every_stated_figure_loaded(name):
    document, _, missed = _read(name)
    assert document.status == "ok", f"{name}: quarantined: {document.reason}"
    assert document.metadata.municipality_code == INDEX[name]["municipality_code"]
    assert missed == [], f"{name}: {len(missed)} stated figures not loaded, e.g. {missed[:6]}"


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_copy_is_flagged(name):
    document, _, _ = _read(name)
    assert (document.status == "quarantined" or document.failed_checks or document.ambiguous), \
        f"{name}: a damaged document loaded {len(document.facts)} facts without a flag"
