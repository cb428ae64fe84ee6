"""Input checks shared by the privacy tools; each failure says what to do next."""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import pandas as pd

from osmosis_lab.errors import PrivacyError

#: The smallest epsilon the tools take (the lessons' smallest is 0.05). Below it the noise
#: scale sensitivity/epsilon is astronomically large, and near 1e-308 it becomes infinite.
MIN_EPSILON = 1e-9


def positive_finite(value: object, *, name: str) -> float:
    """Return ``value`` as a float, or raise PrivacyError unless it is a finite number > 0.

    An ``epsilon`` must moreover be at least :data:`MIN_EPSILON` (1e-9).

    >>> positive_finite(0.5, name="epsilon")
    0.5
    """
    # bool is a Real in Python; "epsilon=True" is a slip, not a privacy level.
    if isinstance(value, bool) or not isinstance(value, Real):
        raise PrivacyError(f"{name} must be a number greater than 0, got {value!r}.")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        hint = {
            "epsilon": "epsilon measures privacy loss: use a finite value such as 0.1, 1 or 5",
            "sensitivity": (
                "sensitivity is how much one person can change the answer: 1 for a count"
            ),
        }.get(name, "use a finite positive number")
        raise PrivacyError(f"{name} must be finite and greater than 0, got {value!r}; {hint}.")
    if name == "epsilon" and number < MIN_EPSILON:
        raise PrivacyError(
            f"epsilon = {value!r} is below the smallest this toolkit takes ({MIN_EPSILON:g}): "
            "the noise would swamp any answer. Use a value such as 0.1, 1 or 5."
        )
    return number


def column_list(columns: str | Iterable[str], *, name: str) -> list[str]:
    """Return column names as a list (one string counts as one column).

    >>> column_list("age", name="quasi_identifiers")
    ['age']
    """
    names = [columns] if isinstance(columns, str) else list(columns)
    if not names:
        raise PrivacyError(f"{name} is empty: name at least one column, e.g. ['age', 'gender'].")
    if len(set(names)) != len(names):
        raise PrivacyError(f"{name} lists a column twice: {names}; name each column once.")
    return names


def table_with(df: object, columns: Iterable[str], *, what: str = "table") -> pd.DataFrame:
    """Check that ``df`` is a non-empty DataFrame holding every one of ``columns``.

    >>> table_with(pd.DataFrame({"age": [30]}), ["age"]).shape
    (1, 1)
    """
    if not isinstance(df, pd.DataFrame):
        raise PrivacyError(f"the {what} must be a pandas DataFrame, got {type(df).__name__}.")
    if df.empty:
        raise PrivacyError(f"the {what} is empty: there is nobody in it to protect or attack.")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        known = ", ".join(map(str, df.columns))
        raise PrivacyError(
            f"the {what} has no column {', '.join(missing)}; its columns are: {known}."
        )
    return df
