# careerlab: `make lab` opens the series, `make test` runs every test, `make bench` measures.
# Each target first builds a project-local .venv from requirements.txt; when nothing changed,
# the install is skipped (the stamp file is newer than requirements.txt and pyproject.toml).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.careerlab-installed
# The ICD-10-CM look-up (lesson 01 on) is built once at install, read-only inside the environment,
# so no learner's first lesson waits for it (careerlab/codes/icd10cm_cache.py, shared_cache_dir).
ICD_CACHE := share/careerlab/cache
ICD_STAMP := $(VENV)/$(ICD_CACHE)/.careerlab-built
# JupyterLab opens lesson 00 (and prints its address, not the Launcher's), with the project's own
# settings (lab-settings/overrides.json: no "Jupyter news?" pop-up), never the learner's ~/.jupyter.
LESSON_00    := notebooks/00-start-here.ipynb
LAB_SETTINGS := lab-settings/overrides.json
LAB_OPTIONS  := --LabApp.app_settings_dir="$(CURDIR)/lab-settings" --LabApp.default_url=/lab/tree/$(notdir $(LESSON_00))
# Jupyter refuses to start as root (containers, some lab machines) unless told it is fine.
ROOT_OK := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

# The kiosk (`make app`): how long an untouched visit lives (seconds), how often that is checked,
# how many visits at once, and the address to listen on. Change them on the command line:
# make app KIOSK_MAX_KERNELS=4 KIOSK_IDLE_SECONDS=600
KIOSK_IDLE_SECONDS  ?= 300
KIOSK_CULL_INTERVAL ?= 60
KIOSK_MAX_KERNELS   ?= 10
KIOSK_IP            ?= 127.0.0.1

# The class hub (deploy/jupyterhub/): learners' servers run from .hub-env, built from a Python every
# account can read (not one under /root or a home folder); the proxy comes from npm.
HUB_PYTHON ?= /usr/bin/python3
HUB_ENV    := .hub-env
HUB_STAMP  := $(HUB_ENV)/.careerlab-installed
HUB_ICD_STAMP := $(HUB_ENV)/$(ICD_CACHE)/.careerlab-built
CHP        := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy

.PHONY: lab test bench app clean help hub hub-env hub-deps
help:
	@echo "make lab    open JupyterLab on notebooks/00-start-here.ipynb"
	@echo "make test   run every test (unit, data, widget, notebooks, browser)"
	@echo "make bench  measure speed and memory, write bench/results.md"
	@echo "make app    serve the self-assessment as a web page (Voila) on http://127.0.0.1:8866"
	@echo "make hub    (as root) a class hub on this machine for a trial, on http://127.0.0.1:8000"
	@echo "make clean  remove .venv and caches"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "careerlab needs Python 3.11 or newer; you have " + sys.version.split()[0] + ". Set PYTHON=python3.11 (or newer) and try again.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Build the ICD-10-CM cache into the environment (skipped when it is already there for this release).
$(ICD_STAMP): $(STAMP) careerlab/codes/icd10cm_cache.py
	env -u CAREERLAB_SHARED_CACHE $(BIN)/python -m careerlab.codes.icd10cm_cache --shared
	chmod -R a+rX $(VENV)/$(ICD_CACHE)
	@touch $@

# careerlab's own modules compiled to bytecode ahead of a lesson (quick when nothing changed): where
# Python may not write it (PYTHONDONTWRITEBYTECODE, a hub's read-only checkout), every lesson's first
# cell would compile 15,000 lines again, about 0.15 s.
BYTECODE = $(BIN)/python -m compileall -q careerlab

lab: $(STAMP) $(ICD_STAMP)
	$(BYTECODE)
	$(BIN)/jupyter lab $(ROOT_OK) $(LAB_OPTIONS) $(LESSON_00)

# As root (CI, a class server) the hub test runs too, so make test first builds what it needs.
test: $(STAMP) $(ICD_STAMP) $(if $(ROOT_OK),hub-deps)
	$(BYTECODE)
	$(BIN)/python -m pytest

bench: $(STAMP) $(ICD_STAMP)
	$(BYTECODE)
	$(BIN)/python bench/run.py

# Settings in app/voila.py. Visits keep their answers in private folders under one fresh kiosk folder,
# removed on exit; CAREERLAB_HOME points into it too, so no learner's ~/.careerlab is ever in reach.
app: $(STAMP)
	@kiosk=$$(mktemp -d "$${TMPDIR:-/tmp}/careerlab-kiosk.XXXXXX") && trap 'rm -rf "$$kiosk"' EXIT INT TERM && \
	echo "careerlab kiosk: visits in $$kiosk; idle $(KIOSK_IDLE_SECONDS) s, at most $(KIOSK_MAX_KERNELS) at once" && \
	CAREERLAB_HOME="$$kiosk/no-learner-home" CAREERLAB_KIOSK_DIR="$$kiosk/visits" \
	CAREERLAB_KIOSK_IDLE_SECONDS=$(KIOSK_IDLE_SECONDS) CAREERLAB_KIOSK_CULL_INTERVAL=$(KIOSK_CULL_INTERVAL) \
	CAREERLAB_KIOSK_MAX_KERNELS=$(KIOSK_MAX_KERNELS) \
	$(BIN)/voila app/self-assessment.ipynb --port=8866 --Voila.ip=$(KIOSK_IP) --no-browser --Voila.config_file_paths=app

$(HUB_STAMP): requirements.txt pyproject.toml $(LAB_SETTINGS)
	@$(HUB_PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "The learners environment needs Python 3.11 or newer; set HUB_PYTHON to one that every account can run.")'
	$(HUB_PYTHON) -m venv $(HUB_ENV)
	$(HUB_ENV)/bin/python -m pip install --quiet -r requirements.txt
	$(HUB_ENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	install -D -m 644 $(LAB_SETTINGS) $(HUB_ENV)/share/jupyter/lab/settings/overrides.json
	$(HUB_ENV)/bin/python -m compileall -q careerlab
	chmod -R a+rX $(HUB_ENV)
	@touch $(HUB_STAMP)

$(HUB_ICD_STAMP): $(HUB_STAMP) careerlab/codes/icd10cm_cache.py
	env -u CAREERLAB_SHARED_CACHE $(HUB_ENV)/bin/python -m careerlab.codes.icd10cm_cache --shared
	chmod -R a+rX $(HUB_ENV)/$(ICD_CACHE)
	@touch $@

$(CHP): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	npm ci --prefix deploy/jupyterhub --no-audit --no-fund --loglevel=error
	@touch $(CHP)

hub-env: $(HUB_STAMP) $(HUB_ICD_STAMP)

hub-deps: $(STAMP) $(ICD_STAMP) $(HUB_STAMP) $(HUB_ICD_STAMP) $(CHP)

hub: hub-deps
	bash deploy/jupyterhub/trial.sh

clean:
	rm -rf $(VENV) $(HUB_ENV) .pytest_cache .careerlab-cache deploy/jupyterhub/node_modules
