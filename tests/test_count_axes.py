"""Count charts of lessons 01 and 02 tick whole numbers only: never 0, 0.5, 1.

What a learner sees is the drawn chart, so each chart is drawn (vl-convert, offline, as
``make site`` does) and its x-axis tick labels are read back from the SVG, as lesson 05's
values chart is (tests/test_review_values_chart.py). ``tickMinStep=1`` alone drew halves when
a count was 1 or 2; ``charts.axes`` holds the one rule all of them use.
"""

import re

import pandas as pd
import pytest
import vl_convert

from osmosis_lab.charts.axes import whole_ticks
from osmosis_lab.charts.matching import ranks_chart
from osmosis_lab.explorers.consent_charts import match_change_chart, timeline_chart


def x_tick_labels(spec: dict) -> list[str]:
    """The tick labels of the drawn chart's x axis, in order."""
    svg = vl_convert.vegalite_to_svg(spec)
    axis = re.search(r'aria-label="X-axis.*?role-axis-label"[^>]*>(.*?)</g>', svg, re.S)
    assert axis, "the drawn chart has no x axis with labels"
    return re.findall(r"<text[^>]*>([^<]*)</text>", axis.group(1))


def whole(labels: list[str], most: int) -> None:
    assert labels, "no ticks drawn"
    assert all(re.fullmatch(r"\d+", label) for label in labels), labels
    assert labels[0] == "0" and int(labels[-1]) >= most, labels


@pytest.mark.parametrize("ranks", [[1], [1, 2], [2, 1, None], [1, 3]])
def test_lesson01_partner_place_axis_ticks_whole_places(ranks):
    table = pd.DataFrame(
        {
            "person": [f"p{i}" for i in range(len(ranks))],
            "group": ["P"] * len(ranks),
            "rank": ranks,
            "why": [""] * len(ranks),
        }
    )
    labels = x_tick_labels(ranks_chart(table, title="t", description="d").to_dict())
    most = int(max(r for r in ranks if r is not None))
    assert labels == [str(n) for n in range(most + 1)]


@pytest.mark.parametrize("people", [[1, 0], [1, 1], [2, 1], [0, 0]])
def test_lesson02_match_change_axis_ticks_whole_people(people):
    table = pd.DataFrame({"group": ["changed their consent", "changed nothing"], "people": people})
    whole(x_tick_labels(match_change_chart(table, "d").to_dict()), max(people))


@pytest.mark.parametrize("days", [[0], [0, 1], [0, 2], [3, 4]])
def test_lesson02_timeline_day_axis_ticks_whole_days(days):
    table = pd.DataFrame(
        {
            "day": days,
            "person": ["Niels"] * len(days),
            "what": ["grant"] * len(days),
            "verdict": ["decision"] * len(days),
        }
    )
    labels = x_tick_labels(timeline_chart(table, "d").to_dict())
    assert labels and all(re.fullmatch(r"\d+", label) for label in labels), labels


def test_a_long_count_axis_is_thinned_to_whole_steps():
    assert whole_ticks(1) == [0, 1] and whole_ticks(2.0) == [0, 1, 2]
    ticks = whole_ticks(37)
    assert len(ticks) <= 12 and ticks[-1] >= 37
    assert all(b - a == ticks[1] for a, b in zip(ticks, ticks[1:], strict=False))
