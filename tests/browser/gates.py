"""Results gated on a prediction (osmosis_lab.explorers.gate), as a teacher skips them.

A gated result stays hidden until its prediction is answered; a test that needs the chart or
the explorer presses its "Show anyway" button from the keyboard (Tab to it, Enter), as a
teacher would. The pressed button keeps the focus, renamed "Shown below" (``Control.press``
fails if the focus went anywhere else), so it is never pressed twice.
"""

from .harness import Control

#: More gates than any lesson has: a button that does not go away fails the test, not loops.
_AT_MOST = 10


def show_anyway_button(tab) -> Control:
    """The first "Show anyway" in ``tab``'s outputs, held by a mark of its own: found by its
    name, it would turn into the next gate's button once pressed (its name changes)."""
    outputs = tab.notebook.locator(".jp-OutputArea-output")
    first = outputs.get_by_role("button", name="Show anyway", exact=True).first
    mark = first.evaluate(
        "el => el.dataset.osmosisGate = String((window.__osmosisGates = (window.__osmosisGates"
        " || 0) + 1))"
    )
    return Control(tab, tab.page.locator(f'[data-osmosis-gate="{mark}"]'), "button")


def show_gated_results(tab):
    """Press Enter on every visible "Show anyway" in ``tab``'s outputs; return ``tab``."""
    outputs = tab.notebook.locator(".jp-OutputArea-output")
    buttons = outputs.get_by_role("button", name="Show anyway", exact=True)
    for _ in range(_AT_MOST):
        if buttons.count() == 0:
            return tab
        button = show_anyway_button(tab).activate()  # asserts the focus stayed on it
        assert button.locator.evaluate("el => document.activeElement === el"), (
            f"{tab.path}: Enter on Show anyway left the focus elsewhere"
        )
    raise AssertionError(f"{tab.path}: a Show anyway button stayed after it was pressed")
