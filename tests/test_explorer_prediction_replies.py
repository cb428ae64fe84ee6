"""A prediction's reply through its answer control, as a learner clicks it (issue 12).

For every choice prediction of lessons 01-05: each button a learner may press, unlike the
data, is said back by the words on that button, beside the right button's words; and the
result gated on the prediction stays hidden until the press (the rest of the gate is
``test_gate``'s). The checks' replies for every kind are ``test_prediction_replies``'s.
"""

import ipywidgets as widgets
import pytest

from learner_steps import said
from memory_record import MemoryRecord
from osmosis_lab.check.quoting import quoted
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.gate import reveal_after
from sequences import click, update
from test_predictions_alike import EXERCISES, PREDICTIONS

CHOICES = [name for name in PREDICTIONS if EXERCISES[name].kind == "choice"]


pytestmark = pytest.mark.usefixtures("nobody_signed_in")


def test_every_choice_prediction_is_here():
    assert len(CHOICES) >= 8, CHOICES


@pytest.mark.parametrize("name", CHOICES)
def test_each_button_unlike_the_data_is_said_back_beside_the_right_one(name):
    buttons = answer_control(name, record=MemoryRecord()).choice._options_labels
    replies = {}
    for index, label in enumerate(buttons):
        control = answer_control(name, record=MemoryRecord())
        gate = reveal_after(name, widgets.HTML("the result"), control=control)
        assert gate.result_box.layout.display == "none", "shown before the prediction"
        update(control.choice, index=index)
        click(control.check_button)
        assert gate.result_box.layout.display != "none", "still hidden after the prediction"
        replies[label] = said(control.verdict)
    right = [label for label, reply in replies.items() if reply.startswith("Correct!")]
    assert len(right) == 1, replies
    noted = {label: reply for label, reply in replies.items() if label not in right}
    for label, reply in noted.items():
        assert reply.startswith("Noted: you predicted"), reply
        assert quoted(label) in reply and quoted(right[0]) in reply, reply
