"""Charts and text equivalents for lesson 00's tester cards.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> ana = load_people().set_index("name").loc["Ana Stern"]
>>> traits_table(ana).shape
(16, 4)
>>> print(traits_text(ana).splitlines()[0])
Ana Stern's invented trait values, by category (0 = low, 1 = high):
"""

import altair as alt
import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS, trait_words
from . import accessible, category_scale


def traits_table(person: pd.Series) -> pd.DataFrame:
    """One row per trait: category, trait (readable), value, weight the person gives the category."""
    rows = [
        {
            "category": category,
            "trait": trait_words(column),
            "value": float(person[column]),
            "weight": float(person[f"weight_{category}"]),
        }
        for category, columns in CATEGORIES.items()
        for column in columns
    ]
    return pd.DataFrame(rows)


def traits_chart(person: pd.Series) -> alt.Chart:
    """Bars of the 16 trait values, coloured and grouped by category."""
    table = traits_table(person)
    chart = (
        alt.Chart(table, title=f"{person.name}: what the implant would read")
        .mark_bar()
        .encode(
            x=alt.X("value:Q", scale=alt.Scale(domain=[0, 1]), title="Trait value (invented, 0-1)"),
            y=alt.Y("trait:N", sort=None, title=None),
            color=alt.Color("category:N", scale=category_scale(), title="Data category"),
            tooltip=["category:N", "trait:N", alt.Tooltip("value:Q", format=".2f")],
        )
        .properties(width=320, height=320)
    )
    strongest = table.loc[table["value"].idxmax()]
    return accessible(
        chart,
        f"Bar chart of {person.name}'s 16 invented trait values in four data categories; "
        f"the highest is {strongest['trait']} ({strongest['category']}) at {strongest['value']:.2f}.",
    )


def traits_text(person: pd.Series) -> str:
    """The chart's text equivalent: each category's traits and the person's weight for it."""
    table = traits_table(person)
    lines = [f"{person.name}'s invented trait values, by category (0 = low, 1 = high):"]
    for category, group in table.groupby("category", sort=False):
        values = ", ".join(
            f"{t} {v:.2f}" for t, v in zip(group["trait"], group["value"], strict=True)
        )
        weight = group["weight"].iloc[0]
        lines.append(f"- {CATEGORY_LABELS[category]} (weighs it {weight:.0%}): {values}")
    return "\n".join(lines)
