"""What a chart's layout owes a reader, checked on every chart an explorer shows.

``sequences.check_invariants`` runs this on each distinct chart of every random sequence, so it
sees each explorer's charts at every state a learner can reach, not only the first.

A walkthrough of lesson 02 found a count written beside the last day's spot ("×4") running
into the legend: Vega-Lite puts a legend to the right of the plot, where text drawn to the right
of a mark at the plot's edge also goes.
"""

from __future__ import annotations

from collections.abc import Iterator

#: Channels that draw a legend when they encode a field (Vega-Lite's defaults).
LEGEND_CHANNELS = frozenset(
    {"color", "fill", "stroke", "shape", "size", "opacity", "fillOpacity", "strokeOpacity",
     "strokeWidth", "strokeDash", "angle"}
)  # fmt: skip


def units(spec: dict) -> Iterator[dict]:
    """``spec`` and every view inside it (layers, concatenations, facets, repeats).

    >>> [u.get("mark") for u in units({"layer": [{"mark": "point"}, {"mark": "text"}]})]
    [None, 'point', 'text']
    """
    yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key, ()):
            yield from units(part)
    if isinstance(spec.get("spec"), dict):
        yield from units(spec["spec"])


def _x(unit: dict) -> dict:
    return (unit.get("encoding") or {}).get("x") or {}


def _writes_right_of_its_marks(unit: dict, shared_x: dict) -> bool:
    # text placed by the data (its x a field, its own or the layers' shared one) can sit at the
    # plot's right edge; "unmatched" written from x = 0 (lesson 01's bars) cannot
    mark = unit.get("mark")
    if not isinstance(mark, dict) or mark.get("type") != "text":
        return False
    placed_by_data = "field" in (_x(unit) or shared_x)
    return placed_by_data and mark.get("align") == "left" and (mark.get("dx") or 0) > 0


def _legends_on_the_right(spec: dict) -> list[str]:
    default = (spec.get("config") or {}).get("legend", {}).get("orient", "right")
    found = []
    for unit in units(spec):
        for channel, encoding in (unit.get("encoding") or {}).items():
            if channel not in LEGEND_CHANNELS or not isinstance(encoding, dict):
                continue
            if "field" not in encoding or ("legend" in encoding and encoding["legend"] is None):
                continue  # a constant, or no legend
            orient = (encoding.get("legend") or {}).get("orient", default)
            if "right" in orient:
                found.append(f"{channel} ({encoding['field']})")
    return found


def assert_text_clears_the_legend(spec: dict) -> None:
    """Text written to the right of its marks (a count beside a spot) has no legend on the
    right to run into.

    >>> beside = {"mark": {"type": "text", "align": "left", "dx": 8},
    ...           "encoding": {"x": {"field": "day", "type": "quantitative"}}}
    >>> legend = {"field": "verdict", "type": "nominal"}
    >>> assert_text_clears_the_legend({"layer": [
    ...     {"mark": "point", "encoding": {"color": {**legend, "legend": {"orient": "bottom"}}}},
    ...     beside]})
    >>> assert_text_clears_the_legend({"layer": [
    ...     {"mark": "point", "encoding": {"color": legend}}, beside]})
    Traceback (most recent call last):
    AssertionError: text is written to the right of its marks, where the legend of color (verdict) is
    >>> assert_text_clears_the_legend({"layer": [  # written from x = 0: far from the legend
    ...     {"mark": "bar", "encoding": {"color": legend}},
    ...     {**beside, "encoding": {"x": {"datum": 0}}}]})
    >>> assert_text_clears_the_legend({"encoding": beside["encoding"], "layer": [  # x shared
    ...     {"mark": "point", "encoding": {"color": legend}}, {"mark": beside["mark"]}]})
    Traceback (most recent call last):
    AssertionError: text is written to the right of its marks, where the legend of color (verdict) is
    """
    if not any(_writes_right_of_its_marks(unit, _x(spec)) for unit in units(spec)):
        return
    on_the_right = _legends_on_the_right(spec)
    if on_the_right:
        raise AssertionError(
            "text is written to the right of its marks, where the legend of "
            f"{', '.join(on_the_right)} is"
        )
