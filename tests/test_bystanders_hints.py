"""Every wrong answer to lesson 02's Exercise 4 is told which board the question is about.

A walkthrough answered from the City market ("four", read from "5 people's matches changed; 4 of
them changed nothing themselves") and was told to "re-run the board's cell ... read the sentence
under the chart": the exercise asks about the beta market, and says to press **Start again**.
Here the controls the exercise names are read from its own text (its bold words that are a
button of the board) and its data (the market of ``BYSTANDERS_QUESTION``, as the board names
it), and each wrong answer's hint, from the control and from a code cell, must name them.
"""

import json
import re
from pathlib import Path

import pytest
from ipywidgets import Button

from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.lesson02_simulated import BYSTANDERS_QUESTION
from osmosis_lab.data import load_people
from osmosis_lab.explorers.consent_board import ConsentBoard
from osmosis_lab.explorers.consent_board_words import MARKET_WORDS

EXERCISE = all_exercises()["bystanders_count"]
LESSON = Path(__file__).parents[1] / "lessons" / f"{EXERCISE.lesson}.ipynb"


def exercise_text() -> str:
    """The Markdown of "### Exercise 4" in the lesson, as the learner reads it."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return next(s for s in sources if re.match(r"### Exercise 4\b", s))


def buttons_named() -> list[str]:
    """The board's buttons the exercise names in bold (e.g. **Start again**)."""
    board = ConsentBoard(load_people(), tester=BYSTANDERS_QUESTION.tester)
    names = {w.description for w in vars(board).values() if isinstance(w, Button)}
    return [bold for bold in re.findall(r"\*\*(.+?)\*\*", exercise_text()) if bold in names]


def market_named() -> str:
    """The market the exercise asks about, in the words the board says it in ("beta market")."""
    words = MARKET_WORDS[BYSTANDERS_QUESTION.market].split(" (")[0]
    assert words in exercise_text()  # the exercise and its data agree on which market
    return words


def test_the_exercise_names_a_button_of_the_board():
    assert buttons_named()  # else the tests below would check nothing of the buttons


WRONG = [n for n in range(13) if not EXERCISE.check.is_correct(n)]


@pytest.mark.parametrize("answer", WRONG)
def test_each_wrong_answer_names_the_market_and_the_buttons_the_exercise_names(answer):
    for verdict in (EXERCISE.verdict(answer), EXERCISE.check.verdict(answer)):
        assert verdict.status == "hint", str(verdict)
        for control in [market_named(), *buttons_named()]:
            assert control in verdict.message, (control, str(verdict))
