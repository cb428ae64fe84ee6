# The two commands a newcomer needs: `make lab` and `make test`.
# Each creates .venv on first use (needs Python 3.11+ and the network once).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-test
DEV    := $(VENV)/.installed-dev

.PHONY: lab test install bench data site lint clean

# JupyterLab refuses to run as root unless told (containers, classroom images run as root).
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)  ## open lesson 00 in JupyterLab
	$(VENV)/bin/jupyter lab $(LAB_FLAGS) lessons/00_start_here.ipynb

test: $(STAMP)  ## run every test layer: unit, doctests, lint, nbval, solutions, explorers, browser
	OPENBLAS_NUM_THREADS=1 $(PY) -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

$(DEV): $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

bench: $(DEV)  ## print the performance figures the README quotes
	@for script in benchmarks/bench_*.py; do \
		echo "== $$script"; OPENBLAS_NUM_THREADS=1 $(PY) $$script || exit 1; done

data: $(STAMP)  ## regenerate data/*.csv from the seeded generator (byte-identical)
	$(PY) -c 'from osmosis_lab import data; [print(p) for p in data.write_all()]'

lint: $(DEV)
	$(VENV)/bin/ruff check widgets tests benchmarks

site: $(STAMP)  ## execute every lesson into a static HTML preview in site/
	$(PY) -m osmosis_lab.site site

clean:
	rm -rf $(VENV) site .pytest_cache
