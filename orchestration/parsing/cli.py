"""`taakveld extract FILE [--format json|csv]`: what the pipeline would load from one document (text,
PDF or web page, told apart by content), without touching the warehouse, and which reader read which table."""

import argparse
import csv
import json
import sys
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

from orchestration.parsing.document import file_kind, parse_document

FACT_FIELDS = ["fiscal_year", "scenario", "measure", "taakveld_code", "source_category", "amount_eur", "source_line"]


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def extraction(path: Path) -> dict:
    document = parse_document(path)
    m = document.metadata
    with path.open("rb") as file:
        kind = file_kind(file.read(1_000_000))
    return {
        "document": {
            "source_file": document.source_file, "file_kind": kind, "checksum": document.checksum,
            "municipality_code": m.municipality_code, "municipality_name": m.municipality_name,
            "document_kind": m.document_kind, "programme": m.programme, "reporting_year": m.reporting_year,
            "layout": document.layout, "status": document.status, "reason": document.reason,
        },
        "tables": [{"table": name, "reader": reader} for name, reader in document.tables],
        "facts": [{field: getattr(fact, field) for field in FACT_FIELDS} for fact in document.facts],
        "reported_totals": [asdict(total) for total in document.reported_totals],
        "checks": [{**asdict(check), "difference": check.difference} for check in document.checks],
        "ambiguous": [asdict(cell) for cell in document.ambiguous],
        "goals": [asdict(goal) for goal in document.goals],
        "measures": [asdict(measure) for measure in document.measures],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="taakveld", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print what the pipeline would load from FILE")
    extract.add_argument("file", type=Path)
    extract.add_argument("--format", choices=["json", "csv"], default="json")
    arguments = parser.parse_args(argv)
    if not arguments.file.is_file():
        parser.error(f"{arguments.file}: no such file")
    result = extraction(arguments.file)
    if arguments.format == "json":
        json.dump(result, sys.stdout, default=_plain, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for table in result["tables"]:  # beside the CSV, not in it: which reader read which table
            print(f"{table['reader']}: {table['table']}", file=sys.stderr)
        writer = csv.DictWriter(sys.stdout, fieldnames=FACT_FIELDS)
        writer.writeheader()
        writer.writerows(result["facts"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
