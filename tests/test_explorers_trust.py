"""Lesson 04's explorers, driven headless as a learner would: set widgets, read the text."""

import numpy as np
import pytest

from osmosis_lab.data import load_pairs, load_people, load_population

# imported as modules: pytest would try to collect classes named Test*
from osmosis_lab.explorers import (
    trust_certainty,
    trust_explain,
    trust_judge,
    trust_objectives,
    trust_outage,
)
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.trust import judge_cases

PEOPLE, POPULATION, PAIRS = load_people(), load_population(), load_pairs()


def rows_of(area, key=None):
    """The chart's data rows (of the layer whose rows have ``key``, for layered charts)."""
    datasets = chart_spec(area)["datasets"].values()
    return next(rows for rows in datasets if key is None or key in rows[0])


# --- Judge first ---------------------------------------------------------------------------


@pytest.fixture
def judge():
    cases = judge_cases(PAIRS, POPULATION, n=6, rng=np.random.default_rng(2019))
    return trust_judge.JudgeFirstExplorer(cases)


def test_the_verdict_stays_hidden_until_the_call_is_locked(judge):
    assert judge.progress.value == "Case 1 of 6"
    assert judge.verdict.value == "" and "The app says" not in judge.case_card.value
    assert judge.final.disabled
    judge.lock.click()  # nothing chosen yet: it says so, and reveals nothing
    assert "Choose accept or reject first" in judge.verdict.value
    judge.next_case.click()
    assert "Lock in your call first" in judge.verdict.value and judge.position == 0
    judge.decision.value = "reject"
    judge.lock.click()
    assert "The app says" in judge.verdict.value
    assert judge.decision.disabled and judge.confidence.disabled
    assert judge.final.value == "reject" and not judge.final.disabled


def test_a_case_card_shows_what_the_app_saw_without_names(judge):
    card = judge.case_card.value
    for label in (
        "Declared profile",
        "Scraped social media",
        "Conscious memories",
        "Subconscious signals",
    ):
        assert label in card
    for name in POPULATION["name"]:
        assert name not in card


def test_following_the_app_everywhere_gives_full_agreement(judge):
    for case in judge.cases.itertuples():
        app_call = "accept" if case.app_accepts else "reject"
        judge.judge("reject" if app_call == "accept" else "accept", 60, final=app_call)
    assert judge.finished and judge.progress.value == "All 6 cases decided."
    found = judge.results()["reliance"]
    assert found.agreed == 6 and found.switched_to_app == 6
    assert found.over_reliance == found.app_wrong
    assert "You agreed with the app on 6 of 6 cases (100%)" in judge.summary.value
    assert "nothing is sent anywhere" in judge.summary.value
    sources = {row["source"] for row in rows_of(judge.chart, "source")}
    assert sources == {"you", "the app"}


def test_your_calibration_uses_your_first_call_and_confidence(judge):
    for case in judge.cases.itertuples():
        judge.judge("accept" if case.outcome else "reject", 100)  # always right, fully sure
    found = judge.results()
    assert found["you"]["accuracy"] == 1.0
    assert found["you"]["expected_calibration_error"] == 0.0
    assert "yours 0.00" in judge.summary.value


def test_report_and_start_again(judge):
    assert "not judged any case yet" in judge.report()
    judge.judge("accept", 70)
    assert judge.report().startswith("So far (1 of 6 cases)")
    judge.start_again.click()
    assert judge.position == 0 and judge.progress.value == "Case 1 of 6"


# --- How sure is 98 %? --------------------------------------------------------------------


@pytest.fixture(scope="module")
def dial():
    return trust_certainty.CertaintyExplorer(PAIRS, POPULATION)


def test_the_dial_reads_the_track_record(dial):
    dial.overconfidence.value = 1.0
    dial.dial.value = 98
    text = dial.summary.value
    assert "When the app says 98% (the 90-100% band" in text
    highlighted = [row for row in rows_of(dial.chart, "highlight") if row["highlight"]]
    assert len(highlighted) == 1 and highlighted[0]["bin"] == 9
    assert f"{highlighted[0]['observed_rate']:.0%} of the couples were doing well" in text


def test_overconfidence_changes_calibration_not_accuracy(dial):
    readings = {}
    for setting in (0.2, 1.0, 3.0):
        dial.overconfidence.value = setting
        text = dial.summary.value
        error = float(text.split("Expected calibration error: ")[1].split(" ")[0])
        accuracy = text.split("Accuracy of the yes/no verdict: ")[1].split(",")[0]
        readings[setting] = (error, accuracy)
    assert readings[0.2][0] < readings[1.0][0] < readings[3.0][0]
    assert len({accuracy for _, accuracy in readings.values()}) == 1


def test_an_empty_band_is_said_plainly(dial):
    dial.overconfidence.value = 0.1  # every statement squeezed towards 50 %
    dial.dial.value = 99
    assert "never states a certainty in the 90-100% band" in dial.summary.value


# --- What are we optimising? ---------------------------------------------------------------


@pytest.fixture(scope="module")
def objectives():
    return trust_objectives.ObjectivesExplorer.for_testers(PEOPLE)


def test_lucas_under_each_objective(objectives):
    objectives.person.value = "Lucas Apert"
    objectives.objective.value = "attraction"
    assert (
        "Optimised for attraction, Lucas Apert is matched with Léopold" in objectives.summary.value
    )
    objectives.objective.value = "wellbeing"
    headline = objectives.summary.value.split("</strong>")[0]
    assert "Optimised for wellbeing, Lucas Apert is matched with Antoine" in headline


def test_totals_and_chart(objectives):
    text = objectives.summary.value
    assert text.count("expected to end badly") == 2
    rows = rows_of(objectives.chart)
    assert {row["objective"] for row in rows} == {"attraction", "wellbeing"}
    assert (
        objectives.totals.loc["wellbeing", "share_ending_badly"]
        < objectives.totals.loc["attraction", "share_ending_badly"]
    )


def test_someone_left_unmatched_is_said_so(objectives):
    objectives.person.value = "Camille Perrot"  # non-binary: only Zoé, seeking everyone, fits
    matched = set(objectives.matches["person"])
    assert "Camille Perrot" not in matched  # Zoé goes to someone the totals favour
    assert "Optimised for attraction, Camille Perrot is left unmatched." in objectives.summary.value


# --- Why this match? ------------------------------------------------------------------------


def test_why_this_match():
    why = trust_explain.WhyThisMatchExplorer(PEOPLE)
    assert why.person.value == "Lucas Apert" and why.other.value == "Léopold"
    assert "Subconscious signals add 0.50" in why.summary.value
    why.other.value = "Antoine"
    assert "Lucas Apert's score for Antoine is" in why.summary.value
    assert "What the score leaves out" in why.summary.value
    rows = rows_of(why.chart)
    assert len(rows) == 4
    assert sum(row["contribution"] for row in rows) == pytest.approx(
        float(why.summary.value.split("for Antoine is ")[1][:4]), abs=0.006
    )


# --- When the AI goes down --------------------------------------------------------------------


@pytest.fixture
def outage():
    return trust_outage.OutageExplorer(POPULATION, rng=np.random.default_rng(2019))


def test_single_ai_harms_everyone_and_billie_reaches_her_capacity(outage):
    users = int(POPULATION["signed_up"].sum())
    outage.fallback_success.value = 0
    outage.human_capacity.value = 50
    text = outage.summary.value
    assert f"all {users} connected users are harmed" in text
    assert f"Billie reaches 50, {users - 50} are harmed" in text


def test_same_settings_same_outcome(outage):
    first = outage.summary.value
    outage.human_capacity.value = 100
    outage.human_capacity.value = 20
    assert outage.summary.value == first


def test_priority_to_people_with_a_health_condition(outage):
    outage.fallback_success.value = 0
    outage.human_capacity.value = 100
    outage.priority.value = "health conditions first"
    with_condition = int((POPULATION[POPULATION["signed_up"]]["health_condition"] != "none").sum())
    harmed = max(0, with_condition - 100)
    assert f"Users with a health condition: {harmed} of {with_condition} harmed." in (
        outage.summary.value
    )
    parts = {row["outcome"] for row in rows_of(outage.chart)}
    assert parts == {"safe mode took over", "reached by the human contact", "harmed"}
