"""Lesson 01's step-through and consent explorers: every sentence has a predicate.

Deferred acceptance is written out here from its definition (:func:`final_pairs`), so the
final pairs and the number of proposals the explorers state are checked against an
implementation that shares no code with the engine. Each model runs after every step of
random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from sentence_sweep import SEEDS, STEPS, text
from sequences import run_sequence

# ---------------------------------------------------------------------- lesson 01: step through


def final_pairs(proposers: dict, reviewers: dict) -> tuple[dict, int]:
    """Deferred acceptance written out from its definition, and how many proposals it takes
    (the same whatever order the free proposers go in)."""
    next_choice = dict.fromkeys(proposers, 0)
    held: dict = {}
    free, proposals = list(proposers), 0
    while free:
        p = free.pop(0)
        if next_choice[p] >= len(proposers[p]):
            continue
        r = proposers[p][next_choice[p]]
        next_choice[p] += 1
        proposals += 1
        ranking = reviewers[r]
        if p not in ranking:
            free.append(p)
        elif r not in held:
            held[r] = p
        elif ranking.index(p) < ranking.index(held[r]):
            free.append(held[r])
            held[r] = p
        else:
            free.append(p)
    return {p: r for r, p in held.items()}, proposals


class StepsModel:
    """Follows the buttons: Next, Back, Play to the end, Start again, and a new example starts
    at 0. A button that would do nothing is disabled, and the end says what to do next."""

    def __init__(self, explorer) -> None:
        self.example, self.position = explorer.example.value, 0

    def __call__(self, explorer, control) -> None:
        from osmosis_lab.explorers.matching_common import load_case

        case = load_case(explorer.example.value)
        pairs, total = final_pairs(case.proposers, case.reviewers)
        if explorer.example.value != self.example:
            self.example, self.position = explorer.example.value, 0
        elif control is explorer.next_proposal:
            self.position = min(self.position + 1, total)
        elif control is explorer.back:
            self.position = max(self.position - 1, 0)
        elif control is explorer.play:
            self.position = total
        elif control is explorer.start_again:
            self.position = 0
        shown = text(explorer)
        assert f"{case.name}: proposal {self.position} of {total}" in shown
        if self.position == 0:
            assert "Nobody has proposed yet." in shown
        if self.position == total:
            listed = re.search(r"Final pairs: ([^.]*)\.", shown)
            assert listed, shown
            found = dict(x.split(" and ", 1) for x in listed.group(1).split(", ") if " and " in x)
            assert found == pairs
        else:
            assert "Tentatively together: " in shown and "Final pairs" not in shown
        at_end, at_start = self.position == total, self.position == 0
        assert ("Press Start again to watch it again" in shown) == at_end, shown
        # what the buttons look like matches what pressing them would do
        state = {b.description: b.disabled for b in buttons(explorer)}
        assert state == {
            "Next proposal": at_end,
            "Play to the end": at_end,
            "Back one proposal": at_start,
            "Start again": at_start,
        }, (self.position, total, state)


def buttons(explorer) -> list:
    return [explorer.next_proposal, explorer.back, explorer.play, explorer.start_again]


def test_steps_sentences_through_every_example_to_the_end_and_back():
    from osmosis_lab.explorers.matching_steps import StepThroughExplorer
    from sequences import click, update

    explorer = StepThroughExplorer.with_lesson_data()
    model = StepsModel(explorer)
    for example in range(len(explorer.example.options)):
        update(explorer.example, index=example)
        model(explorer, explorer.example)
        for button in (
            [explorer.next_proposal] * (explorer.total + 1)
            + [explorer.back] * 2
            + [explorer.play, explorer.start_again, explorer.back]
        ):
            click(button)
            model(explorer, button)


@pytest.mark.parametrize("seed", SEEDS)
def test_steps_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.matching_steps import StepThroughExplorer

    explorer = StepThroughExplorer.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=StepsModel(explorer))


# ---------------------------------------------------------------------- lesson 01: consent


class ConsentModel:
    """Keeps its own table of who shares what, from the clicks; recomputes the matching."""

    def __init__(self, explorer) -> None:
        from osmosis_lab.data.markets import beta_preferences

        self.sharing = pd.DataFrame(True, index=explorer.sharing.index, columns=explorer.shares)
        self.before, _ = final_pairs(*beta_preferences(explorer.people))

    def __call__(self, explorer, control) -> None:
        from osmosis_lab.categories import CATEGORY_LABELS
        from osmosis_lab.data.markets import beta_preferences

        tester = explorer.tester.value
        if control is explorer.everyone:
            self.sharing.loc[:, :] = True
        for category, box in explorer.shares.items():
            if control is box:
                self.sharing.loc[tester, category] = box.value
        for category, box in explorer.shares.items():  # the boxes show the tester's own ticks
            assert box.value == self.sharing.loc[tester, category], (tester, category)
        after, _ = final_pairs(*beta_preferences(explorer.people, shared=self.sharing))
        shown = text(explorer)
        row = self.sharing.loc[tester]
        what = ", ".join(CATEGORY_LABELS[c].lower() for c in row.index if row[c]) or "nothing"
        assert f"{tester} shares: {what}; matched with {after.get(tester) or 'nobody'}." in shown
        changed = [t for t in self.sharing.index if after.get(t) != self.before.get(t)]
        for t in changed:
            who = (
                "changed their own sharing"
                if not self.sharing.loc[t].all()
                else ("switched nothing off")
            )
            assert (
                f"{t} ({who}): matched with {self.before.get(t) or 'nobody'} before, "
                f"{after.get(t) or 'nobody'} now."
            ) in shown
        assert ("Nobody's match changed." in shown) == (not changed)
        partnered = set(after) | set(after.values())
        for alone in re.findall(r"Now: (.+?) is left alone", shown):
            assert alone not in partnered, f"{alone} is said to be alone but is matched"


def test_consent_sentences_over_every_tester_and_box():
    from osmosis_lab.explorers.matching_consent import ConsentMatchExplorer
    from sequences import click, update

    explorer = ConsentMatchExplorer.with_lesson_data()
    model = ConsentModel(explorer)
    for tester in range(len(explorer.tester.options)):
        update(explorer.tester, index=tester)
        model(explorer, explorer.tester)
        for box in explorer.shares.values():
            for value in (False, True):
                update(box, value=value)
                model(explorer, box)
    click(explorer.everyone)
    model(explorer, explorer.everyone)


@pytest.mark.parametrize("seed", SEEDS)
def test_consent_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.matching_consent import ConsentMatchExplorer

    explorer = ConsentMatchExplorer.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=ConsentModel(explorer))
