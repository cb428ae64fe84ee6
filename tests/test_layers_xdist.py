"""The per-layer report is right when ``make test`` runs on two pytest-xdist workers.

Under xdist the controller prints the report but never collects: it sees only the reports the
workers send. Each report must carry its test's layer (tests/layers.py), or every test would be
counted as "unit"; and ``--fast`` must still leave out what ``make test-fast`` leaves out.
"""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

#: A few quick tests of three layers: unit tests, docstring examples (found by their kind, not
#: their path) and the fuzzing layer's limits, which ``--fast`` leaves out.
PATHS = [
    "tests/test_number_words.py",
    "widgets/osmosis_lab/categories.py",
    "tests/test_engine_limits.py",
]


def layer_rows(output: str) -> dict[str, int]:
    """{layer: tests} from the report's table."""
    table = output.split("time per test layer", 1)[1]
    return {name: int(n) for name, n in re.findall(r"^(\w+) +(\d+) +[\d.]+ +\d+", table, re.M)}


@pytest.mark.slow
def test_two_workers_report_each_layer_and_the_fast_run_still_deselects():
    env = {**os.environ, "CI": "true"}
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "--fast"]
    result = subprocess.run(
        [*command, *PATHS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 workers" in result.stdout
    rows = layer_rows(result.stdout)
    passed = int(re.search(r"(\d+) passed", result.stdout).group(1))
    # categories.py's docstring examples count as doctests, not as unit tests
    assert rows.get("doctest", 0) >= 1, result.stdout[-2000:]
    assert "fuzz" not in rows  # --fast left the limits out on the workers
    assert rows["unit"] + rows["doctest"] == rows["total"] == passed
