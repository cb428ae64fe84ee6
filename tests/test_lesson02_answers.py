"""Lesson 02's exercises answered as a learner would: in words, by clicking, and from any board state.

Issue 13: the right idea typed in words is accepted ("not allowed" needs no ``.code``), and no hint
asks for code. Issue 11 item 4: exercise 4 does not depend on the board's untouched state.
Issue 12: the figures the lesson's prose states about inference are the engine's.
"""

import re

import numpy as np
import pytest

from osmosis_lab.check import lesson02, lesson02_simulated
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.consent import Person, grant, may_use, open_ledger
from osmosis_lab.data import load_people, load_population
from osmosis_lab.explorers import consent_board
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.consent_board import ConsentBoard
from osmosis_lab.explorers.consent_inference import InferenceExplorer

EXERCISES = {e.name: e for e in all_exercises().values() if e.lesson == "02_consent"}


@pytest.mark.parametrize("typed", ["not allowed", "No.", "Refused", "not allowed: wrong purpose"])
def test_the_right_idea_in_words_is_correct_in_code_and_through_the_control(typed):
    assert lesson02.consent_is_specific(typed).status == "correct"
    control = answer_control("consent_is_specific")
    control.text.value = typed
    control.check_button.click()
    assert control.status == "correct"


def test_the_ledgers_own_code_is_still_correct_for_those_who_code():
    ledger = grant(
        open_ledger([Person("T02", 24)]), "T02", ["declared", "conscious"], "matching", day=0
    )
    code = may_use(ledger, "T02", "conscious", "research", day=3).code
    assert lesson02.consent_is_specific(code).status == "correct"


@pytest.mark.parametrize(
    "typed",
    # "no problem" says yes (w63 got "Correct! Not allowed" for it): an idiom is not a refusal
    [
        "yes",
        "allowed",
        "she never consented",
        "not refused",
        "no problem",
        "No worries.",
        "no doubt",
    ],
)
def test_the_wrong_idea_in_words_gets_a_hint(typed):
    assert lesson02.consent_is_specific(typed).status == "hint"


def test_no_hint_names_code_a_learner_never_wrote():
    for exercise in EXERCISES.values():
        check = exercise.check
        for text in [check.fallback_hint, *(m.hint for m in check.misconceptions)]:
            assert "`" not in text and ".code" not in text and "history" not in text, text
            assert not re.search(r"[{}]", text), f"{check.name}: a Python literal in {text!r}"


def test_every_lesson02_exercise_has_an_answer_control():
    assert all(e.control for e in EXERCISES.values())


def _run_solution(namespace):
    exec(EXERCISES["bystanders_count"].solution, namespace)  # noqa: S102 - the lesson's own code
    return namespace["bystanders"]


def test_the_bystanders_answer_does_not_depend_on_what_the_learner_clicked():
    people, population = load_people(), load_population()
    board = ConsentBoard(people, population, tester="T05")
    # what the lesson invites first: untick scraping, then try the exercise on this board
    board.scrape.value = False
    board.toggles["scraped", "matching"].value = False

    namespace = {"consent_board": consent_board, "board": board, "people": people}
    namespace["population"] = population
    answer = _run_solution(namespace)
    assert answer == lesson02_simulated._karim_bystanders() == 5
    assert lesson02.bystanders_count(answer).status == "correct"


def test_the_inference_figures_in_the_solution_are_the_engines():
    explorer = InferenceExplorer(load_people(), load_population(), rng=np.random.default_rng(2019))
    fit = explorer.fit("subconscious")
    testers = explorer.people[explorer.people["role"] == "tester"]
    on_testers = fit.right_side(testers).to_numpy().mean()
    words = EXERCISES["inference_accuracy"].explanation
    assert f"About {fit.high_low_accuracy:.2f}" in words
    assert f"only {on_testers:.0%}".replace("%", " %") in words
    assert f"wrong about {1 - fit.high_low_accuracy:.0%}".replace("%", " %") in words
    assert round(on_testers, 2) == round(lesson02_simulated._testers_rate(), 2)
