# The README's commands. Everything installs into .venv from requirements.lock (exact pins).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The Dagster instance: SQLite in .dagster_home (the default); GF_DAGSTER_STORAGE=postgres takes
# .dagster_home_postgres (PostgreSQL; its connection from the DAGSTER_PG_* variables, docs/deployment.md).
GF_DAGSTER_STORAGE ?= sqlite
export DAGSTER_HOME := $(CURDIR)/$(if $(filter postgres,$(GF_DAGSTER_STORAGE)),.dagster_home_postgres,.dagster_home)
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: setup run test ui sql bench clean

setup: $(VENV)/.installed dbt_project/target/manifest.json

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The dbt manifest is prepared once here, not on every load of the code location. The paths are the
# ones the pipeline passes, so that each run's dbt reuses this parse (partial parsing) instead of
# parsing the project again.
dbt_project/target/manifest.json: $(VENV)/.installed $(shell find dbt_project/models dbt_project/macros dbt_project/tests dbt_project/seeds -type f) dbt_project/dbt_project.yml dbt_project/profiles.yml
	cd dbt_project && WAREHOUSE_BUILD_PATH=$(CURDIR)/warehouse/build/warehouse.duckdb WAREHOUSE_LANDING_DIR=$(CURDIR)/warehouse/landing \
		../$(BIN)/dbt parse --profiles-dir . --quiet

# Prints a short progress and summary; the full Dagster and dbt log goes to warehouse/logs/ (it names the file).
run: setup
	$(BIN)/python -m orchestration.run

# The oldest DuckDB the published file must open in (BI tools embed 1.5.x), in an environment of its own.
.venv-duckdb15/.installed: requirements-duckdb15.lock
	$(PYTHON) -m venv .venv-duckdb15
	.venv-duckdb15/bin/pip install --quiet -r requirements-duckdb15.lock
	touch $@

test: setup .venv-duckdb15/.installed
	$(BIN)/pytest -q

# The webserver and the daemon (what `dagster dev`, now superseded, starts) on the code location as
# pyproject.toml names it (gemeentefinancien), the one `make run` records its runs under.
ui: setup
	$(BIN)/dagster-daemon run & daemon=$$!; \
	trap 'kill $$daemon 2>/dev/null' EXIT INT TERM; \
	$(BIN)/dagster-webserver --host 127.0.0.1 --port 3000

sql: setup
	$(BIN)/python -m orchestration.sql_shell

# Times refreshes of the sample, generates a synthetic corpus (100, 1,000 and 10,000 documents) in a
# temporary folder and prints one table against the floor; README's Performance says how long it took
# last. Never part of the tests.
bench: setup
	$(BIN)/python -m bench.run


clean:
	rm -rf $(VENV) .venv-duckdb15 warehouse/landing warehouse/build warehouse/dbt_target warehouse/logs warehouse/warehouse.duckdb dbt_project/target
