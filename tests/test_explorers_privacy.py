"""Lesson 03's five privacy explorers, driven headless as a learner would."""

import html
import math
import re

import numpy as np
import pytest

from osmosis_lab import data
from osmosis_lab.categories import QUASI_IDENTIFIERS
from osmosis_lab.explorers import (
    privacy_generalise,
    privacy_linkage,
    privacy_noise,
    privacy_profile,
    privacy_survey,
)
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.privacy import (
    HIERARCHIES,
    beta_export,
    known_to_attacker,
    laplace_error_bound,
    linkage_attack,
    narrowing,
    posterior_yes,
    privacy_loss,
    truth_probability,
)
from osmosis_lab.privacy.loss import chance_words, rounding_said

PEOPLE = data.load_people()
POPULATION = data.load_population()
PUBLIC = data.load_public_profiles()


def rows_of(area) -> list[dict]:
    spec = chart_spec(area)
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


# ---------------------------------------------------------------- linkage


@pytest.fixture
def linkage():
    return privacy_linkage.LinkageExplorer(PEOPLE, POPULATION, PUBLIC, rng=np.random.default_rng(3))


def test_linkage_controls_are_labelled_and_start_with_age_only(linkage):
    assert list(linkage.knows) == list(QUASI_IDENTIFIERS)
    assert [box.description for box in linkage.knows.values()] == [
        f"Attacker knows {c}" for c in QUASI_IDENTIFIERS
    ]
    assert linkage.chosen == ["age"]
    assert "re-identifies 0 of the 12 beta testers" in linkage.summary.value


def test_linkage_all_four_facts_expose_every_tester_and_lucas_secret(linkage):
    for box in linkage.knows.values():
        box.value = True
    assert "re-identifies 12 of the 12 beta testers (100%)" in linkage.summary.value
    row = re.search(r"Lucas Apert</th>(.*?)</tr>", linkage.leaks.value).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells == [
        "unique",
        "<strong>gay or lesbian</strong>",
        "<strong>none</strong>",
        "<strong>yes</strong>",
    ]
    assert "100% unique" in chart_spec(linkage.chart)["description"]


@pytest.mark.parametrize("chosen", [["arrondissement"], ["age", "gender"], ["age", "occupation"]])
def test_linkage_numbers_agree_with_the_engine(linkage, chosen):
    for column, box in linkage.knows.items():
        box.value = column in chosen
    released, _ = beta_export(PEOPLE, POPULATION, rng=np.random.default_rng(99))
    known = known_to_attacker(PEOPLE, PUBLIC)
    result = linkage_attack(released, known, quasi_identifiers=chosen)
    residents = known.index[known["group"] == "resident"]
    unique = result.counts(among=residents)["unique"]
    assert f"and {unique} of the {len(residents)} residents" in linkage.summary.value
    shares = {}
    for row in rows_of(linkage.chart):
        shares[row["group"]] = shares.get(row["group"], 0) + row["share"]
    assert all(math.isclose(s, 1.0) for s in shares.values()) and len(shares) == 2


def test_linkage_with_nothing_known_says_so(linkage):
    linkage.knows["age"].value = False
    assert "knows nothing" in linkage.summary.value
    assert linkage.chart.outputs == () and linkage.leaks.value == ""
    linkage.knows["gender"].value = True
    assert "Knowing gender" in linkage.summary.value


# ---------------------------------------------------------------- generalise


@pytest.fixture
def generalise_view():
    return privacy_generalise.GeneraliseExplorer(
        PEOPLE, POPULATION, PUBLIC, rng=np.random.default_rng(3)
    )


def test_generalise_sliders_offer_the_hierarchy_levels(generalise_view):
    for column, slider in generalise_view.levels.items():
        assert list(slider.options) == [name for name, _ in HIERARCHIES[column]]
        assert slider.value == "exact" and slider.description == column.capitalize()
    assert generalise_view.k == 1
    assert "all 12 testers are still re-identified" in generalise_view.summary.value


def test_each_slider_step_right_never_lowers_k(generalise_view):
    for slider in generalise_view.levels.values():
        before = generalise_view.k
        for option in slider.options[1:]:
            slider.value = option
            assert generalise_view.k >= before
            before = generalise_view.k
    assert generalise_view.k == len(PEOPLE) + len(POPULATION)  # everything hidden


def test_suppression_reaches_the_target_and_reports_its_cost(generalise_view):
    generalise_view.levels["age"].value = "10-year bands"
    generalise_view.levels["arrondissement"].value = "groups of 10"
    generalise_view.levels["occupation"].value = "sector"
    for k in (2, 5, 8):
        generalise_view.k_target.value = k
        assert generalise_view.k_after >= k
        assert f"k = {generalise_view.k_after} and l = " in generalise_view.summary.value
        assert f"suppression: {generalise_view.suppressed} of 1024" in (
            generalise_view.still_good_for.value
        )
    # the bands left after suppression, counted (test_sentences_privacy checks the number)
    good_for = generalise_view.still_good_for.value
    assert re.search(r"age: 10-year bands, \d+ of them in the table \(", good_for)
    people = sum(row["people"] for row in rows_of(generalise_view.chart))
    assert people == 1024


def test_suppressing_everything_is_said_plainly(generalise_view):
    generalise_view.k_target.value = 10  # exact values: every class is smaller than 10
    assert generalise_view.k_after is None and generalise_view.suppressed == 1024
    assert "removes all 1024 people: nothing is left" in generalise_view.summary.value
    # an empty table is good for nothing, and no statistic is computed from it (w57)
    good_for = generalise_view.still_good_for.value
    assert "<li>nothing: every person is left out" in good_for
    assert "exact" not in good_for and "statistic about small groups" not in good_for


# ---------------------------------------------------------------- survey


@pytest.fixture
def survey():
    return privacy_survey.SurveyExplorer(POPULATION, rng=np.random.default_rng(3))


def test_survey_reports_estimate_interval_and_truth(survey):
    survey.class_size.value = 200
    est = survey.estimate
    assert est.n == 200 and est.low <= est.clipped <= est.high
    assert f"95% interval {est.low:.0%} to {est.high:.0%}" in survey.summary.value
    truly = round(survey.true_share * 200)  # a class of 200: the count, then its percentage
    assert f"In this class, {truly} of the 200 ({truly / 200:.0%}) truly would" in (
        survey.summary.value
    )
    assert [row["what"] for row in rows_of(survey.chart)] == [
        "answered yes",
        "estimated true share",
        "true share (hidden)",
    ]


def test_survey_epsilon_changes_the_coins_not_the_class(survey):
    members = survey._class.index.tolist()
    survey.epsilon.value = 4.0
    assert survey._class.index.tolist() == members
    p = truth_probability(epsilon=4.0)
    assert f"told the truth with a chance of {100 * p:.1f} in 100" in survey.summary.value
    survey.ask_again.click()
    assert survey._class.index.tolist() != members


def test_survey_deniability_matches_the_posterior(survey):
    prior = float(POPULATION["secret_relationship"].mean())
    yes = posterior_yes(True, prior=prior, epsilon=1.0)
    no = posterior_yes(False, prior=prior, epsilon=1.0)
    table = survey.deniability.value
    assert len(re.findall(r"<th scope='row'[^>]*>Respondent", table)) == (
        privacy_survey.SHOWN_RESPONDENTS
    )
    said_yes = privacy_loss([1.0], prior=prior).worst_case_words()  # rounded up, and says so
    assert said_yes.endswith("rounded up)") and f"{100 * yes:.1f}" in said_yes
    said_no = rounding_said(no, "down")
    assert f"moves that to {said_yes}, a &#x27;no&#x27; to {said_no}" in table
    assert "e^epsilon = 2.7" in table


#: The most an observer who started at 50-50 may become sure from one answer for this test to
#: accept the word "deniable": at least 1 chance in 4 that the answer was the coin.
DENIABLE_LIMIT = 0.75


def plain_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def every_epsilon(survey):
    """Each slider position, as the browser sets it (by index), up the range and back down."""
    positions = list(range(len(survey.epsilon.labels)))
    for index in positions + positions[::-1]:
        survey.epsilon.index = index
        eps = survey.epsilon.value
        yield eps, privacy_loss([eps], prior=0.5), plain_text(survey.deniability.value)


def test_survey_says_deniable_only_where_the_worst_case_allows_it(survey):
    for eps, worst, text in every_epsilon(survey):
        says_deniable = "stays deniable" in text
        assert says_deniable == (worst.posterior <= DENIABLE_LIMIT), (eps, text)
        assert ("no longer deniable" in text) == (not says_deniable), (eps, text)
    assert survey.epsilon.index == 0 and "stays deniable" in plain_text(survey.deniability.value)


def test_survey_deniability_quotes_the_computed_worst_case(survey):
    for eps, worst, text in every_epsilon(survey):
        # from an even prior the worst case is the coin's truth chance: written as that chance is
        assert f"could at worst be {chance_words(worst.posterior)} sure" in text, eps
        assert f"e^epsilon = {math.exp(eps):.1f} times" in text


def test_survey_large_class_high_epsilon_lands_near_the_truth(survey):
    survey.question.value = "Health condition?"
    survey.epsilon.value = 5.0
    survey.class_size.value = 500
    # seed 3: the interval (not a fixed tolerance) is what the explorer promises
    assert survey.estimate.low <= survey.true_share <= survey.estimate.high
    assert survey.estimate.high - survey.estimate.low < 0.12


# ---------------------------------------------------------------- noise


@pytest.fixture
def noise():
    return privacy_noise.NoiseExplorer(POPULATION, rng=np.random.default_rng(3))


def test_noise_dial_states_the_error_bound(noise):
    for eps in (0.1, 1.0, 5.0):
        noise.epsilon.value = eps
        bound = laplace_error_bound(sensitivity=1, epsilon=noise.epsilon.value)
        assert f"within ±{bound:.1f} of the truth" in noise.summary.value
        assert f"±{bound:.1f}" in chart_spec(noise.chart)["description"]


def test_budget_refuses_past_its_total_and_starts_over(noise):
    noise.epsilon.value = 0.5
    noise.publish.click()
    noise.publish.click()
    assert noise.budget.spent == pytest.approx(1.0) and len(noise.releases) == 2
    noise.publish.click()
    assert len(noise.releases) == 2
    assert "Refused:" in noise.refusal.value and "add up" in noise.refusal.value
    assert noise.meter.value == pytest.approx(noise.meter.max)
    assert len(re.findall(r"<th scope='row'", noise.published.value)) == 2
    noise.start_over.click()
    assert noise.budget.spent == 0 and "Nothing published yet" in noise.published.value
    noise.total.value = 3.0
    assert noise.budget.total == 3.0 and noise.meter.max == 3.0


def test_published_counts_are_noisy_but_near(noise):
    truth = noise.truth[noise.query.value]
    assert truth == int(POPULATION["secret_relationship"].sum())
    noise.total.value = 5.0
    noise.epsilon.value = 5.0
    noise.publish.click()
    # seed 3; at epsilon 5 the 95% bound is ±0.6, so a count 5 off would be a bug
    assert abs(noise.releases[0]["published"] - truth) < 5


# ---------------------------------------------------------------- profile


@pytest.fixture
def profile():
    return privacy_profile.ProfileExplorer(POPULATION)


def test_profile_counts_agree_with_the_engine(profile):
    profile.age.value = 45
    profile.arrondissement.value = 3
    profile.occupation.value = "engineer"
    profile.gender.value = "man"
    expected = narrowing(POPULATION, profile.profile)
    assert profile.steps == expected
    for column, count in expected:
        assert f"{column} " in profile.summary.value and f": {count} resident" in (
            profile.summary.value
        )
    assert [row["people"] for row in rows_of(profile.chart)] == [n for _, n in expected]


def test_sharing_coarse_facts_only_hides_you_in_more_people(profile):
    exact = [n for _, n in profile.steps]
    profile.coarse.value = True
    coarse = [n for _, n in profile.steps]
    assert all(c >= e for c, e in zip(coarse, exact, strict=True))
    assert coarse[-1] > exact[-1] or coarse[-1] == exact[-1] == 0
    assert "30-39" in profile.summary.value
    assert "Kept local" in profile.note.value


def test_profile_with_an_unlisted_job_matches_nobody(profile):
    profile.occupation.value = privacy_profile.OTHER_JOB
    assert "None of the 1000 residents" in profile.summary.value


def test_no_suppression_says_nobody_is_left_out(generalise_view):
    # at the start the target k is 1: nobody is suppressed, so nothing is skewed by it
    assert generalise_view.suppressed == 0
    assert "suppression: nobody is left out." in generalise_view.still_good_for.value
    assert "skewed" not in generalise_view.still_good_for.value
    generalise_view.k_target.value = 2
    assert generalise_view.suppressed > 0 and "skewed" in generalise_view.still_good_for.value


def test_the_coarse_switch_names_every_fact_it_still_shares(profile):
    profile.coarse.value = True
    label = profile.coarse.description
    words = {"age": "age", "arrondissement": "area", "occupation": "sector", "gender": "gender"}
    for column, _ in profile.steps:
        assert words[column] in label, (column, label)
