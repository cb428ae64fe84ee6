"""Lesson 02's step explorers announce each step's event, once (issue 12, item 3; w47, w48).

The live region of Esther's timeline was its whole text equivalent: at every step a screen
reader read the instruction ("count the violations yourself ...") and every violation so far
again, and never what that step was. Now the step's own text is the one live region, and the
list under the chart is not live. Each timeline, every step, as the browser moves the slider.
"""

import html
import re

import pytest

from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.consent_erasure import ErasureExplorer
from osmosis_lab.explorers.consent_timeline import TIMELINES, TimelineExplorer
from osmosis_lab.explorers.live import LiveText
from sequences import move_slider, update


def live_regions(explorer) -> list[str]:
    """The text of each live region with words in it (each is an explorers.live.LiveText)."""
    return [w.value for w in descendants(explorer.view) if isinstance(w, LiveText) and w.value]


def read(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", value))


def notes(explorer) -> list[str]:
    """This step's events as the learner reads them (ids replaced by names)."""
    return [explorer.in_words(r.step.note) for r in explorer.moments[explorer.step.value - 1]]


@pytest.mark.parametrize("timeline", list(TIMELINES))
def test_each_step_announces_its_own_event_once(timeline):
    explorer = TimelineExplorer.with_lesson_data()
    update(explorer.timeline, index=list(TIMELINES).index(timeline))
    writes = []
    explorer.story.observe(lambda change: writes.append(change["new"]), names="value")
    for position in range(explorer.step.max):
        writes.clear()
        move_slider(explorer.step, position)
        (region,) = live_regions(explorer)  # one live region: the step, never the list
        said = read(region)
        assert f"Step {explorer.step.value} of {explorer.step.max}." in said
        for note in notes(explorer):
            assert note in said, (timeline, explorer.step.value, note)
        assert "count the violations yourself" not in said  # the instruction is not re-read
        assert not re.search(r"\d+ violations? so far", said)  # nor the count (Exercise 2)
        if position:  # moved: the announcement is written once
            assert len(writes) == 1, (timeline, explorer.step.value, len(writes))
        assert "violation" in said.lower()  # and it says what this step changed in verdicts


def test_the_erasure_steps_announce_their_own_event_too():
    explorer = ErasureExplorer.with_lesson_data()
    for position in range(explorer.step.max):
        move_slider(explorer.step, position)
        (region,) = live_regions(explorer)
        for note in notes(explorer):
            assert note in read(region)
