"""Lesson 02's timeline from the keyboard: each step announces its event (issue 12, item 3).

Its live region was the whole list under the chart, so each step re-read the instruction and
every violation, never the step. Now the step is the live region.
"""

from .gates import show_gated_results

LESSON = "lessons/02_consent.ipynb"
#: Esther's timeline explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("TimelineExplorer(",)


def test_each_timeline_step_announces_its_event_not_the_list(lesson):
    lab = show_gated_results(lesson)
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
