"""Lessons 04 and 05 agree with themselves and with the engines (issue 12, a learner's report).

Each test reads what a learner sees (an explorer's text, a lesson's prose) and compares it with
what the engine computes: the judge-first results button, mutual and one-way scores, why someone
is unmatched, Sofia, Billie's sentence at every setting, one way of writing a calibration error,
who the 1,024 are, and why the subconscious signals move no match in lesson 05.
"""

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from osmosis_lab import data
from osmosis_lab.check import lesson04 as checks
from osmosis_lab.explorers import plain_words
from osmosis_lab.explorers.trust_certainty import CertaintyExplorer
from osmosis_lab.explorers.trust_explain import WhyThisMatchExplorer
from osmosis_lab.explorers.trust_judge import SEE_RESULTS, JudgeFirstExplorer
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer
from osmosis_lab.explorers.trust_outage import OutageExplorer, billie_words
from osmosis_lab.review import AS_PLANNED, review_scenario
from osmosis_lab.review.themes import market_preferences, stable_match
from osmosis_lab.trust import judge_cases

LESSONS = Path(__file__).parents[1] / "lessons"
ECE = re.compile(r"^\d\.\d\d$")


def prose(stem: str) -> str:
    cells = json.loads((LESSONS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    return " ".join(
        " ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown"
    )


def said(*widgets) -> str:
    shown = " ".join(w.value for w in widgets)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", shown)).split())


# -- 1. the results appear when the button the lesson names is pressed ---------------------------


def test_the_last_case_offers_see_my_results_and_keeps_the_focus(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # any record of calls stays in tmp_path
    cases = judge_cases(
        data.load_pairs(), data.load_population(), n=3, rng=np.random.default_rng(1)
    )
    judge = JudgeFirstExplorer(cases)
    for _ in range(2):
        judge.judge("accept", 80)
    judge.decision.value = "reject"
    judge.lock.click()
    assert judge.next_case.description == SEE_RESULTS
    assert f"then press {SEE_RESULTS}" in said(judge.verdict)
    assert "Your first calls, made before you saw the app's, were right" not in said(
        judge.summary
    )  # not before the press
    judge.next_case.click()
    assert "Your first calls, made before you saw the app's, were right" in said(judge.summary)
    # the button just pressed keeps the keyboard focus: enabled, and it says where to look
    assert not judge.next_case.disabled and judge.next_case.description == "All 3 judged"
    judge.next_case.click()
    assert "your results are below" in said(judge.verdict)
    judge.start_again.click()
    judge.starting_again.yes.click()
    assert judge.next_case.description == "Next case"


def test_lesson_04_names_the_button_that_shows_the_results():
    text = prose("04_trust")
    assert f"**{SEE_RESULTS}**" in text
    assert "When you have decided all 10 cases, the explorer shows" not in text


# -- 2 and 3. mutual and one-way scores agree; an unmatched person is told why ------------------


@pytest.fixture(scope="module")
def objectives():
    return ObjectivesExplorer.with_lesson_data()


@pytest.fixture(scope="module")
def why():
    return WhyThisMatchExplorer.with_lesson_data()


def test_the_mutual_score_is_the_mean_of_the_one_way_scores_why_this_match_shows(objectives, why):
    checked = 0
    for person in objectives.person.options:
        for objective in ("attraction", "wellbeing"):
            match = objectives.match_of(person, objective)
            if match is None:
                continue
            other = match["match"]
            found = re.search(
                rf"mutual score (\d\.\d\d): the average of {person}'s score for {other} "
                rf"\((\d\.\d\d)\) and {other}'s for {person} \((\d\.\d\d)\)",
                objectives.sentence(person, objective),
            )
            assert found, objectives.sentence(person, objective)
            why.person.value, why.other.value = person, other
            shown = said(why.summary)
            one_way = re.search(rf"{person}'s score for {other} is (\d\.\d\d)", shown).group(1)
            back = re.search(rf"{other}'s score for {person} is (\d\.\d\d)", shown).group(1)
            mutual = re.search(r"mutual score, the average of the two: (\d\.\d\d)", shown).group(1)
            assert "This is one direction" in shown
            assert found.groups() == (mutual, one_way, back), (person, other)
            checked += 1
    assert checked >= 16


def test_someone_unmatched_is_given_the_engines_reason(objectives):
    seen = 0
    for person in objectives.person.options:
        for objective in ("attraction", "wellbeing"):
            if objectives.match_of(person, objective) is not None:
                continue
            sentence = objectives.sentence(person, objective)
            fits = objectives.allowed.columns[objectives.allowed.loc[person]].tolist()
            chosen = objectives.matches[objectives.matches["objective"] == objective]
            for name in fits:  # each who may meet them is named, with whom they are matched
                partner = chosen.loc[chosen["match"] == name, "person"].iloc[0]
                assert f"{name} is matched with {partner}" in sentence, sentence
            assert sentence.count(":") >= 1 and not sentence.endswith("unmatched.")
            seen += 1
    assert seen >= 1
    camille = objectives.sentence("Camille Perrot", "attraction")
    assert "the only candidate who may meet them" in camille and "Zoé Lemoine" in camille


# -- 4. one Sofia ---------------------------------------------------------------------------------


def test_sofia_is_the_invented_beta_tester_sofia_ricci():
    text = prose("04_trust")
    people = data.load_people().set_index("name")
    assert people.loc["Sofia Ricci", "role"] == "tester"
    assert people.loc["Sofia Ricci", "source"] == "invented"
    first = text.index("Sofia")
    assert text.startswith("Sofia Ricci", first) and "invented" in text[first : first + 200]
    assert "an invented tester" not in text


# -- 5. Billie's sentence reads well at every setting --------------------------------------------


BAD = re.compile(r"\b0 of the 0\b|\b1 people\b|\b1 of the 1\b|\bnone of the 1\b")


def test_billies_sentence_reads_well_for_any_counts():
    for failed in range(0, 6):
        for reached in range(0, failed + 1):
            line = billie_words("in random order", reached, failed)
            assert not BAD.search(line), line
            assert str(failed) in line or failed <= 1, line  # how many failed, unless 0 or 1
    assert billie_words("x", 0, 0).endswith("nobody needs her call.")  # all safe modes worked


def test_billies_sentence_on_screen_at_the_ends_of_the_sliders():
    """The explorer's line is billie_words of its own counts (the sweep above covers the words)."""
    explorer = OutageExplorer.with_lesson_data()
    lines = set()
    for success, capacity in ((0, 0), (95, 200), (100, 0), (100, 200)):
        explorer.fallback_success.value, explorer.human_capacity.value = success, capacity
        line = next(s for s in said(explorer.summary).split(". ") if "Billie calls" in s)
        assert not BAD.search(line), line
        lines.add(line)
    assert any("nobody needs her call" in line for line in lines)  # 100 %: every safe mode works
    assert len(lines) >= 3


# -- 6. one way of writing a calibration error -----------------------------------------------


def test_every_calibration_error_on_screen_is_written_one_way():
    from osmosis_lab import trust

    pairs, population = data.load_pairs(), data.load_population()
    scores, outcome = trust.pair_scores(pairs, population), pairs["wellbeing_after_1y"]
    sweep = trust.overconfidence_sweep(
        scores,
        outcome,
        overconfidence=[0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
        midpoint=trust.APP_MIDPOINT,
        sharpness=trust.APP_SHARPNESS,
    )
    shown = plain_words.sweep_words(sweep).data["expected calibration error"].tolist()
    assert all(ECE.match(value) for value in shown), shown
    assert sorted(shown)[0] < sorted(shown)[1]  # the best setting still stands out
    certainty = said(CertaintyExplorer.with_lesson_data().summary)
    assert re.search(r"Expected calibration error: \d\.\d\d ", certainty), certainty
    cells = json.loads((LESSONS / "04_trust.ipynb").read_text(encoding="utf-8"))["cells"]
    code = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "percentage points" not in code and "calibration_error_words(ece)" in code
    # Exercise 2 accepts the answer written as the screen writes it
    assert str(checks.ece_by_hand(float(plain_words.calibration_error_words(0.2)))).startswith(
        "Correct"
    )


# -- 7 and 8. lesson 05: who the 1,024 are; why the subconscious signals move no match -----------


@pytest.fixture(scope="module")
def scenario():
    return review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )


def test_the_1024_are_the_residents_testers_and_candidates(scenario):
    said_ = re.search(
        r"the ([\d,]+) residents and the (\d+) testers and (\d+) candidates, ([\d,]+) people",
        prose("05_design_review"),
    )
    assert said_, "lesson 05 no longer says who the 1,024 are"
    residents, testers, candidates, total = (int(g.replace(",", "")) for g in said_.groups())
    people = data.load_people()
    assert residents == len(data.load_population())
    assert testers == (people["role"] == "tester").sum()
    assert candidates == (people["role"] == "candidate").sum()
    assert total == residents + testers + candidates == scenario.city


def test_why_the_subconscious_signals_move_no_match_is_said_as_computed(scenario):
    text = prose("05_design_review")
    found = re.search(
        r"leaves each tester (\d+) to (\d+) candidates\. Without the signals, (\d+) of the (\d+) "
        r"preference lists swap "
        r"two neighbours and the stable matching stays the same",
        text,
    )
    assert found, "lesson 05 no longer explains the subconscious signals"
    low, high, changed, lists = map(int, found.groups())
    without = replace(AS_PLANNED, categories=("declared", "scraped", "conscious"))
    a, b = market_preferences(scenario, AS_PLANNED), market_preferences(scenario, without)
    lengths = [(row >= 0).sum() for row in a.tester_prefs]
    assert (low, high) == (min(lengths), max(lengths))
    rows = [
        *zip(a.tester_prefs, b.tester_prefs, strict=True),
        *zip(a.candidate_prefs, b.candidate_prefs, strict=True),
    ]
    assert lists == len(rows)
    assert changed == sum(not np.array_equal(x, y) for x, y in rows)
    for kept, dropped in rows:  # a swap of two neighbours, nothing more
        moved = np.flatnonzero(kept != dropped)
        assert len(moved) in (0, 2) and (len(moved) == 0 or moved[1] == moved[0] + 1)
    assert np.array_equal(stable_match(a, "testers"), stable_match(b, "testers"))
    # a candidate who never signed up shares only scraped data: the signals never enter there
    people = data.load_people()
    unsigned = people[(people["role"] == "candidate") & ~people["signed_up"].astype(bool)]
    assert len(unsigned) >= 1 and "a candidate who never signed up shares only scraped data" in text
