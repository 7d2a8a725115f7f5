import shutil
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def project_env(tmp_path, monkeypatch):
    """A raw/ with the sample, its own warehouse/ and Dagster instance, as on a fresh machine."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_DIR / "raw", raw)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_DIR / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("GF_RAW_DIR", str(raw))
    monkeypatch.setenv("GF_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return tmp_path
