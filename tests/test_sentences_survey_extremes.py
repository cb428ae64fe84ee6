"""Lesson 03's survey explorer at the ends of its controls, read as a learner reads it.

A reviewer found its sentences true but odd at the extremes: "the true share in this class is
0%" and "0 answered yes (0%)" for a class of 10, "standard error 310%" at epsilon 0.1, an
estimate of "0%" whose interval runs from 0% to 100%, and "its interval is wider than a plain
survey's" at epsilon 5 where it is not. Here each sentence's words are recomputed from the
class drawn (the data) and the engine (``estimate_proportion``), at both ends of epsilon and of
the class size, for both questions and several draws, the sliders moved by index as the browser
moves them.
"""

import html
import re

import pytest

from osmosis_lab.explorers.privacy_survey import QUESTIONS, SurveyExplorer
from osmosis_lab.privacy import estimate_proportion


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def people(count: int, total: int) -> str:
    """How many, as the learner must read it: a count in a small class, never "0 people"."""
    if count == 0:
        return "nobody"
    if count == total:
        return f"all {total}"
    return f"{count} of the {total}" + (f" ({count / total:.0%})" if total >= 100 else "")


def read_as_a_learner(survey: SurveyExplorer) -> str:
    """Assert what the summary must say in the survey's current state; return the text."""
    text = plain(survey.summary.value)
    n, eps = survey.class_size.value, survey.epsilon.value
    truly = int(QUESTIONS[survey.question.value](survey._class).sum())
    assert f"In this class, {people(truly, n)} truly would" in text, text
    said = people(int(survey.answers.sum()), n)
    assert f"{said[0].upper()}{said[1:]} answered yes;" in text, text
    estimate = estimate_proportion(survey.answers, epsilon=eps)  # the engine, not the explorer
    low, high = f"{estimate.low:.0%}", f"{estimate.high:.0%}"
    if (low, high) == ("0%", "100%"):  # no estimate to promise: the survey learned nothing
        assert "answer yes: anything from 0% to 100%" in text, text
        assert "the survey learns nothing about the share" in text, text
    else:
        assert f"answer yes: {estimate.clipped:.0%} (95% interval {low} to {high})" in text, text
    # never a number of people that means nobody, nor figures the lesson does not teach or keep
    assert not re.search(r"\b0 (answered|people|of the)\b", text), text
    assert "standard error" not in text and "wider than" not in text, text
    return text


#: New classes and coins drawn at each end ("Ask again"), so each end is read for several draws.
DRAWS = 4


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_survey_reads_well_at_both_ends_of_each_control(question):
    survey = SurveyExplorer.with_lesson_data()
    survey.question.value = question
    seen = []
    for eps_index in (0, len(survey.epsilon.labels) - 1):
        survey.epsilon.index = eps_index
        for size_index in (0, len(survey.class_size.labels) - 1):
            survey.class_size.index = size_index
            for _ in range(DRAWS):
                seen.append(read_as_a_learner(survey))
                survey.ask_again.click()
    # the sweep reached the cases the reviewer met (a floor, so the model above was exercised)
    assert any("learns nothing" in t for t in seen)
    assert any(re.search(r"In this class, (\d+ of the 10|nobody) truly", t) for t in seen)
    assert any(re.search(r"\d+ of the 500 \(\d+%\) answered yes", t) for t in seen)


def test_epsilon_0_1_and_a_class_of_10_says_the_survey_learned_nothing():
    survey = SurveyExplorer.with_lesson_data()
    survey.epsilon.index, survey.class_size.index = 0, 0
    assert (survey.epsilon.value, survey.class_size.value) == (0.1, 10)
    text = read_as_a_learner(survey)
    assert "learns nothing" in text and not re.search(r"answer yes: \d+%", text)


def test_nobody_answering_yes_reads_nobody():
    # epsilon 5, a class of 10, the rarer question: all answers "no" happens for some draw
    survey = SurveyExplorer.with_lesson_data()
    survey.question.value = "Secret relationship?"
    survey.epsilon.index, survey.class_size.index = len(survey.epsilon.labels) - 1, 0
    for _ in range(20):  # "Ask again" draws a new class and new coins, as a learner presses it
        if not survey.answers.any():
            break
        survey.ask_again.click()
    assert not survey.answers.any()
    assert "Nobody answered yes;" in read_as_a_learner(survey)
