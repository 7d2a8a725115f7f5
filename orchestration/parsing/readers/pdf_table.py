"""PDF files: words with their positions on the page into grids."""

from orchestration.parsing.model import UnreadableDocument
from orchestration.parsing.readers.page import StructuredPage

NAME = "pdf_table"


def read(data: bytes) -> StructuredPage:
    raise UnreadableDocument("PDF reading is not there yet")
