"""Lesson 04's "How sure is 98 %?": a certainty dial beside the app's reliability diagram.

The app states a certainty for each past match; the data say which couples
were doing well a year later. The dial picks a stated certainty, the
overconfidence setting changes how the app states it.

Examples
--------
>>> from osmosis_lab.data import load_pairs, load_population
>>> explorer = CertaintyExplorer(load_pairs(), load_population())
>>> explorer.dial.value = 98
>>> "When the app says 98%" in explorer.summary.value
True
"""

import ipywidgets as widgets
import pandas as pd

from ..charts import trust as trust_charts
from ..data import load_pairs, load_population
from ..trust import (
    app_certainty,
    band_verdict,
    calibration_summary,
    pair_scores,
    reliability_table,
)
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .plain_words import calibration_error_words

#: Overconfidence settings offered (1: the app as launched).
SETTINGS = (0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
BINS = 10


class CertaintyExplorer(Explorer):
    """A dial (stated certainty, %) and an overconfidence setting; the diagram and sentences."""

    def __init__(self, pairs: pd.DataFrame, people: pd.DataFrame) -> None:
        super().__init__()
        self.scores = pair_scores(pairs, people)
        self._figure = None
        self.outcome = pairs["wellbeing_after_1y"].to_numpy()
        self.dial = sliders.IntSlider(
            layout=widgets.Layout(width="520px"),
            value=98,
            min=50,
            max=99,
            step=1,
            description="The app says (%)",
            style={"description_width": "initial"},
            continuous_update=False,
        )
        self.overconfidence = sliders.SelectionSlider(
            layout=widgets.Layout(width="520px"),
            options=[(f"{s:g}", s) for s in SETTINGS],
            value=1.0,
            description="Overconfidence (1 = as launched)",
            style={"description_width": "initial"},
            continuous_update=False,
        )
        # the track record band by band: read when reached, not said at each move of the dial
        # (w55 heard all ten bands, 1,084 characters, at every arrow key)
        self.bands = widgets.HTML()
        self._assemble([self.dial, self.overconfidence], after=[self.bands])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "CertaintyExplorer":
        return cls(load_pairs(), load_population())

    def refresh(self) -> None:
        stated = app_certainty(self.scores, overconfidence=self.overconfidence.value)
        table = reliability_table(stated, self.outcome, bins=BINS)
        summary = calibration_summary(stated, self.outcome, bins=BINS)
        dial_bin = min(self.dial.value * BINS // 100, BINS - 1)
        tables = {"the app": table}
        if self._figure is None:
            self._figure = trust_charts.reliability_chart(tables, highlight_bin=dial_bin)
        else:  # swap the data only: rebuilding the chart would cost most of the update
            trust_charts.update_reliability_chart(self._figure, tables, highlight_bin=dial_bin)
        show_chart(self.chart, self._figure)
        self.summary.value = text_block(
            self.headline(table, dial_bin),
            [
                "Expected calibration error: "
                f"{calibration_error_words(summary['expected_calibration_error'])} "
                f"(0 = every stated probability comes true as often as stated).",
                f"Accuracy of the yes/no verdict: {summary['accuracy']:.0%}, the same at every "
                "overconfidence setting: it changes how sure the app sounds, not what it says.",
            ],
        )
        self.bands.value = text_block(
            "The track record, band by band", trust_charts.reliability_text(table)[1:]
        )

    def headline(self, table: pd.DataFrame, dial_bin: int) -> str:
        row = table[table["bin"] == dial_bin]
        band = f"{dial_bin * 100 // BINS}-{(dial_bin + 1) * 100 // BINS}%"
        if row.empty:
            return (
                f"When the app says {self.dial.value}%: at this setting it never states a "
                f"certainty in the {band} band, so there is no track record to check."
            )
        r = row.iloc[0]
        verdict = band_verdict(r["mean_predicted"], r["observed_rate"])
        meaning = {
            "about right": "its statements in this band were about right",
            "too sure of yes": "it was too sure these couples would do well (overconfident)",
            "too sure of no": "it was too sure these couples would not do well (overconfident)",
            "not sure enough of yes": "it could have been surer they would do well "
            "(underconfident)",
            "not sure enough of no": "it could have been surer they would not do well "
            "(underconfident)",
        }[verdict]
        return (
            f"When the app says {self.dial.value}% (the {band} band, {int(r['count'])} past "
            f"matches, {r['mean_predicted']:.0%} stated on average), {r['observed_rate']:.0%} "
            f"of the couples were doing well a year later: {meaning}."
        )
