"""Lesson 05's stakeholder chart counts roles: its axis shows whole numbers only.

What a learner sees is the drawn chart, so the chart is drawn (vl-convert, as ``make site`` does,
offline) and its tick labels read back from the SVG. Vega's ``tickMinStep`` alone drew 0, 0.5, 1
when one or two roles were filled in: half a role is not a thing.
"""

import re

import pytest
import vl_convert

from osmosis_lab.charts.review import values_chart
from osmosis_lab.review.stakeholders import ROLES, VALUES, stakeholder_matrix, values_at_stake


def x_tick_labels(spec: dict) -> list[str]:
    """The tick labels of the drawn chart's x axis (the counts), in order."""
    svg = vl_convert.vegalite_to_svg(spec)
    axis = re.search(r'aria-label="X-axis.*?role-axis-label"[^>]*>(.*?)</g>', svg, re.S)
    assert axis, "the drawn chart has no x axis with labels"
    return re.findall(r"<text[^>]*>([^<]*)</text>", axis.group(1))


@pytest.mark.parametrize("filled", range(1, len(ROLES) + 1))
def test_the_role_counts_axis_has_whole_ticks_from_0_to_the_longest_bar(filled):
    # every filled role on one value: the longest bar is `filled` roles long
    entries = {role: (VALUES[0], "") for role in list(ROLES)[:filled]}
    spec = values_chart(values_at_stake(stakeholder_matrix(entries))).to_dict()
    assert x_tick_labels(spec) == [str(n) for n in range(filled + 1)]


def test_a_spread_of_values_still_ticks_in_whole_roles():
    entries = {role: (VALUES[i % 3], "") for i, role in enumerate(ROLES)}  # 3, 3 and 2 roles
    spec = values_chart(values_at_stake(stakeholder_matrix(entries))).to_dict()
    assert x_tick_labels(spec) == ["0", "1", "2", "3"]
