"""A number typed with the name of what it counts: "k=2" is 2 when the question asks for k.

w54 (issue 12): Exercise 2 said "Not attempted yet: 'k=2' is not a number" while the explorer
above it printed "k = 2". The reader (check/numbers.py, one rule for the box and the code
cell) now reads a name, "=" or ":", then the number; an exercise that names its quantity
refuses another quantity's name ("l = 2" for a k question) with a reason, instead of judging
it as a k. A reader that is not told the quantity reads any one name past.
"""

import html
import itertools
import re

import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercise import NotANumber, not_a_number, parse_number
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import late_keystrokes
from osmosis_lab.explorers.answers import answer_control

NAMED = [e for e in all_exercises().values() if e.kind == "number" and e.quantity]
FORMS = ("{name}={n}", "{name} = {n}", "{name}: {n}", " {name} =  {n} ", "{name} = about {n}")


def said(control) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", control.verdict.value).split())


def test_lesson_03s_k_question_names_its_quantity():
    assert [e.name for e in NAMED] == ["k_after_generalising"]
    assert all(f" {e.quantity} " in f" {e.question} " for e in NAMED)


@pytest.mark.parametrize("exercise", NAMED, ids=lambda e: e.name)
@pytest.mark.parametrize("form", FORMS)
def test_the_asked_quantity_named_then_a_number_reads_as_the_number(exercise, form):
    for name, n in itertools.product((exercise.quantity, exercise.quantity.upper(),
                                      exercise.variable), ("2", "0", "12", "1.5")):  # fmt: skip
        typed = form.format(name=name, n=n)
        assert exercise.read_number(typed) == parse_number(n, unit=exercise.unit), typed
        # the code cell's reader, told nothing of the question, reads it the same
        assert parse_number(typed, unit=exercise.unit) == parse_number(n, unit=exercise.unit)


@pytest.mark.parametrize("exercise", NAMED, ids=lambda e: e.name)
@pytest.mark.parametrize("other", ["l", "epsilon", "n", "x"])
def test_another_quantitys_name_is_refused_and_says_which_was_asked(exercise, other):
    typed = f"{other} = 2"
    with pytest.raises(NotANumber):
        exercise.read_number(typed)
    words = exercise.not_a_number(typed)
    assert words.startswith(f"“{typed}” gives {other}, but this question asks for "), words
    assert f"type {exercise.quantity} = 2 if that is what you meant" in words, words


@pytest.mark.parametrize("typed", ["=4", "k =", "k = five or six", "k = 2 = 3", "2 = k"])
def test_a_name_does_not_make_a_number_of_what_is_none(typed):
    with pytest.raises(NotANumber):
        parse_number(typed, unit="count", quantity="k")
    assert "is not a number" in not_a_number(typed, "count", "k")


def test_epsilon_and_its_letter_name_one_quantity():
    assert parse_number("ε = 0.5", unit="value", quantity="epsilon") == 0.5
    assert parse_number("epsilon=0.5", unit="value", quantity="ε") == 0.5


def test_the_answer_box_judges_k_equals_2_as_it_judges_2(monkeypatch):
    """As Léa typed it, in Exercise 2's box: judged (a try), with the words "2" gets."""
    monkeypatch.setattr(late_keystrokes.time, "monotonic", itertools.count(0, 10).__next__)
    for n in range(1, 6):
        replies = []
        for typed in (str(n), f"k={n}", f"k = {n}"):
            record = MemoryRecord()
            control = answer_control("k_after_generalising", record=record)
            control.text.value = typed
            control.check_button.click()
            assert record["k_after_generalising"]["tries"] == 1, (typed, said(control))
            replies.append(said(control).replace(f"k={n}", str(n)).replace(f"k = {n}", str(n)))
        assert "Not attempted" not in replies[0] and len(set(replies)) == 1, replies


def test_the_answer_box_refuses_another_quantitys_name_and_keeps_no_try(monkeypatch):
    """In the k question's box, "l = 2" is not judged as a k (it was, before the box asked its
    exercise to read it): refused, with the reason the code cell gives, and no try kept."""
    monkeypatch.setattr(late_keystrokes.time, "monotonic", itertools.count(0, 10).__next__)
    exercise = next(e for e in NAMED if e.name == "k_after_generalising")
    record = MemoryRecord()
    control = answer_control(exercise.name, record=record)
    control.text.value = "l = 2"
    control.check_button.click()
    assert exercise.name not in record, record
    assert "“l = 2” gives l, but this question asks for k" in html.unescape(said(control))
