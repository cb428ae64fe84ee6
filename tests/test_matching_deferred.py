"""Deferred acceptance: stability, optimality, arrays = dicts, and the event story."""

import numpy as np
import pytest
from hypothesis import given, settings

from matching_support import brute_stable, brute_stable_matchings, to_arrays, two_sided
from osmosis_lab.matching import (
    Acceptance,
    Final,
    Proposal,
    Rejection,
    all_stable_matchings,
    blocking_pairs,
    deferred_acceptance,
    deferred_acceptance_arrays,
    deferred_acceptance_steps,
    is_stable,
)

FAST = settings(max_examples=60, deadline=None)

# Gale & Shapley (1962), Example 1: men alpha, beta, gamma rank women A, B, C;
# alpha: A > B > C, beta: B > C > A, gamma: C > A > B; A: beta > gamma > alpha,
# B: gamma > alpha > beta, C: alpha > beta > gamma. Three of the six matchings are stable.
GS_MEN = {"alpha": ["A", "B", "C"], "beta": ["B", "C", "A"], "gamma": ["C", "A", "B"]}
GS_WOMEN = {
    "A": ["beta", "gamma", "alpha"],
    "B": ["gamma", "alpha", "beta"],
    "C": ["alpha", "beta", "gamma"],
}


def rank(prefs, who, partner):
    return len(prefs[who]) if partner is None else prefs[who].index(partner)


def test_gale_shapley_example_1_has_three_stable_matchings():
    men_best = {"alpha": "A", "beta": "B", "gamma": "C"}
    women_best = {"alpha": "C", "beta": "A", "gamma": "B"}
    everyone_second = {"alpha": "B", "beta": "C", "gamma": "A"}
    assert deferred_acceptance(GS_MEN, GS_WOMEN) == men_best
    assert deferred_acceptance(GS_WOMEN, GS_MEN) == {"A": "beta", "B": "gamma", "C": "alpha"}
    assert all_stable_matchings(GS_MEN, GS_WOMEN) == [men_best, everyone_second, women_best]
    assert len(brute_stable_matchings(GS_MEN, GS_WOMEN)) == 3
    unstable = {"alpha": "A", "beta": "C", "gamma": "B"}
    assert not is_stable(unstable, GS_MEN, GS_WOMEN)


@FAST
@given(two_sided())
def test_result_is_stable_and_proposer_optimal_reviewer_pessimal(instance):
    p_prefs, r_prefs, _ = instance
    result = deferred_acceptance(p_prefs, r_prefs)
    stable = brute_stable_matchings(p_prefs, r_prefs)
    assert result in stable
    assert blocking_pairs(result, p_prefs, r_prefs) == []
    holder = {r: p for p, r in result.items() if r is not None}
    for other in stable:
        other_holder = {r: p for p, r in other.items() if r is not None}
        for p in p_prefs:
            assert rank(p_prefs, p, result[p]) <= rank(p_prefs, p, other[p])
        for r in r_prefs:
            assert rank(r_prefs, r, holder.get(r)) >= rank(r_prefs, r, other_holder.get(r))


@FAST
@given(two_sided(max_size=5, with_capacities=True))
def test_with_capacities_stable_and_best_for_every_proposer(instance):
    p_prefs, r_prefs, seats = instance
    result = deferred_acceptance(p_prefs, r_prefs, capacities=seats)
    assert brute_stable(result, p_prefs, r_prefs, seats)
    assert is_stable(result, p_prefs, r_prefs, capacities=seats)
    for other in brute_stable_matchings(p_prefs, r_prefs, seats):
        for p in p_prefs:
            assert rank(p_prefs, p, result[p]) <= rank(p_prefs, p, other[p])


@FAST
@given(two_sided())
def test_all_stable_matchings_agrees_with_brute_force(instance):
    p_prefs, r_prefs, _ = instance
    found = all_stable_matchings(p_prefs, r_prefs)
    expected = brute_stable_matchings(p_prefs, r_prefs)
    key = lambda m: sorted(m.items(), key=str)  # noqa: E731
    assert sorted(found, key=key) == sorted(expected, key=key)
    assert found[0] == deferred_acceptance(p_prefs, r_prefs)
    reviewer_best = deferred_acceptance(r_prefs, p_prefs)
    assert {r: p for p, r in found[-1].items() if r} == {
        r: p for r, p in reviewer_best.items() if p
    }


@FAST
@given(two_sided(max_size=8, with_capacities=True))
def test_arrays_give_the_dict_result(instance):
    p_prefs, r_prefs, seats = instance
    proposers, reviewers, capacities = to_arrays(p_prefs, r_prefs, seats)
    names = list(r_prefs)
    for cap_dict, cap_array in ((None, None), (seats, capacities)):
        expected = deferred_acceptance(p_prefs, r_prefs, capacities=cap_dict)
        match = deferred_acceptance_arrays(proposers, reviewers, capacities=cap_array)
        assert [None if j < 0 else names[j] for j in match] == list(expected.values())
        fast = deferred_acceptance_arrays(
            proposers, reviewers, capacities=cap_array, validate=False
        )
        np.testing.assert_array_equal(fast, match)


def replay(events):
    """Rebuild the tentative pairs from the events alone."""
    pairs = {}
    for event in events:
        if isinstance(event, Acceptance):
            pairs[event.proposer] = event.reviewer
        elif isinstance(event, Rejection) and pairs.get(event.proposer) == event.reviewer:
            del pairs[event.proposer]
        assert dict(event.held) == pairs, event
    return pairs


@FAST
@given(two_sided(with_capacities=True))
def test_events_replay_to_the_result(instance):
    p_prefs, r_prefs, seats = instance
    events = deferred_acceptance_steps(p_prefs, r_prefs, capacities=seats)
    result = deferred_acceptance(p_prefs, r_prefs, capacities=seats)
    assert [e.step for e in events] == list(range(1, len(events) + 1))
    assert isinstance(events[-1], Final) and not any(isinstance(e, Final) for e in events[:-1])
    assert dict(events[-1].matching) == result
    pairs = replay(events)
    assert {p: pairs.get(p) for p in p_prefs} == result
    asked = {p: [] for p in p_prefs}
    for e in events:
        if isinstance(e, Proposal):
            asked[e.proposer].append(e.reviewer)
            assert e.choice == len(asked[e.proposer])
    for p, reviewers in asked.items():  # everyone proposes down their own list, in order
        assert reviewers == p_prefs[p][: len(reviewers)]


def test_steps_tell_the_story_in_words():
    events = deferred_acceptance_steps(GS_WOMEN, GS_MEN)
    assert events[0].text == "A proposes to beta (A's 1st choice)."
    assert events[1].kind == "acceptance"
    assert events[-1].text == "Done: 3 pair(s); unmatched: nobody."


def test_refusal_leaves_people_unmatched():
    testers = {"Lucas": ["Leopold", "Antoine"], "Niels": ["Claire"]}
    candidates = {"Leopold": ["Niels"], "Antoine": ["Lucas"], "Claire": []}
    assert deferred_acceptance(testers, candidates) == {"Lucas": "Antoine", "Niels": None}
    events = deferred_acceptance_steps(testers, candidates)
    reasons = [e.reason for e in events if isinstance(e, Rejection)]
    assert reasons == ["Lucas is not on Leopold's list", "Niels is not on Claire's list"]


def test_blocking_pair_reasons_name_both_sides():
    pairs = blocking_pairs({"alpha": "B", "beta": "A", "gamma": "C"}, GS_MEN, GS_WOMEN)
    assert [(b.proposer, b.reviewer) for b in pairs] == [("beta", "C")]
    assert pairs[0].reason == (
        "beta prefers C (2nd on beta's list) to A (3rd), "
        "and C prefers beta (2nd on C's list) to gamma (3rd)."
    )
    for pair in pairs:
        assert pair.proposer in pair.reason and pair.reviewer in pair.reason
    alone = blocking_pairs({"x": None}, {"x": ["H"]}, {"H": ["x"]})
    assert (
        alone[0].reason == "x is unmatched and has H 1st on their list, and H is unmatched "
        "and has x 1st on their list."
    )
    seat = blocking_pairs(
        {"x": "H", "y": None}, {"x": ["H"], "y": ["H"]}, {"H": ["x", "y"]}, capacities={"H": 2}
    )
    assert "free seat" in seat[0].reason


@pytest.mark.parametrize("n", [1, 50, 300])
def test_arrays_scale_with_random_complete_lists(n):
    rng = np.random.default_rng(n)
    proposers = rng.permuted(np.tile(np.arange(n), (n, 1)), axis=1)
    reviewers = rng.permuted(np.tile(np.arange(n), (n, 1)), axis=1)
    match = deferred_acceptance_arrays(proposers, reviewers)
    assert sorted(match) == list(range(n))  # complete lists: everyone is matched
