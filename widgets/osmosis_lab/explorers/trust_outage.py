"""Lesson 04's "When the AI goes down": one central AI, or safe modes and a human contact.

The same settings always give the same outcome: the explorer draws one seed
from ``rng`` when it is built and reuses it, so moving a slider and back
does not reshuffle who is harmed.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab.data import load_population
>>> explorer = OutageExplorer(load_population(), rng=np.random.default_rng(2019))
>>> explorer.fallback_success.value = 0
>>> explorer.human_capacity.value = 0
>>> "harmed" in explorer.summary.value
True
"""

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..charts import trust as trust_charts
from ..data import load_population
from ..trust import DESIGNS, simulate_outage
from . import controls as sliders
from .base import Explorer, show_chart, text_block

PRIORITIES = {
    "in random order": None,
    "health conditions first": "health_condition",
}


class OutageExplorer(Explorer):
    """Sliders for safe modes and the human contact's reach; both designs side by side."""

    def __init__(self, population: pd.DataFrame, *, rng: np.random.Generator) -> None:
        super().__init__()
        self.users = population[population["signed_up"]].reset_index(drop=True)
        self.seed = int(rng.integers(2**32))
        style = {"description_width": "initial"}
        self.fallback_success = sliders.IntSlider(
            layout=widgets.Layout(width="520px"),
            value=90,
            min=0,
            max=100,
            step=5,
            description="Safe mode works for (%)",
            style=style,
            continuous_update=False,
        )
        self.human_capacity = sliders.IntSlider(
            layout=widgets.Layout(width="520px"),
            value=20,
            min=0,
            max=200,
            step=5,
            description="Billie can reach in time",
            style=style,
            continuous_update=False,
        )
        self.priority = sliders.ToggleButtons(
            options=list(PRIORITIES),
            value="in random order",
            description="Billie calls",
            style={**style, "button_width": "auto"},  # as wide as the words: none cut off
        )
        self._assemble([self.fallback_success, self.human_capacity, self.priority])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "OutageExplorer":
        return cls(load_population(), rng=np.random.default_rng(2019))

    def _priority(self):
        column = PRIORITIES[self.priority.value]
        if column is None:
            return None
        return (self.users[column] != "none").to_numpy(dtype=float)

    def refresh(self) -> None:
        options = {
            "fallback_success": self.fallback_success.value / 100,
            "human_capacity": self.human_capacity.value,
            "priority": self._priority(),
        }
        n = len(self.users)
        # One simulation per design, and every figure below (chart, totals, groups) is read from
        # these two outcomes: a second, separately seeded run would disagree with the first.
        single_outcome = simulate_outage(
            n, rng=np.random.default_rng(self.seed), fallbacks=False, **options
        )
        outcome = simulate_outage(n, rng=np.random.default_rng(self.seed), **options)
        table = pd.DataFrame([single_outcome.counts(), outcome.counts()])
        show_chart(self.chart, trust_charts.outage_chart(table))
        single, backed = table.iloc[0], table.iloc[1]
        vulnerable = outcome.harmed_by_group(
            np.where(
                self.users["health_condition"] != "none",
                "with a health condition",
                "without a health condition",
            )
        )
        lines = [
            f"{DESIGNS[0]}: all {single['users']} connected users are harmed.",
            f"{DESIGNS[1]}: safe modes cover {backed['fallback_took_over']}, Billie reaches "
            f"{backed['reached_by_human']}, {backed['harmed']} are harmed.",
            billie_words(
                self.priority.value,
                int(backed["reached_by_human"]),
                int(backed["users"] - backed["fallback_took_over"]),
            ),
        ] + [
            f"Users {group}: {row['harmed']} of {row['users']} harmed."
            for group, row in vulnerable.iterrows()
        ]
        self.summary.value = text_block(
            f"One outage: {single['harmed']} harmed with a single AI, {backed['harmed']} with "
            "safe modes and a human contact.",
            lines,
        )


def billie_words(priority: str, reached: int, failed: int) -> str:
    """Who Billie reaches among the people whose safe mode failed, said well for any counts.

    A learner read "she reaches 0 of the 0 people whose safe mode failed" at 100 % safe modes.

    Examples
    --------
    >>> billie_words("in random order", 0, 0)
    'Billie calls in random order: every safe mode worked, so nobody needs her call.'
    >>> billie_words("in random order", 1, 1)
    'Billie calls in random order: she reaches the one person whose safe mode failed.'
    >>> billie_words("in random order", 12, 12)
    'Billie calls in random order: she reaches all 12 people whose safe mode failed.'
    >>> billie_words("in random order", 0, 3)
    'Billie calls in random order: she reaches none of the 3 people whose safe mode failed.'
    >>> billie_words("in random order", 5, 40)
    'Billie calls in random order: she reaches 5 of the 40 people whose safe mode failed.'
    """
    start = f"Billie calls {priority}: "
    if failed == 0:
        return start + "every safe mode worked, so nobody needs her call."
    people = "person whose safe mode failed" if failed == 1 else "people whose safe mode failed"
    if reached == failed:
        return start + (
            f"she reaches the one {people}."
            if failed == 1
            else f"she reaches all {failed} {people}."
        )
    if reached == 0:
        whom = f"the one {people}" if failed == 1 else f"none of the {failed} {people}"
        return start + (f"she cannot reach {whom}." if failed == 1 else f"she reaches {whom}.")
    return start + f"she reaches {reached} of the {failed} {people}."
