"""Lesson 04's "Why this match?": each data category's contribution to a match score.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> explorer = WhyThisMatchExplorer(load_people())
>>> explorer.person.value, explorer.other.value = "Lucas Apert", "Léopold"
>>> "Lucas Apert's score for Léopold is 1.00" in explorer.summary.value
True
"""

import ipywidgets as widgets
import pandas as pd

from ..charts import trust as trust_charts
from ..trust import category_contributions, explain_contributions
from .base import Explorer, show_chart, text_block

LEFT_OUT = (
    "What the score leaves out: how well each treats a partner. No data category measures it, "
    "so no explanation of this score can mention it."
)


class WhyThisMatchExplorer(Explorer):
    """Two drop-downs (whose score, for whom); a bar per category and the same in sentences."""

    def __init__(
        self, people: pd.DataFrame, *, person: str = "Lucas Apert", other: str = "Léopold"
    ) -> None:
        super().__init__()
        self.people = people.set_index("name") if "name" in people.columns else people
        if "role" in self.people.columns:
            left = self.people.index[self.people["role"] == "tester"].tolist()
            right = self.people.index[self.people["role"] == "candidate"].tolist()
        else:
            left = right = self.people.index.tolist()
        style = {"description_width": "initial"}
        self.person = widgets.Dropdown(
            options=left,
            value=person if person in left else left[0],
            description="Whose score",
            style=style,
        )
        self.other = widgets.Dropdown(
            options=right,
            value=other if other in right else right[1],
            description="for",
            style=style,
        )
        self._assemble([self.person, self.other])
        self.refresh()

    def refresh(self) -> None:
        person, other = self.person.value, self.other.value
        table = category_contributions(self.people.loc[person], self.people.loc[other])
        show_chart(self.chart, trust_charts.contributions_chart(table, person=person, other=other))
        sentences = explain_contributions(table, person=person, other=other)
        self.summary.value = text_block(sentences[0], [*sentences[1:], LEFT_OUT])
