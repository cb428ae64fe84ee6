"""Lesson 03's noise dial shows both sides of epsilon: the error and what one resident may lose.

It once said only how far a count may be off, so the largest epsilon (±0.3) looked best. Now it
also says, for the count on the dial, how sure an observer could become about one resident; the
test recomputes that sentence from the data and ``privacy_loss`` at every setting of the dial.
"""

import numpy as np
import pytest

from osmosis_lab import data
from osmosis_lab.explorers.privacy_noise import EPSILONS, NoiseExplorer
from osmosis_lab.privacy import privacy_loss

POPULATION = data.load_population()
#: each count's share of residents, read from the data here, and what it says about one of them
SHARES = {
    "Secret relationship": (POPULATION["secret_relationship"].mean(), "has a secret relationship"),
    "Anxiety": ((POPULATION["health_condition"] == "anxiety").mean(), "lives with anxiety"),
    "Depression": (
        (POPULATION["health_condition"] == "depression").mean(),
        "lives with depression",
    ),
    "Addiction recovery": (
        (POPULATION["health_condition"] == "addiction recovery").mean(),
        "is in addiction recovery",
    ),
    "Osmosis users": (POPULATION["signed_up"].mean(), "uses Osmosis"),
}


@pytest.fixture(scope="module")
def dial():
    return NoiseExplorer(POPULATION, rng=np.random.default_rng(2019))


@pytest.mark.parametrize("query", SHARES)
def test_every_setting_says_what_one_count_can_cost_one_resident(dial, query):
    dial.query.value = query
    share, fact = SHARES[query]
    for epsilon in EPSILONS:
        dial.epsilon.value = epsilon
        worst = privacy_loss([epsilon], prior=share).worst_case_words()
        said = f"Publishing this count at epsilon {epsilon:g} would make it {worst} in the worst"
        assert said in dial.summary.value, (query, epsilon)


def test_the_least_noise_is_the_most_a_resident_can_lose(dial):
    dial.query.value, dial.epsilon.value = "Secret relationship", max(EPSILONS)
    assert "would make it more than 99 in 100" in dial.summary.value
