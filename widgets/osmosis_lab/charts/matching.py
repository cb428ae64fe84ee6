"""Charts for lesson 01 · What is a match?: tidy tables in, accessible altair charts out.

Examples
--------
>>> import pandas as pd
>>> grid = pd.DataFrame({"proposer": ["a", "a"], "reviewer": ["A", "B"],
...                      "status": ["rejected", "held"], "place": [1, 2]})
>>> steps_chart(grid, step=3, total=9).to_dict()["description"][:54]
'Grid of who has proposed to whom after proposal 3 of 9'
"""

import altair as alt
import pandas as pd

from . import OKABE_ITO
from . import accessible as _accessible
from .axes import count_x


def accessible(chart, description):
    """The package's :func:`~osmosis_lab.charts.accessible`, without vega-embed's "..." menu.

    The menu's button is a ``<summary>`` holding only an icon, which has no accessible name
    (axe-core: summary-name, serious); its export actions are not needed in a lesson.
    """
    return _accessible(chart, description).properties(usermeta={"embedOptions": {"actions": False}})


#: Proposal states in the step-through grid, and their colours (words carry the meaning too).
STATUS_COLOURS = {
    "not asked yet": "#eeeeee",
    "proposing now": OKABE_ITO[0],  # orange
    "held": OKABE_ITO[2],  # bluish green
    "rejected": "#999999",
}
#: Colours of the two sides, and of two compared matchings.
SIDE_COLOURS = (OKABE_ITO[4], OKABE_ITO[5])


def steps_chart(
    grid: pd.DataFrame, *, step: int, total: int, unmatched: list[str] = ()
) -> alt.Chart:
    """Proposers (rows) by reviewers (columns): who proposed to whom, and what happened.

    ``grid`` has columns proposer, reviewer, status (a key of :data:`STATUS_COLOURS`)
    and place (the reviewer's place on the proposer's list, 1 = first choice), as
    ``osmosis_lab.matching.compare.proposal_grid`` builds it; rows and columns
    keep the table's order. ``unmatched``: at the end, who is left alone (both sides),
    named in the description (the text equivalent gives each one's reason).
    """
    held = int((grid["status"] == "held").sum())
    rejected = int((grid["status"] == "rejected").sum())
    chart = (
        alt.Chart(grid, title=f"After proposal {step} of {total}")
        .mark_square(size=420)
        .encode(
            x=alt.X(
                "reviewer:N",
                sort=list(dict.fromkeys(grid["reviewer"].sort_values())),
                title="Reviewer (is proposed to)",
                axis=alt.Axis(labelAngle=-40),
            ),
            y=alt.Y("proposer:N", sort=list(dict.fromkeys(grid["proposer"])), title="Proposer"),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())),
                title="Proposal",
            ),
            tooltip=[
                "proposer:N",
                "reviewer:N",
                "status:N",
                alt.Tooltip("place:Q", title="choice"),
            ],
        )
        .properties(width=alt.Step(34), height=alt.Step(26))
    )
    labels = chart.mark_text(fontSize=10, color="black").encode(
        text="place:Q", color=alt.value("black")
    )
    return accessible(
        chart + labels,
        f"Grid of who has proposed to whom after proposal {step} of {total}: "
        f"{held} proposal(s) tentatively held, {rejected} rejected. "
        "Each square's number is the reviewer's place on the proposer's list."
        + (f" Left alone at the end: {', '.join(unmatched)}." if unmatched else ""),
    )


#: What the chart writes in the row of someone without a partner.
UNMATCHED = "unmatched"


def ranks_chart(table: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """One bar per person: the place of their partner on their own list (shorter is happier).

    ``table`` has columns person, group (what colours the bars) and rank, and may have
    ``why``: for an unmatched person (rank NaN) the sentence saying why. Unmatched
    people keep their row, with the word "unmatched" in it and the reason in the tooltip;
    the caller's description and text equivalent say the same in words.

    Examples
    --------
    >>> table = pd.DataFrame({"person": ["a", "b"], "group": ["P", "P"], "rank": [1, None],
    ...                       "why": ["", "b is left alone: nobody lists b."]})
    >>> spec = ranks_chart(table, title="t", description="d").to_dict()
    >>> [row["person"] for rows in spec["datasets"].values() for row in rows]
    ['a', 'b']
    """
    groups = list(dict.fromkeys(table["group"]))
    # only the columns drawn: others (e.g. an unmatched person's partner, NaN) are not JSON
    data = table[["person", "group", "rank"]].assign(why=table.get("why", ""))
    data["why"] = [w if isinstance(w, str) else "" for w in data["why"]]
    base = alt.Chart(data, title=title).encode(
        y=alt.Y("person:N", sort=list(dict.fromkeys(data["person"])), title=None),
        color=alt.Color(
            "group:N",
            scale=alt.Scale(domain=groups, range=list(SIDE_COLOURS[: len(groups)])),
            title=None,
        ),
        yOffset="group:N" if data["person"].duplicated().any() else alt.Undefined,
    )
    bars = (
        base.transform_filter("isValid(datum.rank)")
        .mark_bar()
        .encode(
            x=count_x(  # places on a list: whole numbers only
                "rank:Q",
                data["rank"],
                title="Partner's place on their list (1 = first choice)",
            ),
            tooltip=["person:N", "group:N", alt.Tooltip("rank:Q", title="place")],
        )
    )
    alone = (
        base.transform_filter("!isValid(datum.rank)")
        .mark_text(align="left", dx=3, fontStyle="italic")
        .encode(
            x=alt.datum(0),
            text=alt.value(UNMATCHED),
            tooltip=["person:N", "group:N", alt.Tooltip("why:N", title="why unmatched")],
        )
    )
    return accessible((bars + alone).properties(width=320), description)


def points_chart(table: pd.DataFrame, *, description: str) -> alt.Chart:
    """Happiness points per person under two matchings, side by side.

    ``table`` has columns person, matching and points, and may have ``why``: for an
    unmatched person (0 points) the sentence saying why, shown in the tooltip beside
    the word "unmatched" written in their row.
    """
    matchings = list(dict.fromkeys(table["matching"]))
    data = table[["person", "matching", "points"]].assign(why=table.get("why", ""))
    data["why"] = [w if isinstance(w, str) else "" for w in data["why"]]
    base = alt.Chart(data, title="Happiness points per person").encode(
        y=alt.Y("person:N", sort=list(dict.fromkeys(data["person"])), title=None),
        yOffset="matching:N",
        color=alt.Color(
            "matching:N",
            scale=alt.Scale(domain=matchings, range=list(SIDE_COLOURS)),
            title="Matching",
        ),
    )
    bars = base.mark_bar().encode(
        x=count_x("points:Q", data["points"], title="Points (first choice = most, unmatched = 0)"),
        tooltip=["person:N", "matching:N", "points:Q"],
    )
    alone = (
        base.transform_filter("datum.why != ''")
        .mark_text(align="left", dx=3, fontStyle="italic", fontSize=9)
        .encode(
            x=alt.datum(0),
            text=alt.value(UNMATCHED),
            tooltip=["person:N", "matching:N", alt.Tooltip("why:N", title="why unmatched")],
        )
    )
    return accessible((bars + alone).properties(width=320), description)
