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


def build_path() -> Path:
    """Where a run builds before publication (one run at a time, see publication.acquire_build). The file
    keeps the published name so that its catalog name ('warehouse') does not change on publication, and
    the path stays the same from run to run so that dbt's profile, and with it its partial parse, holds."""
    return warehouse_dir() / "build" / "warehouse.duckdb"


def dbt_state_dir() -> Path:
    """dbt's invocation folders (logs, run results) and the parse runs reuse."""
    return warehouse_dir() / "dbt_target"
