"""The data a design review runs on, with everything a design cannot change computed once.

The 12 testers and 12 candidates (``people``), the 1,000 residents of the city
(``population``), the attacker's public profiles and the past matches
(``pairs``), as the lessons load them. Precomputed here: the matching market
of lesson 02, the attraction and wellbeing tables of lesson 04, the attacker's
table of lesson 03, and the app's calibration error under each objective. A
design only chooses what to read from them, so re-running it stays fast.

Examples
--------
>>> from osmosis_lab import data
>>> scenario = review_scenario(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), data.load_pairs())
>>> len(scenario.market.proposers), scenario.attraction.shape
(12, (12, 12))
>>> launch_mask(scenario.people, AS_PLANNED).sum(), launch_mask(scenario.people, CAUTIOUS).sum()
(np.int64(24), np.int64(19))
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from osmosis_lab.consent.market import Market
from osmosis_lab.data import wellbeing_probability
from osmosis_lab.data.markets import ADULT_AGE, market_from_tables, who_may_meet
from osmosis_lab.errors import ReviewError
from osmosis_lab.privacy import known_to_attacker
from osmosis_lab.review.design import AS_PLANNED, LaunchDesign
from osmosis_lab.trust import (
    all_pairs,
    app_certainty,
    expected_calibration_error,
    mutual_score_table,
    pair_scores,
)

#: A cautious design for examples and tests: every safeguard the panel offers.
CAUTIOUS = replace(
    AS_PLANNED, consent_form="fair", minors="excluded", search_non_users=False,
    privacy="dp", objective="wellbeing", human_contact=True, fallback=True,
)  # fmt: skip

_NEEDED = {
    "people": ("person_id", "name", "role", "age", "signed_up", "care", "health_condition"),
    "population": ("person_id", "name", "age", "signed_up", "care", "health_condition"),
    "pairs": ("person_a", "person_b", "wellbeing_after_1y"),
}


@dataclass(frozen=True, eq=False)
class ReviewScenario:
    """The lesson's data and the design-independent parts of every theme."""

    people: pd.DataFrame
    population: pd.DataFrame
    known: pd.DataFrame
    ids_by_name: pd.Series
    market: Market
    attraction: pd.DataFrame
    wellbeing: pd.DataFrame
    #: may_meet[i, j]: tester i and candidate j may be matched (matching.eligibility.may_meet)
    may_meet: np.ndarray
    calibration_error: dict[str, float]
    health: pd.Series
    #: Per objective (columns) and tenth of the app's stated chance (index 0-9): the share of
    #: the past matches in ``pairs`` doing well a year later (their observed outcome).
    doing_well_by_band: pd.DataFrame
    #: Results that depend on a few design fields only, kept by :mod:`.themes` (see there).
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def city(self) -> int:
        """Everyone in the data set: the 24 people and the residents."""
        return len(self.people) + len(self.population)

    @property
    def names(self) -> pd.Series:
        """person_id -> name, for the 24 people of the matching market."""
        return self.people.set_index("person_id")["name"]


def review_scenario(
    people: pd.DataFrame, population: pd.DataFrame, public_profiles: pd.DataFrame,
    pairs: pd.DataFrame,
) -> ReviewScenario:  # fmt: skip
    """Build the :class:`ReviewScenario` from the four tables of ``osmosis_lab.data``."""
    for what, table in (("people", people), ("population", population), ("pairs", pairs)):
        missing = [c for c in _NEEDED[what] if c not in table.columns]
        if missing:
            raise ReviewError(
                f"the {what} table lacks {missing}; pass the tables osmosis_lab.data loads."
            )
    testers = people[people["role"] == "tester"]
    candidates = people[people["role"] == "candidate"]
    rows, columns = testers.set_index("name"), candidates.set_index("name")
    everyone = pd.concat([people[["name", "person_id"]], population[["name", "person_id"]]])
    return ReviewScenario(
        people=people.reset_index(drop=True),
        population=population.reset_index(drop=True),
        known=known_to_attacker(people, public_profiles),
        ids_by_name=everyone.set_index("name")["person_id"],
        market=market_from_tables(testers, candidates),
        attraction=mutual_score_table(rows, columns),
        wellbeing=all_pairs(rows, columns, wellbeing_probability),
        # who may meet whom: the matching engine's one rule (seeking both ways, minors with minors)
        may_meet=who_may_meet(rows, columns),
        calibration_error=_calibration(pairs, population),
        doing_well_by_band=_doing_well_by_band(pairs, population),
        health=pd.concat([people, population]).set_index("person_id")["health_condition"],
    )


def _stated(pairs: pd.DataFrame, population: pd.DataFrame) -> dict[str, np.ndarray]:
    """What the app states for each past match under each objective (see :func:`_calibration`)."""
    table = population.set_index("person_id")
    a, b = table.loc[pairs["person_a"]], table.loc[pairs["person_b"]]
    return {
        "attraction": np.asarray(app_certainty(pair_scores(pairs, population)), dtype=float),
        "wellbeing": np.asarray(wellbeing_probability(a, b), dtype=float),
    }


def _doing_well_by_band(pairs: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Observed share doing well among past matches, per tenth of what the app stated.

    A tenth with no past match takes the overall share (no evidence either way).
    """
    outcome = pairs["wellbeing_after_1y"].to_numpy(dtype=float)
    columns = {}
    for objective, stated in _stated(pairs, population).items():
        tenth = np.clip((stated * 10).astype(int), 0, 9)
        seen = np.bincount(tenth, minlength=10)
        well = np.bincount(tenth, weights=outcome, minlength=10)
        columns[objective] = np.where(seen > 0, well / np.maximum(seen, 1), outcome.mean())
    return pd.DataFrame(columns)


def _calibration(pairs: pd.DataFrame, population: pd.DataFrame) -> dict[str, float]:
    """The ECE of what the app states under each objective, against the past matches.

    Optimising attraction, the app states its logistic "soulmate certainty" of the
    pair score (lesson 04). Optimising wellbeing, it states the probability of
    wellbeing itself: the toy grants it the hidden model, its best case.
    """
    outcome = pairs["wellbeing_after_1y"].to_numpy()
    stated = _stated(pairs, population)
    return {name: expected_calibration_error(stated[name], outcome) for name in stated}


def launch_mask(table: pd.DataFrame, design: LaunchDesign) -> np.ndarray:
    """Who is in the launch: signed up, or found online when the design searches non-users;
    minors only when the design lets them join."""
    signed = table["signed_up"].astype(bool).to_numpy()
    inside = signed | design.finds_non_users
    if design.minors == "excluded":
        inside &= table["age"].to_numpy() >= ADULT_AGE
    return inside
