"""How ``make test`` shares the tests between its pytest-xdist workers (issue 16).

A **group** is what one worker takes whole (:func:`worker_group`): a file's tests, because they
share its module fixtures (a browser module's Run All, a kernel, a built site) and a notebook's
nbval cells run in order in one kernel; but each test alone in the few long files whose tests
share nothing expensive (:data:`SPLIT`: every test builds its own explorer or kernel).

The longest group is handed out first (:func:`expected_seconds`, from the seconds each group
took in one full run, ``tests/group_seconds.json``): workers fed longest first finish within
about one short group of each other, whereas a 100-second group handed out last keeps one
worker busy while the others wait. A group the table does not know (a new file) gets its
layer's typical time. Refresh the table after a big change from a run as ``make test`` makes it
(its three workers: the seconds a group takes beside the others are the ones that order it):

    .venv/bin/python -m pytest -n 3 --dist loadgroup --durations=0 --durations-min=0.5 > durations.txt
    .venv/bin/python tests/scheduling.py durations.txt > tests/group_seconds.json

``tests/conftest.py`` (``GroupScheduling``) applies both rules, and hands out no group that
mostly waits (:data:`WAITING`) while another worker runs one; the seconds only order the queue,
so a stale table makes a run slower, never wrong.

>>> worker_group("tests/browser/test_lesson_03.py::test_charts_drawn")
'tests/browser/test_lesson_03.py'
>>> worker_group("tests/browser/test_answers_kept.py::test_answers_come_back[03_privacy]")
'tests/browser/test_lesson_03.py'
>>> worker_group("tests/browser/test_stopped_explorers.py::test_views_left[00_start_here]")
'tests/browser/test_lesson_00.py'
>>> worker_group("lessons/02_consent.ipynb::Cell 3")
'lessons/02_consent.ipynb'
>>> worker_group("tests/test_robustness.py::test_lesson_survives_run_all_twice[00_start_here]")
'tests/test_robustness.py::test_lesson_survives_run_all_twice[00_start_here]'
>>> group_seconds(["12.50s call     tests/test_a.py::t[1]", "0.50s setup    tests/test_a.py::t[2]",
...                "3.00s call     tests/test_robustness.py::test_x[00]", "(3 durations < 0.5s)"])
{'tests/test_a.py': 13.0, 'tests/test_robustness.py::test_x[00]': 3.0}
>>> expected_seconds("tests/browser/test_a_new_file.py") > expected_seconds("tests/test_new.py")
True
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

from layers import layer_of

#: Files whose tests go to the workers one by one: long, and no test shares a costly fixture
#: with another (each sweeps, drives or runs its own explorer or kernel).
SPLIT = frozenset(
    {
        "tests/test_spoilers_swept.py",  # 105 s; one explorer swept per test (61 s the longest)
        "tests/test_sequences.py",  # 28 s; one explorer and seed per test
        "tests/test_robustness.py",  # 27 s; a kernel per lesson, an explorer per test
    }
)
ROOT = Path(__file__).resolve().parents[1]
TABLE = Path(__file__).with_name("group_seconds.json")
#: A group missing from the table: a typical file of its layer, in seconds.
TYPICAL_SECONDS = {"browser": 15.0, "nbval": 2.0, "solutions": 5.0, "hub": 10.0, "kernels": 5.0}
_DURATION = re.compile(r"^\s*([\d.]+)s\s+(?:setup|call|teardown)\s+(\S.*?)\s*$")


def worker_group(nodeid: str) -> str:
    """The unit of work a worker takes whole: the test's file (with the other browser files of
    its lesson, :func:`lesson_group`), or the test if it is in SPLIT.

    Decided from the node id and the test's file: the xdist controller, which schedules,
    imports no test module.
    """
    path = nodeid.split("::")[0]
    if _declares(path, _A_TEST_PER_LESSON) and (lesson := _LESSON_PARAMETER.search(nodeid)):
        return f"tests/browser/test_lesson_{lesson[1]}.py"
    return nodeid if path in SPLIT else lesson_group(path)


#: A browser module with one test per lesson (parametrized by its name, e.g. ``[03_privacy]``)
#: that takes the lesson's tab after the lesson's modules: one that saves the lesson
#: (``SAVES_THE_LESSON``), or one that uses the lesson as they left it (``AFTER_THE_LESSON``).
#: Each test goes with the browser modules of its lesson (browser conftest).
_A_TEST_PER_LESSON = re.compile(r"^(SAVES_THE_LESSON|AFTER_THE_LESSON) = True", re.M)
_LESSON_PARAMETER = re.compile(r"\[(\d\d)_\w+\]$")


#: A browser module whose tab is a numbered lesson (its ``lesson`` or ``lesson_opened``).
_LESSON_TAB = re.compile(r'^LESSON = "lessons/(\d\d)_\w+\.ipynb"', re.M)


def lesson_group(path: str) -> str:
    """The browser modules whose tab is the same lesson go to one worker, as the group of that
    lesson's own module (``tests/browser/test_lesson_NN.py``): the worker opens the lesson once
    and hands its tab from module to module, restarting the kernel or running a module's own
    cells again (``Tabs`` in the browser conftest), instead of a JupyterLab load for each. Any
    other file is its own group.

    >>> lesson_group("tests/browser/test_widget_keys.py"), lesson_group("tests/test_gate.py")
    ('tests/browser/test_lesson_01.py', 'tests/test_gate.py')
    """
    found = _declares(path, _LESSON_TAB)
    return f"tests/browser/test_lesson_{found[1]}.py" if found else path


@cache
def _source(path: str) -> str:
    """A browser test module's source ("" for any other path, or one of no file)."""
    if not path.startswith("tests/browser/"):
        return ""
    try:
        return (ROOT / path).read_text(encoding="utf-8")
    except OSError:  # a node id of no file (a test's own scratch name)
        return ""


def _declares(path: str, pattern: re.Pattern):
    return pattern.search(_source(path))


def group_seconds(lines) -> dict[str, float]:
    """{group: seconds} from pytest's ``--durations`` lines (setup, call and teardown summed)."""
    seconds: dict[str, float] = defaultdict(float)
    for line in lines:
        if found := _DURATION.match(line):
            seconds[worker_group(found[2])] += float(found[1])
    return {group: round(s, 1) for group, s in sorted(seconds.items())}


@cache
def _table() -> dict[str, float]:
    try:
        return json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no table: every group gets its layer's typical time
        return {}


def expected_seconds(group: str) -> float:
    """How long ``group`` took in the last measured run, else its layer's typical time."""
    known = _table().get(group)
    return known if known is not None else TYPICAL_SECONDS.get(layer_of(group), 0.5)


#: Groups that mostly wait, on purpose: a kernel made slow for seconds (``fast_enter``,
#: ``fast_choice``: 7-8 CPU-seconds in 26-31 s) or a hub's servers starting. Handed out longest
#: first, they followed the lesson groups together, and three workers waiting at once left the
#: cores 16-60 % busy for some 20 s of each run (``/proc/stat`` every 5 s, ci58-ci66).
WAITING = frozenset(
    {
        "tests/test_hub.py",
        "tests/browser/test_fast_enter.py",
        "tests/browser/test_fast_choice.py",
    }
)


def next_group(groups, *, another_waits: bool = False) -> str:
    """The group to hand out next: the longest expected; ties by name, so the order is fixed.
    While another worker runs a :data:`WAITING` group, the longest of the others, if any.

    >>> next_group(["tests/test_hub.py", "tests/test_number_words.py"], another_waits=True)
    'tests/test_number_words.py'
    """
    candidates = [g for g in groups if g not in WAITING] if another_waits else []
    return min(candidates or groups, key=lambda group: (-expected_seconds(group), group))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as durations:
        table = group_seconds(durations)
    # the groups that decide the order; the rest take their layer's typical time
    print(json.dumps({g: s for g, s in table.items() if s >= 1.0}, indent=0, sort_keys=True))
