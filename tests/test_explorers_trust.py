"""Lesson 04's explorers, driven headless as a learner would: set widgets, read the text."""

import html
import re

import numpy as np
import pytest

from osmosis_lab.charts.trust import reliability_text
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
from osmosis_lab.trust import app_certainty, judge_cases, reliability_table, reliance_summary

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
    assert "nothing is sent anywhere" in judge.kept.value  # said once, by the record
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
    judge.start_again.click()  # a call is kept: it asks first, and No keeps it (w43)
    assert judge.starting_again.asking and judge.position == 1
    judge.starting_again.keep.click()
    assert not judge.starting_again.asking and judge.position == 1
    judge.start_again.click()
    judge.starting_again.yes.click()
    assert judge.position == 0 and judge.progress.value == "Case 1 of 6"
    judge.start_again.click()  # nothing to lose: no question
    assert not judge.starting_again.asking


def test_random_sequences_of_judge_actions_report_what_a_model_computes():
    """Buttons by click, toggles and slider by index, in random order; after each step the
    report's numbers equal the engine's on the calls a model of the learner recorded."""
    cases = judge_cases(PAIRS, POPULATION, n=4, rng=np.random.default_rng(7))
    rng = np.random.default_rng(2019)  # fixed: the same sequences on every run
    for _ in range(25):
        judge = trust_judge.JudgeFirstExplorer(cases)
        model, pending = [], None
        for _ in range(30):
            action = rng.integers(5)
            if action == 0 and not judge.decision.disabled:
                judge.decision.index = int(rng.integers(2))
            elif action == 1 and not judge.confidence.disabled:
                judge.confidence.index = int(rng.integers(len(judge.confidence.labels)))
            elif action == 2:
                locked_before = not judge.final.disabled
                judge.lock.click()
                if not locked_before and not judge.final.disabled:
                    pending = (judge.decision.value, judge.confidence.value)
            elif action == 3 and not judge.final.disabled:
                judge.final.index = int(rng.integers(2))
            elif action == 4:
                ready = not judge.final.disabled and judge.final.value is not None
                final = judge.final.value
                judge.next_case.click()
                if ready and len(model) < len(cases):
                    model.append((*pending, final))
                    if len(model) < len(cases):  # a new case: the slider starts afresh
                        assert judge.confidence.value == trust_judge.START_CONFIDENCE
            assert judge.position == len(model)
            if not model:
                assert "not judged any case yet" in judge.report()
                continue
            done = cases.iloc[: len(model)]
            expected = reliance_summary(
                [m[2] == "accept" for m in model],
                done["app_accepts"].to_numpy(),
                done["outcome"].to_numpy(),
                initial=[m[0] == "accept" for m in model],
            )
            report = judge.report()
            assert f"agreed with the app on {expected.agreed} of {len(model)} cases" in report
            assert (
                f"switched to its call on {expected.switched_to_app} case" in report
                and f"{expected.switched_to_app_when_wrong} where it was wrong (over-reliance)"
                in report
            )
            assert f"on {expected.switched_away_when_right} (under-reliance)" in report
            assert "went along with it" not in report  # agreement is not called over-reliance
        if judge.finished:
            assert "very rough on only 4 cases" in judge.summary.value


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


def _confidence_words(stated, observed, tolerance=0.05):
    """A model of over/underconfidence, written from its definition: too extreme or not
    extreme enough on the side the statement leans to (not the sign of the gap)."""
    if abs(stated - observed) <= tolerance:
        return "about right"
    if stated > 0.5 or (stated == 0.5 and observed > 0.5):
        return "too sure of yes" if stated > observed else "not sure enough of yes"
    return "too sure of no" if stated < observed else "not sure enough of no"


def test_every_dial_sentence_is_true_at_every_setting(dial):
    """Sweep both controls over their whole range, by index as the browser sends them."""
    seen = set()
    for setting_index in range(len(dial.overconfidence.options)):
        dial.overconfidence.index = setting_index
        setting = dial.overconfidence.value
        table = reliability_table(
            app_certainty(dial.scores, overconfidence=setting), dial.outcome, bins=10
        )
        for line in reliability_text(table)[1:]:
            band = table.iloc[[reliability_text(table)[1:].index(line)]].iloc[0]
            expected = _confidence_words(band["mean_predicted"], band["observed_rate"])
            assert line.endswith(": " + expected), (setting, line)
            seen.add(expected)
        for dial_index in range(len(dial.dial.labels)):
            dial.dial.index = dial_index
            said = dial.dial.value
            headline = dial.summary.value
            row = table[table["bin"] == min(said // 10, 9)]
            if row.empty:
                assert "never states a certainty" in headline
                continue
            r = row.iloc[0]
            assert f"When the app says {said}%" in headline
            assert f"{r['observed_rate']:.0%} of the couples were doing well" in headline
            words = _confidence_words(r["mean_predicted"], r["observed_rate"])
            side = "would do well" if words.endswith("yes") else "would not do well"
            if words.startswith("too sure"):
                assert f"too sure these couples {side} (overconfident)" in headline
            elif words.startswith("not sure enough"):
                assert f"could have been surer they {side} (underconfident)" in headline
            else:
                assert "about right" in headline
    # the sweep reaches both kinds of error on both sides: the model is not vacuous
    assert {"too sure of yes", "too sure of no", "not sure enough of no"} <= seen


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


def test_only_the_chosen_objectives_match_is_named_once(objectives):
    """Predict, then switch: before switching, the other objective's match stays unnamed."""
    objectives.person.value = "Lucas Apert"
    for objective, hidden in (("attraction", "Antoine"), ("wellbeing", "Léopold")):
        objectives.objective.value = objective
        text = objectives.summary.value
        assert text.count("Lucas Apert is matched with") == 1
        assert hidden not in text
        assert "1 matches" not in text
    objectives.objective.value = "attraction"  # the fixture is shared: leave it as found


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
    assert (
        "Optimised for attraction, Camille Perrot is left unmatched: " in objectives.summary.value
    )


def test_report_displays_as_text_not_a_quoted_string(judge):
    from IPython.lib.pretty import pretty

    report = judge.report()
    assert pretty(report) == str(report) and not pretty(report).startswith("'")
    assert report._repr_html_().startswith("<p>You have not judged")


def test_next_case_says_all_judged_after_the_last_case_and_keeps_the_focus(judge):
    for _ in range(len(judge.cases)):
        assert not judge.next_case.disabled
        judge.judge("accept", 70)
    # still enabled: the learner has just pressed it, and disabling it would drop the focus
    assert not judge.next_case.disabled and judge.next_case.description == "All 6 judged"
    judge.start_again.click()
    judge.starting_again.yes.click()
    assert not judge.next_case.disabled and judge.next_case.description == "Next case"


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


def _stated_outage_figures(text):
    """The numbers the outage explorer's text states, read back as a learner would."""
    import re

    totals = re.search(r"One outage: (\d+) harmed with a single AI, (\d+) with", text)
    parts = re.search(r"safe modes cover (\d+), Billie reaches (\d+), (\d+) are harmed", text)
    everyone = re.search(r"all (\d+) connected users are harmed", text)
    groups = re.findall(r"Users (with(?:out)? a health condition): (\d+) of (\d+) harmed", text)
    return totals, parts, everyone, groups


def test_every_outage_figure_adds_up_at_every_setting(outage):
    """Sweep each control as the browser sets it (slider values, toggle index): the text's
    parts add up to the totals it states, for every setting."""
    users = int(POPULATION["signed_up"].sum())
    fallback, capacity = outage.fallback_success, outage.human_capacity
    checked = 0
    for index in range(len(outage.priority.options)):
        outage.priority.index = index
        for success in range(fallback.min, fallback.max + 1, fallback.step):
            fallback.value = success
            # Every capacity at the ends of the safe-mode range; a coarser grid in between.
            step = capacity.step if success in (fallback.min, fallback.max, 90) else 25
            for reach in range(capacity.min, capacity.max + 1, step):
                capacity.value = reach
                totals, parts, everyone, groups = _stated_outage_figures(outage.summary.value)
                covered, reached, harmed = map(int, parts.groups())
                assert int(everyone.group(1)) == int(totals.group(1)) == users
                assert int(totals.group(2)) == harmed
                assert covered + reached + harmed == users
                assert reached <= reach
                assert {name for name, _, _ in groups} == {
                    "with a health condition",
                    "without a health condition",
                }
                assert sum(int(h) for _, h, _ in groups) == harmed
                assert sum(int(n) for _, _, n in groups) == users
                assert (
                    sum(
                        row["people"]
                        for row in rows_of(outage.chart)
                        if row["outcome"] == "harmed" and row["design"] != "single AI"
                    )
                    == harmed
                )
                checked += 1
    assert checked > 2 * 21 * 9


def test_once_a_call_is_locked_the_explorer_no_longer_asks_to_decide(judge):
    # w40 read "Decide before you look anywhere else" under the app's verdict she had just seen
    judge.start_again.click()
    if judge.starting_again.asking:
        judge.starting_again.yes.click()
    assert (
        f"Case 1 of {len(judge.cases)}: decide before you look anywhere else" in judge.summary.value
    )
    judge.decision.value = "accept"
    judge.lock.click()
    assert "decide before you look" not in judge.summary.value
    assert "Your first call is locked in" in judge.summary.value
    judge.final.value = "accept"
    judge.next_case.click()
    # the next case, named: the summary is what a screen reader hears on Next case (w53)
    assert f"Case 2 of {len(judge.cases)}: decide before" in judge.summary.value


def test_a_move_of_the_dial_says_its_band_not_all_ten(dial):
    """w55 heard the whole ten-band record (1,084 characters) at every arrow key: the live
    text says the dial's band and the calibration figures; the bands are read when reached."""
    dial.dial.index = 10
    table = reliability_table(
        app_certainty(dial.scores, overconfidence=dial.overconfidence.value), dial.outcome, bins=10
    )
    every_band = reliability_text(table)[1:]
    assert not [line for line in every_band if html.escape(line, quote=False) in dial.summary.value]
    assert all(html.escape(line, quote=False) in dial.bands.value for line in every_band)
    assert len(re.sub(r"<[^>]+>", "", dial.summary.value)) < 600
