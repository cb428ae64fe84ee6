"""Coarsen quasi-identifiers so that more people share each combination.

A *rule* says how to coarsen one column: :class:`Bands` turns numbers into
ranges (age 34 -> "30-39", arrondissement 7 -> "6-10"), :class:`Lookup` maps
values to broader ones (an occupation to its sector) and :class:`Redact`
hides the column altogether. Each rule is a function of the value alone, so
rows that agreed before still agree after: generalising never lowers k.

References
----------
Samarati, P., Sweeney, L. (1998). Protecting privacy when disclosing
information: k-anonymity and its enforcement through generalization and
suppression. Technical report SRI-CSL-98-04, SRI International.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Integral

import pandas as pd

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy._checks import table_with


@dataclass(frozen=True)
class Bands:
    """Replace a number by the band of ``width`` values that holds it.

    Bands start at ``origin``: ``Bands(10)`` gives 30-39, 40-49 ...;
    ``Bands(5, origin=1)`` gives 1-5, 6-10 ... (arrondissements start at 1).

    >>> Bands(10).label(34)
    '30-39'
    >>> Bands(5, origin=1).label(7)
    '6-10'

    Raises
    ------
    PrivacyError
        width is not a whole number of at least 1, or origin is not a whole number.
    """

    width: int
    origin: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.width, bool) or not isinstance(self.width, Integral) or self.width < 1:
            raise PrivacyError(f"Bands width must be a whole number >= 1, got {self.width!r}.")
        if isinstance(self.origin, bool) or not isinstance(self.origin, Integral):
            raise PrivacyError(f"Bands origin must be a whole number, got {self.origin!r}.")

    def label(self, value: float) -> str:
        """Return the band holding ``value``, as text."""
        low = (math.floor(value) - self.origin) // self.width * self.width + self.origin
        return str(low) if self.width == 1 else f"{low}-{low + self.width - 1}"


@dataclass(frozen=True)
class Lookup:
    """Map each value to a broader one, e.g. an occupation to its sector.

    Values missing from ``mapping`` become ``fallback``; with no fallback they
    are an error, so that a typo in the mapping cannot leak a rare value.

    >>> Lookup({"nurse": "health", "surgeon": "health"}).mapping["nurse"]
    'health'
    """

    mapping: Mapping[object, str]
    fallback: str | None = None


@dataclass(frozen=True)
class Redact:
    """Replace every value of the column by ``placeholder`` (suppress the column).

    >>> Redact().placeholder
    '*'
    """

    placeholder: str = "*"


Rule = Bands | Lookup | Redact


def _apply(column: pd.Series, rule: Rule) -> pd.Series:
    if isinstance(rule, Redact):
        return pd.Series(rule.placeholder, index=column.index, name=column.name, dtype=object)
    values = column.dropna().unique()
    if isinstance(rule, Lookup):
        unmapped = sorted({str(v) for v in values if v not in rule.mapping})
        if unmapped and rule.fallback is None:
            raise PrivacyError(
                f"the Lookup for {column.name!r} does not say what to do with "
                f"{', '.join(unmapped[:5])}; add them to the mapping or give a fallback "
                "such as Lookup(mapping, fallback='other')."
            )
        labels = {v: rule.mapping.get(v, rule.fallback) for v in values}
    elif not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        raise PrivacyError(
            f"Bands need numbers, but {column.name!r} holds {column.dtype} values; "
            "use a Lookup to group categories."
        )
    else:
        labels = {v: rule.label(v) for v in values}
    # Label each distinct value once (a column has few), then look the rows up; missing
    # values stay missing.
    return column.map(labels).astype(object).where(column.notna(), column.astype(object))


def generalise(df: pd.DataFrame, rules: Mapping[str, Rule | None]) -> pd.DataFrame:
    """Return a copy of ``df`` with some columns coarsened by their rule.

    Parameters
    ----------
    df : DataFrame
        The table to release.
    rules : dict of column -> Bands, Lookup, Redact or None
        How to coarsen each column; ``None`` leaves a column as it is (handy
        for a slider whose first position means "exact").

    Returns
    -------
    DataFrame
        Same rows and index; coarsened columns hold text labels.

    Raises
    ------
    PrivacyError
        The table is not a non-empty DataFrame holding every column named in rules, rules is not
        a dict, or a rule is not Bands, Lookup, Redact or None.

    Examples
    --------
    >>> from osmosis_lab.privacy import k_anonymity
    >>> df = pd.DataFrame({"age": [31, 38, 45], "arrondissement": [3, 4, 11]})
    >>> coarse = generalise(df, {"age": Bands(20), "arrondissement": Bands(10, origin=1)})
    >>> coarse.values.tolist()
    [['20-39', '1-10'], ['20-39', '1-10'], ['40-59', '11-20']]
    >>> k_anonymity(df, ["age", "arrondissement"]), k_anonymity(coarse, ["age", "arrondissement"])
    (1, 1)
    >>> k_anonymity(generalise(df, {"age": Redact(), "arrondissement": Redact()}), ["age"])
    3

    References
    ----------
    Samarati and Sweeney (1998), Protecting privacy when disclosing information,
    SRI-CSL-98-04.
    """
    if not isinstance(rules, Mapping):
        raise PrivacyError(f"rules must be a dict of column -> rule, got {type(rules).__name__}.")
    table_with(df, list(rules))
    out = df.copy()
    for column, rule in rules.items():
        if rule is None:
            continue
        if not isinstance(rule, Bands | Lookup | Redact):
            raise PrivacyError(
                f"the rule for {column!r} is {rule!r}; use Bands(width), Lookup(mapping), "
                "Redact() or None."
            )
        out[column] = _apply(df[column], rule)
    return out
