"""What is wrong with a near answer to a pick exercise, without giving the answer away.

A pick exercise is answered with several of its options. Picking the five right rows and one
more is not the same slip as picking four of the five (a walkthrough got the same "Pick every
row you expect to move" for both, after she had picked every row she expected): the reply says
which near miss it is, picks that do not belong, picks missing, or both, and how many, never
which. :class:`.core.Check` says it before the hint of every pick exercise that is not right
(its ``right_picks``; a prediction's, after what the data show), so the rule is one for all.

Examples
--------
>>> print(near_miss({"a", "b", "x"}, {"a", "b"}))
every pick that belongs is there, but 1 of your 3 picks does not belong
>>> print(near_miss({"a"}, {"a", "b", "c"}))
your pick belongs, but 2 picks that belong are missing
>>> print(near_miss({"a", "x", "y"}, {"a", "b"}))
2 of your 3 picks do not belong, and 1 pick that belongs is missing
>>> print(near_miss({"x"}, {"a"}), near_miss(set(), {"a"}), sep="\\n")
your pick does not belong, and 1 pick that belongs is missing
nothing is picked: 1 pick that belongs is missing
>>> near_miss({"a"}, {"a"}) is None
True
"""

from collections.abc import Set


def _not_belonging(extra: int, picked: int) -> str:
    if extra == picked == 1:
        return "your pick does not belong"
    if extra == picked:
        return f"none of your {picked} picks belongs"
    return f"{extra} of your {picked} picks {'does' if extra == 1 else 'do'} not belong"


def _missing(missing: int) -> str:
    return (
        f"{missing} {'pick that belongs is' if missing == 1 else 'picks that belong are'} missing"
    )


def near_miss(picked: Set, right: Set) -> str | None:
    """Which near miss ``picked`` is of ``right`` (both as the check normalises them): a clause
    that says how many picks but names none of them; None when they are the same."""
    extra, missing, count = len(picked - right), len(right - picked), len(picked)
    if not (extra or missing):
        return None
    if not missing:
        return f"every pick that belongs is there, but {_not_belonging(extra, count)}"
    if not count:
        return f"nothing is picked: {_missing(missing)}"
    if not extra:
        yours = {1: "your pick belongs", 2: "both your picks belong"}.get(
            count, f"all {count} of your picks belong"
        )
        return f"{yours}, but {_missing(missing)}"
    return f"{_not_belonging(extra, count)}, and {_missing(missing)}"
