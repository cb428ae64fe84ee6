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
        """A drop-down's, list box's, radio group's or ToggleButtons group's options, as the learner reads them."""
        texts = self.locator.evaluate(
            "el => Array.from(el.options || el.querySelectorAll('button')).map(o => o.textContent)"
        )
        return [plain(text) for text in texts]

    def _selected_index(self) -> int:
        return self.locator.evaluate(
            "el => el.options ? el.selectedIndex : Array.from(el.querySelectorAll('button'))"
            ".findIndex(b => b.matches('.mod-active, [aria-checked=\"true\"]'))"
        )

    def is_tabbable(self) -> bool:
        """Reachable with Tab: natively focusable or tabindex >= 0, and not disabled."""
        return self.locator.evaluate("el => el.tabIndex >= 0 && !el.disabled")

    def focus(self) -> Control:
        if self.role == "radiogroup":  # its one Tab stop: the chosen option, or the first
            stops = self.locator.locator('[role="radio"][tabindex="0"]:not([disabled])')
            assert stops.count() == 1, f"radio group {self.name!r}: {stops.count()} Tab stops"
            stops.first.focus()
            return self
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
        before = self.lab.comm_sent()
        for _ in range(times):
            for key in keys:
                self.lab.page.keyboard.press(key)
        if settle:
            self.lab.wait_for_keys(before)  # first: a widget may move the focus on purpose
        if keep_focus:
            # The focus stays with the control, or a widget of the same output took it on
            # purpose (a confirm step focuses its safe answer); anywhere else, JupyterLab took it.
            holder = self.locator.evaluate(
                "el => { const a = document.activeElement;"
                " const out = el.closest('.jp-OutputArea-output');"
                " const mine = el.contains(a) || (out && out.contains(a) && a.closest('.jupyter-widgets'));"
                " return mine ? '' : (a.className || a.tagName); }"
            )
            assert not holder, (
                f"pressing {' '.join(keys)} on this {self.role} moved the focus to {holder!r}: "
                "JupyterLab took the key, so a keyboard user cannot operate it this way"
            )
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
        Shift+Tab) from the selected button, then Space. Radio group: arrow keys (they choose).
        """
        if self.role == "radiogroup":
            return self.press(*(["ArrowRight" if steps >= 0 else "ArrowLeft"] * abs(steps)))
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
        before = self.lab.comm_sent()
        self.lab.page.keyboard.press("ControlOrMeta+A")
        self.lab.page.keyboard.type(text)
        if submit:
            self.lab.page.keyboard.press("Enter")
        self.lab.wait_for_keys(before)
        return self

    def latency_ms(self, *keys: str, quiet_ms: int = 300) -> float | None:
        """Milliseconds from the key press to the last change the explorer made outside this
        control's own widget, once the page has been quiet for ``quiet_ms``; None when the
        keys changed nothing there (a button already at its end, a slider at its limit)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        self.focus()
        handles = [self.locator.element_handle(), self.region.element_handle()]
        self.lab.page.evaluate(scripts.LATENCY_START, handles)
        self.press(*keys)  # returns once the kernel has answered and gone quiet
        with contextlib.suppress(PlaywrightTimeout):  # nothing changed: judged below
            self.lab.page.wait_for_function(
                "(q) => { const p = window.__osmosisProbe; return p.first !== null "
                "&& performance.now() - p.last > q; }",
                arg=quiet_ms,
                timeout=10_000 if self._probe()["first"] is not None else 1_000,
                polling=20,
            )
        probe = self.lab.page.evaluate("() => window.__osmosisLatency()")
        if probe["t0"] is None or probe["last"] is None:
            return None
        return probe["last"] - probe["t0"]

    def _probe(self) -> dict:
        return self.lab.page.evaluate("() => window.__osmosisProbe")

    def step_keys(self) -> tuple[str, ...] | None:
        """The keys of one obvious keyboard step for this kind of control (None: a text box,
        which :meth:`operate` types into).

        Slider: ArrowRight (ArrowLeft at its maximum). Drop-down: Alt+ArrowDown, ArrowDown
        (ArrowUp at the last option), Enter. ToggleButtons: Tab (Shift+Tab at the last option),
        Space. Radio group: ArrowRight (ArrowLeft at the last option). Checkbox, toggle button: Space. Button: Enter. Number box: ArrowUp (ArrowDown at
        its maximum), Enter. Anything else (list box, radio button): ArrowDown, which
        JupyterLab takes, so ``press`` fails.
        """
        role = self.role
        if role == "slider":
            at_max = self.locator.evaluate(  # a noUi handle, or a native range input
                "el => Number(el.getAttribute('aria-valuenow') ?? el.value) >= "
                "Number(el.getAttribute('aria-valuemax') ?? el.max)"
            )
            return ("ArrowLeft",) if at_max else ("ArrowRight",)
        if role == "radiogroup":
            last = self._selected_index() >= len(self.options()) - 1
            return ("ArrowLeft",) if last else ("ArrowRight",)
        if role in ("combobox", "togglebuttons"):
            last = self._selected_index() >= len(self.options()) - 1
            if role == "togglebuttons":
                return ("Shift+Tab" if last else "Tab", "Space")
            return ("Alt+ArrowDown", "ArrowUp" if last else "ArrowDown", "Enter")
        if role in ("checkbox", "switch") or self.toggle:
            return ("Space",)
        if role == "button":
            return ("Enter",)
        if role == "spinbutton":
            at_max = self.locator.evaluate(
                "el => el.max !== '' && Number(el.value) >= Number(el.max)"
            )
            return ("ArrowDown" if at_max else "ArrowUp", "Enter")
        if role == "textbox":
            return None
        return ("ArrowDown",)

    def operate(self) -> tuple[str, ...]:
        """Take one obvious keyboard step (:meth:`step_keys`); return the keys pressed."""
        keys = self.step_keys()
        if keys is None:
            # a new value: typing what the box already holds (a name filled in earlier) is no step
            text = "test" if self.value() != "test" else "test again"
            self.type(text)
            return (text, "Enter")
        self.press(*keys)
        return keys
