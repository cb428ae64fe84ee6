"""The matching with the highest total score (the assignment problem), stable or not.

Solved with the shortest-augmenting-path form of the Hungarian method, one row
at a time, with the inner scan over columns vectorised in numpy.

References: H. W. Kuhn (1955), "The Hungarian method for the assignment
problem", Naval Research Logistics Quarterly 2(1-2), 83-97; R. Jonker and
A. Volgenant (1987), "A shortest augmenting path algorithm for dense and sparse
linear assignment problems", Computing 38(4), 325-340.
"""

import numpy as np
import pandas as pd

from osmosis_lab.errors import InvalidPreferences


def max_welfare_matching(scores):
    """Pair rows with columns to maximise the total score.

    Parameters
    ----------
    scores : 2-D array of float, or pandas.DataFrame
        ``scores[i, j]``: the value of pairing row ``i`` with column ``j`` (for
        example how much both partners like each other). ``NaN`` forbids a pair.
        Each row and column is used at most once; an unmatched person adds 0, so
        someone stays alone when every pair open to them would lower the total.

    Returns
    -------
    numpy.ndarray of int, or dict
        For an array: ``match[i]`` is row ``i``'s column, ``-1`` if unmatched.
        For a DataFrame: a dict from row label to column label or ``None``.

    Raises
    ------
    InvalidPreferences
        When ``scores`` is not 2-D or holds infinities.

    References
    ----------
    Kuhn, H. W. (1955). The Hungarian method for the assignment problem. Naval
    Research Logistics Quarterly 2(1-2), 83-97.

    Examples
    --------
    >>> import numpy as np
    >>> max_welfare_matching(np.array([[4.0, 3.0], [3.0, 0.0]]))
    array([1, 0])
    >>> max_welfare_matching(np.array([[1.0, np.nan], [5.0, np.nan]]))
    array([-1,  0])
    """
    if isinstance(scores, pd.DataFrame):
        match = max_welfare_matching(scores.to_numpy(dtype=float))
        return {
            row: (None if j < 0 else scores.columns[j])
            for row, j in zip(scores.index, match, strict=True)
        }
    values = np.asarray(scores, dtype=float)
    if values.ndim != 2 or 0 in values.shape:
        raise InvalidPreferences(
            f"scores must be a non-empty 2-D table (rows x columns), got shape {values.shape}."
        )
    if np.isinf(values).any():
        raise InvalidPreferences("scores hold an infinity; use NaN to forbid a pair.")
    allowed = ~np.isnan(values)
    n, m = values.shape
    simple = n == m and allowed.all() and (values >= 0).all()
    # a square table of scores >= 0 has a best matching that pairs everyone;
    # otherwise pad with "stay alone" columns and rows worth 0
    cost = -values if simple else _padded_cost(values, allowed)
    column_of_row = _hungarian(cost)[:n]
    match = np.where(column_of_row < m, column_of_row, -1)
    keep = match >= 0
    keep[keep] = allowed[np.flatnonzero(keep), match[keep]]
    return np.where(keep, match, -1)


def _padded_cost(values, allowed):
    """Square (n + m) cost table: real pairs, 'row i alone', 'column j alone', filler."""
    n, m = values.shape
    # dearer than any total without a forbidden pair, so never chosen when avoidable
    forbidden = 2.0 * (np.abs(values[allowed]).sum() + 1.0)
    cost = np.full((n + m, n + m), forbidden)
    cost[:n, :m] = np.where(allowed, -np.nan_to_num(values), forbidden)
    cost[np.arange(n), m + np.arange(n)] = 0.0
    cost[n + np.arange(m), np.arange(m)] = 0.0
    cost[n:, m:] = 0.0
    return cost


def _hungarian(cost):
    """Minimum-cost assignment of a square table; returns each row's column."""
    size = len(cost)
    u, v = np.zeros(size + 1), np.zeros(size + 1)
    row_of = np.zeros(size + 1, dtype=int)  # row_of[j]: row (1-based) on column j, 0 = none
    way = np.zeros(size + 1, dtype=int)
    for i in range(1, size + 1):
        row_of[0], j0 = i, 0
        min_slack = np.full(size + 1, np.inf)
        used = np.zeros(size + 1, dtype=bool)
        while row_of[j0] != 0:
            used[j0] = True
            i0 = row_of[j0]
            slack = cost[i0 - 1] - u[i0] - v[1:]
            better = ~used[1:] & (slack < min_slack[1:])
            min_slack[1:][better] = slack[better]
            way[1:][better] = j0
            candidates = np.where(used[1:], np.inf, min_slack[1:])
            j1 = int(np.argmin(candidates)) + 1
            delta = candidates[j1 - 1]
            u[row_of[used]] += delta
            v[used] -= delta
            min_slack[1:][~used[1:]] -= delta
            j0 = j1
        while j0:  # flip the augmenting path back to the start
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    column_of = np.empty(size, dtype=int)
    column_of[row_of[1:] - 1] = np.arange(size)
    return column_of
