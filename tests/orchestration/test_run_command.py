"""`make run` as a user sees it: a short console output that names the full log, runs recorded under the
code location like the UI's own, and a refresh with nothing new, changed or gone that publishes nothing
(`make run` then starts no run; a run the schedule or the UI starts builds nothing)."""

import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from orchestration import locations, run
from orchestration.publication import build_inputs_digest, published_build
from orchestration.run import shorten

PROJECT_DIR = Path(__file__).resolve().parents[2]
MAX_CONSOLE_LINES = 25


def make_run(*args: str) -> tuple[int, list[str]]:
    """`make run` (the Makefile's command line, no warning filter), its console output as lines."""
    done = subprocess.run([sys.executable, "-m", "orchestration.run", *args], cwd=PROJECT_DIR, env=os.environ.copy(),
                          capture_output=True, text=True, timeout=600)
    return done.returncode, (done.stdout + done.stderr).splitlines()


def log_file(lines: list[str]) -> Path:
    [named] = [line.removeprefix("full log: ") for line in lines if line.startswith("full log: ")]
    return PROJECT_DIR / named if not Path(named).is_absolute() else Path(named)


def file_state(path: Path) -> tuple:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_refresh_is_short_on_the_console_and_one_with_nothing_new_publishes_nothing(project_env):
    code, lines = make_run()
    assert code == 0, "\n".join(lines)
    assert len(lines) <= MAX_CONSOLE_LINES, "\n".join(lines)
    assert not [line for line in lines if " DEBUG " in line or "Warning" in line], "\n".join(lines)
    assert lines[-1].startswith("published: ")
    log = log_file(lines).read_text()
    # the detail is all in the log: Dagster's events and dbt's own lines
    assert "RUN_SUCCESS" in log and "STEP_START" in log and "Finished running" in log and len(log.splitlines()) > 200

    published = locations.published_path()
    before, built_by = file_state(published), published_build(published)
    instance = dg.DagsterInstance.get()
    # nothing new, changed or gone: `make run` finds the published file current and starts no run
    code, lines = make_run()
    assert code == 0, "\n".join(lines)
    assert len(lines) <= MAX_CONSOLE_LINES
    assert lines[-1].startswith("unchanged: ") and built_by["run_id"] in lines[-1] and "no run started" in lines[-1]
    assert file_state(published) == before  # not even replaced by an equal file
    assert len(instance.get_runs()) == 1
    # the same refresh started as the schedule or the UI starts it: the run builds and publishes nothing
    console = io.StringIO()
    no_op = run.refresh(instance, {}, run.Progress(console))
    assert instance.get_run_by_id(no_op).status == dg.DagsterRunStatus.SUCCESS
    assert "dbt build: nothing new, changed or gone, nothing to build" in console.getvalue()
    assert file_state(published) == before

    # --rebuild builds and publishes the same inputs again: a new file with the same marts
    code, lines = make_run("--rebuild")
    assert code == 0 and lines[-1].startswith("published: ")
    rebuilt = published_build(published)
    assert rebuilt["run_id"] != built_by["run_id"] and rebuilt["inputs_digest"] == built_by["inputs_digest"]

    # every run is recorded as the UI records its own: under the code location `make ui` loads
    runs = instance.get_runs()
    assert len(runs) == 3 and all(run.status == dg.DagsterRunStatus.SUCCESS for run in runs)
    for recorded in runs:
        assert recorded.tags["dagster/code_location"] == "gemeentefinancien"
        assert recorded.remote_job_origin.repository_origin.get_label() == "__repository__@gemeentefinancien"
    # what the UI shows of a dbt model: its columns as built, with their types and documented descriptions
    def built_columns(*key: str) -> dict:
        materialization = instance.get_latest_materialization_event(dg.AssetKey(list(key))).asset_materialization
        return {column.name: column for column in materialization.metadata["dagster/column_schema"].value.columns}

    facts = built_columns("marts", "fct_budget_lines")
    assert facts["amount_eur"].type == "DECIMAL(18,2)" and facts["is_current"].type == "BOOLEAN"
    taakvelden = built_columns("marts", "dim_taakveld")
    assert taakvelden["comparison_taakveld_code"].description.startswith("The parent, else the code itself")
    published_metadata = instance.get_latest_materialization_event(dg.AssetKey("published_warehouse")).asset_materialization.metadata
    assert published_metadata["path"] == dg.MetadataValue.path(str(published))

    # the run that found nothing new materialised no dbt model and no published warehouse
    materialized = {record.event_log_entry.dagster_event.asset_key.path[0] for record in
                    instance.get_records_for_run(no_op, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION).records}
    assert materialized == {"landing"}
    assert instance.get_latest_materialization_event(dg.AssetKey("published_warehouse")).run_id == rebuilt["run_id"]


def test_the_inputs_digest_changes_with_landing_and_the_dbt_project_only(tmp_path):
    landing, project = tmp_path / "landing", tmp_path / "dbt_project"
    shutil.copytree(PROJECT_DIR / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs"))
    (landing / "document_tables" / "generations" / "g1").mkdir(parents=True)
    (landing / "document_tables" / "current").symlink_to(Path("generations") / "g1")
    (landing / "document_tables" / "generations" / "g1" / "facts.parquet").write_bytes(b"facts v1")
    (landing / "iv3_figures").mkdir()
    (landing / "iv3_figures" / "2023_begroting.csv@ab.parquet").write_bytes(b"figures")
    first = build_inputs_digest(landing, project)
    assert build_inputs_digest(landing, project) == first
    (project / "target").mkdir()
    (project / "target" / "manifest.json").write_text("{}")  # dbt's own output is not an input
    (landing / "raw_notes.txt").write_text("not read by dbt")
    assert build_inputs_digest(landing, project) == first

    changes = [
        lambda: (landing / "document_tables" / "generations" / "g1" / "facts.parquet").write_bytes(b"facts v2"),
        lambda: (landing / "iv3_figures" / "2024_begroting.csv@cd.parquet").write_bytes(b"more figures"),
        lambda: (landing / "iv3_figures" / "2023_begroting.csv@ab.parquet").unlink(),
        lambda: (project / "models" / "marts" / "fct_budget_lines.sql").write_text("select 1"),
        lambda: (project / "seeds" / "new_reference.csv").write_text("a\n1\n"),
    ]
    seen = {first}
    for change in changes:
        change()
        digest = build_inputs_digest(landing, project)
        assert digest not in seen
        seen.add(digest)


@pytest.mark.parametrize("text, line", [
    ("table_total Exploitatie (line 109): Baten (no printed total: whether every line is there cannot be checked)",
     "table_total Exploitatie (line 109): Baten (no printed ..."),
    ("short  reason,\n wrapped", "short reason, wrapped"),
    ("a" * 300, "a" * 57 + "..."),  # one word longer than the line: cut, it is all there is
])
def test_summary_lines_are_cut_at_a_word(text, line):
    assert shorten(text, 60) == line
