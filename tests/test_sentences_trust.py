"""Lesson 04's explorers: every sentence they print has a predicate the engines compute.

Each sentence kind is recomputed from the engines given the control values, after every step
of random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from osmosis_lab.explorers.trust_explain import WhyThisMatchExplorer
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer
from sentence_sweep import SEEDS, STEPS, percent, sweep, text
from sequences import run_sequence

# ---------------------------------------------------------------------- lesson 04: objectives


def objectives_model(explorer: ObjectivesExplorer, _control) -> None:
    """The chosen objective's match for the person; each objective's totals, from the matches."""
    person, objective, matches = explorer.person.value, explorer.objective.value, explorer.matches
    shown = text(explorer)
    row = matches[(matches["person"] == person) & (matches["objective"] == objective)]
    if row.empty:
        assert f"Optimised for {objective}, {person} is left unmatched: " in shown
    else:
        r = row.iloc[0]
        assert (
            f"Optimised for {objective}, {person} is matched with {r['match']} (mutual score "
            f"{r['attraction']:.2f}: the average of {person}'s score for {r['match']} "
            f"({explorer.forward.loc[person, r['match']]:.2f}) and {r['match']}'s for {person} "
            f"({explorer.backward.loc[r['match'], person]:.2f})); chance both are doing well a "
            "year later: "
            f"{percent(r['wellbeing'])}."
        ) in shown
        other = matches[(matches["person"] == person) & (matches["objective"] != objective)]
        if not other.empty and other.iloc[0]["match"] != r["match"]:
            assert other.iloc[0]["match"] not in shown, "the other objective's match is named"
    for name, group in matches.groupby("objective"):
        n = len(group)
        assert (
            f"Optimised for {name}: {n} {'match' if n == 1 else 'matches'}, mean score "
            f"{group['attraction'].mean():.2f}; expected to end badly: "
            f"{percent(group['ends_badly'].mean())}."
        ) in shown


def test_objectives_sentences_over_every_person_and_objective():
    explorer = ObjectivesExplorer.with_lesson_data()
    assert sweep(explorer, objectives_model, product=True) == 2 * 12


@pytest.mark.parametrize("seed", SEEDS)
def test_objectives_sentences_in_random_sequences(seed):
    run_sequence(ObjectivesExplorer.with_lesson_data(), seed, STEPS, model=objectives_model)


# ---------------------------------------------------------------------- lesson 04: why this match


def why_model(explorer: WhyThisMatchExplorer, _control) -> None:
    """The score is the sum of the parts it lists; the parts come biggest first, shares add up."""
    person, other = explorer.person.value, explorer.other.value
    shown = text(explorer)
    total = re.search(rf"{re.escape(person)}'s score for {re.escape(other)} is ([0-9.]+)", shown)
    assert total, (person, other)
    parts = re.findall(
        r"adds? ([0-9.]+) \(([0-9]+)% of the score\): they are ([a-z ]+) here "
        r"\(similarity ([0-9.]+)\) and .+? gives this category weight ([0-9.]+)\.",
        shown,
    )
    assert parts, shown
    contributions = [float(c) for c, *_ in parts]
    assert contributions == sorted(contributions, reverse=True), "biggest first"
    # each part is weight × similarity, and they add up to the score (to the printed rounding)
    for contribution, _share, _words, similarity, weight in parts:
        assert abs(float(weight) * float(similarity) - float(contribution)) <= 0.011
    assert abs(sum(contributions) - float(total.group(1))) <= 0.005 * len(parts) + 0.005
    assert abs(sum(int(s) for _, s, *_ in parts) - 100) <= len(parts), "shares add up to 100%"
    for _c, _s, words, similarity, _w in parts:
        s = float(similarity)
        expected = (
            "almost identical"
            if s >= 0.9
            else "much alike"
            if s >= 0.75
            else "somewhat alike"
            if s >= 0.5
            else "quite different"
        )
        assert words == expected, (person, other, words, similarity)


def test_why_sentences_over_every_pair():
    explorer = WhyThisMatchExplorer.with_lesson_data()
    assert sweep(explorer, why_model, product=True) == 12 * 12


@pytest.mark.parametrize("seed", SEEDS)
def test_why_sentences_in_random_sequences(seed):
    run_sequence(WhyThisMatchExplorer.with_lesson_data(), seed, STEPS, model=why_model)


# ---------------------------------------------------------------------- lesson 04: the dial


def confidence_words(stated: float, observed: float, tolerance: float = 0.05) -> str:
    """Over/underconfidence from its definition: too extreme, or not extreme enough, on the
    side the statement leans to (not the sign of the gap)."""
    if abs(stated - observed) <= tolerance:
        return "about right"
    if stated > 0.5 or (stated == 0.5 and observed > 0.5):
        return "too sure of yes" if stated > observed else "not sure enough of yes"
    return "too sure of no" if stated < observed else "not sure enough of no"


HEADLINE_WORDS = {
    "about right": "its statements in this band were about right",
    "too sure of yes": "too sure these couples would do well (overconfident)",
    "too sure of no": "too sure these couples would not do well (overconfident)",
    "not sure enough of yes": "could have been surer they would do well (underconfident)",
    "not sure enough of no": "could have been surer they would not do well (underconfident)",
}


def certainty_model(explorer, _control) -> None:
    """The dial's band, its record and verdict; calibration error and accuracy, by counting."""
    from osmosis_lab.trust import app_certainty

    stated = np.asarray(
        app_certainty(explorer.scores, overconfidence=explorer.overconfidence.value)
    )
    outcome = np.asarray(explorer.outcome, float)
    bins = np.minimum((stated * 10).astype(int), 9)
    shown, said = text(explorer), explorer.dial.value
    band = min(said // 10, 9)
    members = bins == band
    if not members.any():
        assert f"When the app says {said}%: at this setting it never states a certainty" in shown
    else:
        mean, rate = stated[members].mean(), outcome[members].mean()
        assert (
            f"When the app says {said}% (the {band * 10}-{band * 10 + 10}% band, "
            f"{int(members.sum())} past matches, {percent(mean)} stated on average), "
            f"{percent(rate)} of the couples were doing well a year later"
        ) in shown
        assert HEADLINE_WORDS[confidence_words(mean, rate)] in shown
    ece = sum(
        (bins == b).mean() * abs(stated[bins == b].mean() - outcome[bins == b].mean())
        for b in np.unique(bins)
    )
    assert f"Expected calibration error: {ece:.2f} " in shown  # lesson 04 writes it one way
    accuracy = ((stated >= 0.5) == (outcome == 1)).mean()
    assert f"Accuracy of the yes/no verdict: {percent(accuracy)}, the same" in shown


def test_certainty_sentences_over_each_controls_whole_range():
    from osmosis_lab.explorers.trust_certainty import CertaintyExplorer

    explorer = CertaintyExplorer.with_lesson_data()
    assert sweep(explorer, certainty_model) == 50 + len(explorer.overconfidence.labels)


@pytest.mark.parametrize("seed", SEEDS)
def test_certainty_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.trust_certainty import CertaintyExplorer

    run_sequence(CertaintyExplorer.with_lesson_data(), seed, STEPS, model=certainty_model)
