"""Why this match? Each data category's share of a match score, in words.

The score explained is the app's "soulmate score" of one person for another,
exactly as :func:`osmosis_lab.matching.compatibility_scores` computes it: in each
category the two people's similarity (1 minus the mean *squared* difference of
its four traits, so 1 is identical), averaged with the weights the first person
gives the categories both share (renormalised to sum to 1). Because the score
is that weighted sum, each category's *contribution* (normalised weight times
similarity) is exact, not an approximation: contributions add up to the score.

Examples
--------
>>> from osmosis_lab.categories import TRAIT_COLUMNS
>>> a = dict.fromkeys(TRAIT_COLUMNS, 0.5)
>>> b = dict(a, memory_warmth=0.9, memory_conflict=0.1)
>>> weights = {"declared": 0.4, "scraped": 0.1, "conscious": 0.2, "subconscious": 0.3}
>>> table = category_contributions(a, b, weights=weights)
>>> table.round(3).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
{'category': ['declared', 'subconscious', 'conscious', 'scraped'],
 'similarity': [1.0, 1.0, 0.92, 1.0], 'weight': [0.4, 0.3, 0.2, 0.1],
 'contribution': [0.4, 0.3, 0.184, 0.1], 'share': [0.407, 0.305, 0.187, 0.102]}
>>> round(float(table["contribution"].sum()), 3)
0.984
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS, WEIGHT_COLUMNS
from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import as_numbers, numeric_columns, table_with


def _values(person: Mapping, columns, role: str) -> np.ndarray:
    missing = [c for c in columns if c not in person]
    if missing:
        raise TrustError(
            f"{role} has no value for {', '.join(missing)}; pass a row with every trait column "
            "(for example a row of load_people())"
        )
    return as_numbers([person[c] for c in columns], f"{role}'s traits")


def _weights(person: Mapping, weights, categories) -> np.ndarray:
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
    if values.sum() <= 0:
        raise TrustError(
            "the weights of the shared categories sum to 0: there is no score to explain"
        )
    return values / values.sum()


def _shared(shared) -> tuple[str, ...]:
    if shared is None:
        return tuple(CATEGORIES)
    names = tuple(shared)
    unknown = [c for c in names if c not in CATEGORIES]
    if unknown or not names:
        raise TrustError(
            f"shared must name at least one of the categories {', '.join(CATEGORIES)}; "
            f"got {list(names)}"
        )
    return tuple(c for c in CATEGORIES if c in names)


def category_contributions(
    person: Mapping,
    other: Mapping,
    *,
    weights: Mapping[str, float] | None = None,
    shared: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Each category's similarity, weight and contribution to ``person``'s score for ``other``.

    Parameters
    ----------
    person, other : mapping (dict or pandas.Series)
        Trait values in [0, 1] by column name, e.g. rows of ``load_people()``.
    weights : mapping of category to float, optional
        How much ``person`` weighs each category. Default: ``person``'s
        ``weight_<category>`` columns (so the score is asymmetric).
    shared : iterable of category names, optional
        The categories both people share (default: all four). The weights are
        renormalised over them, as the app does.

    Returns
    -------
    pandas.DataFrame
        One row per shared category, biggest contribution first: ``category``,
        ``similarity``, ``weight`` (renormalised), ``contribution``
        (``weight * similarity``) and ``share`` (of the score). The
        contributions sum to ``compatibility_scores``' score for the pair.

    Raises
    ------
    TrustError
        A trait or weight is missing or not a finite number, a weight is
        negative, the weights sum to 0, or ``shared`` names no known category.

    Examples
    --------
    >>> from osmosis_lab.categories import TRAIT_COLUMNS
    >>> a = dict.fromkeys(TRAIT_COLUMNS, 0.5)
    >>> b = dict(a, signal_intensity=0.9)
    >>> equal = dict.fromkeys(CATEGORIES, 1.0)
    >>> category_contributions(a, b, weights=equal)["contribution"].round(3).tolist()
    [0.25, 0.25, 0.25, 0.24]
    >>> category_contributions(a, b, weights=equal, shared=["subconscious"])["weight"].tolist()
    [1.0]
    """
    categories = _shared(shared)
    rows = []
    for category in categories:
        columns = CATEGORIES[category]
        gap = _values(person, columns, "person") - _values(other, columns, "other")
        rows.append({"category": category, "similarity": float(1.0 - np.mean(gap**2))})
    table = pd.DataFrame(rows)
    table["weight"] = _weights(person, weights, categories)
    table["contribution"] = table["weight"] * table["similarity"]
    total = table["contribution"].sum()
    table["share"] = table["contribution"] / total if total > 0 else 0.0
    table = table.sort_values("contribution", ascending=False, kind="stable")
    return table.reset_index(drop=True)


def _likeness(similarity: float) -> str:
    """Words for a similarity, judged on the value as printed (two places): 0.897 shows as
    0.90, and a reader who sees 0.90 beside "much alike" reads the word as wrong.

    >>> _likeness(0.897), _likeness(0.894)
    ('almost identical', 'much alike')
    """
    similarity = round(similarity, 2)
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

    Raises
    ------
    TrustError
        ``contributions`` lacks a column, names an unknown category, or holds
        something other than finite numbers in its number columns.
    """
    numbers = ("similarity", "weight", "contribution", "share")
    table_with(
        contributions,
        ("category", *numbers),
        "contributions",
        hint="Pass the table category_contributions() returns.",
    )
    numeric_columns(contributions, numbers, "contributions")
    unknown = [c for c in contributions["category"] if not (isinstance(c, str) and c in CATEGORIES)]
    if unknown:
        raise TrustError(
            f"contributions names unknown categories {unknown[:4]}; each must be one of "
            f"{', '.join(CATEGORIES)}. Pass the table category_contributions() returns."
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
