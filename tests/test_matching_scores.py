"""The soulmate score and preference lists built from it."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.errors import InvalidPreferences, SchemaError
from osmosis_lab.matching import (
    compatibility_scores,
    deferred_acceptance,
    deferred_acceptance_arrays,
    preferences_from_scores,
)


def slow_scores(x, w, s, y, t):
    """The documented definition, one pair at a time."""
    scores = np.full((len(x), len(y)), np.nan)
    for i in range(len(x)):
        for j in range(len(y)):
            usable = [c for c in range(4) if s[i, c] and t[j, c] and w[i, c] > 0]
            if not usable:
                continue
            sims = [
                1 - np.mean((x[i, 4 * c : 4 * c + 4] - y[j, 4 * c : 4 * c + 4]) ** 2)
                for c in usable
            ]
            scores[i, j] = np.dot(w[i, usable], sims) / w[i, usable].sum()
    return scores


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(0, 2**32 - 1))
def test_matches_the_definition(n, m, seed):
    rng = np.random.default_rng(seed)
    x, y = rng.random((n, 16)), rng.random((m, 16))
    w = rng.dirichlet(np.ones(4), size=n)
    w[rng.random((n, 4)) < 0.2] = 0.0
    s, t = rng.random((n, 4)) < 0.7, rng.random((m, 4)) < 0.7
    got = compatibility_scores(x, w, shared=s, other_traits=y, other_shared=t)
    np.testing.assert_allclose(got, slow_scores(x, w, s, y, t), atol=1e-12)
    assert np.nanmin(got, initial=0) >= -1e-12 and np.nanmax(got, initial=1) <= 1 + 1e-12


def test_one_group_is_asymmetric_with_nan_diagonal():
    rng = np.random.default_rng(1)
    scores = compatibility_scores(rng.random((5, 16)), rng.dirichlet(np.ones(4), size=5))
    assert np.isnan(np.diag(scores)).all()
    off = ~np.eye(5, dtype=bool)
    assert not np.allclose(scores[off], scores.T[off])


def test_sharing_nothing_means_no_score():
    rng = np.random.default_rng(2)
    shared = np.ones((3, 4), dtype=bool)
    shared[0] = False
    scores = compatibility_scores(rng.random((3, 16)), np.full((3, 4), 0.25), shared=shared)
    assert np.isnan(scores[0]).all() and np.isnan(scores[:, 0]).all()
    assert preferences_from_scores(scores)[0].tolist() == [-1, -1, -1]


def test_dataframe_in_dataframe_out():
    rng = np.random.default_rng(3)
    people = pd.DataFrame(
        rng.random((3, 16)), columns=list(TRAIT_COLUMNS), index=["Ana", "Simon", "Niels"]
    )
    for column in WEIGHT_COLUMNS.values():
        people[column] = 0.25
    shared = pd.DataFrame(True, index=people.index, columns=list(CATEGORIES))
    scores = compatibility_scores(people, shared=shared)
    assert list(scores.index) == list(scores.columns) == ["Ana", "Simon", "Niels"]
    prefs = preferences_from_scores(scores)
    assert set(prefs) == {"Ana", "Simon", "Niels"} and "Ana" not in prefs["Ana"]
    assert len(prefs["Ana"]) == 2


def test_column_order_breaks_ties_visibly():
    scores = np.array([[0.5, 0.9, 0.5, 0.5]])
    assert preferences_from_scores(scores).tolist() == [[1, 0, 2, 3]]


def test_random_tie_break_is_seeded_and_keeps_scores_order():
    scores = np.array([[0.5, 0.9, 0.5, 0.5, np.nan]] * 50)
    first = preferences_from_scores(scores, tie_break="random", rng=np.random.default_rng(4))
    again = preferences_from_scores(scores, tie_break="random", rng=np.random.default_rng(4))
    np.testing.assert_array_equal(first, again)
    assert (first[:, 0] == 1).all() and (first[:, -1] == -1).all()
    assert len({tuple(row) for row in first}) > 1  # ties really are shuffled


def test_pipeline_arrays_and_dicts_agree():
    rng = np.random.default_rng(5)
    n = 30
    a_scores = compatibility_scores(
        rng.random((n, 16)), rng.dirichlet(np.ones(4), size=n), other_traits=rng.random((n, 16))
    )
    b_scores = rng.random((n, n))
    match = deferred_acceptance_arrays(
        preferences_from_scores(a_scores), preferences_from_scores(b_scores)
    )
    to_names = lambda scores, rows, cols: {  # noqa: E731
        r: [c for c in prefs]
        for r, prefs in preferences_from_scores(
            pd.DataFrame(scores, index=rows, columns=cols)
        ).items()
    }
    p_names, r_names = [f"p{i}" for i in range(n)], [f"r{j}" for j in range(n)]
    expected = deferred_acceptance(
        to_names(a_scores, p_names, r_names), to_names(b_scores, r_names, p_names)
    )
    assert [r_names[j] for j in match] == list(expected.values())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"traits": np.zeros((2, 15)), "weights": np.ones((2, 4))}, "16 trait columns"),
        ({"traits": np.full((2, 16), 2.0), "weights": np.ones((2, 4))}, r"\[0, 1\]"),
        ({"traits": np.full((2, 16), np.nan), "weights": np.ones((2, 4))}, "missing"),
        ({"traits": np.zeros((2, 16)), "weights": np.ones((2, 3))}, "one weight per category"),
        ({"traits": np.zeros((2, 16)), "weights": -np.ones((2, 4))}, ">= 0"),
        (
            {"traits": np.zeros((2, 16)), "weights": np.ones((2, 4)), "shared": np.ones((2, 4))},
            "boolean",
        ),
        (
            {"traits": pd.DataFrame({"declared_openness": [0.1]}), "weights": np.ones((1, 4))},
            "lacks trait columns",
        ),
        ({"traits": np.zeros((2, 16))}, "weights are missing"),
    ],
)
def test_bad_score_inputs(kwargs, message):
    with pytest.raises(SchemaError, match=message):
        compatibility_scores(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tie_break": "alphabetical"}, "column_order"),
        ({"tie_break": "random"}, "rng"),
        ({"tie_break": "random", "rng": 3}, "default_rng"),
    ],
)
def test_bad_tie_break(kwargs, message):
    with pytest.raises(InvalidPreferences, match=message):
        preferences_from_scores(np.ones((2, 2)), **kwargs)


def test_text_among_traits_or_weights_is_a_schema_error_not_a_crash():
    from osmosis_lab.data import load_people
    from osmosis_lab.errors import SchemaError
    from osmosis_lab.matching import compatibility_scores

    people = load_people().head(3).astype({"signal_novelty": object, "weight_declared": object})
    people.loc[0, "signal_novelty"] = "high"
    with pytest.raises(SchemaError, match="traits must hold numbers"):
        compatibility_scores(people)
    people.loc[0, "signal_novelty"] = 0.5
    people.loc[1, "weight_declared"] = "a lot"
    with pytest.raises(SchemaError, match="weights must hold numbers"):
        compatibility_scores(people)
