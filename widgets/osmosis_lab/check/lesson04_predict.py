"""Lesson 04 · Algorithmic trust: the prediction before the objectives explorer.

Judged leniently, like every prediction: either answer is a prediction, the
explorer below it then shows Lucas's match under each objective, and a wrong
answer gets a hint that says where to look. The right answer is computed from
the matching under both objectives, never typed in, and names nobody (the
explorer's matches are spoilers).

Examples
--------
>>> lucas_same_match_prediction(SAME_OR_NOT[1]).status
'correct'
>>> print(lucas_same_match_prediction(SAME_OR_NOT[0]))  # doctest: +ELLIPSIS
Noted: you predicted “the same person under both”; in the data, Lucas gets...
"""

from .core import Check, Misconception
from .lesson04_decisions import _lucas_matches
from .said import said_back

#: The answers a learner picks from.
SAME_OR_NOT = ("the same person under both", "a different person under each")


def lucas_matches() -> tuple[str, str]:
    """Lucas's match when the matching maximises attraction, then wellbeing (computed once, in
    :mod:`.lesson04_decisions`, which the exercise about his match also uses)."""
    matches = _lucas_matches()
    return matches["attraction"], matches["wellbeing"]


def _same_or_not() -> str:
    attraction, wellbeing = lucas_matches()
    return SAME_OR_NOT[attraction != wellbeing]


lucas_same_match_prediction = Check(
    name="lucas_same_match_prediction",
    prediction=True,
    reference=_same_or_not,
    # the answer, never the names: the explorer's matches are spoilers
    shows=lambda: f"in the data, Lucas gets {said_back(_same_or_not())}",
    question="The same algorithm runs twice: once maximising attraction, once wellbeing. Does "
    "Lucas get the same match both times?",
    is_correct=lambda answer: answer == _same_or_not(),
    why="The objective is a choice, and it decides who is matched with whom: the explorer below "
    "shows Lucas's match under each.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "the score knows best",
            example=SAME_OR_NOT[0],
            matches=lambda answer: answer == SAME_OR_NOT[0] != _same_or_not(),
            hint="Now look at the explorer below and switch the objective: does a high score "
            "promise a good year together?",
        ),
    ),
    fallback_hint="Now look at the explorer below.",
)
