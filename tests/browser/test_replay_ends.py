"""Lesson 02's step explorers at their ends, in JupyterLab from the keyboard.

Next on the last step (and Previous on the first) says so beside the buttons, and the button
keeps the keyboard focus: it is never disabled under the learner's finger.
"""

from .gates import show_gated_results

LESSON = "lessons/02_consent.ipynb"
#: Joséphine's erasure explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("ErasureExplorer(",)


def test_next_past_the_last_step_says_so_and_keeps_the_focus(lesson):
    lab = show_gated_results(lesson)
    erasure_step = lab.control("Step", index=1)  # Joséphine's erasure, the second step slider
    erasure_step.press("End")
    last = erasure_step.value()
    next_step = lab.control("Next step", index=1)
    next_step.activate()  # press() checks the button still holds the focus afterwards
    said = next_step.readout()
    assert f"Step {last} of {last} is the last step: there is no next step" in said, said
    assert erasure_step.value() == last
    erasure_step.press("Home")
    assert "is the last step" not in erasure_step.readout()
    previous = lab.control("Previous step", index=1)
    previous.activate()
    assert "Step 1 is the first step: there is no previous step" in previous.readout()
    lab.assert_no_errors()
