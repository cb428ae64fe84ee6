"""The class poll: its privacy guarantee exactly, its interval's coverage, and the learner's coin.

The coverage test simulates a class with its own seeded generator (scripted learners);
only the real learner's coin (osmosis_lab.explorers.class_poll.os_coin) must be OS random,
and the tests below check that it is.
"""

import math
import random
import secrets
from fractions import Fraction

import numpy as np
import pytest

from osmosis_lab.errors import PrivacyError, RecordError
from osmosis_lab.explorers import class_poll
from osmosis_lab.explorers.class_poll import ClassPoll, PollKeeper, os_coin
from osmosis_lab.privacy.poll import (
    OFFERED_TRUTH_PROBABILITIES,
    PollTally,
    answer_to_send,
    epsilon_of,
    interval_width,
    poll_estimate,
    tally,
    token_likelihoods,
    width_table,
    worst_likelihood_ratio,
)
from osmosis_lab.privacy.poll_budget import class_privacy

CLASS_SIZE = 30
SEEDS = range(1000)
NOMINAL = 0.95


@pytest.mark.parametrize("p", OFFERED_TRUTH_PROBABILITIES, ids=str)
def test_every_token_moves_the_odds_at_most_e_to_the_epsilon(p):
    e_eps = p / (1 - p)  # e^ε exactly, as ε = ln(p / (1 - p))
    assert math.isclose(math.exp(epsilon_of(p)), float(e_eps), rel_tol=1e-12)
    for token, (given_yes, given_no) in token_likelihoods(p).items():
        assert given_yes / given_no <= e_eps and given_no / given_yes <= e_eps, token
    assert worst_likelihood_ratio(p) == e_eps  # the bound is attained: ε is not overstated


@pytest.mark.parametrize("p", OFFERED_TRUTH_PROBABILITIES, ids=str)
def test_the_implemented_coin_has_exactly_those_likelihoods(p, monkeypatch):
    # every value the OS generator can return is equally likely: enumerate them all
    for truth in (True, False):
        sent_yes = 0
        for draw in range(p.denominator):
            monkeypatch.setattr(secrets, "randbelow", lambda _n, d=draw: d)
            sent_yes += answer_to_send(truth, coin_says_truth=os_coin(p))
        chance_yes = Fraction(sent_yes, p.denominator)
        expected_yes = token_likelihoods(p)["YES"][0 if truth else 1]
        assert chance_yes == expected_yes


def scripted_class_covered(seed: int, p: Fraction, share: float = 0.4) -> bool:
    rng = np.random.default_rng(seed)  # the scripted learners, not a real learner's coin
    truths = rng.random(CLASS_SIZE) < share
    coins = rng.random(CLASS_SIZE) < float(p)
    sent = [answer_to_send(t, coin_says_truth=c) for t, c in zip(truths, coins, strict=True)]
    result = poll_estimate(tally(sent), truth_probability=p)
    return result.low <= truths.mean() <= result.high


@pytest.mark.parametrize("p", OFFERED_TRUTH_PROBABILITIES, ids=str)
def test_interval_coverage_is_within_two_points_of_nominal(p):
    coverage = sum(scripted_class_covered(seed, p) for seed in SEEDS) / len(SEEDS)
    print(
        f"coin {p} (epsilon {epsilon_of(p):.2f}), class of 30, seeds 0-999: coverage {coverage:.3f}"
    )
    assert abs(coverage - NOMINAL) <= 0.02


def test_interval_width_table_for_thirty_learners():
    rows = width_table(CLASS_SIZE)
    print("\n| truth chance p | epsilon | 95% interval width, 30 learners |")
    print("|---|---|---|")
    for p, eps, width in rows:
        print(f"| {p.numerator}/{p.denominator} | {eps:.2f} | {width:.2f} |")
    widths = [w for _p, _e, w in rows]
    assert widths == sorted(widths, reverse=True)  # more ε, narrower
    assert all(0 < w <= 1 for w in widths)
    # the formula: 2 · 1.96 · sqrt(p(1 - p)/n) / (2p - 1), at most the whole of [0, 1]
    assert interval_width(30, truth_probability=Fraction(3, 4)) == pytest.approx(0.6198, abs=1e-4)
    assert interval_width(30, truth_probability=Fraction(2, 3)) == 1.0


def test_estimate_is_clipped_and_declines_counted_apart():
    result = poll_estimate(PollTally(yes=30, no=0, declined=4), truth_probability=Fraction(3, 4))
    assert result.estimate > 1 and result.high == 1.0 and result.clipped == 1.0
    assert result.answered == 30 and result.declined == 4
    low = poll_estimate(PollTally(yes=0, no=20), truth_probability=Fraction(3, 4))
    assert low.low == 0.0 and low.estimate < 0
    with pytest.raises(PrivacyError, match="No Yes or No answers yet"):
        poll_estimate(PollTally(0, 0, 5), truth_probability=Fraction(3, 4))
    with pytest.raises(PrivacyError, match="exact fraction"):
        poll_estimate(PollTally(1, 1), truth_probability=0.75)


def test_repeated_polls_compose_and_warn_past_the_budget():
    one = class_privacy([epsilon_of(Fraction(3, 4))])
    two = class_privacy([epsilon_of(Fraction(3, 4))] * 2)
    three = class_privacy([epsilon_of(Fraction(3, 4))] * 3)
    assert three.total == pytest.approx(3 * one.total)
    assert not one.over_budget and not two.over_budget and one.warning() == ""
    assert three.over_budget and "past the budget" in three.warning()


# ---------------------------------------------------------------- the learner's coin (OS random)


def test_the_coin_comes_from_the_os_and_never_touches_a_seeded_generator(monkeypatch):
    lesson_rng = np.random.default_rng(2019)
    before_lesson = lesson_rng.bit_generator.state
    before_global = np.random.get_state()[1].copy()
    calls = []
    monkeypatch.setattr(secrets, "randbelow", lambda n: calls.append(n) or 0)

    def forbidden(*_args, **_kwargs):
        raise AssertionError("the learner's coin used a seedable generator")

    monkeypatch.setattr(np.random, "default_rng", forbidden)
    monkeypatch.setattr(np.random, "random", forbidden)
    monkeypatch.setattr(random, "random", forbidden)
    assert os_coin(Fraction(3, 4)) is True and calls == [4]
    assert lesson_rng.bit_generator.state == before_lesson
    assert (np.random.get_state()[1] == before_global).all()


def test_the_real_os_coin_is_fair_to_its_fraction():
    # statistical, on the real OS generator: 4,000 flips, p = 3/4, tolerance 5 standard errors
    share = sum(os_coin(Fraction(3, 4)) for _ in range(4000)) / 4000
    assert abs(share - 0.75) < 5 * math.sqrt(0.75 * 0.25 / 4000)


@pytest.fixture
def counted_coin(monkeypatch):
    calls = []
    monkeypatch.setattr(secrets, "randbelow", lambda n: calls.append(n) or 0)  # always "truth"
    return calls


@pytest.mark.parametrize("name", ["", "Zoé"], ids=["file next to notebook", "learner record"])
def test_one_flip_per_question_survives_rerun_and_restart(tmp_path, counted_coin, name):
    poll = ClassPoll(folder=tmp_path)
    poll.name.value = name
    poll.answer.value = "Yes"
    poll.flip.click()
    assert counted_coin == [4] and "Q1-YES" in poll.to_send.value
    assert poll.answer.value is None  # the true answer no longer on screen
    poll.answer.value = "No"  # trying again with another answer changes nothing
    poll.flip.click()
    restarted = ClassPoll(folder=tmp_path)  # a re-run cell, or a new kernel
    restarted.name.value = name
    assert "Q1-YES" in restarted.to_send.value
    restarted.answer.value = "No"
    restarted.flip.click()
    assert counted_coin == [4], "the coin was drawn again"
    assert "Q1-YES" in restarted.summary.value


def test_only_the_token_is_kept_never_the_truth_or_the_coin(tmp_path, counted_coin):
    poll = ClassPoll(folder=tmp_path)
    poll.answer.value = "No"
    poll.flip.click()
    assert (tmp_path / "osmosis_poll_q1.txt").read_text(encoding="utf-8") == "Q1-NO\n"
    assert [p.name for p in tmp_path.iterdir()] == ["osmosis_poll_q1.txt"]


def test_declining_draws_no_coin_and_sends_pass(tmp_path, counted_coin):
    poll = ClassPoll(folder=tmp_path)
    poll.question.value = 2
    poll.answer.value = "I'd rather not take part"
    poll.flip.click()
    assert counted_coin == [] and "Q2-PASS" in poll.to_send.value


def test_a_damaged_saved_answer_is_never_replaced_by_a_new_flip(tmp_path, counted_coin):
    (tmp_path / "osmosis_poll_q1.txt").write_text("garbage", encoding="utf-8")
    with pytest.raises(RecordError, match="damaged"):
        PollKeeper(tmp_path).get(1)
    poll = ClassPoll(folder=tmp_path)
    poll.answer.value = "Yes"
    poll.flip.click()
    assert counted_coin == [] and "damaged" in poll.status.value
    assert (tmp_path / "osmosis_poll_q1.txt").read_text(encoding="utf-8") == "garbage"


def test_no_answer_chosen_means_no_flip(tmp_path, counted_coin):
    poll = ClassPoll(folder=tmp_path)
    poll.flip.click()
    assert counted_coin == [] and "Choose your true answer" in poll.status.value
    assert "Not flipped yet" in poll.summary.value
    assert class_poll.SECTION == "class_poll"


def test_flip_is_disabled_once_flipped_and_says_why(tmp_path, counted_coin):
    poll = ClassPoll(folder=tmp_path)
    assert not poll.flip.disabled and "once" in poll.flip.tooltip
    focused = []
    poll.name.focus = lambda: focused.append("name")
    poll.answer.value = "Yes"
    poll.flip.click()
    assert focused == ["name"]  # not dropped to the top of the page with the disabled button
    # pressing again would do nothing: the button says so instead of staying active
    assert poll.flip.disabled
    why = "a second flip would let someone compare your answers"
    assert why in poll.flip.tooltip and why in poll.to_send.value
    poll.question.value = 2  # another question has its own coin, not flipped yet
    assert not poll.flip.disabled and why not in poll.to_send.value
    poll.question.value = 1
    assert poll.flip.disabled
    rerun = ClassPoll(folder=tmp_path)  # the cell run again: still flipped, still disabled
    assert rerun.flip.disabled and why in rerun.flip.tooltip and "Q1-YES" in rerun.to_send.value
    assert counted_coin == [4]
