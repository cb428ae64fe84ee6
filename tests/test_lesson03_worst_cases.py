"""Lesson 03 writes each worst case one way: the same ε and prior print the same words everywhere.

M. Baptiste found the same worst case (ε = 5, prior 6 in 100) as "91 in 100" in Part 4's cell and
"moves that to 90%" in the survey, and "73 answers in 100 are true" beside "could at worst be
74 in 100 sure" with nothing linking them. Here Part 4's cell runs as the lesson runs it, and
its words for each ε are compared with what the survey and the noise dial print for that ε and
the same prior; a worst case that was rounded up says so where it is printed. (From an even prior
the worst case is the coin's own truth chance, said with one figure: test_sentences_survey_one_chance.)
"""

import contextlib
import html
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest

from osmosis_lab import data
from osmosis_lab.explorers.privacy_noise import NoiseExplorer
from osmosis_lab.explorers.privacy_survey import SurveyExplorer
from osmosis_lab.privacy import privacy_loss, truth_probability

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "03_privacy.ipynb"
POPULATION = data.load_population()
#: "N in 100", "more than 99 in 100" or "less than 1 in 100", with what follows it in brackets
WORDS = r"((?:more|less) than \d+ in 100|\d+ in 100(?: \([0-9.]+ rounded (?:up|down)\))?)"


def part_4_cell_output() -> str:
    """Part 4's first cell, run with the lesson's data: the worst case at three epsilons."""
    cells = json.loads(LESSON.read_text())["cells"]
    code = next(
        "".join(c["source"]) for c in cells
        if c["cell_type"] == "code" and "for epsilon in (0.5, 1, 5)" in "".join(c["source"])
    )  # fmt: skip
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {"population": POPULATION, "privacy_loss": privacy_loss})
    return printed.getvalue()


def plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


@pytest.fixture(scope="module")
def survey():
    return SurveyExplorer(POPULATION, rng=np.random.default_rng(2019))


@pytest.fixture(scope="module")
def dial():
    return NoiseExplorer(POPULATION, rng=np.random.default_rng(2019))


def test_part_4_the_survey_and_the_dial_print_the_same_words(survey, dial):
    said = dict(
        zip((0.5, 1.0, 5.0), re.findall(r"now think it is " + WORDS, part_4_cell_output()),
            strict=True)
    )  # fmt: skip
    survey.question.value = "Secret relationship?"
    dial.query.value = "Secret relationship"
    for eps, words in said.items():
        survey.epsilon.value = eps
        dial.epsilon.value = eps
        assert f"'yes' moves that to {words}, a 'no'" in plain(survey.deniability.value), eps
        assert f"would make it {words} in the worst case" in plain(dial.summary.value), eps
    assert said[5.0] == "91 in 100 (90.3 rounded up)", said


def test_the_survey_table_prints_its_worst_case_the_same_way_at_every_epsilon(survey):
    survey.question.value = "Secret relationship?"
    prior = float(POPULATION["secret_relationship"].mean())
    for index in range(len(survey.epsilon.labels)):
        survey.epsilon.index = index
        eps = survey.epsilon.value
        words = privacy_loss([eps], prior=prior).worst_case_words()
        text = plain(survey.deniability.value)
        assert f"'yes' moves that to {words}," in text, eps
        rows = re.findall(r"Respondent \d+ (yes|no) " + WORDS, text)
        assert rows and all(w == words for answer, w in rows if answer == "yes"), (eps, rows)


def test_the_worst_case_from_an_even_prior_is_the_coins_own_chance(survey):
    """At ε = 1 the lesson says the coin tells the truth with a chance of 73.1 in 100; the worst
    case from 50 in 100 is that same chance, so it is printed with that same figure, and called
    the coin's (issue 12: not "74 in 100 (73.1 rounded up)" beside "73%")."""
    survey.epsilon.value = 1.0
    text = plain(survey.deniability.value)
    coin = truth_probability(epsilon=1.0)
    assert f"could at worst be {100 * coin:.1f} in 100 sure it is true" in text
    assert "exactly the chance that the coin tells the truth at epsilon 1" in text
