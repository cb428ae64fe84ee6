"""The matching markets of the lessons, read from the data set's columns.

The engines take arrays; this module is where the data set's columns
(``gender``, ``seeking``, ``age``, traits, weights, ``signed_up``) become those
arrays. Who may be matched with whom is decided by the matching engine's one
rule, :func:`osmosis_lab.matching.eligibility.may_meet`: nothing here decides it.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> people = load_people().set_index("name")
>>> int(who_may_meet(people.loc[["Niels Larson"]], people.loc[["Claire", "Ana Stern"]]).sum())
1
"""

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.consent.market import Market
from osmosis_lab.errors import SchemaError
from osmosis_lab.matching import compatibility_scores
from osmosis_lab.matching.eligibility import Profiles, eligible_preferences

#: From this age on a person is an adult; younger people are only matched with each other.
ADULT_AGE = 18
#: Which side proposes in :func:`beta_preferences`.
SIDES = ("tester", "candidate")

__all__ = [
    "ADULT_AGE",
    "beta_preferences",
    "market_from_tables",
    "profiles_from_table",
    "who_may_meet",
]

_PROFILE = ("gender", "seeking", "age")
_MARKET = ("person_id", "signed_up", *_PROFILE, *TRAIT_COLUMNS, *WEIGHT_COLUMNS.values())


def _require(table, columns, name: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise SchemaError(
            f"{name} must be a people table (a DataFrame), got {type(table).__name__}."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SchemaError(
            f"{name} lacks columns {missing[:4]}; pass tables with the data set's "
            "columns (load_people(), load_population())."
        )


def profiles_from_table(table: pd.DataFrame, *, name: str = "people") -> Profiles:
    """Each person's gender, what they seek and whether they are a minor, as arrays.

    Parameters
    ----------
    table : pandas.DataFrame
        With ``gender``, ``seeking`` and ``age`` columns, e.g. ``load_people()``.
    name : str
        What to call the table in error messages.

    Returns
    -------
    Profiles
        The arrays :func:`~osmosis_lab.matching.eligibility.may_meet` reads;
        ``minor`` is ``age < 18``.

    Raises
    ------
    SchemaError
        A column is missing or an age is not a number.
    InvalidPreferences
        A ``seeking`` value the rule does not know.

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> profiles = profiles_from_table(load_people().head(2))
    >>> profiles.seeking.tolist(), profiles.minor.tolist()
    (['women', 'men'], [True, False])
    """
    _require(table, _PROFILE, name)
    age = pd.to_numeric(table["age"], errors="coerce")
    if age.isna().any():
        raise SchemaError(f"{name} has an age that is not a number; ages are whole years.")
    return Profiles(
        table["gender"].to_numpy(dtype=object),
        table["seeking"].to_numpy(dtype=object),
        (age < ADULT_AGE).to_numpy(dtype=bool),
    )


def who_may_meet(rows: pd.DataFrame, columns: pd.DataFrame) -> np.ndarray:
    """``allowed[i, j]``: row person ``i`` and column person ``j`` may be matched.

    Each seeks the other's gender and both are minors or both adults; the rule
    is :func:`osmosis_lab.matching.eligibility.may_meet`.

    Raises
    ------
    SchemaError
        A table lacks ``gender``, ``seeking`` or ``age``, or an age is not a number.
    InvalidPreferences
        A ``seeking`` value the rule does not know.

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> people = load_people().set_index("name")
    >>> who_may_meet(people.loc[["Niels Larson", "Lucas Apert"]],
    ...              people.loc[["Claire", "Léopold", "Jade Morin"]]).tolist()
    [[True, False, False], [False, True, False]]
    """
    return profiles_from_table(rows, name="rows").may_meet(
        profiles_from_table(columns, name="columns")
    )


def market_from_tables(proposers: pd.DataFrame, reviewers: pd.DataFrame) -> Market:
    """Build the consent engine's :class:`~osmosis_lab.consent.market.Market` from two tables.

    Raises
    ------
    SchemaError
        A table lacks one of the data set's columns, an age, trait or weight is not a finite
        number, or a signed_up value is not True or False (text such as "False" is refused).

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> people = load_people()
    >>> market = market_from_tables(people[people["role"] == "tester"],
    ...                             people[people["role"] == "candidate"])
    >>> len(market.proposers), len(market.reviewers), sorted(market.never_signed_up)
    (12, 12, ['C03', 'C05', 'C11'])
    """
    for name, table in (("proposers", proposers), ("reviewers", reviewers)):
        _require(table, _MARKET, name)
        _require_market_values(table, name)
    p, r = proposers, reviewers
    unsigned = pd.concat([p, r]).loc[lambda t: ~t["signed_up"].astype(bool), "person_id"]
    return Market(
        tuple(p["person_id"]),
        tuple(r["person_id"]),
        p[list(TRAIT_COLUMNS)].to_numpy(float),
        p[list(WEIGHT_COLUMNS.values())].to_numpy(float),
        r[list(TRAIT_COLUMNS)].to_numpy(float),
        r[list(WEIGHT_COLUMNS.values())].to_numpy(float),
        profiles_from_table(p, name="proposers"),
        profiles_from_table(r, name="reviewers"),
        frozenset(unsigned),
    )


def _require_market_values(table: pd.DataFrame, name: str) -> None:
    """Refuse a signed_up that is not a real yes/no, and traits, weights or ages that are not numbers."""
    for pid, signed in zip(table["person_id"], table["signed_up"], strict=True):
        if not isinstance(signed, bool | np.bool_) and signed not in (0, 1):
            raise SchemaError(
                f"{name} {pid}: signed_up must be True or False, got {signed!r} "
                "(text such as 'False' is refused); load the table with load_people()."
            )
    numbers = [*TRAIT_COLUMNS, *WEIGHT_COLUMNS.values(), "age"]
    values = table[numbers].apply(pd.to_numeric, errors="coerce").to_numpy(float)
    if not np.isfinite(values).all():
        row, column = np.argwhere(~np.isfinite(values))[0]
        raise SchemaError(
            f"{name} row {row}: {numbers[column]} must be a finite number, got "
            f"{table[numbers[column]].iloc[row]!r}; correct the table (as load_people() has)."
        )


def beta_preferences(people, *, shared=None, proposing="tester", tie_break="column_order"):
    """The beta testers' and candidates' preference lists, from their soulmate scores.

    Parameters
    ----------
    people : pandas.DataFrame
        ``load_people()``: names, roles, gender, seeking, age, traits and weights.
    shared : pandas.DataFrame of bool, optional
        Indexed by name, one column per category: what each person lets the app
        use. People not in it share everything; omitted, everyone shares all.
    proposing : {"tester", "candidate"}
        The side whose lists come first in the result (the side that proposes).
    tie_break : str
        Passed to :func:`~osmosis_lab.matching.preferences_from_scores`.

    Returns
    -------
    MarketPreferences
        ``(proposing side's lists, other side's lists)`` by name, best first. A
        pair is on the lists only if they may meet
        (:func:`~osmosis_lab.matching.eligibility.may_meet`) and share at least
        one category.

    Raises
    ------
    SchemaError
        Unknown ``proposing``, ``shared`` naming people not in ``people``, or
        a missing column.

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> testers, candidates = beta_preferences(load_people())
    >>> testers["Lucas Apert"]
    ['Léopold', 'Rémi Caron', 'Antoine']
    >>> candidates["Claire"]
    ['Niels Larson']
    """
    if proposing not in SIDES:
        raise SchemaError(f"proposing must be one of {SIDES}, got {proposing!r}.")
    _require(people, ("name", "role"), "people")
    table = people.set_index("name")
    mask = _shared_mask(table, shared)
    testers = table[table["role"] == "tester"]
    candidates = table[table["role"] == "candidate"]
    forward = compatibility_scores(
        testers,
        shared=mask.loc[testers.index],
        other_traits=candidates,
        other_shared=mask.loc[candidates.index],
    )
    backward = compatibility_scores(
        candidates,
        shared=mask.loc[candidates.index],
        other_traits=testers,
        other_shared=mask.loc[testers.index],
    )
    lists = eligible_preferences(
        forward,
        backward,
        profiles_from_table(testers, name="testers"),
        profiles_from_table(candidates, name="candidates"),
        tie_break=tie_break,
    )
    return lists if proposing == "tester" else lists.swapped()


def _shared_mask(table, shared):
    mask = pd.DataFrame(True, index=table.index, columns=list(CATEGORIES))
    if shared is not None:
        unknown = sorted(set(shared.index) - set(table.index))
        if unknown:
            raise SchemaError(f"shared names people not in the table: {unknown[:3]}")
        mask.loc[shared.index, list(CATEGORIES)] = shared[list(CATEGORIES)].astype(bool)
    return mask
