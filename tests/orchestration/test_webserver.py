"""The UI command's webserver starts on localhost and lists the assets through GraphQL."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_webserver_lists_assets_over_graphql(tmp_path):
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    webserver = Path(sys.executable).with_name("dagster-webserver")
    process = subprocess.Popen(
        [str(webserver), "-m", "orchestration.definitions", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    query = json.dumps({"query": "{ assetNodes { assetKey { path } } }"}).encode()
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=query,
                                                 headers={"Content-Type": "application/json"})
                body = json.loads(urllib.request.urlopen(request, timeout=5).read())
                paths = {"/".join(node["assetKey"]["path"]) for node in body["data"]["assetNodes"]}
                if paths:
                    break
            except (OSError, KeyError, TypeError):
                pass
            assert time.monotonic() < deadline, "webserver did not answer within 90 s"
            assert process.poll() is None, "webserver exited"
            time.sleep(1)
        assert {"raw_documents", "landing/documents", "landing/facts", "marts/fct_budget_lines",
                "analytics/budget_facts", "published_warehouse"} <= paths
    finally:
        process.terminate()
        process.wait(timeout=30)
