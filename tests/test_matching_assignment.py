"""Maximum total score matching (assignment problem) against brute force."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.errors import InvalidPreferences
from osmosis_lab.matching import max_welfare_matching


def brute_best_total(values):
    n, m = values.shape
    best = 0.0
    for k in range(min(n, m) + 1):
        for rows in itertools.combinations(range(n), k):
            for cols in itertools.permutations(range(m), k):
                total = sum(values[i, j] for i, j in zip(rows, cols, strict=True))
                if not np.isnan(total):
                    best = max(best, total)
    return best


def total(values, match):
    assert len(set(match[match >= 0])) == (match >= 0).sum()  # a column at most once
    return sum(values[i, j] for i, j in enumerate(match) if j >= 0)


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 5),
    st.integers(1, 5),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["positive", "signed", "forbidden"]),
)
def test_total_equals_brute_force_optimum(n, m, seed, kind):
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 10, size=(n, m)).astype(float)
    if kind == "signed":
        values -= 5
    if kind == "forbidden":
        values[rng.random((n, m)) < 0.4] = np.nan
    match = max_welfare_matching(values)
    assert not any(np.isnan(values[i, j]) for i, j in enumerate(match) if j >= 0)
    assert total(values, match) == pytest.approx(brute_best_total(values))


def test_best_total_can_differ_from_everyones_first_choice():
    values = np.array([[10.0, 9.0], [9.0, 1.0]])
    np.testing.assert_array_equal(max_welfare_matching(values), [1, 0])


def test_dataframe_keeps_names():
    table = pd.DataFrame(
        [[1.0, 3.0], [2.0, np.nan]], index=["Ana", "Lucas"], columns=["Simon", "Leopold"]
    )
    assert max_welfare_matching(table) == {"Ana": "Leopold", "Lucas": "Simon"}


def test_larger_square_instance_matches_known_optimum():
    rng = np.random.default_rng(7)
    values = rng.random((60, 60))
    match = max_welfare_matching(values)
    assert sorted(match) == list(range(60))
    # the optimum beats 2,000 random permutations (a weak but independent check)
    assert all(
        total(values, match) >= values[np.arange(60), rng.permutation(60)].sum()
        for _ in range(2000)
    )


@pytest.mark.parametrize("bad", [np.zeros(3), np.zeros((0, 2)), np.array([[1.0, np.inf]])])
def test_bad_scores(bad):
    with pytest.raises(InvalidPreferences, match="scores"):
        max_welfare_matching(bad)
