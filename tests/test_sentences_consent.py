"""Lesson 02's explorers: every sentence they print has a predicate the engines compute.

Each sentence kind is recomputed from the engines given the control values, after every step
of random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from osmosis_lab.consent.inference import fit_inference
from osmosis_lab.explorers.consent_inference import InferenceExplorer
from sentence_sweep import SEEDS, STEPS, percent, sweep, text
from sequences import run_sequence

# ---------------------------------------------------------------------- lesson 02: inference


class InferenceModel:
    """The two rates, each trait's side of the middle, the tester's count and the gap sentence."""

    def __init__(self, explorer: InferenceExplorer) -> None:
        self.fits = {}
        self.seed = explorer.seed

    def __call__(self, explorer: InferenceExplorer, _control) -> None:
        refused = explorer.refused.value
        if refused not in self.fits:
            self.fits[refused] = fit_inference(
                explorer.population, refused, rng=np.random.default_rng(self.seed)
            )
        fit = self.fits[refused]
        people = explorer.people
        testers = people[people["role"] == "tester"]
        guess = fit.predict(testers)
        columns = list(guess.columns)
        truth = testers[columns].to_numpy(float)
        right = (guess.to_numpy() > np.asarray(fit.medians)) == (truth > np.asarray(fit.medians))
        residents, on_testers = fit.high_low_accuracy, float(right.mean())
        shown = text(explorer)
        assert (
            f"the guess lands on the right side of the middle {percent(residents)} of the time; "
            f"on the {len(testers)} testers shown here, {percent(on_testers)} of the time"
        ) in shown
        row = list(testers.index).index(explorer.tester.value)
        name = testers["name"].iloc[row]
        for column, hit in zip(columns, right[row], strict=True):
            side = "right" if hit else "wrong"
            trait = column.split("_", 1)[1]
            said = re.search(rf"{trait}: true [0-9.]+, guessed [0-9.]+ \((\w+) side", shown)
            assert said and said.group(1) == side, (name, trait, side)
        assert f"For {name}: {int(right[row].sum())} of {len(columns)} traits" in shown
        # the gap sentence compares the two rates as the learner reads them (whole per cents)
        a, b = round(on_testers * 100), round(residents * 100)
        expected = (
            "right as often for the testers"
            if a == b
            else "right less often for the testers"
            if a < b
            else "right more often for the testers"
        )
        assert expected in shown, (name, refused, a, b)


def test_inference_sentences_over_every_tester_and_category():
    explorer = InferenceExplorer.with_lesson_data()
    assert sweep(explorer, InferenceModel(explorer), product=True) == 12 * 4


@pytest.mark.parametrize("seed", SEEDS)
def test_inference_sentences_in_random_sequences(seed):
    explorer = InferenceExplorer.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=InferenceModel(explorer))


# ---------------------------------------------------------------------- lesson 02: consent forms


def forms_model(explorer, _control) -> None:
    """Recorded yeses are the sum of how they were obtained; informed means chosen."""
    from osmosis_lab.consent import PURPOSE_LABELS
    from osmosis_lab.consent.forms import FORMS, HOW, Behaviour, simulate_form
    from osmosis_lab.explorers.consent_forms import PEOPLE

    table = simulate_form(
        PEOPLE,
        FORMS[explorer.design.value],
        rng=np.random.default_rng(explorer.seed),
        behaviour=Behaviour(reads=explorer.reads.value / 100),
    )
    shown = text(explorer)
    for purpose, row in table.iterrows():
        counts = {how: int(row[how]) for how in HOW}
        total = sum(counts.values())
        parts = ", ".join(f"{n} {how}" for how, n in counts.items() if n) or "none"
        assert (
            f"{PURPOSE_LABELS[purpose]}: {total} recorded yes ({parts}); "
            f"{percent(row['wanted_rate'])} would choose it."
        ) in shown, purpose
    sharing = table.loc["sharing"]
    yes = sum(int(sharing[how]) for how in HOW)
    assert f"{yes} of {PEOPLE} people are recorded as agreeing to sharing" in shown
    if yes:
        assert (
            f"and {percent(int(sharing['chosen']) / yes)} of those consents were informed" in shown
        )
    else:
        assert "so there is no consent to sharing, informed or not." in shown
    assert ("Unread: people who ticked" in shown) == bool(table["unread"].sum())


def test_forms_sentences_over_every_design_and_reading_rate():
    from osmosis_lab.explorers.consent_forms import FormExplorer

    explorer = FormExplorer.with_lesson_data()
    designs, rates = len(explorer.design.options), len(explorer.reads.labels)
    assert sweep(explorer, forms_model, product=True) == designs * rates


@pytest.mark.parametrize("seed", SEEDS)
def test_forms_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.consent_forms import FormExplorer

    run_sequence(FormExplorer.with_lesson_data(), seed, STEPS, model=forms_model)


# ---------------------------------------------------------------------- lesson 02: erasure


def erasure_model(explorer, _control) -> None:
    """What may be used at this step: asked of the ledger, cell by cell, on that step's day."""
    from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS
    from osmosis_lab.consent import PURPOSE_LABELS, PURPOSES, may_use
    from osmosis_lab.consent.scenarios import josephine_timeline
    from osmosis_lab.consent.timeline import replay

    history = replay(josephine_timeline())
    k = explorer.step.value
    assert (explorer.step.min, explorer.step.max) == (1, len(history))
    now, person = history[k - 1], josephine_timeline().people[0].person_id
    day, shown = now.step.day, text(explorer)
    if person not in now.ledger.records:
        assert f"Day {day}: Joséphine is erased; the ledger holds no record of her" in shown
        assert "May use" not in shown
        return
    allowed = [
        (c, p)
        for c in CATEGORIES
        for p in PURPOSES
        if may_use(now.ledger, person, c, p, day=day).allowed
    ]
    cells = len(CATEGORIES) * len(PURPOSES)
    assert f"Day {day}: Osmosis may use Joséphine's data in {len(allowed)} of {cells}" in shown
    if now.report is None:
        for c, p in allowed:
            line = f"May use {CATEGORY_LABELS[c].lower()} for {PURPOSE_LABELS[p].lower()}."
            assert line in shown, line
        assert shown.count("May use ") == len(allowed)


def test_erasure_sentences_over_every_step():
    from osmosis_lab.explorers.consent_erasure import ErasureExplorer

    explorer = ErasureExplorer.with_lesson_data()
    steps = len(explorer.step.labels)
    assert sweep(explorer, erasure_model) == steps + 2 + 2


@pytest.mark.parametrize("seed", SEEDS)
def test_erasure_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.consent_erasure import ErasureExplorer

    run_sequence(ErasureExplorer.with_lesson_data(), seed, STEPS, model=erasure_model)
