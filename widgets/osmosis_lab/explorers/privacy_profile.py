"""Lesson 03's "your own profile" explorer: how unique is a toy profile in the population?

Everything happens in this kernel: the profile is compared with the synthetic
population in memory, and nothing is saved, logged or sent anywhere.

Examples
--------
>>> from osmosis_lab import data
>>> explorer = ProfileExplorer(data.load_population())
>>> explorer.age.value = 44
>>> "residents" in explorer.summary.value
True
"""

import ipywidgets as widgets
import pandas as pd

from ..categories import QUASI_IDENTIFIERS
from ..charts import privacy as privacy_charts
from ..data import load_population
from ..privacy import OCCUPATION_SECTORS, generalise, hierarchy_rules, narrowing
from . import controls as sliders
from .base import Explorer, show_chart, text_block

#: Coarse sharing: 10-year age bands, arrondissements in groups of 5, sectors, gender as is.
COARSE_LEVELS = {"age": 2, "arrondissement": 1, "occupation": 1, "gender": 0}
OTHER_JOB = "something else"
PRIVACY_NOTE = (
    "<p><strong>Kept local.</strong> What you enter here stays in this notebook's kernel: it is "
    "compared with the synthetic population already in memory, and nothing is saved or sent. "
    "A toy profile is enough; you do not need to enter your real details.</p>"
)


class ProfileExplorer(Explorer):
    """Four profile fields and a "coarse facts only" switch; how many residents still fit."""

    def __init__(self, population: pd.DataFrame) -> None:
        super().__init__()
        self.population = population
        self.rules = hierarchy_rules(COARSE_LEVELS)
        self.coarse_population = generalise(population, self.rules)
        style = {"description_width": "initial"}
        self.age = sliders.IntSlider(
            value=30, min=16, max=90, description="Age", continuous_update=False
        )
        # sliders and radio groups, not Dropdowns: their keys work inside JupyterLab.
        self.arrondissement = sliders.IntSlider(
            value=11, min=1, max=20, description="Arrondissement", style=style,
            continuous_update=False,
        )  # fmt: skip
        jobs = sorted(OCCUPATION_SECTORS) + [OTHER_JOB]
        self.occupation = sliders.SelectionSlider(
            options=jobs, value="teacher", description="Occupation", style=style,
            continuous_update=False,
        )  # fmt: skip
        self.gender = sliders.ToggleButtons(
            options=["woman", "man", "non-binary"], description="Gender", style=style
        )
        self.coarse = widgets.Checkbox(
            value=False,
            description="Share age band, area group and sector (gender stays)",
            indent=False,
            layout=widgets.Layout(width="auto"),  # at the default width its label was cut
        )
        self.note = widgets.HTML(PRIVACY_NOTE)
        controls = [self.age, self.arrondissement, self.occupation, self.gender, self.coarse]
        self._assemble(controls, extra=[self.note])
        self.refresh()

    @property
    def profile(self) -> dict[str, object]:
        """The profile as entered (it never leaves this object)."""
        return {
            "age": self.age.value,
            "arrondissement": self.arrondissement.value,
            "occupation": self.occupation.value,
            "gender": self.gender.value,
        }

    def refresh(self) -> None:
        profile, population = self.profile, self.population
        if self.coarse.value:
            # the same rules as the population, so "something else" becomes sector "other"
            coarse = generalise(pd.DataFrame([profile]), self.rules).iloc[0]
            profile = coarse[list(QUASI_IDENTIFIERS)].to_dict()
            population = self.coarse_population
        self.steps = narrowing(population, profile)
        self._job_fits = bool((population["occupation"] == profile["occupation"]).any())
        self._age_fits = int((population["age"] == profile["age"]).sum())
        self._age_said = profile["age"]
        table = pd.DataFrame(
            {
                "step": [
                    ("" if i == 0 else "+ ") + f"{column} {profile[column]}"
                    for i, (column, _) in enumerate(self.steps)
                ],
                "people": [n for _, n in self.steps],
            }
        )
        show_chart(self.chart, privacy_charts.narrowing_chart(table))
        self.summary.value = text_block(self._headline(), self._lines(table))

    def _headline(self) -> str:
        # You are not in the toy city: joining it adds you to the residents who fit, so one
        # who fits makes two of you, not "unique" (a learner read that; she was one of two).
        left = self.steps[-1][1]
        total = len(self.population)
        if left == 0:
            return (
                f"None of the {total} residents matches all four facts: joining would make "
                "you unique at once."
            )
        if left == 1:
            return (
                f"Exactly one of the {total} residents matches all four facts: joining, you "
                "would be one of 2 people who share them."
            )
        return (
            f"{left} of the {total} residents match all four facts: joining, you would hide "
            f"among {left + 1} people."
        )

    def _lines(self, table: pd.DataFrame) -> list[str]:
        lines = [
            f"{r.step}: {r.people} {'resident still fits' if r.people == 1 else 'residents still fit'}"
            for r in table.itertuples()
        ]
        youngest = int(self.population["age"].min())
        if self.age.value < youngest and not self._age_fits:
            lines.append(
                f"No resident of the toy city is under {youngest}: younger, age alone sets you apart."
            )
        elif self.age.value < youngest:  # shared as a band, older residents share it (w57)
            lines.append(
                f"No resident of the toy city is under {youngest}, but the band "
                f"{self._age_said} holds older ones: shared as a band, your age hides among "
                f"{self._age_fits} residents."
            )
        if not self._job_fits:
            # true, not a bug (w54): every resident has one of the slider's jobs, so "something
            # else", shared exactly or as the sector "other", matches no one whatever the rest
            lines.append(
                f"No resident of the toy city has a job outside the list, so '{OTHER_JOB}' "
                "alone sets you apart"
                + (", even shared as the sector 'other'." if self.coarse.value else ".")
            )
        return lines

    @classmethod
    def with_lesson_data(cls) -> "ProfileExplorer":
        return cls(load_population())
