"""Lesson 05: every design's privacy cost comes from privacy.privacy_loss (an invented model)."""

import math
from dataclasses import replace
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab import data
from osmosis_lab.categories import CATEGORIES
from osmosis_lab.privacy import privacy_loss
from osmosis_lab.review import (
    AS_PLANNED,
    CONSENT_FORMS,
    EPSILONS,
    MINOR_POLICIES,
    PRIVACY_MECHANISMS,
    PROPOSERS,
    LaunchDesign,
    consequences,
    review_scenario,
)
from osmosis_lab.review.privacy_cost import (
    counts_published,
    epsilons_spent,
    observer_prior,
    privacy_cost,
)

designs = st.builds(
    LaunchDesign,
    proposers=st.sampled_from(list(PROPOSERS)),
    consent_form=st.sampled_from(list(CONSENT_FORMS)),
    minors=st.sampled_from(list(MINOR_POLICIES)),
    categories=st.sets(st.sampled_from(list(CATEGORIES))),
    search_non_users=st.booleans(),
    privacy=st.sampled_from(list(PRIVACY_MECHANISMS)),
    k=st.integers(1, 50),
    epsilon=st.one_of(st.sampled_from(EPSILONS), st.floats(min_value=1e-3, max_value=1e3)),
    objective=st.sampled_from(["attraction", "wellbeing"]),
    human_contact=st.booleans(),
    fallback=st.booleans(),
)
priors = st.floats(min_value=1e-4, max_value=1 - 1e-4)


@pytest.fixture(scope="module")
def scenario():
    return review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )


def worse_or_equal(a, b) -> bool:
    """Cost ``a`` is at least cost ``b`` in every respect the panel shows."""
    return a.epsilon >= b.epsilon and a.odds_factor >= b.odds_factor and a.posterior >= b.posterior


@given(design=designs, prior=priors, data=st.data())
def test_reading_less_data_never_raises_the_privacy_cost(design, prior, data):
    fewer = data.draw(
        st.sets(st.sampled_from(design.categories)) if design.categories else st.just(set())
    )
    less = replace(design, categories=sorted(fewer))
    assert worse_or_equal(privacy_cost(design, prior=prior), privacy_cost(less, prior=prior))


@given(design=designs, prior=priors, other=st.floats(min_value=1e-3, max_value=1e3))
def test_a_larger_epsilon_never_lowers_the_privacy_cost(design, prior, other):
    low, high = sorted((design.epsilon, other))
    assert worse_or_equal(
        privacy_cost(replace(design, epsilon=high), prior=prior),
        privacy_cost(replace(design, epsilon=low), prior=prior),
    )


@given(design=designs, prior=priors)
def test_the_cost_is_privacy_loss_of_what_the_design_spends(design, prior):
    assert privacy_cost(design, prior=prior) == privacy_loss(epsilons_spent(design), prior=prior)


@settings(max_examples=20)
@given(design=designs.filter(lambda d: d.privacy == "dp"), prior=priors)
def test_reading_subconscious_signals_adds_a_count_and_raises_the_cost(design, prior):
    reading = replace(design, categories=(*design.categories, "subconscious"))
    not_reading = replace(design, categories=[c for c in design.categories if c != "subconscious"])
    assert len(counts_published(reading)) == len(counts_published(not_reading)) + 1
    with_it, without = privacy_cost(reading, prior=prior), privacy_cost(not_reading, prior=prior)
    assert with_it.epsilon == pytest.approx(without.epsilon + design.epsilon)
    assert with_it.posterior >= without.posterior and with_it.odds_factor >= without.odds_factor


@pytest.mark.parametrize("mechanism", ["raw", "generalised"])
def test_rows_have_no_bound_whatever_is_read(mechanism):
    for n in range(len(CATEGORIES) + 1):
        for read in combinations(CATEGORIES, n):
            cost = privacy_cost(replace(AS_PLANNED, privacy=mechanism, categories=read), prior=0.1)
            assert math.isinf(cost.epsilon) and cost.posterior == 1.0


def test_epsilon_10_is_far_from_no_cost(scenario):
    design = replace(AS_PLANNED, privacy="dp", epsilon=10.0)
    figures = consequences(design, scenario, rng=np.random.default_rng(2019))
    cost = figures.privacy.cost
    # five counts (depression + four categories) at 10 each: e^50, far past e^10 ≈ 22,026
    assert cost.epsilon == 50 and cost.odds_factor > math.exp(10) > 22_000
    assert cost.posterior > 0.99
    row = figures.table().set_index("key").loc["privacy_cost"]
    assert row["share"] and row["better"] == "lower"
    # a float rounds e^50's posterior to 1.0; the figure stays below certainty, as its words do
    assert row["value"] == pytest.approx(cost.posterior) and row["value"] < 1
    assert "invented model" in row["figure"]
    assert row["shown"].startswith("9 in 100 → more than 99 in 100 (epsilon 50 = 5 counts × 10")


def test_the_panel_prior_is_the_city_share_living_with_depression(scenario):
    city = pd.concat([data.load_people(), data.load_population()])
    share = float((city["health_condition"] == "depression").mean())
    assert observer_prior(scenario) == share
    for design in (AS_PLANNED, replace(AS_PLANNED, privacy="dp", epsilon=0.5)):
        figures = consequences(design, scenario, rng=np.random.default_rng(1))
        assert figures.privacy.cost == privacy_cost(design, prior=share)
        assert figures.privacy.counts_published == len(counts_published(design))


def test_smaller_epsilons_give_a_visible_range_of_worst_cases(scenario):
    # The panel's ε choices, planned categories: the worst case rises with ε, strictly.
    prior = observer_prior(scenario)
    posteriors = [
        privacy_cost(replace(AS_PLANNED, privacy="dp", epsilon=e), prior=prior).posterior
        for e in EPSILONS
    ]
    assert posteriors == sorted(posteriors) and len(set(posteriors)) == len(EPSILONS)
    assert posteriors[0] < 0.15 < 0.99 < posteriors[-1]
