"""The Osmosis app as lesson 04 audits it: its pair scores, stated certainty and verdicts.

The app scores a pair with the matching engine's "soulmate score"
(:func:`osmosis_lab.matching.compatibility_scores`), averaged over both
directions so a couple gets one number, and states its certainty with the
logistic map of :func:`~osmosis_lab.trust.certainty.stated_certainty` and the
settings below. Those settings are the app's *design*, chosen here (not fitted
to outcomes): a pair scoring :data:`APP_MIDPOINT` is a coin flip, and the
certainty climbs steeply above it, so the best-scoring pairs are told "99 %".
Whether that deserves trust is what the lesson measures, against the hidden
outcome of the synthetic data (``wellbeing_after_1y``).

Examples
--------
>>> round(app_certainty(1.0), 3)
0.989
>>> round(app_certainty(1.0, overconfidence=0.2), 3)
0.711
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.errors import TrustError
from osmosis_lab.matching import compatibility_scores
from osmosis_lab.trust._checks import count, numeric_columns, table_with
from osmosis_lab.trust.certainty import stated_certainty

#: The score the app states as 50 %.
APP_MIDPOINT = 0.85
#: How steeply the app's certainty rises with the score.
APP_SHARPNESS = 30.0

_PAIRS_HINT = "Pass a pairs table such as load_pairs(), with person_a and person_b ids."
_NUMERIC = (*TRAIT_COLUMNS, *WEIGHT_COLUMNS.values())


def app_certainty(scores, *, overconfidence: float = 1.0):
    """The certainty the app states for pair scores (``overconfidence`` 1: as launched).

    Raises
    ------
    TrustError
        scores are not finite numbers, or midpoint, sharpness or overconfidence is not a finite
        number in its range.

    Examples
    --------
    >>> app_certainty([0.7, 0.85, 0.95]).round(2)
    array([0.01, 0.5 , 0.95])
    """
    return stated_certainty(
        scores, midpoint=APP_MIDPOINT, sharpness=APP_SHARPNESS, overconfidence=overconfidence
    )


def _rows(people: pd.DataFrame, ids, name: str) -> pd.DataFrame:
    table_with(people, (), "people", hint="Pass a people table such as load_people().")
    table = people.set_index("person_id") if "person_id" in people.columns else people
    # ids may be junk of mixed types (NaN among strings): sort by text so the message can list them
    missing = sorted(set(ids) - set(table.index), key=str)
    if missing:
        raise TrustError(
            f"{name} names people not in the table: {', '.join(map(str, missing[:5]))}; "
            "pass a people table with a person_id for everyone in the pairs"
        )
    if table.index.duplicated().any():
        raise TrustError("people lists a person_id more than once; keep one row per person")
    # only the rows used must be numbers: others may be incomplete without harm
    numeric_columns(table.loc[list(dict.fromkeys(ids))], _NUMERIC, "people")
    return table


def _pair_ids(pairs: pd.DataFrame) -> pd.DataFrame:
    return table_with(pairs, ("person_a", "person_b"), "pairs", hint=_PAIRS_HINT)


def pair_scores(pairs: pd.DataFrame, people: pd.DataFrame) -> np.ndarray:
    """Each pair's mutual score: the mean of both partners' scores for each other.

    Parameters
    ----------
    pairs : pandas.DataFrame
        With columns ``person_a`` and ``person_b`` (ids), e.g. ``load_pairs()``.
    people : pandas.DataFrame
        Everyone named, with ``person_id``, trait and weight columns.

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> people = load_people()
    >>> pair = pd.DataFrame({"person_a": ["T03"], "person_b": ["C03"]})  # Lucas, Léopold
    >>> pair_scores(pair, people).round(3)
    array([1.])

    Raises
    ------
    TrustError
        ``pairs`` lacks ``person_a``/``person_b``, names someone not in
        ``people``, or ``people`` repeats an id or holds a non-numeric trait or weight.
    SchemaError
        ``people`` lacks trait or weight columns, or a trait is outside [0, 1].
    """
    _pair_ids(pairs)
    ids = pd.unique(pd.concat([pairs["person_a"], pairs["person_b"]]))
    table = _rows(people, ids, "pairs")
    scores = compatibility_scores(table.loc[ids]).to_numpy()
    where = {person: i for i, person in enumerate(ids)}
    a = pairs["person_a"].map(where).to_numpy()
    b = pairs["person_b"].map(where).to_numpy()
    return (scores[a, b] + scores[b, a]) / 2


def mutual_score_table(rows: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    """Mutual scores of every row person with every column person (labelled by their index).

    Raises
    ------
    TrustError
        ``rows`` or ``columns`` is not a table or holds a non-numeric trait or weight.
    SchemaError
        A table lacks trait or weight columns, or a trait is outside [0, 1].
    """
    for table, name in ((rows, "rows"), (columns, "columns")):
        table_with(table, (), name, hint="Pass a people table such as load_people().")
        numeric_columns(table, _NUMERIC, name)
    forward = compatibility_scores(rows, other_traits=columns)
    backward = compatibility_scores(columns, other_traits=rows)
    return (forward + backward.T) / 2


def all_pairs(rows: pd.DataFrame, columns: pd.DataFrame, function) -> pd.DataFrame:
    """Apply an aligned-pairs ``function(a, b) -> array`` to every row person and column person.

    For example ``osmosis_lab.data.wellbeing_probability``, which scores aligned rows.

    Examples
    --------
    >>> rows = pd.DataFrame({"x": [1, 2]}, index=["a", "b"])
    >>> columns = pd.DataFrame({"x": [10, 20, 30]}, index=["p", "q", "r"])
    >>> all_pairs(rows, columns, lambda a, b: a["x"].to_numpy() * b["x"].to_numpy())
        p   q   r
    a  10  20  30
    b  20  40  60
    """
    i, j = np.meshgrid(np.arange(len(rows)), np.arange(len(columns)), indexing="ij")
    values = np.asarray(function(rows.iloc[i.ravel()], columns.iloc[j.ravel()]))
    return pd.DataFrame(values.reshape(i.shape), index=rows.index, columns=columns.index)


def category_similarities(pairs: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Per pair, how alike the two are in each category (1 minus the mean squared difference).

    Raises
    ------
    TrustError
        ``pairs`` lacks ``person_a``/``person_b`` or names someone not in
        ``people``; ``people`` lacks a trait column, repeats an id or holds a
        non-numeric trait.
    """
    _pair_ids(pairs)
    table_with(people, TRAIT_COLUMNS, "people", hint="Pass a people table such as load_people().")
    table = _rows(people, pd.concat([pairs["person_a"], pairs["person_b"]]), "pairs")
    a, b = table.loc[pairs["person_a"]], table.loc[pairs["person_b"]]
    return pd.DataFrame(
        {
            c: 1.0 - ((a[list(cols)].to_numpy() - b[list(cols)].to_numpy()) ** 2).mean(axis=1)
            for c, cols in CATEGORIES.items()
        },
        index=pairs.index,
    )


def judge_cases(
    pairs: pd.DataFrame, people: pd.DataFrame, *, n: int = 10, rng: np.random.Generator
) -> pd.DataFrame:
    """Anonymised past matches to judge: half the app backed, half it did not.

    Parameters
    ----------
    pairs : pandas.DataFrame
        Past matches with ``person_a``, ``person_b`` and ``wellbeing_after_1y``.
    people : pandas.DataFrame
        Everyone named in ``pairs``.
    n : int, default 10
        Number of cases (at least 2).
    rng : numpy.random.Generator
        Draws the cases.

    Returns
    -------
    pandas.DataFrame
        One row per case, numbered from 1: the four category similarities
        (what the app saw), the app's ``score``, ``certainty`` and verdict
        ``app_accepts``, the hidden ``outcome`` and the ``pair_id`` (for
        tracing only: no name is shown).

    Examples
    --------
    >>> from osmosis_lab.data import load_pairs, load_population
    >>> cases = judge_cases(load_pairs(), load_population(), n=6, rng=np.random.default_rng(4))
    >>> len(cases), int(cases["app_accepts"].sum())
    (6, 3)

    Raises
    ------
    TrustError
        ``n`` is not a whole number >= 2, ``pairs`` lacks a needed column or
        has too few matches of each verdict, or ``pairs`` and ``people`` fail
        the checks of :func:`pair_scores`.
    SchemaError
        ``people`` lacks trait or weight columns, or a trait is outside [0, 1].
    """
    size = count(n, "n", minimum=2)
    table_with(
        pairs,
        ("pair_id", "person_a", "person_b", "wellbeing_after_1y"),
        "pairs",
        hint="Pass past matches such as load_pairs().",
    )
    scores = pair_scores(pairs, people)
    certainty = app_certainty(scores)
    backed = np.flatnonzero(certainty >= 0.5)
    rejected = np.flatnonzero(certainty < 0.5)
    if len(backed) < size // 2 + 1 or len(rejected) < size // 2 + 1:
        raise TrustError("too few past matches to draw balanced cases from; pass more pairs")
    chosen = np.concatenate(
        [
            rng.choice(backed, (size + 1) // 2, replace=False),
            rng.choice(rejected, size // 2, replace=False),
        ]
    )
    chosen = rng.permutation(chosen)
    picked = pairs.iloc[chosen].reset_index(drop=True)
    cases = category_similarities(picked, people)
    cases.insert(0, "case", np.arange(1, size + 1))
    cases["score"] = scores[chosen]
    cases["certainty"] = certainty[chosen]
    cases["app_accepts"] = certainty[chosen] >= 0.5
    cases["outcome"] = picked["wellbeing_after_1y"].to_numpy()
    cases["pair_id"] = picked["pair_id"].to_numpy()
    return cases
