"""The answer box says what is true after any sequence of tries (a tester's walk, issue 13).

A try that cannot be read (``inf``, ``1e309``, ``=4``, spaces) is no try: the tries already
kept still count and their verdict is still said; nothing is "checked again" that was not
judged. Format examples fit the exercise's unit and never give its answer away; a long answer
is quoted back by its start only.
"""

import itertools
import re

import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercise import NUMBER_EXAMPLES, parse_number
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import late_keystrokes
from osmosis_lab.explorers.answers import NOT_READ, answer_control

NUMBERS = [e for e in all_exercises().values() if e.kind == "number"]


@pytest.fixture(autouse=True)
def typed_slowly(monkeypatch):
    """Each entry here is typed well after the last press (10 s on the rule's clock at every
    reading): a separate try, never the late letters of the one before (those are
    tests/test_late_keystrokes.py's)."""
    monkeypatch.setattr(late_keystrokes.time, "monotonic", itertools.count(0, 10).__next__)


def said(control) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", control.verdict.value).split())


def typed_check(control, text):
    control.text.value = text
    control.check_button.click()


# 400 nines are read as typed now (a whole number, issue 12 w52); digits no float tells apart
# from another number are not read at all
@pytest.mark.parametrize(
    "unread", ["inf", "NaN", "1e309", "=4", "4 ou 5", "0x3", "0." + "0" * 400 + "1"]
)
def test_an_unreadable_try_after_a_right_one_keeps_the_tries_and_their_verdict(unread):
    record = MemoryRecord()
    control = answer_control("count_the_testers", record=record)
    for text in ["twelve", "9", unread]:
        typed_check(control, text)
    assert record["count_the_testers"]["tries"] == 2
    assert record["count_the_testers"]["status"] == "correct"
    words = said(control)
    assert "Not attempted" not in words and "not counted as a try" in words
    assert "Your last checked answer, 9, got: Correct!" in words and "tries so far: 2" in words
    assert control.status == NOT_READ
    typed_check(control, unread)  # the same unreadable text again: still no try, still true
    assert record["count_the_testers"]["tries"] == 2 and "Checked again" not in said(control)
    typed_check(control, "9")  # a readable answer is judged again
    assert control.status == "correct" and record["count_the_testers"]["tries"] == 3


def test_spaces_only_is_not_attempted_and_never_checked_again():
    control = answer_control("count_the_testers", record=MemoryRecord())
    for _ in range(3):
        typed_check(control, "   ")
        assert control.status == "not attempted"
        assert "Not attempted yet" in said(control) and "Checked again" not in said(control)


def test_a_prediction_kept_before_an_unreadable_try_is_said_as_noted():
    record = MemoryRecord()
    control = answer_control("men_first_choices_when_women_propose", record=record)
    typed_check(control, "3")
    assert record["men_first_choices_when_women_propose"]["status"] == "hint"
    typed_check(control, "trois et demi")
    assert "got: Noted:" in said(control)


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.name)
def test_format_examples_fit_the_unit_and_give_no_answer_away(exercise):
    control = answer_control(exercise, record=MemoryRecord())
    examples = NUMBER_EXAMPLES[exercise.unit]
    for example in examples:
        assert example in control.text.placeholder
        assert not exercise.check.is_correct(parse_number(example, unit=exercise.unit))
    typed_check(control, "lots")
    assert all(example in said(control) for example in examples), said(control)


def test_a_share_says_share_examples_and_reads_a_simple_fraction():
    (share,) = [e for e in NUMBERS if e.name == "ece_by_hand"]
    control = answer_control(share, record=MemoryRecord())
    typed_check(control, "one in five")
    assert "12 or twelve" not in said(control) and "40 %" in said(control)
    assert parse_number("1/4", unit="fraction") == 0.25
    assert parse_number("1/5", unit="fraction") == parse_number("0.2", unit="fraction")
    typed_check(control, "1/5")
    assert control.status == "correct"
    for not_one in ["1/0", "1/4/2", "1/4 %", "a/b"]:
        with pytest.raises(ValueError):
            parse_number(not_one, unit="fraction")


def test_a_long_answer_is_quoted_back_by_its_start_and_wraps():
    control = answer_control("count_the_testers", record=MemoryRecord())
    typed_check(control, "a" * 5000)
    shown = control.selection.value + control.verdict.value
    assert shown.count("a" * 61) == 0 and "5,000 characters" in shown
    assert "overflow-wrap: anywhere" in control.view.children[0].value


@pytest.mark.parametrize("typed", ["test", "   ", ""])
@pytest.mark.parametrize("kept", [False, True], ids=["nothing kept", "a try kept"])
def test_a_second_press_on_what_cannot_be_read_is_heard(typed, kept):
    """The browser's keyboard walk typed "test", pressed Enter (a Check), then Check: the box
    said the same thing twice, so a keyboard user could not tell the press was taken. The
    second press says so, and still counts no try."""
    record = MemoryRecord()
    control = answer_control(NUMBERS[0].name, record=record)
    if kept:
        typed_check(control, "1")
    typed_check(control, typed)
    first = said(control)
    control.check_button.click()
    assert said(control) != first
    assert "Pressed again: still nothing that reads as an answer, so no try." in said(control)
    assert "the same answer, so not a new try" not in said(control)
    assert record.get(NUMBERS[0].name, {}).get("tries", 0) == (1 if kept else 0)


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.name)
def test_text_typed_that_is_not_read_is_said_not_read_before_and_after_a_try(exercise):
    """w60 typed "six hundred and thirty-three": the box said "Not attempted yet:" for it, and
    "Not read, not counted as a try:" for the same text once a try was kept. Typed text that the
    check cannot read is said "not read" either way; only an empty box is "not attempted". (That
    text is read now, as 633: tests/test_number_words_thousands.py; "six hundred hundred" is not.)"""
    control = answer_control(exercise.name, record=MemoryRecord())
    typed_check(control, "six hundred hundred")
    assert said(control).startswith("Not read, not counted as a try:"), said(control)
    typed_check(control, "2")  # a try, kept
    typed_check(control, "six hundred hundred")
    assert said(control).startswith("Not read, not counted as a try:"), said(control)
