"""Every bad input gives InvalidPreferences with a message saying what and where."""

import numpy as np
import pytest

from osmosis_lab.errors import InvalidPreferences
from osmosis_lab.matching import (
    all_stable_matchings,
    blocking_pairs,
    deferred_acceptance,
    deferred_acceptance_arrays,
    deferred_acceptance_steps,
    is_stable,
    stable_roommates,
)

MEN = {"a": ["A", "B"], "b": ["B", "A"]}
WOMEN = {"A": ["a", "b"], "B": ["b", "a"]}

BAD_TWO_SIDED = [
    ({}, WOMEN, "proposer preferences are empty"),
    (MEN, {}, "reviewer preferences are empty"),
    ([("a", ["A"])], WOMEN, "must be a dict"),
    ({"a": ["A", "Z"], "b": ["B"]}, WOMEN, r"proposer 'a', place 2: unknown name 'Z'"),
    ({"a": ["A", "A"], "b": ["B"]}, WOMEN, r"proposer 'a', place 2: 'A' appears twice"),
    ({"a": ["b"], "b": ["B"]}, WOMEN, r"proposer 'a', place 1: 'b' is on the same side"),
    ({"a": ["a"], "b": ["B"]}, WOMEN, "ranks themselves"),
    ({"a": [["A", "B"]], "b": ["B"]}, WOMEN, r"ranked as equals \(a tie\)"),
    ({"a": {"A": 1, "B": 1}, "b": ["B"]}, WOMEN, r"share a rank \(a tie\)"),
    ({"a": {"A": 1, "B": 2}, "b": ["B"]}, WOMEN, "ranks were given as a mapping"),
    ({"a": "AB", "b": ["B"]}, WOMEN, "must be a list of names"),
    ({1: ["A"], "b": ["B"]}, WOMEN, r"a proposer name must be a non-empty string, got 1 \(int\)"),
    ({"a": [1], "b": ["B"]}, WOMEN, r"proposer 'a', place 1: the entry must be a non-empty"),
    ({"a": ["A"], "": ["B"]}, WOMEN, "non-empty string"),
    (MEN, {"A": ["a", "b"], "B": ["b", "x"]}, r"reviewer 'B', place 2: unknown name 'x'"),
    ({"a": ["a2"], "a2": ["A"]}, {"A": ["a"]}, r"proposer .a., place 1: .a2. is on the same side"),
]


@pytest.mark.parametrize(("proposers", "reviewers", "message"), BAD_TWO_SIDED)
@pytest.mark.parametrize(
    "function", [deferred_acceptance, deferred_acceptance_steps, all_stable_matchings]
)
def test_bad_preferences(function, proposers, reviewers, message):
    with pytest.raises(InvalidPreferences, match=message):
        function(proposers, reviewers)


def test_same_name_on_both_sides():
    with pytest.raises(InvalidPreferences, match="'x' is both a proposer and a reviewer"):
        deferred_acceptance({"x": ["y"], "z": []}, {"x": [], "y": ["x"]})


@pytest.mark.parametrize(
    ("capacities", "message"),
    [
        ({"Z": 2}, "'Z', who is not a reviewer"),
        ({"A": 0}, "seats must be a whole number >= 1"),
        ({"A": 1.5}, "seats must be a whole number"),
        ({"A": True}, "seats must be a whole number"),
        ([("A", 2)], "capacities must be a dict"),
    ],
)
def test_bad_capacities(capacities, message):
    with pytest.raises(InvalidPreferences, match=message):
        deferred_acceptance(MEN, WOMEN, capacities=capacities)


@pytest.mark.parametrize(
    ("matching", "message"),
    [
        ({"a": "Z", "b": "B"}, "'Z', who is not a reviewer"),
        ({"a": "A", "c": "B"}, "names 'c', who is not a proposer"),
        ({"a": "A", "b": "A"}, "gives 'A' 2 partners but 'A' has 1 seat"),
        (["a", "A"], "must be a dict"),
    ],
)
def test_bad_matching(matching, message):
    with pytest.raises(InvalidPreferences, match=message):
        blocking_pairs(matching, MEN, WOMEN)


def test_matching_must_respect_refusals():
    with pytest.raises(InvalidPreferences, match="does not list the other"):
        is_stable({"a": "B"}, {"a": ["A"]}, {"A": ["a"], "B": ["a"]})


def test_all_stable_matchings_refuses_large_instances():
    big_p = {f"p{i}": [] for i in range(13)}
    with pytest.raises(InvalidPreferences, match="at most 12 people per side"):
        all_stable_matchings(big_p, {"r": []})


@pytest.mark.parametrize(
    ("prefs", "message"),
    [
        ({}, "person preferences are empty"),
        ({"a": ["b"], "b": ["a", "a"]}, "appears twice"),
        ({"a": ["b", "z"], "b": ["a"]}, "unknown name 'z'"),
        ({"a": ["a"]}, "ranks themselves"),
        ({"a": [("b", "c")], "b": [], "c": []}, "tie"),
        ({"a": [2]}, "must be a non-empty string"),
    ],
)
def test_bad_roommates(prefs, message):
    with pytest.raises(InvalidPreferences, match=message):
        stable_roommates(prefs)


GOOD = np.array([[0, 1], [1, 0]])


@pytest.mark.parametrize(
    ("proposers", "reviewers", "capacities", "message"),
    [
        (np.array([[0, 0], [1, 0]]), GOOD, None, r"proposer_prefs row 0 lists 0 more than once"),
        (GOOD, np.array([[0, 1], [1, 1]]), None, r"reviewer_prefs row 1 lists 1 more than once"),
        (np.array([[0, 2], [1, 0]]), GOOD, None, r"proposer_prefs\[0, 1\] = 2: there are 2"),
        (GOOD, np.array([[0, -2], [1, 0]]), None, r"reviewer_prefs\[0, 1\] = -2"),
        (np.array([[0.0, 1.0], [1.0, 0.0]]), GOOD, None, "must hold integers"),
        (np.array([[True, False]]), GOOD, None, "must hold integers"),
        (np.array([0, 1]), GOOD, None, "2-D array"),
        (np.zeros((0, 2), dtype=int), GOOD, None, "2-D array"),
        (GOOD, GOOD, np.array([1]), "capacities must be 2 whole numbers"),
        (GOOD, GOOD, np.array([1, 0]), r"capacities\[1\] is below 1"),
    ],
)
def test_bad_arrays(proposers, reviewers, capacities, message):
    with pytest.raises(InvalidPreferences, match=message):
        deferred_acceptance_arrays(proposers, reviewers, capacities=capacities)


def test_errors_are_value_errors_for_generic_code():
    with pytest.raises(ValueError, match="empty"):
        deferred_acceptance({}, {})
