"""A widget control, operated from the keyboard only: focus it, then press keys."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from . import scripts


def plain(text: str) -> str:
    """Text as a learner reads it: ipywidgets writes option labels with no-break spaces.

    >>> plain("Ana\\xa0Stern")
    'Ana Stern'
    """
    return text.replace("\xa0", " ")


@dataclass
class Control:
    """One control in a notebook output, found by :meth:`LabPage.control`."""

    lab: object  # the LabPage it lives in
    locator: object  # playwright.sync_api.Locator of the focusable element
    role: str
    name: str = ""
    toggle: bool = False  # a toggle button (Space flips it)
    output: int = -1  # index of its cell output among the notebook's outputs (-1: unknown)

    @property
    def region(self):
        """The whole explorer: the outermost cell output that holds this control."""
        return self.locator.locator(
            "xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-OutputArea-output ')]"
            "[last()]"
        )

    def region_text(self) -> str:
        """Everything the explorer shows as text, its controls included."""
        return plain(self.region.inner_text())

    def readout(self) -> str:
        """What the explorer wrote for the learner (HTML/Label outputs, chart names), without
        the controls' own labels and options: a change here is a change in what it says."""
        return plain(self.region.evaluate(scripts.READOUT))

    def value(self) -> str:
        """The value assistive technology reads for this control."""
        return plain(self.locator.evaluate(scripts.CONTROL_VALUE))

    def options(self) -> list[str]:
        """A drop-down's, list box's or ToggleButtons group's options, as the learner reads them."""
        texts = self.locator.evaluate(
            "el => Array.from(el.options || el.querySelectorAll('button')).map(o => o.textContent)"
        )
        return [plain(text) for text in texts]

    def _selected_index(self) -> int:
        return self.locator.evaluate(
            "el => el.options ? el.selectedIndex : "
            "Array.from(el.querySelectorAll('button')).findIndex(b => b.matches('.mod-active'))"
        )

    def is_tabbable(self) -> bool:
        """Reachable with Tab: natively focusable or tabindex >= 0, and not disabled."""
        return self.locator.evaluate("el => el.tabIndex >= 0 && !el.disabled")

    def focus(self) -> Control:
        if self.role == "togglebuttons":  # the group: focus its selected button
            buttons = self.locator.locator("button")
            index = max(self._selected_index(), 0)
            assert buttons.nth(index).evaluate("el => el.tabIndex >= 0 && !el.disabled")
            buttons.nth(index).focus()
            return self
        assert self.is_tabbable(), f"this {self.role} cannot be reached with Tab"
        self.locator.focus()
        return self

    def press(
        self, *keys: str, times: int = 1, settle: bool = True, keep_focus: bool = True
    ) -> Control:
        """Focus the control, press ``keys`` (``times`` over), then wait for the kernel.

        With ``keep_focus`` the control must still hold the focus afterwards: JupyterLab's
        notebook shortcuts take arrow and letter keys from controls that are not text fields
        (a closed drop-down, list boxes, radio buttons) and move the learner to another cell.
        """
        self.focus()
        before = self._comm_count()
        for _ in range(times):
            for key in keys:
                self.lab.page.keyboard.press(key)
        if keep_focus:
            holder = self.locator.evaluate(
                "el => el.contains(document.activeElement) ? '' : "
                "(document.activeElement.className || document.activeElement.tagName)"
            )
            assert not holder, (
                f"pressing {' '.join(keys)} on this {self.role} moved the focus to {holder!r}: "
                "JupyterLab took the key, so a keyboard user cannot operate it this way"
            )
        if settle:
            self._wait_for_kernel(before)
        return self

    def flip(self) -> Control:
        """Space: flips a checkbox or a toggle button."""
        return self.press("Space")

    def activate(self) -> Control:
        """Enter: presses a button."""
        return self.press("Enter")

    def choose_next(self, steps: int = 1) -> Control:
        """Pick the option ``steps`` after the current one (negative: before), by keyboard.

        Drop-down: open its list (Alt+ArrowDown), arrows, Enter; a closed drop-down never gets
        ArrowDown in JupyterLab (the notebook moves to the next cell). ToggleButtons: Tab (or
        Shift+Tab) from the selected button, then Space.
        """
        if self.role == "togglebuttons":
            key = "Tab" if steps >= 0 else "Shift+Tab"
            return self.press(*([key] * abs(steps)), "Space")
        key = "ArrowDown" if steps >= 0 else "ArrowUp"
        return self.press("Alt+ArrowDown", *([key] * abs(steps)), "Enter")

    def choose(self, option: str) -> Control:
        """In a drop-down: pick the option that reads ``option``, from the keyboard."""
        options = self.options()
        if option not in options:
            raise LookupError(f"{option!r} is not among the options {options}")
        return self.choose_next(options.index(option) - self._selected_index())

    def type(self, text: str, *, submit: bool = True) -> Control:
        """Replace a text or number box's content by typing; Enter commits number boxes."""
        self.focus()
        before = self._comm_count()
        self.lab.page.keyboard.press("ControlOrMeta+A")
        self.lab.page.keyboard.type(text)
        if submit:
            self.lab.page.keyboard.press("Enter")
        self._wait_for_kernel(before)
        return self

    def latency_ms(self, *keys: str, quiet_ms: int = 300) -> float | None:
        """Milliseconds from the key press to the last change the explorer made outside this
        control's own widget, once the page has been quiet for ``quiet_ms`` (None when
        nothing changed)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        self.focus()
        handles = [self.locator.element_handle(), self.region.element_handle()]
        self.lab.page.evaluate(scripts.LATENCY_START, handles)
        self.press(*keys)
        with contextlib.suppress(PlaywrightTimeout):  # nothing changed: reported as None
            self.lab.page.wait_for_function(
                "(q) => { const p = window.__osmosisProbe; "
                "return p.last !== null && performance.now() - p.last > q; }",
                arg=quiet_ms,
                timeout=10_000,
                polling=20,
            )
        probe = self.lab.page.evaluate("() => window.__osmosisLatency()")
        if probe["t0"] is None or probe["last"] is None:
            return None
        return probe["last"] - probe["t0"]

    def operate(self) -> tuple[str, ...]:
        """Do the obvious keyboard action for this kind of control once; return the keys.

        Slider: ArrowRight (ArrowLeft at its maximum). Drop-down, ToggleButtons: the next
        option (the previous one at the end; see :meth:`choose_next`). Checkbox, toggle
        button: Space. Button: Enter. Number box: ArrowUp (ArrowDown at its maximum), Enter.
        Text box: type "test", Enter. Anything else (list box, radio button): ArrowDown, which
        JupyterLab takes, so ``press`` fails.
        """
        role = self.role
        if role == "slider":
            at_max = self.locator.evaluate(
                "el => Number(el.getAttribute('aria-valuenow')) >= "
                "Number(el.getAttribute('aria-valuemax'))"
            )
            keys = ("ArrowLeft",) if at_max else ("ArrowRight",)
        elif role in ("combobox", "togglebuttons"):
            last = self._selected_index() >= len(self.options()) - 1
            self.choose_next(-1 if last else 1)
            return ("previous option",) if last else ("next option",)
        elif role in ("checkbox", "switch") or self.toggle:
            keys = ("Space",)
        elif role == "button":
            keys = ("Enter",)
        elif role == "spinbutton":
            at_max = self.locator.evaluate(
                "el => el.max !== '' && Number(el.value) >= Number(el.max)"
            )
            keys = ("ArrowDown" if at_max else "ArrowUp", "Enter")
        elif role == "textbox":
            self.type("test")
            return ("test", "Enter")
        else:
            keys = ("ArrowDown",)
        self.press(*keys)
        return keys

    def _comm_count(self) -> int:
        return self.lab.page.evaluate("() => (window.__osmosis || {commIdle: 0}).commIdle")

    def _wait_for_kernel(self, before: int, timeout: float = 10) -> None:
        """Wait for the kernel to finish the comm message(s) the keys sent, if they sent any."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.lab.page.wait_for_function(
                "(n) => window.__osmosis && window.__osmosis.commIdle > n",
                arg=before,
                timeout=1500,
                polling=20,
            )
        except PlaywrightTimeout:  # nothing was sent (e.g. a slider already at its end)
            return
        self.lab.settle(quiet_ms=150, timeout=timeout)
