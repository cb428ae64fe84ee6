"""Input checks shared by the trust tools: each failure raises a :class:`TrustError`.

The messages name the argument, say what was wrong and what to pass instead,
because a learner meets them in a notebook, far from this code.

Examples
--------
>>> as_probabilities([0.2, 1.0], "predicted")
array([0.2, 1. ])
>>> as_probabilities([0.2, 1.5], "predicted")  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
osmosis_lab.errors.TrustError: predicted must hold probabilities in [0, 1];
1 value is outside (first: 1.5 at position 1). Clip or rescale it first.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from osmosis_lab.errors import TrustError


def as_numbers(values, name: str) -> np.ndarray:
    """Return ``values`` as a non-empty 1-D float array of finite numbers."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise TrustError(
            f"{name} must be a list or array of numbers; got {values!r:.60}"
        ) from error
    if array.ndim != 1:
        raise TrustError(
            f"{name} must be one-dimensional (one value per case); got shape {array.shape}"
        )
    if array.size == 0:
        raise TrustError(f"{name} is empty: pass at least one case")
    bad = ~np.isfinite(array)
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        raise TrustError(
            f"{name} must hold finite numbers; position {position} is {array[position]!r}. "
            "Drop or fill the missing cases first."
        )
    return array


def as_probabilities(values, name: str) -> np.ndarray:
    """Return ``values`` as a non-empty 1-D float array with every value in [0, 1]."""
    array = as_numbers(values, name)
    outside = (array < 0) | (array > 1)
    if outside.any():
        count = int(outside.sum())
        position = int(np.flatnonzero(outside)[0])
        plural = "value is" if count == 1 else "values are"
        raise TrustError(
            f"{name} must hold probabilities in [0, 1]; {count} {plural} outside "
            f"(first: {array[position]:g} at position {position}). Clip or rescale it first."
        )
    return array


def as_outcomes(values, name: str) -> np.ndarray:
    """Return ``values`` as a non-empty 1-D array of 0/1 integers (booleans accepted)."""
    array = as_numbers(values, name)
    not_binary = (array != 0) & (array != 1)
    if not_binary.any():
        position = int(np.flatnonzero(not_binary)[0])
        raise TrustError(
            f"{name} must hold outcomes coded 0 or 1 (or False/True); position {position} "
            f"is {array[position]:g}"
        )
    return array.astype(int)


def same_length(**arrays: np.ndarray) -> int:
    """Return the common length of ``arrays``; raise naming each length when they differ."""
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        listed = ", ".join(f"{name} has {length}" for name, length in lengths.items())
        raise TrustError(f"one value per case is needed in each argument, but {listed}")
    return next(iter(lengths.values()))


def forecasts(predicted, outcome) -> tuple[np.ndarray, np.ndarray]:
    """Stated probabilities and 0/1 outcomes, checked and of the same length."""
    p = as_probabilities(predicted, "predicted")
    y = as_outcomes(outcome, "outcome")
    same_length(predicted=p, outcome=y)
    return p, y


def positive_number(value, name: str) -> float:
    """Return ``value`` as a float; raise unless it is a finite number above zero."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise TrustError(f"{name} must be a finite number above 0; got {value!r}")
    if value <= 0:
        raise TrustError(f"{name} must be above 0; got {value!r}")
    return float(value)


def probability(value, name: str) -> float:
    """Return ``value`` as a float; raise unless it is a number in [0, 1]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value <= 1:
        raise TrustError(f"{name} must be a probability in [0, 1]; got {value!r}")
    return float(value)


def count(value, name: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Return ``value`` as an int; raise unless it is a whole number in [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TrustError(f"{name} must be a whole number; got {value!r}")
    if value < minimum:
        raise TrustError(f"{name} must be at least {minimum}; got {value}")
    if maximum is not None and value > maximum:
        raise TrustError(f"{name} must be at most {maximum:,}; got {value:,}")
    return int(value)


def table_with(table, columns, name: str, *, hint: str):
    """Return ``table`` if it is a DataFrame with all ``columns``; else say which are missing."""
    if not isinstance(table, pd.DataFrame):
        raise TrustError(f"{name} must be a pandas DataFrame; got {type(table).__name__}. {hint}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise TrustError(f"{name} lacks the columns {missing}. {hint}")
    return table


def numeric_columns(table, columns, name: str) -> None:
    """Raise unless each of ``columns`` present in ``table`` holds finite numbers only."""
    for column in columns:
        if column not in table.columns:
            continue  # a missing column is reported by whoever needs it, with its own hint
        try:
            values = table[column].to_numpy(dtype=float)
        except (TypeError, ValueError):
            values = None
        if values is None or not np.isfinite(values).all():
            raise TrustError(
                f"{name} column {column!r} must hold finite numbers only; "
                "fill in or correct the missing or non-numeric values first."
            )
