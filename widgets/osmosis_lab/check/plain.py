"""Turn a learner's answer into plain data before any check compares it.

A check compares the answer with a right answer computed from the engines. If
the answer were compared as it is, an object that claims to equal everything
(``unittest.mock.ANY``, a ``float`` subclass whose ``__eq__`` always says yes)
would pass every check. So every answer is first rebuilt from plain values:
``None``, ``bool``, ``int``, ``float``, ``str``, and ``tuple``, ``frozenset``
and ``dict`` of those. Subclasses of these types (``numpy.float64``,
``numpy.str_``, an ``IntEnum``) keep their value and lose their methods: the
value is read with the base type's own method, never the subclass's. numpy
scalars become the Python number they hold. Anything else is refused with
:class:`NotPlainData`, which the check turns into a request for a plain answer.

Examples
--------
>>> import numpy as np
>>> to_plain([np.int64(3), "a", {"x": np.float64(0.5)}])
(3, 'a', {'x': 0.5})
>>> to_plain({"b", "a"}) == frozenset({"a", "b"})
True
>>> from unittest.mock import ANY
>>> to_plain(ANY)
Traceback (most recent call last):
...
osmosis_lab.check.plain.NotPlainData: a _ANY object
"""

from numbers import Real
from typing import Any

import numpy as np

#: Deeper or larger answers are refused: no exercise asks for more, and it bounds the work.
MAX_DEPTH = 8
MAX_ITEMS = 10_000


class NotPlainData(TypeError):
    """The answer holds something other than numbers, text, and tuples, sets or dicts of them."""


def to_plain(answer: Any) -> Any:
    """Rebuild ``answer`` from plain Python values, or raise :class:`NotPlainData`.

    Parameters
    ----------
    answer
        Whatever a learner assigned: a number, text, or a list, tuple, set or dict of those,
        at most ``MAX_DEPTH`` levels deep and ``MAX_ITEMS`` values in all.

    Returns
    -------
    object
        The same value built from ``None``, ``bool``, ``int``, ``float``, ``str``, ``tuple``,
        ``frozenset`` and ``dict`` only (lists become tuples, sets frozensets).

    Raises
    ------
    NotPlainData
        If any part of the answer is another kind of object, or the answer is too large.

    Examples
    --------
    >>> class Agreeable(float):
    ...     def __eq__(self, other):
    ...         return True
    >>> to_plain(Agreeable(0.25)) == 1.0, type(to_plain(Agreeable(0.25)))
    (False, <class 'float'>)
    """
    budget = [MAX_ITEMS]
    return _plain(answer, 0, budget)


def _plain(value: Any, depth: int, budget: list[int]) -> Any:
    budget[0] -= 1
    if depth > MAX_DEPTH or budget[0] < 0:
        raise NotPlainData("nested too deeply or too large to check")
    if value is None or value is Ellipsis or type(value) is bool:
        return value
    if isinstance(value, np.generic):
        return _numpy_scalar(value)
    # The base type's own method reads the stored value; a subclass's overrides never run.
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, dict):
        items = [
            (_plain(k, depth + 1, budget), _plain(v, depth + 1, budget))
            for k, v in dict.items(value)
        ]
        return dict(items)
    if isinstance(value, list):
        return tuple(_plain(item, depth + 1, budget) for item in list.__iter__(value))
    if isinstance(value, tuple):
        return tuple(_plain(item, depth + 1, budget) for item in tuple.__iter__(value))
    if isinstance(value, set | frozenset):
        iterate = set.__iter__ if isinstance(value, set) else frozenset.__iter__
        return frozenset(_plain(item, depth + 1, budget) for item in iterate(value))
    raise NotPlainData(f"a {type(value).__name__} object")


def _numpy_scalar(value: np.generic) -> Any:
    # Only numpy's own scalar types: a subclass could override item() or __eq__.
    try:
        own_type = np.dtype(type(value)).type
    except TypeError:
        own_type = None
    if type(value) is not own_type or not isinstance(
        value, np.bool_ | np.integer | np.floating | np.str_
    ):
        raise NotPlainData(f"a {type(value).__name__} object")
    return np.generic.item(value)


def is_number(answer: Any) -> bool:
    """Whether ``answer`` is a real number a check can compare (a ``bool`` is not one).

    numpy's integers and floats count: a learner's answer may be ``np.int64``.

    >>> is_number(3), is_number(np.float64(0.5)), is_number(True), is_number("3")
    (True, True, False, False)
    """
    return isinstance(answer, Real) and not isinstance(answer, bool | np.bool_)
