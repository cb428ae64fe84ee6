"""Lesson 04's "Why this match?": each data category's contribution to a match score.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> explorer = WhyThisMatchExplorer(load_people())
>>> explorer.person.value, explorer.other.value = "Lucas Apert", "Léopold"
>>> "Lucas Apert's score for Léopold is 1.00" in explorer.summary.value
True
>>> explorer.other.value = "Antoine"
>>> print(explorer.direction_sentence())  # doctest: +NORMALIZE_WHITESPACE
This is one direction: how well Antoine fits what Lucas Apert weighs. Antoine's score for Lucas
Apert is 0.88; the matching uses the mutual score, the average of the two: 0.89.
"""

import ipywidgets as widgets
import pandas as pd

from ..charts import trust as trust_charts
from ..data import load_people
from ..trust import category_contributions, explain_contributions
from . import controls as sliders
from .base import Explorer, show_chart, text_block

LEFT_OUT = (
    "What the score leaves out: how well each treats a partner. No data category measures it, "
    "so no explanation of this score can mention it."
)


def person_picker(options: list[str], value: str, description: str) -> widgets.Widget:
    """Buttons for a short list of people, a slider through a long one (keyboard-operable both)."""
    style = {"description_width": "initial"}
    value = value if value in options else options[0]
    if len(options) <= 30:
        return sliders.ToggleButtons(
            options=options, value=value, description=description, style=style
        )
    return sliders.SelectionSlider(
        options=options, value=value, description=description, style=style, continuous_update=False
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
        self.person = person_picker(left, person, "Whose score")
        self.other = person_picker(right, other if other in right else right[1], "for whom")
        self._assemble([self.person, self.other])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "WhyThisMatchExplorer":
        return cls(load_people())

    def refresh(self) -> None:
        person, other = self.person.value, self.other.value
        table = category_contributions(self.people.loc[person], self.people.loc[other])
        show_chart(self.chart, trust_charts.contributions_chart(table, person=person, other=other))
        sentences = explain_contributions(table, person=person, other=other)
        self.summary.value = text_block(
            sentences[0], [self.direction_sentence(), *sentences[1:], LEFT_OUT]
        )

    def direction_sentence(self) -> str:
        """Say the score is one direction, and give the other and the mutual score.

        The objectives explorer names the mutual score (what the matching maximises); a learner
        comparing the two numbers needs to know they differ on purpose.
        """
        person, other = self.person.value, self.other.value
        mine = category_contributions(self.people.loc[person], self.people.loc[other])
        theirs = category_contributions(self.people.loc[other], self.people.loc[person])
        one, back = float(mine["contribution"].sum()), float(theirs["contribution"].sum())
        return (
            f"This is one direction: how well {other} fits what {person} weighs. {other}'s score "
            f"for {person} is {back:.2f}; the matching uses the mutual score, the average of the "
            f"two: {(one + back) / 2:.2f}."
        )
