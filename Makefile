# Two commands do all set-up on a fresh machine (Python 3.11 + pip):
#   make warehouse   install on first use, then build the warehouse from $(PACKS) into $(WAREHOUSE)
#   make test        install on first use, then lint and run the whole test suite
# paths and settings come from warehouse/settings.py (stdlib only: the system Python reads it)
setting = $(shell $(PYTHON) -m warehouse.settings $(1))
PACKS ?= $(call setting,packs-dir)
WAREHOUSE ?= $(call setting,warehouse-dir)
N ?= 1000
SEED ?= 7
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE_N = $(if $(filter command line environment,$(origin N)),$(N),40)
DAGSTER_HOME ?= $(call setting,dagster-home $(WAREHOUSE))

.PHONY: install warehouse test lint format ui docs bench sample-facts clean contracts

# --compile-bytecode: every process of a build (Dagster, dbt, GX, parser workers) imports from
# .pyc files written once here, not by compiling each package's sources again (the ~10 s this
# costs at install is paid back by the first build; PYTHONDONTWRITEBYTECODE can leave them unwritten)
$(STAMP): pyproject.toml uv.lock dbt/dbt_project.yml $(wildcard dbt/models/*/*.sql dbt/models/*/*.yml dbt/models/*/*.md dbt/macros/*.sql)
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv sync --frozen --compile-bytecode --python $(PYTHON) || uv sync --frozen --compile-bytecode --python $(PYTHON)
	cd dbt && DBT_DUCKDB_PATH="$(call setting,work-db $(WAREHOUSE))" \
		COUNCIL_DUCKDB_MEMORY_LIMIT="$(call setting,memory-limit)" ../$(BIN)/council-dbt parse --profiles-dir . --quiet
	@touch $(STAMP)

install: $(STAMP)

warehouse: install
	$(BIN)/python -m dagster_project.build --packs "$(PACKS)" --warehouse "$(WAREHOUSE)"

# two worker processes (pytest-xdist), each module's tests in one of them: the suite is mostly one
# core's work (builds in child processes one after another); each worker builds the session's
# shared warehouses once
TEST_WORKERS ?= 2
test: install lint
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile

# Write the files generated from contracts/ (raw DDL, polars schemas, gate parameters, dbt
# sources, mart, BI and provenance yml); tests/test_contracts.py fails when a committed one is
# stale.
contracts: install
	$(BIN)/python -m contracts.generate

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ui: install
	DAGSTER_HOME="$(DAGSTER_HOME)" $(BIN)/python -m dagster_project.ui --warehouse "$(WAREHOUSE)" --packs "$(PACKS)"

# The data catalogue (dbt docs: models, columns, tests, lineage raw -> BI views) and the
# data-quality page, both published beside the warehouse by `make warehouse`; offline pages.
docs:
	@test -f "$(WAREHOUSE)/catalog/index.html" || { echo "no catalogue in $(WAREHOUSE)/catalog: run make warehouse first"; exit 1; }
	@echo "data catalogue: $(abspath $(WAREHOUSE))/catalog/index.html"
	@echo "data quality:   $(abspath $(WAREHOUSE))/data_docs/index.html"
	-$(PYTHON) -m webbrowser -t "file://$(abspath $(WAREHOUSE))/catalog/index.html"

bench: install
	$(BIN)/python -m bench.run --n $(N) --seed $(SEED)

# N facts (default 40) of the published warehouse (split by domain) beside their printed line, header and caption
sample-facts: install
	$(BIN)/python -m warehouse.sample_facts --warehouse "$(WAREHOUSE)" --n $(SAMPLE_N) --seed $(SEED) $(if $(DOMAIN),--domain $(DOMAIN))

clean:
	rm -rf $(call setting,build-dir $(WAREHOUSE)) $(call setting,published-db $(WAREHOUSE)) dbt/target
