"""Reader processes query the published file in a loop while it is refreshed several times: zero errors,
zero torn reads. Runs on the same raw/ give identical marts, whether landing is reused or rebuilt."""

import json
import shutil
import subprocess
import sys
import time

import duckdb

from orchestration import locations, run
from orchestration.publication import CONTRACT

READER = r"""
import json, sys, time, duckdb
published, stop, report = sys.argv[1:4]
queries = errors = torn = 0
versions, messages = set(), []
import os
while not os.path.exists(stop):
    try:
        with duckdb.connect(published, read_only=True) as connection:
            run_id, control_total, fact_rows = connection.execute(
                "select run_id, control_total_eur, fact_rows from analytics.warehouse_manifest").fetchone()
            total, rows = connection.execute(
                "select coalesce(sum(amount_eur), 0), count(*) from marts.fct_budget_lines").fetchone()
            queries += 2
            versions.add(run_id)
            if (total, rows) != (control_total, fact_rows):
                torn += 1
    except Exception as error:
        errors += 1
        messages.append(repr(error)[:200])
json.dump({"queries": queries, "errors": errors, "torn": torn, "versions": len(versions), "messages": messages[:5]},
          open(report, "w"))
"""


def manifest(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        row = connection.execute("select run_id, fact_rows, table_checksums from analytics.warehouse_manifest").fetchone()
    return row[0], row[1], json.loads(row[2])


def test_readers_across_refreshes_and_identical_marts_from_the_same_raw(project_env, tmp_path):
    raw, published = locations.raw_dir(), locations.published_path()
    assert run.main() == 0
    first_run, first_rows, first_checksums = manifest(published)
    assert set(first_checksums) == {relation for relation in CONTRACT if relation.startswith("marts.")}  # every mart table

    stop = tmp_path / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(published), str(stop), str(tmp_path / f"reader{i}.json")])
               for i in range(3)]
    time.sleep(1)
    # refresh 1: a new document; refresh 2: it is removed again (its rows leave landing)
    extra = raw / "007_coevorden_again.txt"
    extra.write_text((raw / "002_24f5b536cfda2a4f.txt").read_text(encoding="utf-8") + "\nDeze pagina is gedeeld via de website\n",
                     encoding="utf-8")
    assert run.main() == 0
    assert manifest(published)[1] == first_rows + 28
    extra.unlink()
    assert run.main() == 0
    second_run, second_rows, second_checksums = manifest(published)
    # refresh 3: everything parsed again from raw/ (landing removed), and built although nothing changed
    shutil.rmtree(locations.landing_dir())
    assert run.main(["--rebuild"]) == 0
    third_run, third_rows, third_checksums = manifest(published)

    stop.write_text("")
    reports = []
    for index, reader in enumerate(readers):
        assert reader.wait(timeout=60) == 0
        reports.append(json.loads((tmp_path / f"reader{index}.json").read_text()))
    print("readers:", reports)
    assert all(report["errors"] == 0 for report in reports), reports
    assert all(report["torn"] == 0 for report in reports), reports
    assert all(report["versions"] >= 2 for report in reports), reports  # they did read across refreshes
    assert sum(report["queries"] for report in reports) > 100

    # the same raw/ gives the same marts, table by table
    assert len({first_run, second_run, third_run}) == 3
    assert first_rows == second_rows == third_rows
    assert second_checksums == first_checksums
    assert third_checksums == first_checksums
