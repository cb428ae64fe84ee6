"""A percentage typed without its sign: the hint says how to give it, never what the box refuses.

w57 and w58 typed "13" for a share (lesson 05's informed consents). The box refused it and said
"e.g. 0.4 or 40 %" and then, from the check's hint, "not a percentage": yet "13 %" is read and
judged. Every hint for this slip must agree with the box: the number typed with its sign reads,
and the hint says so.
"""

from __future__ import annotations

import pytest

from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers.answers import answer_control

EXERCISES = all_exercises()

#: (exercise, misconception) for every answer box whose check has a percentage slip.
SLIPS = [
    (exercise, slip)
    for exercise in EXERCISES.values()
    if exercise.kind == "number"
    for slip in exercise.check.misconceptions
    if slip.form_slip and "percent" in slip.hint.casefold()
]


def _typed(name: str, text: str):
    control = answer_control(name)
    control.text.value = text
    control.check_button.click()
    return control.status, control.verdict.value


def test_the_lessons_have_percentage_slips():
    assert len(SLIPS) >= 2, [(e.name, m.name) for e, m in SLIPS]


@pytest.mark.parametrize(("exercise", "slip"), SLIPS, ids=lambda x: getattr(x, "name", ""))
def test_a_percentage_without_its_sign_is_refused_and_told_how_it_reads(exercise, slip):
    status, verdict = _typed(exercise.name, str(slip.example))
    assert status == "not attempted", verdict  # refused: no try counted
    assert slip.hint in verdict
    assert "not a percentage" not in verdict, verdict  # the box reads "40 %": never say it does not
    assert "%" in slip.hint, slip.hint  # how to type it: with its sign


@pytest.mark.parametrize(("exercise", "slip"), SLIPS, ids=lambda x: getattr(x, "name", ""))
def test_the_same_number_with_its_sign_is_read_and_judged(exercise, slip):
    status, verdict = _typed(exercise.name, f"{slip.example} %")
    assert status in ("correct", "hint", "incorrect"), (status, verdict)
