"""The privacy cost of a launch design: the worst case its research export allows for one person.

Every design gets its cost from :func:`osmosis_lab.privacy.privacy_loss`, the
function lesson 03 uses, through this **invented** model (not the series', not
a real study; chosen to be simple to check by hand):

* A noisy-counts export (``privacy="dp"``) publishes the count of
  :data:`~osmosis_lab.review.themes.PUBLISHED_COUNT`, plus **one count for each
  data category the app reads** (the research partners ask for one figure per
  kind of data). Every count spends the design's ε, and the ε of all counts
  add up (sequential composition): reading subconscious signals adds a count,
  so it adds ε; reading less never adds any.
* An export of rows (``"raw"``, or ``"generalised"`` to k) carries no
  differential-privacy guarantee, so nothing bounds what it reveals about one
  person: its cost is ε = ∞, the worst case is certainty. Lesson 03's attacks
  reach that for the people they re-identify.

The worst case is stated for an observer whose prior is the share of the city
living with depression (the count the export publishes).

Examples
--------
>>> from dataclasses import replace
>>> from osmosis_lab.review.design import AS_PLANNED
>>> dp = replace(AS_PLANNED, privacy="dp", epsilon=1.0)
>>> counts_published(dp)  # doctest: +NORMALIZE_WHITESPACE
('people living with depression', 'declared profile', 'scraped social media',
 'conscious memories', 'subconscious signals')
>>> cost = privacy_cost(dp, prior=0.09)
>>> cost.epsilon, round(cost.odds_factor), round(cost.posterior, 2)
(5.0, 148, 0.94)
>>> privacy_cost(replace(dp, epsilon=10.0), prior=0.09).odds_words()
'more than a million times'
>>> privacy_cost(AS_PLANNED, prior=0.09).posterior  # rows, not counts: no bound at all
1.0

References
----------
Dwork, C. and Roth, A. (2014). The Algorithmic Foundations of Differential
Privacy, Theorem 3.16 (sequential composition). Nanayakkara, P. et al. (2023).
What Are the Chances? Explaining the Epsilon Parameter in Differential
Privacy. USENIX Security 2023.
"""

from __future__ import annotations

import math

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.privacy import PrivacyLoss, privacy_loss
from osmosis_lab.privacy.loss import in_100
from osmosis_lab.review.design import LaunchDesign
from osmosis_lab.review.scenario import ReviewScenario
from osmosis_lab.review.themes import PUBLISHED_COUNT

#: What the worst case is about: one resident, and the fact the published count is about.
WHO, FACT = "one resident", "lives with depression"


def observer_prior(scenario: ReviewScenario) -> float:
    """The observer's chance beforehand: the share of the whole city living with depression."""
    return float((scenario.health == "depression").mean())


def counts_published(design: LaunchDesign) -> tuple[str, ...]:
    """The counts a noisy-counts export publishes (invented model): the depression count,
    then one count per data category read. Empty for an export of rows."""
    if design.privacy != "dp":
        return ()
    return (PUBLISHED_COUNT, *(CATEGORY_LABELS[c].lower() for c in design.categories))


def epsilons_spent(design: LaunchDesign) -> list[float]:
    """The ε each release spends: the design's ε per published count, or ∞ for rows.

    >>> from dataclasses import replace
    >>> from osmosis_lab.review.design import AS_PLANNED
    >>> epsilons_spent(replace(AS_PLANNED, privacy="dp", categories=["declared"], epsilon=0.5))
    [0.5, 0.5]
    >>> epsilons_spent(replace(AS_PLANNED, privacy="generalised"))
    [inf]
    """
    if design.privacy != "dp":
        return [math.inf]
    return [design.epsilon] * len(counts_published(design))


def privacy_cost(design: LaunchDesign, *, prior: float = 0.5) -> PrivacyLoss:
    """The design's privacy cost: :func:`~osmosis_lab.privacy.privacy_loss` of what it spends.

    Parameters
    ----------
    design : LaunchDesign
    prior : float, default 0.5
        The observer's chance beforehand that :data:`WHO` :data:`FACT`; the
        design panel uses the city's share.

    Returns
    -------
    PrivacyLoss
        Total ε, the odds factor e^ε and the worst-case posterior.
    """
    return privacy_loss(epsilons_spent(design), prior=prior)


def cost_words(design: LaunchDesign, cost: PrivacyLoss, *, rows_released: int | None = None) -> str:
    """The cost in a few words for a table cell: prior, worst case, and where ε comes from.

    An export of rows that released none this time (every group below k) changed nobody's
    chances: the worst case is the method's, on data where it does release rows (w53 read
    "9 in 100 → 100 in 100" beside "this export tells an observer nothing new").

    >>> from dataclasses import replace
    >>> from osmosis_lab.review.design import AS_PLANNED
    >>> dp = replace(AS_PLANNED, privacy="dp", epsilon=10.0)
    >>> cost_words(dp, privacy_cost(dp, prior=0.09))
    '9 in 100 → more than 99 in 100 (epsilon 50 = 5 counts × 10; odds up to more than a million times)'
    >>> cost_words(AS_PLANNED, privacy_cost(AS_PLANNED, prior=0.09))
    '9 in 100 → 100 in 100 (no bound: an export of rows has no guarantee)'
    >>> cost_words(AS_PLANNED, privacy_cost(AS_PLANNED, prior=0.09), rows_released=0)
    '9 in 100 now (no row released); on data where rows are released, up to 100 in 100 (no bound)'
    """
    if math.isinf(cost.epsilon) and rows_released == 0:
        return (
            f"{in_100(cost.prior)} now (no row released); on data where rows are released, up "
            f"to {cost.worst_case_words()} (no bound)"
        )
    change = f"{in_100(cost.prior)} → {cost.worst_case_words()}"
    if math.isinf(cost.epsilon):
        return f"{change} (no bound: an export of rows has no guarantee)"
    n = len(counts_published(design))
    return (
        f"{change} (epsilon {cost.epsilon:g} = {n} count{'' if n == 1 else 's'} × {design.epsilon:g}; "
        f"odds up to {cost.odds_words()})"
    )
