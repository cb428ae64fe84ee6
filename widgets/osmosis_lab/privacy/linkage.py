"""The linkage attack: join an "anonymised" table to public data on quasi-identifiers.

The attacker knows a person's quasi-identifiers from a public source (a social
network profile, a voter roll) and assumes the person is in the released table.
Every released row that agrees on those columns is a candidate; one candidate
means the person is re-identified, a handful means they are narrowed down to a
small group (and if the whole group shares a sensitive value, it leaks anyway).

References
----------
Sweeney, L. (2000). Simple demographics often identify people uniquely.
Carnegie Mellon University, Data Privacy Working Paper 3.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from numbers import Integral

import pandas as pd

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy._checks import column_list, table_with

#: The outcomes of the attack for one public person, from worst to best for them.
OUTCOMES: tuple[str, ...] = ("unique", "small group", "crowd", "not found")


@dataclass(frozen=True)
class LinkageResult:
    """What a linkage attack learned.

    Attributes
    ----------
    quasi_identifiers : tuple of str
        The columns the attacker joined on.
    small_group : int
        The largest group that still counts as "narrowed down to a small group".
    group_sizes : Series of int
        Indexed like the public table: how many released rows fit each public
        person (0 = nobody, 1 = re-identified).
    candidates : DataFrame
        Columns ``public`` and ``released``: every pairing of a public person
        with a released row that fits, for people matched within ``small_group``.
    """

    quasi_identifiers: tuple[str, ...]
    small_group: int
    group_sizes: pd.Series
    candidates: pd.DataFrame

    @cached_property
    def outcome(self) -> pd.Series:
        """Each public person's outcome: one of :data:`OUTCOMES`."""
        sizes = self.group_sizes
        labels = pd.Series("crowd", index=sizes.index, name="outcome", dtype=object)
        labels[sizes == 0] = "not found"
        labels[(sizes >= 2) & (sizes <= self.small_group)] = "small group"
        labels[sizes == 1] = "unique"
        return labels

    @cached_property
    def reidentified(self) -> pd.Series:
        """Public label -> the one released row label that fits them."""
        unique = self.candidates[self.candidates["public"].map(self.group_sizes) == 1]
        return pd.Series(
            unique["released"].to_numpy(), index=pd.Index(unique["public"]), name="released"
        )

    def counts(self, among: Iterable[Hashable] | None = None) -> dict[str, int]:
        """Count outcomes, for everyone or for the public labels in ``among``."""
        outcome = self.outcome if among is None else self.outcome.loc[list(among)]
        tally = outcome.value_counts()
        return {name: int(tally.get(name, 0)) for name in OUTCOMES}

    def facts_learned(self, released: pd.DataFrame, sensitive: str | Iterable[str]) -> pd.DataFrame:
        """Sensitive values the attacker learns about each unique or small-group person.

        A value is learned when every candidate row of that person agrees on it
        (certain for a unique match; a homogeneity leak for a group). Cells the
        attacker cannot pin down are missing.
        """
        columns = column_list(sensitive, name="sensitive")
        table_with(released, columns, what="released table")
        unknown = set(self.candidates["released"]) - set(released.index)
        if unknown:
            raise PrivacyError(
                "facts_learned needs the same released table the attack used; "
                f"{len(unknown)} of its rows are missing from this one."
            )
        pairs = self.candidates.join(released[columns], on="released")
        grouped = pairs.groupby("public", sort=False)[columns]
        agreed = grouped.nunique(dropna=False) == 1
        learned = grouped.first().where(agreed)
        learned.insert(0, "group_size", self.group_sizes.loc[learned.index])
        return learned


def _check_joinable(released: pd.DataFrame, public: pd.DataFrame, columns: list[str]) -> None:
    for name, table in (("released", released), ("public", public)):
        if not table.index.is_unique:
            raise PrivacyError(
                f"the {name} table's row labels repeat; give it a unique index, "
                "e.g. table.reset_index(drop=True)."
            )
    for column in columns:
        numeric = [pd.api.types.is_numeric_dtype(t[column]) for t in (released, public)]
        if numeric[0] != numeric[1]:
            raise PrivacyError(
                f"{column!r} holds numbers in one table and text in the other, so nothing "
                "would match; generalise both tables with the same rules before joining."
            )


def linkage_attack(
    released: pd.DataFrame,
    public: pd.DataFrame,
    *,
    quasi_identifiers: str | Iterable[str],
    small_group: int = 5,
) -> LinkageResult:
    """Re-identify rows of ``released`` by joining it to ``public`` on quasi-identifiers.

    Parameters
    ----------
    released : DataFrame
        The "anonymised" table: no names, but quasi-identifiers and sensitive columns.
    public : DataFrame
        What the attacker found: identities (in the index or a column) and quasi-identifiers.
    quasi_identifiers : str or list of str
        Columns present in both tables that the attacker joins on.
    small_group : int, default 5
        A match with at most this many candidate rows counts as a small group.

    Returns
    -------
    LinkageResult

    Raises
    ------
    PrivacyError
        A table is empty or lacks a quasi-identifier or the name column, quasi_identifiers is
        empty or repeats a column, or small_group is not a whole number of at least 1.

    Examples
    --------
    >>> released = pd.DataFrame({"age": [34, 34, 51], "arr": [11, 11, 3],
    ...                          "affair": [False, False, True]}, index=["r1", "r2", "r3"])
    >>> public = pd.DataFrame({"age": [51, 34, 29], "arr": [3, 11, 5]},
    ...                       index=["Marc", "Sofia", "Yann"])
    >>> result = linkage_attack(released, public, quasi_identifiers=["age", "arr"])
    >>> result.reidentified.to_dict()
    {'Marc': 'r3'}
    >>> result.outcome.to_dict()
    {'Marc': 'unique', 'Sofia': 'small group', 'Yann': 'not found'}
    >>> result.facts_learned(released, "affair")["affair"].to_dict()
    {'Marc': True, 'Sofia': False}

    References
    ----------
    Sweeney (2000), Simple demographics often identify people uniquely, CMU Data
    Privacy Working Paper 3.
    """
    columns = column_list(quasi_identifiers, name="quasi_identifiers")
    table_with(released, columns, what="released table")
    table_with(public, columns, what="public table")
    if isinstance(small_group, bool) or not isinstance(small_group, Integral) or small_group < 1:
        raise PrivacyError(f"small_group must be a whole number >= 1, got {small_group!r}.")
    _check_joinable(released, public, columns)
    rel = released[columns].reset_index(names="released")
    pub = public[columns].reset_index(names="public")
    sizes = rel.groupby(columns, dropna=False, sort=False).size().rename("group_size")
    pub = pub.join(sizes, on=columns)
    group_sizes = pub.set_index("public")["group_size"].fillna(0).astype(int)
    near = pub.loc[pub["group_size"].between(1, small_group), ["public", *columns]]
    candidates = near.merge(rel, on=columns, how="inner")[["public", "released"]]
    return LinkageResult(tuple(columns), int(small_group), group_sizes, candidates)
