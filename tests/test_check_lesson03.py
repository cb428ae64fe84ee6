"""Lesson 03's self-checks: no classic wrong method lands on a right answer (hints are words:
tests/test_hints.py, for every lesson).

Each wrong value is computed from the lesson's own data, here and independently of the check
module, so a change of data or of the proposed release that makes a wrong method "correct" fails.
"""

import re

import numpy as np
import pytest

from osmosis_lab import check
from osmosis_lab.check import lesson03
from osmosis_lab.check.exercise import parse_number
from osmosis_lab.check.exercises import lesson03 as exercises03
from osmosis_lab.data import load_people, load_population
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.privacy import beta_export, generalise, k_anonymity, l_diversity

QI = ["age", "arrondissement", "occupation", "gender"]


@pytest.fixture(scope="module")
def tables():
    released, _ = beta_export(load_people(), load_population(), rng=np.random.default_rng(2019))
    return released, generalise(released, lesson03.PROPOSED_RELEASE)


def test_counting_health_conditions_does_not_give_k(tables):
    released, proposed = tables
    # the classic slip: `nunique()` of the sensitive column instead of the smallest class
    assert released["health_condition"].nunique() != check.k_after_generalising.reference()
    assert proposed.groupby(QI).ngroups != check.k_after_generalising.reference()
    assert k_anonymity(released, QI) != check.k_after_generalising.reference()


def test_the_wrong_table_does_not_give_the_homogeneity_answer(tables):
    released, proposed = tables
    right = check.exposed_by_homogeneity.reference()
    for wrong in (
        l_diversity(released, QI, "health_condition"),  # l on the raw export
        l_diversity(proposed, QI, "health_condition"),  # l itself, not a count of people
        k_anonymity(proposed, QI),
        lesson03._homogeneous_people(released),  # the right method on the wrong table
    ):
        assert wrong != right


@pytest.mark.parametrize("name", ["k_after_generalising", "exposed_by_homogeneity"])
def test_each_misconception_computes_its_wrong_value_and_it_differs(name):
    one = check.all_checks()[name]
    wrong = lesson03.wrong_values()[name]
    assert set(wrong) == {m.name for m in one.misconceptions}
    for misconception in one.misconceptions:
        value = wrong[misconception.name]
        assert value != one.reference()
        assert not one.is_correct(value), misconception.name
        # the example the tests and the control use is the value the wrong method computes
        assert misconception.example == value and misconception.matches(value)


@pytest.mark.parametrize("exercise", exercises03.EXERCISES, ids=lambda e: e.name)
def test_every_exercise_offers_an_answer_control(exercise):
    assert exercise.control


TYPED = [e for e in exercises03.EXERCISES if e.kind in ("number", "phrase")]


def test_lesson_03_has_typed_answers():
    assert len(TYPED) >= 3  # the parametrised test below must not go empty


@pytest.mark.parametrize("exercise", TYPED, ids=lambda e: e.name)
def test_the_answer_box_format_example_gives_no_answer_away(exercise):
    """A typed answer's placeholder (its format example) is never the right answer; choices
    have no box and no example."""
    placeholder = answer_control(exercise).text.placeholder
    examples = re.findall(r"\d+(?:\.\d+)?(?: ?%)?", placeholder)
    assert examples, placeholder
    for example in examples:
        answer = parse_number(example, unit=exercise.unit)
        assert not exercise.check.is_correct(answer), (exercise.name, example)


@pytest.mark.parametrize("answer", [0.17, 0.175, 0.18])
def test_the_survey_estimate_rounded_by_hand_is_correct(answer):
    # found by a teacher: 0.17 (the worked method to two places) was marked "Not yet"
    assert lesson03.randomized_response_estimate(answer).status == "correct"
