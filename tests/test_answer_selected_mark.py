"""A selected answer is marked by more than colour (WCAG 1.4.1), headless, as the browser drives it.

The mark itself is drawn by a style rule each answer control carries (``::before`` on a pressed
toggle, :data:`osmosis_lab.explorers.answers.SELECTED_MARK`); the browser test
``tests/browser/test_a11y_answer_kinds.py`` checks that Chromium draws it and names the button
with it. Here: every control built from an exercise carries the rule and its class, and after
clicks sent through the comm (as a browser sends them) exactly the chosen buttons are the pressed
ones, and the "Your answer:" live line says in words what they are.
"""

import html
import re

import pytest

from memory_record import MemoryRecord
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers.answers import CONTROL_CLASS, MARK, SELECTED_MARK, answer_control
from osmosis_lab.explorers.base import descendants
from sequences import update

TOGGLED = [e for e in all_exercises().values() if e.kind in ("choice", "picks", "pair", "pairs")]


def test_the_mark_rule_draws_the_mark_on_pressed_toggles_inside_answer_controls_only():
    rule = re.fullmatch(r"<style>(.*) \{ content: \"(.*)\"; .*\}</style>", SELECTED_MARK)
    assert rule, SELECTED_MARK
    selector, content = rule.groups()
    # radios and checkboxes draw their own mark, out of their name (.choice_buttons)
    assert (
        selector == f".{CONTROL_CLASS} .widget-toggle-button.mod-active:not([aria-checked])::before"
    )
    assert content == MARK and MARK.strip() == "✓"


def _said(control) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", control.selection.value))


@pytest.mark.parametrize("exercise", TOGGLED, ids=[e.name for e in TOGGLED])
def test_each_toggle_control_carries_the_mark_and_says_what_is_pressed(exercise):
    control = answer_control(exercise, record=MemoryRecord())
    assert CONTROL_CLASS in control.view._dom_classes
    assert any(SELECTED_MARK in getattr(w, "value", "") for w in descendants(control.view))
    options = exercise.choices()
    if exercise.kind == "choice":
        update(control.choice, index=len(options) - 1)
        assert _said(control) == f"Your answer: {exercise.label(options[-1])}"  # the button's words
    elif exercise.kind == "picks":
        update(control.picks, indexes=[0])  # Space on the first, then on the last
        update(control.picks, indexes=[0, len(options) - 1])
        assert control.picks.indexes == (0, len(options) - 1)
        said = f"{exercise.label(options[0])}, {exercise.label(options[-1])}"
        assert _said(control) == f"Your answer: {said}"
    elif exercise.kind == "pair":
        update(control.sides[0], index=1)
        assert _said(control) == f"Your answer: {options[0][1]}, then the other one"
        update(control.sides[1], index=0)
        assert _said(control) == f"Your answer: {options[0][1]}, {options[1][0]}"
    else:
        people, partners = options
        update(control.partners[people[0]], index=len(partners) - 1)
        assert _said(control) == f"Your answer: {people[0]}: {partners[-1]}"
