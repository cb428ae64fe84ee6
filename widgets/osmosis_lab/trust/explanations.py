"""Why this match? Each data category's share of a match score, in words.

The score explained here is the app's "soulmate score" seen from one person:
for each category the two people's similarity (1 minus the mean absolute
difference of its four traits, so 1 is identical) times the weight that
person gives the category, summed over the four categories. Because the score
is that sum, each category's *contribution* is exact, not an approximation:
contributions add up to the score.

Examples
--------
>>> a = {"declared_openness": 0.2, "memory_warmth": 0.9}
>>> b = {"declared_openness": 0.4, "memory_warmth": 0.9}
>>> table = category_contributions(a, b, weights={"declared": 0.5, "conscious": 0.5},
...                                categories={"declared": ("declared_openness",),
...                                            "conscious": ("memory_warmth",)})
>>> table.round(3).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
{'category': ['conscious', 'declared'], 'similarity': [1.0, 0.8], 'weight': [0.5, 0.5],
 'contribution': [0.5, 0.4], 'share': [0.556, 0.444]}
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS, WEIGHT_COLUMNS
from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import as_numbers


def _values(person: Mapping, columns, role: str) -> np.ndarray:
    missing = [c for c in columns if c not in person]
    if missing:
        raise TrustError(
            f"{role} has no value for {', '.join(missing)}; pass a row with every trait column "
            "(for example a row of load_people())"
        )
    return as_numbers([person[c] for c in columns], f"{role}'s traits")


def _weights(person: Mapping, weights, categories) -> dict[str, float]:
    if weights is None:
        weights = {c: person[WEIGHT_COLUMNS[c]] for c in categories if WEIGHT_COLUMNS[c] in person}
    missing = [c for c in categories if c not in weights]
    if missing:
        raise TrustError(
            f"no weight for {', '.join(missing)}: pass weights={{category: weight}} or a person "
            "row with the weight_* columns"
        )
    values = as_numbers([weights[c] for c in categories], "weights")
    if (values < 0).any():
        raise TrustError(
            f"weights must be 0 or more; got {dict(zip(categories, values, strict=True))}"
        )
    return dict(zip(categories, values.tolist(), strict=True))


def category_contributions(
    person: Mapping,
    other: Mapping,
    *,
    weights: Mapping[str, float] | None = None,
    categories: Mapping[str, tuple[str, ...]] = CATEGORIES,
) -> pd.DataFrame:
    """Each category's similarity, weight and contribution to ``person``'s score for ``other``.

    Parameters
    ----------
    person, other : mapping (dict or pandas.Series)
        Trait values in [0, 1] by column name, e.g. rows of ``load_people()``.
    weights : mapping of category to float, optional
        How much ``person`` weighs each category. Default: ``person``'s
        ``weight_<category>`` columns (so the score is asymmetric).
    categories : mapping of category to trait columns
        Default: the four categories of :mod:`osmosis_lab.categories`.

    Returns
    -------
    pandas.DataFrame
        One row per category, biggest contribution first: ``category``,
        ``similarity``, ``weight``, ``contribution`` (``weight * similarity``)
        and ``share`` (of the score; 0 when the score is 0).

    Raises
    ------
    TrustError
        A trait or weight is missing, not a finite number, or a weight is negative.

    Examples
    --------
    >>> a = {t: 0.5 for ts in CATEGORIES.values() for t in ts}
    >>> b = dict(a, signal_intensity=0.9)
    >>> equal = dict.fromkeys(CATEGORIES, 0.25)
    >>> category_contributions(a, b, weights=equal)["contribution"].round(3).tolist()
    [0.25, 0.25, 0.25, 0.225]
    """
    rows = []
    for category, columns in categories.items():
        gap = np.abs(_values(person, columns, "person") - _values(other, columns, "other"))
        rows.append({"category": category, "similarity": float(1.0 - gap.mean())})
    table = pd.DataFrame(rows)
    table["weight"] = table["category"].map(_weights(person, weights, tuple(categories)))
    table["contribution"] = table["weight"] * table["similarity"]
    total = table["contribution"].sum()
    table["share"] = table["contribution"] / total if total > 0 else 0.0
    table = table.sort_values("contribution", ascending=False, kind="stable")
    return table.reset_index(drop=True)


def _likeness(similarity: float) -> str:
    if similarity >= 0.9:
        return "almost identical"
    if similarity >= 0.75:
        return "much alike"
    if similarity >= 0.5:
        return "somewhat alike"
    return "quite different"


def explain_contributions(
    contributions: pd.DataFrame, *, person: str = "this person", other: str = "their match"
) -> list[str]:
    """Turn :func:`category_contributions` into sentences a learner can read aloud.

    The first sentence gives the score; then one sentence per category, biggest
    contribution first.

    Examples
    --------
    >>> table = pd.DataFrame({"category": ["subconscious", "declared"],
    ...                       "similarity": [0.95, 0.4], "weight": [0.6, 0.4],
    ...                       "contribution": [0.57, 0.16], "share": [0.78, 0.22]})
    >>> for sentence in explain_contributions(table, person="Lucas", other="Léopold"):
    ...     print(sentence)  # doctest: +NORMALIZE_WHITESPACE
    Lucas's score for Léopold is 0.73 (out of 1).
    Subconscious signals add 0.57 (78% of the score): they are almost identical here
    (similarity 0.95) and Lucas gives this category weight 0.60.
    Declared profile adds 0.16 (22% of the score): they are quite different here
    (similarity 0.40) and Lucas gives this category weight 0.40.
    """
    needed = {"category", "similarity", "weight", "contribution", "share"}
    if not needed <= set(contributions.columns):
        raise TrustError(
            f"contributions needs the columns {sorted(needed)}; pass the table "
            "category_contributions() returns"
        )
    total = float(contributions["contribution"].sum())
    sentences = [f"{person}'s score for {other} is {total:.2f} (out of 1)."]
    for row in contributions.itertuples(index=False):
        label = CATEGORY_LABELS.get(row.category, row.category)
        verb = "add" if label.endswith("s") else "adds"
        sentences.append(
            f"{label} {verb} {row.contribution:.2f} ({row.share:.0%} of the score): they are "
            f"{_likeness(row.similarity)} here (similarity {row.similarity:.2f}) and {person} "
            f"gives this category weight {row.weight:.2f}."
        )
    return sentences
