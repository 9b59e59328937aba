# Two commands for everyone: `make lab` opens the curriculum, `make test` runs every test.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: lab test test-browser test-nbgrader install bench clean

# The venv's bin comes first on PATH so a terminal inside JupyterLab finds `trustlab review`;
# --allow-root only where the lab runs as root (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Only the browser test: JupyterLab in headless /usr/bin/chromium (skipped when it is missing).
test-browser: $(STAMP)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# Only the nbgrader pipeline test: a whole cohort in a temporary course (about 1.5 minutes).
test-nbgrader: $(STAMP)
	$(PY) -m pytest -m nbgrader $(PYTEST_ARGS)

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

# ---------------------------------------------------------------------------------------------
# Graded cohort assignments with nbgrader: docs/instructors.md walks through a cohort.
# This folder is the course directory (settings in nbgrader_config.py): solutions/ holds the
# source assignments with their answer keys, exercises/ the student versions generated from them.
# ASSIGNMENT=02_soften_questions picks one assignment; release and collect need it.

NBGRADER    := $(VENV)/bin/nbgrader
ASSIGNMENTS := $(sort $(patsubst solutions/%/,%,$(dir $(wildcard solutions/*/*.ipynb))))
ASSIGNMENT  ?=
EACH         = $(or $(ASSIGNMENT),*)
GRADES      ?= grades.csv

.PHONY: keys exercises release collect autograde feedback grades

# Every hidden test has an answer key of the right kind and points.
keys: $(STAMP)
	$(PY) -m trustlab.grading solutions

# exercises/ from solutions/ (commit the result; tests/test_grading.py fails when they drift).
exercises: keys
	$(NBGRADER) generate_assignment '*' --force

release: keys
	@test -n "$(ASSIGNMENT)" || { echo "Say which one: make release ASSIGNMENT=<$(ASSIGNMENTS)>"; exit 2; }
	$(NBGRADER) generate_assignment $(ASSIGNMENT) --force
	$(NBGRADER) release_assignment $(ASSIGNMENT) $(NBGRADER_ARGS)

collect: $(STAMP)
	@test -n "$(ASSIGNMENT)" || { echo "Say which one: make collect ASSIGNMENT=<$(ASSIGNMENTS)>"; exit 2; }
	$(NBGRADER) collect $(ASSIGNMENT) --update $(NBGRADER_ARGS)

# Grades what was collected and not yet graded; NBGRADER_ARGS=--force grades everything again.
autograde: keys
	$(NBGRADER) autograde '$(EACH)' $(NBGRADER_ARGS)

# Feedback pages (without hidden tests) for every graded submission, released to the learners.
feedback: $(STAMP)
	$(NBGRADER) generate_feedback '$(EACH)' $(NBGRADER_ARGS)
	$(NBGRADER) release_feedback '$(EACH)'

# Every learner's score on every assignment, as CSV (it holds personal data: keep it out of git).
grades: $(STAMP)
	$(NBGRADER) export --to $(GRADES)
