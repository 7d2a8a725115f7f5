import dagster as dg

from orchestration.definitions import defs


def asset_graph():
    return defs.resolve_asset_graph()


def test_definitions_load_with_jobs_sensor_and_schedule():
    repository = defs.get_repository_def()
    assert "warehouse_refresh_job" in repository.job_names
    assert repository.get_sensor_def("new_documents_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert repository.get_schedule_def("daily_warehouse_rebuild_schedule").default_status == dg.DefaultScheduleStatus.RUNNING


def upstream_closure(graph, key: dg.AssetKey) -> set[dg.AssetKey]:
    seen, frontier = set(), [key]
    while frontier:
        current = frontier.pop()
        for parent in graph.get(current).parent_keys:
            if parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    return seen


def test_lineage_is_one_graph_from_raw_documents_to_the_analyst_view():
    graph = asset_graph()
    keys = graph.get_all_asset_keys()
    budget_facts = dg.AssetKey(["analytics", "budget_facts"])
    upstream = upstream_closure(graph, budget_facts)
    assert dg.AssetKey("raw_documents") in upstream
    assert dg.AssetKey(["landing", "facts"]) in upstream
    # every dbt staging model, dimension and fact leads to the published file and comes from raw
    published_upstream = upstream_closure(graph, dg.AssetKey("published_warehouse"))
    for key in keys:
        if key.path[0] in ("staging", "marts", "analytics") and not key.path[-1].startswith("stg_reference"):
            assert key in published_upstream, f"{key} does not lead to the published warehouse"
            origins = upstream_closure(graph, key)
            defined_in_sql = not origins and key.path[-1] in ("dim_measure", "dim_scenario")  # fixed vocabularies
            raw_files = {dg.AssetKey("raw_documents"), dg.AssetKey("raw_iv3_files")}
            assert defined_in_sql or raw_files & origins or any(k.path[0] == "reference" for k in origins), f"{key} has no source"
    for name in ("dim_document", "dim_fiscal_year", "fct_budget_lines", "fct_reported_totals"):
        assert dg.AssetKey("raw_documents") in upstream_closure(graph, dg.AssetKey(["marts", name])), name
    for name in ("dim_municipality", "dim_fiscal_year", "dim_taakveld", "dim_measure", "dim_scenario",
                 "dim_document", "fct_budget_lines", "fct_reported_totals", "dim_taakveld_year", "fct_iv3_figures",
                 "municipality_population", "per_inhabitant_by_comparable_taakveld", "document_vs_iv3"):
        assert dg.AssetKey(["marts", name]) in published_upstream


def test_iv3_files_are_a_second_raw_family_in_the_same_graph():
    graph = asset_graph()
    raw_iv3 = dg.AssetKey("raw_iv3_files")
    for name in ("fct_iv3_figures", "municipality_population", "per_inhabitant_by_taakveld", "iv3_file_checks"):
        assert raw_iv3 in upstream_closure(graph, dg.AssetKey(["marts", name])), name
    comparison = upstream_closure(graph, dg.AssetKey(["marts", "document_vs_iv3"]))
    assert {raw_iv3, dg.AssetKey("raw_documents"), dg.AssetKey(["reference", "cbs_taakveld_codelijst"])} <= comparison


def test_dbt_tests_are_asset_checks():
    checks = {key.name for key in asset_graph().asset_check_keys}
    assert any(name.startswith("unique_combination_of_columns_fct_budget_lines") for name in checks)
    assert any(name.startswith("relationships_fct_budget_lines_taakveld_key") for name in checks)
    assert {"readable", "reconciles", "no_ambiguous_cells", "iv3_files_readable", "iv3_figures_reconcile"} <= checks
    # singular tests are checks on the model they name, not loose observations
    assert {"iv3_roll_up_equals_children", "split_codes_roll_up_within_hoofdtaakveld",
            "active_municipalities_are_those_of_iv3", "iv3_grey_parent_cells_booked"} <= checks


def test_every_asset_check_says_what_it_checks():
    graph = asset_graph()
    descriptions = {key.name: graph.get_check_spec(key).description for key in graph.asset_check_keys}
    assert all(descriptions.values()), [name for name, description in descriptions.items() if not description]
    # singular tests by the comment heading their SQL, generic ones by their arguments
    assert descriptions["iv3_grey_parent_cells_booked"].startswith("CBS's lists of 2023-2024 keep 6.71")
    assert descriptions["iv3_grey_parent_cells_booked"].endswith("(warns, never fails the run)")
    assert descriptions["relationships_fct_budget_lines_taakveld_key__taakveld_key__ref_dim_taakveld_"] == (
        "Every taakveld_key is a taakveld_key of dim_taakveld.")
    assert descriptions["not_null_dim_municipality_municipality_code"] == "municipality_code is never NULL."
