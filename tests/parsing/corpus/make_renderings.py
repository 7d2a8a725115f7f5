"""Renders the real corpus tables as the platforms publish them: web pages (`html/<stem>.html`, a
`<table>` per table with nested headers in `colspan`/`rowspan`, a programme cell spanning its
Lasten/Baten/Saldo rows, section rows in their own `<tbody>`, navigation and scripts around it) and
PDFs of those pages printed by a headless browser (`pdf/<stem>.pdf`), plus the few PDFs that test
what only a PDF has (a table across a page break, an image-only page, damaged files).

Each table is the one the text readers read from `docs/<stem>.txt` (its headers, labels and printed
cells as printed); a row whose values the text does not place is placed where the reconciler proved
it belongs, and a row the text cuts off is left out. So the figures of a rendering are the corpus
gold's. Run from the project root; the PDFs need Debian's `chromium` (the tests do not: the outputs
are committed):

    .venv/bin/python tests/parsing/corpus/make_renderings.py [--html-only]
"""

import argparse
import csv
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from orchestration.parsing.document import parse_text  # noqa: E402
from orchestration.parsing.model import DocumentMetadata, UnreadableDocument  # noqa: E402
from orchestration.parsing.readers import read_layout  # noqa: E402
from orchestration.parsing.reconcile import reconcile  # noqa: E402
from orchestration.reference import municipalities  # noqa: E402

CORPUS = Path(__file__).resolve().parent
HTML_DIR, PDF_DIR = CORPUS / "html", CORPUS / "pdf"
STYLE = """@page{size:A4}
body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;margin:2em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:2px 6px}
td.bedrag{text-align:right;white-space:nowrap}thead th{background:#e8eef4}tbody th{text-align:left;background:#f4f4f4}
nav{border-bottom:1px solid #ccc}footer{color:#777;font-size:8pt}"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _codes() -> dict[str, str]:
    with (CORPUS / "documents.csv").open(encoding="utf-8") as file:
        return {Path(row["file"]).stem: row["municipality_code"] for row in csv.DictReader(file)}


def _last_line(grid) -> int:
    return max([grid.start_line] + [row.line for row in grid.rows] + [c.line for row in grid.rows for c in row.cells if c])


def _placed_by_gold(stem: str, row, result) -> list | None:
    """A short row the reconciler leaves open, placed where the hand-checked gold says each value is
    (the page the text came from shows it; only the text lost it)."""
    with (CORPUS / "gold" / f"{stem}.csv").open(encoding="utf-8") as file:
        gold = [g for g in csv.DictReader(file) if g["source_line"] == str(row.line + 1)]
    cells: list = [None] * len(result.columns)
    column = 0
    for cell in row.cells:
        printed = cell.value * (result.scale or 1)
        match = next((g for g in gold if g.get("amount_printed") and int(float(g["amount_printed"])) == printed), None)
        if match is None:
            return None
        while column < len(result.columns) and not (result.columns[column].year == int(match["fiscal_year"])
                                                    and result.columns[column].measure == match["measure"]):
            column += 1
        if column == len(result.columns):
            return None
        cells[column] = cell
        gold.remove(match)
        column += 1
    return cells


def _header_html(grid, label_columns: int, marker_after: set[int]) -> list[str]:
    depth = max(len(column.path) for column in grid.columns)
    out = []
    for level in range(depth):
        cells = [f'<th rowspan="{depth}" colspan="{label_columns}"></th>'] if level == 0 else []
        c = 0
        while c < len(grid.columns):
            path = grid.columns[c].path
            if level >= len(path):
                c += 1
                continue
            if level == len(path) - 1 and len(path) < depth:  # a short path's leaf fills the levels below it
                span_rows = depth - level
            else:
                span_rows = 1
            end = c + 1
            while end < len(grid.columns) and grid.columns[end].path[: level + 1] == path[: level + 1] and (
                    level < len(path) - 1 and len(grid.columns[end].path) > level + 1):
                end += 1
            width = sum(2 if k in marker_after else 1 for k in range(c, end))
            if level == len(path) - 1 and c in marker_after and end == c + 1:
                width = 1
            attributes = (f' colspan="{width}"' if width > 1 else "") + (f' rowspan="{span_rows}"' if span_rows > 1 else "")
            cells.append(f"<th{attributes}>{_e(path[level])}</th>")
            if level == len(path) - 1 and c in marker_after and end == c + 1:
                cells.append(f'<th rowspan="{depth - level}"></th>')
            c = end
        out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def render_html(stem: str, text: str, code: str) -> str | None:
    lines = text.splitlines()
    try:
        layout = read_layout(lines)
    except UnreadableDocument:
        return None
    if layout.tables or layout.variance or layout.gauges or not layout.grids:
        return None
    document = parse_text(text, {"municipality_code": code})
    metadata = document.metadata if document.status == "ok" else DocumentMetadata(municipality_code=code)
    results = {id(result.grid): result for result in reconcile(layout.grids, metadata)}
    name = municipalities()[code].name
    body = [f"<h1>Gemeente {_e(name)}</h1>"]
    printed = 0
    for grid in layout.grids:
        for line in lines[printed: grid.start_line - 1]:
            if line.strip():
                body.append(f"<p>{_e(line.strip())}</p>")
        shown = {" ".join(line.split()) for line in lines[printed: grid.start_line - 1]}
        headers = {part for column in grid.columns for part in column.path}
        for line in grid.context:
            if line.strip() and " ".join(line.split()) not in shown and line.strip() not in headers and line.strip() != grid.title:
                body.append(f'<p class="toelichting">{_e(line.strip())}</p>')
                shown.add(" ".join(line.split()))
        printed = _last_line(grid)
        result = results[id(grid)]
        label_columns = max(1, max(len(row.label_parts) for row in grid.rows))
        marker_after = {c for row in grid.rows for c, cell in enumerate(row.cells) if cell is not None and cell.marker}
        table = ["<table>", f"<caption>{_e(grid.title)}</caption>", "<thead>", *_header_html(grid, label_columns, marker_after), "</thead>"]
        rows = []
        for r, row in enumerate(grid.rows):
            if row.is_cut:
                continue
            cells = row.cells if row.aligned else result.placed.get(r) or _placed_by_gold(stem, row, result)
            if cells is None:
                print(f"{stem}: line {row.line} is placed neither by the reconciler nor by the gold; left out")
                continue
            if rows and rows[-1][0].line == row.line and rows[-1][0].label_parts == row.label_parts:  # two figures in one cell
                rows[-1][1] = [a if b is None else b if a is None else type(a)(a.value, a.line, f"{a.text} {b.text}", a.marker)
                               for a, b in zip(rows[-1][1], cells)]
                continue
            rows.append([row, list(cells)])
        width = label_columns + len(grid.columns) + len(marker_after)
        headings: tuple = ()
        open_body = False
        for i, (row, cells) in enumerate(rows):
            if row.headings != headings or not open_body:
                if not open_body or row.headings[:1] != headings[:1]:
                    if open_body:
                        table.append("</tbody>")
                    table.append("<tbody>")
                    open_body = True
                    new = row.headings
                else:
                    new = row.headings[1:]
                for heading in new:
                    table.append(f'<tr><th colspan="{width}">{_e(heading)}</th></tr>')
                headings = row.headings
            parts = list(row.label_parts)
            spanned = i > 0 and label_columns == 2 and len(parts) == 2 and rows[i - 1][0].label_parts[:1] == (parts[0],) and len(rows[i - 1][0].label_parts) == 2
            label = []
            if spanned:
                label = [f"<td>{_e(parts[1])}</td>"]
            elif label_columns == 2 and len(parts) == 2:
                span = 1
                while i + span < len(rows) and len(rows[i + span][0].label_parts) == 2 and rows[i + span][0].label_parts[0] == parts[0] and rows[i + span][0].headings == row.headings:
                    span += 1
                label = [f'<th scope="row"{f" rowspan={chr(34)}{span}{chr(34)}" if span > 1 else ""}>{_e(parts[0])}</th>', f"<td>{_e(parts[1])}</td>"]
            else:
                text = " ".join(parts)
                label = [f'<th scope="row"{f" colspan={chr(34)}{label_columns}{chr(34)}" if label_columns > 1 else ""}>{_e(text)}</th>']
            values = []
            for c, cell in enumerate(cells):
                values.append(f'<td class="bedrag">{_e(cell.text) if cell else ""}</td>')
                if c in marker_after:
                    values.append(f"<td>{_e(cell.marker) if cell else ''}</td>")
            table.append("<tr>" + "".join(label + values) + "</tr>")
        if open_body:
            table.append("</tbody>")
        table.append("</table>")
        body.extend(table)
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Gemeente {_e(name)}</title>
<style>{STYLE}</style>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"bedrag": "1.234", "html": "<table><tr><td>1.234</td></tr></table>"}});</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/programmas">Programma's</a></li><li><a href="/bijlagen">Bijlagen</a></li></ul></nav>
<main>
{chr(10).join(body)}
</main>
<footer><p>Rendered from tests/parsing/corpus/docs/{stem}.txt (the table as the municipality published it).</p></footer>
</body>
</html>
"""


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is needed to print the PDFs (apt install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", html_path.as_uri()],
                       check=True, capture_output=True, timeout=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html-only", action="store_true")
    arguments = parser.parse_args()
    HTML_DIR.mkdir(exist_ok=True)
    codes = _codes()
    for doc in sorted((CORPUS / "docs").glob("*.txt")):
        text = doc.read_text(encoding="utf-8").split("\n", 1)[1]
        page = render_html(doc.stem, text, codes[doc.stem])
        if page is None:
            print(f"{doc.stem}: the text readers do not read it; not rendered")
            continue
        (HTML_DIR / f"{doc.stem}.html").write_text(page, encoding="utf-8")
    if not arguments.html_only:
        PDF_DIR.mkdir(exist_ok=True)
        for page in sorted(HTML_DIR.glob("*.html")):
            print_pdf(page, PDF_DIR / f"{page.stem}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
