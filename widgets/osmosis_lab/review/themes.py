"""One function per theme: what a launch design does, computed by the lessons' own engines.

Matching (lesson 01) runs deferred acceptance on the consent engine's market
(lesson 02) with the categories the design reads; consent simulates the form
with ``consent.forms`` and asks ``consent.requirement`` whose consent a minor's
data needs; privacy attacks the research export with ``privacy.linkage_attack``
(lesson 03); trust uses ``trust.match_under_objectives`` and
``trust.simulate_outage`` (lesson 04). Nothing here re-implements them: it
chooses their inputs from the design.

References
----------
Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
Marriage. The American Mathematical Monthly 69(1), 9-15.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.categories import QUASI_IDENTIFIERS
from osmosis_lab.consent import FRANCE, requirement
from osmosis_lab.consent.forms import FORMS, simulate_form
from osmosis_lab.consent.market import consented_preferences, shared_masks
from osmosis_lab.matching import deferred_acceptance_arrays
from osmosis_lab.privacy import (
    beta_export,
    generalise,
    hierarchy_rules,
    k_anonymity,
    laplace_error_bound,
    laplace_mechanism,
    linkage_attack,
    suppress_small_groups,
)
from osmosis_lab.review.design import LaunchDesign
from osmosis_lab.review.kept import launch_key, memo, stream_key
from osmosis_lab.review.scenario import ReviewScenario, launch_mask
from osmosis_lab.trust import match_under_objectives, objective_summary, simulate_outage

#: How many people meet the consent form at launch (a round number for stable shares).
FORM_AUDIENCE = 1000
#: The purposes a launch uses everyone's data for: the app itself and the research export.
PURPOSES_USED = ("matching", "research")
#: The generalised export's coarsening (levels of ``privacy.HIERARCHIES``).
GENERALISED_LEVELS = {"age": 2, "arrondissement": 1, "occupation": 1, "gender": 0}
#: The count the research export is asked for, and how to compute it from rows.
PUBLISHED_COUNT = "people living with depression"


def _count(table: pd.DataFrame) -> int:
    return int((table["health_condition"] == "depression").sum())


@dataclass(frozen=True)
class Side:
    """Both directions of the testers x candidates market, as preference arrays."""

    tester_prefs: np.ndarray
    candidate_prefs: np.ndarray


def market_preferences(scenario: ReviewScenario, design: LaunchDesign) -> Side:
    """Preferences over the categories the design reads, for people in the launch only."""
    market, people = scenario.market, scenario.people
    inside = dict(zip(people["person_id"], launch_mask(people, design), strict=True))
    signed = dict(zip(people["person_id"], people["signed_up"].astype(bool), strict=True))
    shared = {pid: design.categories for pid, ok in inside.items() if ok and signed[pid]}
    sp, sr = shared_masks(market, shared, scrape_unsigned=design.finds_non_users)
    sp &= np.array([inside[p] for p in market.proposers])[:, None]
    sr &= np.array([inside[r] for r in market.reviewers])[:, None]
    return Side(*consented_preferences(market, sp, sr))


def stable_match(side: Side, proposers: str) -> np.ndarray:
    """Deferred acceptance with ``proposers`` proposing; tester i -> candidate or -1."""
    if proposers == "testers":
        return deferred_acceptance_arrays(side.tester_prefs, side.candidate_prefs, validate=False)
    by_candidate = deferred_acceptance_arrays(
        side.candidate_prefs, side.tester_prefs, validate=False
    )
    match = np.full(len(side.tester_prefs), -1)
    for j, i in enumerate(by_candidate):
        if i >= 0:
            match[i] = j
    return match


def partner_ranks(match: np.ndarray, side: Side) -> tuple[np.ndarray, np.ndarray]:
    """Rank (1 = first choice) of each matched tester's partner, and each matched candidate's.

    >>> side = Side(np.array([[1, 0], [0, 1]]), np.array([[0, 1], [0, 1]]))
    >>> [r.tolist() for r in partner_ranks(np.array([1, 0]), side)]
    [[1, 1], [1, 2]]
    """
    tester, candidate = [], []
    for i, j in enumerate(match):
        if j >= 0:
            tester.append(int(np.flatnonzero(side.tester_prefs[i] == j)[0]) + 1)
            candidate.append(int(np.flatnonzero(side.candidate_prefs[j] == i)[0]) + 1)
    return np.array(tester), np.array(candidate)


def form_figures(design: LaunchDesign, *, rng: np.random.Generator) -> pd.Series:
    """The research row of ``consent.forms.simulate_form`` for the design's form."""
    table = simulate_form(FORM_AUDIENCE, FORMS[design.consent_form], rng=rng)
    return table.loc["research"]


def form_research(scenario: ReviewScenario, design: LaunchDesign, *, rng) -> dict:
    """:func:`form_figures` as plain numbers, kept in ``scenario.memo`` per form and ``rng``'s
    :func:`stream_key` (the same seed gives the same simulated form)."""

    def simulate() -> dict:
        row = form_figures(design, rng=rng)
        return {name: row[name] for name in row.index}

    return memo(scenario, ("form", design.consent_form, stream_key(rng)), simulate)


def never_signed_up(scenario: ReviewScenario, design: LaunchDesign) -> tuple[int, frozenset]:
    """(people in the launch who never signed up, the names of those of the 24 who never did);
    kept in ``scenario.memo`` per :func:`launch_key`."""

    def count() -> tuple[int, frozenset]:
        unsigned = 0
        for table in (scenario.people, scenario.population):
            unsigned += int((launch_mask(table, design) & ~table["signed_up"].astype(bool)).sum())
        people = scenario.people
        return unsigned, frozenset(people.loc[~people["signed_up"].astype(bool), "name"])

    return memo(scenario, ("never signed up", *launch_key(design)), count)


def minor_consent(people: pd.DataFrame, design: LaunchDesign) -> tuple[list[str], int, str]:
    """Minors in the launch, how many of their uses lack a valid consent, and the rule why.

    (``consequences`` keeps its answer per who is in the launch and the minors' policy.)
    """
    inside = people[launch_mask(people, design) & (people["age"].to_numpy() < 18)]
    given = {"parent_only": {"parent"}, "parent_and_assent": {"parent", "self"}}.get(
        design.minors, set()
    )
    missing, rule = 0, ""
    for age in inside["age"]:
        for purpose in PURPOSES_USED:
            needed = requirement(FRANCE, age=int(age), capable=True, purpose=purpose)
            if not needed.satisfied_by(given):
                missing += 1
                rule = rule or needed.rule
    return list(inside["name"]), missing, rule


def research_export(
    scenario: ReviewScenario,
    design: LaunchDesign,
    *,
    rng: np.random.Generator,
    noise_rng: np.random.Generator,
) -> dict:
    """Release the export as the design says, attack it, and publish one count.

    Who is re-identified does not depend on the pseudonyms drawn, so the export,
    its coarsened copy and each attack's result are kept in ``scenario.memo``
    per (who is in the launch, mechanism, k): moving another control, or coming
    back to a setting, does not re-run them.
    """
    inside = launch_key(design)
    mechanism = "dp" if design.privacy == "dp" else (design.privacy, design.k)
    result = dict(
        memo(
            scenario,
            ("attack", inside, mechanism),
            lambda: _attack(scenario, design, inside, rng=rng),
        )
    )
    if design.privacy == "dp":
        result["published"] = laplace_mechanism(
            result["true_count"], sensitivity=1, epsilon=design.epsilon, rng=noise_rng
        )
        result["bound"] = laplace_error_bound(sensitivity=1, epsilon=design.epsilon)
    return result


def connected_users(scenario: ReviewScenario, design: LaunchDesign) -> int:
    """Signed-up people in the launch: the testers and candidates, and the residents.

    Kept in ``scenario.memo`` per :func:`launch_key` (the outage and the neural data read it).
    """

    def count() -> int:
        return sum(
            int((launch_mask(t, design) & t["signed_up"].astype(bool).to_numpy()).sum())
            for t in (scenario.people, scenario.population)
        )

    return memo(scenario, ("connected users", *launch_key(design)), count)


def _export(
    scenario: ReviewScenario, design: LaunchDesign, inside: tuple, *, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.Series]:
    def build():
        people = scenario.people[launch_mask(scenario.people, design)]
        residents = scenario.population[launch_mask(scenario.population, design)]
        return beta_export(people, residents, rng=rng)

    return memo(scenario, ("export", inside), build)


def _attack(
    scenario: ReviewScenario, design: LaunchDesign, inside: tuple, *, rng: np.random.Generator
) -> dict:
    released, key = _export(scenario, design, inside, rng=rng)
    result = {
        "held": len(key),
        "rows": len(released),
        "k": None,
        "reidentified": 0,
        "health_learned": 0,
        "true_count": _count(released),
        "published": float(_count(released)),
        "bound": None,
    }
    if design.privacy == "dp":  # no rows leave: only noisy counts
        return result | {"rows": 0}
    qi, known = list(QUASI_IDENTIFIERS), scenario.known
    if design.privacy == "generalised":
        rules = hierarchy_rules(GENERALISED_LEVELS)
        coarse, known = memo(
            scenario,
            ("coarse", inside),
            lambda: (generalise(released, rules), generalise(known, rules)),
        )
        released = suppress_small_groups(coarse, qi, k=design.k)
        result |= {"rows": len(released), "published": float(_count(released))}
    if released.empty:  # everyone suppressed: nothing to attack
        return result
    attack = linkage_attack(released, known, quasi_identifiers=qi)
    found = attack.reidentified
    right = key.reindex(scenario.ids_by_name.reindex(found.index).to_numpy()).to_numpy()
    learned = attack.facts_learned(released, "health_condition")["health_condition"].dropna()
    truth = scenario.health.reindex(scenario.ids_by_name.reindex(learned.index).to_numpy())
    return result | {
        "k": k_anonymity(released, qi),
        "reidentified": int((right == found.to_numpy()).sum()),
        "health_learned": int((truth.to_numpy() == learned.to_numpy()).sum()),
    }


def objective_figures(scenario: ReviewScenario, design: LaunchDesign) -> pd.DataFrame:
    """``trust.objective_summary`` of the two objectives, for the people in the launch
    (kept in ``scenario.memo``, as the matches it summarises)."""
    return memo(
        scenario,
        ("objective summary", *launch_key(design), tuple(design.categories)),
        lambda: objective_summary(objective_matches(scenario, design)),
    )


def objective_matches(scenario: ReviewScenario, design: LaunchDesign) -> pd.DataFrame:
    """``trust.match_under_objectives`` on the pairs the design's market accepts.

    The market of :func:`stable_match`: a pair may match only if each ranks the other on the
    data read. Reading nothing, no objective matches anyone (w57 read "nobody matched" beside
    "4.0 of 7 matches" from a market that ignored it). Kept in ``scenario.memo``.
    """

    def compute() -> pd.DataFrame:
        allowed = accepted_pairs(market_preferences(scenario, design))
        return match_under_objectives(scenario.attraction, scenario.wellbeing, allowed=allowed)

    key = ("objectives", *launch_key(design), tuple(design.categories))
    return memo(scenario, key, compute)


def accepted_pairs(side: Side) -> np.ndarray:
    """accepted[i, j]: tester i ranks candidate j and candidate j ranks tester i.

    >>> side = Side(np.array([[1, 0], [-1, -1]]), np.array([[0, -1], [0, 1]]))
    >>> accepted_pairs(side).tolist()
    [[True, True], [False, False]]
    """
    testers, candidates = np.arange(len(side.tester_prefs)), np.arange(len(side.candidate_prefs))
    ranks = (side.tester_prefs[:, :, None] == candidates).any(axis=1)  # [tester, candidate]
    ranked = (side.candidate_prefs[:, :, None] == testers).any(axis=1)  # [candidate, tester]
    return ranks & ranked.T


def outage_figures(
    scenario: ReviewScenario, design: LaunchDesign, *, rng: np.random.Generator
) -> dict[str, int]:
    """One outage for the connected users (signed up, in the launch), with the design's
    safeguards, beside the same outage with none (lesson 04's defaults otherwise).

    Kept in ``scenario.memo`` per who is in the launch, the safeguards and ``rng``'s
    :func:`stream_key`: the same seed gives the same outage.
    """
    users = connected_users(scenario, design)
    key = ("outage", users, design.fallback, design.human_contact, stream_key(rng))
    return memo(scenario, key, lambda: _outage(users, design, rng=rng))


def _outage(users: int, design: LaunchDesign, *, rng: np.random.Generator) -> dict[str, int]:
    options = {}
    if not design.fallback:
        options["fallback_success"] = 0.0
    if not design.human_contact:
        options["human_capacity"] = 0
    guarded = design.fallback or design.human_contact
    outcome = simulate_outage(users, rng=rng, fallbacks=guarded, **options).counts()
    return {
        "users": users,
        "harmed": outcome["harmed"],
        "fallback_took_over": outcome["fallback_took_over"],
        "reached_by_human": outcome["reached_by_human"],
    }
