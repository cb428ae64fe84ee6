"""Results gated on a prediction (osmosis_lab.explorers.gate), as a teacher skips them.

A gated result stays hidden until its prediction is answered; a test that needs the chart or
the explorer presses its "Show anyway" button from the keyboard, as a teacher would. Once
pressed, the button is hidden, so it is neither pressed twice nor counted among the controls.
"""

from .harness.control import Control

#: More gates than any lesson has: a button that does not go away fails the test, not loops.
_AT_MOST = 10


def show_gated_results(tab):
    """Press every visible "Show anyway" in ``tab``'s outputs (Tab to it, Enter); return ``tab``."""
    outputs = tab.notebook.locator(".jp-OutputArea-output")
    buttons = outputs.get_by_role("button", name="Show anyway", exact=True)
    for _ in range(_AT_MOST):
        if buttons.count() == 0:
            return tab
        Control(tab, buttons.first, "button", name="Show anyway").activate()
        tab.settle()
    raise AssertionError(f"{tab.path}: a Show anyway button stayed after it was pressed")
