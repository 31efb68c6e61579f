# Two commands on a fresh machine with Python 3.11:
#   make report   build the whole report (notebooks, figures, HTML site)
#   make test     run every test (unit, doctests, data, nbval, browser)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lab validate audit eval bench readme screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (parstats)" >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/parstats build

test: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab on the project with its kernel ("Python 3 (parstats)"); --allow-root where the
# machine runs as root (containers, CI-like workplaces), which Jupyter otherwise refuses.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

validate: $(STAMP)
	$(BIN)/parstats validate

audit: $(STAMP)
	$(BIN)/parstats audit data/raw/bao-cao-so-ket-ctr-09-tu.md

# precision and recall of the audit against the hand labels of tests/audit_eval
eval: $(STAMP)
	$(BIN)/python -m parstats.audit.evaluation

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_audit.py
	$(BIN)/python benchmarks/bench_audit_scaling.py
	$(BIN)/python benchmarks/bench_serve.py

readme: $(STAMP)
	$(BIN)/python -m parstats.publishing.docs

# the README's pictures of the site (docs/site/*.png, after make report) and of parstats serve's
# page (docs/serve/*.png); needs Debian's chromium
screenshots: $(STAMP)
	$(BIN)/python -m parstats.publishing.screenshots
	$(BIN)/python -m parstats.serve.shots

clean:
	rm -rf $(VENV) site .parstats-cache
