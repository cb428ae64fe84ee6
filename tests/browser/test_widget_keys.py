"""Keys pressed on an explorer's button stay with the button; a focused cell still takes them.

Issue 12 (accessibility walkthrough w41): in lesson 01 a keyboard-only learner focused a choice
button of an explorer and pressed ArrowRight: JupyterLab 4.6's notebook took it (command mode,
"move to the heading below"), the focus jumped to another cell, and the next Enter opened a
heading cell for editing. Every command-mode shortcut bound to "any focused element in the
notebook" did the same, so "d d" on a focused button deleted the lesson's cell and "m" turned it
into Markdown. deploy/labconfig/default_setting_overrides.json narrows those shortcuts to a focus
outside cell outputs (deploy/make_shortcut_overrides.py writes it); the test server reads the same
folder (harness/server.py). Without it, the first test sees the active cell move and the cells
change; the second checks that a learner on a cell keeps the arrows of the notebook.
"""

import pytest

from .gates import show_gated_results

LESSON = "lessons/01_what_is_a_match.ipynb"
#: The two explorers whose buttons are pressed, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("StepThroughExplorer(", "WhoProposesExplorer(")
#: What a keyboard user might press on a button, in order: the keys of the walkthrough, the two
#: letters that delete a cell in command mode, and the one that turns it into Markdown.
KEYS = ("ArrowRight", "ArrowLeft", "ArrowDown", "d", "d", "m")

#: The notebook as JupyterLab holds it (its model, not the DOM, which it may draw lazily) and
#: where the focus is.
STATE = """
() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  const a = document.activeElement;
  const cell = a && a.closest('.jp-Cell');
  return {
    mode: nb.mode,
    active: nb.activeCellIndex,
    cells: nb.widgets.map(c => c.model.type),
    focusCell: cell ? nb.widgets.findIndex(c => c.node === cell) : -1,
    focusInOutput: !!(a && a.closest('.jp-OutputArea-output')),
    focus: a ? `${a.tagName.toLowerCase()}.${a.className} "${(a.textContent || '').trim()
      .slice(0, 30)}"` : 'nothing',
  };
}
"""


@pytest.fixture(scope="module")
def lesson(lesson):
    """After Run All, every result gated on a prediction shown ("Show anyway"): the explorers'
    buttons are on the page."""
    return show_gated_results(lesson)


def state(lab):
    lab.settle()
    return lab.page.evaluate(STATE)


@pytest.mark.parametrize(
    ("name", "what"),
    [("Who proposes?", "a ToggleButtons choice"), ("Next proposal", "a Button")],
    ids=["ToggleButtons", "Button"],
)
def test_keys_on_a_focused_button_do_not_drive_the_notebook(lesson, name, what):
    control = lesson.control(name).focus()
    # a radio group's arrows are its own (they move and choose): the focus stays in the group
    own = control.locator if control.role == "radiogroup" else None
    button = lesson.page.evaluate_handle("() => document.activeElement")
    before = state(lesson)
    # the situation of the walkthrough: a notebook in command mode, its focus on the button
    assert before["mode"] == "command" and before["focusInOutput"], before
    assert before["active"] == before["focusCell"], before
    readout = control.readout()
    unchanged = {"focus on the button": True, "active": before["active"], "cells": before["cells"]}
    for key in KEYS:
        lesson.page.keyboard.press(key)
        after = state(lesson)
        seen = {
            "focus on the button": (
                own.evaluate("g => g.contains(document.activeElement)")
                if own
                else lesson.page.evaluate("b => document.activeElement === b", button)
            ),
            "active": after["active"],  # the notebook's active cell
            "cells": after["cells"],  # their number and types ("d d" deletes, "m" converts)
        }
        assert seen == unchanged, (
            f"{key} on {what}: JupyterLab took the key (focus now on {after['focus']}, "
            f"cell {after['focusCell']})"
        )
    if own is None:  # a plain button: no key above is one of its own, so it said nothing new
        assert control.readout() == readout
    lesson.assert_no_errors()


def test_arrows_still_move_between_cells_when_a_cell_has_the_focus(lesson):
    # a learner clicks a cell's prompt (the margin left of it): command mode, that cell focused
    first = lesson.notebook.locator(".jp-Cell").first
    first.locator(".jp-InputPrompt").click()
    start = state(lesson)
    assert start["mode"] == "command" and start["focusCell"] == start["active"] == 0, start
    assert not start["focusInOutput"], start
    lesson.page.keyboard.press("ArrowDown")
    down = state(lesson)
    assert down["active"] == 1 and down["focusCell"] == 1, f"ArrowDown from cell 0: {down}"
    lesson.page.keyboard.press("k")  # K: the command-mode letter for "up"
    up = state(lesson)
    assert up["active"] == 0 and up["focusCell"] == 0, f"K from cell 1: {up}"
    assert up["cells"] == start["cells"]
