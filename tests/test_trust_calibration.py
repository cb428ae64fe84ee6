"""Calibration tools of osmosis_lab.trust: hand-computed cases, an independent
computation on random data, hypothesis properties and every bad input."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.errors import TrustError
from osmosis_lab.trust import (
    RELIABILITY_COLUMNS,
    band_verdict,
    base_rate_brier_score,
    brier_score,
    calibration_summary,
    expected_calibration_error,
    reliability_table,
    threshold_accuracy,
)

PROPERTY = settings(max_examples=60, deadline=None)


def cases(min_size=1, max_size=40):
    """Pairs (predicted, outcome) of equal length."""
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.tuples(
            st.lists(st.floats(0, 1), min_size=n, max_size=n),
            st.lists(st.integers(0, 1), min_size=n, max_size=n),
        )
    )


# --- hand-computed examples ---------------------------------------------------------------


def test_reliability_table_by_hand():
    # bins of width 0.25: [0, .25) holds .1 and .2; [.5, .75) holds .6; [.75, 1] holds .8, .9, 1.0
    predicted = [0.1, 0.2, 0.6, 0.8, 0.9, 1.0]
    outcome = [0, 1, 0, 1, 1, 0]
    table = reliability_table(predicted, outcome, bins=4)
    assert tuple(table.columns) == RELIABILITY_COLUMNS
    assert table["bin"].tolist() == [0, 2, 3]
    assert table["lower"].tolist() == [0.0, 0.5, 0.75]
    assert table["upper"].tolist() == [0.25, 0.75, 1.0]
    assert table["count"].tolist() == [2, 1, 3]
    assert table["mean_predicted"].tolist() == pytest.approx([0.15, 0.6, 0.9])
    assert table["observed_rate"].tolist() == pytest.approx([0.5, 0.0, 2 / 3])
    assert table["gap"].tolist() == pytest.approx([-0.35, 0.6, 0.9 - 2 / 3])
    # ECE = 2/6 * 0.35 + 1/6 * 0.6 + 3/6 * (0.9 - 2/3)
    expected = (2 * 0.35 + 0.6 + 3 * (0.9 - 2 / 3)) / 6
    assert expected_calibration_error(predicted, outcome, bins=4) == pytest.approx(expected)
    squares = [0.01, 0.64, 0.36, 0.04, 0.01, 1.0]
    assert brier_score(predicted, outcome) == pytest.approx(sum(squares) / 6)


def test_values_on_edges_go_to_the_upper_bin_and_one_to_the_last():
    table = reliability_table([0.0, 0.3, 0.5, 0.7, 1.0], [0, 0, 1, 1, 1], bins=10)
    assert table["bin"].tolist() == [0, 3, 5, 7, 9]
    for row in table.itertuples():
        assert row.lower <= row.mean_predicted <= row.upper


def test_one_bin_is_the_gap_between_means():
    p, y = [0.9, 0.8, 0.3], [1, 0, 0]
    assert expected_calibration_error(p, y, bins=1) == pytest.approx(abs(2.0 / 3 - 1 / 3))


def test_the_overconfident_app_example():
    # The app says 98 % for 50 matches; 20 of them are doing well a year later.
    predicted = [0.98] * 50
    outcome = [1] * 20 + [0] * 30
    assert expected_calibration_error(predicted, outcome) == pytest.approx(0.58)
    assert threshold_accuracy(predicted, outcome) == pytest.approx(0.4)


def test_booleans_are_outcomes():
    assert brier_score([1.0, 0.0], [True, False]) == 0.0


def test_summary_fields():
    summary = calibration_summary([0.9, 0.2], [1, 1], bins=2)
    assert summary == {
        "cases": 2,
        "accuracy": 0.5,
        "expected_calibration_error": pytest.approx(0.45),
        "brier_score": pytest.approx((0.01 + 0.64) / 2),
        "mean_predicted": pytest.approx(0.55),
        "observed_rate": 1.0,
    }


# --- perfect calibration -------------------------------------------------------------------


def test_perfect_calibration_gives_zero():
    # In each bin, the stated probability comes true exactly as often as stated.
    predicted = [0.2] * 5 + [0.6] * 5 + [1.0] * 2
    outcome = [1, 0, 0, 0, 0] + [1, 1, 1, 0, 0] + [1, 1]
    assert expected_calibration_error(predicted, outcome) == pytest.approx(0.0, abs=1e-12)
    assert reliability_table(predicted, outcome)["gap"].abs().max() == pytest.approx(0, abs=1e-12)


@PROPERTY
@given(st.lists(st.integers(0, 1), min_size=1, max_size=50))
def test_certain_and_right_is_perfect(outcome):
    assert expected_calibration_error(outcome, outcome) == 0.0
    assert brier_score(outcome, outcome) == 0.0
    assert threshold_accuracy(outcome, outcome) == 1.0


@PROPERTY
@given(st.integers(1, 10), st.integers(1, 10), st.integers(1, 20))
def test_a_constant_forecast_equal_to_the_base_rate_is_calibrated(k, extra, bins):
    m = k + extra
    outcome = [1] * k + [0] * extra
    error = expected_calibration_error([k / m] * m, outcome, bins=bins)
    assert error == pytest.approx(0.0, abs=1e-12)


# --- an independent computation on random data ---------------------------------------------


def _ece_by_loops(predicted, outcome, bins):
    """Textbook ECE with plain Python: bin by int(p * bins), 1.0 in the last bin."""
    groups = {}
    for p, y in zip(predicted, outcome, strict=True):
        groups.setdefault(min(int(p * bins), bins - 1), []).append((p, y))
    total = 0.0
    for members in groups.values():
        confidence = sum(p for p, _ in members) / len(members)
        rate = sum(y for _, y in members) / len(members)
        total += len(members) / len(predicted) * abs(confidence - rate)
    return total


@pytest.mark.parametrize("bins", [1, 3, 10, 15])
def test_matches_an_independent_computation_on_random_data(bins):
    rng = np.random.default_rng(2019)  # seed stated; tolerance: float rounding only
    predicted = rng.random(2000)
    outcome = (rng.random(2000) < predicted**2).astype(int)
    ours = expected_calibration_error(predicted, outcome, bins=bins)
    assert ours == pytest.approx(_ece_by_loops(predicted, outcome, bins), abs=1e-12)
    brier = sum((p - y) ** 2 for p, y in zip(predicted, outcome, strict=True)) / 2000
    assert brier_score(predicted, outcome) == pytest.approx(brier, abs=1e-12)


def test_table_matches_pandas_cut_on_random_data():
    rng = np.random.default_rng(7)
    predicted = rng.random(500)
    outcome = rng.integers(0, 2, 500)
    edges = np.linspace(0, 1, 11)
    frame = pd.DataFrame({"p": predicted, "y": outcome})
    frame["bin"] = pd.cut(frame["p"], edges, right=False, labels=False, include_lowest=True)
    grouped = frame.groupby("bin").agg(mean_p=("p", "mean"), rate=("y", "mean"), n=("y", "size"))
    table = reliability_table(predicted, outcome).set_index("bin")
    assert table.index.tolist() == grouped.index.tolist()
    np.testing.assert_allclose(table["mean_predicted"], grouped["mean_p"])
    np.testing.assert_allclose(table["observed_rate"], grouped["rate"])
    assert table["count"].tolist() == grouped["n"].tolist()


# --- properties -------------------------------------------------------------------------------


@PROPERTY
@given(cases(), st.integers(1, 25))
def test_table_properties(data, bins):
    predicted, outcome = data
    table = reliability_table(predicted, outcome, bins=bins)
    assert table["count"].sum() == len(predicted)
    assert (table["count"] > 0).all()
    assert table["bin"].is_monotonic_increasing and table["bin"].is_unique
    assert table["observed_rate"].between(0, 1).all()
    assert (
        (table["mean_predicted"] >= table["lower"]) & (table["mean_predicted"] <= table["upper"])
    ).all()


@PROPERTY
@given(cases(), st.integers(1, 25))
def test_error_bounds(data, bins):
    predicted, outcome = data
    error = expected_calibration_error(predicted, outcome, bins=bins)
    mean_abs = float(np.mean(np.abs(np.array(predicted) - np.array(outcome))))
    # Binning averages errors before taking |.|: it can hide them, never add them.
    assert 0.0 <= error <= mean_abs + 1e-12
    assert 0.0 <= brier_score(predicted, outcome) <= 1.0


@PROPERTY
@given(cases(min_size=2), st.integers(1, 12), st.randoms(use_true_random=False))
def test_order_of_cases_does_not_matter(data, bins, random):
    predicted, outcome = data
    order = list(range(len(predicted)))
    random.shuffle(order)
    shuffled = ([predicted[i] for i in order], [outcome[i] for i in order])
    a = expected_calibration_error(predicted, outcome, bins=bins)
    b = expected_calibration_error(*shuffled, bins=bins)
    assert a == pytest.approx(b, abs=1e-12)


# --- bad input ----------------------------------------------------------------------------------

ALL_TOOLS = [reliability_table, expected_calibration_error, brier_score, threshold_accuracy]


@pytest.mark.parametrize("tool", ALL_TOOLS)
@pytest.mark.parametrize(
    ("predicted", "outcome", "words"),
    [
        ([], [], "empty"),
        ([0.5, 1.2], [1, 0], "probabilities in [0, 1]"),
        ([-0.1], [1], "probabilities in [0, 1]"),
        ([0.5, math.nan], [1, 0], "finite"),
        ([0.5, 0.5], [1, 0, 1], "predicted has 2, outcome has 3"),
        ([0.5, 0.5], [1, 2], "0 or 1"),
        ([[0.5, 0.5]], [[1, 0]], "one-dimensional"),
        (["high"], [1], "numbers"),
    ],
)
def test_bad_input_is_explained(tool, predicted, outcome, words):
    with pytest.raises(TrustError) as caught:
        tool(predicted, outcome)
    assert words in str(caught.value)


@pytest.mark.parametrize("bins", [0, -3, 2.5, True, "10"])
def test_bad_bins(bins):
    with pytest.raises(TrustError, match="bins must be a whole number from 1 to 1000"):
        reliability_table([0.5], [1], bins=bins)
    with pytest.raises(TrustError, match="bins"):
        expected_calibration_error([0.5], [1], bins=bins)


def test_bad_threshold():
    with pytest.raises(TrustError, match="threshold must be a probability"):
        threshold_accuracy([0.5], [1], threshold=2)


# --- over/underconfidence and the base-rate forecaster -------------------------------------


def test_a_negative_gap_below_half_is_overconfidence():
    """Stating 3 % when 28 % came true is too sure of "no": the sign of the gap does not say."""
    assert band_verdict(0.03, 0.28) == "too sure of no"
    assert band_verdict(0.94, 0.61) == "too sure of yes"
    assert band_verdict(0.34, 0.28) == "not sure enough of no"
    assert band_verdict(0.6, 0.9) == "not sure enough of yes"
    assert band_verdict(0.5, 0.8) == "not sure enough of yes"


@PROPERTY
@given(st.floats(0, 1), st.floats(0, 1))
def test_band_verdicts_mirror_and_mean_too_extreme(stated, observed):
    verdict = band_verdict(stated, observed)
    mirror = band_verdict(1 - stated, 1 - observed)
    swap = {"yes": "no", "no": "yes"}
    on_the_edge = math.isclose(abs(stated - observed), 0.05, abs_tol=1e-9)  # float rounding
    if verdict != "about right" and stated != 0.5 and not on_the_edge:
        *words, side = verdict.split()
        assert mirror == " ".join([*words, swap[side]])
    if verdict.startswith("too sure"):  # further from 50 % than what happened, on its side
        assert abs(stated - 0.5) > abs(observed - 0.5) or (stated - 0.5) * (observed - 0.5) < 0


@PROPERTY
@given(st.lists(st.integers(0, 1), min_size=1, max_size=40))
def test_the_base_rate_forecaster_is_calibrated_and_scores_rate_times_one_minus_rate(outcome):
    rate = float(np.mean(outcome))
    constant = [rate] * len(outcome)
    assert expected_calibration_error(constant, outcome) == pytest.approx(0, abs=1e-12)
    assert base_rate_brier_score(outcome) == pytest.approx(brier_score(constant, outcome))
    assert base_rate_brier_score(outcome) == pytest.approx(rate * (1 - rate))


def test_band_verdict_refuses_what_is_not_a_probability():
    with pytest.raises(TrustError, match="stated must be a probability"):
        band_verdict(1.5, 0.2)
