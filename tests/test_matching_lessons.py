"""The lesson helpers of the matching engine: scenarios, comparisons, lying, the beta instance."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching_support import brute_stable, two_sided
from osmosis_lab.categories import CATEGORIES
from osmosis_lab.data import load_people
from osmosis_lab.data.markets import beta_preferences
from osmosis_lab.errors import InvalidPreferences, SchemaError
from osmosis_lab.matching import (
    compare,
    deferred_acceptance,
    deferred_acceptance_steps,
    max_welfare_matching,
    scenarios,
)

PEOPLE = load_people()


def rank(prefs, who, partner):
    return len(prefs[who]) if partner is None else prefs[who].index(partner)


@settings(max_examples=60, deadline=None)
@given(two_sided(max_size=5), st.data())
def test_no_proposer_gains_by_any_misreport(instance, data):
    """Dubins and Freedman (1981): truth-telling is a dominant strategy for proposers."""
    p_prefs, r_prefs, _ = instance
    liar = data.draw(st.sampled_from(sorted(p_prefs)))
    lie = data.draw(st.permutations(sorted(r_prefs)))
    lie = list(lie[: data.draw(st.integers(0, len(lie)))])
    truth = deferred_acceptance(p_prefs, r_prefs)[liar]
    after = deferred_acceptance({**p_prefs, liar: lie}, r_prefs)[liar]
    # an unacceptable partner (not on the true list) is worse than being alone
    after_rank = rank(p_prefs, liar, after) if after in p_prefs[liar] or after is None else 99
    assert rank(p_prefs, liar, truth) <= after_rank


@settings(max_examples=60, deadline=None)
@given(two_sided(max_size=5, complete=True), st.data())
def test_truncating_at_the_best_stable_partner_gets_it(instance, data):
    """Gale and Sotomayor (1985): a reviewer can force their reviewer-optimal partner."""
    p_prefs, r_prefs, _ = instance
    liar = data.draw(st.sampled_from(sorted(r_prefs)))
    outcome = compare.lie_outcome(p_prefs, r_prefs, liar, "truncate")
    best = {r: p for r, p in deferred_acceptance(r_prefs, p_prefs).items()}[liar]
    assert outcome.partner_lie == best
    assert outcome.rank_lie is None or outcome.rank_lie <= (outcome.rank_truth or 99)


def test_lie_outcome_on_gale_and_shapley():
    men, women = scenarios.gale_shapley_example()
    swap = compare.lie_outcome(men, women, "alpha", "swap")
    assert swap.reported == ("B", "A", "C")
    assert swap.verdict.startswith("The lie backfired: alpha gets B")
    truth = compare.lie_outcome(men, women, "C", "truth")
    assert truth.verdict == "No change: C gets gamma (3rd) either way."
    assert truth.others_changed == ()


@pytest.mark.parametrize(
    ("liar", "how", "message"),
    [("zeta", "swap", "neither a proposer nor a reviewer"), ("A", "bribe", "how must be one of")],
)
def test_lie_outcome_bad_input(liar, how, message):
    with pytest.raises(InvalidPreferences, match=message):
        compare.lie_outcome(*scenarios.gale_shapley_example(), liar, how)


@settings(max_examples=40, deadline=None)
@given(two_sided(max_size=6))
def test_best_total_points_never_below_the_stable_matching(instance):
    p_prefs, r_prefs, _ = instance
    points = compare.happiness_points(p_prefs, r_prefs)
    best = max_welfare_matching(points)
    stable = deferred_acceptance(p_prefs, r_prefs)
    assert compare.total_points(best, p_prefs, r_prefs) >= compare.total_points(
        stable, p_prefs, r_prefs
    )
    table = compare.partner_ranks(stable, p_prefs, r_prefs)
    assert len(table) == len(p_prefs) + len(r_prefs)
    assert brute_stable(stable, p_prefs, r_prefs)


@settings(max_examples=40, deadline=None)
@given(two_sided(max_size=5))
def test_proposal_grid_ends_with_the_matching_held(instance):
    p_prefs, r_prefs, _ = instance
    events = deferred_acceptance_steps(p_prefs, r_prefs)
    grid = compare.proposal_grid(events, p_prefs, upto=len(events))
    held = set(map(tuple, grid.loc[grid["status"] == "held", ["proposer", "reviewer"]].values))
    assert held == {(p, r) for p, r in deferred_acceptance(p_prefs, r_prefs).items() if r}
    assert "proposing now" not in set(grid["status"])
    start = compare.proposal_grid(events, p_prefs, upto=0)
    assert set(start["status"]) <= {"not asked yet"}


def test_beta_preferences_respect_who_may_meet():
    testers, candidates = beta_preferences(PEOPLE)
    table = PEOPLE.set_index("name")
    for tester, ranking in testers.items():
        for candidate in ranking:
            a, b = table.loc[tester], table.loc[candidate]
            assert (a["age"] < 18) == (b["age"] < 18)
            sought = {"women": "woman", "men": "man", "everyone": b["gender"]}
            assert sought[a["seeking"]] == b["gender"] and sought[b["seeking"]] != "x"
            assert tester in candidates[candidate]
    assert testers["Niels Larson"] == ["Claire"]


def test_beta_preferences_from_the_candidates_side_and_with_consent():
    candidates, testers = beta_preferences(PEOPLE, proposing="candidate")
    assert "Claire" in candidates and "Niels Larson" in testers
    nothing = pd.DataFrame(False, index=["Ana Stern"], columns=list(CATEGORIES))
    testers, candidates = beta_preferences(PEOPLE, shared=nothing)
    assert testers["Ana Stern"] == []
    assert all("Ana Stern" not in ranking for ranking in candidates.values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"proposing": "everyone"}, "proposing must be one of"),
        (
            {"shared": pd.DataFrame(True, index=["Nobody"], columns=list(CATEGORIES))},
            "not in the table",
        ),
    ],
)
def test_beta_preferences_bad_input(kwargs, message):
    with pytest.raises(SchemaError, match=message):
        beta_preferences(PEOPLE, **kwargs)


def test_random_instance_is_seeded():
    a = scenarios.random_instance(6, rng=np.random.default_rng(scenarios.RANDOM_SEED))
    b = scenarios.random_instance(6, rng=np.random.default_rng(scenarios.RANDOM_SEED))
    assert a == b and sorted(a[0]["P1"]) == [f"R{j}" for j in range(1, 7)]
