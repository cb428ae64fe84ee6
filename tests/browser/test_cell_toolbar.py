"""Tab from an explorer's last button never lands in JupyterLab's floating cell toolbar.

Issue 12 (accessibility walkthrough): in lesson 04 a keyboard-only learner pressed Tab after
the judge-first buttons and the focus went into the cell toolbar JupyterLab 4 floats over the
active cell (duplicate, move, insert, delete), so a keypress could delete or move a lesson cell,
and a screen reader announced unlabeled icons. deploy/labconfig/page_config.json disables that
plugin wherever the lab runs (``make lab``, Binder, the school server); the test server reads
the same folder (harness/server.py). Without it, this test sees the toolbar drawn in the cell
the learner is in.
"""

import pytest

LESSON = "lessons/04_trust.ipynb"
#: The judge-first explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("JudgeFirstExplorer(",)
PLUGIN = "@jupyterlab/cell-toolbar-extension:plugin"
#: Enough presses to leave the explorer's output and walk into the cells beside it.
TABS = 8
#: The cell toolbar's elements in JupyterLab 4.6 (@jupyterlab/cell-toolbar: CellToolbarTracker).
TOOLBAR = ".jp-cell-toolbar, .jp-cell-menu"

#: Where the focus is: inside a cell toolbar or not, and a short description for the message.
FOCUS = """
(toolbar) => {
  const a = document.activeElement;
  const cell = a && a.closest('.jp-Cell');
  return {
    inToolbar: !!(a && a.closest(toolbar)),
    what: a ? `${a.tagName.toLowerCase()} "${(a.getAttribute('aria-label') || a.title
      || a.textContent || '').trim().slice(0, 40)}"` : 'nothing',
    cell: cell ? [...cell.parentElement.children].indexOf(cell) : -1,
  };
}
"""

#: Wait until the cell holding ``el`` is the notebook's active cell (where the toolbar would go).
CELL_ACTIVE = "el => !!el.closest('.jp-Cell.jp-mod-active')"


def reachable_buttons(lesson):
    """The judge-first explorer's buttons a learner can reach with Tab, in page order."""
    buttons = lesson.control("Lock in my call").region.locator("button:not([disabled])")
    found = [
        buttons.nth(i)
        for i in range(buttons.count())
        if buttons.nth(i).evaluate("el => el.tabIndex >= 0 && !!el.offsetParent")
    ]
    assert found, "the judge-first explorer shows no button a keyboard can reach"
    return found


@pytest.mark.parametrize(
    ("key", "start"),
    [("Tab", -1), ("Shift+Tab", 0)],
    ids=["Tab from its last button", "Shift+Tab from its first button"],
)
def test_the_keyboard_never_enters_a_cell_toolbar(lesson, key, start):
    button = reachable_buttons(lesson)[start]
    button.focus()
    lesson.page.wait_for_function(CELL_ACTIVE, arg=button.element_handle())
    lesson.settle()  # the toolbar, when there is one, is drawn once the cell is active
    path, drawn = [lesson.page.evaluate(FOCUS, TOOLBAR)], [lesson.page.locator(TOOLBAR).count()]
    for _ in range(TABS):
        lesson.page.keyboard.press(key)
        lesson.settle()
        path.append(lesson.page.evaluate(FOCUS, TOOLBAR))
        drawn.append(lesson.page.locator(TOOLBAR).count())
    walk = [f"{step['what']} (cell {step['cell']})" for step in path]
    assert not [step for step in path if step["inToolbar"]], f"{key} entered a cell toolbar: {walk}"
    assert not any(drawn), f"cell toolbars drawn at each step {drawn} along {walk}"
    assert path[-1]["what"] != path[0]["what"], f"{key} did not move the focus: {walk}"


def test_the_delete_cell_button_is_not_in_the_page(lesson):
    """No cell toolbar plugin, so none of its commands, in the lab a learner gets."""
    app = lesson.page.evaluate(
        "(id) => ({activated: window.jupyterapp.isPluginActivated(id),"
        " deleteButton: window.jupyterapp.commands.hasCommand('cell-toolbar:delete')})",
        PLUGIN,
    )
    assert app == {"activated": False, "deleteButton": False}
