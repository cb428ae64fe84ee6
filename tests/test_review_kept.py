"""Figures the review keeps per design fields (``review.kept``) are the figures it would compute.

``consequences`` keeps each theme's result in ``ReviewScenario.memo`` under the design fields
that theme reads (and the random stream it drew from), so the design panel recomputes only
what a move changed. A key missing a field would show one design's figure for another. Here
a scenario that has kept everything along a seeded walk through the designs (one field moved
at a time, as the panel moves them, and with other seeds in between) must give, for every
design, the figures a scenario that has kept nothing computes.
"""

from dataclasses import replace

import numpy as np
import pytest

from osmosis_lab import data
from osmosis_lab.review import AS_PLANNED, consequences, one_move, review_scenario
from osmosis_lab.review.kept import stream_key

STEPS, SEEDS = 60, (2019, 7)


@pytest.fixture(scope="module")
def scenario():
    return review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )


def walk(steps: int, *, seed: int):
    """Designs one move apart, as a learner moves through the panel (``review.one_move``)."""
    rng, design = np.random.default_rng(seed), AS_PLANNED
    for _ in range(steps):
        design = one_move(design, rng)
        yield design


def test_kept_figures_are_the_figures_computed_afresh(scenario):
    kept_so_far = 0
    for design in walk(STEPS, seed=69):
        for seed in SEEDS:  # another seed in between must not be served this seed's draws
            kept = consequences(design, scenario, rng=np.random.default_rng(seed))
            afresh = replace(scenario, memo={})
            fresh = consequences(design, afresh, rng=np.random.default_rng(seed))
            # repr: a rank nobody has is nan, which no == matches
            assert repr(kept) == repr(fresh), (design, seed)
        kept_so_far = max(kept_so_far, len(scenario.memo))
    assert kept_so_far > 2 * len(afresh.memo), "the walk re-used nothing: it tests no key"


def test_one_generator_passed_twice_gives_new_draws_the_second_time(scenario):
    """A lesson may pass its one ``rng`` to ``consequences`` twice: the second call spawns new
    streams, so its simulations (the form, the outage) are new draws, never the first's kept."""
    design = replace(AS_PLANNED, consent_form="fair", fallback=True)
    rng, twin = np.random.default_rng(11), np.random.default_rng(11)
    first, second = (consequences(design, scenario, rng=rng) for _ in range(2))
    afresh = replace(scenario, memo={})
    expected = [consequences(design, afresh, rng=twin) for _ in range(2)]
    assert [repr(first), repr(second)] == [repr(e) for e in expected]
    assert stream_key(rng.spawn(1)[0]) != stream_key(np.random.default_rng(11).spawn(1)[0])
