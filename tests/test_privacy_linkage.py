"""The linkage attack finds exactly the planted matches, and what they leak."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.privacy import OUTCOMES, Bands, generalise, linkage_attack

QI = ["age", "arrondissement", "gender"]


def planted(seed: int, n_released: int = 300):
    """A released table, and a public table with planted unique matches, groups and decoys.

    Returns the tables and the planted answer {public name: released id}.
    """
    rng = np.random.default_rng(seed)
    released = pd.DataFrame(
        {
            "age": rng.integers(18, 70, n_released),
            "arrondissement": rng.integers(1, 21, n_released),
            "gender": rng.choice(["woman", "man", "non-binary"], n_released),
            "secret": rng.random(n_released) < 0.2,
        },
        index=[f"R{i:04d}" for i in range(n_released)],
    )
    sizes = released.groupby(QI)["secret"].transform("size")
    unique_ids = sizes[sizes == 1].index[:15]
    crowded_ids = sizes[sizes >= 2].index[:10]
    rows, truth = [], {}
    for i, rid in enumerate(unique_ids):
        rows.append((f"target{i}", *released.loc[rid, QI]))
        truth[f"target{i}"] = rid
    for i, rid in enumerate(crowded_ids):
        rows.append((f"grouped{i}", *released.loc[rid, QI]))
    # decoys: ages nobody in the released table has
    for i in range(10):
        rows.append((f"decoy{i}", 90 + i, int(rng.integers(1, 21)), "woman"))
    public = pd.DataFrame(rows, columns=["name", *QI]).set_index("name")
    return released, public, truth


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_finds_exactly_the_planted_matches(seed):
    released, public, truth = planted(seed)
    assert len(truth) == 15, "the fixture must plant 15 unique targets"
    result = linkage_attack(released, public, quasi_identifiers=QI)
    assert result.reidentified.to_dict() == truth
    counts = result.counts()
    assert counts["unique"] == len(truth)
    assert counts["not found"] == 10
    assert counts["small group"] + counts["crowd"] == 10
    assert sum(counts.values()) == len(public)


def test_group_sizes_and_outcomes_by_hand():
    released = pd.DataFrame(
        {"age": [30, 30, 30, 41, 41, 41, 41, 41, 41, 55], "arr": [1] * 10},
        index=list("abcdefghij"),
    )
    public = pd.DataFrame({"age": [55, 30, 41, 62], "arr": [1, 1, 1, 1]}, index=list("WXYZ"))
    result = linkage_attack(released, public, quasi_identifiers=["age", "arr"], small_group=3)
    assert result.group_sizes.to_dict() == {"W": 1, "X": 3, "Y": 6, "Z": 0}
    assert result.outcome.to_dict() == {
        "W": "unique",
        "X": "small group",
        "Y": "crowd",
        "Z": "not found",
    }
    assert sorted(result.candidates.itertuples(index=False, name=None)) == [
        ("W", "j"),
        ("X", "a"),
        ("X", "b"),
        ("X", "c"),
    ]
    assert result.counts(among=["W", "Z"]) == {
        "unique": 1,
        "small group": 0,
        "crowd": 0,
        "not found": 1,
    }
    assert tuple(result.counts()) == OUTCOMES


def test_homogeneous_group_leaks_without_unique_match():
    released = pd.DataFrame(
        {
            "age": [34, 34, 34, 60, 60],
            "affair": [True, True, True, False, True],
            "health": ["none", "asthma", "none", "none", "none"],
        }
    )
    public = pd.DataFrame({"age": [34, 60]}, index=["Lucas", "Marie"])
    result = linkage_attack(released, public, quasi_identifiers="age")
    assert result.reidentified.empty
    facts = result.facts_learned(released, ["affair", "health"])
    assert facts.loc["Lucas", "group_size"] == 3
    assert facts.loc["Lucas", "affair"] == True  # noqa: E712 (object column)
    assert pd.isna(facts.loc["Lucas", "health"])
    assert pd.isna(facts.loc["Marie", "affair"])
    assert facts.loc["Marie", "health"] == "none"


def test_generalised_tables_still_link():
    released = pd.DataFrame({"age": [21, 37, 38], "secret": ["x", "y", "z"]})
    public = pd.DataFrame({"age": [24]}, index=["Ana"])
    rules = {"age": Bands(10)}
    result = linkage_attack(
        generalise(released, rules), generalise(public, rules), quasi_identifiers="age"
    )
    assert result.reidentified.to_dict() == {"Ana": 0}


@settings(max_examples=60, deadline=None)
@given(
    ages=st.lists(st.integers(20, 30), min_size=1, max_size=30),
    probes=st.lists(st.integers(15, 35), min_size=1, max_size=10),
)
def test_group_size_is_the_number_of_released_rows_that_fit(ages, probes):
    released = pd.DataFrame({"age": ages})
    public = pd.DataFrame({"age": probes}, index=[f"p{i}" for i in range(len(probes))])
    result = linkage_attack(released, public, quasi_identifiers=["age"])
    for label, age in public["age"].items():
        fits = int((released["age"] == age).sum())
        assert result.group_sizes[label] == fits
        if fits == 1:
            assert result.reidentified[label] == released.index[released["age"] == age][0]
