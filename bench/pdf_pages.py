"""PDF pages per second (issue 13): a 200-page PDF made of the corpus tables printed to PDF
(tests/parsing/corpus/pdf), every page holding figures, read by pdf_table; and the cost of the
text-layer probe that lets a long document's pages without figures go unread.

    .venv/bin/python -m bench.pdf_pages
"""

import io
import time
from pathlib import Path

import pypdfium2

from orchestration.parsing.readers import pdf_table

PRINTED = Path(__file__).resolve().parents[1] / "tests" / "parsing" / "corpus" / "pdf"


def two_hundred_pages() -> bytes:
    document = pypdfium2.PdfDocument.new()
    while len(document) < 200:
        for path in sorted(PRINTED.glob("*.pdf")):
            document.import_pages(pypdfium2.PdfDocument(path))
            if len(document) >= 200:
                break
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    data = two_hundred_pages()
    pages = len(pypdfium2.PdfDocument(data))
    started = time.perf_counter()
    page = pdf_table.read(data)
    seconds = time.perf_counter() - started
    print(f"pdf_table: {pages} pages with figures in {seconds:.1f} s = {pages / seconds:.1f} pages/s, {len(page.grids)} tables")
    started = time.perf_counter()
    document = pypdfium2.PdfDocument(data)
    for index in range(len(document)):
        text_page = document[index].get_textpage()
        text_page.get_text_range()
        text_page.close()
    print(f"text-layer probe (pages without figures): {pages / (time.perf_counter() - started):.0f} pages/s")


if __name__ == "__main__":
    main()
