"""Lesson 05's review writer: a text box, a preview, and a Save button that writes a Markdown file.

The file goes next to the notebook (the kernel's working folder), on the
learner's own machine or server; nothing is sent anywhere. The Markdown comes
from :func:`osmosis_lab.review.review_markdown`: the design panel's choices and
figures, the stakeholder matrix, a checklist filled from the choices, and the
learner's text.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> writer = ReviewWriter.with_lesson_data(folder=folder)
>>> writer.text.value = "Not ready: the export names people."
>>> writer.save.click()
>>> "Saved" in writer.status.value, (folder / REVIEW_FILE).is_file()
(True, True)
"""

import html
from pathlib import Path

import ipywidgets as widgets

from ..review import review_markdown
from .base import Explorer
from .review_design import DesignPanel
from .review_matrix import StakeholderExplorer

#: The file the Save button writes.
REVIEW_FILE = "my_design_review.md"


def save_review(path: str | Path, markdown: str) -> Path:
    """Write ``markdown`` to ``path`` (UTF-8) and return the absolute path written."""
    target = Path(path).expanduser().resolve()
    target.write_text(markdown, encoding="utf-8")
    return target


class ReviewWriter(Explorer):
    """Write the review; the preview follows the panel and the matrix; Save writes the file."""

    def __init__(
        self, panel: DesignPanel, matrix: StakeholderExplorer, *, folder: str | Path | None = None
    ) -> None:
        super().__init__()
        self.panel, self.stakeholders = panel, matrix
        self.path = Path(folder or Path.cwd()).expanduser().resolve() / REVIEW_FILE
        self.text = widgets.Textarea(
            value="", description="My review", placeholder="Would you launch? What must change "
            "first, and for whom? Which trade-off did you accept, and why?",
            layout=widgets.Layout(width="46em", height="12em"),
            style={"description_width": "7em"},
        )  # fmt: skip
        self.save = widgets.Button(
            description="Save my review",
            button_style="primary",
            tooltip=f"Write {REVIEW_FILE} next to this notebook",
        )
        self.status = widgets.HTML()
        self.preview = widgets.HTML()
        self._assemble([self.text], extra=[self.save, self.status])
        self.view.children = (self.text, self.save, self.status, self.summary, self.preview)
        self.save.on_click(lambda _button: self.write())
        for control in [*panel.controls(), *matrix.controls()]:
            if hasattr(control, "value") and not isinstance(control, widgets.Button):
                control.observe(lambda _change: self.refresh(), names="value")
        self.saved_to: Path | None = None
        self.refresh()

    @classmethod
    def with_lesson_data(cls, *, folder: str | Path | None = None) -> "ReviewWriter":
        return cls(DesignPanel.with_lesson_data(), StakeholderExplorer(), folder=folder)

    def markdown(self) -> str:
        """The review file's text, from the current choices, matrix and review."""
        return review_markdown(
            self.panel.design,
            self.panel.figures,
            self.stakeholders.matrix(),
            self.text.value,
            planned=self.panel.planned,
        )

    def refresh(self) -> None:
        words = len(self.text.value.split())
        state = "not saved yet" if self.saved_to is None else "saved before; save again to update"
        self.summary.value = (
            f'<p class="osmosis-text-equivalent">Your review has {words} '
            f"word{'' if words == 1 else 's'}, {state}. The file will be "
            f"<code>{html.escape(str(self.path))}</code>, on the machine that runs this notebook."
            "</p>"
        )
        self.preview.value = (
            "<details><summary>Preview of the file (your choices, the figures, the matrix, "
            f"the checklist and your text)</summary><pre style='white-space:pre-wrap'>"
            f"{html.escape(self.markdown())}</pre></details>"
        )

    def write(self) -> None:
        """Save the review; say where, or why it could not be saved."""
        try:
            self.saved_to = save_review(self.path, self.markdown())
        except OSError as error:
            self.status.value = (
                f"<p role='status'><strong>Not saved:</strong> {html.escape(str(error))}. "
                "Copy the preview below into a file instead.</p>"
            )
            return
        self.status.value = (
            f"<p role='status'><strong>Saved</strong> to <code>{html.escape(str(self.saved_to))}"
            "</code> on the machine that runs this notebook; nothing was sent anywhere. On Binder "
            "or a JupyterHub, "
            "download it from the file browser to keep it.</p>"
        )
        self.refresh()
