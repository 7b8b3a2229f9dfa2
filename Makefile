# careerlab: `make lab` opens the series, `make test` runs every test, `make bench` measures.
# Each target first builds a project-local .venv from requirements.txt; when nothing changed,
# the install is skipped (the stamp file is newer than requirements.txt and pyproject.toml).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.careerlab-installed
# Jupyter refuses to start as root (containers, some lab machines) unless told it is fine.
ROOT_OK := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

.PHONY: lab test bench app clean help
help:
	@echo "make lab    open JupyterLab on notebooks/00-start-here.ipynb"
	@echo "make test   run every test (unit, data, widget, notebooks, browser)"
	@echo "make bench  measure speed and memory, write bench/results.md"
	@echo "make app    serve the self-assessment as a web page (Voila) on http://127.0.0.1:8866"
	@echo "make clean  remove .venv and caches"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "careerlab needs Python 3.11 or newer; you have " + sys.version.split()[0] + ". Set PYTHON=python3.11 (or newer) and try again.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_OK) notebooks/00-start-here.ipynb

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

app: $(STAMP)
	$(BIN)/voila app/self-assessment.ipynb --port=8866 --Voila.ip=127.0.0.1 --no-browser

clean:
	rm -rf $(VENV) .pytest_cache .careerlab-cache
