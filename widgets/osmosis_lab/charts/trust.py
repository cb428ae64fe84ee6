"""Charts for lesson 04 · Algorithmic trust: tidy tables in, accessible altair charts out.

Each builder takes a table the trust engine already computed and writes a
description that says in words what the chart shows.

Examples
--------
>>> import pandas as pd
>>> from osmosis_lab.trust import reliability_table
>>> table = reliability_table([0.95, 0.95, 0.15], [1, 0, 0], bins=10)
>>> reliability_chart({"the app": table}).to_dict()["description"][:60]
'Reliability diagram: for each band of stated probability, th'
"""

import altair as alt
import pandas as pd

from ..categories import CATEGORY_LABELS
from ..trust import band_verdict
from . import OKABE_ITO, accessible, category_scale
from .axes import count_x

#: Who is plotted in a reliability diagram -> colour (Okabe-Ito blue and orange).
SOURCE_COLOURS = (OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[2])
#: Outage outcomes, best to worst, and their colours (grey, blue, vermillion).
OUTAGE_PARTS = {
    "fallback_took_over": ("safe mode took over", "#999999"),
    "reached_by_human": ("reached by the human contact", OKABE_ITO[4]),
    "harmed": ("harmed", OKABE_ITO[5]),
}


def _diagonal() -> alt.Chart:
    line = pd.DataFrame({"p": [0.0, 1.0], "rate": [0.0, 1.0]})
    return alt.Chart(line).mark_line(strokeDash=[4, 4], color="#777777").encode(x="p:Q", y="rate:Q")


def _reliability_data(tables: dict[str, pd.DataFrame], highlight_bin: int | None) -> pd.DataFrame:
    frames = [table.assign(source=label) for label, table in tables.items()]
    data = pd.concat(frames, ignore_index=True)
    data["highlight"] = data["bin"] == highlight_bin
    return data


def _reliability_description(tables: dict[str, pd.DataFrame]) -> str:
    return (
        "Reliability diagram: for each band of stated probability, the share of matches that "
        "worked out. " + " ".join(reliability_text(t, who=label)[0] for label, t in tables.items())
    )


def reliability_chart(tables: dict[str, pd.DataFrame], *, highlight_bin: int | None = None):
    """Observed rate against mean stated probability per bin, for one or more forecasters.

    ``tables`` maps a label ("the app", "you") to a :func:`reliability_table`.
    Points on the dashed diagonal are calibrated; below it, overconfident.
    ``highlight_bin`` rings one bin (the certainty dial's).
    """
    data = _reliability_data(tables, highlight_bin)
    sources = list(tables)
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.9)
        .encode(
            x=alt.X(
                "mean_predicted:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
                title="Stated probability (mean in the band)",
            ),
            y=alt.Y(
                "observed_rate:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
                title="Share that worked out",
            ),
            size=alt.Size("count:Q", title="Matches in the band"),
            color=alt.Color(
                "source:N",
                title="Who stated it",
                scale=alt.Scale(domain=sources, range=list(SOURCE_COLOURS[: len(sources)])),
            ),
            shape=alt.Shape("source:N", title="Who stated it"),
            strokeWidth=alt.condition("datum.highlight", alt.value(3), alt.value(0)),
            stroke=alt.value("#000000"),
            tooltip=[
                "source:N",
                alt.Tooltip("mean_predicted:Q", format=".0%", title="stated"),
                alt.Tooltip("observed_rate:Q", format=".0%", title="worked out"),
                "count:Q",
            ],
        )
    )
    chart = (_diagonal() + points).properties(
        width=320, height=320, title="Stated probability against what happened"
    )
    return accessible(chart, _reliability_description(tables))


def update_reliability_chart(
    chart, tables: dict[str, pd.DataFrame], *, highlight_bin: int | None = None
):
    """Put new tables (same labels) into a chart from :func:`reliability_chart`, in place.

    Building an altair chart costs tens of milliseconds; swapping its data costs almost
    nothing, which keeps a dial's update fast. Returns ``chart``.

    >>> from osmosis_lab.trust import reliability_table
    >>> old = reliability_table([0.9, 0.2], [1, 0])
    >>> new = reliability_table([0.7, 0.1], [0, 0])
    >>> chart = update_reliability_chart(reliability_chart({"app": old}), {"app": new})
    >>> chart.to_dict() == reliability_chart({"app": new}).to_dict()
    True
    """
    chart.layer[1].data = _reliability_data(tables, highlight_bin)
    chart.description = _reliability_description(tables)
    return chart


def _matches(count: int) -> str:
    """A count of matches in words.

    >>> _matches(1), _matches(12)
    ('1 match', '12 matches')
    """
    return f"{count} match{'' if count == 1 else 'es'}"


def reliability_text(table: pd.DataFrame, *, who: str = "the app") -> list[str]:
    """The diagram's text equivalent: a headline, then one line per band."""
    worst = table.loc[table["gap"].abs().idxmax()]
    head = (
        f"For {who}, the biggest gap is in the {worst['lower']:.0%}-{worst['upper']:.0%} band: "
        f"stated {worst['mean_predicted']:.0%} on average, {worst['observed_rate']:.0%} worked out "
        f"({_matches(int(worst['count']))})."
    )
    lines = [
        f"{r.lower:.0%}-{r.upper:.0%}: stated {r.mean_predicted:.0%}, worked out "
        f"{r.observed_rate:.0%} ({_matches(r.count)}): "
        f"{band_verdict(r.mean_predicted, r.observed_rate)}"
        for r in table.itertuples()
    ]
    return [head, *lines]


def contributions_chart(table: pd.DataFrame, *, person: str, other: str) -> alt.Chart:
    """Bars: each category's contribution to ``person``'s score for ``other``."""
    data = table.assign(label=table["category"].map(CATEGORY_LABELS))
    chart = (
        alt.Chart(
            data, title=f"Why {person}'s score for {other} is {table['contribution'].sum():.2f}"
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "contribution:Q",
                title="Contribution to the score (they add up to it)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("label:N", sort=None, title=None),
            color=alt.Color("category:N", scale=category_scale(), legend=None),
            tooltip=[
                alt.Tooltip("label:N", title="category"),
                alt.Tooltip("similarity:Q", format=".2f"),
                alt.Tooltip("weight:Q", format=".2f"),
                alt.Tooltip("contribution:Q", format=".2f"),
            ],
        )
        .properties(width=320, height=140)
    )
    top = data.iloc[0]
    return accessible(
        chart,
        f"Bar chart of the four categories' contributions to {person}'s score for {other}; "
        f"the biggest is {top['label']} with {top['contribution']:.2f}.",
    )


#: What the tooltip says instead of the name of a match under the objective not chosen.
UNNAMED_MATCH = "switch the objective to see"


def objectives_chart(matches: pd.DataFrame, *, named: str) -> alt.Chart:
    """Bars: for each person, the chance their match is doing well, under each objective.

    Only the matches under objective ``named`` (the one chosen) carry a name, in the data and
    so in the tooltip: lesson 04 asks learners to predict the other objective's match before
    switching, and a hover would otherwise give it away.

    Examples
    --------
    >>> table = pd.DataFrame({"objective": ["attraction", "wellbeing"], "person": ["Lucas"] * 2,
    ...                       "match": ["Léopold", "Antoine"], "attraction": [0.9, 0.5],
    ...                       "wellbeing": [0.2, 0.8], "ends_badly": [0.8, 0.2]})
    >>> "Antoine" in str(objectives_chart(table, named="attraction").to_dict())
    False
    """
    hidden = matches["objective"] != named
    data = matches.assign(
        wellbeing_pct=matches["wellbeing"],
        match=matches["match"].where(~hidden, UNNAMED_MATCH),
    )
    chart = (
        alt.Chart(data, title="Chance each match is doing well a year later")
        .mark_bar()
        .encode(
            x=alt.X(
                "wellbeing_pct:Q",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                title="Chance both partners are doing well after a year",
            ),
            y=alt.Y("person:N", title=None, sort=None),
            yOffset=alt.YOffset("objective:N"),
            color=alt.Color(
                "objective:N",
                title="Optimised for",
                scale=alt.Scale(
                    domain=["attraction", "wellbeing"], range=[OKABE_ITO[5], OKABE_ITO[2]]
                ),
            ),
            tooltip=[
                "objective:N",
                "person:N",
                "match:N",
                alt.Tooltip("wellbeing:Q", format=".0%"),
                alt.Tooltip("attraction:Q", format=".2f", title="mutual score"),
            ],
        )
        .properties(width=320)
    )
    means = data.groupby("objective")["wellbeing"].mean()
    words = ", ".join(f"{k}: {v:.0%} on average" for k, v in means.items())
    return accessible(
        chart,
        f"Grouped bars per person of the chance their match is doing "
        f"well a year later, optimised for attraction or wellbeing ({words}).",
    )


def outage_chart(table: pd.DataFrame) -> alt.Chart:
    """Stacked bars per design: users covered by a safe mode, reached by a person, harmed."""
    long = table.melt(
        id_vars=["design", "users"],
        value_vars=list(OUTAGE_PARTS),
        var_name="part",
        value_name="people",
    )
    long["outcome"] = long["part"].map(lambda p: OUTAGE_PARTS[p][0])
    long["order"] = long["part"].map(list(OUTAGE_PARTS).index)
    labels = [label for label, _ in OUTAGE_PARTS.values()]
    chart = (
        alt.Chart(long, title="When the central AI goes down")
        .mark_bar()
        .encode(
            x=count_x(
                "people:Q",
                long.groupby("design")["people"].sum(),  # a stacked bar's length
                stack="zero",
                title="Users",
            ),
            y=alt.Y("design:N", title=None, sort=list(table["design"])),
            color=alt.Color(
                "outcome:N",
                title="What happened to them",
                scale=alt.Scale(domain=labels, range=[c for _, c in OUTAGE_PARTS.values()]),
            ),
            order=alt.Order("order:Q"),
            tooltip=["design:N", "outcome:N", "people:Q"],
        )
        .properties(width=320, height=110)
    )
    words = "; ".join(f"{r.design}: {r.harmed} of {r.users} harmed" for r in table.itertuples())
    return accessible(chart, f"Stacked bars of what happens to users in an outage. {words}.")
