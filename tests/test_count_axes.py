"""Count charts tick whole numbers only, each once: never 0, 0.5, 1, never "0" twice.

What a learner sees is the drawn chart, so each chart is drawn (vl-convert, offline, as
``make site`` does) and its x-axis tick labels are read back from the SVG, as lesson 05's
values chart is (tests/test_review_values_chart.py). ``tickMinStep=1`` alone drew halves when
a count was 1 or 2, and an empty count (scale [0, 0]) drew every tick on one spot, which read
"0" twice on lesson 02's consent board; ``charts.axes`` holds the one rule all of them use.
"""

import re

import pandas as pd
import pytest
import vl_convert

from osmosis_lab.charts.axes import whole_ticks
from osmosis_lab.charts.matching import points_chart, ranks_chart
from osmosis_lab.charts.privacy import class_size_chart, narrowing_chart
from osmosis_lab.charts.review import values_chart
from osmosis_lab.charts.trust import OUTAGE_PARTS, outage_chart
from osmosis_lab.consent.forms import HOW
from osmosis_lab.explorers.consent_charts import form_chart, match_change_chart, timeline_chart
from osmosis_lab.explorers.form_words import words


def x_tick_labels(spec: dict) -> list[str]:
    """The tick labels of the drawn chart's x axis, in order."""
    svg = vl_convert.vegalite_to_svg(spec)
    axis = re.search(r'aria-label="X-axis.*?role-axis-label"[^>]*>(.*?)</g>', svg, re.S)
    assert axis, "the drawn chart has no x axis with labels"
    return re.findall(r"<text[^>]*>([^<]*)</text>", axis.group(1))


def x_ticks(spec: dict) -> list[tuple[str, float]]:
    """Each x-axis tick label of the drawn chart with where it is drawn, left to right."""
    svg = vl_convert.vegalite_to_svg(spec)
    axis = re.search(r'aria-label="X-axis.*?role-axis-label"[^>]*>(.*?)</g>', svg, re.S)
    assert axis, "the drawn chart has no x axis with labels"
    drawn = re.findall(
        r'<text[^>]*transform="translate\(([-\d.]+),[^>]*>([^<]*)</text>', axis.group(1)
    )
    return [(label, float(x)) for x, label in drawn]


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


def _table(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


#: Each count chart of the lessons, drawn with its longest bar (or latest day) ``n``, as the
#: explorer that shows it builds its table. A stacked bar's length is the sum of its parts.
COUNT_CHARTS = {
    "01 ranks": lambda n: ranks_chart(
        _table(person=["a", "b"], group=["P", "P"], rank=[n or None, None], why=["", ""]),
        title="t",
        description="d",
    ),
    "01 points": lambda n: points_chart(
        _table(person=["a", "a"], matching=["x", "y"], points=[n, 0], why=["", ""]),
        description="d",
    ),
    "02 consent board": lambda n: match_change_chart(
        _table(group=["changed their consent", "changed nothing"], people=[n, 0]), "d"
    ),
    "02 consent board, one bar": lambda n: match_change_chart(
        _table(group=["whose partner changed"], people=[n]), "d"
    ),
    "02 timeline": lambda n: timeline_chart(
        _table(day=[0, n], person=["Niels"] * 2, what=["grant", "use"], verdict=["decision"] * 2),
        "d",
    ),
    "02 forms": lambda n: form_chart(
        _table(
            purpose=["matching"] * 2,
            how=[words(HOW[0]), words(HOW[1])],
            people=[n - n // 2, n // 2],
            order=[0, 1],
        ),
        "d",
    ),
    "03 class sizes": lambda n: class_size_chart(
        _table(bucket=["1 (unique)", "2-4"], people=[n, 0], below_target=["suppressed"] * 2),
        k_target=5,
    ),
    "03 narrowing": lambda n: narrowing_chart(_table(step=["everyone", "+ age"], people=[n, 0])),
    "04 outage": lambda n: outage_chart(
        _table(
            design=["one AI", "with a person"],
            users=[n, n],
            **{
                part: [n if i == 2 else 0, n if i == 1 else 0]
                for i, part in enumerate(OUTAGE_PARTS)
            },
        )
    ),
    "05 values": lambda n: values_chart(
        _table(value=["consent", "privacy"], roles=[n, 0], who=["tester", ""])
    ),
}


@pytest.mark.parametrize("n", [0, 1, 2])
@pytest.mark.parametrize("name", list(COUNT_CHARTS))
def test_every_count_axis_draws_distinct_whole_numbers_left_to_right(name, n):
    ticks = x_ticks(COUNT_CHARTS[name](n).to_dict())
    labels = [label for label, _ in ticks]
    assert len(ticks) >= 2, ticks
    assert all(re.fullmatch(r"\d+", label) for label in labels), ticks
    assert len(set(labels)) == len(labels), ticks
    spots = [x for _, x in ticks]
    # one spot per number, in order: an empty count's scale [0, 0] drew 0 and 1 on one spot
    assert spots == sorted(set(spots)) and [int(label) for label in labels] == sorted(
        int(label) for label in labels
    ), ticks
    assert labels[0] == "0" and int(labels[-1]) >= n, ticks
