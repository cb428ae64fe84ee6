"""Stable roommates (Irving 1985) against brute force, and the worked examples."""

import pytest
from hypothesis import given, settings

from matching_support import one_population, roommate_matchings, roommates_stable
from osmosis_lab.errors import NoStableMatching
from osmosis_lab.matching import stable_roommates

# Gale & Shapley (1962), Example 3: a, b, c each rank the next first and d last.
NO_STABLE = {"a": ["b", "c", "d"], "b": ["c", "a", "d"], "c": ["a", "b", "d"], "d": ["a", "b", "c"]}


def valid(matching, prefs):
    """Partners list each other (a refusal is never overridden)."""
    return all(y is None or (y in prefs[x] and x in prefs[y]) for x, y in matching.items())


def brute_force(prefs):
    return [
        m for m in roommate_matchings(list(prefs)) if valid(m, prefs) and roommates_stable(m, prefs)
    ]


@settings(max_examples=150, deadline=None)
@given(one_population(max_size=8))
def test_finds_a_stable_matching_exactly_when_one_exists(prefs):
    stable = brute_force(prefs)
    if not stable:
        with pytest.raises(NoStableMatching, match="No stable matching exists"):
            stable_roommates(prefs)
        return
    result = stable_roommates(prefs)
    assert result in stable
    assert all(result[y] == x for x, y in result.items() if y is not None)


def test_gale_shapley_example_3_has_no_stable_matching():
    assert brute_force(NO_STABLE) == []
    with pytest.raises(NoStableMatching) as caught:
        stable_roommates(NO_STABLE)
    message = str(caught.value)
    assert "cycle" in message and "would both rather be together" in message


def test_lucas_antoine_leopold():
    prefs = {
        "Lucas": ["Leopold", "Antoine"],
        "Leopold": ["Lucas", "Antoine"],
        "Antoine": ["Lucas", "Leopold"],
    }
    assert stable_roommates(prefs) == {"Lucas": "Leopold", "Leopold": "Lucas", "Antoine": None}


def test_solvable_four_person_instance():
    prefs = {"a": ["b", "c", "d"], "b": ["a", "d", "c"], "c": ["d", "a", "b"], "d": ["c", "b", "a"]}
    assert stable_roommates(prefs) == {"a": "b", "b": "a", "c": "d", "d": "c"}


def test_refusals_are_mutual():
    prefs = {"a": ["b"], "b": ["c"], "c": ["b", "a"]}
    assert stable_roommates(prefs) == {"a": None, "b": "c", "c": "b"}
