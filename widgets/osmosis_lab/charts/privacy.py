"""Charts for lesson 03 · Data privacy: tidy tables in, accessible altair charts out.

Each builder takes a small table the explorer already computed with the
privacy engine, and a description that says what the chart shows in words.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"group": ["testers"] * 2, "outcome": ["unique", "crowd"],
...                       "count": [3, 9], "share": [0.25, 0.75]})
>>> linkage_chart(table).to_dict()["description"]
'Stacked bars: testers: 25% unique, 75% crowd.'
"""

import altair as alt
import pandas as pd

from ..privacy import OUTCOMES
from . import OKABE_ITO, accessible
from .axes import count_x

#: Outcome of a linkage attack -> colour (worst for the person first: vermillion, orange ...).
OUTCOME_COLOURS = dict(
    zip(OUTCOMES, (OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[1], "#BBBBBB"), strict=True)
)
#: How the outcomes read in a legend.
OUTCOME_LABELS = {
    "unique": "re-identified (unique)",
    "small group": "narrowed to 2-5 people",
    "crowd": "hidden in a crowd (6+)",
    "not found": "no matching record",
}


def _percent(value: float) -> str:
    return f"{value:.0%}"


def linkage_chart(table: pd.DataFrame) -> alt.Chart:
    """Stacked horizontal bars: for each group of people, the share with each attack outcome.

    ``table`` has columns group, outcome (one of OUTCOMES), count, share.
    """
    groups = list(dict.fromkeys(table["group"]))
    parts = []
    for group in groups:
        rows = table[(table["group"] == group) & (table["count"] > 0)]
        parts.append(
            f"{group}: " + ", ".join(f"{_percent(r.share)} {r.outcome}" for r in rows.itertuples())
        )
    chart = (
        alt.Chart(table, title="Who the attacker re-identifies")
        .mark_bar()
        .encode(
            x=alt.X(
                "share:Q",
                stack="zero",
                axis=alt.Axis(format="%"),
                title="Share of the group",
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("group:N", sort=groups, title=None),
            color=alt.Color(
                "outcome:N",
                scale=alt.Scale(domain=list(OUTCOMES), range=list(OUTCOME_COLOURS.values())),
                legend=alt.Legend(title="Outcome", labelExpr=_label_expr(OUTCOME_LABELS)),
            ),
            order=alt.Order("rank:Q"),
            tooltip=["group:N", "outcome:N", "count:Q", alt.Tooltip("share:Q", format=".0%")],
        )
        .transform_calculate(rank=_rank_expr(OUTCOMES))
        .properties(width=360, height=90)
    )
    return accessible(chart, "Stacked bars: " + "; ".join(parts) + ".")


def _label_expr(labels: dict[str, str]) -> str:
    cases = " : ".join(f"datum.value === '{k}' ? '{v}'" for k, v in labels.items())
    return f"{cases} : datum.value"


def _rank_expr(order: tuple[str, ...]) -> str:
    return " : ".join(f"datum.outcome === '{name}' ? {i}" for i, name in enumerate(order)) + " : 9"


def class_size_chart(table: pd.DataFrame, *, k_target: int) -> alt.Chart:
    """Bars: how many people sit in equivalence classes of each size bucket.

    ``table`` has columns bucket (ordered labels such as "1 (unique)"), people, below_target.
    """
    described = ", ".join(f"{r.people} in classes of {r.bucket}" for r in table.itertuples())
    chart = (
        alt.Chart(table, title="How many people share each released combination")
        .mark_bar()
        .encode(
            x=count_x("people:Q", table["people"], title="People"),
            y=alt.Y("bucket:N", sort=list(table["bucket"]), title="Class size"),
            color=alt.Color(
                "below_target:N",
                scale=alt.Scale(
                    domain=["suppressed", "released"], range=[OKABE_ITO[5], OKABE_ITO[4]]
                ),
                legend=alt.Legend(title=f"Target k = {k_target}"),
            ),
            tooltip=["bucket:N", "people:Q", "below_target:N"],
        )
        .properties(width=360, height=150)
    )
    return accessible(chart, f"Bar chart of class sizes: {described}.")


def survey_chart(table: pd.DataFrame) -> alt.Chart:
    """Points with error bars: the raw yes rate, the corrected estimate and the true share.

    ``table`` has columns what, value, low, high (low/high equal value when there is no interval).
    """
    order = list(table["what"])
    base = alt.Chart(table, title="What the survey can say about the class")
    bars = base.mark_rule(strokeWidth=3, color=OKABE_ITO[4]).encode(
        x=alt.X("low:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"), title="Share"),
        x2="high:Q",
        y=alt.Y("what:N", sort=order, title=None),
    )
    points = base.mark_point(filled=True, size=90, color=OKABE_ITO[5]).encode(
        x="value:Q",
        y=alt.Y("what:N", sort=order),
        tooltip=[
            "what:N",
            alt.Tooltip("value:Q", format=".0%"),
            alt.Tooltip("low:Q", format=".0%"),
            alt.Tooltip("high:Q", format=".0%"),
        ],
    )
    described = "; ".join(
        f"{r.what} {_percent(r.value)}"
        + (f" (95% interval {_percent(r.low)} to {_percent(r.high)})" if r.high > r.low else "")
        for r in table.itertuples()
    )
    return accessible((bars + points).properties(width=360, height=110), f"Dot plot: {described}.")


def noise_chart(curve: pd.DataFrame, *, epsilon: float, bound: float) -> alt.Chart:
    """A line of the 95% error bound of a count against epsilon, with the current setting marked.

    ``curve`` has columns epsilon, bound.
    """
    line = (
        alt.Chart(curve, title="Privacy against accuracy")
        .mark_line(color=OKABE_ITO[4])
        .encode(
            x=alt.X("epsilon:Q", scale=alt.Scale(type="log"), title="epsilon (privacy loss)"),
            y=alt.Y("bound:Q", scale=alt.Scale(type="log"), title="95% of errors are within ±"),
            tooltip=[alt.Tooltip("epsilon:Q", format=".2f"), alt.Tooltip("bound:Q", format=".1f")],
        )
    )
    here = (
        alt.Chart(pd.DataFrame({"epsilon": [epsilon], "bound": [bound]}))
        .mark_point(filled=True, size=120, color=OKABE_ITO[5])
        .encode(x="epsilon:Q", y="bound:Q")
    )
    return accessible(
        (line + here).properties(width=360, height=200),
        f"Line chart: the 95% error bound of a published count falls as epsilon grows; "
        f"at epsilon {epsilon:g} it is ±{bound:.1f}.",
    )


def narrowing_chart(table: pd.DataFrame) -> alt.Chart:
    """Bars: how many people in the population still fit as each fact is revealed.

    ``table`` has columns step (e.g. "+ arrondissement"), people.
    """
    described = ", ".join(f"{r.step}: {r.people}" for r in table.itertuples())
    chart = (
        alt.Chart(table, title="People in the population who still look like you")
        .mark_bar(color=OKABE_ITO[4])
        .encode(
            x=count_x("people:Q", table["people"], title="People who fit (out of the population)"),
            y=alt.Y("step:N", sort=list(table["step"]), title=None),
            tooltip=["step:N", "people:Q"],
        )
        .properties(width=360, height=130)
    )
    return accessible(chart, f"Bar chart of people who still fit: {described}.")
