"""The "soulmate score": how much one person likes another, from the data both consent to share.

A design choice, written down because the lessons question it:

* similarity in a category is ``1 - mean squared difference`` of its four
  traits (traits lie in [0, 1], so it does too). The squared difference is
  used rather than the absolute one because it expands into dot products,
  so one matrix product scores everyone at once;
* person ``i``'s score for ``j`` is the weighted mean of the similarities in
  the categories that *both* share, with ``i``'s own weights renormalised over
  those categories. Withdrawing a category therefore changes how others are
  scored too, and scores are asymmetric because weights differ;
* with no category shared by both (or zero weight on all that are), there is
  no basis for a score: ``NaN``, which :func:`preferences_from_scores` reads as
  "not on the list".
"""

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.errors import InvalidPreferences, SchemaError

_N_CATEGORIES = len(CATEGORIES)
_PER_CATEGORY = len(TRAIT_COLUMNS) // _N_CATEGORIES


def compatibility_scores(
    traits, weights=None, *, shared=None, other_traits=None, other_shared=None
):
    """Score every pair: ``scores[i, j]`` is how much person ``i`` likes person ``j``.

    Parameters
    ----------
    traits : array, shape (n, 16), or pandas.DataFrame
        Trait values in [0, 1], columns in ``categories.TRAIT_COLUMNS`` order
        (a DataFrame is read by column name).
    weights : array, shape (n, 4), or DataFrame, optional
        How much each person weighs each category, in ``categories.CATEGORIES``
        order (or the ``weight_<category>`` columns). When omitted, read from
        ``traits``, which must then be a DataFrame.
    shared : array of bool, shape (n, 4), or DataFrame, optional
        Who consents to share which category (columns named by category).
        Everyone shares everything when omitted.
    other_traits, other_shared : optional
        The people being scored (columns of the result), for two groups.
        When omitted, everyone scores everyone in ``traits`` and a person's
        score for themselves is ``NaN``.

    Returns
    -------
    numpy.ndarray or pandas.DataFrame
        An (n, m) table of scores in [0, 1] (``NaN`` where no category is
        usable), labelled by the inputs' indexes when ``traits`` is a DataFrame.

    Raises
    ------
    SchemaError
        Missing columns, wrong shapes, values outside [0, 1], negative weights.

    Examples
    --------
    >>> import numpy as np
    >>> traits = np.array([[0.0] * 16, [0.5] * 16, [0.5] * 8 + [1.0] * 8])
    >>> weights = np.array([[0.25] * 4, [0.7, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.7]])
    >>> compatibility_scores(traits, weights).round(3)
    array([[  nan, 0.75 , 0.375],
           [0.75 ,   nan, 0.95 ],
           [0.15 , 0.8  ,   nan]])
    >>> shared = np.ones((3, 4), dtype=bool)
    >>> shared[1] = [True, False, False, False]  # person 1 now shares only "declared"
    >>> compatibility_scores(traits, weights, shared=shared).round(3)
    array([[  nan, 0.75 , 0.375],
           [0.75 ,   nan, 1.   ],
           [0.15 , 1.   ,   nan]])
    """
    x, labels = _traits(traits, "traits")
    if weights is None and not isinstance(traits, pd.DataFrame):
        raise SchemaError(
            "weights are missing: pass weights=(n x 4 array) or a DataFrame with the "
            f"columns {', '.join(WEIGHT_COLUMNS.values())}."
        )
    w = _weights(traits if weights is None else weights, len(x))
    s = _shared(shared, len(x), "shared")
    one_group = other_traits is None
    y, other_labels = (x, labels) if one_group else _traits(other_traits, "other_traits")
    t = s if one_group and other_shared is None else _shared(other_shared, len(y), "other_shared")
    scores = _score_table(x, w * s, y, t)
    if one_group:
        np.fill_diagonal(scores, np.nan)
    if labels is None:
        return scores
    return pd.DataFrame(scores, index=labels, columns=other_labels)


def _score_table(x, a, y, b):
    """Weighted mean similarity over shared categories, as two matrix products."""
    xc = x.reshape(len(x), _N_CATEGORIES, _PER_CATEGORY)
    yc = y.reshape(len(y), _N_CATEGORIES, _PER_CATEGORY)
    qx, qy = (xc**2).mean(axis=2), (yc**2).mean(axis=2)
    # 1 - mean((x - y)^2) = (1 - mean(x^2)) - mean(y^2) + 2 mean(x * y), summed with weights
    left = np.hstack(
        [a * (1 - qx), a, (a[:, :, None] * xc * (2 / _PER_CATEGORY)).reshape(len(x), -1)]
    )
    right = np.hstack([b, -b * qy, (b[:, :, None] * yc).reshape(len(y), -1)])
    total = left @ right.T
    weight = a @ b.T
    return np.divide(total, weight, out=np.full_like(total, np.nan), where=weight > 0)


def _as_floats(table, name):
    """``table`` as a float array, or a SchemaError naming it (text is not a number)."""
    try:
        return np.asarray(table, dtype=float)
    except (TypeError, ValueError) as error:
        raise SchemaError(
            f"{name} must hold numbers in [0, 1]; found a value that is not a number ({error})."
        ) from None


def _traits(traits, name):
    if isinstance(traits, pd.DataFrame):
        missing = [c for c in TRAIT_COLUMNS if c not in traits.columns]
        if missing:
            raise SchemaError(
                f"{name} lacks trait columns {missing}; see categories.TRAIT_COLUMNS."
            )
        values, labels = _as_floats(traits[list(TRAIT_COLUMNS)], name), traits.index
    else:
        values, labels = _as_floats(traits, name), None
    if values.ndim != 2 or values.shape[1] != len(TRAIT_COLUMNS) or len(values) == 0:
        raise SchemaError(
            f"{name} must have one row per person and {len(TRAIT_COLUMNS)} trait columns "
            f"(categories.TRAIT_COLUMNS order); got shape {values.shape}."
        )
    if not np.isfinite(values).all() or values.min() < 0 or values.max() > 1:
        raise SchemaError(f"{name} must hold numbers in [0, 1] with no missing values.")
    return values, labels


def _weights(weights, n):
    if isinstance(weights, pd.DataFrame):
        columns = list(WEIGHT_COLUMNS.values())
        missing = [c for c in columns if c not in weights.columns]
        if missing:
            raise SchemaError(f"weights lack columns {missing}; pass weights= or add them.")
        weights = weights[columns]
    values = _as_floats(weights, "weights")
    if values.shape != (n, _N_CATEGORIES):
        raise SchemaError(
            f"weights must have shape ({n}, {_N_CATEGORIES}), one weight per category "
            f"({', '.join(CATEGORIES)}); got {values.shape}."
        )
    if not np.isfinite(values).all() or (values < 0).any():
        raise SchemaError("weights must be finite and >= 0.")
    return values


def _shared(shared, n, name):
    if shared is None:
        return np.ones((n, _N_CATEGORIES))
    if isinstance(shared, pd.DataFrame):
        shared = shared[list(CATEGORIES)]
    values = np.asarray(shared)
    if values.shape != (n, _N_CATEGORIES) or values.dtype != bool:
        raise SchemaError(
            f"{name} must be a boolean table of shape ({n}, {_N_CATEGORIES}), one column per "
            f"category ({', '.join(CATEGORIES)}); got {values.dtype} {values.shape}."
        )
    return values.astype(float)


def preferences_from_scores(scores, *, tie_break="column_order", rng=None):
    """Turn a score table into preference lists, best first, with a visible tie rule.

    Parameters
    ----------
    scores : 2-D array or pandas.DataFrame
        ``scores[i, j]``: how much ``i`` likes ``j``; ``NaN`` means "not on the list".
    tie_break : {"column_order", "random"}
        Who goes first among equal scores: the one in the earlier column, or a
        random order drawn from ``rng``. Either way, the rule decides matches.
    rng : numpy.random.Generator, optional
        Required for ``tie_break="random"``.

    Returns
    -------
    numpy.ndarray of int, or dict of str to list
        For an array: row ``i`` lists column numbers best first, padded with
        ``-1`` (the input of :func:`deferred_acceptance_arrays`). For a
        DataFrame: a dict from row label to a list of column labels.

    Raises
    ------
    InvalidPreferences
        scores is not a 2-D table of numbers, tie_break is not "column_order" or "random", or
        "random" is asked for without an rng.

    Examples
    --------
    >>> import numpy as np
    >>> preferences_from_scores(np.array([[0.2, 0.9, 0.2], [np.nan, 0.5, 0.7]]))
    array([[ 1,  0,  2],
           [ 2,  1, -1]])
    >>> rng = np.random.default_rng(3)
    >>> preferences_from_scores(np.array([[0.5, 0.5, 0.5]]), tie_break="random", rng=rng)
    array([[2, 1, 0]])
    """
    if isinstance(scores, pd.DataFrame):
        order = preferences_from_scores(scores.to_numpy(dtype=float), tie_break=tie_break, rng=rng)
        columns = list(scores.columns)
        return {
            row: [columns[j] for j in ranks if j >= 0]
            for row, ranks in zip(scores.index, order, strict=True)
        }
    values = np.asarray(scores, dtype=float)
    if values.ndim != 2:
        raise InvalidPreferences(f"scores must be a 2-D table, got shape {values.shape}.")
    if tie_break == "column_order":
        # a stable sort keeps equal scores in column order; NaN sorts last
        order = np.argsort(-values, axis=1, kind="stable")
    elif tie_break == "random":
        if not isinstance(rng, np.random.Generator):
            raise InvalidPreferences('tie_break="random" needs rng=np.random.default_rng(seed).')
        shuffled = rng.permuted(np.broadcast_to(np.arange(values.shape[1]), values.shape), axis=1)
        inner = np.argsort(-np.take_along_axis(values, shuffled, axis=1), axis=1, kind="stable")
        order = np.take_along_axis(shuffled, inner, axis=1)
    else:
        raise InvalidPreferences(
            f'tie_break must be "column_order" or "random", got {tie_break!r}.'
        )
    missing = np.isnan(values)
    if missing.any():  # NaN sorted last: turn those places into -1 (not on the list)
        listed = values.shape[1] - np.count_nonzero(missing, axis=1)
        order[np.arange(values.shape[1]) >= listed[:, None]] = -1
    return order
