# The two commands a newcomer needs: `make lab` and `make test`.
# Each creates .venv on first use (needs Python 3.11 and the network once).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-test
DEV    := $(VENV)/.installed-dev

# The Pythons CI runs the tests on; pyproject.toml's requires-python admits exactly these
# (tests/test_environment.py checks that they agree). altair 5.5, the last altair whose
# charts JupyterLab 4.6 draws, cannot be imported on Python 3.14.
SUPPORTED_PYTHONS := 3.11

# One settings file, shared with Binder (postBuild) and the school server (deploy/):
# no JupyterLab news prompt, no update check, so the server never contacts the network.
# (LabApp reads these from jupyter_server_config.json whether started as `jupyter lab` or
# as a hub's single-user server; it ignores them in a jupyter_server_config.d/ folder.)
LAB_SETTINGS := deploy/jupyter_server_config.json
# The news prompt ("Would you like to get notified about official Jupyter news?") is the
# frontend's, asked whenever the fetchNews setting is "none", whatever news_url says: these
# default settings answer it ("false"). JupyterLab reads them from <config path>/labconfig/.
# Its page_config.json disables the floating cell toolbar (tests/browser/test_cell_toolbar.py);
# its default settings also keep the notebook's command-mode shortcuts off the widgets in cell
# outputs (`make shortcuts` writes that list; tests/browser/test_widget_keys.py).
LAB_DEFAULTS := deploy/labconfig
SHORTCUTS_SCRIPT := deploy/make_shortcut_overrides.py
# Every kernel of the environment reads it from <prefix>/etc/ipython/: a cell run before its
# lesson's setup (after a restart) says what to do above Python's NameError.
KERNEL_CONFIG := deploy/ipython_kernel_config.py

.PHONY: lab test test-fast fuzz install check-python lint format bench data site lock clean shortcuts

# JupyterLab refuses to run as root unless told (containers, classroom images run as root).
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

# $(call require_python,INTERPRETER): stop with a clear message unless it is a supported Python.
define require_python
	@version=$$($(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo none); \
	case " $(SUPPORTED_PYTHONS) " in *" $$version "*) ;; *) \
	  echo "Python $$version ($(1)) is not supported: these lessons are tested on Python $(SUPPORTED_PYTHONS) only."; \
	  echo "Install Python 3.11 (e.g. 'sudo apt-get install python3.11 python3.11-venv', or python.org, or pyenv),"; \
	  echo "then run: rm -rf $(VENV) && make $(MAKECMDGOALS) PYTHON=python3.11"; \
	  exit 1;; esac
endef

lab: $(STAMP)  ## open lesson 00 in JupyterLab
	$(call require_python,$(PY))
	$(VENV)/bin/jupyter lab $(LAB_FLAGS) lessons/00_start_here.ipynb

# Three workers on the two cores by default (pytest-xdist: a file's tests stay on one worker,
# three long files' tests go one by one, the longest group first by its measured seconds, each
# worker with its own JupyterLab and Chromium; tests/scheduling.py, scheduled by
# tests/conftest.py). Three, not two: a browser test spends a third of its time waiting on the
# page and the kernel, and two workers left the cores a quarter idle (README, Tests). What the
# workers once shared is now each their own: kernels on Unix sockets, their history and
# connection files outside $HOME, the reading model's counts built in a fresh process, the test
# JupyterLab's port checked to be its own. `make test TEST_WORKERS=1` runs in one process.
TEST_WORKERS ?= 3
# The tests' environment. PYTHONDONTWRITEBYTECODE emptied, whatever the shell says (these
# machines set it): with it, every pytest process compiled the package and rewrote the asserts of
# every test module from source again, each time; collecting the suite took 8 CPU-seconds
# instead of 5 (`pytest --collect-only`, one process), in each worker, in the runs the tests
# start, and in every later `make test` (issue 16). Python and pytest write their caches
# atomically, so workers share them safely; .gitignore keeps __pycache__ out of commits.
TEST_ENV := OPENBLAS_NUM_THREADS=1 PYTHONDONTWRITEBYTECODE=
xdist = $(if $(filter-out 0 1,$(1)),-n $(1) --dist loadgroup,)

test: $(STAMP)  ## run every test layer: unit, doctests, lint, nbval, solutions, explorers, browser
	$(call require_python,$(PY))
	$(TEST_ENV) $(PY) -m pytest $(call xdist,$(TEST_WORKERS))

# The edit-run loop (`pytest --fast`, tests/layers.py: FAST_LAYERS and SMOKE): unit and property
# tests, doctests, the lint layer, the deployment files read without starting anything, and each
# explorer through one seeded random sequence. `make test` runs the rest. The ignored files hold
# nothing --fast keeps: not collecting them saves their imports. Two workers (FAST_WORKERS): it
# waits on nothing, so a third only shares the cores (3,842 tests: 45 and 51 s on two, 51 and 54
# on three, run alternately); one process took 79 s for 3,160 tests.
FAST_WORKERS ?= 2
FAST_IGNORE := --ignore=tests/browser --ignore-glob='tests/test_sentences_*.py' \
	--ignore=tests/test_robustness.py

test-fast: $(STAMP)  ## the edit-run loop: no browser, no lesson runs, no kernels, no explorer sweeps
	$(call require_python,$(PY))
	$(TEST_ENV) $(PY) -m pytest $(call xdist,$(FAST_WORKERS)) --fast $(FAST_IGNORE) tests widgets

fuzz: $(STAMP)  ## long random property testing (hypothesis' fuzz profile), not run by CI
	OPENBLAS_NUM_THREADS=1 HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz_engines.py

install: $(STAMP)

check-python:  ## is $(PYTHON) one the lessons are tested on?
	$(call require_python,$(PYTHON))

$(STAMP): pyproject.toml constraints.txt $(LAB_SETTINGS) $(wildcard $(LAB_DEFAULTS)/*.json) $(KERNEL_CONFIG)
	$(call require_python,$(PYTHON))
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt --upgrade pip setuptools
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	mkdir -p $(VENV)/etc/jupyter
	cp $(LAB_SETTINGS) $(VENV)/etc/jupyter/
	cp -r $(LAB_DEFAULTS) $(VENV)/etc/jupyter/
	mkdir -p $(VENV)/etc/ipython
	cp $(KERNEL_CONFIG) $(VENV)/etc/ipython/
	touch $@

# After a JupyterLab upgrade (`make lock`): tests/test_lab_settings.py fails until this is run.
shortcuts: $(STAMP)  ## regenerate the narrowed notebook shortcuts in deploy/labconfig from this JupyterLab
	$(PY) $(SHORTCUTS_SCRIPT)
	$(MAKE) install

$(DEV): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

lint: $(DEV)  ## what CI checks before the tests: ruff's lint and format
	$(VENV)/bin/ruff check widgets tests benchmarks lessons .ci $(SHORTCUTS_SCRIPT)
	$(VENV)/bin/ruff format --check widgets tests benchmarks lessons .ci $(SHORTCUTS_SCRIPT)

format: $(DEV)
	$(VENV)/bin/ruff format widgets tests benchmarks lessons .ci $(SHORTCUTS_SCRIPT)

bench: $(DEV)  ## print the performance figures the README quotes
	@for script in benchmarks/bench_*.py; do \
		echo "== $$script"; OPENBLAS_NUM_THREADS=1 $(PY) $$script || exit 1; done

data: $(STAMP)  ## regenerate data/*.csv from the seeded generator (byte-identical)
	$(PY) -c 'from osmosis_lab import data; [print(p) for p in data.write_all()]'

site: $(STAMP)  ## execute every lesson into a static HTML preview in site/ (the [site] extra is in [test])
	$(PY) -m osmosis_lab.site site

# Run it with the oldest Python the lock must install on, Debian bookworm's 3.11.2 (the image's):
# a newer 3.11 picks versions that refuse it (soupsieve 4 needs 3.11.5; tests/test_image.py).
#   make lock PYTHON=/usr/bin/python3.11
lock:  ## re-resolve pyproject.toml's ranges into constraints.txt and environment.yml (network)
	$(call require_python,$(PYTHON))
	$(PYTHON) .ci/lock.py

clean:
	rm -rf $(VENV) site .pytest_cache
