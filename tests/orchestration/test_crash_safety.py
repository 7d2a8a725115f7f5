"""A refresh killed with SIGKILL while parsing, during `dbt build` or just before the rename leaves the
published file byte-identical and readable, and the next run succeeds without any clean-up by hand."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import dagster as dg
import duckdb

from orchestration import locations, run
from orchestration.publication import MANIFEST_TABLE


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def start_refresh(pause_at: str | None) -> subprocess.Popen:
    env = {**os.environ, "GF_PAUSE_AT": pause_at or ""}
    return subprocess.Popen([sys.executable, "-m", "orchestration.run"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_when(process: subprocess.Popen, ready, timeout: float = 90) -> None:
    """SIGKILL the refresh and every process it started (dbt) the moment `ready()` holds."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, "the refresh ended before the point it was to be killed at"
        assert time.monotonic() < deadline, "the refresh never reached the point it was to be killed at"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def dbt_is_building() -> bool:
    """A build file that dbt has started filling (seeds and staging tables written)."""
    return any(path.stat().st_size > 1_000_000 for path in (locations.warehouse_dir() / "build").glob("warehouse.duckdb*"))


def assert_published_unchanged(published, checksum, fact_rows):
    assert sha256(published) == checksum
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute(f"select fact_rows from {MANIFEST_TABLE}").fetchone()[0] == fact_rows
        assert connection.execute("select count(*) from marts.fct_budget_lines").fetchone()[0] == fact_rows


def test_a_refresh_killed_anywhere_leaves_the_published_file_as_it_was(project_env):
    shutil.rmtree(locations.raw_dir() / "iv3_cbs")  # the documents alone keep this test short
    assert run.main() == 0
    published = locations.published_path()
    checksum = sha256(published)
    fact_rows = duckdb.connect(str(published), read_only=True).execute(
        "select count(*) from marts.fct_budget_lines").fetchone()[0]

    # a new document arrives; its refresh is killed while parsing, during dbt build, just before the rename
    doesburg = (locations.raw_dir() / "000_c4af054f0ba76b1a.txt").read_text(encoding="utf-8")
    (locations.raw_dir() / "006_doesburg_revised.txt").write_text(doesburg.replace("636.656", "636.665"), encoding="utf-8")
    shutil.copy(locations.raw_dir() / "000_c4af054f0ba76b1a.txt.meta.toml", locations.raw_dir() / "006_doesburg_revised.txt.meta.toml")
    for point in ("parsing", "dbt_build", "publication"):
        if point == "dbt_build":
            kill_when(start_refresh(None), dbt_is_building)
        else:
            marker = locations.warehouse_dir() / f".paused_at_{point}"
            kill_when(start_refresh(point), marker.exists)
            marker.unlink()
        assert_published_unchanged(published, checksum, fact_rows)
    # a writer that died beside the published file would leave this; it must not confuse anyone
    (published.parent / (published.name + ".wal")).write_bytes(b"")

    # the next run needs no clean-up by hand
    assert run.main() == 0
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.fct_budget_lines").fetchone()[0] == fact_rows + 125
    assert not (published.parent / (published.name + ".wal")).exists()
    assert [path.name for path in (locations.warehouse_dir() / "build").iterdir()] == [".lock"]  # leftovers gone
    killed = dg.DagsterInstance.get().get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
    assert killed == []  # the killed runs are marked failed, not left 'started' in the UI
