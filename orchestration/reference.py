"""The official lists the parsers check against: municipalities with their name variants, and the
taakveld codes valid in each year. They live as dbt seeds (dbt_project/seeds, sources in its README);
this module reads them for Python and derives the per-year taakveld list from CBS's Iv3 definitions.

`python -m orchestration.reference` rewrites `cbs_taakveld_codelijst.csv` from
`seeds/iv3_definities/*.json`; a test fails when the committed seed and the definitions disagree."""

import csv
import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"
DEFINITIONS_DIR = SEEDS / "iv3_definities"
CODELIST_SEED = SEEDS / "cbs_taakveld_codelijst.csv"
CODELIST_COLUMNS = ("fiscal_year", "taakveld_code", "taakveld_name", "hoofdtaakveld_code", "hoofdtaakveld_name")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str


@cache
def municipalities() -> dict[str, Municipality]:
    """Every CBS municipality code with its official name, including those created by mergers since 2022."""
    official = {row["municipality_code"]: row["name"] for row in _read_seed("municipality_aliases.csv")
                if row["name_kind"] == "official"}
    known: dict[str, Municipality] = {}
    for row in _read_seed("cbs_gemeenten_2021.csv"):
        if row["Code"] != "GM0000":
            known[row["Code"]] = Municipality(row["Code"], official.get(row["Code"], row["Naam"]))
    for row in _read_seed("gemeente_herindelingen.csv"):
        known.setdefault(row["new_code"], Municipality(row["new_code"], row["new_name"]))
    return known


@cache
def municipality_by_name() -> dict[str, Municipality]:
    """Official names, names without their province suffix ('Beek (L.)' -> 'Beek') and the variants
    sources use ('Den Haag'); a name that would point at two municipalities is left out."""
    candidates: dict[str, set[str]] = {}
    for municipality in municipalities().values():
        for name in {municipality.name, re.sub(r"\s*\(.*\)$", "", municipality.name)}:
            candidates.setdefault(name, set()).add(municipality.code)
    for row in _read_seed("municipality_aliases.csv"):
        candidates.setdefault(row["name"], set()).add(row["municipality_code"])
    return {name: municipalities()[codes.pop()] for name, codes in candidates.items() if len(codes) == 1}


@cache
def taakveld_codes_by_year() -> dict[int, dict[str, str]]:
    """{fiscal year: {taakveld code: official name}} from the committed code-list seed."""
    by_year: dict[int, dict[str, str]] = {}
    for row in _read_seed(CODELIST_SEED.name):
        by_year.setdefault(int(row["fiscal_year"]), {})[row["taakveld_code"]] = row["taakveld_name"]
    return by_year


def derive_taakveld_codelist(definitions_dir: Path = DEFINITIONS_DIR) -> list[dict[str, str]]:
    """Every taakveld of every year, flattened from the tree `codelijsten.taakveld` of CBS's files."""
    rows = []
    for path in sorted(definitions_dir.glob("iv3_definities_Gemeente_*.json")):
        year = int(re.search(r"_(\d{4})\.json$", path.name).group(1))
        tree = json.loads(path.read_text(encoding="utf-8"))["codelijsten"]["taakveld"]["codelijst"]
        for hoofdtaakveld in _hoofdtaakvelden(tree):
            for taakveld in _leaves(hoofdtaakveld):
                rows.append({
                    "fiscal_year": str(year), "taakveld_code": taakveld["code"],
                    "taakveld_name": taakveld["omschrijving"],
                    "hoofdtaakveld_code": hoofdtaakveld["code"].rstrip("."),
                    "hoofdtaakveld_name": hoofdtaakveld["omschrijving"],
                })
    return rows


def _hoofdtaakvelden(nodes: list[dict]):
    """Hoofdtaakvelden ('6.') at the top (2017-2019) or under a total node 'Tot_TV' (2020 on)."""
    for node in nodes:
        if re.fullmatch(r"\d+\.", node["code"]):
            yield node
        else:
            yield from _hoofdtaakvelden(node.get("subcodes", []))


def _leaves(node: dict):
    for child in node.get("subcodes", []):
        if child.get("subcodes"):
            yield from _leaves(child)
        else:
            yield child


def write_codelist(target: Path = CODELIST_SEED) -> int:
    rows = derive_taakveld_codelist()
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CODELIST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def _read_seed(name: str) -> list[dict[str, str]]:
    with open(SEEDS / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


if __name__ == "__main__":
    print(f"{write_codelist()} rows written to {CODELIST_SEED}", file=sys.stderr)
