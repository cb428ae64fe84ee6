"""Seeded statistical tests of randomized response and the Laplace mechanism, and the budget.

Each test states its seed and its tolerance; tolerances are 4 to 5 standard
errors of the Monte Carlo estimate, so a correct implementation fails with
probability well under 1 in 10,000, and an off-by-a-factor bug fails surely.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.errors import BudgetExceeded
from osmosis_lab.privacy import (
    PrivacyBudget,
    estimate_proportion,
    laplace_mechanism,
    posterior_yes,
    randomized_response,
    truth_probability,
)

# ---------------------------------------------------------------- Laplace


@pytest.mark.parametrize(("sensitivity", "epsilon"), [(1, 0.1), (1, 1.0), (2, 0.5), (0.5, 4)])
def test_laplace_noise_has_mean_zero_and_variance_2b2(sensitivity, epsilon):
    # seed 2006; 200,000 draws. sd(mean) = sqrt(2) b / sqrt(n): tolerance 5 of those.
    # The sample variance of Laplace noise has sd ≈ var * sqrt(5 / n) (kurtosis 6): 5 of those.
    n = 200_000
    noisy = laplace_mechanism(
        np.full(n, 40.0), sensitivity=sensitivity, epsilon=epsilon, rng=np.random.default_rng(2006)
    )
    noise = noisy - 40.0
    b = sensitivity / epsilon
    variance = 2 * b**2
    assert abs(noise.mean()) < 5 * math.sqrt(variance / n)
    assert abs(noise.var() - variance) < 5 * variance * math.sqrt(5 / n)


def test_laplace_neighbouring_counts_are_hard_to_tell_apart():
    # The ε-DP guarantee itself, checked on intervals: seed 2019, 400,000 draws per
    # count; P(output in bin | 100) <= e^ε P(output in bin | 101), 10% slack for sampling.
    epsilon, n = 0.5, 400_000
    rng = np.random.default_rng(2019)
    a = laplace_mechanism(np.full(n, 100.0), sensitivity=1, epsilon=epsilon, rng=rng)
    b = laplace_mechanism(np.full(n, 101.0), sensitivity=1, epsilon=epsilon, rng=rng)
    edges = np.arange(94, 108, 1.0)
    pa = np.histogram(a, edges)[0] / n
    pb = np.histogram(b, edges)[0] / n
    ratio = np.maximum(pa / pb, pb / pa)
    assert ratio.max() <= math.exp(epsilon) * 1.10
    assert ratio.max() > math.exp(epsilon) * 0.9, "far from the bound: is the scale too large?"


def test_laplace_scalar_in_scalar_out_and_seeded():
    first = laplace_mechanism(10, sensitivity=1, epsilon=1, rng=np.random.default_rng(5))
    again = laplace_mechanism(10, sensitivity=1, epsilon=1, rng=np.random.default_rng(5))
    assert isinstance(first, float)
    assert first == again
    assert first != 10


# ---------------------------------------------------------------- randomized response


def test_truth_probability_and_deniability():
    assert truth_probability(epsilon=math.log(3)) == pytest.approx(0.75)
    assert truth_probability(epsilon=1000) == pytest.approx(1.0)
    for eps in (0.1, 1, 3):
        p = truth_probability(epsilon=eps)
        assert p / (1 - p) == pytest.approx(math.exp(eps))
        # odds move by exactly e^eps from any prior
        post = posterior_yes(True, prior=0.3, epsilon=eps)
        assert (post / (1 - post)) / (0.3 / 0.7) == pytest.approx(math.exp(eps))
    assert posterior_yes(True, prior=0, epsilon=2) == 0
    assert posterior_yes(False, prior=1, epsilon=2) == 1


def test_randomized_response_flips_at_the_stated_rate():
    # seed 1965; 100,000 respondents; binomial sd = sqrt(p(1-p)/n): tolerance 5 of those.
    n, eps = 100_000, 1.0
    truths = np.arange(n) % 2 == 0
    answers = randomized_response(truths, epsilon=eps, rng=np.random.default_rng(1965))
    p = truth_probability(epsilon=eps)
    assert answers.dtype == bool and answers.shape == truths.shape
    assert abs((answers == truths).mean() - p) < 5 * math.sqrt(p * (1 - p) / n)
    # lies are independent of the truth
    assert abs(answers[truths].mean() - p) < 5 * math.sqrt(p * (1 - p) / (n / 2))
    assert abs(answers[~truths].mean() - (1 - p)) < 5 * math.sqrt(p * (1 - p) / (n / 2))


def test_randomized_response_accepts_zeros_and_ones():
    answers = randomized_response([0, 1, 1], epsilon=50, rng=np.random.default_rng(0))
    assert answers.tolist() == [False, True, True]


def _surveys(share, n, epsilon, repeats, seed, *, sample, confidence=0.95):
    """Repeat a survey of n people; with sample=True each survey draws new people."""
    rng = np.random.default_rng(seed)
    fixed = np.arange(n) < round(share * n)
    out = []
    for _ in range(repeats):
        truths = rng.random(n) < share if sample else fixed
        answers = randomized_response(truths, epsilon=epsilon, rng=rng)
        out.append(estimate_proportion(answers, epsilon=epsilon, confidence=confidence))
    return out


@pytest.mark.parametrize(("share", "epsilon"), [(0.1, 0.5), (0.3, 1.0), (0.5, 3.0)])
def test_estimator_is_unbiased_for_a_fixed_group(share, epsilon):
    # seed 1965, the same 200 people surveyed 3,000 times: only the coins vary, so one
    # estimate has sd sqrt(p(1-p)/n) / (2p-1). Tolerance: 4 sd / sqrt(3000); spread within 10%.
    n, repeats = 200, 3000
    surveys = _surveys(share, n, epsilon, repeats, seed=1965, sample=False)
    estimates = np.array([e.estimate for e in surveys])
    p = truth_probability(epsilon=epsilon)
    sd = math.sqrt(p * (1 - p) / n) / (2 * p - 1)
    assert abs(estimates.mean() - share) < 4 * sd / math.sqrt(repeats)
    assert estimates.std() == pytest.approx(sd, rel=0.1)


@pytest.mark.parametrize(("share", "epsilon"), [(0.1, 0.5), (0.3, 1.0), (0.5, 3.0)])
def test_estimator_is_unbiased_for_a_sampled_group_and_its_se_is_right(share, epsilon):
    # seed 1966, 3,000 random samples of 200 from a population with this share (Warner's
    # setting): sd = sqrt(λ(1-λ)/n) / (2p-1). Tolerances as above; mean reported SE within 5%.
    n, repeats = 200, 3000
    surveys = _surveys(share, n, epsilon, repeats, seed=1966, sample=True)
    estimates = np.array([e.estimate for e in surveys])
    p = truth_probability(epsilon=epsilon)
    rate = p * share + (1 - p) * (1 - share)
    sd = math.sqrt(rate * (1 - rate) / n) / (2 * p - 1)
    assert abs(estimates.mean() - share) < 4 * sd / math.sqrt(repeats)
    assert estimates.std() == pytest.approx(sd, rel=0.1)
    assert np.mean([e.standard_error for e in surveys]) == pytest.approx(sd, rel=0.05)


@pytest.mark.parametrize(("confidence", "epsilon"), [(0.95, 1.0), (0.9, 2.0), (0.95, 0.5)])
def test_interval_covers_the_truth_at_the_stated_rate(confidence, epsilon):
    # seed 1965, 2,000 random samples of 500 from a population whose true share is 0.3:
    # coverage within 0.025 of the confidence (about 4 binomial sds of 2,000 trials).
    surveys = _surveys(0.3, 500, epsilon, 2000, seed=1965, sample=True, confidence=confidence)
    covered = np.mean([s.low <= 0.3 <= s.high for s in surveys])
    assert abs(covered - confidence) < 0.025


def test_interval_is_conservative_for_a_fixed_group():
    # seed 7: the same 500 people, only the coins vary; the interval is built for a
    # sample from a population, so for this fixed group it covers at least as often.
    surveys = _surveys(0.3, 500, 1.0, 1000, seed=7, sample=False)
    assert np.mean([s.low <= 0.3 <= s.high for s in surveys]) >= 0.95


def test_estimate_by_hand():
    # p = 0.75: 60 "yes" of 100 means (0.6 - 0.25) / 0.5 = 0.7
    est = estimate_proportion([True] * 60 + [False] * 40, epsilon=math.log(3))
    assert est.estimate == pytest.approx(0.7)
    assert est.standard_error == pytest.approx(math.sqrt(0.6 * 0.4 / 100) / 0.5)
    assert est.n == 100 and est.confidence == 0.95


@settings(max_examples=150, deadline=None)
@given(
    yes=st.integers(0, 60),
    no=st.integers(0, 60),
    epsilon=st.floats(0.01, 8),
    confidence=st.floats(0.5, 0.999),
)
def test_interval_is_ordered_and_inside_unit(yes, no, epsilon, confidence):
    if yes + no == 0:
        return
    est = estimate_proportion([True] * yes + [False] * no, epsilon=epsilon, confidence=confidence)
    assert 0 <= est.low <= est.high <= 1
    assert 0 <= est.clipped <= 1
    assert est.standard_error >= 0


def test_interval_never_collapses_when_every_answer_is_no():
    est = estimate_proportion([False] * 10, epsilon=1.0)
    # no "yes" at all although a quarter of answers are expected to be lies: the truth is
    # near 0, but the interval still has width
    assert est.low == 0 < est.high


# ---------------------------------------------------------------- budget


def test_budget_adds_up_and_refuses_past_the_total():
    budget = PrivacyBudget(total=1.0)
    for i in range(10):
        budget = budget.spend(0.1, query=f"count {i}")
    assert budget.spent == pytest.approx(1.0)
    assert len(budget.queries) == 10
    with pytest.raises(BudgetExceeded, match=r"'count 10' needs epsilon = 0\.1 but only 0 of"):
        budget.spend(0.1, query="count 10")
    assert len(budget.queries) == 10, "a refused query must not be charged"


def test_budget_message_says_what_to_do():
    budget = PrivacyBudget(total=2).spend(1.5, query="age bands")
    with pytest.raises(BudgetExceeded) as info:
        budget.spend(1, query="health by arrondissement")
    message = str(info.value)
    assert "needs epsilon = 1 but only 0.5" in message
    assert "1.5 spent on 1 query" in message
    assert "add up" in message
    assert budget.can_spend(0.5) and not budget.can_spend(0.6)


@settings(max_examples=100, deadline=None)
@given(costs=st.lists(st.floats(0.01, 1.0), max_size=20), total=st.floats(0.1, 5))
def test_budget_never_goes_over(costs, total):
    budget = PrivacyBudget(total=total)
    for cost in costs:
        try:
            budget = budget.spend(cost)
        except BudgetExceeded:
            assert budget.spent + cost > total
    assert budget.spent <= total * (1 + 1e-9)
    assert budget.remaining == pytest.approx(max(0.0, total - budget.spent))
