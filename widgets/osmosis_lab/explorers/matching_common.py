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
        return Case(name, proposers, reviewers, "Ps", "Rs")
    if name == BETA:
        testers, candidates = beta_preferences(load_people())
        return Case(name, testers, candidates, "testers", "candidates")
    raise KeyError(f"unknown case {name!r}; choose one of {CASES}")


def case_picker(options=CASES, value=None):
    """The labelled row of buttons that chooses a case (keyboard: Tab, arrows, Space)."""
    import ipywidgets as widgets

    return widgets.ToggleButtons(
        options=list(options),
        value=value or options[0],
        description="Example",
        tooltips=[f"Use the case: {o}" for o in options],
        style={"description_width": "initial", "button_width": "auto"},
    )
