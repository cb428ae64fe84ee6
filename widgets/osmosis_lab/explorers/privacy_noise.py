"""Lesson 03's noise dial: publish counts with the Laplace mechanism under a privacy budget.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> explorer = NoiseExplorer(data.load_population(), rng=np.random.default_rng(2019))
>>> explorer.publish.click()
>>> explorer.budget.spent
0.5

Changing the total keeps what was spent: only "Start a new budget" forgets it.

>>> explorer.total.value = 0.5
>>> explorer.total.value = 1.0
>>> explorer.budget.spent, len(explorer.releases)
(0.5, 1)
"""

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..charts import privacy as privacy_charts
from ..data import load_population
from ..errors import BudgetExceeded
from ..privacy import (
    PrivacyBudget,
    laplace_error_bound,
    laplace_mechanism,
    laplace_scale,
    privacy_loss,
)
from ..privacy.loss import in_100
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .live import LiveText

#: Counts a data holder might be asked to publish about the residents.
QUERIES = {
    "Secret relationship": lambda df: df["secret_relationship"],
    "Anxiety": lambda df: df["health_condition"] == "anxiety",
    "Depression": lambda df: df["health_condition"] == "depression",
    "Addiction recovery": lambda df: df["health_condition"] == "addiction recovery",
    "Osmosis users": lambda df: df["signed_up"],
}
#: What each count says about one resident, for the privacy-loss sentence.
FACTS = {
    "Secret relationship": "has a secret relationship",
    "Anxiety": "lives with anxiety",
    "Depression": "lives with depression",
    "Addiction recovery": "is in addiction recovery",
    "Osmosis users": "uses Osmosis",
}
#: Epsilon settings on the dial: roughly evenly spaced on a log scale.
EPSILONS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
#: One person joining or leaving changes a count by at most 1.
COUNT_SENSITIVITY = 1
CELL = "style='padding:0.15em 0.9em 0.15em 0;text-align:left'"
CURVE_EPSILONS = np.geomspace(min(EPSILONS), max(EPSILONS), 61)


class NoiseExplorer(Explorer):
    """Pick a count and epsilon, see the error, publish under a budget that refuses past it."""

    def __init__(self, population: pd.DataFrame, *, rng: np.random.Generator) -> None:
        super().__init__()
        self.rng = rng
        self.truth = {label: int(rule(population).sum()) for label, rule in QUERIES.items()}
        self.residents = len(population)
        # a radio group, not a Dropdown: its arrow keys work inside JupyterLab (base.INTERACTIVE).
        self.query = sliders.ToggleButtons(
            options=list(QUERIES),
            description="Count residents with",
            tooltips=[f"Publish how many residents: {q.lower()}" for q in QUERIES],
            style={"description_width": "initial"},
        )
        self.epsilon = sliders.SelectionSlider(
            options=[(f"{e:g}", e) for e in EPSILONS], value=0.5, description="epsilon",
            continuous_update=False,
        )  # fmt: skip
        self.total = sliders.FloatSlider(
            value=1.0, min=0.5, max=5.0, step=0.5, description="Total budget",
            continuous_update=False, readout_format=".1f", style={"description_width": "initial"},
        )  # fmt: skip
        self.publish = widgets.Button(description="Publish this count")
        self.start_over = widgets.Button(description="Start a new budget")
        self.meter = widgets.FloatProgress(
            value=0, min=0, max=1, description="Budget spent",
            style={"description_width": "initial"},
        )  # fmt: skip
        self.budget_text = widgets.HTML()
        self.refusal = LiveText()  # a refused query, said; the budget line is read when reached
        self.published = widgets.HTML()
        self.budget = PrivacyBudget(total=self.total.value)
        self.releases: list[dict] = []
        self.curve = pd.DataFrame(
            {
                "epsilon": CURVE_EPSILONS,
                "bound": [
                    laplace_error_bound(sensitivity=COUNT_SENSITIVITY, epsilon=e)
                    for e in CURVE_EPSILONS
                ],
            }
        )
        self._assemble(
            [self.query, self.epsilon, self.total], extra=[self.publish, self.start_over]
        )
        self.view.children += (self.meter, self.budget_text, self.refusal, self.published)
        self.publish.on_click(lambda _button: self.publish_count())
        self.start_over.on_click(lambda _button: self.new_budget())
        self.refresh()

    def new_budget(self) -> None:
        """Forget what was published and start a budget of the current total."""
        self.budget = PrivacyBudget(total=self.total.value)
        self.releases = []
        self.refresh()

    def publish_count(self) -> None:
        """Charge epsilon to the budget and publish a noisy count, or show why not."""
        label, eps = self.query.value, self.epsilon.value
        try:
            self.budget = self.budget.spend(eps, query=label)
        except BudgetExceeded as refusal:
            self._show_budget(refused=str(refusal))
            return
        noisy = laplace_mechanism(
            self.truth[label], sensitivity=COUNT_SENSITIVITY, epsilon=eps, rng=self.rng
        )
        self.releases.append({"query": label, "epsilon": eps, "published": noisy})
        self.refresh()  # the observer sentences change with what was spent, not only the meter

    def refresh(self) -> None:
        if self.total.value != self.budget.total:
            # A new total is the same history held against a new limit: what was published
            # stays published and its epsilon stays spent. Only "Start a new budget" forgets.
            self.budget = PrivacyBudget(total=self.total.value, queries=self.budget.queries)
        eps, truth = self.epsilon.value, self.truth[self.query.value]
        scale = laplace_scale(sensitivity=COUNT_SENSITIVITY, epsilon=eps)
        bound = laplace_error_bound(sensitivity=COUNT_SENSITIVITY, epsilon=eps)
        show_chart(self.chart, privacy_charts.noise_chart(self.curve, epsilon=eps, bound=bound))
        self.summary.value = text_block(
            f"At epsilon {eps:.2f}, 95% of published counts are within ±{bound:.1f} of the truth.",
            [
                f"The noise has scale {scale:.1f}: on average a published count is {scale:.1f} "
                "off, in either direction.",
                f"True count ({self.query.value.lower()}): {truth} (only the data holder sees it).",
                "Halving epsilon doubles the noise; spending it on more queries adds up.",
                # the other side of the dial: less noise lets an observer learn more
                *self.observer_sentences(),
            ],
        )
        self._show_budget()

    def observer_sentences(self) -> list[str]:
        """What every count published so far lets an observer believe, and what this one adds.

        The epsilons of all published counts add up (composition), so the first sentence uses
        their sum, never the dial's epsilon alone; the second says what publishing this count
        too would make the worst case, and whether the budget would refuse it.
        """
        prior = self.truth[self.query.value] / self.residents
        who, fact = "a resident", FACTS[self.query.value]
        spent = [eps for _, eps in self.budget.queries]
        eps = self.epsilon.value
        if spent:
            n = len(spent)
            so_far = f"After the {n} {'count' if n == 1 else 'counts'} published so far: " + (
                privacy_loss(spent, prior=prior).sentence(who, fact)
            )
        else:
            so_far = (
                f"Nothing is published yet, so an observer still thinks there is a "
                f"{in_100(prior)} chance that {who} {fact}."
            )
        after = privacy_loss([*spent, eps], prior=prior)
        would = (
            f"Publishing this count at epsilon {eps:g} would make it {after.worst_case_words()} "
            f"in the worst case (epsilon = {round(after.epsilon, 2):g} in total)"
        )
        if self.budget.can_spend(eps):
            return [so_far, would + "."]
        # the cost of a refused count is still said: a large epsilon must never look free
        # the same figure the budget line prints ("only 0 of the total budget of 1 is left")
        left = f"{self.budget.remaining:g}"
        return [so_far, f"{would}, so this budget refuses it: only {left} is left."]

    def _show_budget(self, refused: str = "") -> None:
        self.meter.max = self.budget.total
        self.meter.value = min(self.budget.spent, self.budget.total)
        n = len(self.budget.queries)
        status = (
            f"Spent {self.budget.spent:.2f} of the budget of {self.budget.total:.1f} on {n} "
            f"{'query' if n == 1 else 'queries'}; {self.budget.remaining:.2f} left."
        )
        if self.budget.spent > self.budget.total * (1 + 1e-9):
            status += (
                " That is more than the new total: lowering it cannot take back what was "
                "published, so nothing more can be published from this budget."
            )
        self.budget_text.value = f"<p>{html.escape(status)}</p>"
        refusal = f"<p><strong>Refused:</strong> {html.escape(refused)}</p>"
        self.refusal.value = refusal if refused else ""
        self.published.value = _releases_html(self.releases, self.truth)

    @classmethod
    def with_lesson_data(cls) -> "NoiseExplorer":
        return cls(load_population(), rng=np.random.default_rng(2019))


def _releases_html(releases: list[dict], truth: dict[str, int]) -> str:
    if not releases:
        return "<p>Nothing published yet.</p>"
    rows = "".join(
        f"<tr><th scope='row' {CELL}>{html.escape(r['query'])}</th>"
        f"<td {CELL}>{r['epsilon']:.2f}</td><td {CELL}>{r['published']:.1f}</td>"
        f"<td {CELL}>{truth[r['query']]}</td>"
        f"<td {CELL}>{r['published'] - truth[r['query']]:+.1f}</td></tr>"
        for r in releases
    )
    return (
        "<table aria-label='Counts published so far'><caption>Published so far</caption><tr>"
        + "".join(
            f"<th scope='col' {CELL}>{h}</th>"
            for h in ("count", "epsilon", "published", "true", "error")
        )
        + f"</tr>{rows}</table>"
    )
