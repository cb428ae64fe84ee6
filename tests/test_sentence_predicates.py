"""Every sentence these explorers print has a predicate computed from the engines.

For each kind of sentence an explorer prints, a model here computes, from the engines
and the data given the control values (never from the explorer's own text functions),
what the sentence must say, and compares. Each model runs:

* after every step of seeded random sequences of what learners do, sent the way the
  browser sends it (``sequences.py``); and
* over each control's whole range (every slider index, every option, both checkbox
  values), and over every combination where an explorer has two pickers.

Lesson 02's timeline and board, lesson 03's survey and noise dial, lesson 04's dial and
outage have theirs in ``test_sequences.py`` and the explorers' own test files.
"""

from __future__ import annotations

import itertools
import re

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest

from osmosis_lab.consent.inference import fit_inference
from osmosis_lab.explorers.consent_inference import InferenceExplorer
from osmosis_lab.explorers.privacy_linkage import LinkageExplorer
from osmosis_lab.explorers.privacy_profile import ProfileExplorer
from osmosis_lab.explorers.trust_explain import WhyThisMatchExplorer
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer
from osmosis_lab.privacy import generalise
from sequences import SLIDERS, LogProblems, click, every_text, move_slider, run_sequence, update

STEPS = 30
SEEDS = (11, 12, 13)


# ---------------------------------------------------------------------- the whole range


def positions(control):
    """Every position a learner can put ``control`` in, each as the browser sends it."""
    if isinstance(control, SLIDERS):
        return [lambda i=i: move_slider(control, i) for i in range(len(control.labels))]
    if isinstance(control, widgets.ToggleButtons):
        return [lambda i=i: update(control, index=i) for i in range(len(control.options))]
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [lambda v=v: update(control, value=v) for v in (False, True)]
    if isinstance(control, widgets.Button):
        return [lambda: click(control)] * 2
    raise AssertionError(f"no whole range for a {type(control).__name__}")


def sweep(explorer, model, *, product: bool = False) -> int:
    """Each control over its whole range (or every combination), ``model`` after each step."""
    steps = 0
    with LogProblems() as problems:
        if product:
            controls = explorer.controls()
            for combination in itertools.product(*(range(len(positions(c))) for c in controls)):
                for control, index in zip(controls, combination, strict=True):
                    positions(control)[index]()
                model(explorer, controls[-1])
                steps += 1
        else:
            for control in explorer.controls():
                for act in positions(control):
                    act()
                    model(explorer, control)
                    steps += 1
        assert not problems.found, problems.found
    return steps


def text(explorer) -> str:
    return re.sub(r"\s+", " ", every_text(explorer))


def percent(share: float) -> str:
    return f"{share:.0%}"


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


# ---------------------------------------------------------------------- lesson 03: linkage


def linkage_model(explorer: LinkageExplorer, _control) -> None:
    """Who is unique, narrowed, hidden or unmatched: counted by joining, row by row."""
    chosen = [c for c, box in explorer.knows.items() if box.value]
    shown = text(explorer)
    if not chosen:
        assert "The attacker knows nothing about anyone yet." in shown
        return
    released = explorer.released.groupby(chosen).size().rename("n").reset_index()
    known = explorer.known.reset_index()
    sizes = known.merge(released, on=chosen, how="left")["n"].fillna(0).astype(int)
    groups = known["group"].to_numpy()
    for group, label in (("tester", "beta testers"), ("resident", "residents with a public")):
        n = sizes[groups == group]
        counts = ((n == 1).sum(), ((n >= 2) & (n <= 5)).sum(), (n >= 6).sum(), (n == 0).sum())
        line = (
            f"{len(n)} {label}"
            + (" profile" if group == "resident" else "")
            + f": {counts[0]} re-identified (unique), {counts[1]} narrowed to 2-5 people, "
            f"{counts[2]} hidden in a crowd (6+), {counts[3]} no matching record."
        )
        assert line in shown, line
        assert f"re-identifies {counts[0]} of the {len(n)} {label}" in shown or (
            f"and {counts[0]} of the {len(n)} {label}" in shown
        )


def test_linkage_sentences_over_every_set_of_facts():
    explorer = LinkageExplorer.with_lesson_data()
    seen = set()

    def model(explorer, control):
        seen.add(tuple(box.value for box in explorer.knows.values()))
        linkage_model(explorer, control)

    assert sweep(explorer, model, product=True) == 2**4
    assert len(seen) == 2**4, "every set of facts the attacker may know"


@pytest.mark.parametrize("seed", SEEDS)
def test_linkage_sentences_in_random_sequences(seed):
    run_sequence(LinkageExplorer.with_lesson_data(), seed, STEPS, model=linkage_model)


# ---------------------------------------------------------------------- lesson 03: your profile


def profile_model(explorer: ProfileExplorer, _control) -> None:
    """How many residents still fit after each fact: counted by filtering the population."""
    profile = {
        "age": explorer.age.value,
        "arrondissement": explorer.arrondissement.value,
        "occupation": explorer.occupation.value,
        "gender": explorer.gender.value,
    }
    population = explorer.population
    if explorer.coarse.value:
        profile = generalise(pd.DataFrame([profile]), explorer.rules).iloc[0].to_dict()
        population = generalise(population, explorer.rules)
    shown, fits = text(explorer), np.ones(len(population), bool)
    for i, column in enumerate(("age", "arrondissement", "occupation", "gender")):
        fits &= (population[column] == profile[column]).to_numpy()
        step = ("" if i == 0 else "+ ") + f"{column} {profile[column]}"
        assert f"{step}: {int(fits.sum())} residents still fit" in shown, step
    left, total = int(fits.sum()), len(population)
    if left == 0:
        assert f"None of the {total} residents matches all four facts" in shown
    elif left == 1:
        assert f"Exactly one of the {total} residents matches all four facts: unique." in shown
    else:
        assert f"{left} of the {total} residents match all four facts: you hide among" in shown


def test_profile_sentences_over_each_controls_whole_range():
    explorer = ProfileExplorer.with_lesson_data()
    assert sweep(explorer, profile_model) > 75 + 20


@pytest.mark.parametrize("seed", SEEDS)
def test_profile_sentences_in_random_sequences(seed):
    run_sequence(ProfileExplorer.with_lesson_data(), seed, STEPS, model=profile_model)


# ---------------------------------------------------------------------- lesson 04: objectives


def objectives_model(explorer: ObjectivesExplorer, _control) -> None:
    """The chosen objective's match for the person; each objective's totals, from the matches."""
    person, objective, matches = explorer.person.value, explorer.objective.value, explorer.matches
    shown = text(explorer)
    row = matches[(matches["person"] == person) & (matches["objective"] == objective)]
    if row.empty:
        assert f"Optimised for {objective}, {person} is left unmatched." in shown
    else:
        r = row.iloc[0]
        assert (
            f"Optimised for {objective}, {person} is matched with {r['match']} (mutual score "
            f"{r['attraction']:.2f}); chance both are doing well a year later: "
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
