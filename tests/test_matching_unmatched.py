"""Why someone is unmatched: the stated reason holds, checked against the lists directly."""

import pytest
from hypothesis import given, settings

from matching_support import all_matchings, two_sided
from osmosis_lab.data import load_people
from osmosis_lab.data.markets import beta_preferences
from osmosis_lab.errors import InvalidPreferences
from osmosis_lab.matching import blocking_pairs, deferred_acceptance, is_stable
from osmosis_lab.matching.unmatched import (
    ALL_PREFERRED_SOMEONE_ELSE,
    LEFT_OUT,
    NO_ACCEPTABLE_PARTNER,
    unmatched_reasons,
)

FAST = settings(max_examples=80, deadline=None)


def _everyone_partner(matching, reviewers):
    partner = dict.fromkeys(reviewers)
    partner.update(matching)
    partner.update({r: p for p, r in matching.items() if r is not None})
    return partner


def _holds(why, matching, proposers, reviewers) -> bool:
    """Recompute the stated reason from the lists alone (independent of the module)."""
    own, others = (proposers, reviewers) if why.side == "proposer" else (reviewers, proposers)
    partner = _everyone_partner(matching, reviewers)
    if partner[why.person] is not None:
        return False
    mutual = [q for q in own[why.person] if why.person in others[q]]
    if why.reason == NO_ACCEPTABLE_PARTNER:
        return not mutual
    preferred = [
        partner[q] is not None and others[q].index(partner[q]) < others[q].index(why.person)
        for q in mutual
    ]
    if why.reason == ALL_PREFERRED_SOMEONE_ELSE:
        return bool(mutual) and all(preferred)
    return why.reason == LEFT_OUT and not all(preferred) and bool(mutual)


def _unmatched(matching, proposers, reviewers):
    partner = _everyone_partner(matching, reviewers)
    return {x for x in [*proposers, *reviewers] if partner[x] is None}


@FAST
@given(two_sided(max_size=6))
def test_every_unmatched_person_in_a_stable_matching_has_a_stable_reason_that_holds(instance):
    proposers, reviewers, _ = instance
    for asking, answering in ((proposers, reviewers), (reviewers, proposers)):
        matching = deferred_acceptance(asking, answering)
        reasons = unmatched_reasons(matching, asking, answering)
        assert {w.person for w in reasons} == _unmatched(matching, asking, answering)
        for why in reasons:
            assert why.reason in (NO_ACCEPTABLE_PARTNER, ALL_PREFERRED_SOMEONE_ELSE)
            assert _holds(why, matching, asking, answering), why


@FAST
@given(two_sided(max_size=3))
def test_in_any_matching_the_reason_holds_and_left_out_means_unstable(instance):
    proposers, reviewers, _ = instance
    for matching in all_matchings(proposers, reviewers):
        reasons = unmatched_reasons(matching, proposers, reviewers)
        blocking = blocking_pairs(matching, proposers, reviewers)
        assert {w.person for w in reasons} == _unmatched(matching, proposers, reviewers)
        for why in reasons:
            assert _holds(why, matching, proposers, reviewers), why
            assert bool(why.willing) == (why.reason == LEFT_OUT)
            for q in why.willing:  # each willing partner really forms a blocking pair
                pair = (why.person, q) if why.side == "proposer" else (q, why.person)
                assert pair in {(b.proposer, b.reviewer) for b in blocking}
        if any(w.reason == LEFT_OUT for w in reasons):
            assert not is_stable(matching, proposers, reviewers)


def test_the_beta_testers_left_alone_are_sofia_and_camille_because_zoe_preferred_yanis():
    testers, candidates = beta_preferences(load_people())
    matching = deferred_acceptance(testers, candidates)
    left = {w.person: w for w in unmatched_reasons(matching, testers, candidates)}
    assert {"Sofia Ricci", "Camille Perrot"} <= set(left)
    for name in ("Sofia Ricci", "Camille Perrot"):
        assert left[name].reason == ALL_PREFERRED_SOMEONE_ELSE
        assert left[name].held == (("Zoé Lemoine", "Yanis Haddou"),)


def test_a_matching_that_pairs_people_who_refuse_each_other_is_refused():
    with pytest.raises(InvalidPreferences, match="does not list the other"):
        unmatched_reasons({"a": "A"}, {"a": ["A"]}, {"A": []})
