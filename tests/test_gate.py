"""Predict, then see: the gated reveal (issue 13), headless, as the browser drives it.

A result gated on a prediction is hidden (``display: none``, with a status that says why
and a "Show anyway" button) until the prediction's answer control holds a checked answer:
clicked, restored from the record after a reload, or restored at sign-in after a restart.
Each lesson's prediction prompts are answer controls, and the result after each is gated.
"""

import html
import re
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pandas as pd
import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.gate import CSS_CLASS, reveal_after
from osmosis_lab.explorers.live import LiveText
from osmosis_lab.explorers.matching_steps import StepThroughExplorer
from osmosis_lab.records import RecordStore
from sequences import click, update

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
#: Each prediction prompt of lessons 01-05: its exercise, and the result cell gated on it.
GATED = {
    "01_what_is_a_match": {"hand_matching", "men_first_choices_when_women_propose"},
    "02_consent": {"consent_is_specific"},
    "03_privacy": {
        "export_harm_prediction",
        "lucas_narrowing_prediction",
        "survey_closeness_prediction",
    },
    "04_trust": {"top_band_prediction", "lucas_same_match_prediction"},
    "05_design_review": {
        "review_noisy_counts_prediction",
        "review_proposing_side",
        "still_learned_prediction",
        "outage_with_human_only_prediction",
    },
}


def hidden(gate) -> bool:
    return gate.result_box.layout.display == "none" and not gate.shown


def said(gate) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", gate.status.value))


pytestmark = pytest.mark.usefixtures("nobody_signed_in")


def test_hidden_until_a_prediction_is_checked():
    control = answer_control("men_first_choices_when_women_propose", record=MemoryRecord())
    explorer = StepThroughExplorer()
    gate = reveal_after("men_first_choices_when_women_propose", explorer)
    assert hidden(gate) and explorer.view in gate.result_box.children
    assert isinstance(gate.status, LiveText)  # said when it changes (explorers.live)
    assert "hidden until you answer the prediction" in said(gate) and "Show anyway" in said(gate)
    assert gate.show_anyway.description == "Show anyway" and gate.show_anyway.tooltip
    click(control.check_button)  # nothing typed: not a prediction
    assert control.status == "not attempted" and hidden(gate)
    update(control.text, value="3")  # a wrong prediction is still a prediction
    click(control.check_button)
    assert control.status == "hint" and not hidden(gate)
    assert "Your prediction is in" in said(gate)
    assert gate.show_anyway.layout.display == "none"  # nothing left to show
    update(control.text, value="")  # changing the answer does not hide it again
    assert not hidden(gate)


def test_show_anyway_reveals_without_a_prediction():
    answer_control("hand_matching", record=MemoryRecord())
    gate = reveal_after("hand_matching", StepThroughExplorer())
    click(gate.show_anyway)
    assert not hidden(gate) and gate.reason == "shown anyway"
    assert "Shown without a prediction" in said(gate)


def test_show_anyway_keeps_the_button_that_holds_the_focus():
    """Enter on a button that then hides (or is disabled) drops the keyboard focus to the page,
    where JupyterLab takes the next key: the pressed button stays, in a state that says so."""
    answer_control("hand_matching", record=MemoryRecord())  # its own, not the test above's
    gate = reveal_after("hand_matching", widgets.HTML("result"))
    click(gate.show_anyway)
    button = gate.show_anyway
    assert button.layout.display != "none" and not button.disabled
    assert button.description == "Shown below" and "shown" in button.tooltip
    click(button)  # pressed again: it says so, and the result stays
    assert not hidden(gate) and said(gate) == "Already shown: the result is below this button."


def test_a_kept_answer_reveals_after_a_reload():
    record = MemoryRecord()
    first = answer_control("top_band_prediction", record=record)
    update(first.choice, index=0)
    click(first.check_button)
    again = answer_control("top_band_prediction", record=record)  # the page reloaded
    gate = reveal_after("top_band_prediction", pd.DataFrame({"band": ["90-100 %"]}))
    assert gate.control is again and not hidden(gate) and gate.reason == "answered"


def test_a_kept_answer_reveals_at_sign_in_after_a_restart(tmp_path):
    RecordStore(tmp_path).save(
        "Zoé", "02_consent", {"consent_is_specific": {"answer": "allowed", "tries": 1}}
    )
    # Run All after a restart: the control and the gate are built before anyone signs in
    answer_control("consent_is_specific")
    gate = reveal_after("consent_is_specific", "wrong_purpose\nthe reason\nthe rule")
    assert hidden(gate)
    door = my_work.sign_in("02_consent", folder=tmp_path)
    update(door.name, value="Zoé")
    click(door.open)
    assert not hidden(gate) and gate.reason == "answered"


def test_the_gate_follows_a_control_whose_cell_is_run_again():
    answer_control("hand_matching", record=MemoryRecord())
    gate = reveal_after("hand_matching", widgets.HTML("result"))
    newer = answer_control("hand_matching", record=MemoryRecord())
    assert gate.control is newer
    for person, partner in {"Ada": "X", "Ben": "Y", "Cyd": "Z", "Dev": "W"}.items():
        update(newer.partners[person], index=newer.exercise.choices()[1].index(partner))
    click(newer.check_button)
    assert newer.status == "correct" and not hidden(gate)


def test_text_and_tables_are_held_as_outputs_the_site_can_print():
    text = reveal_after("consent_is_specific", "wrong_purpose")
    table = reveal_after("top_band_prediction", pd.DataFrame({"a": [1]}))
    (out,) = text.result_box.children
    assert out.outputs[0]["text"] == "wrong_purpose\n"
    assert "text/html" in table.result_box.children[0].outputs[0]["data"]
    assert CSS_CLASS in text.view._dom_classes


@pytest.mark.parametrize("lesson", sorted(GATED))
def test_every_prediction_is_an_answer_control_and_gates_the_result_after_it(lesson):
    notebook = nbformat.read(LESSONS / f"{lesson}.ipynb", as_version=4)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    gated = {m for s in code for m in re.findall(r'reveal_after\("(\w+)"', s)}
    assert gated == GATED[lesson]
    for name in GATED[lesson]:
        exercise = all_exercises()[name]
        assert exercise.lesson == lesson and exercise.control
        control = next(i for i, s in enumerate(code) if s == exercise.control_cell())
        result = next(i for i, s in enumerate(code) if f'reveal_after("{name}"' in s)
        assert control < result, f"{name}: the result comes before its prediction"
