"""Lesson 01's five matching explorers, driven headless as a learner would."""

import re

import pytest

from osmosis_lab.data import load_people
from osmosis_lab.explorers import (
    matching_consent,
    matching_lie,
    matching_sides,
    matching_steps,
    matching_welfare,
)
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.explorers.matching_common import BETA, CASES, GALE_SHAPLEY, RANDOM, load_case
from osmosis_lab.matching import (
    blocking_pairs,
    deferred_acceptance,
    deferred_acceptance_steps,
    max_welfare_matching,
)
from osmosis_lab.matching.compare import happiness_points, total_points

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


def test_play_reaches_the_engine_result_and_reset_goes_back(steps):
    steps.play.click()
    expected = deferred_acceptance(load_case(CASES[0]).proposers, load_case(CASES[0]).reviewers)
    pairs = ", ".join(f"{p} and {r}" for p, r in expected.items())
    assert f"Final pairs: {pairs}." in text(steps)
    held = {(r["proposer"], r["reviewer"]) for r in rows_of(steps.chart) if r["status"] == "held"}
    assert held == set(expected.items())
    assert "Log of every step" in steps.log.value and steps.log.value.count("<li>") > 7
    steps.reset.click()
    assert steps.position == 0 and "Nobody has proposed yet" in text(steps)


def test_back_undoes_next(steps):
    for _ in range(4):
        steps.next_proposal.click()
    at_four = text(steps)
    steps.next_proposal.click()
    steps.back.click()
    assert text(steps) == at_four and steps.position == 4
    steps.reset.click()
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
    assert "3 stable matching(s)" in text(explorer)
    ranks = {row["person"]: row["rank"] for row in rows_of(explorer.chart)}
    assert ranks["alpha"] == 3 and ranks["A"] == 1


def test_who_proposes_changes_nothing_for_the_beta_testers():
    explorer = matching_sides.WhoProposesExplorer(BETA)
    assert "changes nobody's partner" in text(explorer)
    assert "Unmatched either way: Sofia Ricci, Camille Perrot" in text(explorer)


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
