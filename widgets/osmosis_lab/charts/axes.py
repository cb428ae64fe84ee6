"""Axes that count things: whole-number ticks only (half a person is not a thing).

Vega's ``tickMinStep=1`` alone does not ensure it: Vega caps the tick count at
span / step + 1, and d3 then splits a span of 1 or 2 into halves (0, 0.5, 1). So a
count axis lists its ticks itself, one per whole number from 0 to the largest value,
thinned to every 2nd, 5th ... when there are many. Every chart whose axis counts people,
roles, places on a list or days uses this one rule.

Examples
--------
>>> whole_ticks(2)
[0, 1, 2]
>>> whole_ticks(0)
[0, 1]
>>> whole_ticks(23)
[0, 5, 10, 15, 20, 25]
>>> count_axis([1, None, 2]).to_dict()["values"]
[0, 1, 2]
"""

import math
from collections.abc import Iterable

import altair as alt

#: Steps between ticks, smallest first: each a whole number.
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


def whole_ticks(most: float, *, at_most: int = 12) -> list[int]:
    """Whole-number ticks from 0 past ``most`` (the largest value drawn), at most ``at_most``.

    With nothing to draw (``most`` 0 or less) the axis still reads 0 and 1, never 0.5.
    """
    top = max(1, math.ceil(most))
    step = next((s for s in _STEPS if top / s + 1 <= at_most), _STEPS[-1])
    return list(range(0, step * math.ceil(top / step) + 1, step))


def count_axis(values: Iterable, **axis) -> alt.Axis:
    """An ``alt.Axis`` with :func:`whole_ticks` for ``values`` (missing ones ignored)."""
    numbers = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    return alt.Axis(values=whole_ticks(max(numbers, default=0)), format="d", **axis)
