"""Lesson 03's explorers: every sentence they print has a predicate the engines compute.

Each sentence kind is recomputed from the engines given the control values, after every step
of random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from osmosis_lab.explorers.privacy_linkage import LinkageExplorer
from osmosis_lab.explorers.privacy_profile import ProfileExplorer
from osmosis_lab.privacy import generalise
from sentence_sweep import SEEDS, STEPS, percent, positions, sweep, text
from sequences import LogProblems, run_sequence

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
        n = int(fits.sum())
        assert f"{step}: {n} {'resident still fits' if n == 1 else 'residents still fit'}" in shown
    left, total = int(fits.sum()), len(population)
    # the learner is not among the residents: joining, the group who fit grows by one
    if left == 0:
        assert f"None of the {total} residents matches all four facts" in shown
        assert "unique" in shown
    else:
        assert f"of the {total} residents match" in shown or f"one of the {total}" in shown
        assert f"{left + 1} people" in shown and "unique" not in shown
    # w57: "age alone sets you apart" beside "age 10-19: 38 residents still fit"
    by_age = int((population["age"] == profile["age"]).sum())
    younger = bool(explorer.age.value < explorer.population["age"].min())
    assert ("age alone sets you apart" in shown) is (younger and by_age == 0)
    assert (f"your age hides among {by_age} residents" in shown) is (younger and by_age > 0)
    # w54: "something else" always left nobody, with no reason given; the reason is the data's
    nobody_has_the_job = not (population["occupation"] == profile["occupation"]).any()
    assert (f"'{explorer.occupation.value}' alone sets you apart" in shown) == nobody_has_the_job
    assert ("even shared as the sector" in shown) == (nobody_has_the_job and explorer.coarse.value)


def test_profile_sentences_over_each_controls_whole_range():
    explorer = ProfileExplorer.with_lesson_data()
    assert sweep(explorer, profile_model) > 75 + 20


def test_profile_sentences_under_the_youngest_resident_both_ways():
    """The corner the one-control sweeps never reach: an age below every resident's with the
    facts shared as bands (the sweep moves age with the box unticked, w57)."""
    explorer = ProfileExplorer.with_lesson_data()
    youngest = int(explorer.population["age"].min())
    steps = 0
    with LogProblems() as problems:
        for coarse in positions(explorer.coarse):
            coarse()
            for age in positions(explorer.age)[: youngest - explorer.age.min]:
                age()
                profile_model(explorer, explorer.age)
                steps += 1
        assert not problems.found, problems.found
    assert steps == 2 * (youngest - explorer.age.min) > 0


@pytest.mark.parametrize("seed", SEEDS)
def test_profile_sentences_in_random_sequences(seed):
    run_sequence(ProfileExplorer.with_lesson_data(), seed, STEPS, model=profile_model)


# ---------------------------------------------------------------------- lesson 03: generalise


def generalise_model(explorer, _control) -> None:
    """k, l, classes, suppression and re-identified testers, counted with groupby and a join."""
    from osmosis_lab.categories import QUASI_IDENTIFIERS
    from osmosis_lab.privacy import HIERARCHIES, hierarchy_rules

    qi = list(QUASI_IDENTIFIERS)
    levels = {c: [n for n, _ in HIERARCHIES[c]].index(s.value) for c, s in explorer.levels.items()}
    rules = hierarchy_rules(levels)
    coarse = generalise(explorer.released, rules)
    size = coarse.groupby(qi, dropna=False)["health_condition"].transform("size")
    target, shown = explorer.k_target.value, text(explorer)
    groups = coarse.groupby(qi, dropna=False).ngroups
    combinations = (
        "there is 1 distinct combination"  # never "there are 1 distinct combinations" (w47)
        if groups == 1
        else f"there are {groups} distinct combinations"
    )
    assert (
        f"Before suppression k = {int(size.min())}: {int((size == 1).sum())} of {len(size)} "
        f"people are unique and {combinations}."
    ) in shown
    for label, low, high in (("1 (unique)", 1, 1), ("2", 2, 2), ("3-4", 3, 4), ("5-9", 5, 9),
                             ("10-49", 10, 49), ("50+", 50, 10**9)):  # fmt: skip
        people = int(size.between(low, high).sum())
        said = {0: "nobody", 1: "1 person"}.get(people, f"{people} people")  # never "0 people"
        assert f"{said} in classes of {label}" in shown
    kept = coarse[size >= target]
    removed = len(coarse) - len(kept)
    if kept.empty:  # w57: "age: exact, so any age comparison works" of an empty table
        assert f"removes all {removed} people: nothing is left." in shown
        assert "still good for: nothing: every person is left out" in shown
        assert not re.search(r"comparison works|can be compared|are left out, and", shown)
        return
    classes = kept.groupby(qi, dropna=False)["health_condition"]
    k_after, l_after = int(classes.size().min()), int(classes.nunique().min())
    known = generalise(explorer.known, rules).loc[explorer.testers, qi].reset_index()
    counts = kept.groupby(qi, dropna=False).size().rename("n").reset_index()
    n = known.merge(counts, on=qi, how="left")["n"].fillna(0)
    unique, testers = int((n == 1).sum()), len(explorer.testers)
    still = (
        f"none of the {testers} testers is"
        if unique == 0
        else f"all {testers} testers are"
        if unique == testers
        else f"{unique} of the {testers} testers {'is' if unique == 1 else 'are'}"  # w54: agreement
    )
    assert (
        f"k = {k_after} and l = {l_after} (health condition) in the released table; "
        f"{still} still re-identified"
    ) in shown
    assert ("l = 1: in some class everyone has the same" in shown) == (
        k_after >= 2 and l_after == 1
    )
    still_good_for_model(explorer, kept, shown)
    if removed:
        share = percent(removed / len(coarse))
        assert f"suppression: {removed} of {len(coarse)} people ({share}) are left out" in shown
    else:
        assert "suppression: nobody is left out." in shown


def still_good_for_model(explorer, kept: pd.DataFrame, shown: str) -> None:
    """A banded or grouped column says how many groups the released table has, and which.

    "age: only young, middle-aged or older" was printed for 20-year bands, which leave four.
    """
    for column, slider in explorer.levels.items():
        if slider.value in ("exact", "hidden"):
            continue
        # bands by where they start ("6-10" before "11-15"), sectors alphabetically
        groups = sorted(kept[column].astype(str).unique(),
                        key=lambda g: (int(g.split("-")[0]) if g[0].isdigit() else 0, g))  # fmt: skip
        line = re.search(
            rf"{column}: {slider.value}, (\d+) of them in the table \(([^)]*)\)", shown
        )
        assert line, f"{column} at {slider.value!r} names no count of groups"
        assert int(line.group(1)) == len(groups), (column, slider.value, line.group(0))
        # each group can be told apart (w54: "food, retail and delivery, health" read as more)
        separator = "; " if any("," in g or " and " in g for g in groups) else ", "
        assert line.group(2) == separator.join(groups), (column, slider.value, line.group(0))
        assert len(line.group(2).split(separator)) == len(groups)


def test_generalise_sentences_over_each_controls_whole_range():
    from osmosis_lab.explorers.privacy_generalise import GeneraliseExplorer

    explorer = GeneraliseExplorer.with_lesson_data()
    assert sweep(explorer, generalise_model) == 5 + 4 + 3 + 2 + 10


def test_generalise_sentences_with_exact_columns_over_every_k():
    """The corner the one-control sweeps never reach (they move k with every column at its
    coarsest): all exact, where suppressing small classes soon leaves nobody (w57)."""
    from osmosis_lab.explorers.privacy_generalise import GeneraliseExplorer

    explorer = GeneraliseExplorer.with_lesson_data()
    emptied = 0
    with LogProblems() as problems:
        for act in positions(explorer.k_target):
            act()
            generalise_model(explorer, explorer.k_target)
            emptied += "nothing is left" in text(explorer)
        assert not problems.found, problems.found
    assert emptied, "no k left the table empty: the corner was not reached"


@pytest.mark.parametrize("seed", SEEDS)
def test_generalise_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.privacy_generalise import GeneraliseExplorer

    run_sequence(GeneraliseExplorer.with_lesson_data(), seed, STEPS, model=generalise_model)


def test_the_testers_still_singled_out_agree_with_their_count_at_every_count():
    """w54: "1 of 12 testers are still re-identified"; the sweep never reaches 1, so every
    count the coarsening explorer can print is read here."""
    from osmosis_lab.explorers.privacy_generalise import still_singled_out

    for unique in range(13):
        said = still_singled_out(unique, 12)
        count = re.fullmatch(r"(none|all|\d+)(?: of the)? 12 testers (is|are) still", said)
        assert count, said
        number = {"none": 0, "all": 12}.get(count[1]) if not count[1].isdigit() else int(count[1])
        assert number == unique, said
        assert count[2] == ("are" if unique > 1 else "is"), said
