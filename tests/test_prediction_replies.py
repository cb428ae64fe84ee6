"""A prediction's reply says what the learner predicted and what the data show (issue 12).

Learners in walkthroughs read "Noted:" and where to look, but never what they had predicted
against what turned out true, so they could not tell how far off they were. Every prediction
of lessons 01-05 (those a lesson gates a result on, found by ``test_predictions_alike``) now
answers an answer unlike the data with both: the learner's answer in the words their control
showed (a button's label, a typed number or phrase) and the true value, computed by the check
from the same source it judges with. Before an answer there is nothing to say it with: the
"not attempted" replies say neither (and the gate tests keep the result hidden until then).
"""

import re

import pytest

from osmosis_lab.check.exercise import normalise_phrase
from osmosis_lab.check.said import said_back
from test_predictions_alike import EXERCISES, PREDICTIONS, other_answers

#: Sentence ends a 16-year-old reads as one ("3.5" and "e.g." are not).
_SENTENCE_END = re.compile(r"[.?!](?=\s+[A-Z\"'(]|\s*$)")


def truth_words(exercise) -> list[str]:
    """The true value, in the words a learner reads, found without the check's ``shows``: the
    right option's label, each right pick's label, each right pair, the right number."""
    check = exercise.check
    if exercise.kind == "choice":
        return [
            exercise.label(o) for o in exercise.choices() if check.verdict(o).status == "correct"
        ]
    if exercise.kind == "picks":
        right = check.reference()
        return [exercise.label(o) for o in exercise.choices() if o.casefold() in right]
    if exercise.kind == "pairs":
        return [f"{who} with {partner}" for who, partner in check.reference().items()]
    if exercise.kind == "number":
        return [said_back(check.reference())]
    namespace = {}  # a phrase: the solution's own words (it assigns a plain string)
    exec(exercise.solution, namespace)  # noqa: S102 - the exercise's own source
    return [normalise_phrase(namespace[exercise.variable])]


def answer_words(exercise, answer) -> list[str]:
    """The learner's answer as their control showed it."""
    if isinstance(answer, dict):
        return [f"{who} with {partner}" for who, partner in answer.items()]
    if isinstance(answer, set | frozenset):
        return [exercise.label(a) for a in answer]
    if isinstance(answer, str):
        return [exercise.label(answer)]
    return [said_back(answer)]


@pytest.mark.parametrize("name", PREDICTIONS)
def test_a_noted_prediction_says_the_answer_in_its_shown_words_and_the_true_value(name):
    exercise = EXERCISES[name]
    truth = truth_words(exercise)
    assert truth, f"{name}: no right answer found among its options"
    noted = 0
    for answer in other_answers(exercise):
        verdict = exercise.check.verdict(answer)
        if verdict.label != "Noted:":
            continue
        noted += 1
        reply = str(verdict)
        said = reply if exercise.kind != "phrase" else normalise_phrase(reply)
        for words in answer_words(exercise, answer):
            assert f"“{words}”" in reply or words in reply, (answer, reply)
        for words in truth:
            assert words in said, (words, reply)
        assert len(_SENTENCE_END.findall(reply)) <= 2, ("short: a 16-year-old reads it", reply)
    assert noted, f"{name}: no answer was noted"


@pytest.mark.parametrize("name", PREDICTIONS)
def test_nothing_is_said_of_the_data_before_an_answer(name):
    check = EXERCISES[name].check
    shows = check.shows()
    for unanswered in (..., object()):
        verdict = check.verdict(unanswered)
        assert verdict.status == "not attempted", str(verdict)
        assert shows not in verdict.message and "you predicted" not in verdict.message
