"""A button that cannot be undone asks first: "Yes, …" or "No, keep it", and the focus follows.

The review writer's *Clear my review* and the export panel's *Delete my saved
work* ask the same way, so the rule lives here once: the question row stays
hidden until the button is pressed; when it opens, the keyboard focus moves to
the safe answer ("No, keep it"); either answer closes it and gives the focus
back to the button that asked (a hidden button would leave the focus nowhere).
What the owner does on each press (its status line, the deed itself) is its
own, and runs before the focus moves, as the learner would expect.

Examples
--------
>>> import ipywidgets as widgets
>>> said = []
>>> clear = widgets.Button(description="Clear my review")
>>> step = ConfirmStep(
...     clear, "Empty your saved review?", yes="Yes, clear it",
...     on_ask=lambda: step.show(True), on_yes=lambda: said.append("cleared"),
...     on_keep=lambda: step.show(False),
... )
>>> clear.click()
>>> step.asking, step.row.layout.display
(True, 'flex')
>>> step.yes.click()
>>> step.asking, said
(False, ['cleared'])
"""

from collections.abc import Callable

import ipywidgets as widgets


class ConfirmStep:
    """Public children: ``row`` (the question and its answers), ``yes`` and ``keep``."""

    def __init__(
        self,
        button: widgets.Button,
        question: str,
        *,
        yes: str,
        on_ask: Callable[[], None],
        on_yes: Callable[[], None],
        on_keep: Callable[[], None],
    ) -> None:
        fit = {"layout": widgets.Layout(width="max-content")}  # never cut to "Yes,…"
        self.yes = widgets.Button(description=yes, button_style="danger", **fit)
        self.keep = widgets.Button(description="No, keep it", **fit)
        # the question above its two answers: beside a long warning, they were squeezed
        self.row = widgets.VBox(
            [widgets.HTML(question), widgets.HBox([self.yes, self.keep])],
            layout=widgets.Layout(display="none"),
        )
        button.on_click(lambda _b: on_ask())
        self.yes.on_click(lambda _b: self._answer(on_yes))
        self.keep.on_click(lambda _b: self._answer(on_keep))
        # the owner's handler has decided whether to ask: only then does the focus move
        button.on_click(lambda _b: self.keep.focus() if self.asking else None)
        self._button = button

    @property
    def asking(self) -> bool:
        """Whether the question is on screen."""
        return self.row.layout.display != "none"

    def show(self, asking: bool) -> None:
        """Open (``True``) or close the question."""
        self.row.layout.display = "flex" if asking else "none"

    def _answer(self, deed: Callable[[], None]) -> None:
        self.show(False)
        deed()
        self._button.focus()
