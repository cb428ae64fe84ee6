"""Charts for lesson 05 · Design review: the design's figures beside the plan, and the matrix.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> from osmosis_lab.review import AS_PLANNED, CAUTIOUS, consequences, review_scenario
>>> scenario = review_scenario(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), data.load_pairs())
>>> planned = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(1))
>>> mine = consequences(CAUTIOUS, scenario, rng=np.random.default_rng(1))
>>> spec = consequences_chart(mine, planned).to_dict()
>>> spec["description"].startswith("Bar chart comparing your design with the planned launch")
True
>>> len(spec["data"]["values"])  # two bars for each of the 9 shares
18
>>> comparison_table(mine, planned).columns.tolist()
['theme', 'figure', 'as planned', 'your design', 'better', 'changed']
"""

import copy
import math
from dataclasses import dataclass
from functools import lru_cache

import altair as alt
import pandas as pd

from ..privacy.loss import in_100
from ..review import Consequences, figure_changed
from ..review.figure_rows import NOBODY
from ..review.stakeholders import VALUES
from . import OKABE_ITO, accessible
from .axes import count_x

#: The two designs and their colours (Okabe-Ito orange and blue).
DESIGN_COLOURS = {"as planned": OKABE_ITO[0], "your design": OKABE_ITO[4]}
THEMES = ("matching", "consent", "privacy", "trust")


@dataclass(frozen=True)
class PreparedChart:
    """A finished Vega-Lite spec: a cached chart template with this refresh's data and
    description filled in. ``explorers.base.show_chart`` takes it like an altair chart.

    Why: building and validating an altair chart costs ~150 ms here, far more than the
    figures behind it; the template is built (and validated) once, then only its data change.
    """

    spec: dict

    def to_dict(self, *, validate: bool = False) -> dict:
        """The spec; ``validate`` is accepted as altair's is (the template was validated)."""
        return self.spec


def _filled(template: dict, values: list[dict], description: str, **encoding) -> PreparedChart:
    spec = copy.deepcopy(template)
    spec["data"] = {"values": values}
    spec["description"] = description
    for channel, sort in encoding.items():
        spec["encoding"][channel]["sort"] = sort
    return PreparedChart(spec)


#: The columns of :func:`comparison_table`, each a key of :func:`comparison_rows`' dicts.
COMPARISON_COLUMNS = ["theme", "figure", "as planned", "your design", "better", "changed"]


def comparison_rows(mine: Consequences, planned: Consequences) -> list[dict]:
    """Each figure in words for the plan and for the design; ``changed`` marks the figures
    whose amounts differ (``review.figure_changed``).

    Plain dicts over the figures' rows (``Consequences.rows``, laid out once per design):
    the design panel reads them on every change, where pandas indexing cost more than the
    figures themselves.
    """
    return [
        {
            "theme": b.theme,
            "figure": b.figure,
            "as planned": a.shown,
            "your design": b.shown,
            "better": b.better,
            "changed": figure_changed(a.shown, b.shown),
        }
        for a, b in zip(planned.rows, mine.rows, strict=True)
    ]


def comparison_table(mine: Consequences, planned: Consequences) -> pd.DataFrame:
    """:func:`comparison_rows` as a table, one row per figure."""
    return pd.DataFrame(comparison_rows(mine, planned), columns=COMPARISON_COLUMNS)


def _share_records(mine: Consequences, planned: Consequences) -> list[dict]:
    """The chart's data: each share-type figure of the plan, then of the design."""
    return [
        {
            "label": f"{row.theme}: {row.figure}",
            "key": row.key,
            "theme": row.theme,
            "figure": row.figure,
            "design": design,
            # no share without a match (it reads no data): no bar, never a NaN in the spec
            "value": None if math.isnan(row.value) else float(row.value),
            "percent": None if math.isnan(row.value) else 100 * float(row.value),
            "shown": row.shown,
            "better": row.better,
        }
        for design, figures in (("as planned", planned), ("your design", mine))
        for row in figures.rows
        if row.share
    ]


def consequences_chart(mine: Consequences, planned: Consequences) -> PreparedChart:
    """Paired horizontal bars, one pair per share-type figure: the plan and the design."""
    records = _share_records(mine, planned)
    return _filled(
        _consequences_template(),
        records,
        _description(records),
        y=list(dict.fromkeys(record["label"] for record in records)),
    )


@lru_cache(maxsize=1)
def _consequences_template() -> dict:
    chart = (
        alt.Chart(alt.Data(values=[]), title="Your design beside the planned launch (shares, %)")
        .mark_bar()
        .encode(
            x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100]), title="Percent"),
            y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=360)),
            yOffset=alt.YOffset("design:N", sort=list(DESIGN_COLOURS)),
            color=alt.Color(
                "design:N",
                scale=alt.Scale(domain=list(DESIGN_COLOURS), range=list(DESIGN_COLOURS.values())),
                title="Design",
            ),
            tooltip=["design:N", "theme:N", "figure:N", "shown:N", "better:N"],
        )
        .properties(width=300, height=alt.Step(11))
    )
    return accessible(chart, "template").to_dict()


def _description(records: list[dict]) -> str:
    words: dict[str, dict[str, str]] = {}  # label -> design -> the share in words
    for record in records:
        words.setdefault(record["label"], {})[record["design"]] = (
            NOBODY
            if record["value"] is None
            else _percent(record["value"], worst_case=record["key"] == "privacy_cost")
        )
    parts = [
        f"{label}, {said['as planned']} planned and {said['your design']} in your design"
        for label, said in words.items()
    ]
    return (
        "Bar chart comparing your design with the planned launch, in percent: "
        + "; ".join(parts)
        + "."
    )


def _percent(share: float, *, worst_case: bool) -> str:
    """A share in words as the table says it: never 0% while possible nor 100% while not
    certain, and a worst case rounded up (``privacy.loss.in_100``'s rules)."""
    return in_100(share, rounding="up" if worst_case else "nearest").replace(" in 100", "%")


def values_chart(counts: pd.DataFrame) -> PreparedChart:
    """Bars: how many roles put each value first (``stakeholders.values_at_stake``).

    The axis counts roles, so its ticks are whole numbers, from 0 to the longest bar:

    >>> counts = pd.DataFrame({"value": ["consent"], "roles": [2], "who": ["tester, minor"]})
    >>> values_chart(counts).to_dict()["encoding"]["x"]["axis"]["values"]
    [0, 1, 2]
    """
    total = int(counts["roles"].sum())
    if total == 0:
        text = "Bar chart of the values most at stake: no role has been filled in yet."
    else:
        named = [f"{r.value} {r.roles}" for r in counts.itertuples() if r.roles]
        text = (
            f"Bar chart of the value most at stake for each of the {total} roles filled "
            f"in: " + ", ".join(named) + "."
        )
    chart = _filled(_values_template(), counts.to_dict("records"), text)
    # A count of roles: whole ticks only, the scale ending at the last (charts.axes says why).
    chart.spec["encoding"]["x"] = count_x(
        "roles:Q", counts["roles"], title="Roles that put it first"
    ).to_dict()
    return chart


@lru_cache(maxsize=1)
def _values_template() -> dict:
    chart = (
        alt.Chart(alt.Data(values=[]), title="What is most at stake, counted over the roles")
        .mark_bar(color=OKABE_ITO[2])
        .encode(
            x="roles:Q",  # its axis and scale: values_chart, from the counts
            y=alt.Y("value:N", sort=list(VALUES), title=None),
            tooltip=["value:N", "roles:Q", "who:N"],
        )
        .properties(width=300, height=alt.Step(18))
    )
    return accessible(chart, "template").to_dict()
