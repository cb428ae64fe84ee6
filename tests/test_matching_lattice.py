"""Every stable matching (``all_stable_matchings``) when lists are one-sided.

A name on only one of two lists can never make a pair: deferred acceptance
rejects it, ``is_stable`` ignores it as a blocking pair and refuses it in a
matching. ``all_stable_matchings`` used to look such a pair up in the reviewer's
ranks and raise ``KeyError`` (issue 11, item 10).
"""

from hypothesis import given, settings

from matching_support import brute_stable_matchings, two_sided
from osmosis_lab.matching import all_stable_matchings, deferred_acceptance, is_stable

PROPERTY = settings(max_examples=150, deadline=None)


def test_a_reviewer_who_does_not_list_a_proposer_is_never_their_partner():
    # p1 lists r2 between its best and worst stable partners, but r2 lists only p2:
    # before the fix, placing p1 with r2 looked p1 up in r2's ranks (KeyError: 'p1').
    proposers = {"p1": ["r0", "r2", "r1"], "p2": ["r1", "r0", "r2"]}
    reviewers = {"r0": ["p2", "p1"], "r1": ["p1", "p2"], "r2": ["p2"]}
    assert all_stable_matchings(proposers, reviewers) == [
        {"p1": "r0", "p2": "r1"},
        {"p1": "r1", "p2": "r0"},
    ]


def _one_sided(matching, p_prefs, r_prefs):
    return [
        (p, r)
        for p, r in matching.items()
        if r is not None and (r not in p_prefs[p] or p not in r_prefs[r])
    ]


@PROPERTY
@given(two_sided(max_size=6, complete=False))
def test_every_result_is_stable_mutual_and_the_first_is_proposer_optimal(instance):
    p_prefs, r_prefs, _ = instance
    found = all_stable_matchings(p_prefs, r_prefs)
    assert found, "there is always at least one stable matching (Gale and Shapley 1962)"
    assert found[0] == deferred_acceptance(p_prefs, r_prefs)
    for matching in found:
        assert set(matching) == set(p_prefs)
        assert not _one_sided(matching, p_prefs, r_prefs)
        assert is_stable(matching, p_prefs, r_prefs)
    assert len({tuple(sorted(m.items(), key=str)) for m in found}) == len(found)
    # nothing missed: the brute-force reference (every matching, checked one by one) agrees
    assert len(found) == len(brute_stable_matchings(p_prefs, r_prefs))
