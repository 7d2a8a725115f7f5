"""The deployment of issue 15 on a real PostgreSQL server (the pgserver wheel's binaries, started here on
127.0.0.1 with a password) and on the SQLite default: the instance of .dagster_home_postgres/dagster.yaml
takes its connection from the DAGSTER_PG_* variables; `make run`'s refresh runs end to end and is recorded in
PostgreSQL; then a sensor run, a run as the schedule submits it and a UI launch over GraphQL, requested at
once, queue behind the tag concurrency limit and all succeed one after another, through a daemon restart
in the middle of the queue, with the published file consistent."""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import dagster as dg
import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
JOB = "warehouse_refresh_job"
REBUILD_TAG = "gemeentefinancien/rebuild"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A PostgreSQL server of its own: initdb into a fresh folder, password (scram) authentication, TCP on
    127.0.0.1 only, no Unix socket. Binaries from the pgserver wheel (requirements.lock), so a fresh machine
    needs nothing from the system; as root it runs as the system user pgserver creates for that."""

    def __init__(self):
        import pgserver
        from pgserver._commands import POSTGRES_BIN_PATH
        from pgserver.utils import ensure_folder_permissions, ensure_prefix_permissions

        self.folder = Path(tempfile.mkdtemp(prefix="gf-pg-"))
        self.pgdata, self.log = self.folder / "pgdata", self.folder / "server.log"
        self.user, self.password, self.db = "dagster", secrets.token_urlsafe(16), "dagster"
        self.port = free_port()
        self.system_user = None
        if os.geteuid() == 0:  # postgres refuses to run as root
            import pwd
            import stat

            from pgserver.utils import ensure_user_exists
            self.system_user = "pgserver"
            ensure_user_exists(self.system_user)
            ensure_prefix_permissions(POSTGRES_BIN_PATH)
            ensure_folder_permissions(POSTGRES_BIN_PATH, stat.S_IRGRP | stat.S_IROTH | stat.S_IXGRP | stat.S_IXOTH)
            ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", stat.S_IRGRP | stat.S_IROTH)
            self.folder.chmod(0o755)
            entry = pwd.getpwnam(self.system_user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        password_file = self.folder / "password"
        password_file.write_text(self.password)
        if self.system_user:
            os.chown(password_file, pwd.getpwnam(self.system_user).pw_uid, -1)
        pgserver.initdb(["-U", self.user, f"--pwfile={password_file}", "--auth=scram-sha-256", "--encoding=UTF8"],
                        pgdata=self.pgdata, user=self.system_user)
        password_file.unlink()
        pgserver.pg_ctl(["-w", "-l", str(self.log), "-o", f"-h 127.0.0.1 -p {self.port} -k ''", "start"],
                        pgdata=self.pgdata, user=self.system_user, timeout=60)
        self.execute(f"create database {self.db}", db="postgres")

    def env(self) -> dict[str, str]:
        return {"DAGSTER_PG_HOST": "127.0.0.1", "DAGSTER_PG_PORT": str(self.port), "DAGSTER_PG_DB": self.db,
                "DAGSTER_PG_USER": self.user, "DAGSTER_PG_PASSWORD": self.password}

    def execute(self, sql: str, db: str | None = None) -> list[tuple]:
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                      dbname=db or self.db)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    def stop(self) -> None:
        import pgserver
        from pgserver._commands import POSTGRES_BIN_PATH

        try:
            pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.system_user, timeout=60)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres():
    server = PostgresServer()
    yield server
    server.stop()


def graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql",
                                     data=json.dumps({"query": query, "variables": variables or {}}).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=30).read())["data"]


def wait_for(predicate, seconds: float, what: str, processes=()):
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        for process in processes:
            assert process.poll() is None, f"{process.args[0]} exited while waiting for {what}"
        assert time.monotonic() < deadline, f"no {what} within {seconds:.0f} s"
        time.sleep(0.5)


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    """A service as `make ui` and deploy/ start it: in the project folder, on the code location of pyproject.toml."""
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(process: subprocess.Popen, group: bool = True) -> None:
    """SIGTERM to the service and what it started (its code server, the runs it launched), or to it alone."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM) if group else process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def launch_over_graphql(port: int, location: str, tags: dict[str, str]) -> str:
    mutation = """mutation($params: ExecutionParams!) { launchRun(executionParams: $params) {
        __typename ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }"""
    params = {"selector": {"repositoryLocationName": location, "repositoryName": "__repository__", "jobName": JOB},
              "runConfigData": {}, "executionMetadata": {"tags": [{"key": k, "value": v} for k, v in tags.items()]}}
    result = graphql(port, mutation, {"params": params})["launchRun"]
    assert result["__typename"] == "LaunchRunSuccess", result
    return result["run"]["runId"]


@pytest.mark.parametrize("storage", ["postgres", "sqlite"])
def test_three_runs_requested_at_once_queue_and_succeed_one_at_a_time(storage, project_env, request, monkeypatch):
    home = project_env / "dagster_home"
    source_home = ".dagster_home_postgres" if storage == "postgres" else ".dagster_home"
    shutil.copy(PROJECT_DIR / source_home / "dagster.yaml", home / "dagster.yaml")
    if storage == "postgres":
        server = request.getfixturevalue("postgres")
        server.execute("drop schema public cascade; create schema public")  # a fresh instance per test
        for key, value in server.env().items():
            monkeypatch.setenv(key, value)
    env = os.environ.copy()
    logs = project_env / "logs"
    logs.mkdir()

    # 1. a refresh end to end, as `make run` does it, recorded in the instance's storage
    started = time.perf_counter()
    refresh = subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=PROJECT_DIR, env=env,
                             capture_output=True, text=True, timeout=600)
    refresh_seconds = time.perf_counter() - started
    assert refresh.returncode == 0, refresh.stdout + refresh.stderr
    assert "published:" in refresh.stdout, refresh.stdout
    instance = dg.DagsterInstance.get()
    if storage == "postgres":
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.schedule_storage).__name__ == "PostgresScheduleStorage"
        [[run_count]] = server.execute("select count(*) from runs")
        [[event_count]] = server.execute("select count(*) from event_logs")
        assert run_count == 1 and event_count > 0
        print(f"\nrefresh on PostgreSQL: {refresh_seconds:.1f} s, {event_count} events in event_logs")
    [make_run] = instance.get_runs()
    assert make_run.status == dg.DagsterRunStatus.SUCCESS

    # 2. the webserver up; two launches over GraphQL queue (no daemon yet to dequeue them)
    port = free_port()
    webserver = start([str(BIN / "dagster-webserver"), "--host", "127.0.0.1", "--port", str(port)], env,
                      logs / "webserver.log")
    daemons: list[subprocess.Popen] = []
    try:
        def location_name():
            try:
                entries = graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name "
                                        "locationOrLoadError { __typename } } } } }")["workspaceOrError"]["locationEntries"]
            except (OSError, KeyError, TypeError, ValueError):
                return None
            return entries[0]["name"] if entries and entries[0]["locationOrLoadError"]["__typename"] == "RepositoryLocation" else None
        location = wait_for(location_name, 120, "webserver with its code location", [webserver])
        schedule = {"dagster/schedule_name": "daily_warehouse_rebuild_schedule", REBUILD_TAG: "always"}
        scheduled = launch_over_graphql(port, location, schedule)  # as the schedule's tick submits its run
        ui_launch = launch_over_graphql(port, location, {REBUILD_TAG: "always"})  # a person's launch in the UI
        # 3. a document gone from raw/: the sensor's tick, the third request, once the daemon is up
        gone = "002_24f5b536cfda2a4f.txt"
        (project_env / "raw" / gone).unlink()
        daemons.append(start([str(BIN / "dagster-daemon"), "run"], env, logs / "daemon.log"))

        def sensor_run():
            return instance.get_runs(filters=dg.RunsFilter(tags={"dagster/sensor_name": "new_documents_sensor"}))
        [sensor] = wait_for(sensor_run, 120, "sensor run", daemons)
        requested = [scheduled, ui_launch, sensor.run_id]

        def statuses():
            return {run_id: instance.get_run_by_id(run_id).status for run_id in requested}
        seen_queued_behind = False
        # 4. while one run builds and the others wait in the queue: make run beside it, and the daemon restarted
        snapshot = wait_for(lambda: (lambda s: s if list(s.values()).count(dg.DagsterRunStatus.STARTED) == 1 else None)(statuses()),
                            180, "a started run", daemons)
        queued = [run_id for run_id, status in snapshot.items() if status == dg.DagsterRunStatus.QUEUED]
        seen_queued_behind = len(queued) >= 1
        # 5. `make run` beside the daemon's run that is building: it waits, then the queue waits for it
        beside = subprocess.Popen([sys.executable, "-m", "orchestration.run", "--rebuild"], cwd=PROJECT_DIR, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        stop(daemons[-1], group=False)  # the daemon alone, as systemd's KillMode=process in deploy/ restarts it
        time.sleep(2)
        assert all(status == dg.DagsterRunStatus.QUEUED for run_id, status in statuses().items() if run_id in queued)
        daemons.append(start([str(BIN / "dagster-daemon"), "run"], env, logs / "daemon.log"))

        most_started = 0

        def all_done():
            nonlocal most_started
            current = statuses()
            most_started = max(most_started, sum(s in (dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED)
                                                 for s in current.values()))
            return current if all(s in (dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED)
                                  for s in current.values()) else None
        final = wait_for(all_done, 600, "all three runs finished", daemons[-1:])
        beside_output, _ = beside.communicate(timeout=600)
    finally:
        for process in [*daemons, webserver]:
            stop(process)
    assert beside.returncode == 0, beside_output
    assert "waiting: run " in beside_output and "is building the warehouse; one build at a time" in beside_output, beside_output
    [beside_run] = [r for r in instance.get_runs() if r.tags.get("gemeentefinancien/pid") == str(beside.pid)]
    assert beside_run.status == dg.DagsterRunStatus.SUCCESS
    requested.append(beside_run.run_id)
    daemon_log = (logs / "daemon.log").read_text(errors="replace")[-3000:]
    failures = [event.message for run_id, status in final.items() if status != dg.DagsterRunStatus.SUCCESS
                for event in instance.all_logs(run_id) if event.dagster_event and event.dagster_event.is_failure]
    assert set(final.values()) == {dg.DagsterRunStatus.SUCCESS}, (final, failures, daemon_log)
    assert seen_queued_behind and most_started <= 1, (snapshot, most_started)

    # one at a time: each run started after the one before it ended
    records = sorted(instance.get_run_records(filters=dg.RunsFilter(run_ids=requested)), key=lambda r: r.start_time)
    assert all(record.dagster_run.tags.get("warehouse") == "build" for record in records)
    for before, after in zip(records, records[1:]):
        assert after.start_time >= before.end_time, (before.dagster_run.run_id, after.dagster_run.run_id)
    print(f"{storage}: three queued runs and make run's, " + ", ".join(f"{r.end_time - r.start_time:.1f} s" for r in records)
          + f"; events per run: {[len(instance.all_logs(r.dagster_run.run_id)) for r in records]}")

    # the published file: built by one of them, whole, and without the gone document
    with duckdb.connect(str(project_env / "warehouse" / "warehouse.duckdb"), read_only=True) as connection:
        built_by, facts = connection.execute("select run_id, fact_rows from analytics.warehouse_manifest").fetchone()
        files = {row[0] for row in connection.execute("select source_file from analytics.document_status").fetchall()}
    assert built_by in requested and facts > 0
    assert gone not in files and len(files) == 4
