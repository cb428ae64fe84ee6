"""A prediction's reply: what the learner predicted, in the words they saw, beside what the
lesson's data show (issue 12: learners could not tell how far off a "Noted:" prediction was).

The learner's answer is said back as their control showed it: a choice by its button's label,
several picks each by theirs and in the order their buttons stand, a typed number as a number,
typed text in quotes (:func:`.quoting.quoted`; only its start if long), partners as "Ada with X".

Examples
--------
>>> print(said_back("a few"), said_back("l'IA"), said_back(3), said_back(1234), said_back(0.25))
“a few” “l'IA” 3 1,234 0.25
>>> buttons = {"testers": "Testers", "a few": "A few"}  # the control's order, and its words
>>> print(said_back({"a few", "testers"}, buttons), "|", said_back({"testers", "a few"}))
“Testers” and “A few” | “a few” and “testers”
>>> print(said_back({"Ada": "X", "Ben": "Y"}), said_back(set()))
Ada with X and Ben with Y nothing
>>> print(noted("a few", "in the data it is 31 of 40 (78 %): almost all", "Look below."))
you predicted “a few”; in the data it is 31 of 40 (78 %): almost all. Look below.
"""

from collections.abc import Mapping
from typing import Any

from .allowed import figure
from .plain import is_number
from .quoting import quoted

#: Typed text longer than this is said back by its start only (it is in the box already); no
#: button's label is this long.
_SHORT = 120


def _and(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def said_back(answer: Any, labels: Mapping[Any, str] | None = None) -> str:
    """``answer`` as the learner saw it: a button's label, a number, text in quotes.

    ``labels`` maps each option to its button's words, in the order the buttons stand: a set
    of picks is said in that order (a set has none of its own), picks it does not name after
    them, sorted, so that a set is said the same way every time.
    """
    labels = labels or {}
    if isinstance(answer, str):  # typed text as typed, less the spaces around it
        return quoted(labels.get(answer, answer).strip(), short=_SHORT)
    if is_number(answer):
        return figure(answer)  # as typed: never rounded (3.0000000001 is not 3)
    if isinstance(answer, Mapping):
        return _and([f"{k} with {v}" for k, v in answer.items()]) or "nobody"
    if isinstance(answer, set | frozenset):
        on_buttons = [option for option in labels if option in answer]
        rest = sorted(said_back(a, labels) for a in answer if a not in labels)
        return _and([said_back(a, labels) for a in on_buttons] + rest) or "nothing"
    if isinstance(answer, tuple | list):
        return _and([said_back(a, labels) for a in answer]) or "nothing"
    return str(answer)  # True, None: not text the learner typed, so not in quotes


def noted(answer: Any, shows: str, hint: str, labels: Mapping[Any, str] | None = None) -> str:
    """A prediction's reply: the learner's answer, what the data show, then where to look."""
    return f"you predicted {said_back(answer, labels)}; {shows}. {hint}"
