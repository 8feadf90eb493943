# cchc-analysis — the front door. `make help` lists the targets.
# Environments are built from uv.lock (exact pins) with a pinned uv, never by hand.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .uv/bin/uv
VENV := .venv
LAB_VENV := .venv-lab
YEAR ?= 2025
JOBS ?= 2
DEMO := data/raw/demo/cchc_indicators_2021_2025_SYNTHETIC.csv

export UV_PYTHON_DOWNLOADS := never
# Compile bytecode at install: without it every kernel recompiles polars/altair (~2.5 s each).
export UV_COMPILE_BYTECODE := 1
export UV_PYTHON_PREFERENCE := only-system

## Set up .venv from the lock file, then validate, score and render every province's report for YEAR
reports: $(VENV)/.synced
	$(VENV)/bin/cchc validate $(DEMO)
	$(VENV)/bin/cchc score
	$(VENV)/bin/cchc reports --year $(YEAR) --jobs $(JOBS)

## Set up .venv with the dev tools, then ruff, mypy and the test suite (notebooks and a browser included)
test: $(VENV)/.synced-dev
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy src
	$(VENV)/bin/python -m pytest

## Start JupyterLab with the project's kernel (its own environment, .venv-lab)
lab: $(LAB_VENV)/.synced
	$(LAB_VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

## Regenerate the synthetic demo data (byte-identical for the same seed)
demo-data: $(VENV)/.synced
	$(VENV)/bin/cchc demo-data
	cp $(DEMO) src/cchc_analysis/data/demo/

## Run the benchmarks (they print figures; tests never time anything)
bench: $(VENV)/.synced-dev
	for script in benchmarks/*.py; do $(VENV)/bin/python $$script; done

## Remove environments and generated outputs (raw data and READMEs stay)
clean:
	rm -rf $(VENV) $(LAB_VENV) .uv .pytest_cache .ruff_cache .mypy_cache
	find data/processed reports -mindepth 1 ! -name README.md -exec rm -rf {} +

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(doc){split($$1,t,":"); printf "  \033[36m%-10s\033[0m %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The stamps are older than the lock or pyproject whenever those change: the env is re-synced.
$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --no-dev --inexact --quiet
	touch $@

$(VENV)/.synced-dev: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --group dev --quiet
	touch $@ $(VENV)/.synced

$(LAB_VENV)/.synced: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(LAB_VENV) $(UV) sync --locked --group lab --quiet
	touch $@

.PHONY: reports test lab demo-data bench clean help
