from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
RAW_SAMPLE = PROJECT_DIR / "raw"


@pytest.fixture(scope="session")
def sample_paths() -> dict[str, Path]:
    return {path.name[:3]: path for path in sorted(RAW_SAMPLE.glob("*.txt"))}
