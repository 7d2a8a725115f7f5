"""A failing dbt test stops publication: the previous file stays published and the run says which test
failed and why."""

import hashlib
import shutil

import dagster as dg
import polars as pl

from orchestration import locations, run


def test_a_failing_dbt_test_keeps_the_previous_file_published(project_env, capsys):
    shutil.rmtree(locations.raw_dir() / "iv3_cbs")  # the documents alone keep this test short
    assert run.main() == 0
    published = locations.published_path()
    before = hashlib.sha256(published.read_bytes()).hexdigest()

    # a defect upstream of dbt: the landing facts hold one document's line twice
    landing = locations.landing_dir() / "document_tables" / "current" / "facts.parquet"
    facts = pl.read_parquet(landing)
    twice = facts.filter(pl.col("document_id").str.starts_with("003_")).head(1)
    pl.concat([facts, twice]).write_parquet(landing)

    assert run.main() == 1
    said = capsys.readouterr().err
    assert "the published warehouse was left as it was" in said
    assert "warehouse_dbt_models: Failure in test unique_combination_of_columns_fct_budget_lines" in said
    assert "Got 1 result, configured to fail if != 0" in said
    assert hashlib.sha256(published.read_bytes()).hexdigest() == before
    # the UI shows the same: the dbt test's check failed in that run
    instance = dg.DagsterInstance.get()
    failed_run = instance.get_runs(limit=1)[0]
    evaluations = [record.event_log_entry.dagster_event.event_specific_data for record in instance.get_records_for_run(
        failed_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records]
    assert [evaluation.check_name for evaluation in evaluations if not evaluation.passed
            and evaluation.check_name.startswith("unique_combination_of_columns_fct_budget_lines")]
