"""``make test``'s workers, seen in one run on two pytest-xdist workers (issue 16).

Under xdist the controller prints the per-layer report but never collects: it sees only the
reports the workers send. Each report must carry its test's layer (tests/layers.py), or every
test would be counted as "unit"; ``--fast`` must still leave out what ``make test-fast`` leaves
out; and the tests of a split file (``scheduling.SPLIT``) must go to both workers. One run
serves the three checks: a pytest start on two workers costs more than the tests it runs.
"""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

#: A few quick tests of four layers: unit tests, docstring examples (found by their kind, not
#: their path), the fuzzing layer's limits, which ``--fast`` leaves out, and three tests of a
#: split file that ``--fast`` keeps (one run on two workers must use both for them). No group
#: here is in ``group_seconds.json``, so they go out by name: each worker's first is a test of
#: the split file, whichever worker is quicker after that.
PATHS = [
    "tests/test_trust_objectives_tooltip.py",
    "widgets/osmosis_lab/categories.py",
    "tests/test_engine_limits.py",
]
SPLIT_FILE_TESTS = [
    "tests/test_sequences.py::test_every_explorer_is_driven",
    "tests/test_sequences.py::test_random_sequences_break_nothing[TesterExplorer-0]",
    "tests/test_sequences.py::test_random_sequences_break_nothing[LieExplorer-0]",
]


def layer_rows(output: str) -> dict[str, int]:
    """{layer: tests} from the report's table."""
    table = output.split("time per test layer", 1)[1]
    return {name: int(n) for name, n in re.findall(r"^(\w+) +(\d+) +[\d.]+ +\d+", table, re.M)}


@pytest.fixture(scope="module")
def two_workers() -> subprocess.CompletedProcess:
    """``pytest -n 2 --dist loadgroup --fast -v`` over the paths above, as CI runs it."""
    env = {**os.environ, "CI": "true"}
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "--fast", "-v"]
    result = subprocess.run(
        [*command, *PATHS, *SPLIT_FILE_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 workers" in result.stdout
    return result


@pytest.mark.slow
def test_two_workers_report_each_layer_and_the_fast_run_still_deselects(two_workers):
    rows = layer_rows(two_workers.stdout)
    passed = int(re.search(r"(\d+) passed", two_workers.stdout).group(1))
    # categories.py's docstring examples count as doctests, not as unit tests
    assert rows.get("doctest", 0) >= 1, two_workers.stdout[-2000:]
    assert rows.get("explorers") == len(SPLIT_FILE_TESTS), two_workers.stdout[-2000:]
    assert "fuzz" not in rows  # --fast left the limits out on the workers
    assert rows["unit"] + rows["doctest"] + rows["explorers"] == rows["total"] == passed


@pytest.mark.slow
def test_two_workers_share_the_tests_of_a_split_file(two_workers):
    ran = re.findall(r"^\[(gw\d)\] .*PASSED tests/test_sequences\.py", two_workers.stdout, re.M)
    assert len(ran) == len(SPLIT_FILE_TESTS), two_workers.stdout[-3000:]
    assert set(ran) == {"gw0", "gw1"}, two_workers.stdout[-3000:]
