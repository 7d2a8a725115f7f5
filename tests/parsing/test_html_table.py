"""Web pages: tables read from the DOM (spans resolved into header paths), the same figures as the
corpus gold from the corpus tables rendered as the platforms publish them, damaged pages quarantined."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from orchestration.parsing.document import file_kind, parse_document
from orchestration.parsing.readers import html_table

CORPUS = Path(__file__).parent / "corpus"
CLI = Path(sys.executable).parent / "taakveld"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Programmabegroting 2024 - Gemeente Houten</title>
<script>document.write("<table><tr><td>9.999</td></tr></table>")</script><style>td{color:red}</style></head>
<body><nav><ul><li>Home</li><li>Programma 1 Samen leven</li></ul></nav>
<h2>Overzicht van baten en lasten</h2><p>bedragen x € 1.000</p>
<table><thead>
<tr><th rowspan="2" colspan="2">Programma</th><th colspan="3">Rekening 2022</th><th colspan="2">Begroting 2023</th><th rowspan="2">Verschil</th><th rowspan="2"></th></tr>
<tr><th>Lasten</th><th>Baten</th><th>Saldo</th><th>Lasten</th><th>Baten</th></tr></thead>
<tbody><tr><th colspan="9">01. Samen leven</th></tr>
<tr><th rowspan="2">01.01</th><td>Gezondheid</td><td>13.333</td><td>2.051</td><td>-11.282</td><td>12.829</td><td>1.992</td><td>504</td><td>V</td></tr>
<tr><td>Saamhorigheid</td><td>13.778</td><td></td><td>-13.778</td><td>-</td><td>942</td><td>1.116 368</td><td>N</td></tr>
</tbody></table></body></html>"""


def test_spans_become_header_paths_and_labels():
    page = html_table.read(PAGE.encode())
    [grid] = page.grids
    assert [column.path for column in grid.columns] == [
        ("Rekening 2022", "Lasten"), ("Rekening 2022", "Baten"), ("Rekening 2022", "Saldo"),
        ("Begroting 2023", "Lasten"), ("Begroting 2023", "Baten"), ("Verschil",)]
    first, second, third = grid.rows
    assert first.label_parts == ("01.01", "Gezondheid") and first.headings == ("01. Samen leven",)
    assert second.label_parts == ("01.01", "Saamhorigheid")  # the rowspan'd code cell is the row's too
    assert [cell.value if cell else None for cell in second.cells] == [13778, None, -13778, None, 942, 1116]
    assert third.line == second.line and third.cells[5].value == 368  # two figures in one cell: two rows
    assert first.cells[5].marker == "V"  # the V/N column goes on the cells
    assert "bedragen x € 1.000" in grid.context and grid.title == "Overzicht van baten en lasten"


def test_navigation_and_scripts_are_not_read():
    page = html_table.read(PAGE.encode())
    assert len(page.grids) == 1 and page.tables_seen == 1
    assert not any("9.999" in line or "Home" in line for line in page.text_lines)
    assert page.preamble[0] == "Programmabegroting 2024 - Gemeente Houten"


def test_a_cp1252_page_without_a_charset_reads_its_euro_sign():
    page = html_table.read(PAGE.replace('<meta charset="utf-8">', "").encode("cp1252"))
    assert "bedragen x € 1.000" in page.grids[0].context


def test_a_layout_table_is_looked_into():
    nested = PAGE.replace("<body>", "<body><table><tr><td>").replace("</body>", "</td></tr></table></body>")
    page = html_table.read(nested.encode())
    assert len(page.grids) == 1 and len(page.grids[0].columns) == 6


def test_kind_is_told_by_content_not_by_name(tmp_path):
    assert file_kind(PAGE.encode()) == "html"
    assert file_kind(b"%PDF-1.7\n...") == "pdf"
    assert file_kind("Programma 1 | Lasten | 84.646 |".encode()) == "text"
    page = tmp_path / "programma.txt"  # a saved page named .txt is still a page
    page.write_text(PAGE, encoding="utf-8")
    document = parse_document(page)
    assert document.status == "ok" and document.layout == "html_table"
    assert document.metadata.municipality_code == "GM0321" and document.metadata.reporting_year == 2024
    fact = next(f for f in document.facts if f.source_category == "01.01 Gezondheid" and f.fiscal_year == 2022 and f.measure == "lasten")
    assert fact.amount_eur == Decimal("13333000") and fact.scenario == "realisatie"


def test_a_page_without_tables_is_quarantined(tmp_path):
    page = tmp_path / "nieuws.html"
    page.write_text("<html><body><h1>Gemeente Houten</h1><p>De begroting 2024 is vastgesteld.</p></body></html>")
    document = parse_document(page)
    assert document.status == "quarantined" and "no table" in document.reason


def test_a_table_of_text_is_quarantined_with_its_reason(tmp_path):
    page = tmp_path / "contact.html"
    page.write_text("<html><body><p>Gemeente Houten</p><table><tr><th>Loket</th><th>Open</th></tr>"
                    "<tr><td>Burgerzaken</td><td>ma-vr</td></tr></table></body></html>")
    document = parse_document(page)
    assert document.status == "quarantined" and "no column of figures" in document.reason


def test_extract_says_which_reader_read_which_table(tmp_path):
    page = tmp_path / "houten.html"
    page.write_text(PAGE, encoding="utf-8")
    output = json.loads(subprocess.run([str(CLI), "extract", str(page)], capture_output=True, text=True, check=True).stdout)
    assert output["document"]["file_kind"] == "html"
    assert output["tables"] == [{"table": "Overzicht van baten en lasten (line 1)", "reader": "html_table"}]


def test_corpus_tables_as_web_pages_give_the_gold_figures():
    """Every corpus table the text readers read, rendered as a web page (make_renderings.py): no wrong
    figure, and at least the figures its text gives (the page places the short rows the text cannot)."""
    completed = subprocess.run(
        [sys.executable, str(CORPUS / "score.py"), "--cli", str(CLI), "--docs", str(CORPUS / "html"), "--ext", "html",
         "--gold", str(CORPUS / "gold"), "--index", str(CORPUS / "documents.csv"), "--json"],
        capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(completed.stdout)
    wrong = {r["document"]: (r["total"], r["misfiled"], r["invented"], r["status"]) for r in result["documents"]
             if r["total"] or r["misfiled"] or r["invented"] or r["status"] != "ok"}
    assert wrong == {}
    assert len(result["documents"]) == 28 and result["totals"]["hit"] >= 1349
