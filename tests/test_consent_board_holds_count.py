"""Lesson 02's board holds back Exercise 4's number until the class has estimated it (issue 12, 1).

A teacher planning lesson 02 read in the guide "let learners find the chain in the table before
revealing the number", then saw the board print "5 of them changed nothing themselves" (and
draw it as a bar) the moment Karim's box was unticked, before anyone had estimated it. The
board now holds the count back, with the lessons' prediction gate (explorers/gate.py), until
Exercise 4 has a checked answer. Each test is a sequence in the lesson's order: the board's
cell, then the exercise's control, then clicks, as the browser sends them.
"""

import pytest

from osmosis_lab.data import load_people
from osmosis_lab.explorers import gate
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import VEGALITE_MIME
from osmosis_lab.explorers.consent_board import ConsentBoard

pytestmark = pytest.mark.usefixtures("fresh_kernel")
PEOPLE = load_people()
COUNT = "5 of them changed nothing themselves"


@pytest.fixture(autouse=True)
def no_answer_yet():
    """A fresh kernel has no Exercise 4 box: forget those earlier tests built (and answered)."""
    gate._NEWEST.pop("bystanders_count", None)
    yield
    gate._NEWEST.pop("bystanders_count", None)


def bars(board: ConsentBoard) -> dict[str, int]:
    spec = board.chart.outputs[0]["data"][VEGALITE_MIME]
    values = next(iter(spec["datasets"].values()))
    return {v["group"]: v["people"] for v in values}


def said(board: ConsentBoard) -> str:
    return board.summary.value + board.changes.value + str(bars(board))


def untick_karims_scraping(board: ConsentBoard) -> None:
    board.toggles["scraped", "matching"].value = False


def test_the_count_waits_for_an_estimate_then_stays():
    board = ConsentBoard(PEOPLE, tester="T05")  # section 5's cell
    control = answer_control("bystanders_count")  # Exercise 4's box, built after the board
    untick_karims_scraping(board)
    assert "6 people's matches changed. How many of them changed nothing" in board.summary.value
    assert COUNT not in said(board) and bars(board) == {"whose partner changed": 6}
    assert board.changes.value.count("<tr>") == 7, "the table to count from stays: 6 rows"
    control.text.value = "3"  # an estimate, wrong: the class has committed to a number
    control.check_button.click()
    assert COUNT in board.summary.value
    assert bars(board) == {"changed their consent": 1, "changed nothing": 5}
    board.toggles["scraped", "matching"].value = True  # later changes keep their counts
    assert "6 people's matches changed; 5 of them" in board.summary.value
    board.start_again.click()
    untick_karims_scraping(board)
    assert COUNT in board.summary.value


def test_an_unanswered_check_reveals_nothing():
    board = ConsentBoard(PEOPLE, tester="T05")
    control = answer_control("bystanders_count")
    control.check_button.click()  # Check with an empty box: "not attempted yet"
    untick_karims_scraping(board)
    assert COUNT not in said(board)


def test_an_answer_given_before_the_board_was_run_again_still_counts():
    """A learner who answers, then runs the board's cell again (the exercise asks a fresh board)."""
    control = answer_control("bystanders_count")
    control.text.value = "5"
    control.check_button.click()
    board = ConsentBoard(PEOPLE, tester="T05")
    untick_karims_scraping(board)
    assert COUNT in board.summary.value


def test_the_box_built_again_is_the_one_followed():
    board = ConsentBoard(PEOPLE, tester="T05")
    answer_control("bystanders_count")
    newer = answer_control("bystanders_count")  # the exercise's cell run again
    untick_karims_scraping(board)
    assert COUNT not in said(board)
    newer.text.value = "5"
    newer.check_button.click()
    assert COUNT in board.summary.value
