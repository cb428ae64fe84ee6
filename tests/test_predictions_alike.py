"""Every prediction in the lessons answers alike (issue 12, a teacher's report).

A prediction is asked before its result is shown, and the lesson hides that result until it is
answered (``reveal_after``). A prediction unlike the data is not wrong work: the check says
"Noted:" and where to look, never "Not yet:" (``Check(prediction=True)``, check/core.py). A
teacher saw lesson 04's top band answer "Correct!" and lesson 03's predictions "Noted": both are
this rule (a right prediction is "Correct!", any other "Noted:"). What did differ: five gated
predictions in lessons 01, 02 and 05 were not marked as predictions and said "Not yet:".
"""

import json
import re

import pytest

from conftest import LESSONS
from osmosis_lab.check.exercises import all_exercises

EXERCISES = all_exercises()


def gated() -> set[str]:
    """The exercises whose result a lesson hides until they are answered: its predictions."""
    names = set()
    for path in LESSONS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            names |= set(re.findall(r'reveal_after\(\s*"(\w+)"', "".join(cell["source"])))
    return names


PREDICTIONS = sorted(gated())


def test_the_lessons_gate_predictions_of_every_kind():
    assert {"top_band_prediction", "lucas_narrowing_prediction"} <= set(PREDICTIONS)
    assert set(PREDICTIONS) <= set(EXERCISES), set(PREDICTIONS) - set(EXERCISES)


def test_an_exercise_is_judged_as_a_prediction_exactly_when_its_result_is_gated():
    marked = {name for name, exercise in EXERCISES.items() if exercise.check.prediction}
    assert marked == set(PREDICTIONS), {
        "gated, judged as work ('Not yet:')": sorted(set(PREDICTIONS) - marked),
        "judged as a prediction, nothing gated on it": sorted(marked - set(PREDICTIONS)),
    }


def other_answers(exercise) -> list:
    """Answers a learner may give: every option of a choice, each misconception's example, and
    an answer like no other."""
    answers = list(exercise.choices()) if exercise.kind == "choice" else []
    answers += [m.example for m in exercise.check.misconceptions if m.example is not None]
    # text that is no number is no answer to a number prediction: the box and the code cell
    # refuse it alike (tests/test_number_messages_true.py)
    return answers if exercise.kind == "number" else [*answers, "something else entirely"]


@pytest.mark.parametrize("name", PREDICTIONS)
def test_every_prediction_notes_an_answer_unlike_the_data_and_never_says_not_yet(name):
    check = EXERCISES[name].check
    labels = {}
    for answer in other_answers(EXERCISES[name]):
        verdict = check.verdict(answer)
        assert verdict.status in ("correct", "hint"), (answer, str(verdict))
        labels[repr(answer)] = verdict.label
    assert "Noted:" in labels.values(), labels
    assert set(labels.values()) <= {"Noted:", "Correct!"}, labels
