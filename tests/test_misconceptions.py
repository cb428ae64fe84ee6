"""Every named misconception that is a wrong method computes its wrong value, for every lesson.

A classic wrong method (lesson 03's ``nunique()`` instead of k, lesson 04's "overall mean
minus overall rate") must never land on the right answer, or a learner who used it is told
"Correct!". So each such misconception computes, from the lesson's data, the value its
method gives (``Misconception.wrong_value``), and here, for every check of every lesson:

* that value is not judged correct: the verdict is that misconception's own hint;
* the example the answer controls and tests use is that computed value;
* a number exercise's misconceptions are each either a wrong method (computed) or a form
  slip (a percentage for a fraction, text for a number), never an untyped guess.
"""

import math

import pytest

from osmosis_lab.check.exercises import all_exercises

EXERCISES = all_exercises()

METHODS = [
    pytest.param(exercise, misconception, id=f"{name}: {misconception.name}")
    for name, exercise in EXERCISES.items()
    for misconception in exercise.check.misconceptions
    if misconception.wrong_value is not None
]


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, abs_tol=0.005)  # an example may be rounded to two places
    return a == b


def test_every_lesson_with_a_number_exercise_has_computed_wrong_methods():
    lessons = {e.lesson for e, _ in (p.values for p in METHODS)}
    numbered = {e.lesson for e in EXERCISES.values() if e.kind == "number"}
    assert numbered <= lessons, sorted(numbered - lessons)


@pytest.mark.parametrize(("exercise", "misconception"), METHODS)
def test_the_wrong_method_never_lands_on_the_right_answer(exercise, misconception):
    value = misconception.wrong_value()
    verdict = exercise.check.verdict(value)
    assert verdict.status == "hint", f"the wrong method gives {value!r}: {verdict}"
    # a prediction's reply says what was predicted and the truth first, then this hint
    assert verdict.message.endswith(misconception.hint), f"{value!r} got another hint: {verdict}"


@pytest.mark.parametrize(("exercise", "misconception"), METHODS)
def test_the_example_is_the_computed_wrong_value(exercise, misconception):
    assert same(misconception.example, misconception.wrong_value()), misconception.name


@pytest.mark.parametrize(
    "exercise", [e for e in EXERCISES.values() if e.kind == "number"], ids=lambda e: e.name
)
def test_a_number_exercises_misconceptions_are_computed_methods_or_form_slips(exercise):
    for misconception in exercise.check.misconceptions:
        computed, slip = misconception.wrong_value is not None, misconception.form_slip
        assert computed != slip, (
            f"{exercise.name}: {misconception.name!r} must either compute its wrong value "
            "(a wrong method) or be marked form_slip=True (the right idea in the wrong form)"
        )
