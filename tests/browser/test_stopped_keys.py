"""Keys typed after a click on a stopped explorer change no cell of the learner's notebook.

Issue 12: after Kernel > Restart a tester clicked a greyed control of a stopped explorer, then
typed. The click reached no control (``stopped.RULE`` makes them inert) but JupyterLab's
notebook took it: it selected the cell and focused it, in command mode, so the letters ran the
notebook's command-mode shortcuts ("d d" deleted an exercise cell, "m" made it Markdown, "a" and
"b" added cells, "x" cut it; Shift+Enter ran it and, on the last cell, added one). Here, on a
notebook holding the four kinds of control an explorer has (the sign-in box's text box and
button, lesson 02's consent board's toggles, lesson 03's noise dial's slider), after a restart:
a click at each stopped control's centre, then those keys, leaves every cell as it was (count,
types, sources); the focus is on the stopped view, whose first words say how to get it back, and
the page's announcement says them again. On the code before ``stopped.js`` kept the click from
the notebook, "d d" deleted the first cell clicked.
"""

from __future__ import annotations

import pytest

from osmosis_lab.explorers.stopped import MESSAGE

from .harness import LabPage
from .harness.scratch import scratch_tab

CELLS = [
    "from osmosis_lab.explorers.my_work import sign_in\n"
    "from osmosis_lab.explorers.consent_board import ConsentBoard\n"
    "from osmosis_lab.explorers.privacy_noise import NoiseExplorer",
    'sign_in("00_start_here")',
    "ConsentBoard.with_lesson_data()",
    "NoiseExplorer.with_lesson_data()",  # last: Shift+Enter there would add a cell below
]
#: (what, the cell showing it, a selector for it in that cell's output).
CONTROLS = [
    ("a text box", 1, "input[type=text]"),
    ("a button", 1, "button"),
    ("a toggle", 2, "[role=radiogroup] [role=radio]"),
    ("a checkbox", 2, "input[type=checkbox]"),
    ("a slider", 3, "input[type=range]"),
]
#: What the tester typed, and the keys that change cells in command mode.
KEYS = ["d", "d", "a", "b", "m", "x", "Shift+Enter"]

#: The notebook's cells as its model holds them, and where the focus is.
CELLS_NOW = """
() => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  const a = document.activeElement;
  return {
    cells: nb.widgets.map(c => [c.model.type, c.model.sharedModel.getSource()]),
    stoppedFocus: !!(a && a.classList.contains('jupyter-widgets-disconnected')
                     && !a.parentElement.closest('.jupyter-widgets-disconnected')),
    said: document.getElementById('osmosis-stopped-announcement')?.textContent ?? null,
  };
}
"""


@pytest.fixture(scope="module")
def tab(tabs, request):
    with scratch_tab(tabs, request, "stopped-keys/keys.ipynb", CELLS) as page:
        page.restart_kernel()
        page.wait_until(
            "() => document.querySelectorAll('.jupyter-widgets-disconnected').length > 0",
            step="waiting for the views to be marked stopped",
            timeout=15,
        )
        page.settle()
        yield page


def now(tab: LabPage) -> dict:
    tab.settle()
    return tab.page.evaluate(CELLS_NOW)


@pytest.mark.parametrize(("what", "cell", "selector"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_keys_after_a_click_on_a_stopped_control_change_no_cell(tab, what, cell, selector):
    before = now(tab)
    assert len(before["cells"]) == len(CELLS), before
    output = tab.notebook.locator(".jp-Cell").nth(cell).locator(".jp-OutputArea-output")
    control = output.locator(selector).first
    control.scroll_into_view_if_needed()
    box = control.bounding_box()
    assert box, f"{what}: not drawn in cell {cell}"
    tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for key in KEYS:
        tab.page.keyboard.press(key)
        after = now(tab)
        assert after["cells"] == before["cells"], (
            f"{key} after a click on {what}: the notebook's cells changed "
            f"from {before['cells']} to {after['cells']}"
        )
    assert after["stoppedFocus"], f"{what}: the focus is not on the stopped view's message"
    assert after["said"] == MESSAGE, f"{what}: the page's announcement says {after['said']!r}"
    tab.assert_no_errors()
