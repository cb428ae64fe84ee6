"""Lesson 03's survey explorer: ask a sensitive question with randomized response.

A class-sized group is drawn from the synthetic population; each person's
true answer comes from the data, and only their randomized answer is "sent".

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> explorer = SurveyExplorer(data.load_population(), rng=np.random.default_rng(2019))
>>> explorer.epsilon.value = 3.0
>>> "told the truth" in explorer.summary.value
True
"""

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..charts import privacy as privacy_charts
from ..data import load_population
from ..privacy import (
    DENIABLE_ODDS,
    estimate_proportion,
    posterior_yes,
    privacy_loss,
    randomized_response,
    truth_probability,
)
from ..privacy.loss import chance_words, in_100, rounding_said
from . import controls as sliders
from .base import Explorer, show_chart, text_block
from .plain_words import count_words

#: The questions on offer and how to read each person's true answer from the data.
QUESTIONS = {
    "Secret relationship?": lambda df: df["secret_relationship"],
    "Health condition?": lambda df: df["health_condition"] != "none",
}
#: The questions as they are asked.
QUESTION_TEXT = {
    "Secret relationship?": "Have you ever had a secret relationship?",
    "Health condition?": "Do you live with a health condition?",
}
SHOWN_RESPONDENTS = 8
CELL = "style='padding:0.15em 0.9em 0.15em 0;text-align:left'"


class SurveyExplorer(Explorer):
    """Question, epsilon, class size; the estimate with error bars, each answer's deniability."""

    def __init__(self, population: pd.DataFrame, *, rng: np.random.Generator) -> None:
        super().__init__()
        self.population = population
        self.rng = rng
        # a radio group, not a Dropdown: its arrow keys work inside JupyterLab (base.INTERACTIVE).
        self.question = sliders.ToggleButtons(
            options=list(QUESTIONS),
            description="Question",
            tooltips=[QUESTION_TEXT[q] for q in QUESTIONS],
            style={"description_width": "initial", "button_width": "12em"},
        )
        self.epsilon = sliders.FloatSlider(
            value=1.0, min=0.1, max=5.0, step=0.1, description="epsilon",
            continuous_update=False, readout_format=".1f",
        )  # fmt: skip
        self.class_size = sliders.IntSlider(
            value=30, min=10, max=500, step=10, description="Class size",
            continuous_update=False, readout_format="{:d} people",
        )  # fmt: skip
        self.ask_again = widgets.Button(
            description="Ask again", tooltip="Draw a new class and new coin flips"
        )
        self.deniability = widgets.HTML()
        self._class = None
        self._assemble([self.question, self.epsilon, self.class_size], extra=[self.ask_again])
        self.view.children += (self.deniability,)
        self.ask_again.on_click(lambda _button: self.refresh(new_class=True))
        self.refresh()

    def refresh(self, *, new_class: bool = False) -> None:
        # The same class keeps its members when epsilon or the question changes (only the coins
        # are new); a new size or "Ask again" draws a new class.
        if new_class or self._class is None or len(self._class) != self.class_size.value:
            rows = self.rng.choice(len(self.population), size=self.class_size.value, replace=False)
            self._class = self.population.iloc[np.sort(rows)]
        truths = QUESTIONS[self.question.value](self._class).to_numpy(dtype=bool)
        prior = float(QUESTIONS[self.question.value](self.population).mean())
        eps = self.epsilon.value
        self.answers = randomized_response(truths, epsilon=eps, rng=self.rng)
        self.estimate = estimate_proportion(self.answers, epsilon=eps)
        self.true_share = float(truths.mean())
        table = pd.DataFrame(
            {
                "what": ["answered yes", "estimated true share", "true share (hidden)"],
                "value": [self.answers.mean(), self.estimate.clipped, self.true_share],
                "low": [self.answers.mean(), self.estimate.low, self.true_share],
                "high": [self.answers.mean(), self.estimate.high, self.true_share],
            }
        )
        show_chart(self.chart, privacy_charts.survey_chart(table))
        self.summary.value = text_block(self._headline(), self._details(eps))
        self.deniability.value = self._deniability_html(prior, eps)

    def _headline(self) -> str:
        e, n = self.estimate, self.estimate.n
        # At a small epsilon the interval can be all of 0% to 100%: then an estimate such as
        # "0%" promises what the survey does not know, so say that it learned nothing instead.
        if tells_nothing(e):
            estimate = (
                "anything from 0% to 100% (its 95% interval): at this epsilon and class size "
                "the coin hides the answers, and the survey learns nothing about the share"
            )
        else:
            estimate = f"{e.clipped:.0%} (95% interval {e.low:.0%} to {e.high:.0%})"
        truly = count_words(round(self.true_share * n), n)
        return (
            f"'{QUESTION_TEXT[self.question.value]}' Estimated share who would truly answer yes: "
            f"{estimate}. In this class, {truly} truly would (hidden from the survey)."
        )

    def _details(self, eps: float) -> list[str]:
        p = truth_probability(epsilon=eps)
        said_yes = count_words(int(self.answers.sum()), self.estimate.n)
        # No standard error and no "wider than a plain survey's": neither is taught, and at
        # epsilon 5 with a class of 10 the first reads 0% and the second is not true.
        return [
            f"Each of the {self.estimate.n} respondents told the truth with a chance of "
            f"{chance_words(p)} (epsilon = {eps:.1f}) and the opposite otherwise, by a private "
            "coin flip.",
            f"{said_yes[0].upper()}{said_yes[1:]} answered yes; the estimate takes away the "
            "yeses the coin is expected to have forced.",
        ]

    def _deniability_html(self, prior: float, eps: float) -> str:
        if_yes, if_no = answer_words(prior, eps)
        rows = "".join(
            f"<tr><th scope='row' {CELL}>Respondent {i + 1}</th>"
            f"<td {CELL}>{'yes' if a else 'no'}</td>"
            f"<td {CELL}>{if_yes if a else if_no}</td></tr>"
            for i, a in enumerate(self.answers[:SHOWN_RESPONDENTS])
        )
        intro = (
            f"About {in_100(prior)} of the whole population would truly answer yes. Hearing one "
            f"person's 'yes' moves that to {if_yes}, a 'no' to {if_no}: the odds move by "
            f"at most e^epsilon = {privacy_loss([eps]).odds_factor:.1f} times. "
            f"{deniability_sentence(eps)}"
        )
        return (
            f"<div class='osmosis-deniability'><p>{html.escape(intro)}</p>"
            '<table aria-label="Each respondent\'s deniability">'
            f"<caption>Each respondent's deniability (first {SHOWN_RESPONDENTS})</caption>"
            f"<tr><th scope='col' {CELL}>who</th><th scope='col' {CELL}>answer sent</th>"
            f"<th scope='col' {CELL}>chance the true answer is yes</th></tr>"
            f"{rows}</table></div>"
        )

    @classmethod
    def with_lesson_data(cls) -> "SurveyExplorer":
        return cls(load_population(), rng=np.random.default_rng(2019))


def tells_nothing(estimate) -> bool:
    """Whether the estimate's interval, as printed, is all of 0% to 100%.

    >>> from osmosis_lab.privacy import estimate_proportion
    >>> tells_nothing(estimate_proportion([True] * 4 + [False] * 6, epsilon=0.1))
    True
    >>> tells_nothing(estimate_proportion([True] * 4 + [False] * 6, epsilon=5.0))
    False
    """
    return f"{estimate.low:.0%}" == "0%" and f"{estimate.high:.0%}" == "100%"


def answer_words(prior: float, epsilon: float) -> tuple[str, str]:
    """The chance that someone truly answers yes, after hearing their 'yes' and their 'no'.

    One answer of randomized response moves the odds by exactly e^ε, so after a 'yes' it is
    the worst case :func:`~osmosis_lab.privacy.privacy_loss` allows, written as every worst case
    in lesson 03 is (rounded up, and saying so). After a 'no' it is what is left of the worst
    case for a 'no' (rounded down, and saying so): the same one rule, seen from the other side.

    >>> answer_words(0.06, 5.0)
    ('91 in 100 (90.5 rounded up)', 'less than 1 in 100')
    """
    if_no = posterior_yes(False, prior=prior, epsilon=epsilon)
    return privacy_loss([epsilon], prior=prior).worst_case_words(), rounding_said(if_no, "down")


def deniability_sentence(epsilon: float) -> str:
    """Whether one answer at ``epsilon`` stays deniable, quoting the worst case it allows.

    Computed by :func:`~osmosis_lab.privacy.privacy_loss` for someone an observer knew
    nothing about (a 50 in 100 prior); "deniable" is its :attr:`~PrivacyLoss.deniable`.

    >>> deniability_sentence(1.0)  # doctest: +ELLIPSIS
    "...could at worst be 73.1 in 100 sure it is true (exactly the chance...), with 26.9 in 100 left..."
    >>> deniability_sentence(5.0)  # doctest: +ELLIPSIS
    "...could at worst be 99.3 in 100 sure it is true (...: the answer is no longer deniable..."
    """
    worst = privacy_loss([epsilon], prior=0.5)
    # From an even prior the worst case is exactly the chance that the coin tells the truth, so
    # it is written as that chance is, one figure for one chance (issue 12, w54: "73%" beside
    # "74 in 100 (73.1 rounded up)"); the verdict is computed from the exact chance.
    truth = truth_probability(epsilon=epsilon)
    coin = f"with {chance_words(1 - truth)} left that it was the coin"
    limit = DENIABLE_ODDS / (1 + DENIABLE_ODDS)  # the worst case for an even prior at that odds
    same = f"exactly the chance that the coin tells the truth at epsilon {epsilon:g}"
    rule = (
        f"(This lesson calls an answer deniable while it stays at {in_100(limit)} or less: "
        f"at least 1 chance in {1 + DENIABLE_ODDS:g} that it was the coin.)"
    )
    verdict = "the answer stays deniable" if worst.deniable else "the answer is no longer deniable"
    return (
        "An observer who had no idea about someone (50 in 100) and hears their 'yes' could at "
        f"worst be {chance_words(truth)} sure it is true ({same}), {coin}: {verdict}. {rule}"
    )
