"""Lesson 01's five matching explorers, driven headless as a learner would."""

import json
import re

import pytest

from osmosis_lab.data import load_people
from osmosis_lab.data.markets import beta_preferences
from osmosis_lab.explorers import (
    matching_consent,
    matching_lie,
    matching_sides,
    matching_steps,
    matching_welfare,
)
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.explorers.matching_common import (
    BETA,
    CASES,
    GALE_SHAPLEY,
    RANDOM,
    load_case,
    why_alone,
)
from osmosis_lab.matching import (
    blocking_pairs,
    deferred_acceptance,
    deferred_acceptance_steps,
    max_welfare_matching,
)
from osmosis_lab.matching.compare import happiness_points, total_points
from osmosis_lab.matching.unmatched import unmatched_reasons
from sequences import LogProblems, click, update

PEOPLE = load_people()


def rows_of(area) -> list[dict]:
    spec = chart_spec(area)
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def text(explorer) -> str:
    """What a learner reads in the text equivalent, without tags and entities."""
    plain = re.sub(r"<[^>]+>", " ", explorer.summary.value)
    return re.sub(r"\s+", " ", plain.replace("&amp;", "&").replace("&#x27;", "'"))


# ---------------------------------------------------------------- step-through


@pytest.fixture
def steps():
    return matching_steps.StepThroughExplorer()


def test_step_through_starts_empty_and_counts_every_proposal(steps):
    case = load_case(CASES[0])
    events = deferred_acceptance_steps(case.proposers, case.reviewers)
    assert steps.position == 0
    assert steps.total == sum(e.kind == "proposal" for e in events)
    assert "Nobody has proposed yet" in text(steps)
    assert {row["status"] for row in rows_of(steps.chart)} == {"not asked yet"}


def test_next_proposal_shows_one_proposal_and_its_answer(steps):
    steps.next_proposal.click()
    assert "Ada proposes to X (Ada's 1st choice)." in text(steps)
    assert "X tentatively accepts Ada." in text(steps)
    statuses = [row["status"] for row in rows_of(steps.chart)]
    assert statuses.count("held") == 1 and statuses.count("rejected") == 0
    steps.next_proposal.click()
    assert "X rejects Ben: X prefers Ada" in text(steps)
    assert "proposal 2 of 7" in text(steps)


def test_play_reaches_the_engine_result_and_start_again_goes_back(steps):
    steps.play.click()
    expected = deferred_acceptance(load_case(CASES[0]).proposers, load_case(CASES[0]).reviewers)
    pairs = ", ".join(f"{p} and {r}" for p, r in expected.items())
    assert f"Final pairs: {pairs}." in text(steps)
    held = {(r["proposer"], r["reviewer"]) for r in rows_of(steps.chart) if r["status"] == "held"}
    assert held == set(expected.items())
    assert "Log of every step" in steps.log.value and steps.log.value.count("<li>") > 7
    steps.start_again.click()
    assert steps.position == 0 and "Nobody has proposed yet" in text(steps)


def test_back_undoes_next(steps):
    for _ in range(4):
        steps.next_proposal.click()
    at_four = text(steps)
    steps.next_proposal.click()
    steps.back.click()
    assert text(steps) == at_four and steps.position == 4
    steps.start_again.click()
    steps.back.click()  # already at the start: stays there
    assert steps.position == 0


def test_switching_example_restarts_on_the_new_case(steps):
    steps.play.click()
    steps.example.value = BETA
    case = load_case(BETA)
    events = deferred_acceptance_steps(case.proposers, case.reviewers)
    assert steps.position == 0
    assert steps.total == sum(e.kind == "proposal" for e in events)
    steps.play.click()
    assert "Lucas Apert and Léopold" in text(steps)


# ---------------------------------------------------------------- who proposes


def test_who_proposes_gale_shapley_extremes():
    explorer = matching_sides.WhoProposesExplorer(GALE_SHAPLEY)
    assert [label for label, _ in explorer.proposing.options] == ["Men propose", "Women propose"]
    assert "the men's partners are on average their choice number 1.0" in text(explorer)
    assert "the women's partners are on average their choice number 3.0" in text(explorer)
    explorer.proposing.value = "second"
    assert "When women propose: the women's partners are on average their choice number 1.0" in (
        text(explorer)
    )
    assert "3 stable matchings" in text(explorer)
    ranks = {row["person"]: row["rank"] for row in rows_of(explorer.chart)}
    assert ranks["alpha"] == 3 and ranks["A"] == 1


def test_who_proposes_changes_nothing_for_the_beta_testers():
    explorer = matching_sides.WhoProposesExplorer(BETA)
    assert "changes nobody's partner" in text(explorer)
    # Sofia Ricci and Camille Perrot have no partner to average: the sentence says so
    assert "their choice number 1.7 (10 of 12 testers have a partner)" in text(explorer)
    for name in ("Sofia Ricci", "Camille Perrot"):
        assert (
            f"{name} is left alone: everyone who would accept {name} ended up with someone they "
            f"prefer to {name} (Zoé Lemoine is with Yanis Haddou)."
        ) in text(explorer)


# ---------------------------------------------------------------- stable vs best


@pytest.mark.parametrize("case", [RANDOM, BETA])
def test_stable_vs_best_totals_match_the_engine(case):
    explorer = matching_welfare.StableVsBestExplorer(case)
    c = load_case(case)
    stable = deferred_acceptance(c.proposers, c.reviewers)
    best = max_welfare_matching(happiness_points(c.proposers, c.reviewers))
    said = text(explorer)
    assert (
        f"Stable (deferred acceptance): {total_points(stable, c.proposers, c.reviewers):.0f}"
        in said
    )
    assert f"Best total points: {total_points(best, c.proposers, c.reviewers):.0f}" in said
    assert "0 blocking pair(s)" in said
    assert f"{len(blocking_pairs(best, c.proposers, c.reviewers))} blocking pair(s)" in said
    assert total_points(best, c.proposers, c.reviewers) >= total_points(
        stable, c.proposers, c.reviewers
    )


def test_best_total_splits_ana_and_simon():
    explorer = matching_welfare.StableVsBestExplorer(BETA)
    assert "Blocking pair Ana Stern and Simon" in text(explorer)
    points = rows_of(explorer.chart)
    assert {row["matching"] for row in points} == {matching_welfare.STABLE, matching_welfare.BEST}


# ---------------------------------------------------------------- lying


@pytest.fixture
def lies():
    return matching_lie.LieExplorer()


@pytest.mark.parametrize("woman", ["A", "B", "C"])
def test_a_reviewer_gains_by_truncating(lies, woman):
    lies.liar.value, lies.lie.value = woman, "truncate"
    assert f"The lie paid off: {woman} gets" in text(lies)
    assert "Dubins and Freedman" in text(lies)


@pytest.mark.parametrize("case", [GALE_SHAPLEY, RANDOM])
def test_no_proposer_ever_gains(case):
    explorer = matching_lie.LieExplorer(case)
    for proposer in load_case(case).proposers:
        for how in ("swap", "truncate"):
            explorer.liar.value, explorer.lie.value = proposer, how
            assert "paid off" not in text(explorer), (proposer, how)


def test_changing_example_offers_its_people(lies):
    lies.example.value = RANDOM
    case = load_case(RANDOM)
    assert list(lies.liar.options) == [*case.proposers, *case.reviewers]
    assert "6 invented people a side: what if P1 lies?" in text(lies)


# ---------------------------------------------------------------- consent


@pytest.fixture
def consent():
    return matching_consent.ConsentMatchExplorer(PEOPLE)


def test_withdrawal_moves_people_who_switched_nothing_off(consent):
    assert "Nobody's match changed." in text(consent)
    consent.tester.value = "Bastien Colin"
    consent.shares["conscious"].value = False
    said = text(consent)
    assert "Bastien Colin stopped sharing conscious memories." in said
    assert "Karim Benali (switched nothing off)" in said
    assert "Mathis Roy (switched nothing off)" in said
    assert "Bastien Colin (changed their own sharing)" in said


def test_each_tester_keeps_their_own_ticks(consent):
    consent.tester.value = "Bastien Colin"
    consent.shares["conscious"].value = False
    consent.tester.value = "Ana Stern"
    assert all(box.value for box in consent.shares.values())
    assert "Karim Benali (switched nothing off)" in text(consent)  # Bastien's change stays
    consent.tester.value = "Bastien Colin"
    assert consent.shares["conscious"].value is False


def test_sharing_nothing_means_no_match_and_reset_restores(consent):
    consent.tester.value = "Ana Stern"
    for box in consent.shares.values():
        box.value = False
    assert "Ana Stern (changed their own sharing): matched with Simon before, nobody now." in (
        text(consent)
    )
    consent.everyone.click()
    assert "Everyone shares every category." in text(consent)
    assert all(box.value for box in consent.shares.values())


# ---------------------------------------------------------------- nobody vanishes


def assert_alone_shown(explorer, matching, proposers, reviewers, *, group=None, empty_list=None):
    """Every person the engine finds unmatched is in the text with its reason, and in the chart."""
    said = text(explorer)
    rows = rows_of(explorer.chart)
    words = {} if empty_list is None else {"empty_list": empty_list}
    reasons = unmatched_reasons(matching, proposers, reviewers)
    for why in reasons:
        sentence = why_alone(why, **words)
        assert sentence in said, f"{why.person} is unmatched but the text does not say why"
        for q, holder in why.held:  # the sentence names what the market shows
            assert holder is None or f"{q} is with {holder}" in sentence or "more" in sentence
        if rows and "why" in rows[0]:
            mine = [
                r
                for r in rows
                if r["person"] == why.person and (group is None or r.get("group") == group)
            ]
            if why.side == "proposer" or group is None:
                assert any(r["why"] == sentence for r in mine), f"{why.person} not in the chart"
    return reasons


@pytest.mark.parametrize("case", CASES)
def test_step_through_names_everyone_left_alone_at_the_end(case):
    explorer = matching_steps.StepThroughExplorer(case)
    explorer.play.click()
    c = load_case(case)
    reasons = assert_alone_shown(
        explorer, deferred_acceptance(c.proposers, c.reviewers), c.proposers, c.reviewers
    )
    for why in reasons:
        assert why.person in chart_spec(explorer.chart)["description"]


@pytest.mark.parametrize("case", matching_sides.OPTIONS)
def test_who_proposes_shows_everyone_alone_with_the_reason(case):
    explorer = matching_sides.WhoProposesExplorer(case)
    for side in ("first", "second"):
        explorer.proposing.value = side
        c = load_case(case) if side == "first" else load_case(case).swapped()
        assert_alone_shown(
            explorer, deferred_acceptance(c.proposers, c.reviewers), c.proposers, c.reviewers
        )


@pytest.mark.parametrize("case", matching_welfare.OPTIONS)
def test_stable_and_best_total_show_everyone_alone_with_the_reason(case):
    explorer = matching_welfare.StableVsBestExplorer(case)
    c = load_case(case)
    for matching in explorer.matchings().values():
        assert_alone_shown(explorer, matching, c.proposers, c.reviewers)


def test_the_beta_testers_left_alone_appear_in_every_chart():
    for explorer in (
        matching_sides.WhoProposesExplorer(BETA),
        matching_welfare.StableVsBestExplorer(BETA),
        matching_consent.ConsentMatchExplorer(PEOPLE),
    ):
        shown = {r["person"] for r in rows_of(explorer.chart) if r.get("why")}
        assert {"Sofia Ricci", "Camille Perrot"} <= shown, type(explorer).__name__


FULL_SWEEP = (0, 5, 11)


def test_every_consent_setting_shows_everyone_alone_with_a_reason_the_engine_gives():
    """Every tester (by index, as the browser sends it), and every one of the 16 tick patterns
    of the four boxes (by value) for three of them (the first, Sofia Ricci who is left alone,
    the last); earlier testers keep a changed pattern, so markets combine. All 16 patterns for
    all 12 testers took 40 s on the shared machine, for no new kind of state."""
    explorer = matching_consent.ConsentMatchExplorer(PEOPLE)
    boxes = list(explorer.shares.values())
    with LogProblems() as problems:
        for index in range(len(explorer.tester.options)):
            update(explorer.tester, index=index)
            for step in range(2 ** len(boxes) if index in FULL_SWEEP else 1):
                # a Gray code: one box changes per step, and all 16 patterns come up once
                pattern = step ^ (step >> 1)
                for bit, box in enumerate(boxes):
                    if box.value != bool(pattern >> bit & 1):
                        update(box, value=bool(pattern >> bit & 1))
                prefs = beta_preferences(PEOPLE, shared=explorer.sharing)
                matching = deferred_acceptance(*prefs)
                assert_alone_shown(
                    explorer,
                    matching,
                    *prefs,
                    group="after your changes",
                    empty_list=matching_consent.EMPTY_LIST,
                )
            for bit, box in enumerate(boxes):  # leave this tester with one pattern of their own
                update(box, value=bool((index + 5) >> bit & 1))
        click(explorer.everyone)
    assert not problems.found
    assert "Everyone shares every category." in text(explorer)


def test_every_chart_spec_is_strict_json_with_people_left_alone():
    """A NaN in a spec breaks the kernel's message to the browser (the chart never shows)."""
    for explorer in (
        matching_sides.WhoProposesExplorer(BETA),
        matching_welfare.StableVsBestExplorer(BETA),
        matching_consent.ConsentMatchExplorer(PEOPLE),
    ):
        json.dumps(chart_spec(explorer.chart), allow_nan=False)
