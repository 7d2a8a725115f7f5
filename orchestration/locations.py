"""Where the stages keep their files. Environment variables override each (tests, other machines)."""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_DIR / "dbt_project"


def raw_dir() -> Path:
    return Path(os.environ.get("GF_RAW_DIR", PROJECT_DIR / "raw"))


def warehouse_dir() -> Path:
    return Path(os.environ.get("GF_WAREHOUSE_DIR", PROJECT_DIR / "warehouse"))


def published_path() -> Path:
    """The file BI tools and analysts open, read-only."""
    return warehouse_dir() / "warehouse.duckdb"


def landing_dir() -> Path:
    return warehouse_dir() / "landing"


def parsed_dir() -> Path:
    """The parsing stage's output per document, which the landing stage reads."""
    return warehouse_dir() / "parsed"


def build_path(run_id: str) -> Path:
    """Each run builds in a folder of its own; the file keeps the published name so that its
    catalog name ('warehouse') does not change on publication."""
    return warehouse_dir() / "build" / run_id / "warehouse.duckdb"
