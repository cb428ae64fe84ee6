"""Lesson 00's explorer: pick a beta tester, read their card, see their chart.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> explorer = TesterExplorer(load_people())
>>> explorer.picker.value  # the first adult: a minor's card would answer Exercise 2 for them
'Ana Stern'
>>> explorer.picker.value = "Lucas Apert"
>>> "Lucas Apert" in explorer.card.value
True
>>> "Lucas Apert's invented trait values" in explorer.summary.value
True
"""

import html

import ipywidgets as widgets
import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..charts import testers as tester_charts
from ..data import load_people
from ..data.markets import ADULT_AGE
from . import controls
from .base import Explorer, show_chart, text_block


class TesterExplorer(Explorer):
    """A labelled row of 12 tester buttons, a card, a trait chart and its text equivalent."""

    def __init__(self, people: pd.DataFrame) -> None:
        super().__init__()
        self.people = people.set_index("name")
        testers = self.people[self.people["role"] == "tester"].index.tolist()
        # Lesson 00 asks "which tester is under 18?" just below this explorer: it opens on the
        # first adult, so its first card never answers that (it opened on Niels, 17).
        adults = self.people.loc[testers, "age"] >= ADULT_AGE
        first = adults.idxmax() if adults.any() else testers[0]
        # a radio group, not a Dropdown: its arrow keys work inside JupyterLab (see base.INTERACTIVE).
        self.picker = controls.ToggleButtons(
            options=testers,
            value=first,
            description="Beta tester",
            tooltips=[f"Show {name}'s card" for name in testers],
            style={"description_width": "initial", "button_width": "9em"},
        )
        self.card = widgets.HTML()
        self._assemble([self.picker], extra=[self.card])
        self.refresh()

    def refresh(self) -> None:
        person = self.people.loc[self.picker.value]
        self.card.value = tester_card_html(person)
        show_chart(self.chart, tester_charts.traits_chart(person))
        lines = tester_charts.traits_text(person).splitlines()
        self.summary.value = text_block(lines[0], [line.removeprefix("- ") for line in lines[1:]])

    @classmethod
    def with_lesson_data(cls) -> "TesterExplorer":
        return cls(load_people())


def tester_card_html(person: pd.Series) -> str:
    """The card: who they are (named or invented), their profile, how they weigh each category."""
    facts = [
        # the table's own words ("invented", "named in the series"): one wording on screen (w54)
        ("Source", str(person["source"])),
        ("Age", str(person["age"])),
        ("Arrondissement", f"Paris {person['arrondissement']}"),
        ("Occupation", person["occupation"]),
        ("Looking for", person["seeking"]),
    ]
    facts += [
        (f"Weight on {CATEGORY_LABELS[c].lower()}", f"{person[f'weight_{c}']:.0%}")
        for c in CATEGORIES
    ]
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left;padding-right:1em'>{html.escape(k)}</th>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in facts
    )
    return (
        f"<section aria-label='Card for {html.escape(person.name)}' class='osmosis-card'>"
        f"<h3>{html.escape(person.name)}</h3><table>{rows}</table>"
        f"<p><em>{html.escape(_invented_note(person))}</em></p></section>"
    )


#: The numbers the series gives about a named tester (lessons/story_facts.md); all others are invented.
_FROM_THE_SERIES = {"Niels Larson": "age"}


def _invented_note(person: pd.Series) -> str:
    """What on the card is invented: every number, except what the series itself gives.

    >>> import pandas as pd
    >>> print(_invented_note(pd.Series({"age": 17}, name="Niels Larson")))
    The age comes from the series; every other number on this card is invented (synthetic data).
    >>> print(_invented_note(pd.Series({"age": 30}, name="Ana Stern")))
    Every number on this card is invented (synthetic data).
    """
    given = _FROM_THE_SERIES.get(person.get("name", person.name))
    if given:
        return f"The {given} comes from the series; every other number on this card is invented (synthetic data)."
    return "Every number on this card is invented (synthetic data)."
