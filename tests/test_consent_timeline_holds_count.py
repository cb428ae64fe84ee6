"""Lesson 02's timeline holds back Exercise 2's number until it is answered (issue 12, item 1).

A teacher preparing lesson 02 saw Esther's timeline print "7 violations so far" at its last
step (and a running count at every step) before anyone had counted: Exercise 2's answer on
screen. The timeline now holds the count back, with the gate the board uses for Exercise 4
(explorers/gate.py), until Exercise 2 has a checked answer, right or wrong; every step, its
verdicts and the chart's crosses stay, so the count can still be made from what is shown.
Each test runs in the lesson's order: the timeline's cell, then the exercise's control.
"""

import html
import re

import pytest

from osmosis_lab.consent import violations
from osmosis_lab.consent.scenarios import SCENARIOS
from osmosis_lab.consent.timeline import replay
from osmosis_lab.data import load_people
from osmosis_lab.explorers import gate
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.explorers.consent_timeline import TimelineExplorer

pytestmark = pytest.mark.usefixtures("fresh_kernel")
PEOPLE = load_people()
NAMES = dict(zip(PEOPLE["person_id"], PEOPLE["name"], strict=True))
EXERCISE = "esther_violation_count"
RIGHT = len(violations(replay(SCENARIOS["esther"]())[-1].ledger))  # 7
#: A count: the running one, or a step's own ("This step adds 2 violations": the steps' numbers
#: added up are the answer, so the exercise became a sum; lesson 02's trial, finding 3).
COUNT = re.compile(r"\d+ violations? so far|adds \d+ violations?")


@pytest.fixture(autouse=True)
def no_answer_yet():
    """A fresh kernel has no Exercise 2 box: forget those earlier tests built (and answered)."""
    gate._NEWEST.pop(EXERCISE, None)
    yield
    gate._NEWEST.pop(EXERCISE, None)


def said(explorer: TimelineExplorer) -> str:
    """Everything the learner reads: the step, the text equivalent, the chart's title."""
    spec = chart_spec(explorer.chart)
    return html.unescape(explorer.story.value + explorer.summary.value + str(spec))


def crosses(explorer: TimelineExplorer) -> int:
    """The uses the chart marks as violations, each counted with its "×n"."""
    spots = next(iter(chart_spec(explorer.chart)["datasets"].values()))
    return sum(int(s["times"][1:] or 1) for s in spots if s["verdict"] == "violation")


def test_no_count_before_an_answer_but_enough_to_count_from():
    explorer = TimelineExplorer(NAMES)  # section 3's cell
    answer_control(EXERCISE)  # Exercise 2's box, built after the timeline
    for step in range(1, explorer.step.max + 1):
        explorer.step.value = step
        assert not COUNT.search(said(explorer)), (step, COUNT.search(said(explorer)))
    # at the end: what a learner counts from still adds up to the answer
    assert crosses(explorer) == RIGHT
    assert explorer.summary.value.count("<li>") == RIGHT  # one line per violation
    assert "count the violations yourself" in explorer.summary.value


def test_any_checked_answer_reveals_the_count_and_it_stays():
    explorer = TimelineExplorer(NAMES)
    control = answer_control(EXERCISE)
    explorer.step.value = explorer.step.max
    control.text.value = "5"  # wrong: the learner has committed to a number
    control.check_button.click()
    assert f"{RIGHT} violations so far" in explorer.summary.value
    explorer.step.value = 5  # day 9's night: once answered, the step says what it adds
    assert "This step adds 2 violations." in explorer.story.value
    explorer.timeline.value = "niels"
    explorer.timeline.value = "esther"
    explorer.step.value = explorer.step.max
    assert f"{RIGHT} violations so far" in explorer.summary.value


def test_an_unanswered_check_reveals_nothing():
    explorer = TimelineExplorer(NAMES)
    control = answer_control(EXERCISE)
    control.check_button.click()  # Check with an empty box: "not attempted yet"
    explorer.step.value = explorer.step.max
    assert not COUNT.search(said(explorer))


def test_other_timelines_keep_their_counts():
    """Only Esther's count is an exercise's answer; Niels's story counts as it goes."""
    explorer = TimelineExplorer(NAMES)
    answer_control(EXERCISE)
    explorer.timeline.value = "niels"
    explorer.step.value = explorer.step.max
    assert COUNT.search(explorer.summary.value)
