# Two commands for everyone: `make lab` opens the curriculum, `make test` runs every test.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: lab test test-browser install bench clean

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Only the browser test: JupyterLab in headless /usr/bin/chromium (skipped when it is missing).
test-browser: $(STAMP)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m trustlab.bench

install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build lib/*.egg-info
