"""What each number exercise allows, and what a learner reads outside it (issue 12, w43).

Every number exercise's check says which numbers its question allows (``check.allowed``). A
number outside is refused, never counted as a try, and the reply says the range and how to type
an answer; a wrong *method*'s value is always inside, since it is a real try with its own hint.
"""

import re

import pytest

from memory_record import MemoryRecord
from osmosis_lab.check import Verdict
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control

NUMBERS = [e for e in all_exercises().values() if e.kind == "number"]


def said(widget) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", widget.value).split())


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.name)
def test_every_number_exercise_says_what_it_allows_and_never_refuses_a_wrong_method(exercise):
    allowed = exercise.check.allowed
    assert allowed is not None and allowed.unit == exercise.unit, exercise.name
    for misconception in exercise.check.misconceptions:
        if misconception.wrong_value is not None:  # a wrong method, computed from the data
            value = misconception.wrong_value()
            assert allowed.why_outside(value) is None, (misconception.name, value)
    if exercise.unit == "fraction":
        assert (allowed.low, allowed.high) == (0, 1)
    if exercise.unit == "count":
        assert allowed.low is not None and allowed.low >= 0


@pytest.mark.parametrize(
    ("name", "typed", "range_words"),
    [
        ("ece_by_hand", "150", "a share from 0 to 1 (0 % to 100 %)"),
        ("ece_by_hand", "150 %", "a share from 0 to 1 (0 % to 100 %)"),
        ("count_the_testers", "-3", "a whole number, 0 or more"),
        ("reidentified_testers", "13", "a whole number from 0 to 12"),
        ("sofia_over_reliance", "2.5", "a whole number from 0 to 8"),
        ("error_per_query", "-1", "a number, 0 or more"),
    ],
)
def test_a_number_the_question_does_not_allow_is_no_try_and_says_what_to_type(
    name, typed, range_words
):
    record = MemoryRecord()
    control = answer_control(name, record=record)
    control.text.value = typed
    control.check_button.click()
    reply = said(control.verdict)
    assert reply.startswith("Not counted as a try:") and range_words in reply, reply
    assert "Type it in digits or words" in reply and name not in record
    control.check_button.click()  # again: heard, still no try
    assert "still a number this question does not allow" in said(control.verdict)
    assert name not in record


def test_a_refusal_after_a_kept_try_says_the_kept_verdict_with_its_reason():
    """w43: an unreadable entry, then a wrong one, then another: the reply said the kept
    answer "got: Not yet:" and nothing after it."""
    record = MemoryRecord()
    control = answer_control("ece_by_hand", record=record)
    for typed in ["lots", "0.3", "=4"]:
        control.text.value = typed
        control.check_button.click()
    reply = said(control.verdict)
    assert "got: Not yet: 0.3 is the gap in the 90% band alone." in reply, reply
    assert record["ece_by_hand"]["tries"] == 1


def test_a_verdict_without_a_reason_cannot_be_made():
    with pytest.raises(ValueError, match="needs a message"):
        Verdict("hint", "  ")


@pytest.mark.usefixtures("fresh_kernel")
@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_an_empty_reflection_with_nothing_saved_says_so_and_keeps_nothing(blank, tmp_path):
    door = my_work.sign_in("03_privacy", folder=tmp_path)
    door.name.value = "Inès"
    door.open.click()
    box = my_work.reflection("03_expo", "Who should see this?")
    box.text.value = blank
    box.save.click()
    status = said(box.status)
    assert "Nothing to save yet" in status and "Saved" not in status, status
    kept = my_work.current_store().load("inès").get("reflections", {})
    assert "03_expo" not in kept
