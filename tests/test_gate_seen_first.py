"""A prediction answered after "Show anyway" is kept as seen first (issue 12, item 3, w52).

w52 pressed Show anyway, read the result, then answered the prediction: it was kept, exported
and counted by the teacher's class view as an ordinary prediction, "right first time". Now the
record keeps ``"seen_first": true``, the verdict says so, the export's readable part says so,
and the class view counts it in a row of its own, never as a prediction made blind.
"""

import html
import re

import ipywidgets as widgets
import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercises import exercise
from osmosis_lab.explorers import gate, my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.gate import reveal_after
from osmosis_lab.records.export import export_markdown
from osmosis_lab.teacher import parse_export
from osmosis_lab.teacher.tables import SEEN_FIRST_ROW, exercise_counts
from sequences import click, update

NAME = "top_band_prediction"  # lesson 04's prediction before the certainty dial


@pytest.fixture(autouse=True)
def _nobody_signed_in():
    """A new kernel: nobody signed in, and no gate of another test following our control
    (a gate shown anyway tells each newer control of its exercise: this kernel saw it)."""
    my_work.sign_out()
    gate._WAITING.pop(NAME, None)
    yield
    my_work.sign_out()
    gate._WAITING.pop(NAME, None)


def said(control) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", control.verdict.value)).split())


def right_choice(control) -> int:
    """The index of the option the check calls correct (so "right first time" is at stake)."""
    options = exercise(NAME).choices()
    return next(i for i, o in enumerate(options) if exercise(NAME).check.is_correct(o))


def answer(control, index: int) -> None:
    update(control.choice, index=index)
    click(control.check_button)


def class_row(record: MemoryRecord) -> dict:
    lesson = exercise(NAME).lesson
    text = export_markdown("Zoé", {lesson: dict(record)}, exported_at="2026-01-05T10:00:00Z")
    work = parse_export(text, source="zoe.md")
    return text, work, exercise_counts([work])[f"{lesson}/{NAME}"]


def test_answered_after_show_anyway_is_kept_said_and_counted_as_seen_first():
    record = MemoryRecord()
    control = answer_control(NAME, record=record)
    shown = reveal_after(NAME, widgets.HTML("the result"))
    click(shown.show_anyway)
    assert shown.shown
    answer(control, right_choice(control))
    assert record.get(NAME)["seen_first"] is True and record.get(NAME)["tries"] == 1
    assert "after seeing the result (Show anyway)" in said(control)
    text, work, row = class_row(record)
    assert "answered after seeing the result" in text
    assert work.answers[f"{exercise(NAME).lesson}/{NAME}"].seen_first
    assert row[SEEN_FIRST_ROW] == 1 and row["right first time"] == 0


def test_a_prediction_made_before_the_result_is_not_marked():
    record = MemoryRecord()
    control = answer_control(NAME, record=record)
    shown = reveal_after(NAME, widgets.HTML("the result"))
    answer(control, right_choice(control))
    assert shown.shown and "seen_first" not in record.get(NAME)
    click(shown.show_anyway)  # pressed after: the result was already shown by the answer
    answer(control, (right_choice(control) + 1) % len(exercise(NAME).choices()))
    assert "seen_first" not in record.get(NAME)
    assert "after seeing the result" not in said(control)
    _text, _work, row = class_row(record)
    assert row["right first time"] == 0 and SEEN_FIRST_ROW not in row  # right, then changed
