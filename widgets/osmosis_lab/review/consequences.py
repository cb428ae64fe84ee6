"""What a launch design does, across the four themes, side by side.

:func:`consequences` runs every theme of :mod:`osmosis_lab.review.themes` for
one design and returns a frozen :class:`Consequences`; :meth:`Consequences.table`
lays the figures out in one table, a row per figure, for the design panel and
the review file. Randomness (the form simulation, the export's pseudonyms, the
Laplace noise, the outage) comes from four independent streams spawned from
``rng``, so changing one choice never reshuffles another theme's figures.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> scenario = review_scenario(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), data.load_pairs())
>>> planned = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(2019))
>>> cautious = consequences(CAUTIOUS, scenario, rng=np.random.default_rng(2019))
>>> planned.privacy.reidentified > cautious.privacy.reidentified == 0
True
>>> planned.trust.harmed == planned.trust.users
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from osmosis_lab.errors import ReviewError
from osmosis_lab.privacy import PrivacyLoss
from osmosis_lab.review import themes, tradeoffs
from osmosis_lab.review.design import AS_PLANNED, LaunchDesign
from osmosis_lab.review.figure_rows import FigureRow, figure_rows
from osmosis_lab.review.kept import launch_key, memo
from osmosis_lab.review.privacy_cost import counts_published, observer_prior, privacy_cost
from osmosis_lab.review.scenario import CAUTIOUS, ReviewScenario, launch_mask, review_scenario
from osmosis_lab.review.tradeoffs import CompanyFigures

__all__ = [
    "AS_PLANNED",
    "CAUTIOUS",
    "Consequences",
    "TradeoffFigures",
    "consequences",
    "review_scenario",
]


@dataclass(frozen=True)
class MatchingFigures:
    """Lesson 01 on the 12 testers x 12 candidates: who is matched, and how well (ranks on
    the fixed reference lists of :func:`~osmosis_lab.review.tradeoffs.reference_side`)."""

    proposers: str
    pairs: tuple[tuple[str, str], ...]
    tester_rank: float
    candidate_rank: float
    unmatched: tuple[str, ...]
    not_in_launch: tuple[str, ...]
    same_either_way: bool


@dataclass(frozen=True)
class ConsentFigures:
    """Lesson 02: the research consents the form collects, people used without signing up,
    and the minors' consents."""

    people_asked: int
    consents: int
    informed: int
    consent_rate: float
    informed_share: float
    wanted_rate: float
    non_users_used: int
    non_users_matched: tuple[str, ...]
    minors: tuple[str, ...]
    minor_uses_without_consent: int
    minor_rule: str


@dataclass(frozen=True)
class PrivacyFigures:
    """Lesson 03: the research export under attack, the error of one published count, and
    the privacy cost (:mod:`osmosis_lab.review.privacy_cost`: an invented model)."""

    mechanism: str
    city: int
    people_in_export: int
    rows_released: int
    k: int | None
    reidentified: int
    health_learned: int
    true_count: int
    published_count: float
    error_bound: float | None
    counts_published: int
    cost: PrivacyLoss

    @property
    def reidentified_share(self) -> float:
        """Share of everyone in the city (the data set) whom the attack names."""
        return self.reidentified / self.city

    @property
    def count_error(self) -> float:
        """How far the published count is from the true one."""
        return abs(self.published_count - self.true_count)


@dataclass(frozen=True)
class TrustFigures:
    """Lesson 04: bad endings under the objective, calibration, and one outage."""

    objective: str
    matches: int
    share_ending_badly: float
    share_ending_badly_other: float
    calibration_error: float
    users: int
    harmed: int
    fallback_took_over: int
    reached_by_human: int


@dataclass(frozen=True)
class TradeoffFigures:
    """The other side of the safeguards (:mod:`osmosis_lab.review.tradeoffs`: invented models):
    what the product gives, what the company holds, and what it pays."""

    couples_doing_well: float
    matches: int
    neural_held: int
    connected_users: int
    company: CompanyFigures


@dataclass(frozen=True)
class Consequences:
    """Every theme's figures for one design."""

    design: LaunchDesign
    matching: MatchingFigures
    consent: ConsentFigures
    privacy: PrivacyFigures
    trust: TrustFigures
    tradeoffs: TradeoffFigures

    @cached_property
    def rows(self) -> tuple[FigureRow, ...]:
        """One :class:`~osmosis_lab.review.figure_rows.FigureRow` per figure, in words.

        Laid out once per design (the design panel's chart, table and sentences all read
        them on every change): plain tuples, so reading them costs no pandas indexing.
        """
        return tuple(FigureRow(*row) for row in figure_rows(self))

    def table(self) -> pd.DataFrame:
        """One row per figure.

        Columns: ``key`` (a short name), ``theme``, ``figure``, ``value``, ``shown``
        (in words), ``better`` ("lower", "higher", or "" when neither is better) and
        ``share`` (True when the value is a share, drawn as a percentage).
        """
        return pd.DataFrame(self.rows, columns=list(FigureRow._fields))


def consequences(
    design: LaunchDesign, scenario: ReviewScenario, *, rng: np.random.Generator
) -> Consequences:
    """Run lessons 01-04's simulations for ``design`` on ``scenario``.

    Parameters
    ----------
    design : LaunchDesign
    scenario : ReviewScenario
        From :func:`review_scenario`.
    rng : numpy.random.Generator
        Spawns one stream per random step; the same seed gives the same figures.

    Returns
    -------
    Consequences
    """
    if not isinstance(design, LaunchDesign):
        raise ReviewError(f"design must be a LaunchDesign (e.g. AS_PLANNED); got {design!r}.")
    if not isinstance(scenario, ReviewScenario):
        raise ReviewError(
            "scenario must come from review_scenario(people, population, public_profiles, pairs)."
        )
    if not isinstance(rng, np.random.Generator):
        raise ReviewError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    form_rng, export_rng, noise_rng, outage_rng = rng.spawn(4)
    matching = _matching(scenario, design)
    return Consequences(
        design=design,
        matching=matching,
        consent=_consent(scenario, design, matching, rng=form_rng),
        privacy=_privacy(scenario, design, rng=export_rng, noise_rng=noise_rng),
        trust=_trust(scenario, design, rng=outage_rng),
        tradeoffs=_tradeoffs(scenario, design),
    )


def _tradeoffs(scenario: ReviewScenario, design: LaunchDesign) -> TradeoffFigures:
    doing_well, matches = tradeoffs.launch_couples(scenario, design)
    held, users = tradeoffs.neural_data_held(scenario, design)
    return TradeoffFigures(
        couples_doing_well=doing_well,
        matches=matches,
        neural_held=held,
        connected_users=users,
        company=tradeoffs.company_side(design),
    )


def _matching(scenario: ReviewScenario, design: LaunchDesign) -> MatchingFigures:
    # who is in the launch, the data read and who proposes decide it: kept per those fields
    key = ("matching", *launch_key(design), design.categories, design.proposers)
    return memo(scenario, key, lambda: _match(scenario, design))


def _match(scenario: ReviewScenario, design: LaunchDesign) -> MatchingFigures:
    side = themes.market_preferences(scenario, design)
    match = themes.stable_match(side, design.proposers)
    other = themes.stable_match(side, "candidates" if design.proposers == "testers" else "testers")
    # ranked on one fixed reference list, so designs that read different data compare fairly
    tester_ranks, candidate_ranks = themes.partner_ranks(match, tradeoffs.reference_side(scenario))
    names, market = scenario.names, scenario.market
    pairs = tuple(
        (names[market.proposers[i]], names[market.reviewers[j]])
        for i, j in enumerate(match)
        if j >= 0
    )
    inside = dict(zip(scenario.people["name"], launch_mask(scenario.people, design), strict=True))
    matched = {name for pair in pairs for name in pair}
    return MatchingFigures(
        proposers=design.proposers,
        pairs=pairs,
        tester_rank=_mean(tester_ranks),
        candidate_rank=_mean(candidate_ranks),
        unmatched=tuple(n for n, ok in inside.items() if ok and n not in matched),
        not_in_launch=tuple(n for n, ok in inside.items() if not ok),
        same_either_way=bool(np.array_equal(match, other)),
    )


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else math.nan


def _consent(scenario, design, matching, *, rng) -> ConsentFigures:
    form = themes.form_research(scenario, design, rng=rng)
    unsigned, found = themes.never_signed_up(scenario, design)
    minors, missing, rule = memo(
        scenario,
        ("minors", *launch_key(design), design.minors),
        lambda: themes.minor_consent(scenario.people, design),
    )
    return ConsentFigures(
        people_asked=themes.FORM_AUDIENCE,
        consents=int(form["consents"]),
        informed=int(form["chosen"]),
        consent_rate=float(form["consent_rate"]),
        informed_share=float(form["informed_share"]),
        wanted_rate=float(form["wanted_rate"]),
        non_users_used=unsigned,
        non_users_matched=tuple(c for _, c in matching.pairs if c in found),
        minors=tuple(minors),
        minor_uses_without_consent=missing,
        minor_rule=rule,
    )


def _privacy(scenario, design, *, rng, noise_rng) -> PrivacyFigures:
    export = themes.research_export(scenario, design, rng=rng, noise_rng=noise_rng)
    return PrivacyFigures(
        mechanism=design.privacy,
        city=scenario.city,
        people_in_export=export["held"],
        rows_released=export["rows"],
        k=export["k"],
        reidentified=export["reidentified"],
        health_learned=export["health_learned"],
        true_count=export["true_count"],
        published_count=float(export["published"]),
        error_bound=export["bound"],
        counts_published=len(counts_published(design)),
        cost=privacy_cost(design, prior=observer_prior(scenario)),
    )


def _trust(scenario, design, *, rng) -> TrustFigures:
    summary = themes.objective_figures(scenario, design)
    other = "wellbeing" if design.objective == "attraction" else "attraction"
    outage = themes.outage_figures(scenario, design, rng=rng)
    # reading no data, nobody is matched: no objective makes a match (nothing to end badly)
    summary = summary.reindex([design.objective, other])
    return TrustFigures(
        objective=design.objective,
        matches=int(summary["matches"].fillna(0)[design.objective]),
        share_ending_badly=float(summary.loc[design.objective, "share_ending_badly"]),
        share_ending_badly_other=float(summary.loc[other, "share_ending_badly"]),
        calibration_error=float(scenario.calibration_error[design.objective]),
        **outage,
    )
