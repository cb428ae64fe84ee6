"""privacy_loss: the worst case a total epsilon allows for one person, as odds (lessons 03, 05)."""

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy import (
    DENIABLE_ODDS,
    PrivacyLoss,
    posterior_yes,
    privacy_loss,
    truth_probability,
)

epsilons = st.floats(min_value=0, max_value=2000, allow_nan=False)
priors = st.floats(min_value=1e-6, max_value=1 - 1e-6)


def bayes_worst_case(epsilon: float, prior: float) -> float:
    """The bound as the docstring writes it (for moderate ε, where e^ε is a safe float)."""
    odds = math.exp(epsilon)
    return odds * prior / (odds * prior + 1 - prior)


@given(a=epsilons, b=epsilons, prior=priors)
def test_posterior_never_falls_as_epsilon_grows(a, b, prior):
    low, high = sorted((a, b))
    assert privacy_loss([low], prior=prior).posterior <= privacy_loss([high], prior=prior).posterior


@given(eps=epsilons, p=priors, q=priors)
def test_posterior_never_falls_as_the_prior_grows(eps, p, q):
    low, high = sorted((p, q))
    assert privacy_loss([eps], prior=low).posterior <= privacy_loss([eps], prior=high).posterior


@given(prior=priors)
def test_nothing_spent_leaves_the_prior_unchanged(prior):
    loss = privacy_loss([0.0, 0.0], prior=prior)
    assert loss.epsilon == 0 and loss.odds_factor == 1
    assert loss.posterior == prior


@given(a=epsilons, b=epsilons, prior=priors)
def test_composition_is_the_sum_of_the_epsilons(a, b, prior):
    apart, together = privacy_loss([a, b], prior=prior), privacy_loss([a + b], prior=prior)
    assert apart.epsilon == pytest.approx(together.epsilon, rel=1e-15)
    assert apart.posterior == pytest.approx(together.posterior, rel=1e-12)


@given(eps=st.floats(min_value=0, max_value=30), prior=priors)
def test_the_posterior_is_bayes_with_the_largest_likelihood_ratio(eps, prior):
    loss = privacy_loss([eps], prior=prior)
    assert loss.posterior == pytest.approx(bayes_worst_case(eps, prior), rel=1e-9)
    assert loss.posterior >= prior


@given(eps=st.floats(min_value=0.01, max_value=10), prior=priors)
def test_randomized_response_reaches_the_bound_exactly(eps, prior):
    # One yes/no answer: P(yes | truly yes) = p, P(yes | truly no) = 1 - p, from the mechanism.
    # Up to ε = 10, 1 - p keeps 11 good digits in a float, so rel=1e-9 is a fair tolerance.
    p = truth_probability(epsilon=eps)
    loss = privacy_loss([eps], prior=prior)
    assert p / (1 - p) == pytest.approx(loss.odds_factor, rel=1e-9)
    heard_yes = p * prior / (p * prior + (1 - p) * (1 - prior))
    assert heard_yes == pytest.approx(loss.posterior, rel=1e-9)
    assert posterior_yes(True, prior=prior, epsilon=eps) == pytest.approx(loss.posterior, rel=1e-9)


@given(eps=st.floats(min_value=700, max_value=1e300), prior=priors)
def test_huge_epsilon_neither_overflows_nor_pretends(eps, prior):
    loss = privacy_loss([eps, eps], prior=prior)
    assert prior <= loss.posterior <= 1
    assert loss.odds_words() == "more than a million times"
    assert "could, in the worst case, now think it is" in loss.sentence()


def test_a_sum_past_the_float_range_is_no_bound():
    loss = privacy_loss([1e308, 1e308], prior=0.1)
    assert math.isinf(loss.epsilon) and loss.posterior == 1.0


def test_e_to_the_10_is_said_as_22_thousand_times():
    loss = privacy_loss([10.0], prior=0.1)
    assert loss.odds_factor == pytest.approx(22026.47, rel=1e-6)
    assert loss.odds_words() == "22,026 times"
    assert "more than 99 in 100" in loss.sentence("Ana", "lives with depression")


def test_sentence_quotes_the_computed_numbers():
    loss = privacy_loss([1.0, 1.3], prior=0.1)
    assert loss.sentence("Ana", "has a secret relationship") == (
        "An observer who thought there was a 10 in 100 chance that Ana has a secret "
        "relationship could, in the worst case, now think it is "
        f"{math.ceil(100 * loss.posterior)} in 100 ({100 * loss.posterior:.1f} rounded up): the "
        f"odds can grow up to {loss.odds_factor:.1f} times (epsilon = 2.3 in total)."
    )


def test_no_guarantee_is_infinite_epsilon_and_certainty():
    loss = privacy_loss([1.0, math.inf], prior=0.2)
    assert loss == PrivacyLoss(math.inf, 0.2, math.inf, 1.0)
    assert loss.sentence("Ana", "is in the data") == (
        "An observer who thought there was a 20 in 100 chance that Ana is in the data could, in "
        "the worst case, now think it is 100 in 100, because nothing limits it: the release has "
        "no differential-privacy guarantee."
    )


def test_the_coin_round_at_ln_3_is_exactly_at_the_deniable_limit():
    loss = privacy_loss([math.log(3)], prior=0.5)
    assert loss.deniable and loss.posterior_words() == "75 in 100"


@given(eps=st.floats(min_value=0, max_value=50))
def test_deniable_means_an_even_prior_ends_at_most_three_in_four(eps):
    loss = privacy_loss([eps], prior=0.5)
    assert loss.deniable == (eps <= math.log(DENIABLE_ODDS))
    if loss.deniable:
        assert loss.posterior <= 0.75 + 1e-12
    else:
        assert loss.posterior >= 0.75  # a float may tie at the limit itself


@pytest.mark.parametrize(
    ("spent", "prior", "message"),
    [
        ([-0.1], 0.5, "cannot be negative"),
        ([math.nan], 0.5, "must be a number"),
        ([True], 0.5, "must be a number"),
        (["1"], 0.5, "must be a number"),
        ([], 0.5, "is empty"),
        (1.0, 0.5, "must be a list"),
        ("1", 0.5, "must be a list"),
        ([1.0], 0.0, "strictly between 0 and 1"),
        ([1.0], 1.0, "strictly between 0 and 1"),
        ([1.0], math.nan, "strictly between 0 and 1"),
        ([1.0], 1.5, "strictly between 0 and 1"),
        ([1.0], True, "strictly between 0 and 1"),
    ],
)
def test_bad_input_says_what_to_do(spent, prior, message):
    with pytest.raises(PrivacyError, match=message):
        privacy_loss(spent, prior=prior)


@given(eps=st.floats(min_value=0, max_value=20), prior=priors)
def test_a_worst_case_is_bare_only_when_nothing_was_rounded(eps, prior):
    """Lesson 03's one way of writing a worst case: never below the truth, and says when rounded."""
    loss = privacy_loss([eps], prior=prior)
    words = loss.worst_case_words()
    assert words.startswith(loss.posterior_words())  # the same rounding rule: up
    whole = re.fullmatch(r"(\d+) in 100", words)
    if whole:
        assert int(whole.group(1)) == round(100 * loss.posterior, 9)
    elif not words.startswith(("more than", "less than")):
        shown = re.fullmatch(r"(\d+) in 100 \(([0-9.]+) rounded up\)", words)
        assert shown, words
        assert (
            float(shown.group(2)) <= int(shown.group(1)) and not float(shown.group(2)).is_integer()
        )
