"""Lesson 02's step explorers at their ends: a press that cannot move says so.

Teachers saw the erasure explorer's Next step stay active after the last step and just repeat
"Day 15. She asks Osmosis to erase her". The buttons stay enabled (disabling the focused
button drops keyboard focus); instead the press says it was the last (or first) step. Both
explorers get this from one place, the Replay mixin, so both are tested the same way.
"""

import re

import pytest

from osmosis_lab.explorers.consent_erasure import ErasureExplorer
from osmosis_lab.explorers.consent_timeline import TimelineExplorer
from sequences import click, move_slider

EXPLORERS = {"erasure": ErasureExplorer, "timeline": TimelineExplorer}


def said(widget) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", widget.value)).strip()


@pytest.fixture(params=sorted(EXPLORERS))
def explorer(request):
    return EXPLORERS[request.param].with_lesson_data()


def test_next_on_the_last_step_says_it_is_the_last_and_keeps_the_button(explorer):
    for _ in range(explorer.step.max - 1):
        click(explorer.next)
    assert explorer.step.value == explorer.step.max
    assert said(explorer.edge) == ""  # reaching the last step is not yet a press past it
    story = explorer.story.value
    click(explorer.next)
    last = explorer.step.max
    assert explorer.step.value == last and explorer.story.value == story
    assert f"Step {last} of {last} is the last step: there is no next step" in said(explorer.edge)
    assert not explorer.next.disabled and not explorer.back.disabled
    buttons = explorer.step_buttons  # the notice sits beside the buttons, in the view
    assert buttons in explorer.view.children and explorer.edge in buttons.children


def test_previous_on_the_first_step_says_it_is_the_first(explorer):
    click(explorer.back)
    assert explorer.step.value == 1
    assert "Step 1 is the first step: there is no previous step" in said(explorer.edge)
    assert not explorer.back.disabled


def test_the_notice_goes_as_soon_as_the_step_moves(explorer):
    click(explorer.back)
    assert said(explorer.edge)
    click(explorer.next)
    assert explorer.step.value == 2 and said(explorer.edge) == ""
    click(explorer.back)
    click(explorer.back)
    move_slider(
        explorer.step, explorer.step.max - 1
    )  # the slider (by index), not a button, moves it
    assert said(explorer.edge) == ""


def test_a_press_inside_the_steps_says_nothing_about_ends(explorer):
    for _ in range(explorer.step.max - 1):
        click(explorer.next)
        assert said(explorer.edge) == ""
    for _ in range(explorer.step.max - 1):
        click(explorer.back)
        assert said(explorer.edge) == ""
