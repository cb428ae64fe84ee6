"""Lesson 02's "inference gets around refusal": a refused category, guessed from the rest.

Pick a tester and the category they refuse. A model trained on the 1,000
residents guesses that category from the three the tester shares; the chart
sets the guess beside the true (hidden) values, and the text says how often
such guesses are right, twice, each time naming whom it was measured on: the
held-out residents (like the people the model learned from) and the testers
on screen (generated apart, with another pattern of traits), where it is right
far less often.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab.data import load_people, load_population
>>> explorer = InferenceExplorer(load_people(), load_population(), rng=np.random.default_rng(2019))
>>> explorer.refused.value = "conscious"
>>> "right side of the middle" in explorer.summary.value
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS, trait_words
from ..consent.inference import Inference, fit_inference
from ..data import load_people, load_population
from . import controls
from .base import Explorer, show_chart, text_block
from .consent_charts import inference_chart


class InferenceExplorer(Explorer):
    """A tester, the category they refuse, and the app's guess of it."""

    def __init__(
        self,
        people: pd.DataFrame,
        population: pd.DataFrame,
        *,
        rng: np.random.Generator,
        tester: str = "T02",
        refused: str = "subconscious",
    ) -> None:
        super().__init__()
        self.people = people.set_index("person_id")
        self.population = population
        self.fits: dict[str, Inference] = {}
        self.seed = int(rng.integers(2**31))  # one split for every category: comparable
        testers = self.people.index[self.people["role"] == "tester"].tolist()
        names = self.people["name"]
        self.tester = controls.ToggleButtons(
            options=[(names[t], t) for t in testers],
            value=tester,
            description="Tester",
            tooltips=[f"{names[t]} ({t})" for t in testers],
            style={"description_width": "initial", "button_width": "9em"},
        )
        self.refused = controls.ToggleButtons(
            options=[(CATEGORY_LABELS[c], c) for c in CATEGORIES],
            value=refused,
            description="Category the tester refuses",
            tooltips=[f"The tester refuses {CATEGORY_LABELS[c].lower()}" for c in CATEGORIES],
            style={"description_width": "initial", "button_width": "13em"},
        )
        self._assemble([self.tester, self.refused])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> InferenceExplorer:
        return cls(load_people(), load_population(), rng=np.random.default_rng(2019))

    def fit(self, category: str) -> Inference:
        """The guess of ``category`` from the other three (fitted once, then kept)."""
        if category not in self.fits:
            self.fits[category] = fit_inference(
                self.population, category, rng=np.random.default_rng(self.seed)
            )
        return self.fits[category]

    def refresh(self) -> None:
        fit = self.fit(self.refused.value)
        person = self.people.loc[[self.tester.value]]
        name = person["name"].iloc[0]
        guess = fit.predict(person).iloc[0]
        truth = person[list(CATEGORIES[fit.target])].iloc[0]
        rows = [
            {"trait": trait_words(c), "series": series, "value": float(v)}
            for c in guess.index
            for series, v in (
                ("true value (hidden from the app)", truth[c]),
                ("the app's guess", guess[c]),
            )
        ]
        label = CATEGORY_LABELS[fit.target].lower()
        # two rates, each named by the people it is measured on (issue 12): the residents the
        # model was tested on, and the testers this explorer shows
        testers = self.people[self.people["role"] == "tester"]
        on_testers = float(fit.right_side(testers).to_numpy().mean())
        mine = fit.right_side(person).iloc[0]
        headline = (
            f"{name} refuses {label}, yet the app guesses it from the other three. "
            f"On {fit.n_test} held-out residents the guess lands on the right side of the "
            f"middle {fit.high_low_accuracy:.0%} of the time; on the {len(testers)} testers "
            f"shown here, {on_testers:.0%} of the time (a coin flip: 50%). Each trait's "
            "middle is the residents' median, given below: half of them are above it."
        )
        show_chart(self.chart, inference_chart(pd.DataFrame(rows), headline))
        middles = dict(zip(guess.index, fit.medians, strict=True))
        lines = [
            _trait_line(trait_words(c), truth[c], guess[c], middles[c], right=mine[c])
            for c in guess.index
        ]
        lines += [
            f"For {name}: {int(mine.sum())} of {len(mine)} traits on the right side.",
            _gap_sentence(fit.high_low_accuracy, on_testers),
            f"Average error of the guess on the residents: {fit.mae:.2f}; of guessing "
            f"everyone's average: {fit.baseline_mae:.2f} (values run from 0 to 1).",
            f"Trained on {fit.n_train} residents who shared all four categories, from "
            f"{', '.join(CATEGORY_LABELS[s].lower() for s in fit.sources)}.",
        ]
        self.summary.value = text_block(headline, lines)


def _gap_sentence(on_residents: float, on_testers: float) -> str:
    """Compare the two rates in words that hold whichever is larger."""
    if round(on_testers, 2) == round(on_residents, 2):
        return "The guess is right as often for the testers as for the residents."
    if on_testers < on_residents:
        return (
            "The guess is right less often for the testers than for the residents. In this toy "
            "the testers were generated apart from the residents, and their traits go together "
            "in another pattern than the one the model learned. Right on average is not right "
            "about each person."
        )
    return (
        "The guess is right more often for the testers than for the residents: a small "
        "group can land above or below the average."
    )


def _trait_line(trait: str, truth: float, guess: float, middle: float, *, right: bool) -> str:
    """One trait: its middle (the residents' median, not 0.5: w54 counted against 0.5), the true
    value and the guess, each said to be above or below it, and whether the guess is right.

    >>> print(_trait_line("adventure", 0.63, 0.48, 0.4763, right=True))
    adventure: middle 0.476; true 0.630 (above), guessed 0.480 (above): right side of the middle
    """
    digits = _digits(middle, truth, guess)
    return (
        f"{trait}: middle {middle:.{digits}f}; true {truth:.{digits}f} ({_side(truth, middle)}), "
        f"guessed {guess:.{digits}f} ({_side(guess, middle)}): "
        f"{'right' if right else 'wrong'} side of the middle"
    )


def _side(value: float, middle: float) -> str:
    return "above" if value > middle else "below" if value < middle else "at the middle"


def _digits(middle: float, *values: float) -> int:
    """The fewest decimals (from 2) at which each of ``values`` reads on its side of ``middle``:
    "guessed 0.48" beside "middle 0.48" cannot show which is larger.

    >>> _digits(0.4763, 0.63, 0.48), _digits(0.4763, 0.63, 0.90), _digits(0.5, 0.5, 0.5004)
    (3, 2, 4)
    >>> _digits(np.float64(0.465), 0.47, 0.77)
    3
    """
    for digits in range(2, 7):
        # as printed (numpy's round(0.465, 2) is 0.46, while f"{0.465:.2f}" prints 0.47)
        shown = float(f"{middle:.{digits}f}")
        if all(_side(float(f"{v:.{digits}f}"), shown) == _side(v, middle) for v in values):
            return digits
    return digits
