"""The lesson's scenario on the shipped data: export, attacker's knowledge, coarsening levels."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from osmosis_lab import data
from osmosis_lab.categories import QUASI_IDENTIFIERS
from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy import (
    EXPORT_COLUMNS,
    HIERARCHIES,
    OCCUPATION_SECTORS,
    beta_export,
    generalise,
    hierarchy_rules,
    k_anonymity,
    known_to_attacker,
    l_diversity,
    laplace_error_bound,
    laplace_mechanism,
    linkage_attack,
    matching_rows,
    narrowing,
    pseudonymise,
)


@pytest.fixture(scope="module")
def tables():
    return data.load_people(), data.load_population(), data.load_public_profiles()


@pytest.fixture(scope="module")
def export(tables):
    people, population, _ = tables
    return beta_export(people, population, rng=np.random.default_rng(2019))


def test_every_occupation_has_a_sector(tables):
    people, population, _ = tables
    occupations = set(people["occupation"]) | set(population["occupation"])
    assert occupations <= set(OCCUPATION_SECTORS)
    assert len(set(OCCUPATION_SECTORS.values())) == 5


def test_export_has_no_identifiers_and_the_key_recovers_everyone(tables, export):
    people, population, _ = tables
    released, key = export
    assert list(released.columns) == list(EXPORT_COLUMNS)
    assert len(released) == len(people) + len(population) == len(key)
    assert released.index.is_unique and key.index.is_unique
    assert not {"name", "person_id", "role"} & set(released.columns)
    everyone = pd.concat([people, population]).set_index("person_id")
    for person_id in ["T03", "C03", "R0001", "R1000"]:
        row = released.loc[key[person_id]]
        assert row.to_dict() == everyone.loc[person_id, list(EXPORT_COLUMNS)].to_dict()
    # pseudonyms carry no hint of the role: testers are not the first rows
    assert sorted(key[key.index.str.startswith("T")]) != [f"P{i:04d}" for i in range(1, 13)]


def test_pseudonymise_is_seeded():
    df = pd.DataFrame({"id": list("abcdef"), "x": range(6)})
    first = pseudonymise(df, drop=["id"], id_column="id", rng=np.random.default_rng(4))
    again = pseudonymise(df, drop=["id"], id_column="id", rng=np.random.default_rng(4))
    assert first[0].equals(again[0]) and first[1].equals(again[1])
    assert list(first[0]["x"]) != list(range(6))


def test_attacker_knows_testers_and_public_profiles(tables):
    people, _, public = tables
    known = known_to_attacker(people, public)
    assert known["group"].value_counts().to_dict() == {"resident": len(public), "tester": 12}
    assert list(known.columns) == [*QUASI_IDENTIFIERS, "group"]
    assert known.loc["Lucas Apert", "occupation"] == "graphic designer"


def test_worked_example_all_four_quasi_identifiers_expose_every_tester(tables, export):
    people, _, public = tables
    released, key = export
    known = known_to_attacker(people, public)
    result = linkage_attack(released, known, quasi_identifiers=list(QUASI_IDENTIFIERS))
    testers = known.index[known["group"] == "tester"]
    assert result.counts(among=testers)["unique"] == 12
    # every unique link is right: the attacker's match is the person's own record
    ids = pd.concat([people, data.load_population()]).set_index("name")["person_id"]
    found = result.reidentified
    assert (found == key[ids[found.index]].to_numpy()).all()
    facts = result.facts_learned(released, "secret_relationship")
    assert facts.loc["Lucas Apert", "secret_relationship"] == True  # noqa: E712 (object column)
    # age alone hides every resident in a crowd
    alone = linkage_attack(released, known, quasi_identifiers="age")
    assert alone.counts(among=known.index[known["group"] == "resident"])["unique"] == 0


def test_each_slider_step_never_lowers_k_or_l_on_the_export(export):
    released, _ = export
    qi = list(HIERARCHIES)
    ranges = [range(len(HIERARCHIES[c])) for c in qi]
    k_at, l_at = {}, {}
    for levels in itertools.product(*ranges):
        coarse = generalise(released, hierarchy_rules(dict(zip(qi, levels, strict=True))))
        k_at[levels] = k_anonymity(coarse, qi)
        l_at[levels] = l_diversity(coarse, qi, "health_condition")
    for levels in k_at:
        for i in range(len(qi)):
            up = (*levels[:i], levels[i] + 1, *levels[i + 1 :])
            if up in k_at:
                assert k_at[up] >= k_at[levels] and l_at[up] >= l_at[levels]
    assert k_at[(0, 0, 0, 0)] == 1
    assert k_at[tuple(len(r) - 1 for r in ranges)] == len(released)


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ({"zip": 0}, "no coarsening levels for 'zip'"),
        ({"age": 9}, "'age' has levels 0 to 4"),
        ({"gender": -1}, "levels 0 to 1"),
        ({"age": 1.0}, "whole number"),
    ],
)
def test_hierarchy_rules_bad_levels(levels, message):
    with pytest.raises(PrivacyError, match=message):
        hierarchy_rules(levels)


def test_matching_rows_and_narrowing(export):
    released, _ = export
    lucas = {"age": 29, "arrondissement": 3, "occupation": "graphic designer", "gender": "man"}
    steps = narrowing(released, lucas)
    assert [c for c, _ in steps] == list(lucas)
    counts = [n for _, n in steps]
    assert counts == sorted(counts, reverse=True) and counts[-1] == 1
    assert counts[0] == matching_rows(released, {"age": 29}) == int((released["age"] == 29).sum())
    assert matching_rows(released, {"age": 200}) == 0
    with pytest.raises(PrivacyError, match="non-empty dict"):
        matching_rows(released, {})
    with pytest.raises(PrivacyError, match="has no column zip"):
        narrowing(released, {"zip": 75003})


@pytest.mark.parametrize("confidence", [0.5, 0.9, 0.95])
def test_laplace_error_bound_holds_at_its_confidence(confidence):
    # seed 11, 100,000 draws: the share inside ±t is within 5 binomial sds of the confidence.
    n = 100_000
    noise = laplace_mechanism(
        np.zeros(n), sensitivity=2, epsilon=0.7, rng=np.random.default_rng(11)
    )
    t = laplace_error_bound(sensitivity=2, epsilon=0.7, confidence=confidence)
    inside = np.mean(np.abs(noise) <= t)
    assert abs(inside - confidence) < 5 * math.sqrt(confidence * (1 - confidence) / n)
    with pytest.raises(PrivacyError, match="confidence"):
        laplace_error_bound(sensitivity=1, epsilon=1, confidence=1)
