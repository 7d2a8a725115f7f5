"""Every real table of the corpus, damaged the ways real text gets damaged: a header cell lost, a row
cut out, a digit changed, the unit caption gone. Whatever the family, a damaged table may lose figures,
flag or quarantine, but never moves a figure to another cell or invents one."""

import re
from pathlib import Path

import pytest

from orchestration.parsing.document import parse_text
from orchestration.parsing.readers import read_layout

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(path.stem for path in (CORPUS / "docs").glob("*.txt"))
MUNICIPALITY = {line.split(",")[0][:-4]: re.search(r",(GM\d{4}),", line).group(1)
                for line in (CORPUS / "documents.csv").read_text(encoding="utf-8").splitlines()[1:]}


def excerpt(name: str) -> list[str]:
    return (CORPUS / "docs" / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[1].splitlines()


def facts(lines: list[str], name: str) -> tuple[set, object]:
    document = parse_text("\n".join(lines), {"municipality_code": MUNICIPALITY[name]})
    return {(f.fiscal_year, f.scenario, f.measure, f.source_category, f.amount_eur) for f in document.facts}, document


def is_flagged(document) -> bool:
    return (document.status == "quarantined" or bool(document.ambiguous)
            or any(check.status in ("failed", "unverified") for check in document.checks))


READ = {name: facts(excerpt(name), name) for name in DOCUMENTS}
WITH_FACTS = [name for name in DOCUMENTS if READ[name][0]]


def _grids(name):
    return read_layout(excerpt(name)).grids


def _without_cell(line: str, text: str) -> str | None:
    """The line with one printed cell taken out, as if the layout had lost it."""
    stripped = line.strip().rstrip("|").strip()
    if stripped == text.strip():
        return None  # one cell per line: the whole line goes
    for pattern in (rf"\|\s*{re.escape(text)}\s*(?=\|)", rf"(?<=\s){re.escape(text)}(?=\s|$)"):
        damaged, count = re.subn(pattern, "", line, count=1)
        if count:
            return damaged
    return line


WHERE = ["first", "middle", "last"]


def _pick(items: list, where: str):
    return items[{"first": 0, "middle": len(items) // 2, "last": -1}[where]]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("name", WITH_FACTS)
def test_a_lost_header_cell_never_shifts_a_figure(name, where):
    original, _ = READ[name]
    grid = _grids(name)[0]
    column = _pick(grid.columns, where)
    lines = excerpt(name)
    damaged_line = _without_cell(lines[column.line - 1], column.path[-1])
    lines = lines[: column.line - 1] + ([] if damaged_line is None else [damaged_line]) + lines[column.line:]
    damaged, _ = facts(lines, name)
    assert damaged <= original, f"{name}: figures not in the undamaged reading: {sorted(damaged - original)[:5]}"


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("name", WITH_FACTS)
def test_a_row_cut_out_never_shifts_a_figure(name, where):
    original, _ = READ[name]
    grid = _grids(name)[0]
    rows = [row for row in grid.rows if row.aligned and sum(c is not None for c in row.cells) >= 2
            and not re.match(r"(?i)\s*(sub)?-?totaal", row.label)]
    if not rows:
        pytest.skip("no complete line row")
    row = _pick(rows, where)
    cell_lines = {cell.line for cell in row.cells if cell is not None} | {row.line}
    lines = [line for number, line in enumerate(excerpt(name), start=1) if number not in cell_lines]
    damaged, document = facts(lines, name)
    assert damaged <= original, f"{name}: figures not in the undamaged reading: {sorted(damaged - original)[:5]}"


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("name", WITH_FACTS)
def test_a_changed_digit_changes_that_figure_only(name, where):
    original, _ = READ[name]
    grid = _grids(name)[0]
    cell = _pick([cell for row in grid.rows if row.aligned for cell in row.cells if cell is not None and abs(cell.value) >= 10], where)
    lines = excerpt(name)
    digits = re.search(r"\d(?=\D*$)", cell.text)
    changed = cell.text[: digits.start()] + str((int(digits.group()) + 1) % 10) + cell.text[digits.end():]
    lines[cell.line - 1] = lines[cell.line - 1].replace(cell.text, changed, 1)
    damaged, _ = facts(lines, name)
    assert len(damaged - original) <= 1, f"{name}: more than the changed figure differs: {sorted(damaged - original)[:5]}"


@pytest.mark.parametrize("name", [n for n in WITH_FACTS if any(re.search(r"(?i)x\s*€|€\s*1|in\s*€|1\.000,-", line) for line in excerpt(n))])
def test_a_lost_unit_caption_is_recorded_never_silent(name):
    original, _ = READ[name]
    lines = [re.sub(r"(?i)(?:bedragen\s*)?(?:\(?\s*(?:x|\*|in)\s*€?\s*1(?:\.000)*(?:,-)?(?:\s*mln)?\s*\)?)", "", line) for line in excerpt(name)]
    damaged, document = facts(lines, name)
    assert damaged <= original or any(check.check_name == "unit" for check in document.checks), \
        f"{name}: other figures without a word about the unit"
