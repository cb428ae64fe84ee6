"""The cases lesson 01's explorers offer, built once from the engine's scenarios.

Examples
--------
>>> case = load_case("Gale & Shapley's 3 × 3")
>>> case.proposer_side, sorted(case.proposers)
('men', ['alpha', 'beta', 'gamma'])
"""

from dataclasses import dataclass
from functools import cache

import numpy as np

from ..data import load_people
from ..data.markets import beta_preferences
from ..matching import scenarios
from ..matching.unmatched import (
    ALL_PREFERRED_SOMEONE_ELSE,
    NO_ACCEPTABLE_PARTNER,
    UnmatchedReason,
    unmatched_reasons,
)

HAND = "Ada, Ben, Cyd, Dev (by hand)"
GALE_SHAPLEY = "Gale & Shapley's 3 × 3"
RANDOM = "6 invented people a side"
BETA = "12 beta testers"
CASES = (HAND, GALE_SHAPLEY, RANDOM, BETA)


@dataclass(frozen=True)
class Case:
    """One instance: both sides' lists (best first) and what to call each side."""

    name: str
    proposers: dict
    reviewers: dict
    proposer_side: str
    reviewer_side: str

    def swapped(self) -> "Case":
        """The same people with the other side proposing."""
        return Case(
            self.name, self.reviewers, self.proposers, self.reviewer_side, self.proposer_side
        )


@cache
def load_case(name: str) -> Case:
    """The case called ``name`` (one of :data:`CASES`); treat its lists as read-only."""
    if name == HAND:
        return Case(
            name, scenarios.HAND_PROPOSERS, scenarios.HAND_REVIEWERS, "proposers", "reviewers"
        )
    if name == GALE_SHAPLEY:
        men, women = scenarios.gale_shapley_example()
        return Case(name, men, women, "men", "women")  # the paper's own (1962) framing
    if name == RANDOM:
        rng = np.random.default_rng(scenarios.RANDOM_SEED)
        proposers, reviewers = scenarios.random_instance(6, rng=rng)
        # named P1..P6 and R1..R6: "P people" says which group, in words
        return Case(name, proposers, reviewers, "P people", "R people")
    if name == BETA:
        testers, candidates = beta_preferences(load_people())
        return Case(name, testers, candidates, "testers", "candidates")
    raise KeyError(f"unknown case {name!r}; choose one of {CASES}")


def case_picker(options=CASES, value=None):
    """The labelled row of buttons that chooses a case (keyboard: Tab, arrows, Space)."""
    from . import controls  # here, as ipywidgets was: the cases load without widgets

    return controls.ToggleButtons(
        options=list(options),
        value=value or options[0],
        description="Example",
        tooltips=[f"Use the case: {o}" for o in options],
        style={"description_width": "initial", "button_width": "auto"},
    )


def _names(people, most: int = 3) -> str:
    shown = list(people)[:most]
    more = len(people) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def why_alone(why: UnmatchedReason, *, empty_list: str = "nobody at all is on their list") -> str:
    """One sentence a 16-year-old can read: why ``why.person`` has nobody.

    ``empty_list`` says, in the market's own terms, why someone's list is empty.

    Examples
    --------
    >>> from osmosis_lab.matching.unmatched import unmatched_reasons
    >>> reasons = unmatched_reasons({"a": "A", "b": None}, {"a": ["A"], "b": ["A"]},
    ...                             {"A": ["a", "b"]})
    >>> print(why_alone(reasons[0]))
    b is left alone: everyone who would accept b ended up with someone they prefer to b (A is with a).
    """
    who = why.person
    if why.reason == NO_ACCEPTABLE_PARTNER:
        if not why.listed:
            return f"{who} is left alone: {empty_list}, so no partner is possible."
        return (
            f"{who} is left alone: nobody {who} would accept ({_names(why.listed)}) "
            f"has {who} on their own list."
        )
    taken = [f"{q} is with {h}" for q, h in why.held if h is not None]
    if why.reason == ALL_PREFERRED_SOMEONE_ELSE:
        return (
            f"{who} is left alone: everyone who would accept {who} ended up with someone "
            f"they prefer to {who} ({_names(taken)})."
        )
    return (
        f"{who} is left alone although {_names(why.willing)} would gladly take {who}: "
        "this matching is not stable."
    )


def alone_reasons(matching: dict, proposers: dict, reviewers: dict, **words) -> dict[str, str]:
    """Each unmatched person (both sides) -> the sentence saying why (see :func:`why_alone`)."""
    return {
        w.person: why_alone(w, **words) for w in unmatched_reasons(matching, proposers, reviewers)
    }
