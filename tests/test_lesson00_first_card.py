"""Lesson 00's tester explorer opens on a card that does not answer Exercise 2 (issue 12, w47).

The explorer sits just above "Exercise 2 · A tester who is a minor" and opened on Niels
Larson, 17: his card ("Age 17", "The age comes from the series") answered the exercise before
it was asked. It now opens on the first adult; the learner still finds the minor in the table
or by picking him. The minors are found from the data, and the exercise's own check confirms
each is its right answer, so the test follows the data and the question.
"""

import html

from osmosis_lab import check
from osmosis_lab.data import load_people

# imported as a module: pytest would try to collect a class named Test*
from osmosis_lab.explorers import testers
from osmosis_lab.explorers.base import chart_spec

PEOPLE = load_people()
TESTERS = PEOPLE[PEOPLE["role"] == "tester"]
MINORS = TESTERS.loc[TESTERS["age"] < 18, "name"].tolist()


def first_screen() -> str:
    explorer = testers.TesterExplorer.with_lesson_data()  # as lesson 00's cell builds it
    return html.unescape(
        explorer.card.value + explorer.summary.value + chart_spec(explorer.chart)["description"]
    )


def test_the_minors_are_exercise_2s_answer():
    assert MINORS
    for name in MINORS:
        assert check.youngest_tester(name).status == "correct", name


def test_the_first_card_names_no_minor_and_no_minor_age():
    shown = first_screen()
    for name in MINORS:
        assert name not in shown, f"the first screen shows {name}, Exercise 2's answer"
    assert "<th scope='row' style='text-align:left;padding-right:1em'>Age</th><td>17</td>" not in (
        shown
    )
    assert "The age comes from the series" not in shown  # said only on Niels's card
