"""``make test``'s two workers share the long files' tests, and only those files' (issue 16).

``tests/scheduling.py`` hands the tests of a few long files to the workers one by one; that is
only right while none of their tests shares a costly fixture with another, which would then be
set up on both workers. That both workers get a split file's tests is seen in a run on two
workers (``test_two_workers.py``).
"""

import re
import subprocess
import sys

import pytest

import scheduling
from conftest import ROOT
from scheduling import SPLIT, next_group, worker_group


def pytest_run(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def setup_plans() -> dict[str, list[tuple[str, str]]]:
    """{split file: the (scope, name) of each fixture above a function its tests set up}, from
    pytest's plan of setups for all the split files in one run (a pytest start each costs more
    than the planning): each module, class or package fixture the plan sets up is counted
    against the file of the next test it lists (without the docstring examples, which
    --setup-plan cannot plan)."""
    result = pytest_run("--setup-plan", "-q", "-o", "addopts=", *sorted(SPLIT))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    plans: dict[str, list[tuple[str, str]]] = {}
    pending = []
    for line in result.stdout.splitlines():
        if setup := re.match(r"\s*SETUP\s+([MCP])\s+(\w+)", line):
            pending.append(setup.groups())
        elif test := re.match(r"\s*(tests/\S+?\.py)::", line):
            plans.setdefault(test[1], []).extend(pending)
            pending = []
    assert "SETUP    F" in result.stdout, result.stdout[-2000:]  # the plan was printed
    return plans


@pytest.mark.parametrize("path", sorted(SPLIT))
def test_a_split_files_tests_share_no_fixture_above_a_function(path, setup_plans):
    # a module, class or package fixture would be set up on each worker that runs its tests
    assert path in setup_plans, f"no plan of setups printed for {path}: {sorted(setup_plans)}"
    shared = setup_plans[path]
    assert not shared, f"{path} is split between workers but its tests share {shared}"


def test_the_longest_group_goes_first_and_a_new_browser_file_before_a_unit_file(monkeypatch):
    # the rule, over a table of its own (the measured one changes with every refresh): a
    # measured 61-second test of a split file goes before a browser file not yet measured
    # (its layer's typical 15 s), which goes before a unit file (0.5 s)
    swept = (
        "tests/test_spoilers_swept.py::test_no_state_of_an_unmarked_explorer_states_a_"
        "registered_relation[05_design_review-15-DesignPanel]"
    )
    table = {"tests/browser/test_answers_kept.py": 106.0, swept: 61.0}
    monkeypatch.setattr(scheduling, "_table", lambda: table)
    groups = [
        "tests/test_number_words.py",
        "tests/browser/test_a_file_not_yet_measured.py",
        swept,
        "tests/browser/test_answers_kept.py",
    ]
    order = []
    while groups:
        order.append(next_group(groups))
        groups.remove(order[-1])
    assert order == [
        "tests/browser/test_answers_kept.py",
        swept,
        "tests/browser/test_a_file_not_yet_measured.py",
        "tests/test_number_words.py",
    ]


def test_a_files_tests_stay_together_unless_it_is_split():
    split_test = "tests/test_sequences.py::test_every_explorer_is_driven"
    assert worker_group(split_test) == split_test
    assert (
        worker_group("tests/browser/test_lesson_03.py::test_a") == "tests/browser/test_lesson_03.py"
    )


@pytest.mark.slow
def test_no_group_that_waits_goes_out_while_another_runs(monkeypatch):
    # the longest first, except a second group that mostly waits (scheduling.WAITING): three
    # workers waiting at once left the cores idle in the middle of every run
    table = {
        "tests/test_hub.py": 30.0,
        "tests/browser/test_fast_enter.py": 29.0,
        "tests/browser/test_class_work.py": 25.0,
    }
    monkeypatch.setattr(scheduling, "_table", lambda: table)
    assert next_group(list(table)) == "tests/test_hub.py"
    rest = list(table)[1:]
    assert next_group(rest, another_waits=True) == "tests/browser/test_class_work.py"
    assert next_group(rest) == "tests/browser/test_fast_enter.py"
    assert next_group(rest[:1], another_waits=True) == rest[0]  # nothing else left: it goes
    assert all((ROOT / group).is_file() for group in scheduling.WAITING), scheduling.WAITING
