"""The other side of each safeguard: what the product gives, what the company pays, what it holds.

Four named figures, each from an **invented** model (not the series', not a
real company's accounts; chosen to be simple to check by hand):

:func:`reference_side`
    One fixed reference list per person, so "average partner rank" compares
    designs on the same lists: each person's compatibility with everyone they
    may be matched with, over all four data categories, as if everything were
    known. A design that reads less matches on worse information; its partners
    are ranked on these same lists.
:func:`couples_doing_well`
    The product's benefit: how many of the launch's matches can be expected to
    be doing well a year later, **from the outcomes of the 1,500 past matches**
    in ``pairs.csv``. Each match counts as the share of past matches doing well
    among those the app gave a similar chance (the same tenth of 0 to 1), the
    chance the app states under the design's objective.
:func:`neural_data_held`
    How many connected users' subconscious signals the company holds: every
    connected user's, when the design reads them, else none. What is held can
    leak or be reused (Ana's fear in the series); reading less holds less.
:func:`company_side`
    Delay, staff and money. The company has :data:`WEEKS_TO_LAUNCH` weeks
    before the planned launch (the series: about a month) and, invented, money
    for :data:`CASH_WEEKS` weeks of its costs since the investors left. Each
    safeguard takes the weeks of work in :data:`WORK_WEEKS`; work beyond the
    month delays the launch. Billie on call for every user takes
    :data:`SUPPORT_STAFF` people, and each extra person raises the weekly costs
    by :data:`COST_PER_PERSON`. The money left at launch is what remains after
    the weeks until launch at those costs; below 0, the company runs out first.

Examples
--------
>>> from osmosis_lab.review.design import AS_PLANNED
>>> from osmosis_lab.review.scenario import CAUTIOUS
>>> company_side(AS_PLANNED)
CompanyFigures(work_weeks=0, delay_weeks=0, staff=0, cash_weeks_left=6.0)
>>> company_side(CAUTIOUS)
CompanyFigures(work_weeks=14, delay_weeks=10, staff=4, cash_weeks_left=-6.8)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.matching import compatibility_scores, preferences_from_scores
from osmosis_lab.review.design import LaunchDesign
from osmosis_lab.review.kept import launch_key, memo
from osmosis_lab.review.scenario import ReviewScenario
from osmosis_lab.review.themes import Side, connected_users, objective_matches
from osmosis_lab.trust import app_certainty

#: Weeks before the planned launch (story.md: about a month).
WEEKS_TO_LAUNCH = 4
#: Invented: weeks of the company's costs its money covers, counted from the investors leaving.
CASH_WEEKS = 10.0
#: Invented: weeks of work each safeguard takes, by (design field, value).
WORK_WEEKS: dict[tuple[str, object], int] = {
    ("consent_form", "fair"): 1,
    ("consent_form", "bundled"): 0,
    ("minors", "parent_and_assent"): 1,  # an assent step written for a 17-year-old
    ("privacy", "generalised"): 1,
    ("privacy", "dp"): 2,
    ("objective", "wellbeing"): 6,  # a follow-up study to measure wellbeing at all
    ("human_contact", True): 1,  # training the support team
    ("fallback", True): 4,  # a safe mode on the implants
}
#: Invented: Billie and three colleagues, each able to reach 5 users in time in an outage.
SUPPORT_STAFF = 4
#: Invented: each extra person raises the weekly costs by this share.
COST_PER_PERSON = 0.05


@dataclass(frozen=True)
class CompanyFigures:
    """The company's side of a design (invented model, see the module docstring)."""

    work_weeks: int
    delay_weeks: int
    staff: int
    cash_weeks_left: float


def company_side(design: LaunchDesign) -> CompanyFigures:
    """Weeks of work, launch delay, extra staff and money left at launch for ``design``.

    >>> from dataclasses import replace
    >>> from osmosis_lab.review.design import AS_PLANNED
    >>> company_side(replace(AS_PLANNED, fallback=True, human_contact=True))
    CompanyFigures(work_weeks=5, delay_weeks=1, staff=4, cash_weeks_left=4.0)
    """
    work = sum(
        weeks for (name, value), weeks in WORK_WEEKS.items() if getattr(design, name) == value
    )
    delay = max(0, work - WEEKS_TO_LAUNCH)
    staff = SUPPORT_STAFF if design.human_contact else 0
    weekly = 1 + COST_PER_PERSON * staff
    left = round(CASH_WEEKS - (WEEKS_TO_LAUNCH + delay) * weekly, 1)
    return CompanyFigures(work, delay, staff, left)


def neural_data_held(scenario: ReviewScenario, design: LaunchDesign) -> tuple[int, int]:
    """(users whose subconscious signals the company holds, connected users).

    >>> from dataclasses import replace
    >>> from osmosis_lab import data
    >>> from osmosis_lab.review.design import AS_PLANNED
    >>> from osmosis_lab.review.scenario import review_scenario
    >>> scenario = review_scenario(data.load_people(), data.load_population(),
    ...                            data.load_public_profiles(), data.load_pairs())
    >>> neural_data_held(scenario, AS_PLANNED)
    (391, 391)
    >>> neural_data_held(scenario, replace(AS_PLANNED, categories=["declared", "conscious"]))
    (0, 391)
    """
    users = connected_users(scenario, design)
    return (users if "subconscious" in design.categories else 0), users


def reference_side(scenario: ReviewScenario) -> Side:
    """The fixed reference lists: compatibility over all four categories, everyone known.

    Kept in ``scenario.memo``: no design changes it.
    """
    if "reference side" not in scenario.memo:
        market = scenario.market
        forward = compatibility_scores(
            market.proposer_traits, market.proposer_weights, other_traits=market.reviewer_traits
        )
        backward = compatibility_scores(
            market.reviewer_traits, market.reviewer_weights, other_traits=market.proposer_traits
        )
        forward[~market.allowed] = np.nan
        backward[~market.allowed.T] = np.nan
        scenario.memo["reference side"] = Side(
            preferences_from_scores(forward), preferences_from_scores(backward)
        )
    return scenario.memo["reference side"]


def launch_couples(scenario: ReviewScenario, design: LaunchDesign) -> tuple[float, int]:
    """(expected couples doing well a year later, matches) for the launch's matches under the
    design's objective, by :func:`couples_doing_well`; kept in ``scenario.memo`` per who is
    in the launch, the data read and the objective."""
    key = ("couples", *launch_key(design), tuple(design.categories), design.objective)
    return memo(scenario, key, lambda: _launch_couples(scenario, design))


def _launch_couples(scenario: ReviewScenario, design: LaunchDesign) -> tuple[float, int]:
    matches = objective_matches(scenario, design)
    mine = matches[matches["objective"] == design.objective]
    if mine.empty:  # reading no data, nobody is matched
        return 0.0, 0
    if design.objective == "attraction":
        stated = np.asarray(app_certainty(mine["attraction"].to_numpy()), dtype=float)
    else:
        stated = mine["wellbeing"].to_numpy(dtype=float)
    table = pd.DataFrame({"stated": stated})
    return couples_doing_well(table, scenario.doing_well_by_band, design.objective), len(mine)


def couples_doing_well(matches: pd.DataFrame, bands: pd.DataFrame, objective: str) -> float:
    """Expected couples doing well a year later among ``matches``, from past outcomes.

    Parameters
    ----------
    matches : pandas.DataFrame
        ``trust.match_under_objectives`` rows for the design's ``objective``, with
        the ``stated`` chance the app gives each match.
    bands : pandas.DataFrame
        ``ReviewScenario.doing_well_by_band``: per objective (columns) and tenth
        of 0 to 1 (index 0-9), the share of past matches doing well.
    objective : {"attraction", "wellbeing"}

    Examples
    --------
    >>> bands = pd.DataFrame({"wellbeing": [0.1] * 5 + [0.7] * 5})
    >>> couples_doing_well(pd.DataFrame({"stated": [0.05, 0.95, 0.55]}), bands, "wellbeing")
    1.5
    """
    tenth = np.clip((matches["stated"].to_numpy() * 10).astype(int), 0, 9)
    return float(bands[objective].to_numpy()[tenth].sum())
