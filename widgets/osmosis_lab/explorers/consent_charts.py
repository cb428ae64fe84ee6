"""Charts for lesson 02's explorers: data in, an accessible altair chart out.

Each builder takes a small table the explorer already holds and returns a
chart whose description says what it shows; colours repeat what labels say.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"group": ["changed their consent", "changed nothing"], "people": [1, 3]})
>>> match_change_chart(table, "4 people's matches changed.").to_dict()["description"]
"4 people's matches changed."
"""

import altair as alt
import pandas as pd

from ..charts import OKABE_ITO, accessible
from ..charts.axes import count_x
from ..consent.forms import HOW
from .form_words import words

#: Verdict -> colour: allowed in bluish green, violations in vermillion, decisions in grey-blue.
VERDICT_COLOURS = {"allowed": OKABE_ITO[2], "violation": OKABE_ITO[5], "decision": OKABE_ITO[4]}
#: How a yes was obtained, in the words the explorer's text uses (form_words) -> colour.
HOW_COLOURS = dict(
    zip(
        (words(how) for how in HOW),
        (OKABE_ITO[2], OKABE_ITO[1], OKABE_ITO[0], OKABE_ITO[6], OKABE_ITO[5], OKABE_ITO[7]),
        strict=True,
    )
)


def match_change_chart(table: pd.DataFrame, description: str) -> alt.Chart:
    """Bars: how many people's matches changed, split by whether they changed anything."""
    chart = (
        alt.Chart(table, title="Whose match changed with the last change")
        .mark_bar()
        .encode(
            x=count_x("people:Q", table["people"], title="People whose partner changed"),
            y=alt.Y("group:N", sort=None, title=None),
            color=alt.Color(
                "group:N", legend=None, scale=alt.Scale(range=[OKABE_ITO[4], OKABE_ITO[0]])
            ),
            tooltip=["group:N", "people:Q"],
        )
        .properties(width=320, height=80)
    )
    return accessible(chart, description)


def inference_chart(table: pd.DataFrame, description: str) -> alt.Chart:
    """Grouped bars per trait: the hidden true value and the app's guess."""
    chart = (
        alt.Chart(table, title="A refused category, guessed from the others")
        .mark_bar()
        .encode(
            x=alt.X("value:Q", scale=alt.Scale(domain=[0, 1]), title="Trait value (0-1)"),
            y=alt.Y("trait:N", sort=None, title=None),
            yOffset="series:N",
            color=alt.Color(
                "series:N", title=None, scale=alt.Scale(range=[OKABE_ITO[4], OKABE_ITO[0]])
            ),
            tooltip=["trait:N", "series:N", alt.Tooltip("value:Q", format=".2f")],
        )
        .properties(width=320, height=200)
    )
    return accessible(chart, description)


def form_chart(table: pd.DataFrame, description: str) -> alt.Chart:
    """Stacked bars per purpose: consents by how they were obtained."""
    chart = (
        alt.Chart(table, title="Consents recorded, by how they were obtained")
        .mark_bar()
        .encode(
            x=count_x(
                "people:Q",
                table.groupby("purpose")["people"].sum(),  # a stacked bar's length
                title="People (of 1,000) recorded as consenting",
            ),
            y=alt.Y("purpose:N", sort=None, title=None),
            color=alt.Color(
                "how:N",
                title="How the yes was obtained",
                scale=alt.Scale(domain=list(HOW_COLOURS), range=list(HOW_COLOURS.values())),
            ),
            order=alt.Order("order:Q"),
            tooltip=["purpose:N", "how:N", "people:Q"],
        )
        .properties(width=320, height=160)
    )
    return accessible(chart, description)


#: The timeline's legend, under the chart: on its right, a count written beside a spot of the
#: last day ("×4") ran into it.
_BELOW = alt.Legend(orient="bottom")


def _lanes(spots: pd.DataFrame) -> list[str]:
    """Where each spot sits on its day: on it ("middle"), or just left of it ("left") for a
    decision made on a day the same person's data is also used (Louise's guardian signs on day
    2, the day of her routine care): on one spot, the decision's square hid the uses' "×2"
    circle (w64); just above it, a one-row chart's frame cut the square in half (w65). Left:
    the decision came first.

    >>> _lanes(pd.DataFrame({"day": [2, 2, 3], "person": ["L"] * 3,
    ...                      "verdict": ["allowed", "decision", "decision"]}))
    ['middle', 'left', 'middle']
    """
    rows = list(zip(spots["day"], spots["person"], spots["verdict"], strict=True))
    used = {(day, person) for day, person, verdict in rows if verdict != "decision"}
    return [
        "left" if verdict == "decision" and (day, person) in used else "middle"
        for day, person, verdict in rows
    ]


def timeline_chart(table: pd.DataFrame, description: str) -> alt.Chart:
    """Points on a day axis, one row per person: decisions and uses, violations flagged.

    Uses of one person on one day with the same verdict fall on one spot (two categories read
    the same night), so each spot says how many it stands for ("×2"), and counting the marks
    gives the count the lesson asks for.

    >>> table = pd.DataFrame({"day": [9, 9], "person": ["Inès"] * 2,
    ...                       "what": ["research use of memories", "research use of signals"],
    ...                       "verdict": ["violation"] * 2})
    >>> data = timeline_chart(table, "d").to_dict()["datasets"]
    >>> [(row["uses"], row["times"]) for rows in data.values() for row in rows]
    [(2, '×2')]
    """
    spots = (
        table.groupby(["day", "person", "verdict"], sort=False)["what"]
        .agg(uses="size", what="; ".join)
        .reset_index()
    )
    spots["times"] = [f"×{n}" if n > 1 else "" for n in spots["uses"]]
    spots["lane"] = _lanes(spots)
    base = alt.Chart(spots, title="The timeline so far").encode(
        x=count_x("day:Q", table["day"], title="Day"),
        y=alt.Y("person:N", title=None),
    )
    spot = {"filled": True, "size": 90}
    points = base.mark_point(**spot).encode(
        color=alt.Color(
            "verdict:N",
            title="Verdict",
            scale=alt.Scale(domain=list(VERDICT_COLOURS), range=list(VERDICT_COLOURS.values())),
            legend=_BELOW,
        ),
        shape=alt.Shape(
            "verdict:N",
            title="Verdict",
            scale=alt.Scale(domain=list(VERDICT_COLOURS), range=["circle", "cross", "square"]),
            legend=_BELOW,
        ),
        tooltip=["day:Q", "person:N", "what:N", "verdict:N", alt.Tooltip("uses:Q", title="Uses")],
    )
    times = base.mark_text(align="left", dx=8, fontSize=12).encode(text="times:N")
    nudged = points.transform_filter("datum.lane == 'left'").mark_point(**spot, xOffset=-14)
    points = points.transform_filter("datum.lane != 'left'")
    chart = (points + nudged + times).properties(width=360, height=alt.Step(30))
    return accessible(chart, description)


def consent_grid_chart(table: pd.DataFrame, description: str) -> alt.Chart:
    """A category x purpose grid: may Osmosis use this now?"""
    base = alt.Chart(table, title="What Osmosis may use, for what")
    cells = base.mark_rect(stroke="white").encode(
        x=alt.X(
            "purpose:N",
            sort=None,
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, labelLimit=110),
        ),
        y=alt.Y("category:N", sort=None, title=None),
        color=alt.Color(
            "answer:N",
            title="May it?",
            scale=alt.Scale(domain=["yes", "no"], range=[OKABE_ITO[2], "#dddddd"]),
        ),
        tooltip=["category:N", "purpose:N", "answer:N"],
    )
    labels = base.mark_text().encode(
        x=alt.X("purpose:N", sort=None), y=alt.Y("category:N", sort=None), text="answer:N"
    )
    return accessible((cells + labels).properties(width=440, height=160), description)
