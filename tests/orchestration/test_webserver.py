"""The UI command's webserver starts on localhost, lists the assets through GraphQL, and files a run that
`make run` records under its code location, as the Overview timeline groups runs."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg

from orchestration import run

PROJECT_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=5).read())["data"]


def test_webserver_lists_assets_and_the_runs_of_make_run_under_its_code_location(tmp_path, monkeypatch):
    port = free_port()
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    # a run as `make run` records it (created, not executed: what the UI groups by is fixed at creation)
    _, created = run.create_refresh_run(dg.DagsterInstance.get(), {})
    webserver = Path(sys.executable).with_name("dagster-webserver")
    process = subprocess.Popen(  # as `make ui` starts it: the code location of pyproject.toml
        [str(webserver), "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_DIR, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                paths = {"/".join(node["assetKey"]["path"]) for node in graphql(port, "{ assetNodes { assetKey { path } } }")["assetNodes"]}
                if paths:
                    break
            except (OSError, KeyError, TypeError):
                pass
            assert time.monotonic() < deadline, "webserver did not answer within 90 s"
            assert process.poll() is None, "webserver exited"
            time.sleep(1)
        assert {"raw_documents", "landing/documents", "landing/facts", "marts/fct_budget_lines",
                "analytics/budget_facts", "published_warehouse"} <= paths

        locations = graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
        [location] = [entry["name"] for entry in locations["workspaceOrError"]["locationEntries"]]
        runs = graphql(port, "{ runsOrError { ... on Runs { results { runId jobName "
                             "repositoryOrigin { repositoryLocationName repositoryName } } } } }")["runsOrError"]["results"]
        assert runs == [{"runId": created.run_id, "jobName": "warehouse_refresh_job",
                         "repositoryOrigin": {"repositoryLocationName": location, "repositoryName": "__repository__"}}]
    finally:
        process.terminate()
        process.wait(timeout=30)
