"""The design-review engine: worked designs on the shipped data, guarantees, and bad input.

Figures that involve randomness use the seeds written next to them; the
statistical test states its tolerance.
"""

import dataclasses
import math
import re

import mistune
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab import data
from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.consent.market import match_with_consent
from osmosis_lab.data.markets import market_from_tables
from osmosis_lab.errors import ReviewError
from osmosis_lab.privacy import beta_export, known_to_attacker, linkage_attack
from osmosis_lab.review import (
    AS_PLANNED,
    CAUTIOUS,
    CONSENT_FORMS,
    EPSILONS,
    ITEM_TITLES,
    MINOR_POLICIES,
    PRIVACY_MECHANISMS,
    PROPOSERS,
    ROLES,
    SINGLE_CHANGES,
    VALUES,
    LaunchDesign,
    checklist,
    compare_changes,
    consequences,
    design_rows,
    review_markdown,
    review_scenario,
    stakeholder_matrix,
    themes,
    tradeoffs,
    values_at_stake,
    with_change,
)
from osmosis_lab.review.privacy_cost import privacy_cost

SEED = 2019


@pytest.fixture(scope="module")
def scenario():
    return review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )


def run(design, scenario, seed=SEED):
    return consequences(design, scenario, rng=np.random.default_rng(seed))


def change(**fields):
    return dataclasses.replace(AS_PLANNED, **fields)


# -- matching (lesson 01) ------------------------------------------------------------------------


def test_the_planned_matching_is_the_consent_engines_match(scenario):
    everyone = {
        pid: tuple(CATEGORIES)
        for pid in scenario.people["person_id"]
        if scenario.people.set_index("person_id").loc[pid, "signed_up"]
    }
    expected = match_with_consent(scenario.market, everyone, scrape_unsigned=True)
    names = scenario.names
    pairs = {(names[t], names[c]) for t, c in expected.items() if t.startswith("T") and c}
    assert set(run(AS_PLANNED, scenario).matching.pairs) == pairs
    assert ("Lucas Apert", "Léopold") in pairs  # the series' soulmate match


def test_on_the_shipped_testers_who_proposes_changes_nothing(scenario):
    """The lesson's worked example: one stable matching, so both sides keep their ranks."""
    testers = run(AS_PLANNED, scenario).matching
    candidates = run(change(proposers="candidates"), scenario).matching
    assert testers.same_either_way and candidates.same_either_way
    assert set(testers.pairs) == set(candidates.pairs)
    # ranks on the fixed reference lists (everything known), the same for every design
    assert (testers.tester_rank, testers.candidate_rank) == (1.9, 1.6)
    assert (candidates.tester_rank, candidates.candidate_rank) == (1.9, 1.6)


def random_market(scenario, seed):
    """The 24 people with random traits and weights, everyone seeking everyone."""
    rng = np.random.default_rng(seed)
    people = scenario.people.copy()
    people[list(TRAIT_COLUMNS)] = rng.random((len(people), len(TRAIT_COLUMNS))).round(3)
    people[list(WEIGHT_COLUMNS.values())] = rng.dirichlet([1.0] * 4, len(people))
    people["seeking"] = "everyone"
    testers, candidates = people[people["role"] == "tester"], people[people["role"] == "candidate"]
    return dataclasses.replace(
        scenario, people=people, market=market_from_tables(testers, candidates), memo={}
    )


def test_candidates_proposing_improves_the_candidates_average_rank(scenario):
    # seed 1: a market with more than one stable matching (found by trying seeds 0-9)
    market = random_market(scenario, 1)
    by_testers = consequences(AS_PLANNED, market, rng=np.random.default_rng(0)).matching
    by_candidates = consequences(
        change(proposers="candidates"), market, rng=np.random.default_rng(0)
    ).matching
    assert not by_testers.same_either_way
    assert by_candidates.candidate_rank < by_testers.candidate_rank
    assert by_candidates.tester_rank > by_testers.tester_rank


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), categories=st.sets(st.sampled_from(list(CATEGORIES))))
def test_proposing_never_makes_a_side_worse_off(scenario, seed, categories):
    market = random_market(scenario, seed)
    design = change(categories=categories)
    side = themes.market_preferences(market, design)
    by_t, by_c = themes.stable_match(side, "testers"), themes.stable_match(side, "candidates")
    t_ranks_t, c_ranks_t = themes.partner_ranks(by_t, side)
    t_ranks_c, c_ranks_c = themes.partner_ranks(by_c, side)
    assert (by_t >= 0).sum() == (by_c >= 0).sum()  # the same people are matched either way
    if len(t_ranks_t):
        assert t_ranks_t.mean() <= t_ranks_c.mean() and c_ranks_c.mean() <= c_ranks_t.mean()
    assert (np.array_equal(by_t, by_c)) == (
        consequences(design, market, rng=np.random.default_rng(0)).matching.same_either_way
    )


def test_reading_no_category_matches_nobody(scenario):
    m = run(change(categories=[]), scenario).matching
    assert m.pairs == () and math.isnan(m.tester_rank)
    assert len(m.unmatched) == 21 and len(m.not_in_launch) == 3  # no scraping: nobody found


def test_excluded_minors_and_unfound_non_users_are_not_in_the_launch(scenario):
    m = run(CAUTIOUS, scenario).matching
    assert set(m.not_in_launch) == {
        "Niels Larson",
        "Claire",
        "Léopold",
        "Chloé Garnier",
        "Zoé Lemoine",
    }
    assert not set(m.not_in_launch) & {name for pair in m.pairs for name in pair}


# -- consent (lesson 02) -------------------------------------------------------------------------


def test_the_fair_form_gives_fewer_but_informed_consents(scenario):
    fair = run(change(consent_form="fair"), scenario).consent
    for form in ("pre_ticked", "bundled"):
        tricked = run(change(consent_form=form), scenario).consent
        assert fair.consent_rate < tricked.consent_rate
        assert fair.informed_share == 1.0 > tricked.informed_share
    assert fair.consents == fair.informed


def test_people_used_who_never_signed_up(scenario):
    people, residents = data.load_people(), data.load_population()
    unsigned = int((~people["signed_up"]).sum() + (~residents["signed_up"]).sum())
    planned = run(AS_PLANNED, scenario).consent
    assert planned.non_users_used == unsigned == 633
    assert set(planned.non_users_matched) == {"Léopold", "Chloé Garnier", "Zoé Lemoine"}
    for design in (change(search_non_users=False), change(categories=["declared", "conscious"])):
        consent = run(design, scenario).consent
        assert consent.non_users_used == 0 and consent.non_users_matched == ()


@pytest.mark.parametrize(
    ("policy", "minors", "missing"),
    [
        ("parent_only", ("Niels Larson", "Claire"), 4),
        ("parent_and_assent", ("Niels Larson", "Claire"), 0),
        ("excluded", (), 0),
    ],
)
def test_whose_consent_a_minors_data_needs(scenario, policy, minors, missing):
    consent = run(change(minors=policy), scenario).consent
    assert consent.minors == minors and consent.minor_uses_without_consent == missing
    assert ("may consent alone" in consent.minor_rule) == (policy == "parent_only")


# -- privacy (lesson 03) -------------------------------------------------------------------------


def test_raw_export_reidentifies_whom_the_privacy_engine_finds(scenario):
    people, residents = data.load_people(), data.load_population()
    released, _ = beta_export(people, residents, rng=np.random.default_rng(0))
    known = known_to_attacker(people, data.load_public_profiles())
    unique = linkage_attack(released, known, quasi_identifiers=list(known.columns[:4]))
    p = run(AS_PLANNED, scenario).privacy
    assert p.reidentified == unique.counts()["unique"] == 592
    assert p.city == 1024 and p.people_in_export == 1024 and p.count_error == 0


def test_dp_lowers_reidentification_to_zero(scenario):
    raw, dp = run(AS_PLANNED, scenario).privacy, run(change(privacy="dp"), scenario).privacy
    assert raw.reidentified > 0 and raw.health_learned > 0
    assert dp.reidentified == dp.health_learned == dp.rows_released == 0
    assert dp.reidentified_share < raw.reidentified_share


def test_generalising_stops_unique_matches_but_leaks_by_homogeneity(scenario):
    g = run(change(privacy="generalised", k=5), scenario).privacy
    assert g.k >= 5 and g.reidentified == 0 and g.health_learned > 0
    assert g.published_count < g.true_count  # suppressed people are missing from the count


@settings(max_examples=10, deadline=None)
@given(k=st.integers(1, 50))
def test_a_larger_k_never_releases_more_rows(scenario, k):
    rows = [
        run(change(privacy="generalised", k=kk), scenario).privacy for kk in (k, k + 1) if kk <= 50
    ]
    assert all(a.rows_released >= b.rows_released for a, b in zip(rows, rows[1:], strict=False))
    assert all(p.reidentified <= p.people_in_export for p in rows)


def test_suppressing_everyone_releases_nothing(scenario):
    p = run(change(privacy="generalised", k=50), scenario).privacy
    assert p.rows_released == 0 and p.k is None and p.reidentified == 0
    assert p.published_count == 0 and p.count_error == p.true_count


def test_dp_count_error_averages_one_over_epsilon(scenario):
    # seed 7, 2000 draws at epsilon 0.5: E|Laplace(b)| = b = 2; tolerance 5 %
    design, rng = change(privacy="dp", epsilon=0.5), np.random.default_rng(7)
    exports = [
        themes.research_export(scenario, design, rng=rng, noise_rng=rng) for _ in range(2000)
    ]
    errors = [abs(e["published"] - e["true_count"]) for e in exports]
    assert np.mean(errors) == pytest.approx(2.0, rel=0.05)
    assert run(design, scenario).privacy.error_bound == pytest.approx(2 * math.log(20))


# -- trust (lesson 04) ---------------------------------------------------------------------------


def test_the_wellbeing_objective_lowers_bad_endings_and_calibration_error(scenario):
    attraction = run(AS_PLANNED, scenario).trust
    wellbeing = run(change(objective="wellbeing"), scenario).trust
    assert wellbeing.share_ending_badly < attraction.share_ending_badly
    assert wellbeing.share_ending_badly == attraction.share_ending_badly_other
    assert wellbeing.calibration_error < attraction.calibration_error


def test_safeguards_lower_outage_harm(scenario):
    none = run(AS_PLANNED, scenario).trust
    human = run(change(human_contact=True), scenario).trust
    fallback = run(change(fallback=True), scenario).trust
    both = run(change(human_contact=True, fallback=True), scenario).trust
    assert none.harmed == none.users == 391
    assert human.harmed == none.users - 20 and human.reached_by_human == 20  # Billie reaches 20
    assert both.harmed <= fallback.harmed < human.harmed < none.harmed


# -- the whole run -------------------------------------------------------------------------------


def test_same_seed_same_figures_and_themes_draw_independently(scenario):
    assert run(CAUTIOUS, scenario) == run(CAUTIOUS, scenario)
    base, dp = (
        run(change(fallback=True), scenario),
        run(change(fallback=True, privacy="dp"), scenario),
    )
    assert base.trust == dp.trust and base.consent == dp.consent


def test_the_memo_does_not_change_results(scenario):
    fresh = review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )
    for design in (CAUTIOUS, change(privacy="generalised", k=3), AS_PLANNED):
        assert run(design, fresh) == run(design, scenario)


def test_the_table_has_one_row_per_figure(scenario):
    table = run(AS_PLANNED, scenario).table()
    assert table["key"].is_unique and len(table) == 19
    assert set(table["theme"]) == {"matching", "product", "consent", "privacy", "trust", "company"}
    assert table.loc[table["share"], "value"].between(0, 1).all()
    assert set(table["better"]) <= {"lower", "higher", ""}


def test_compare_changes_uses_one_draw_for_every_row(scenario):
    table = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(3))
    assert list(table.index) == ["as planned", *SINGLE_CHANGES]
    # a trust-only change moves only trust figures, and the company's costs
    moved = table.loc["Billie on call when the AI fails"] != table.loc["as planned"]
    assert list(moved[moved].index) == ["harmed", "staff", "cash_left"]
    assert table.loc["fair consent form", "informed_share"] == 1.0


# -- designs and bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("proposers", "women", "proposers must be one of"),
        ("consent_form", "pre-ticked", "consent_form must be one of"),
        ("minors", None, "minors must be one of"),
        ("privacy", "anonymised", "privacy must be one of"),
        ("objective", "love", "objective must be one of"),
        ("categories", "declared", "categories must be a list"),
        ("categories", ["declared", "dreams"], "unknown categories"),
        ("search_non_users", 1, "must be True or False"),
        ("human_contact", "yes", "must be True or False"),
        ("k", 0, "k must be a whole number"),
        ("k", 2.5, "k must be a whole number"),
        ("k", True, "k must be a whole number"),
        ("epsilon", 0, "epsilon must be a number above 0"),
        ("epsilon", float("inf"), "epsilon must be a number above 0"),
        ("epsilon", "1", "epsilon must be a number above 0"),
    ],
)
def test_bad_designs_say_what_to_do(field, value, message):
    with pytest.raises(ReviewError, match=message):
        change(**{field: value})


def test_every_offered_option_makes_a_valid_design():
    for field, options in (
        ("proposers", PROPOSERS),
        ("consent_form", CONSENT_FORMS),
        ("minors", MINOR_POLICIES),
        ("privacy", PRIVACY_MECHANISMS),
    ):
        for option in options:
            assert getattr(change(**{field: option}), field) == option
    assert all(change(epsilon=e).epsilon == e for e in EPSILONS)
    assert all(isinstance(with_change(AS_PLANNED, label), LaunchDesign) for label in SINGLE_CHANGES)


def test_bad_arguments_to_the_engine(scenario):
    rng = np.random.default_rng(0)
    with pytest.raises(ReviewError, match="LaunchDesign"):
        consequences({"privacy": "dp"}, scenario, rng=rng)
    with pytest.raises(ReviewError, match="review_scenario"):
        consequences(AS_PLANNED, data.load_people(), rng=rng)
    with pytest.raises(ReviewError, match="numpy Generator"):
        consequences(AS_PLANNED, scenario, rng=2019)
    with pytest.raises(ReviewError, match="lacks"):
        review_scenario(
            data.load_people().drop(columns="care"),
            data.load_population(),
            data.load_public_profiles(),
            data.load_pairs(),
        )
    with pytest.raises(ReviewError, match="unknown changes"):
        compare_changes(AS_PLANNED, scenario, rng=rng, changes=["launch anyway"])
    with pytest.raises(ReviewError, match="no change called"):
        with_change(AS_PLANNED, "launch anyway")


# -- stakeholders, checklist, Markdown -----------------------------------------------------------


def test_the_matrix_keeps_every_role_in_order():
    matrix = stakeholder_matrix({"support": ("wellbeing", "  sees  the testers\nstruggle ")})
    assert list(matrix.index) == [label for label, _ in ROLES.values()]
    assert matrix.loc["Billie (support)", "note"] == "sees the testers struggle"
    counts = values_at_stake(matrix)
    assert list(counts["value"]) == list(VALUES) and counts["roles"].sum() == 1


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"ceo": ("profit", "")}, "unknown roles"),
        ({"tester": ("love", "")}, "not a value of the matrix"),
        ({"tester": "privacy"}, "must be \\(value, note\\)"),
        ({"tester": ("privacy", None)}, "must be text"),
        ([("tester", "privacy")], "entries must map"),
    ],
)
def test_bad_matrix_entries(entries, message):
    with pytest.raises(ReviewError, match=message):
        stakeholder_matrix(entries)


designs = st.builds(
    LaunchDesign,
    proposers=st.sampled_from(list(PROPOSERS)),
    consent_form=st.sampled_from(list(CONSENT_FORMS)),
    minors=st.sampled_from(list(MINOR_POLICIES)),
    categories=st.sets(st.sampled_from(list(CATEGORIES))),
    search_non_users=st.booleans(),
    privacy=st.sampled_from(list(PRIVACY_MECHANISMS)),
    k=st.integers(1, 50),
    epsilon=st.sampled_from(EPSILONS),
    objective=st.sampled_from(["attraction", "wellbeing"]),
    human_contact=st.booleans(),
    fallback=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(design=designs)
def test_the_checklist_is_filled_from_the_choices(design):
    items = checklist(design)
    done = [item.done for item in items]
    assert done[0] == (design.consent_form == "fair")
    assert done[1] == (design.minors != "parent_only")
    assert done[2] == (not design.finds_non_users)
    assert done[3] == (not {"scraped", "subconscious"} & set(design.categories))
    # only noisy counts whose computed cost keeps one answer deniable; rows have epsilon = inf
    assert done[4] == (design.privacy == "dp" and privacy_cost(design).deniable)
    assert done[5:8] == [design.objective == "wellbeing", design.human_contact, design.fallback]
    assert done[8] == (done[0] and done[2] and done[4])
    assert all(re.fullmatch(r"\[[x ]\] .+\.", item.line()) for item in items)


def test_the_privacy_item_states_the_cost_and_rows_never_protect():
    dp = change(privacy="dp", epsilon=1.0)
    line = checklist(dp)[4].line()
    assert line.startswith(
        "[ ] Research gets only noisy counts: epsilon = 1 per count × 5 counts = 5 in total; "
        "an observer's odds about one resident can grow up to 148 times"
    )
    assert checklist(change(privacy="dp", epsilon=0.2))[4].done  # 5 × 0.2 = 1 <= ln 3
    assert not checklist(change(privacy="dp", epsilon=10.0))[4].done
    for export in ("raw", "generalised"):
        items = checklist(change(privacy=export, k=50, consent_form="fair", search_non_users=False))
        assert not items[4].done and "epsilon = infinity" in items[4].text
        assert not items[8].done and "protects people" not in items[8].text


def test_dropping_only_the_declared_profile_is_not_minimisation():
    dropped = change(categories=("scraped", "conscious", "subconscious"))
    assert not checklist(dropped)[3].done
    assert checklist(change(categories=("declared", "conscious")))[3].done


def test_the_wellbeing_item_carries_its_caveat():
    item = checklist(change(objective="wellbeing"))[5]
    assert item.done and "caveat" in item.text


def test_the_checklist_names_the_rules():
    lines = [item.line() for item in checklist(AS_PLANNED)]
    assert lines[0].startswith("[ ] Pre-ticked boxes: consent is not unambiguous (GDPR Art. 4(11)")
    fair = checklist(change(minors="parent_and_assent"))[1].line()
    assert fair.startswith("[x] Minors need a parent's consent and their own")
    # art. 45 asks joint consent only below 15; Helsinki asks assent plus consent
    assert "art. 45: joint consent only below 15" in fair and "assent" in fair


def test_the_review_is_valid_markdown_with_everything_in_it(scenario):
    figures, planned = run(CAUTIOUS, scenario), run(AS_PLANNED, scenario)
    matrix = {"found": ("consent", "Léopold | never asked"), "investor": ("profit", "")}
    text = review_markdown(
        CAUTIOUS, figures, matrix, "Launch only **after** the DPIA.", planned=planned
    )
    html = mistune.create_markdown(plugins=["table", "task_lists"])(text)
    assert html.count("<table>") == 3
    assert "Léopold | never asked" in html  # the escaped pipe stays inside its cell
    assert "<strong>after</strong>" in html
    for _, decision in design_rows(CAUTIOUS):
        assert decision in text
    for line in (item.line() for item in checklist(CAUTIOUS, figures)):
        assert f"- {line}" in text
    assert html.count('type="checkbox"') == len(checklist(CAUTIOUS))
    assert "| As planned |" in text and "592 of 1024" in text


def test_an_empty_review_says_so_and_bad_input_is_refused():
    assert "_(No review written yet.)_" in review_markdown(AS_PLANNED, None, {}, "  ")
    with pytest.raises(ReviewError, match="LaunchDesign"):
        review_markdown("as planned", None, {}, "")
    with pytest.raises(ReviewError, match="must be text"):
        review_markdown(AS_PLANNED, None, {}, None)


def test_the_planned_design_is_the_series(scenario):
    rows = dict(design_rows(AS_PLANNED))
    assert rows["Consent form"] == "Pre-ticked boxes"
    assert rows["Minors"] == "A parent's signature alone"
    assert isinstance(run(AS_PLANNED, scenario).table(), pd.DataFrame)


# -- the other side of the safeguards (review.tradeoffs) ------------------------------------------


def test_stopping_subconscious_signals_moves_a_figure_and_only_that_one(scenario):
    table = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(3))
    moved = table.loc["stop reading subconscious signals"] != table.loc["as planned"]
    assert list(moved[moved].index) == ["neural_held"]
    assert (
        run(change(categories=("declared", "scraped", "conscious")), scenario).tradeoffs.neural_held
        == 0
    )


@settings(max_examples=30, deadline=None)
@given(design=designs, dropped=st.sampled_from(list(CATEGORIES)))
def test_reading_less_never_holds_more_neural_data(scenario, design, dropped):
    less = dataclasses.replace(design, categories=set(design.categories) - {dropped})
    held, users = tradeoffs.neural_data_held(scenario, design)
    assert tradeoffs.neural_data_held(scenario, less)[0] <= held <= users


@settings(max_examples=30, deadline=None)
@given(design=designs, seed=st.integers(0, 2**32 - 1))
def test_a_human_contact_never_lowers_the_number_reached(scenario, design, seed):
    without = run(dataclasses.replace(design, human_contact=False), scenario, seed).trust
    with_billie = run(dataclasses.replace(design, human_contact=True), scenario, seed).trust
    assert with_billie.reached_by_human >= without.reached_by_human
    assert with_billie.harmed <= without.harmed


def test_ranks_compare_designs_on_one_fixed_reference_list(scenario):
    """The same pairs get the same ranks, whatever data the design read to find them."""
    reference = tradeoffs.reference_side(scenario)
    for categories in [tuple(CATEGORIES), ("declared", "scraped", "conscious"), ("scraped",)]:
        design = change(categories=categories)
        figures = run(design, scenario).matching
        match = themes.stable_match(themes.market_preferences(scenario, design), "testers")
        ranks, _ = themes.partner_ranks(match, reference)
        assert figures.tester_rank == pytest.approx(ranks.mean())
    planned = run(AS_PLANNED, scenario).matching
    fewer = run(change(categories=("declared", "scraped", "conscious")), scenario).matching
    assert planned.pairs == fewer.pairs and planned.tester_rank == fewer.tester_rank


def test_couples_doing_well_come_from_the_past_matches_outcomes():
    people, population = data.load_people(), data.load_population()
    profiles, pairs = data.load_public_profiles(), data.load_pairs()
    figures = {}
    for outcome in (0, 1):
        fresh = review_scenario(
            people, population, profiles, pairs.assign(wellbeing_after_1y=outcome)
        )
        figures[outcome] = run(AS_PLANNED, fresh).tradeoffs
    assert figures[0].couples_doing_well == 0
    assert figures[1].couples_doing_well == figures[1].matches == 10


def test_every_safeguard_costs_the_company_and_the_cautious_design_runs_out():
    plan = tradeoffs.company_side(AS_PLANNED)
    assert plan.delay_weeks == 0 and plan.cash_weeks_left > 0
    for label in SINGLE_CHANGES:
        assert tradeoffs.company_side(with_change(AS_PLANNED, label)).cash_weeks_left <= (
            plan.cash_weeks_left
        )
    assert tradeoffs.company_side(CAUTIOUS).cash_weeks_left < 0


def test_the_review_writes_the_learners_reason_after_each_item():
    reasons = {"privacy": "rows name people", "minors": ""}
    text = review_markdown(AS_PLANNED, None, {}, "", reasons=reasons)
    items = [line for line in text.splitlines() if line.startswith("- [")]
    assert len(items) == len(ITEM_TITLES) == len(checklist(AS_PLANNED))
    assert items[4].endswith(
        "one person (GDPR Recital 26; Sweeney 2000). My reason: rows name people"
    )
    assert "My reason" not in items[1]
    with pytest.raises(ReviewError, match="no checklist item"):
        review_markdown(AS_PLANNED, None, {}, "", reasons={"vibes": "good"})


def test_the_review_says_searching_finds_nobody_without_scraped_data():
    # found in the browser: unticking scraped data left "Search people who never signed up | yes"
    design = dataclasses.replace(
        AS_PLANNED, categories=("declared", "conscious"), search_non_users=True
    )
    assert not design.finds_non_users
    saved = review_markdown(design, None, {}, "Fine.")
    assert "| Search people who never signed up | no (switched on, but scraped data" in saved
