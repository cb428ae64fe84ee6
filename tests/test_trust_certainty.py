"""The app's stated certainty and the category explanations of a match score."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS
from osmosis_lab.data import load_people
from osmosis_lab.errors import TrustError
from osmosis_lab.matching import compatibility_scores
from osmosis_lab.trust import (
    category_contributions,
    explain_contributions,
    overconfidence_sweep,
    stated_certainty,
)

PROPERTY = settings(max_examples=60, deadline=None)
score = st.floats(-2, 3)


# --- stated certainty -------------------------------------------------------------------------


def test_logistic_by_hand():
    # 1 / (1 + e^-2) for sharpness 10, score 0.2 above the midpoint
    assert stated_certainty(0.7) == pytest.approx(1 / (1 + math.exp(-2)))
    assert stated_certainty(0.7, overconfidence=2.0) == pytest.approx(1 / (1 + math.exp(-4)))
    assert stated_certainty(0.3, midpoint=0.3, sharpness=50.0) == 0.5


def test_shapes_are_kept():
    assert isinstance(stated_certainty(0.4), float)
    assert stated_certainty([[0.1, 0.9]]).shape == (1, 2)
    assert stated_certainty(np.array([0.2, 0.8])).shape == (2,)


def test_no_overflow_for_extreme_scores():
    values = stated_certainty([-1e6, 1e6], sharpness=1e3, overconfidence=1e3)
    assert values.tolist() == [0.0, 1.0]


@PROPERTY
@given(score, score, st.floats(0.1, 30), st.floats(0.1, 5))
def test_certainty_rises_with_score(a, b, sharpness, over):
    low, high = sorted((a, b))
    pa = stated_certainty(low, sharpness=sharpness, overconfidence=over)
    pb = stated_certainty(high, sharpness=sharpness, overconfidence=over)
    assert 0.0 <= pa <= pb <= 1.0


@PROPERTY
@given(st.floats(-1, 1), st.floats(0.1, 30), st.floats(1.0, 5))
def test_overconfidence_pushes_away_from_a_coin_flip(d, sharpness, over):
    plain = stated_certainty(0.5 + d, sharpness=sharpness)
    pushed = stated_certainty(0.5 + d, sharpness=sharpness, overconfidence=over)
    assert abs(pushed - 0.5) >= abs(plain - 0.5) - 1e-12
    # symmetric around the midpoint
    mirror = stated_certainty(0.5 - d, sharpness=sharpness, overconfidence=over)
    assert pushed + mirror == pytest.approx(1.0)


def test_sweep_accuracy_is_flat_but_calibration_is_not():
    rng = np.random.default_rng(2019)  # seed stated; the comparison below has a wide margin
    scores = rng.random(3000)
    # outcomes that follow the map with overconfidence 1 exactly: the true rate is the map
    outcome = (rng.random(3000) < stated_certainty(scores, sharpness=4.0)).astype(int)
    table = overconfidence_sweep(scores, outcome, sharpness=4.0, overconfidence=[0.5, 1, 4])
    assert table["accuracy"].nunique() == 1
    errors = table.set_index("overconfidence")["expected_calibration_error"]
    assert errors[1.0] < 0.04  # sampling noise only, 3,000 cases
    assert errors[1.0] < errors[0.5] and errors[1.0] < errors[4.0]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"sharpness": 0}, "sharpness must be above 0"),
        ({"sharpness": math.inf}, "sharpness must be a finite number"),
        ({"overconfidence": -1}, "overconfidence must be above 0"),
        ({"overconfidence": "high"}, "overconfidence must be a finite number"),
        ({"midpoint": math.nan}, "midpoint must hold finite numbers"),
    ],
)
def test_bad_settings(options, words):
    with pytest.raises(TrustError, match=words):
        stated_certainty(0.5, **options)


def test_bad_scores():
    with pytest.raises(TrustError, match="scores is empty"):
        stated_certainty([])
    with pytest.raises(TrustError, match="finite"):
        stated_certainty([0.2, math.inf])
    with pytest.raises(TrustError, match="scores has 2, outcome has 1"):
        overconfidence_sweep([0.1, 0.2], [1])


# --- category contributions ------------------------------------------------------------------


def person(value, **weights):
    row = dict.fromkeys(TRAIT_COLUMNS, value)
    row.update({f"weight_{c}": weights.get(c, 0.25) for c in CATEGORIES})
    return row


def test_contributions_by_hand():
    a = person(0.5, declared=0.4, scraped=0.1, conscious=0.2, subconscious=0.3)
    b = dict(person(0.5), memory_warmth=0.9, memory_conflict=0.1)  # conscious: 1 - (.16+.16)/4
    table = category_contributions(a, b).set_index("category")
    assert table.loc["conscious", "similarity"] == pytest.approx(0.92)
    assert table.loc["conscious", "contribution"] == pytest.approx(0.2 * 0.92)
    assert table.loc["declared", "contribution"] == pytest.approx(0.4)
    assert table["contribution"].sum() == pytest.approx(0.4 + 0.1 + 0.184 + 0.3)
    assert table["share"].sum() == pytest.approx(1.0)
    assert list(table.index[:2]) == ["declared", "subconscious"]  # biggest first


def test_weights_are_renormalised_over_shared_categories():
    a = person(0.5, declared=0.4, scraped=0.1, conscious=0.2, subconscious=0.3)
    b = dict(person(0.5), memory_warmth=0.9, memory_conflict=0.1)
    table = category_contributions(a, b, shared=["conscious", "scraped"]).set_index("category")
    assert table["weight"].to_dict() == pytest.approx({"conscious": 2 / 3, "scraped": 1 / 3})
    assert table["contribution"].sum() == pytest.approx(2 / 3 * 0.92 + 1 / 3)


traits16 = st.lists(st.floats(0, 1), min_size=16, max_size=16)


@PROPERTY
@given(
    traits16,
    traits16,
    st.lists(st.floats(0.01, 1), min_size=4, max_size=4),
    st.sets(st.sampled_from(list(CATEGORIES)), min_size=1),
)
def test_contributions_add_up_to_the_matching_engines_score(xs, ys, ws, shared):
    # an independent computation: the matching engine's matrix formula
    a, b = dict(zip(TRAIT_COLUMNS, xs, strict=True)), dict(zip(TRAIT_COLUMNS, ys, strict=True))
    weights = dict(zip(CATEGORIES, ws, strict=True))
    table = category_contributions(a, b, weights=weights, shared=shared)
    mask = np.array([[c in shared for c in CATEGORIES]] * 2)
    expected = compatibility_scores(np.array([xs, ys]), np.array([ws, ws]), shared=mask)[0, 1]
    assert table["contribution"].sum() == pytest.approx(expected, abs=1e-9)
    assert table["similarity"].between(0, 1).all()
    assert table["contribution"].is_monotonic_decreasing


def test_the_score_is_asymmetric_through_weights():
    a = person(0.2, declared=1.0, scraped=0.0, conscious=0.0, subconscious=0.0)
    b = dict(
        person(0.2, declared=0.0, scraped=0.0, conscious=0.0, subconscious=1.0),
        signal_novelty=1.0,
    )
    ab = category_contributions(a, b)["contribution"].sum()
    ba = category_contributions(b, a)["contribution"].sum()
    assert ab == pytest.approx(1.0) and ba == pytest.approx(1 - 0.64 / 4)


def test_lucas_and_leopold_in_words():
    people = load_people().set_index("name")
    lucas, leopold = people.loc["Lucas Apert"], people.loc["Léopold"]
    table = category_contributions(lucas, leopold)
    # Léopold copies Lucas on every category (up to noise), Lucas weighs subconscious at 0.5
    assert table["category"].iloc[0] == "subconscious"
    assert (table["similarity"] > 0.99).all()
    score = compatibility_scores(people.loc[["Lucas Apert"]], other_traits=people.loc[["Léopold"]])
    assert table["contribution"].sum() == pytest.approx(score.iloc[0, 0])
    words = explain_contributions(table, person="Lucas", other="Léopold")
    assert len(words) == 5
    assert words[0] == "Lucas's score for Léopold is 1.00 (out of 1)."
    assert words[1].startswith("Subconscious signals add 0.50 (50% of the score)")
    assert "almost identical" in words[1] and "weight 0.50" in words[1]


def test_contributions_bad_input():
    a, b = person(0.5), person(0.5)
    with pytest.raises(TrustError, match="other has no value for memory_warmth"):
        category_contributions(a, {k: v for k, v in b.items() if k != "memory_warmth"})
    no_weights = {k: v for k, v in a.items() if not k.startswith("weight_")}
    with pytest.raises(TrustError, match="no weight for declared"):
        category_contributions(no_weights, b)
    with pytest.raises(TrustError, match="weights must be 0 or more"):
        category_contributions(a, b, weights=dict.fromkeys(CATEGORIES, -1))
    with pytest.raises(TrustError, match="sum to 0"):
        category_contributions(a, b, weights=dict.fromkeys(CATEGORIES, 0))
    with pytest.raises(TrustError, match="shared must name at least one"):
        category_contributions(a, b, shared=["dreams"])
    with pytest.raises(TrustError, match="shared must name at least one"):
        category_contributions(a, b, shared=[])
    with pytest.raises(TrustError, match="finite"):
        category_contributions(dict(a, memory_warmth=math.nan), b)
    with pytest.raises(TrustError, match="category_contributions"):
        explain_contributions(category_contributions(a, b).drop(columns="share"))


def test_explain_contributions_names_an_unknown_category():
    people = load_people()
    table = category_contributions(people.iloc[0], people.iloc[1]).astype({"category": object})
    table.loc[0, "category"] = np.nan
    with pytest.raises(TrustError, match=r"contributions names unknown categories \[nan\]"):
        explain_contributions(table)


def test_explain_contributions_needs_its_columns():
    people = load_people()
    table = category_contributions(people.iloc[0], people.iloc[1]).drop(columns="share")
    with pytest.raises(TrustError, match=r"contributions lacks the columns \['share'\]"):
        explain_contributions(table)
