"""Input checks shared by the ledger's operations; each failure says what to do next."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent.rules import PURPOSES
from osmosis_lab.errors import ConsentError


def as_keys(values: object, known: Mapping[str, object], *, what: str) -> tuple[str, ...]:
    """Return ``values`` (one key or several) as a tuple of known keys, without repeats."""
    items = (values,) if isinstance(values, str) else values
    try:
        items = tuple(dict.fromkeys(items))
    except TypeError:
        raise ConsentError(f"{what} must be a name or a list of names, got {values!r}.") from None
    if not items:
        raise ConsentError(f"Give at least one {what}; known: {', '.join(known)}.")
    for item in items:
        if item not in known:
            raise ConsentError(f"Unknown {what} {item!r}; known: {', '.join(known)}.")
    return items


def yes_no(value: object, *, what: str) -> bool:
    """Return ``value`` as a bool; ``bool("False")`` is True, so text is refused, not cast.

    >>> yes_no(np.True_, what="T01's signed_up"), yes_no(0, what="T01's signed_up")
    (True, False)
    """
    if isinstance(value, bool | np.bool_ | int | np.integer) and value in (0, 1):
        return bool(value)
    raise ConsentError(
        f"{what} must be True or False, got {value!r}; correct the people table's column."
    )


def categories_of(values: object) -> tuple[str, ...]:
    """Validate data categories (keys of ``categories.CATEGORIES``)."""
    return as_keys(values, CATEGORIES, what="category")


def purposes_of(values: object) -> tuple[str, ...]:
    """Validate purposes (keys of ``rules.PURPOSES``)."""
    return as_keys(values, PURPOSES, what="purpose")


def one_category(value: object) -> str:
    """Validate a single category name (a question or a use is about one)."""
    if not isinstance(value, str):
        raise ConsentError(f"Give one category name here, not {value!r}.")
    return categories_of(value)[0]


def one_purpose(value: object) -> str:
    """Validate a single purpose name (a question or a use is about one)."""
    if not isinstance(value, str):
        raise ConsentError(f"Give one purpose here (a use has exactly one), not {value!r}.")
    return purposes_of(value)[0]


def check_name(value: object, *, what: str) -> str:
    """Return ``value`` if it is a non-empty string, else raise ConsentError."""
    if not isinstance(value, str) or not value.strip():
        raise ConsentError(f"{what} must be a non-empty string, got {value!r}.")
    return value


def check_day_value(day: object) -> int:
    """Return ``day`` if it is a day number (an int >= 0)."""
    if not is_int(day) or day < 0:
        raise ConsentError(
            f"day must be a whole number of days from day 0 (an int >= 0), got {day!r}."
        )
    return day


def check_day(ledger: Any, day: object) -> int:
    """Return ``day`` if it is valid and not before the ledger's latest entry."""
    check_day_value(day)
    if day < ledger.latest_day:
        raise ConsentError(
            f"Day {day} is before the ledger's latest entry (day "
            f"{ledger.latest_day}): the log is append-only, so record events in "
            "date order."
        )
    return day


def is_int(value: object) -> bool:
    """Return True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)
