"""new_documents_sensor requests a run for every change of raw/ (a file added, changed, removed, or added
again as it was) under a run key that the same pending state keeps and a new situation never repeats."""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import locations, run
from orchestration.defs.automation import directed_changes, new_documents_sensor, next_run_key
from orchestration.ingest import ingest_documents, ingest_iv3_files

PROJECT_DIR = Path(__file__).resolve().parents[2]
COEVORDEN = "002_24f5b536cfda2a4f.txt"
EXTRA = "005_coevorden_shared.txt"


class SensorAsTheDaemonRunsIt:
    """The sensor as the daemon evaluates it: its cursor kept from tick to tick, and a request under a
    run key Dagster has already used skipped."""

    def __init__(self):
        self.cursor: str | None = None
        self.used_run_keys: set[str] = set()

    def tick(self) -> list[dg.RunRequest]:
        """The runs Dagster would start on this tick."""
        context = dg.build_sensor_context(cursor=self.cursor)
        requests = list(new_documents_sensor(context))
        self.cursor = context.cursor
        started = [request for request in requests if request.run_key not in self.used_run_keys]
        self.used_run_keys.update(request.run_key for request in requests)
        return started


def land_raw() -> None:
    """What a refresh run does to landing (the rest of the run, dbt and publication, the sensor never reads)."""
    ingest_documents(locations.raw_dir(), locations.landing_dir(), uuid.uuid4().hex)
    ingest_iv3_files(locations.raw_dir(), locations.landing_dir())


def extra_document_text() -> str:
    """Coevorden's page with a line more: another document (28 facts)."""
    return (locations.raw_dir() / COEVORDEN).read_text(encoding="utf-8") + "\nDeze pagina is gedeeld via de website\n"


@pytest.fixture
def landed_documents(project_env) -> Path:
    """raw/ with the five sample documents (no Iv3 files), all landed."""
    shutil.rmtree(locations.raw_dir() / "iv3_cbs")
    land_raw()
    return locations.raw_dir()


def single_request(requests: list[dg.RunRequest], **tags: str) -> dg.RunRequest:
    assert len(requests) == 1, requests
    assert {key: requests[0].tags[key] for key in tags} == tags
    return requests[0]


# --- the run key, pure -------------------------------------------------------------------------


def test_directed_changes_tell_added_changed_and_gone():
    assert directed_changes(["a.txt@2", "b.txt@1"], ["a.txt@1", "c.txt@1"]) == [
        "added b.txt@1", "changed a.txt@1 -> a.txt@2", "gone c.txt@1"]
    # a file landed and the same file gone are two different changes (the bug: both were just 'a.txt@1')
    assert directed_changes(["a.txt@1"], []) != directed_changes([], ["a.txt@1"])
    # a change and its undoing too
    assert directed_changes(["a.txt@2"], ["a.txt@1"]) != directed_changes(["a.txt@1"], ["a.txt@2"])
    assert directed_changes(["2023_begroting.csv@9"], [], "iv3_cbs/") == ["added iv3_cbs/2023_begroting.csv@9"]


def test_next_run_key_holds_for_one_state_and_is_new_for_any_state_after_it():
    first, cursor = next_run_key("state A", None)
    assert next_run_key("state A", cursor) == (first, cursor)  # looking again: the same key, one run
    second, cursor = next_run_key("state B", cursor)
    nothing, cursor = next_run_key(None, cursor)
    assert nothing is None
    again, cursor = next_run_key("state A", cursor)  # state A once more, after others: a new situation
    assert len({first, second, again}) == 3
    assert all(key.startswith("raw:") for key in (first, second, again))
    # nothing pending in between, then the same state: a new key too (the file was put back meanwhile)
    _, cursor = next_run_key(None, cursor)
    assert next_run_key("state A", cursor)[0] not in {first, second, again}


# --- the sensor on raw/ and landing ------------------------------------------------------------


def test_a_document_added_starts_one_run(landed_documents):
    sensor = SensorAsTheDaemonRunsIt()
    assert sensor.tick() == []
    (landed_documents / EXTRA).write_text(extra_document_text(), encoding="utf-8")
    single_request(sensor.tick(), raw_changes="1", raw_added="1")
    assert sensor.tick() == []  # looking again before the run: the same key, no second run
    land_raw()
    assert sensor.tick() == []


def test_a_document_changed_starts_one_run_and_changing_it_back_another(landed_documents):
    sensor = SensorAsTheDaemonRunsIt()
    document = landed_documents / "003_ed6ab7dfba02c413.txt"
    original = document.read_text(encoding="utf-8")
    document.write_text(original + "\nLaatst gewijzigd\n", encoding="utf-8")
    single_request(sensor.tick(), raw_changes="1", raw_changed="1")
    assert sensor.tick() == []
    land_raw()
    assert sensor.tick() == []
    document.write_text(original, encoding="utf-8")
    single_request(sensor.tick(), raw_changes="1", raw_changed="1")
    land_raw()
    assert sensor.tick() == []


def test_a_document_removed_after_a_run_added_it_starts_a_run(landed_documents):
    sensor = SensorAsTheDaemonRunsIt()
    extra = landed_documents / EXTRA
    extra.write_text(extra_document_text(), encoding="utf-8")
    single_request(sensor.tick(), raw_added="1")
    land_raw()
    extra.unlink()
    single_request(sensor.tick(), raw_changes="1", raw_gone="1")
    assert sensor.tick() == []
    land_raw()
    assert sensor.tick() == []


def test_a_document_added_again_with_the_same_content_starts_a_run(landed_documents):
    sensor = SensorAsTheDaemonRunsIt()
    extra = landed_documents / EXTRA
    for direction in ("added", "gone", "added", "gone", "added"):
        if direction == "added":
            extra.write_text(extra_document_text(), encoding="utf-8")
        else:
            extra.unlink()
        single_request(sensor.tick(), raw_changes="1", **{f"raw_{direction}": "1"})
        assert sensor.tick() == []
        land_raw()
    assert sensor.tick() == []
    assert len(sensor.used_run_keys) == 5


def test_an_iv3_file_added_changed_removed_and_added_again_starts_a_run_each_time(project_env):
    iv3_dir = locations.raw_dir() / "iv3_cbs"
    for path in iv3_dir.glob("*.csv"):
        if path.name != "2025_begroting.csv":
            path.unlink()
    iv3_file = iv3_dir / "2025_begroting.csv"
    original = iv3_file.read_bytes()
    land_raw()
    sensor = SensorAsTheDaemonRunsIt()
    assert sensor.tick() == []
    steps = [("changed", lambda: iv3_file.write_bytes(original.replace(b";14404.0;", b";14405.0;", 1))),
             ("gone", iv3_file.unlink),
             ("added", lambda: iv3_file.write_bytes(original)),  # as it was when first landed
             ("gone", iv3_file.unlink),
             ("added", lambda: iv3_file.write_bytes(original))]
    for direction, change in steps:
        change()
        single_request(sensor.tick(), raw_changes="1", **{f"raw_{direction}": "1"})
        assert sensor.tick() == []
        land_raw()
        assert sensor.tick() == []


# --- the real daemon ---------------------------------------------------------------------------


def start_daemon(log: Path) -> subprocess.Popen:
    """`dagster-daemon run` on this code location, the daemon that `make ui` (dagster dev) runs; in its
    own session, so that the code server and the runs it starts end with it."""
    daemon = Path(sys.executable).with_name("dagster-daemon")
    with open(log, "w") as output:
        return subprocess.Popen([str(daemon), "run", "-m", "orchestration.definitions"], cwd=PROJECT_DIR,
                                env=dict(os.environ), stdout=output, stderr=subprocess.STDOUT, start_new_session=True)


def stop_daemon(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def sensor_log(log: Path) -> str:
    return "\n".join(line for line in log.read_text(errors="replace").splitlines()[-400:]
                     if "SensorDaemon" in line or "Skipping" in line)


def wait_for_sensor_runs(instance, count: int, daemon: subprocess.Popen, log: Path, timeout: float = 150) -> list:
    """The sensor's runs (newest first) once there are `count` and the newest has finished."""
    deadline = time.monotonic() + timeout
    while True:
        runs = instance.get_runs(filters=dg.RunsFilter(tags={"dagster/sensor_name": "new_documents_sensor"}))
        if len(runs) >= count and runs[0].is_finished:
            return runs
        assert daemon.poll() is None, f"the daemon exited\n{sensor_log(log)}"
        assert time.monotonic() < deadline, f"run {count} of the sensor did not finish within {timeout:.0f} s\n{sensor_log(log)}"
        time.sleep(1)


def published_facts_of(source_file: str) -> int:
    with duckdb.connect(str(locations.published_path()), read_only=True) as connection:
        return connection.execute("select count(*) from analytics.budget_facts where source_file = ?",
                                  [source_file]).fetchone()[0]


def test_the_daemon_publishes_a_document_added_then_removed_then_added_again(project_env):
    shutil.rmtree(locations.raw_dir() / "iv3_cbs")  # the documents alone keep this test short
    assert run.main() == 0
    instance = dg.DagsterInstance.get()
    extra = locations.raw_dir() / EXTRA
    log = project_env / "daemon.log"
    daemon = start_daemon(log)
    try:
        for count, (change, facts) in enumerate([("added", 28), ("removed", 0), ("added again", 28)], start=1):
            if change == "removed":
                extra.unlink()
            else:
                extra.write_text(extra_document_text(), encoding="utf-8")
            runs = wait_for_sensor_runs(instance, count, daemon, log)
            assert len(runs) == count and runs[0].status == dg.DagsterRunStatus.SUCCESS, (change, sensor_log(log))
            assert published_facts_of(EXTRA) == facts, change
        # (a tick while a run has not landed yet asks again under that run's key, which Dagster skips)
        assert len({sensor_run.tags["dagster/run_key"] for sensor_run in runs}) == 3
    finally:
        stop_daemon(daemon)
