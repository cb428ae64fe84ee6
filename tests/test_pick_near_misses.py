"""A near answer to a pick exercise says which near miss it is (walkthrough: lesson 05 Exercise 1,
five right rows and one more got "Pick every row you expect to move", as four of the five did).

For every pick exercise (every exercise of kind ``picks``, found, not listed) and every kind of
near miss built from its own options (the right picks and more, fewer, some of each, none), the
reply, from its control as from a code cell, says how many picks do not belong and how many are
missing, whichever of those there are, and the words that say so name no option.
"""

import re

import pytest

from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.picks import near_miss

PICKS = [e for e in all_exercises().values() if e.kind == "picks"]


def test_the_lessons_have_pick_exercises_and_each_knows_its_right_picks():
    assert len(PICKS) >= 3
    for exercise in PICKS:
        assert exercise.check.right_picks is not None, exercise.name
        right = set(exercise.choices()) & _right_options(exercise)
        assert exercise.check.verdict(right).status == "correct", exercise.name


def _right_options(exercise) -> set:
    """The options that are right picks, read through the check's own normalising."""
    right = exercise.check.right_picks()
    return {o for o in exercise.choices() if exercise.check.normalise({o}) <= right}


def near_answers(exercise):
    """Every kind of near miss of the exercise's right picks, and how many extra and missing."""
    options = list(exercise.choices())
    right = [o for o in options if o in _right_options(exercise)]
    wrong = [o for o in options if o not in right]
    kinds = {"one fewer": (set(right[1:]), 0, 1), "nothing": (set(), 0, len(right))}
    if wrong:  # an exercise whose every option is a right pick has no pick that does not belong
        kinds |= {
            "one more": (set(right) | {wrong[0]}, 1, 0),
            "every option": (set(options), len(wrong), 0),
            "one swapped": (set(right[1:]) | {wrong[-1]}, 1, 1),
            "only wrong ones": (set(wrong), len(wrong), len(right)),
        }
    return [(name, picked, extra, missing) for name, (picked, extra, missing) in kinds.items()]


CASES = [(e, *case) for e in PICKS for case in near_answers(e)]


#: How a reply may say how many picks do not belong, or are missing (the count it says: a
#: number, "your pick" for 1, "none of your N picks" for N).
_SAYS = {
    "not belong": [
        r"(\d+) of your \d+ picks? do(?:es)? not belong",
        r"(?i:your) pick (does) not belong",
        r"(?i:none) of your (\d+) picks belongs",
    ],
    "missing": [r"(\d+) picks? that belongs? (?:is|are) missing"],
}


def _said(message: str, what: str) -> int:
    """How many picks ``message`` says are ``what`` ("not belong", "missing"); 0 if it says none."""
    for pattern in _SAYS[what]:
        if found := re.search(pattern, message):
            return 1 if found[1] == "does" else int(found[1])
    return 0


@pytest.mark.parametrize(
    ("exercise", "kind", "picked", "extra", "missing"),
    CASES,
    ids=[f"{e.name}-{kind}" for e, kind, *_ in CASES],
)
def test_a_near_miss_says_how_many_picks_do_not_belong_and_how_many_are_missing(
    exercise, kind, picked, extra, missing
):
    for verdict in (exercise.verdict(picked), exercise.check.verdict(picked)):
        assert verdict.status == "hint", (kind, str(verdict))
        said = (_said(verdict.message, "not belong"), _said(verdict.message, "missing"))
        assert said == (extra, missing), (kind, str(verdict))


@pytest.mark.parametrize(("exercise", "kind", "picked", "extra", "missing"), CASES)
def test_the_near_miss_names_no_option(exercise, kind, picked, extra, missing):
    right = exercise.check.right_picks()
    words = near_miss(exercise.check.normalise(picked), right)
    for option in exercise.choices():
        assert exercise.label(option).casefold() not in words.casefold()
