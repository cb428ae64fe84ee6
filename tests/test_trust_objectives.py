"""Attraction versus wellbeing: the same matching under two objectives."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from osmosis_lab.errors import TrustError
from osmosis_lab.trust import OBJECTIVES, match_under_objectives, objective_summary

PROPERTY = settings(max_examples=40, deadline=None)


def brute_force(scores):
    """Maximum-total matching of a square table by trying every assignment (small n only)."""
    n = scores.shape[0]
    usable = np.nan_to_num(scores, nan=0.0)  # NaN: ruled out, worth no more than staying alone
    return list(max(itertools.permutations(range(n)), key=lambda p: usable[range(n), p].sum()))


def test_worked_example_three_by_three():
    attraction = pd.DataFrame(
        [[0.95, 0.70, 0.60], [0.50, 0.80, 0.40], [0.30, 0.60, 0.90]],
        index=["Lucas", "Ana", "Niels"],
        columns=["Léopold", "Antoine", "Simon"],
    )
    wellbeing = pd.DataFrame(
        [[0.10, 0.85, 0.50], [0.40, 0.50, 0.90], [0.30, 0.60, 0.40]],
        index=attraction.index,
        columns=attraction.columns,
    )
    matches = match_under_objectives(attraction, wellbeing, matcher=brute_force)
    by_attraction = matches[matches["objective"] == "attraction"].set_index("person")["match"]
    by_wellbeing = matches[matches["objective"] == "wellbeing"].set_index("person")["match"]
    assert by_attraction.to_dict() == {"Lucas": "Léopold", "Ana": "Antoine", "Niels": "Simon"}
    # wellbeing totals: L-A .85 + A-S .90 + N-L .30 = 2.05 beats every other assignment
    assert by_wellbeing.to_dict() == {"Lucas": "Antoine", "Ana": "Simon", "Niels": "Léopold"}
    summary = objective_summary(matches)
    assert list(summary.index) == list(OBJECTIVES)
    assert summary.loc["attraction", "share_ending_badly"] == pytest.approx((0.9 + 0.5 + 0.6) / 3)
    assert summary.loc["wellbeing", "share_ending_badly"] == pytest.approx((0.15 + 0.1 + 0.7) / 3)
    assert summary.loc["attraction", "mean_attraction"] == pytest.approx((0.95 + 0.8 + 0.9) / 3)


def test_ruled_out_pairs_are_never_matched():
    attraction = np.array([[0.9, 0.1], [0.8, 0.2]])
    wellbeing = np.full((2, 2), 0.5)
    allowed = np.array([[True, True], [False, True]])
    matches = match_under_objectives(attraction, wellbeing, allowed=allowed, matcher=brute_force)
    pairs = set(zip(matches["person"], matches["match"], strict=True))
    assert (1, 0) not in pairs
    assert len(matches[matches["objective"] == "attraction"]) == 2


def test_a_person_with_nobody_allowed_stays_unmatched():
    allowed = np.array([[True, True], [False, False]])
    matches = match_under_objectives(
        np.ones((2, 2)), np.full((2, 2), 0.5), allowed=allowed, matcher=brute_force
    )
    assert matches["person"].tolist() == [0, 0]


def test_matcher_results_as_mappings_and_minus_one():
    def as_mapping(scores):
        return {0: 1, 1: None}

    def with_minus_one(scores):
        return [1, -1]

    for matcher in (as_mapping, with_minus_one):
        matches = match_under_objectives(np.eye(2), np.full((2, 2), 0.5), matcher=matcher)
        assert matches[["person", "match"]].values.tolist() == [[0, 1], [0, 1]]


@PROPERTY
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            arrays(float, (n, n), elements=st.floats(0, 1)),
            arrays(float, (n, n), elements=st.floats(0, 1)),
        )
    )
)
def test_optimising_wellbeing_never_ends_worse(tables):
    attraction, wellbeing = tables
    summary = objective_summary(match_under_objectives(attraction, wellbeing, matcher=brute_force))
    ends = summary["share_ending_badly"]
    assert ends["wellbeing"] <= ends["attraction"] + 1e-12
    attraction_mean = summary["mean_attraction"]
    assert attraction_mean["attraction"] >= attraction_mean["wellbeing"] - 1e-12


@pytest.mark.parametrize(
    ("attraction", "wellbeing", "kwargs", "words"),
    [
        ([[0.5]], [[0.5, 0.5]], {}, r"attraction is \(1, 1\) but wellbeing is \(1, 2\)"),
        ([[0.5]], [[1.5]], {}, r"wellbeing must hold probabilities in \[0, 1\]"),
        ([], [], {}, "non-empty 2-D table"),
        ([0.5, 0.5], [0.5, 0.5], {}, "non-empty 2-D table"),
        ([[np.nan]], [[0.5]], {}, "missing or infinite"),
        ([["a"]], [[0.5]], {}, "table of numbers"),
        ([[0.5]], [[0.5]], {"allowed": [[True, False]]}, r"allowed is \(1, 2\)"),
        ([[0.5]], [[0.5]], {"matcher": lambda s: [0, 0]}, "the matcher returned 2 rows"),
    ],
)
def test_bad_input(attraction, wellbeing, kwargs, words):
    kwargs.setdefault("matcher", brute_force)
    with pytest.raises(TrustError, match=words):
        match_under_objectives(attraction, wellbeing, **kwargs)


@PROPERTY
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.tuples(
            arrays(float, (n, n), elements=st.floats(0, 1)),
            arrays(float, (n, n), elements=st.floats(0, 1)),
            arrays(bool, (n, n)),
        )
    )
)
def test_the_default_matcher_agrees_with_brute_force_on_totals(tables):
    attraction, wellbeing, allowed = tables
    ours = match_under_objectives(attraction, wellbeing, allowed=allowed)
    brute = match_under_objectives(attraction, wellbeing, allowed=allowed, matcher=brute_force)
    for objective, column in zip(OBJECTIVES, ("attraction", "wellbeing"), strict=True):
        total = ours.loc[ours["objective"] == objective, column].sum()
        best = brute.loc[brute["objective"] == objective, column].sum()
        assert total == pytest.approx(best, abs=1e-9)


def test_objective_summary_needs_its_columns():
    matches = match_under_objectives(np.eye(3), np.eye(3)).drop(columns="objective")
    with pytest.raises(TrustError, match=r"matches lacks the columns \['objective'\]"):
        objective_summary(matches)


def test_objective_summary_names_a_non_numeric_measure():
    matches = match_under_objectives(np.eye(3), np.eye(3)).astype({"wellbeing": object})
    matches.loc[matches.index[0], "wellbeing"] = "junk"
    with pytest.raises(TrustError, match="'wellbeing' must hold finite numbers"):
        objective_summary(matches)
