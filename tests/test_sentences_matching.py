"""Lesson 01's explorers: every sentence they print has a predicate computed from the lists.

Each sentence kind is recomputed from the engines given the control values, after every step
of random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from sentence_sweep import SEEDS, STEPS, sweep, text
from sequences import run_sequence

# ---------------------------------------------------------------------- lesson 01: matching


def prefers(ranking: list, new, current) -> bool:
    """Whether someone with ``ranking`` would leave ``current`` (None: alone) for ``new``."""
    if new not in ranking:
        return False
    return current is None or current not in ranking or ranking.index(new) < ranking.index(current)


def blocking(matching: dict, proposers: dict, reviewers: dict) -> set[tuple]:
    """Every pair who would both rather be together, straight from the definition."""
    partner_of = {r: p for p, r in matching.items() if r is not None}
    return {
        (p, r)
        for p, ranking in proposers.items()
        for r in ranking
        if matching.get(p) != r
        and prefers(ranking, r, matching.get(p))
        and prefers(reviewers[r], p, partner_of.get(r))
    }


def points(matching: dict, proposers: dict, reviewers: dict) -> int:
    """Happiness points: k + 1 - the partner's place on one's own list, for both partners."""
    k = max(len(proposers), len(reviewers))
    return sum(
        (k + 1 - (proposers[p].index(r) + 1)) + (k + 1 - (reviewers[r].index(p) + 1))
        for p, r in matching.items()
        if r is not None
    )


def pairs_in(line: str) -> dict:
    found = re.search(r"pairs: (.*?)\.(?: |$)", line).group(1)
    return {} if found == "none" else dict(pair.split("-", 1) for pair in found.split(", "))


def welfare_model(explorer, _control) -> None:
    """Each matching's total points and blocking pairs, from its pairs and the lists."""
    from osmosis_lab.explorers.matching_common import load_case

    case = load_case(explorer.example.value)
    shown = text(explorer)
    totals = {}
    for label in ("Stable (deferred acceptance)", "Best total points"):
        line = re.search(rf"{re.escape(label)}: .*?pairs: [^.]*\.", shown)
        assert line, label
        matching = pairs_in(line.group())
        found = blocking(matching, case.proposers, case.reviewers)
        totals[label] = points(matching, case.proposers, case.reviewers)
        assert f"{label}: {totals[label]} points in total, {len(found)} blocking pair(s)" in shown
        if label.startswith("Stable"):
            assert not found, f"the stable matching has blocking pairs {found}"
    # every blocking pair named is one (both would rather be together), and they are named
    named = set(re.findall(r"Blocking pair (\S+(?: \S+)??) and (\S+(?: \S+)??):", shown))
    best = pairs_in(re.search(r"Best total points: .*?pairs: [^.]*\.", shown).group())
    assert named <= blocking(best, case.proposers, case.reviewers), named
    assert totals["Best total points"] >= totals["Stable (deferred acceptance)"]


def test_welfare_sentences_over_every_case():
    from osmosis_lab.explorers.matching_welfare import StableVsBestExplorer

    assert sweep(StableVsBestExplorer.with_lesson_data(), welfare_model, product=True) == 3


def sides_model(explorer, _control) -> None:
    """Mean places and who moves, from deferred acceptance run both ways on the lists."""
    from osmosis_lab.explorers.matching_common import load_case
    from osmosis_lab.matching import deferred_acceptance

    case = load_case(explorer.example.value)
    first = explorer.proposing.value == "first"
    asking, other = (case, case.swapped()) if first else (case.swapped(), case)
    now = deferred_acceptance(asking.proposers, asking.reviewers)
    then = deferred_acceptance(other.proposers, other.reviewers)
    shown = text(explorer)
    for matching, lists, when in (
        (now, asking, f"When {asking.proposer_side} propose"),
        (then, other, "With the other side proposing"),
    ):
        partner_of = {r: p for p, r in matching.items() if r is not None}
        parts = []
        for group, ranking, mine in (
            (lists.proposer_side, lists.proposers, matching),
            (lists.reviewer_side, lists.reviewers, partner_of),
        ):
            places = [ranking[x].index(mine[x]) + 1 for x in ranking if mine.get(x) is not None]
            owner = f"{group}'" if group.endswith("s") else f"{group}'s"
            if places:
                parts.append(
                    f"the {owner} partners are on average their choice number {np.mean(places):.1f}"
                )
            else:
                parts.append(f"none of the {group} has a partner")
        sentence = re.search(rf"{re.escape(when)}: [^()]*?(?:\([^)]*\)[^()]*?)*\(1 = first", shown)
        assert sentence, when
        for part in parts:
            assert part in sentence.group(), (when, part, sentence.group())

    # who moves: everyone whose partner differs between the two runs, read on either side
    def partners(matching):
        table = {p: r for p, r in matching.items()}
        table.update({r: p for p, r in matching.items() if r is not None})
        return table

    a, b = partners(now), partners(then)
    moved = sorted(x for x in set(a) | set(b) if a.get(x) != b.get(x))
    if moved:
        said = re.search(r"changes the partner of (\d+) people: ([^.]*)\.", shown)
        assert said and int(said.group(1)) == len(moved), (moved, shown)
        assert sorted(said.group(2).split(", ")) == moved
    else:
        assert "changes nobody's partner" in shown


def test_sides_sentences_over_every_case_and_side():
    from osmosis_lab.explorers.matching_sides import WhoProposesExplorer

    assert sweep(WhoProposesExplorer.with_lesson_data(), sides_model, product=True) == 6


@pytest.mark.parametrize("seed", SEEDS)
def test_matching_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.matching_sides import WhoProposesExplorer
    from osmosis_lab.explorers.matching_welfare import StableVsBestExplorer

    run_sequence(WhoProposesExplorer.with_lesson_data(), seed, STEPS, model=sides_model)
    run_sequence(StableVsBestExplorer.with_lesson_data(), seed, STEPS, model=welfare_model)


# ---------------------------------------------------------------------- lesson 01: lies


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def lie_model(explorer, _control) -> None:
    """The report is the named lie; the verdict compares the liar's partners on the TRUE list."""
    from osmosis_lab.explorers.matching_common import load_case
    from osmosis_lab.matching import deferred_acceptance

    case = load_case(explorer.example.value)
    liar, how, shown = explorer.liar.value, explorer.lie.value, text(explorer)
    proposer = liar in case.proposers
    true_list = (case.proposers if proposer else case.reviewers)[liar]
    said = re.search(rf"{re.escape(liar)} \(one of the [^)]*\) reports: ([^.]*)\.", shown)
    assert said, shown
    reported = [] if said.group(1) == "nobody" else said.group(1).split(", ")
    if how == "truth":
        assert reported == list(true_list)
    elif how == "swap":
        assert reported == [*true_list[1::-1], *true_list[2:]]
    else:  # truncate: a shorter list in the same order, the liar's own choices only
        assert reported == list(true_list[: len(reported)]) and reported

    def match(lists):
        p = {**case.proposers, liar: lists} if proposer else case.proposers
        r = case.reviewers if proposer else {**case.reviewers, liar: lists}
        pairs = deferred_acceptance(p, r)
        table = {a: b for a, b in pairs.items()}
        table.update({b: a for a, b in pairs.items() if b is not None})
        return table

    before, after = match(list(true_list)), match(reported)

    def says(partner, owner=None):
        if partner is None:
            return "nobody"
        whose = f" on {owner}'s true list" if owner else ""
        return f"{partner} ({ordinal(true_list.index(partner) + 1)}{whose})"

    truth, lie = before.get(liar), after.get(liar)
    if truth == lie:
        assert f"No change: {liar} gets {says(truth)} either way." in shown
    else:
        place = {None: len(true_list) + 1, **{p: i for i, p in enumerate(true_list)}}
        verdict = "The lie paid off" if place[lie] < place[truth] else "The lie backfired"
        assert f"{verdict}: {liar} gets {says(lie, liar)} instead of {says(truth)}." in shown
        # Dubins and Freedman (1981): a proposer never gains by lying to deferred acceptance
        assert not (proposer and verdict == "The lie paid off")
    others = sorted(
        x for x in set(before) | set(after) if x != liar and before.get(x) != after.get(x)
    )
    listed = re.search(r"Others whose partner changed: ([^.]*)\.", shown).group(1)
    assert (sorted(listed.split(", ")) if listed != "nobody" else []) == others


def test_lie_sentences_over_every_example_liar_and_lie():
    from osmosis_lab.explorers.matching_lie import LieExplorer
    from sequences import LogProblems, update

    explorer, states, paid = LieExplorer.with_lesson_data(), 0, 0
    with LogProblems() as problems:
        for example in range(len(explorer.example.options)):
            update(explorer.example, index=example)
            for liar in range(len(explorer.liar.options)):
                update(explorer.liar, index=liar)
                for lie in range(len(explorer.lie.options)):
                    update(explorer.lie, index=lie)
                    lie_model(explorer, explorer.lie)
                    states += 1
                    paid += "The lie paid off" in text(explorer)
    assert not problems.found, problems.found
    assert states == 3 * (6 + 12) and paid, "every state; and some lie pays (a reviewer's)"


@pytest.mark.parametrize("seed", SEEDS)
def test_lie_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.matching_lie import LieExplorer

    run_sequence(LieExplorer.with_lesson_data(), seed, STEPS, model=lie_model)
