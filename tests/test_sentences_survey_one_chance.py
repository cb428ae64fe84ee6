"""Lesson 03 names the chance the coin tells the truth with one figure, wherever it says it.

Léa (w54, issue 12) read "told the truth with probability 73% (epsilon = 1.0)" and, below it,
"could at worst be 74 in 100 (73.1 rounded up) sure … (the chance that the coin tells the truth
at epsilon 1)", while the lesson and Exercise 4's hint said 73 and 27 in 100: one chance, two
numbers (88 % and 89 at ε 2, 52 % and 53 at ε 0.1). Here, at every ε the survey offers, the
figure the summary gives for the truth-telling chance is the one the deniability sentence gives
for the worst case from an even prior, both are e^ε / (1 + e^ε) as written, and what is left
for the coin adds up to 100 with it; at ε = 1 the lesson's prose and the exercise say the same.
"""

import html
import json
import math
import re
from decimal import Decimal
from pathlib import Path

import numpy as np

from osmosis_lab import data
from osmosis_lab.check import lesson03_dp
from osmosis_lab.explorers.privacy_survey import SurveyExplorer
from sentence_sweep import positions

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "03_privacy.ipynb"
FIGURE = r"(\d+(?:\.\d+)?) in 100"


def plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def figures(survey: SurveyExplorer) -> tuple[str, str, str]:
    """The truth-telling chance, the even-prior worst case and the coin's share, as printed."""
    summary, deniability = plain(survey.summary.value), plain(survey.deniability.value)
    truth = re.search(r"told the truth with a chance of " + FIGURE, summary)
    worst = re.search(r"could at worst be " + FIGURE + " sure it is true", deniability)
    left = re.search(r"with " + FIGURE + " left that it was the coin", deniability)
    assert truth and worst and left, (summary, deniability)
    return truth[1], worst[1], left[1]


def test_one_figure_for_the_truth_chance_at_every_epsilon():
    survey = SurveyExplorer(data.load_population(), rng=np.random.default_rng(2019))
    seen = set()
    for move in positions(survey.epsilon):
        move()
        eps = survey.epsilon.value
        truth, worst, left = figures(survey)
        assert truth == worst, (eps, truth, worst)
        chance = 100 * math.exp(eps) / (1 + math.exp(eps))  # the coin, from its definition
        decimals = len(truth.partition(".")[2])
        assert abs(float(truth) - chance) <= 0.5 * 10**-decimals + 1e-9, (eps, truth)
        assert float(truth).is_integer() == math.isclose(chance, round(chance)), (eps, truth)
        assert Decimal(truth) + Decimal(left) == 100, (eps, truth, left)
        seen.add(eps)
    assert len(seen) == len(survey.epsilon.labels) == 50


def test_the_lesson_and_exercise_4_say_the_explorers_figures_at_epsilon_1():
    survey = SurveyExplorer(data.load_population(), rng=np.random.default_rng(2019))
    survey.epsilon.value = 1.0
    truth, _worst, left = figures(survey)
    prose = " ".join(
        "".join(c["source"]) for c in json.loads(LESSON.read_text())["cells"]
        if c["cell_type"] == "markdown"
    )  # fmt: skip
    prose = re.sub(r"\s+", " ", prose)
    assert f'"tell the truth" with a chance of {truth} in 100' in prose
    assert f"at ε = 1, {left} answers in 100 are the coin's opposite" in prose
    assert f"{truth} − {left} = " in prose
    check = lesson03_dp.randomized_response_estimate
    assert f"{left} on average are the coin's opposite" in check.fallback_hint
    assert f"({left} in 100)" in check.misconceptions[0].hint
