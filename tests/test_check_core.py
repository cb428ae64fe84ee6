"""The generic check core as a learner meets it: typed numbers, exercise sources, plain data.

Written to kill the mutants that survived the mutation run of benchmarks/MUTATION.md: each
asserts what a learner types and sees (``"15 %"`` is 0.15, ``"1 024"`` people is the count
1024), or what an exercise's author is told when a source is wrong.
"""

import re

import numpy as np
import pytest

from osmosis_lab.check.core import Check, Misconception
from osmosis_lab.check.exercise import Exercise, NotANumber, parse_number
from osmosis_lab.check.plain import MAX_DEPTH, MAX_ITEMS, NotPlainData, to_plain


@pytest.mark.parametrize(
    ("typed", "unit", "read"),
    [
        ("0,15", "fraction", 0.15),  # a decimal comma, as many learners write it
        ("15 %", "fraction", 0.15),  # per cent means hundredths, whatever the unit
        ("15%", "value", 0.15),
        ("15", "fraction", 15.0),  # stays 15: the check can say how a percentage is typed
        ("0.5", "value", 0.5),
        ("1 024", "count", 1024),
        ("12.0", "count", 12),
        ("2.5", "count", 2.5),  # not a whole number: the check can say so
        ("about 40", "count", 40),  # lesson 04 asks "About how many…?" (w51 was refused)
        ("~0.3", "fraction", 0.3),
        ("environ quarante", "count", 40),
    ],
)
def test_a_typed_number_reads_as_the_learner_meant_it(typed, unit, read):
    value = parse_number(typed, unit=unit)
    assert value == pytest.approx(read)
    # a count that is whole comes back as an int (the check and its message say 12, not 12.0);
    # a fraction or a value is always a float
    assert type(value) is (int if unit == "count" and float(read).is_integer() else float)


@pytest.mark.parametrize("typed", ["", "%", "1,5,0", "not twelve", "1e3"])
def test_text_that_is_not_one_number_is_refused(typed):
    with pytest.raises(NotANumber):
        parse_number(typed, unit="value")


def a_check():
    def judge(answer):
        return answer == 3

    return Check("count_them", "How many?", judge, "Three.")


def an_exercise(**changes):
    fields = dict(check=a_check(), lesson="00_x", variable="n", kind="number", solution="n = 3")
    fields.update(explanation=".", **changes)
    return Exercise(**fields)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"kind": "essay"}, "count_them: kind must be one of"),
        ({"unit": "percent"}, "count_them: unit must be one of"),
        (
            {"code_only": ("no_such_idea",)},
            "count_them: code_only names no misconception: ['no_such_idea']",
        ),
    ],
)
def test_a_wrong_exercise_source_is_refused_naming_the_exercise(changes, says):
    with pytest.raises(ValueError, match="^" + re.escape(says)):
        an_exercise(**changes)


def test_a_right_exercise_source_is_accepted():
    exercise = an_exercise(unit="count")
    assert (exercise.name, exercise.kind, exercise.unit) == ("count_them", "number", "count")


def test_options_computed_from_the_lessons_data_are_what_the_buttons_offer():
    computed = an_exercise(kind="choice", options=lambda: ["two", "three"])
    assert computed.choices() == ("two", "three")
    assert an_exercise(kind="choice", options=("one",)).choices() == ("one",)


class AlwaysEqual(np.float64):
    """A numpy number that claims to equal anything: what a learner might paste to fool a check."""

    def __eq__(self, other):
        return True

    __hash__ = np.float64.__hash__


def test_a_numpy_subclass_is_not_plain_data_but_numpys_own_numbers_are():
    with pytest.raises(NotPlainData):
        to_plain(AlwaysEqual(0.0))
    assert to_plain(np.float64(0.25)) == 0.25 and type(to_plain(np.int64(3))) is int


def nested(levels, kind=list):
    return 0 if levels == 0 else kind([nested(levels - 1, kind)])


def test_an_answer_as_deep_and_as_large_as_the_docstring_allows_is_plain_one_more_is_not():
    # to_plain's contract: at most MAX_DEPTH levels deep and MAX_ITEMS values in all
    assert to_plain(nested(MAX_DEPTH)) == nested(MAX_DEPTH, tuple)  # lists become tuples
    with pytest.raises(NotPlainData, match="nested too deeply or too large"):
        to_plain(nested(MAX_DEPTH + 1))
    # a dict's keys count as a level too, like its values
    assert to_plain({nested(MAX_DEPTH - 1, tuple): 0}) == {nested(MAX_DEPTH - 1, tuple): 0}
    with pytest.raises(NotPlainData, match="nested too deeply or too large"):
        to_plain({nested(MAX_DEPTH, tuple): 0})
    assert len(to_plain(list(range(MAX_ITEMS - 1)))) == MAX_ITEMS - 1  # the list is a value too
    with pytest.raises(NotPlainData, match="nested too deeply or too large"):
        to_plain(list(range(MAX_ITEMS)))


def test_none_and_the_booleans_are_plain_answers_judged_like_any_other():
    # `answer = print(x)` leaves None: the learner gets a hint, not "cannot read"
    assert to_plain(None) is None and to_plain(True) is True and to_plain(False) is False
    assert to_plain({"shared": None, "ok": True}) == {"shared": None, "ok": True}
    assert a_check()(None).status == "hint"


def test_a_misconception_that_cannot_judge_an_answer_does_not_give_its_hint():
    # "more than ten" cannot compare a text: the learner must get the general hint, not that one
    check = Check(
        "count_them",
        "How many?",
        lambda answer: answer == 3,
        "Three.",
        misconceptions=(Misconception("too many", 12, lambda a: a > 10, "Count once each."),),
    )
    assert check(12).message == "Count once each."
    assert check("ten").message == check.fallback_hint


def test_a_wrong_method_matches_its_computed_value_without_a_matches_line():
    """The check answers the wrong method's value with its hint, from ``wrong_value`` alone."""
    data = [3, 4]  # the lesson's data: the wrong method reads it when the check runs
    check = Check(
        name="sum",
        question="What is 3 + 4?",
        is_correct=lambda a: a == 7,
        why="Added.",
        misconceptions=(
            Misconception("multiplied", 12, hint="Add, don't multiply.", wrong_value=lambda: 12),
            Misconception("counted", 2, hint="Add the numbers.", wrong_value=lambda: len(data)),
        ),
        fallback_hint="Add them.",
    )
    assert check.verdict(12.0).message == "Add, don't multiply."
    data.append(5)  # the computed value follows the data, it is never typed in
    assert check.verdict(3).message == "Add the numbers."
    assert check.verdict(2).message == "Add them."
    assert check.verdict("12").message == "Add them."  # text is not the number


@pytest.mark.parametrize(
    ("declared", "says"),
    [
        ({"hint": "h"}, "needs matches=, or wrong_value="),
        ({"wrong_value": lambda: 1}, "needs a hint"),
    ],
)
def test_a_misconception_that_cannot_match_or_say_anything_is_refused(declared, says):
    with pytest.raises(TypeError, match=says):
        Misconception("idea", 1, **declared)


def test_a_prediction_unlike_the_data_is_noted_not_marked_as_wrong_work():
    """A learner who predicts before the result is shown reads "Noted:", never "Not yet:"."""
    from osmosis_lab.check.exercises import all_exercises

    predictions = [e.check for e in all_exercises().values() if e.check.prediction]
    assert len(predictions) >= 7
    for check in predictions:
        verdict = check.verdict("something nobody would predict")
        if check.allowed is not None:  # a number: text that is none gets the box's words (w52)
            assert verdict.status == "not attempted" and "is not a number" in verdict.message
            continue
        assert (verdict.status, verdict.label) == ("hint", "Noted:"), check.name
        assert str(verdict).startswith("Noted: ") and "Not yet" not in verdict._repr_html_()
    exercise = Check(name="sum", question="3 + 4?", is_correct=lambda a: a == 7, why="Added.")
    assert str(exercise.verdict(8)).startswith("Not yet: ")  # an exercise still says so
