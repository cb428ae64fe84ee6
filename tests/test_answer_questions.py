"""The question an answer control shows asks about the idea, never for Python (issue 13).

A learner who has never coded reads each exercise's question above its answer control; it must
not ask for a Python type or show code markup (backticks print as they are in the control).
"""

import re

import pytest

from osmosis_lab.check.exercises import all_exercises

#: Words and marks that only make sense to someone who codes ("list" and "set" are English too).
PYTHON_TALK = re.compile(
    r"`|\b(strings?|dict|dictionary|tuple|int|float|True|False|None|variable)\b|\w\.\w+\("
)

EXERCISES = all_exercises()


@pytest.mark.parametrize("name", list(EXERCISES))
def test_the_question_asks_for_no_python(name):
    question = EXERCISES[name].question
    found = PYTHON_TALK.search(question)
    assert found is None, f"{name}: {found.group(0)!r} in the question shown: {question!r}"


def test_the_pattern_catches_what_was_there():
    for said in ("Give their name as a string.", "Write the result as a dict", "matching `shaky`"):
        assert PYTHON_TALK.search(said), said
    assert not PYTHON_TALK.search("Name one person who misreports their list.")
