"""How many people share each combination of quasi-identifiers: k-anonymity and l-diversity.

A *quasi-identifier* is a column that identifies nobody on its own but can be
looked up elsewhere (age, district, job, gender). Rows that agree on every
quasi-identifier form an *equivalence class*; an attacker who knows someone's
quasi-identifiers can narrow them down to their class, and no further.

References
----------
Sweeney, L. (2002). k-anonymity: a model for protecting privacy. *International
Journal of Uncertainty, Fuzziness and Knowledge-Based Systems*, 10(5), 557-570.
Machanavajjhala, A., Kifer, D., Gehrke, J., Venkitasubramaniam, M. (2007).
l-diversity: privacy beyond k-anonymity. *ACM Transactions on Knowledge
Discovery from Data*, 1(1), article 3.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from numbers import Integral

import pandas as pd

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy._checks import column_list, table_with


def class_sizes(df: pd.DataFrame, quasi_identifiers: str | Iterable[str]) -> pd.Series:
    """Return, for every row, how many rows share its quasi-identifiers.

    A size of 1 means the row is unique: whoever knows those columns finds it.

    Parameters
    ----------
    df : DataFrame
        The table as it would be released.
    quasi_identifiers : str or list of str
        The columns an attacker can learn elsewhere.

    Returns
    -------
    Series of int
        Aligned with ``df.index``, named ``"class_size"``.

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every quasi-identifier, or quasi_identifiers
        is empty or repeats a column.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [30, 30, 41], "gender": ["woman", "woman", "man"]})
    >>> class_sizes(df, ["age", "gender"]).tolist()
    [2, 2, 1]
    """
    columns = column_list(quasi_identifiers, name="quasi_identifiers")
    table_with(df, columns)
    # dropna=False keeps rows with a missing value as a class of their own
    # instead of silently leaving them out of the count.
    grouped = df.groupby(columns, dropna=False, sort=False, observed=True)
    return grouped[columns[0]].transform("size").astype(int).rename("class_size")


def k_anonymity(df: pd.DataFrame, quasi_identifiers: str | Iterable[str]) -> int:
    """Return the k of a table: the size of its smallest equivalence class.

    Every row is indistinguishable from at least ``k - 1`` others on the
    quasi-identifiers; ``k == 1`` means at least one person is unique.

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every quasi-identifier, or quasi_identifiers
        is empty or repeats a column.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [30, 30, 41, 41], "gender": ["woman"] * 4})
    >>> k_anonymity(df, ["age", "gender"])
    2
    >>> k_anonymity(df, ["gender"])
    4

    References
    ----------
    Sweeney (2002), k-anonymity: a model for protecting privacy, IJUFKS 10(5).
    """
    return int(class_sizes(df, quasi_identifiers).min())


def l_diversity(df: pd.DataFrame, quasi_identifiers: str | Iterable[str], sensitive: str) -> int:
    """Return the (distinct) l of a table for one sensitive column.

    ``l`` is the smallest number of different sensitive values found in any
    equivalence class. With ``l == 1`` some class shares one value, so an
    attacker learns it without singling anyone out (a *homogeneity attack*,
    which k-anonymity alone does not stop).

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every named column, quasi_identifiers is
        empty or repeats a column, or sensitive is not one column name or is also a
        quasi-identifier.

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "age": [30, 30, 41, 41],
    ...     "health": ["asthma", "none", "diabetes", "diabetes"],
    ... })
    >>> k_anonymity(df, ["age"]), l_diversity(df, ["age"], "health")
    (2, 1)

    References
    ----------
    Machanavajjhala et al. (2007), l-diversity: privacy beyond k-anonymity, ACM TKDD 1(1).
    """
    columns = column_list(quasi_identifiers, name="quasi_identifiers")
    if not isinstance(sensitive, str):
        raise PrivacyError(f"sensitive must be one column name, got {sensitive!r}.")
    if sensitive in columns:
        raise PrivacyError(
            f"{sensitive!r} is listed both as a quasi-identifier and as the sensitive column; "
            "the attacker would already know it. Remove it from the quasi-identifiers."
        )
    table_with(df, [*columns, sensitive])
    grouped = df.groupby(columns, dropna=False, sort=False, observed=True)
    return int(grouped[sensitive].nunique(dropna=False).min())


def suppress_small_groups(
    df: pd.DataFrame, quasi_identifiers: str | Iterable[str], *, k: int
) -> pd.DataFrame:
    """Drop the rows whose equivalence class has fewer than ``k`` rows (record suppression).

    What is left is k-anonymous for ``k`` (or empty); the price is the people
    no longer in the table, which skews any statistic about rare groups.

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every quasi-identifier, quasi_identifiers is
        empty or repeats a column, or k is not a whole number of at least 1.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [30, 30, 41], "job": ["a", "a", "b"]})
    >>> kept = suppress_small_groups(df, ["age", "job"], k=2)
    >>> kept.index.tolist(), k_anonymity(kept, ["age", "job"])
    ([0, 1], 2)
    """
    if isinstance(k, bool) or not isinstance(k, Integral) or k < 1:
        raise PrivacyError(f"k must be a whole number of at least 1, got {k!r}.")
    sizes = class_sizes(df, quasi_identifiers)
    return df.loc[sizes >= k]


def matching_rows(df: pd.DataFrame, profile: Mapping[str, object]) -> int:
    """Count the rows that agree with ``profile`` on every column it names.

    With every quasi-identifier of one person, 1 means they are unique in ``df``
    (and 0 that nobody in ``df`` looks like them).

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every column of the profile, or profile is
        not a non-empty dict.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [29, 29, 29], "arrondissement": [3, 3, 11]})
    >>> matching_rows(df, {"age": 29}), matching_rows(df, {"age": 29, "arrondissement": 3})
    (3, 2)
    """
    if not isinstance(profile, Mapping) or not profile:
        raise PrivacyError("profile must be a non-empty dict of column -> value, e.g. {'age': 29}.")
    table_with(df, list(profile))
    fits = pd.Series(True, index=df.index)
    for column, value in profile.items():
        fits &= df[column] == value
    return int(fits.sum())


def narrowing(df: pd.DataFrame, profile: Mapping[str, object]) -> list[tuple[str, int]]:
    """How many rows still fit as each column of ``profile`` is revealed, in order.

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame with every column of the profile, or profile is
        not a non-empty dict.

    Examples
    --------
    >>> df = pd.DataFrame({"age": [29, 29, 40], "gender": ["man", "woman", "man"]})
    >>> narrowing(df, {"age": 29, "gender": "man"})
    [('age', 2), ('gender', 1)]
    """
    if not isinstance(profile, Mapping) or not profile:
        raise PrivacyError("profile must be a non-empty dict of column -> value, e.g. {'age': 29}.")
    columns = list(profile)
    return [
        (column, matching_rows(df, {c: profile[c] for c in columns[: i + 1]}))
        for i, column in enumerate(columns)
    ]
