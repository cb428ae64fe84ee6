"""Lesson 05's stakeholder matrix: for each role, the value most at stake and a short note.

Examples
--------
>>> explorer = StakeholderExplorer()
>>> explorer.values["found"].value = "consent"
>>> explorer.notes["found"].value = "Léopold never signed up"
>>> explorer.matrix().loc["Found, never signed up", "note"]
'Léopold never signed up'
>>> "consent" in explorer.summary.value
True
"""

import html

import ipywidgets as widgets

from ..charts import review as review_charts
from ..review import ROLES, VALUES, stakeholder_matrix, values_at_stake
from . import controls, text_boxes
from .base import Explorer, show_chart, show_message
from .live import LiveText
from .review_notes import kept_by_save

STYLE = {"description_width": "17em", "button_width": "7.5em"}


class StakeholderExplorer(Explorer):
    """A row of value buttons and a note box per role; the matrix as a table and a chart."""

    def __init__(self) -> None:
        super().__init__()
        # how many roles are filled, announced (live); the matrix under it is read when reached
        self.said, self.summary = LiveText(), widgets.HTML()
        self.values = {
            role: controls.ToggleButtons(
                options=list(VALUES), value=None, description=label, style=STYLE,
                tooltips=[f"{value} is most at stake for: {label}" for value in VALUES],
            )
            for role, (label, _who) in ROLES.items()
        }  # fmt: skip
        self.notes = {
            role: text_boxes.Text(
                value="", description=f"Note on {label}", placeholder=f"Why? ({who})",
                style={"description_width": "17em"}, layout=widgets.Layout(width="52em"),
                continuous_update=False,
            )
            for role, (label, who) in ROLES.items()
        }  # fmt: skip
        self._assemble([*self.values.values(), *self.notes.values()])
        rows = []
        for role in ROLES:
            rows += [self.values[role], self.notes[role]]
        self.view.children = (*rows, self.chart, self.said, self.summary)
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "StakeholderExplorer":
        return cls()

    def entries(self) -> dict[str, tuple[str | None, str]]:
        """Role -> (value chosen or None, note), as :func:`review.stakeholder_matrix` takes."""
        return {role: (self.values[role].value, self.notes[role].value) for role in ROLES}

    def matrix(self):
        """The filled matrix (a DataFrame, one row per role)."""
        return stakeholder_matrix(self.entries())

    def refresh(self) -> None:
        matrix = self.matrix()
        filled = int((matrix["most at stake"].isin(VALUES)).sum())
        if filled:
            show_chart(self.chart, review_charts.values_chart(values_at_stake(matrix)))
        else:  # an empty chart would look broken
            show_message(
                self.chart,
                "The chart appears when you choose what is most at stake for at least one role.",
            )
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left'>{html.escape(role)}</th>"
            f"<td>{html.escape(r['who'])}</td>"
            f"<td>{html.escape(r['most at stake'])}</td><td>{html.escape(r['note'])}</td></tr>"
            for role, r in matrix.iterrows()
        )
        self.said.value = f"<p><strong>{filled} of {len(matrix)} roles filled in.</strong></p>"
        self.summary.value = (
            "<div class='osmosis-text-equivalent'><table class='osmosis-matrix'>"
            "<caption>Your stakeholder matrix</caption><tr><th scope='col'>role</th>"
            "<th scope='col'>who</th><th scope='col'>most at stake</th>"
            f"<th scope='col'>note</th></tr>{rows}</table>"
            f"{kept_by_save('matrix entries')}</div>"
        )
