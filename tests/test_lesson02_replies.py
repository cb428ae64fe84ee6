"""Lesson 02's replies say what the learner wrote and aim at the mistake made (a teacher's trial).

1. A typed answer was said back normalised: "it's not allowed to say no" came back as
   “it s not allowed to say no”, "I don't know" as “i don t know”. The reply quotes the
   text as typed (trimmed), from the answer box and from the code cell alike, for every text
   exercise, whatever the check reads internally.
2. The guide promises a hint for "it's not allowed to say no" (Ana's choice, not the app's);
   the screen asked for a yes or no the learner had given. The guide's own example, read
   from the guide, now gets that hint.
4. Exercise 2's 4 is the chart's crosses (three people), not "each person": its hint says
   what a cross stands for.
"""

import html
import re
from pathlib import Path

import pytest

from osmosis_lab.check import lesson02
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.quoting import quoted
from osmosis_lab.consent import violations
from osmosis_lab.consent.scenarios import SCENARIOS
from osmosis_lab.consent.timeline import replay
from osmosis_lab.explorers.answers import answer_control

pytestmark = pytest.mark.usefixtures("fresh_kernel")
GUIDE = Path(__file__).resolve().parents[1] / "lessons" / "teacher_guide.md"
TEXT_EXERCISES = [e for e in all_exercises().values() if e.kind == "phrase"]
#: Wrong or unclear answers with apostrophes, capitals, accents and spaces around them.
TYPED = (
    "I don't know",
    "  It's not allowed to say NO  ",
    "Peut-être, ça dépend d'Ana",
    "MAYBE? Léa's app can’t tell",
    "She isn't allowed to refuse.",
)


def said_in(message: str, typed: str) -> bool:
    return quoted(typed.strip()) in html.unescape(message)


@pytest.mark.parametrize("exercise", TEXT_EXERCISES, ids=lambda e: e.name)
@pytest.mark.parametrize("typed", TYPED)
def test_a_reply_quotes_the_text_as_typed_from_the_box_and_the_code_cell(exercise, typed):
    control = answer_control(exercise.name)
    control.text.value = typed
    from_box = control.check()
    from_code = exercise.check.verdict(typed)
    assert from_box.status == from_code.status == "hint", (from_box, from_code)
    if exercise.check.prediction:  # a prediction's reply says the answer back
        assert said_in(from_box.message, typed), from_box.message
        assert said_in(control.verdict.value, typed), control.verdict.value  # as shown
        assert said_in(from_code.message, typed), from_code.message
    assert from_box.message == from_code.message  # one reply, whichever way it was given


def test_there_is_a_text_exercise_that_says_answers_back():
    assert any(e.check.prediction for e in TEXT_EXERCISES)  # else the test above checks nothing


def guide_promise() -> tuple[str, str]:
    """Lesson 02's Exercise 1 note in the guide: the example answer and the hint it promises."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Lesson 02") : text.index("## Lesson 03")]
    note = " ".join(section[section.index("**Exercise 1**") :].split())
    example, promise = re.search(r'"([^"]+)" gets a hint: it is ([^)]+)\)', note).groups()
    return example, promise


@pytest.mark.parametrize(
    "variant", ["{}", "{}.", "  {}  ", "{}!", "no, {}"], ids=["as is", "stop", "spaces", "!", "no,"]
)
def test_the_guides_example_gets_the_hint_the_guide_promises(variant):
    example, promise = guide_promise()
    typed = variant.format(example)
    exercise = all_exercises()["consent_is_specific"]
    control = answer_control(exercise.name)
    control.text.value = typed
    for verdict in (control.check(), exercise.check.verdict(typed)):
        assert verdict.status == "hint" and verdict.misconception, verdict
        assert promise in verdict.message, (promise, verdict.message)
        assert "(yes or no)" not in verdict.message  # the learner gave one: not asked again


@pytest.mark.parametrize(
    "typed", ["not allowed to refuse", "She can't say no", "she isn't allowed to decline"]
)
def test_other_ways_of_saying_she_may_not_say_no_get_that_hint_too(typed):
    _example, promise = guide_promise()
    assert promise in lesson02.consent_is_specific.verdict(typed).message


def test_four_is_the_charts_crosses_and_its_hint_says_what_a_cross_stands_for():
    flagged = violations(replay(SCENARIOS["esther"]())[-1].ledger)
    crosses = len({(entry.subject, entry.day) for entry in flagged})  # one per person and day
    people = len({entry.subject for entry in flagged})
    assert (crosses, people) == (4, 3)  # the trial's numbers, from the ledger
    verdict = lesson02.esther_violation_count.verdict(crosses)
    assert "cross" in verdict.message and "each person" not in verdict.message, verdict
    assert "each person" in lesson02.esther_violation_count.verdict(people).message
