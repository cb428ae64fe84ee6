"""Regression tests: hangs, huge allocations and silent wrong answers the engines used to give.

Each case was found by a tester or by ``test_fuzz_engines.py``; each now raises the engine's
documented error quickly (the bound is checked before any work), and none relies on a test
deadline: a hang or a 37 GiB allocation would show as a slow or killed run, so each case is
also timed (in CPU seconds, which other users' load does not inflate) against a generous bound
that the old code could never meet.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from osmosis_lab import consent, errors, matching, privacy, trust
from osmosis_lab.consent.forms import FORMS, FormDesign, simulate_form
from osmosis_lab.consent.market import match_with_consent
from osmosis_lab.data import load_people
from osmosis_lab.data.markets import market_from_tables

MAX_NAG_ROUNDS = 100  # the bound simulate_form's docstring states


def refused(error, call):
    """``call()`` raises ``error`` with a message, within a second of this process's CPU.

    CPU time, not wall time: a shared machine's load can stall a process for a while, but it
    cannot make the process itself compute; the old code spent minutes of CPU on these cases.
    """
    start = time.process_time()
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).strip()
    assert time.process_time() - start < 1.0, "the bound must be checked before the work"
    return str(caught.value)


def test_a_form_that_nags_a_billion_times_is_refused_not_simulated():
    nagging = FormDesign("nags forever", nag_rounds=10**9)
    message = refused(
        errors.ConsentError, lambda: simulate_form(10, nagging, rng=np.random.default_rng(0))
    )
    assert str(MAX_NAG_ROUNDS) in message


def test_the_largest_nagging_form_still_runs():
    table = simulate_form(
        50, FormDesign("max", nag_rounds=MAX_NAG_ROUNDS), rng=np.random.default_rng(0)
    )
    assert table["consents"].between(0, 50).all()


@pytest.mark.parametrize("n", [0, True, 10**7, 2.0])
def test_simulate_form_refuses_sizes_outside_its_bound(n):
    refused(
        errors.ConsentError, lambda: simulate_form(n, FORMS["fair"], rng=np.random.default_rng(0))
    )


def test_simulate_form_refuses_a_behaviour_without_every_purpose():
    odd = consent.forms.Behaviour(wants={"matching": 0.9}, reads=float("nan"))
    refused(
        errors.ConsentError,
        lambda: simulate_form(10, FORMS["fair"], rng=np.random.default_rng(0), behaviour=odd),
    )


def test_two_hundred_thousand_one_entry_lists_are_refused_before_any_table():
    lists = np.zeros((200_000, 1), dtype=np.int64)
    message = refused(
        errors.InvalidPreferences, lambda: matching.deferred_acceptance_arrays(lists, lists)
    )
    assert "10,000 per side" in message


def test_ten_thousand_per_side_is_still_taken():
    # The benchmark's size: one-entry lists keep the loop trivial, the tables full size.
    n = 10_000
    proposers = np.arange(n).reshape(n, 1)
    match = matching.deferred_acceptance_arrays(proposers, proposers, validate=False)
    assert (match == np.arange(n)).all()


@pytest.mark.parametrize("big", [2**31, 2**32, 2**32 + 1, -(2**32) - 1])
def test_int64_numbers_beyond_int32_are_out_of_range_not_wrapped(big):
    # 2**32 used to wrap to 0 in the int32 cast: a valid-looking list, a silent wrong match
    proposers = np.array([[big]], dtype=np.int64)
    refused(
        errors.InvalidPreferences,
        lambda: matching.deferred_acceptance_arrays(proposers, np.array([[0]])),
    )
    refused(
        errors.InvalidPreferences,
        lambda: matching.deferred_acceptance_arrays(np.array([[0]]), proposers),
    )


def test_a_billion_bins_are_refused():
    for function in (trust.reliability_table, trust.calibration_summary):
        message = refused(errors.TrustError, lambda f=function: f([0.5], [1], bins=10**9))
        assert "1000" in message
    assert trust.reliability_table([0.5], [1], bins=1000)["bin"].tolist() == [500]


@pytest.mark.parametrize("epsilon", [1e-320, 5e-324, 1e-10])
def test_a_vanishing_epsilon_is_refused_not_turned_into_infinity(epsilon):
    refused(errors.PrivacyError, lambda: privacy.laplace_scale(sensitivity=1, epsilon=epsilon))
    refused(
        errors.PrivacyError, lambda: privacy.laplace_error_bound(sensitivity=1, epsilon=epsilon)
    )
    refused(
        errors.PrivacyError,
        lambda: privacy.estimate_proportion([True, False], epsilon=epsilon),
    )
    refused(errors.PrivacyError, lambda: privacy.PrivacyBudget(total=epsilon))


def test_a_huge_sensitivity_over_a_small_epsilon_is_refused():
    refused(errors.PrivacyError, lambda: privacy.laplace_scale(sensitivity=1e300, epsilon=1e-9))


@pytest.mark.parametrize("answer", ["no", "yes", "False", None, 0.5, 2])
def test_posterior_yes_takes_only_a_yes_or_no(answer):
    refused(errors.PrivacyError, lambda: privacy.posterior_yes(answer, prior=0.5, epsilon=1.0))


def test_posterior_yes_takes_numpy_booleans():
    assert privacy.posterior_yes(np.False_, prior=0.5, epsilon=np.log(3)) == pytest.approx(0.25)


@pytest.mark.parametrize(
    "queries", [(("refill", -5.0),), (("nan", float("nan")),), (("x",),), "abc", (("zero", 0),)]
)
def test_a_budget_cannot_be_built_with_a_past_spend_that_refills_it(queries):
    refused(errors.PrivacyError, lambda: privacy.PrivacyBudget(1.0, queries))


def test_a_budget_rebuilt_from_its_history_is_the_same_budget():
    budget = privacy.PrivacyBudget(1.0).spend(0.25, query="a").spend(0.5, query="b")
    again = privacy.PrivacyBudget(budget.total, budget.queries)
    assert (again.spent, again.remaining) == (0.75, 0.25)


@pytest.mark.parametrize("text", ["False", "True", "no", "", np.nan])
def test_signed_up_as_text_is_refused_not_read_as_true(text):
    table = load_people().head(3).astype({"signed_up": object})
    table.iloc[0, table.columns.get_loc("signed_up")] = text
    refused(errors.ConsentError, lambda: consent.people_from_table(table))
    people = load_people()
    testers = people[people["role"] == "tester"].astype({"signed_up": object})
    testers.iloc[0, testers.columns.get_loc("signed_up")] = text
    candidates = people[people["role"] == "candidate"]
    refused(errors.SchemaError, lambda: market_from_tables(testers, candidates))


def test_signed_up_as_booleans_or_zero_one_still_loads():
    table = pd.DataFrame({"person_id": ["A", "B"], "age": [30, 40], "signed_up": [1, np.False_]})
    assert [p.signed_up for p in consent.people_from_table(table)] == [True, False]


@pytest.mark.parametrize("text", ["False", "no", ""])
def test_every_yes_no_flag_refuses_text(text):
    # bool("False") is True: each of these once took the text for a yes
    refused(
        errors.ConsentError,
        lambda: consent.requirement(consent.FRANCE, age=30, capable=text, purpose="matching"),
    )
    refused(
        errors.TrustError,
        lambda: trust.simulate_outage(10, rng=np.random.default_rng(0), fallbacks=text),
    )
    market = market_from_tables(
        *(load_people().groupby("role").get_group(r) for r in ("tester", "candidate"))
    )
    refused(
        errors.ConsentError,
        lambda: match_with_consent(market, {}, scrape_unsigned=text),
    )
