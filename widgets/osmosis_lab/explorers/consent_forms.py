"""Lesson 02's "designing the form": the same 1,000 simulated people, fair and deceptive forms.

A simulation with stated assumptions (:class:`osmosis_lab.consent.forms.Behaviour`):
pick a form design and how many people read a form before answering; the
chart shows, per purpose, how many consents the form records and how each was
obtained, and the text says how many were informed.

Examples
--------
>>> explorer = FormExplorer(seed=2019)
>>> explorer.design.value = "pre_ticked"
>>> "Pre-ticked boxes" in explorer.summary.value
True
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..consent import PURPOSE_LABELS
from ..consent.forms import BUTTON_NAMES, FORMS, HOW, Behaviour, simulate_form
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .consent_charts import form_chart
from .form_words import explained, words

PEOPLE = 1000
SHORT = BUTTON_NAMES


class FormExplorer(Explorer):
    """A form design picker and a reading-rate slider; consents by how they were obtained."""

    def __init__(self, *, seed: int = 2019, design: str = "fair") -> None:
        super().__init__()
        self.seed = seed  # the same simulated people meet every form
        self.design = sliders.ToggleButtons(
            options=[(SHORT[k], k) for k in FORMS],
            value=design,
            description="Form design",
            tooltips=[FORMS[k].label for k in FORMS],
            style={"description_width": "initial", "button_width": "9em"},
        )
        self.reads = sliders.IntSlider(
            value=30,
            min=0,
            max=100,
            step=5,
            description="People who read the form",
            readout_format="{:d} %",  # the readout (and what a screen reader says): "30 %", not "30"
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"),
        )
        self._assemble([self.design, self.reads])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> FormExplorer:
        return cls(seed=2019)

    def table(self) -> pd.DataFrame:
        """The simulation's result for the current settings (purposes x how obtained)."""
        behaviour = Behaviour(reads=self.reads.value / 100)
        return simulate_form(
            PEOPLE,
            FORMS[self.design.value],
            rng=np.random.default_rng(self.seed),
            behaviour=behaviour,
        )

    def refresh(self) -> None:
        result = self.table()
        long = pd.DataFrame(
            [
                {
                    "purpose": PURPOSE_LABELS[p],
                    "how": words(how),
                    "order": i,
                    "people": int(result.loc[p, how]),
                }
                for p in result.index
                for i, how in enumerate(HOW)
            ]
        )
        sharing = result.loc["sharing"]
        # "x % of those consents were informed" says nothing when there are none (issue 12)
        informed = (
            f"and {sharing['informed_share']:.0%} of those consents were informed."
            if sharing["consents"]
            else "so there is no consent to sharing, informed or not."
        )
        # Counts, not "14%": the assumptions table beside the explorer says "15 %" for the same
        # thing, and a simulated draw of 1,000 people lands near a share, not on it.
        headline = (
            f"{FORMS[self.design.value].label}: {int(sharing['consents'])} of {PEOPLE} "
            f"people are recorded as agreeing to sharing, {wanted(sharing)} of the {PEOPLE} "
            f"would if fully informed, {informed}"
        )
        show_chart(self.chart, form_chart(long, headline))
        lines = []
        for p in result.index:
            row = result.loc[p]
            parts = ", ".join(f"{int(row[h])} {words(h)}" for h in HOW if row[h])
            # "recorded yes", not "consents": only the chosen ones are informed consent
            lines.append(
                f"{PURPOSE_LABELS[p]}: {int(row['consents'])} recorded yes "
                f"({parts or 'none'}); {wanted(row)} of the {PEOPLE} would choose it."
            )
        # each kind of yes on screen, said in the same words as in the counts and the legend
        lines += [explained(h) for h in HOW if h != "chosen" and result[h].any()]
        assumed = f"{Behaviour().wants['sharing']:.0%}".replace("%", " %")  # as the table says
        lines.append(
            "Simulated people; the behaviour is an assumption (see the lesson). Each person's "
            "wishes are drawn at random with the assumed shares, so the counts land near them, "
            f"not on them: {wanted(sharing)} of {PEOPLE} want sharing where the table assumes "
            f"{assumed}."
        )
        self.summary.value = text_block(headline, lines)


def wanted(row: pd.Series) -> int:
    """How many of the simulated people would choose a purpose if fully informed.

    >>> wanted(pd.Series({"wanted_rate": 0.145}))
    145
    """
    return round(row["wanted_rate"] * PEOPLE)


#: Each assumption in words (kept under 50 characters: pandas shortens longer cells).
_ASSUMPTIONS = {
    "reads": "Read a form before answering",
    "untick": "Readers: untick a pre-ticked box they don't want",
    "refuse_bundle": "Readers: refuse a bundle with something unwanted",
    "find_refuse": "Wanting to refuse: find a hidden refusal",
    "give_in": "Give in each time a form asks again",
}


def assumptions(behaviour: Behaviour | None = None) -> pd.DataFrame:
    """The simulation's assumptions as a small readable table: what people do, and how many.

    Examples
    --------
    >>> table = assumptions()
    >>> table.loc["Would want matching if fully informed", "Share of people"]
    '90 %'
    >>> table.loc["Read a form before answering", "Share of people"]
    '30 %'
    """
    b = Behaviour() if behaviour is None else behaviour
    shares = {
        f"Would want {PURPOSE_LABELS[p].split(' (')[0].lower()} if fully informed": share
        for p, share in b.wants.items()
    }
    shares.update((words, getattr(b, name)) for name, words in _ASSUMPTIONS.items())
    table = pd.DataFrame(
        {"Share of people": [f"{share:.0%}".replace("%", " %") for share in shares.values()]},
        index=pd.Index(list(shares), name="Assumption (invented, not measured)"),
    )
    return table
