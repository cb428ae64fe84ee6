"""Lesson 01's step-through from the keyboard: the end stays (issue 12, item 2; w47, w48).

After Play to the end the focus went to Start again, so a learner pressing Enter to go on
started it all again and lost the end. The focus now goes to "✓ Finished", which does nothing;
Start again needs its own press. (Lesson 02's timeline: ``test_timeline_announcements.py``.)
"""

from .gates import show_gated_results

LESSON = "lessons/01_what_is_a_match.ipynb"
#: The step-through explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("StepThroughExplorer(",)


def focused_text(lab) -> str:
    return lab.page.evaluate("() => (document.activeElement.innerText || '').trim()")


def test_enter_after_the_end_keeps_the_end_and_start_again_needs_its_own_press(lesson):
    lab = show_gated_results(lesson)
    step = lab.control("Next proposal")
    lab.control("Play to the end").activate()  # fails if the focus left the explorer
    assert "proposal 7 of 7" in step.readout()
    before = lab.comm_sent()
    lab.page.keyboard.press("Enter")  # one more Enter, where the focus is
    lab.wait_for_keys(before)
    said = step.readout()
    assert "proposal 7 of 7" in said and "Final pairs: Ada and X, Ben and Y" in said, said
    assert focused_text(lab) == "✓ Finished: all 7 proposals shown"
    # Tab leads on to Back and Start again (Next and Play are disabled): a press of its own
    lab.control("Start again").activate()
    assert "proposal 0 of 7" in step.readout()
    lab.assert_no_errors()
