"""Reliance measures on hand-made decision sets, and the outage simulation's counts."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.errors import TrustError
from osmosis_lab.trust import DESIGNS, compare_outage_designs, reliance_summary, simulate_outage

PROPERTY = settings(max_examples=60, deadline=None)


# --- reliance ------------------------------------------------------------------------------


def test_a_person_who_always_follows_the_app():
    app = [1, 1, 0, 0, 1]
    outcome = [1, 0, 0, 1, 1]  # the app is wrong on cases 2 and 4
    s = reliance_summary(final=app, app=app, outcome=outcome)
    assert (s.agreed, s.app_wrong, s.over_reliance, s.under_reliance) == (5, 2, 2, 0)
    assert s.over_reliance_rate == 1.0 and s.under_reliance_rate == 0.0
    assert s.learner_accuracy == s.app_accuracy == 0.6


def test_a_person_who_always_overrides_the_app():
    app = [1, 1, 0, 0, 1]
    outcome = [1, 0, 0, 1, 1]
    s = reliance_summary(final=[0, 0, 1, 1, 0], app=app, outcome=outcome)
    assert (s.agreed, s.over_reliance, s.under_reliance) == (0, 0, 3)
    assert s.under_reliance_rate == 1.0 and s.learner_right == 2


def test_appropriate_reliance_is_right_everywhere():
    app, outcome = [1, 0, 1, 0], [1, 1, 0, 0]
    s = reliance_summary(final=outcome, app=app, outcome=outcome)
    assert (s.over_reliance, s.under_reliance, s.learner_right) == (0, 0, 4)
    assert s.agreement == 0.5


def test_rates_are_nan_when_there_is_nothing_to_measure():
    s = reliance_summary(final=[1, 0], app=[1, 0], outcome=[1, 0])  # app never wrong
    assert math.isnan(s.over_reliance_rate) and s.under_reliance_rate == 0.0


def test_two_step_decisions_count_switches():
    #        case:  1  2  3  4
    initial = [0, 1, 1, 0]
    app = [1, 1, 0, 0]
    final = [1, 0, 0, 0]  # switched to the app on 1 and 3; 2 switched away
    outcome = [0, 1, 0, 1]  # app right on 2, 3; wrong on 1, 4
    s = reliance_summary(final=final, app=app, outcome=outcome, initial=initial)
    assert (s.switched_to_app, s.switched_to_app_when_wrong, s.switched_away_when_right) == (
        2,
        1,
        1,
    )
    words = s.in_words()
    assert "switched to its call on 2 cases: 1 where it was wrong (over-reliance), 1 where" in words
    assert "switched away from a right call of the app on 1 (under-reliance)" in words


def test_agreeing_from_the_start_is_not_called_over_reliance():
    """Decided first, never switched, app wrong every time: agreement, not over-reliance."""
    s = reliance_summary(final=[1, 0, 1], app=[1, 0, 1], outcome=[0, 1, 0], initial=[1, 0, 1])
    words = s.in_words()
    assert "agreed with the app on 3 of 3 cases" in words
    assert "0 where it was wrong (over-reliance)" in words
    assert "went along with it on 3" not in words


def test_words_for_another_person():
    s = reliance_summary(final=[1], app=[1], outcome=[0])
    words = s.in_words(you="Lucas")
    assert words.startswith("Lucas agreed with the app on 1 of 1 cases (100%).")
    assert "Lucas was right on 0 of 1" in words


decisions = st.integers(1, 30).flatmap(
    lambda n: st.tuples(*[st.lists(st.integers(0, 1), min_size=n, max_size=n)] * 4)
)


@PROPERTY
@given(decisions)
def test_reliance_accounting(data):
    final, app, outcome, initial = data
    s = reliance_summary(final, app, outcome, initial=initial)
    assert s.app_right + s.app_wrong == s.cases
    assert s.agreed == s.over_reliance + (s.app_right - s.under_reliance)
    # on yes/no cases, you are right exactly when you agree with a right app or override a wrong one
    assert s.learner_right == (s.app_right - s.under_reliance) + (s.app_wrong - s.over_reliance)
    assert s.switched_to_app_when_wrong <= min(s.switched_to_app, s.over_reliance)
    assert s.switched_away_when_right <= s.under_reliance


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        (([], [], []), {}, "final is empty"),
        (([1, 0], [1], [1, 0]), {}, "final has 2, app has 1, outcome has 2"),
        (([1, 0], [1, 0], [1, 0]), {"initial": [1]}, "final has 2, initial has 1"),
        (([1, 0.5], [1, 0], [1, 0]), {}, "final must hold outcomes coded 0 or 1"),
        (([1, 0], [1, 0], [1, "x"]), {}, "outcome must be a list or array of numbers"),
    ],
)
def test_reliance_bad_input(args, kwargs, words):
    with pytest.raises(TrustError, match=words):
        reliance_summary(*args, **kwargs)


# --- the outage ----------------------------------------------------------------------------


def test_worked_case_by_hand():
    # 6 users; seed 0 decides whose safe mode works; Billie reaches 2 of the rest.
    outcome = simulate_outage(
        6,
        rng=np.random.default_rng(0),
        fallback_success=0.5,
        human_capacity=2,
        priority=[0, 0, 0, 9, 8, 7],
    )
    covered = np.random.default_rng(0)
    covered.permutation(6)  # the simulation draws the call order first, then the safe modes
    expected_cover = covered.random(6) < 0.5
    assert outcome.fallback_took_over.tolist() == expected_cover.tolist()
    waiting = [i for i in (3, 4, 5, 0, 1, 2) if not expected_cover[i]]  # priority order
    assert np.flatnonzero(outcome.reached_by_human).tolist() == sorted(waiting[:2])
    assert outcome.counts()["harmed"] == 6 - int(expected_cover.sum()) - min(2, len(waiting))


def test_single_design_harms_everyone():
    outcome = simulate_outage(12, rng=np.random.default_rng(3), fallbacks=False)
    assert outcome.counts() == {
        "design": DESIGNS[0],
        "users": 12,
        "fallback_took_over": 0,
        "reached_by_human": 0,
        "harmed": 12,
    }


@pytest.mark.parametrize(
    ("success", "capacity", "harmed"), [(0.0, 0, 10), (0.0, 4, 6), (0.0, 15, 0), (1.0, 0, 0)]
)
def test_deterministic_corners(success, capacity, harmed):
    table = compare_outage_designs(
        10, rng=np.random.default_rng(1), fallback_success=success, human_capacity=capacity
    )
    assert table["design"].tolist() == list(DESIGNS)
    assert table["harmed"].tolist() == [10, harmed]


@PROPERTY
@given(st.integers(1, 200), st.floats(0, 1), st.integers(0, 250), st.integers(0, 2**32 - 1))
def test_outage_accounting(n, success, capacity, seed):
    o = simulate_outage(
        n, rng=np.random.default_rng(seed), fallback_success=success, human_capacity=capacity
    )
    covered, reached, harmed = o.fallback_took_over, o.reached_by_human, o.harmed
    assert (covered.astype(int) + reached + harmed == 1).all()  # each user in exactly one group
    assert reached.sum() == min(capacity, n - covered.sum())


def test_rate_of_harm_with_fallbacks():
    # seed 2019; binomial sd of the harmed share is 0.002, tolerance 0.01 (5 sd)
    o = simulate_outage(
        20_000, rng=np.random.default_rng(2019), fallback_success=0.9, human_capacity=500
    )
    assert o.harmed.mean() == pytest.approx(0.1 - 500 / 20_000, abs=0.01)


def test_billie_calls_the_highest_priority_first():
    priority = np.arange(50)
    o = simulate_outage(
        50, rng=np.random.default_rng(5), fallback_success=0.0, human_capacity=10, priority=priority
    )
    assert np.flatnonzero(o.reached_by_human).tolist() == list(range(40, 50))


def test_harmed_by_group():
    o = simulate_outage(
        4,
        rng=np.random.default_rng(0),
        fallback_success=0.0,
        human_capacity=1,
        priority=[1, 0, 0, 0],
    )
    table = o.harmed_by_group(["tester", "tester", "resident", "resident"])
    assert table.loc["tester"].tolist() == [2, 1]
    with pytest.raises(TrustError, match="one label per user"):
        o.harmed_by_group(["tester"])


def test_the_global_random_state_is_untouched():
    np.random.seed(11)
    before = np.random.get_state()[1].copy()
    compare_outage_designs(100, rng=np.random.default_rng(0))
    assert (np.random.get_state()[1] == before).all()


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"n_users": 0}, "n_users must be at least 1"),
        ({"n_users": 2.5}, "n_users must be a whole number"),
        ({"fallback_success": 1.5}, "fallback_success must be a probability"),
        ({"human_capacity": -1}, "human_capacity must be at least 0"),
        ({"priority": [1, 2]}, r"priority needs one value per user \(3\); got 2"),
    ],
)
def test_outage_bad_input(kwargs, words):
    options = {"n_users": 3, **kwargs}
    n = options.pop("n_users")
    with pytest.raises(TrustError, match=words):
        simulate_outage(n, rng=np.random.default_rng(0), **options)
