"""The lesson's scenario: an "anonymised" beta export, what an attacker knows, coarsening levels.

Plain functions over the Osmosis tables (passed in, never read here). The
export drops names and ids and shuffles rows under random pseudonyms, which is
what many real releases called "anonymised" did; the quasi-identifiers stay.

Examples
--------
>>> import numpy as np, pandas as pd
>>> people = pd.DataFrame({"person_id": ["T01", "R0001"], "name": ["Ana", "Bo"],
...                        "age": [24, 51], "health_condition": ["none", "diabetes"]})
>>> released, key = pseudonymise(people, drop=["person_id", "name"], id_column="person_id",
...                              rng=np.random.default_rng(1))
>>> sorted(released.columns), sorted(key.index)
(['age', 'health_condition'], ['R0001', 'T01'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Integral

import numpy as np
import pandas as pd

from osmosis_lab.categories import QUASI_IDENTIFIERS, SENSITIVE_COLUMNS
from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy._checks import column_list, table_with
from osmosis_lab.privacy.generalise import Bands, Lookup, Redact, Rule

#: Each of the data set's occupations and a broader sector to report instead.
OCCUPATION_SECTORS: dict[str, str] = {
    "nurse": "health",
    "doctor": "health",
    "student": "education and research",
    "teacher": "education and research",
    "researcher": "education and research",
    "librarian": "education and research",
    "graphic designer": "arts and media",
    "artist": "arts and media",
    "musician": "arts and media",
    "photographer": "arts and media",
    "journalist": "arts and media",
    "chef": "food, retail and delivery",
    "barista": "food, retail and delivery",
    "shop assistant": "food, retail and delivery",
    "bookseller": "food, retail and delivery",
    "delivery rider": "food, retail and delivery",
    "software developer": "office and technical",
    "lawyer": "office and technical",
    "engineer": "office and technical",
    "architect": "office and technical",
    "accountant": "office and technical",
    "civil servant": "office and technical",
}

#: Coarsening levels per quasi-identifier, finest first. Each level merges whole
#: groups of the level before (5-year bands nest in 10-year bands ...), so moving
#: a slider to the right can only merge equivalence classes: k never falls.
HIERARCHIES: dict[str, tuple[tuple[str, Rule | None], ...]] = {
    "age": (
        ("exact", None),
        ("5-year bands", Bands(5)),
        ("10-year bands", Bands(10)),
        ("20-year bands", Bands(20)),
        ("hidden", Redact()),
    ),
    "arrondissement": (
        ("exact", None),
        ("groups of 5", Bands(5, origin=1)),
        ("groups of 10", Bands(10, origin=1)),
        ("hidden", Redact()),
    ),
    "occupation": (
        ("exact", None),
        ("sector", Lookup(OCCUPATION_SECTORS, fallback="other")),
        ("hidden", Redact()),
    ),
    "gender": (("exact", None), ("hidden", Redact())),
}


def hierarchy_rules(levels: Mapping[str, int]) -> dict[str, Rule | None]:
    """Turn slider positions (column -> level index in :data:`HIERARCHIES`) into rules.

    >>> hierarchy_rules({"age": 2, "gender": 0})
    {'age': Bands(width=10, origin=0), 'gender': None}

    Raises
    ------
    PrivacyError
        levels names a column with no coarsening hierarchy, or a level that is not a whole
        number within that column's levels.
    """
    rules = {}
    for column, level in levels.items():
        if column not in HIERARCHIES:
            raise PrivacyError(
                f"no coarsening levels for {column!r}; known: {', '.join(HIERARCHIES)}."
            )
        steps = HIERARCHIES[column]
        if isinstance(level, bool) or not isinstance(level, Integral):
            raise PrivacyError(f"the level for {column!r} must be a whole number, got {level!r}.")
        if not 0 <= level < len(steps):
            raise PrivacyError(
                f"{column!r} has levels 0 to {len(steps) - 1} "
                f"({', '.join(name for name, _ in steps)}), got {level}."
            )
        rules[column] = steps[level][1]
    return rules


def pseudonymise(
    df: pd.DataFrame, *, drop: Iterable[str], id_column: str, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.Series]:
    """Drop direct identifiers, shuffle the rows and label them with random pseudonyms.

    Returns
    -------
    released : DataFrame
        Indexed by pseudonyms ``P0001`` ... in a random order, without ``drop``.
    key : Series
        Original id -> pseudonym: the secret the data holder keeps (and the
        lesson uses to check the attack).

    Raises
    ------
    PrivacyError
        The table is empty or lacks a column to drop or the id column, drop is empty or repeats
        a column, or rng is not a numpy Generator.
    """
    columns = column_list(drop, name="drop")
    table_with(df, [*columns, id_column])
    if not isinstance(rng, np.random.Generator):
        raise PrivacyError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    order = rng.permutation(len(df))
    shuffled = df.iloc[order]
    pseudonyms = pd.Index([f"P{i:04d}" for i in range(1, len(df) + 1)], name="pseudonym")
    key = pd.Series(pseudonyms, index=pd.Index(shuffled[id_column], name=id_column))
    released = shuffled.drop(columns=columns).set_axis(pseudonyms)
    return released, key.rename("pseudonym")


#: What the beta export keeps: the quasi-identifiers and the sensitive facts.
EXPORT_COLUMNS: tuple[str, ...] = (*QUASI_IDENTIFIERS, *SENSITIVE_COLUMNS)


def beta_export(
    people: pd.DataFrame, population: pd.DataFrame, *, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.Series]:
    """The "anonymised" research export: everyone Osmosis holds data on, names removed.

    Testers, candidates and residents (users or not: Osmosis also scrapes people
    who never signed up), with :data:`EXPORT_COLUMNS` only, under pseudonyms.
    Returns the export and the key (person_id -> pseudonym) the company keeps.

    Raises
    ------
    PrivacyError
        The people table is empty or lacks the data set's columns, or rng is not a numpy
        Generator.
    """
    keep = ["person_id", *EXPORT_COLUMNS]
    table_with(people, keep, what="people table")
    table_with(population, keep, what="population table")
    everyone = pd.concat([people[keep], population[keep]], ignore_index=True)
    return pseudonymise(everyone, drop=["person_id"], id_column="person_id", rng=rng)


def known_to_attacker(people: pd.DataFrame, public_profiles: pd.DataFrame) -> pd.DataFrame:
    """What the attacker knows, indexed by name, with a ``group`` column.

    Residents' public social-network profiles, plus the testers' age,
    arrondissement, occupation and gender, which anyone who knows them (a
    colleague, a neighbour, a journalist covering the beta) can tell.

    Raises
    ------
    PrivacyError
        A table is empty or lacks the data set's columns, or two people share a name.
    """
    columns = list(QUASI_IDENTIFIERS)
    table_with(people, ["name", "role", *columns], what="people table")
    table_with(public_profiles, ["name", *columns], what="public profiles table")
    testers = people.loc[people["role"] == "tester", ["name", *columns]]
    known = pd.concat(
        [
            testers.assign(group="tester"),
            public_profiles[["name", *columns]].assign(group="resident"),
        ],
        ignore_index=True,
    )
    if known["name"].duplicated().any():
        raise PrivacyError("two people share a name; the attacker's table needs unique names.")
    return known.set_index("name")
