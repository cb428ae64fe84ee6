"""Lessons 01 and 02's step explorers from the keyboard: the end stays, each step is announced.

Lesson 01's step-through (issue 12, item 2; w47, w48): after Play to the end the focus went to
Start again, so a learner pressing Enter to go on started it all again and lost the end. The
focus now goes to "✓ Finished", which does nothing; Start again needs its own press.
Lesson 02's timeline (item 3): its live region was the whole list under the chart, so each step
re-read the instruction and every violation, never the step. Now the step is the live region.
"""

from .gates import show_gated_results

LESSON_01 = "lessons/01_what_is_a_match.ipynb"
LESSON_02 = "lessons/02_consent.ipynb"


def focused_text(lab) -> str:
    return lab.page.evaluate("() => (document.activeElement.innerText || '').trim()")


def test_enter_after_the_end_keeps_the_end_and_start_again_needs_its_own_press(lab):
    show_gated_results(lab.open(LESSON_01).run_all())
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


def test_each_timeline_step_announces_its_event_not_the_list(lab):
    show_gated_results(lab.open(LESSON_02).run_all())
    timeline = lab.control("Step")  # the first step slider: Esther's timeline
    region = timeline.region
    for expected in (
        ["Step 2 of 10. Day 0.", "Niels's mother signs him up", "No violation at this step."],
        ["Step 3 of 10."],
        ["Step 4 of 10."],
        ["Step 5 of 10. Day 9.", "Esther pushes memories", "flags at least one violation"],
    ):
        timeline.press("ArrowRight")
        live = region.locator("[aria-live]:not(:empty)")  # the edge note: empty, silent
        assert live.count() == 1, [live.nth(i).inner_text() for i in range(live.count())]
        said = live.first.inner_text().replace("\xa0", " ")
        for words in expected:
            assert words in said, said
        assert "count the violations yourself" not in said
        assert "violations so far" not in said  # Exercise 2's count stays held back
        assert "This step adds" not in said  # and so do the steps' own counts
    lab.assert_no_errors()
