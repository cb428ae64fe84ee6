"""The consent engine's tools for lesson 02: the market, inference, and form designs."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent import ConsentError
from osmosis_lab.consent.forms import FORMS, HOW, Behaviour, FormDesign, simulate_form
from osmosis_lab.consent.inference import fit_inference
from osmosis_lab.consent.market import match_changes, match_with_consent, shared_masks
from osmosis_lab.data import load_people, load_population
from osmosis_lab.data.markets import market_from_tables
from osmosis_lab.errors import SchemaError

PEOPLE = load_people()
TESTERS = PEOPLE[PEOPLE["role"] == "tester"]
CANDIDATES = PEOPLE[PEOPLE["role"] == "candidate"]
MARKET = market_from_tables(TESTERS, CANDIDATES)
SIGNED = {
    pid: tuple(CATEGORIES) for pid in PEOPLE["person_id"] if pid not in MARKET.never_signed_up
}


def without(person, category):
    shared = dict(SIGNED)
    shared[person] = tuple(c for c in CATEGORIES if c != category)
    return shared


# --- the market ------------------------------------------------------------------------------


def test_lucas_is_matched_with_leopold_only_because_the_app_scrapes_him():
    scraped = match_with_consent(MARKET, SIGNED, scrape_unsigned=True)
    respected = match_with_consent(MARKET, SIGNED, scrape_unsigned=False)
    assert scraped["T03"] == "C03" and scraped["C03"] == "T03"
    assert respected["C03"] is None and respected["T03"] != "C03"


def test_lucas_refusing_scraping_loses_leopold_and_gets_antoine():
    before = match_with_consent(MARKET, SIGNED, scrape_unsigned=True)
    after = match_with_consent(MARKET, without("T03", "scraped"), scrape_unsigned=True)
    assert before["T03"] == "C03" and after["T03"] == "C04"


def test_one_persons_refusal_changes_the_matches_of_people_who_changed_nothing():
    before = match_with_consent(MARKET, SIGNED, scrape_unsigned=True)
    after = match_with_consent(MARKET, without("T05", "scraped"), scrape_unsigned=True)
    changed = {pid for pid, *_ in match_changes(before, after)}
    bystanders = changed - {"T05", before["T05"]}
    assert {"T07", "T12"} <= bystanders and len(changed) == 6


def test_a_minor_is_never_matched_with_an_adult_and_nobody_against_their_seeking():
    result = match_with_consent(MARKET, SIGNED, scrape_unsigned=True)
    ages = PEOPLE.set_index("person_id")["age"]
    for person, partner in result.items():
        if partner is not None:
            assert (ages[person] < 18) == (ages[partner] < 18)
            i, j = sorted((person, partner), key=lambda p: p[0] != "T")
            assert MARKET.allowed[MARKET.proposers.index(i), MARKET.reviewers.index(j)]
    assert result["T01"] == "C01"  # Niels and Claire, both 17


def test_matching_is_symmetric_and_shares_nothing_for_people_missing_from_the_ledger():
    result = match_with_consent(MARKET, {}, scrape_unsigned=False)
    assert all(partner is None for partner in result.values())
    sp, sr = shared_masks(MARKET, {"T01": ("declared",)}, scrape_unsigned=True)
    assert sp[0].tolist() == [True, False, False, False] and sp[1:].sum() == 0
    assert sr[MARKET.reviewers.index("C03")].tolist() == [False, True, False, False]


def test_market_needs_the_data_sets_columns():
    with pytest.raises(SchemaError, match="lacks columns"):
        market_from_tables(TESTERS[["person_id"]], CANDIDATES)


# --- inference (seed 2019; tolerances stated) -------------------------------------------------


@pytest.mark.parametrize("target", list(CATEGORIES))
def test_a_refused_category_is_guessed_well_above_chance(target):
    fit = fit_inference(load_population(), target, rng=np.random.default_rng(2019))
    assert fit.high_low_accuracy > 0.75  # a coin flip gets 0.5; measured 0.83-0.87
    assert fit.mae < 0.6 * fit.baseline_mae  # measured about 0.4x
    assert fit.n_train == 700 and fit.n_test == 300


def test_guessing_from_nothing_useful_is_no_better_than_chance():
    pop = load_population()
    rng = np.random.default_rng(7)
    noise = pop.copy()
    for column in CATEGORIES["declared"]:
        noise[column] = rng.random(len(pop)).round(3)
    fit = fit_inference(
        noise, "subconscious", sources=["declared"], rng=np.random.default_rng(2019)
    )
    assert abs(fit.high_low_accuracy - 0.5) < 0.06 and fit.mae > 0.95 * fit.baseline_mae


def test_the_guess_for_a_tester_is_close_to_the_hidden_truth():
    fit = fit_inference(load_population(), "subconscious", rng=np.random.default_rng(2019))
    ana = PEOPLE.set_index("person_id").loc[["T02"]]
    guess = fit.predict(ana)
    assert list(guess.columns) == list(CATEGORIES["subconscious"])
    assert guess.to_numpy().min() >= 0 and guess.to_numpy().max() <= 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(target="dreams"), "Unknown category"),
        (dict(target="declared", sources=["declared", "scraped"]), "cannot be guessed from itself"),
        (dict(target="declared", rng=None), "numpy Generator"),
        (dict(target="declared", test_share=0.99), "test_share"),
    ],
)
def test_inference_bad_input(kwargs, message):
    kwargs.setdefault("rng", np.random.default_rng(0))
    with pytest.raises(ConsentError, match=message):
        fit_inference(load_population(), **kwargs)


# --- forms -----------------------------------------------------------------------------------


def run(name, seed=2019, n=2000):
    return simulate_form(n, FORMS[name], rng=np.random.default_rng(seed))


def test_on_a_fair_form_every_consent_beyond_the_service_is_informed():
    fair = run("fair")
    for purpose in ("research", "medical", "sharing"):
        assert fair.loc[purpose, "informed_share"] == 1.0
        # only readers (30 % by assumption) tick it, and only if they want it
        assert fair.loc[purpose, "consent_rate"] < fair.loc[purpose, "wanted_rate"]


@pytest.mark.parametrize(
    "trick", ["pre_ticked", "bundled", "refuse_hidden", "nagging", "all_tricks"]
)
def test_every_trick_raises_consent_to_sharing_and_lowers_the_informed_share(trick):
    fair, tricked = run("fair"), run(trick)
    assert tricked.loc["sharing", "consent_rate"] > fair.loc["sharing", "consent_rate"] + 0.2
    assert tricked.loc["sharing", "informed_share"] < 0.5
    assert tricked.loc["sharing", "consent_rate"] > tricked.loc["sharing", "wanted_rate"]


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(1, 300),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.integers(0, 4)),
    reads=st.floats(0, 1),
    give_in=st.floats(0, 1),
)
def test_every_consent_is_counted_once_by_how_it_was_obtained(seed, n, flags, reads, give_in):
    design = FormDesign("random", *flags)
    table = simulate_form(
        n,
        design,
        rng=np.random.default_rng(seed),
        behaviour=Behaviour(reads=reads, give_in=give_in),
    )
    assert (table[list(HOW)].sum(axis=1) == table["consents"]).all()
    assert table["consent_rate"].between(0, 1).all() and table["informed_share"].between(0, 1).all()
    if not any(flags):
        assert (table.loc[["research", "medical", "sharing"], "unread"] == 0).all()


@pytest.mark.parametrize(
    "args, message",
    [
        ((0, FORMS["fair"]), "n must be a whole number of people from 1"),
        ((10, "fair"), "design must be a FormDesign"),
    ],
)
def test_forms_bad_input(args, message):
    with pytest.raises(ConsentError, match=message):
        simulate_form(*args, rng=np.random.default_rng(0))
    with pytest.raises(ConsentError, match="numpy Generator"):
        simulate_form(10, FORMS["fair"], rng=None)


def test_forms_table_shape():
    table = run("fair", n=50)
    assert list(table.index) == ["matching", "research", "medical", "sharing"]
    assert isinstance(table, pd.DataFrame) and set(HOW) <= set(table.columns)
