"""Axes that count things: whole-number ticks only (half a person is not a thing).

Vega's ``tickMinStep=1`` alone does not ensure it: Vega caps the tick count at
span / step + 1, and d3 then splits a span of 1 or 2 into halves (0, 0.5, 1). So a
count axis lists its ticks itself, one per whole number from 0 to the largest value,
thinned to every 2nd, 5th ... when there are many. The scale then runs from 0 to the last
tick: left to the data, an empty count's scale is [0, 0], where every tick is drawn on the
same spot (the board of lesson 02 read "0" twice), and a small one's ends fall between ticks.
Every chart whose axis counts people, roles, places on a list, points or days uses this one
rule, :func:`count_x`.

Examples
--------
>>> whole_ticks(2)
[0, 1, 2]
>>> whole_ticks(0)
[0, 1]
>>> whole_ticks(23)
[0, 5, 10, 15, 20, 25]
>>> x = count_x("people:Q", [1, None, 2], title="People").to_dict()
>>> x["axis"]["values"], x["scale"]["domain"]
([0, 1, 2], [0, 2])
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


def count_x(field: str, values: Iterable, **x) -> alt.X:
    """An x channel counting ``field``: :func:`whole_ticks` for ``values``, its scale 0 to the last.

    ``values`` are the lengths of the bars as drawn (a stacked bar's total, not its parts);
    missing ones are ignored. Other keywords go to ``alt.X`` (``title``, ``stack``).
    """
    numbers = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    ticks = whole_ticks(max(numbers, default=0))
    return alt.X(
        field,
        axis=alt.Axis(values=ticks, format="d"),
        scale=alt.Scale(domain=[0, ticks[-1]], nice=False),
        **x,
    )
