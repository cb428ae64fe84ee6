"""What are we optimising? The same matching aimed at attraction or at wellbeing.

The app scores attraction: how alike two people look on the data it reads.
What people want from a match is to be doing well together a year later, and
the app never sees the main cause of that (how well a partner treats the
other). Optimising a measurable stand-in for the goal is the *proxy* problem:
here the same matching algorithm is run twice on the same people, once on
attraction and once on the probability of wellbeing, and the expected share of
matches that end badly is compared.

Examples
--------
Two testers, two candidates. Tester 0 is most attracted to candidate 0, who
treats partners badly:

>>> attraction = [[0.9, 0.6], [0.5, 0.7]]
>>> wellbeing = [[0.2, 0.8], [0.6, 0.5]]
>>> matches = match_under_objectives(attraction, wellbeing, matcher=_best_total_small)
>>> matches[["objective", "person", "match", "ends_badly"]]
    objective  person  match  ends_badly
0  attraction       0      0         0.8
1  attraction       1      1         0.5
2   wellbeing       0      1         0.2
3   wellbeing       1      0         0.4
>>> objective_summary(matches)["share_ending_badly"].round(2).to_dict()
{'attraction': 0.65, 'wellbeing': 0.3}
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import numeric_columns, table_with

#: The two objectives, in the order tables list them.
OBJECTIVES = ("attraction", "wellbeing")

Matcher = Callable[[np.ndarray], object]


def _matrix(values, name: str) -> tuple[np.ndarray, list, list]:
    if isinstance(values, pd.DataFrame):
        rows, columns = list(values.index), list(values.columns)
        values = values.to_numpy()
    else:
        rows = columns = None
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise TrustError(f"{name} must be a table of numbers (rows: people)") from error
    if array.ndim != 2 or 0 in array.shape:
        raise TrustError(
            f"{name} must be a non-empty 2-D table (people x candidates); got shape {array.shape}"
        )
    if not np.isfinite(array).all():
        raise TrustError(f"{name} holds missing or infinite values; use allowed= to rule pairs out")
    rows = rows if rows is not None else list(range(array.shape[0]))
    columns = columns if columns is not None else list(range(array.shape[1]))
    return array, rows, columns


def _as_assignment(result, n_rows: int) -> list[int | None]:
    """Read a matcher's result: a sequence (row -> column or -1/None) or a mapping."""
    if isinstance(result, Mapping):
        result = [result.get(i) for i in range(n_rows)]
    assignment = [None if c is None or int(c) < 0 else int(c) for c in result]
    if len(assignment) != n_rows:
        raise TrustError(f"the matcher returned {len(assignment)} rows; expected {n_rows}")
    return assignment


def _best_total_small(scores: np.ndarray) -> list[int | None]:
    """Brute-force maximum-total matching for tiny square tables (doctests, checks)."""
    n = scores.shape[0]
    usable = np.nan_to_num(scores, nan=0.0)
    best = max(itertools.permutations(range(n)), key=lambda p: usable[range(n), p].sum())
    return list(best)


def _default_matcher(scores: np.ndarray):
    from osmosis_lab.matching import max_welfare_matching

    return max_welfare_matching(scores)


def match_under_objectives(
    attraction,
    wellbeing,
    *,
    allowed=None,
    matcher: Matcher | None = None,
) -> pd.DataFrame:
    """Match the same people twice: for the most attraction, then for the most wellbeing.

    Parameters
    ----------
    attraction : 2-D array-like or pandas.DataFrame
        The app's score for each person (row) and candidate (column).
    wellbeing : same shape
        Probability, in [0, 1], that each pair is doing well a year later.
    allowed : same shape of bool, optional
        False rules a pair out (for example who is seeking whom).
    matcher : callable, optional
        Takes a score table (``NaN``: ruled out) and returns, for each row, its
        column (or -1 / ``None``), or a mapping row -> column. Default: maximum
        total score, ``osmosis_lab.matching.max_welfare_matching``.

    Returns
    -------
    pandas.DataFrame
        One row per match and objective: ``objective``, ``person``, ``match``
        (labels from a DataFrame's index/columns, else positions),
        ``attraction``, ``wellbeing`` and ``ends_badly`` (``1 - wellbeing``).

    Raises
    ------
    TrustError
        Shapes that differ, empty or non-finite tables, wellbeing outside [0, 1].
    """
    scores, rows, columns = _matrix(attraction, "attraction")
    good, _, _ = _matrix(wellbeing, "wellbeing")
    if good.shape != scores.shape:
        raise TrustError(
            f"attraction is {scores.shape} but wellbeing is {good.shape}; "
            "both need one value per person and candidate"
        )
    if ((good < 0) | (good > 1)).any():
        raise TrustError("wellbeing must hold probabilities in [0, 1]")
    mask = np.ones(scores.shape, bool) if allowed is None else np.asarray(allowed, bool)
    if mask.shape != scores.shape:
        raise TrustError(f"allowed is {mask.shape} but the scores are {scores.shape}")
    matcher = matcher or _default_matcher
    records = []
    for objective, table in zip(OBJECTIVES, (scores, good), strict=True):
        # a ruled-out pair reaches the matcher as NaN ("never"), and is dropped after
        assignment = _as_assignment(matcher(np.where(mask, table, np.nan)), scores.shape[0])
        for i, j in enumerate(assignment):
            if j is not None and mask[i, j]:
                records.append((objective, rows[i], columns[j], scores[i, j], good[i, j]))
    table = pd.DataFrame(
        records, columns=["objective", "person", "match", "attraction", "wellbeing"]
    )
    table["ends_badly"] = 1.0 - table["wellbeing"]
    return table


def objective_summary(matches: pd.DataFrame) -> pd.DataFrame:
    """Per objective: matches made, mean attraction, expected share that end badly.

    ``share_ending_badly`` is the mean of ``1 - wellbeing`` over the matches:
    the share expected to end badly, not one random draw of it.

    Examples
    --------
    >>> matches = pd.DataFrame({"objective": ["attraction", "wellbeing"],
    ...                         "attraction": [0.9, 0.6], "wellbeing": [0.25, 0.75],
    ...                         "ends_badly": [0.75, 0.25]})
    >>> objective_summary(matches).to_dict("index")["attraction"]
    {'matches': 1, 'mean_attraction': 0.9, 'mean_wellbeing': 0.25, 'share_ending_badly': 0.75}

    Raises
    ------
    TrustError
        ``matches`` lacks a column, or ``attraction``, ``wellbeing`` or
        ``ends_badly`` holds something other than finite numbers.
    """
    measures = ("attraction", "wellbeing", "ends_badly")
    table_with(
        matches,
        ("objective", *measures),
        "matches",
        hint="Pass the table match_under_objectives() returns.",
    )
    numeric_columns(matches, measures, "matches")
    grouped = matches.groupby("objective", sort=False)
    summary = pd.DataFrame(
        {
            "matches": grouped.size(),
            "mean_attraction": grouped["attraction"].mean(),
            "mean_wellbeing": grouped["wellbeing"].mean(),
            "share_ending_badly": grouped["ends_badly"].mean(),
        }
    )
    summary.index.name = None
    return summary
