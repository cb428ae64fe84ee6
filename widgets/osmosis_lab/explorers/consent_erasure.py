"""Lesson 02's withdrawal and erasure explorer: Joséphine's timeline, what stops, what remains.

Step through Joséphine's timeline: the grid shows what Osmosis may use her
data for after each step; once she withdraws, uses stop being allowed; once
she is erased, the ledger holds nothing about her, and the text lists what
erasure could not undo.

Examples
--------
>>> explorer = ErasureExplorer()
>>> explorer.step.value = explorer.step.max
>>> "Cannot undo" in explorer.summary.value and "investors" in explorer.summary.value
True
"""

from __future__ import annotations

import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..consent import PURPOSE_LABELS, PURPOSES, consent_table
from ..consent.scenarios import josephine_timeline
from .base import Explorer, show_chart, text_block
from .consent_charts import consent_grid_chart
from .consent_timeline import Replay


class ErasureExplorer(Replay, Explorer):
    """Joséphine's timeline; the chart is the grid of what may be used after each step."""

    def __init__(self) -> None:
        Explorer.__init__(self)
        scenario = josephine_timeline()
        self.person = scenario.people[0].person_id
        self._replay_controls(scenario, None)
        self._assemble([self.step], extra=[self.step_buttons, self.story])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> ErasureExplorer:
        return cls()

    def grid(self) -> pd.DataFrame:
        """Category x purpose: may Osmosis use this now? (all "no" once she is erased)."""
        ledger = self.current.ledger
        erased = self.person not in ledger.records
        table = None if erased else consent_table(ledger, self.person)
        return pd.DataFrame(
            [
                {
                    "category": CATEGORY_LABELS[c],
                    "purpose": PURPOSE_LABELS[p],
                    "answer": "yes" if table is not None and table.loc[c, p] else "no",
                }
                for c in CATEGORIES
                for p in PURPOSES
            ]
        )

    def refresh(self) -> None:
        r = self.current
        grid = self.grid()
        allowed = grid[grid["answer"] == "yes"]
        erased = self.person not in r.ledger.records
        if erased:
            headline = (
                f"Day {r.step.day}: Joséphine is erased; the ledger holds no record "
                "of her, and nothing may be used."
            )
        else:
            headline = (
                f"Day {r.step.day}: Osmosis may use Joséphine's data in "
                f"{len(allowed)} of {len(grid)} category-purpose cells."
            )
        show_chart(self.chart, consent_grid_chart(grid, headline))
        self.story.value = self.step_html()
        lines = [
            f"May use {row.category.lower()} for {row.purpose.lower()}."
            for row in allowed.itertuples()
        ]
        if r.report is not None:
            lines = ["Cannot undo: " + line for line in r.report.cannot_undo]
        elif erased:
            lines = ["Her record is gone; see the erasure step for what remains."]
        # not live: the step's own event is announced (Replay.step_html)
        self.summary.value = text_block(headline, lines or ["Nothing may be used now."])
