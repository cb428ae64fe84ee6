"""The teacher's class view: one folder of handed-in work, and everything shown comes from it.

The view holds the one class the notebook speaks of: the cells below it print from
:attr:`ClassView.loaded` (:meth:`ClassView.files_lines`, :meth:`ClassView.summary_text`), never
from a folder of their own, so a teacher never sees two classes' figures as one. The folder last
loaded is remembered in a small file next to the notebook (:data:`MEMORY`, on the teacher's own
computer: nothing leaves it), so Run All and a restarted kernel show the teacher's class again;
a line says which folder is shown, and a button goes back to the sample class.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> here = Path(tempfile.mkdtemp())
>>> sample = Path(__file__).resolve().parents[3] / "lessons/teacher/sample_class"
>>> view = ClassView(folder=sample, sample=sample, memory=here / MEMORY)
>>> view.files_lines()[1]
'30 files loaded.'
>>> "the sample class" in view.which.value
True
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import ipywidgets as widgets

from ..check.exercises import headings, mistakes
from ..errors import OsmosisLabError
from ..records import write_text_atomically
from ..teacher import (
    learners_csv,
    private_html,
    projector_html,
    read_class_folder,
    summary_markdown,
    unreadable_note,
)
from . import controls, text_boxes
from .base import Explorer, text_block

#: What the summary's .csv is, said beside the button that writes it and again once written
#: (the guide says the same): the Markdown summary names nobody, the .csv names everyone.
CSV_NOTE = (
    "The .csv names every learner, one row each: it is your own file, for your eyes only. "
    "Do not project, share or upload it. To delete it: in JupyterLab's file browser, "
    "right-click it, then Delete. The .md summary names nobody and may be shared."
)
#: The file, next to the notebook, that remembers the folder last loaded (one line: its path).
MEMORY = ".class_view_folder"
_WIDE = {"description_width": "initial"}


class ClassView(Explorer):
    """Load a folder of handed-in work; project the class view; keep the private view apart.

    ``sample``: the sample class (a button goes back to it); ``memory``: the file that
    remembers the folder last loaded (None: nothing is remembered).
    """

    def __init__(
        self,
        *,
        folder: str | Path = "",
        output_folder: str | Path | None = None,
        sample: str | Path | None = None,
        memory: str | Path | None = None,
    ) -> None:
        super().__init__()
        #: where "Write the summary" writes (default: the notebook's folder; None: a fresh
        #: temporary folder, made only when a summary is written)
        self.output_folder = Path(output_folder) if output_folder is not None else Path.cwd()
        self.sample = Path(sample) if sample is not None else None
        self.memory = Path(memory) if memory is not None else None
        self.folder = text_boxes.Text(
            value=self._remembered() or str(folder), description="Folder of work", style=_WIDE
        )
        self.load = widgets.Button(description="Load the folder")
        self.back = widgets.Button(description="Back to the sample class")
        self.back.layout.display = "" if self.sample is not None else "none"
        self.mode = controls.ToggleButtons(
            options=("Projector (no names)", "Private (teacher only)"), description="View",
            style={**_WIDE, "button_width": "14em"},
        )  # fmt: skip
        self.write = widgets.Button(
            description="Write the summary",
            tooltip="Writes class_summary.md (no names) and class_summary.csv (names)",
        )
        self.csv_note = widgets.HTML(f"<p>{html.escape(CSV_NOTE)}</p>")
        #: which folder is shown, first of all: the class every figure below is about
        self.which = widgets.HTML()
        self.shown = widgets.HTML()
        self.status = widgets.HTML()
        #: first in the view, above the projector view: files it could not read (no names)
        self.unreadable = widgets.HTML()
        self.loaded = None
        #: the folder :attr:`loaded` was read from ("" before any load)
        self.loaded_from = ""
        self._assemble(
            [self.folder, self.mode],
            extra=[self.load, self.back, self.write, self.csv_note, self.shown, self.status],
        )
        # files it could not read first (they change every figure), then which class this is
        self.view.children = (self.unreadable, self.which, *self.view.children)
        self.load.on_click(lambda _b: self.read(remember=True))
        self.back.on_click(lambda _b: self.back_to_sample())
        self.write.on_click(lambda _b: self.write_summary())
        self.read()

    @classmethod
    def with_lesson_data(cls) -> ClassView:
        """The committed sample class; summaries go to a fresh folder, never into the lessons."""
        sample = Path(__file__).resolve().parents[3] / "lessons/teacher/sample_class"
        view = cls(folder=sample, sample=sample)
        view.output_folder = None  # made on the first write, so building the view leaves no folder
        return view

    @classmethod
    def in_notebook(cls, sample: str | Path) -> ClassView:
        """The notebook's view: the folder last loaded here (:data:`MEMORY`), else ``sample``."""
        return cls(folder=sample, sample=sample, memory=Path.cwd() / MEMORY)

    def _remembered(self) -> str:
        if self.memory is None or not self.memory.is_file():
            return ""
        return self.memory.read_text(encoding="utf-8").strip()

    def is_sample(self) -> bool:
        """Whether the class shown is the sample class."""
        return bool(self.loaded_from) and self.sample is not None and (
            Path(self.loaded_from).resolve() == self.sample.resolve()
        )  # fmt: skip

    def read(self, *, remember: bool = False) -> None:
        """(Re)load the folder; a broken folder leaves a message and an empty view.

        A message about another folder (a summary written, a folder that did not load) is
        cleared first. ``remember`` (the teacher pressed a button): a folder that loads is kept
        in :attr:`memory` for Run All and a restart; building the view writes nothing.
        """
        self.loaded, self.loaded_from, self.status.value = None, "", ""
        typed = self.folder.value.strip()
        if typed:
            try:
                self.loaded, self.loaded_from = read_class_folder(typed), typed
            except OsmosisLabError as error:
                self.status.value = f"<p>{html.escape(str(error))}</p>"
        if remember and self.loaded is not None and self.memory is not None:
            write_text_atomically(self.memory, typed + "\n")
        self.refresh()

    def back_to_sample(self) -> None:
        """Show the sample class again (and remember it)."""
        self.folder.value = str(self.sample)
        self.read(remember=True)

    def summary_text(self) -> str:
        """The one-page summary of the class shown: what is printed and what is written."""
        return summary_markdown(self.loaded.work, headings=headings(), mistakes=mistakes())

    def files_lines(self) -> list[str]:
        """Which folder, how many files loaded, and each note about a file (names may appear)."""
        if self.loaded is None:
            return [self.which_words(), "No folder loaded: nothing to count."]
        return [
            self.which_words(),
            f"{len(self.loaded.work)} files loaded.",
            *(f"- {problem}" for problem in self.loaded.problems),
        ]

    def which_words(self, *, path: bool = True) -> str:
        """Which folder the view shows, in a line (every printed figure is about it).

        ``path=False``: its name only, for the view a projector may show (a path may hold the
        teacher's account name)."""
        if self.loaded is None:
            return "Shown: no class (load a folder above)."
        kind = "the sample class, invented learners" if self.is_sample() else "your folder"
        shown = self.loaded_from if path else Path(self.loaded_from).name
        return f"Shown: {shown} ({kind})."

    def write_summary(self, path: str | Path | None = None) -> Path | None:
        """Write the one-page summary (Markdown) and the learners' CSV into the output folder."""
        if self.loaded is None:
            self.status.value = "<p>Load a folder first.</p>"
            return None
        if path is None and self.output_folder is None:
            self.output_folder = Path(tempfile.mkdtemp(prefix="class-view-"))
        target = Path(path) if path is not None else self.output_folder / "class_summary.md"
        try:
            written = write_text_atomically(target, self.summary_text())
            names = write_text_atomically(
                target.with_suffix(".csv"), learners_csv(self.loaded.work)
            )
        except OsmosisLabError as error:
            self.status.value = f"<p>{html.escape(str(error))}</p>"
            return None
        self.status.value = (
            f"<p>Written: {html.escape(str(written))} (no names) and {html.escape(str(names))} "
            f"(names), from {html.escape(self.loaded_from)}. {html.escape(CSV_NOTE)}</p>"
        )
        return written

    def refresh(self) -> None:
        kept = " Kept for Run All and a restart, in a file beside this notebook." * bool(
            self.memory and self.loaded is not None
        )
        which = html.escape(self.which_words(path=False))
        self.which.value = f"<p><strong>{which}</strong>{kept}</p>"
        note = unreadable_note(self.loaded) if self.loaded is not None else ""
        self.unreadable.value = (
            f"<p><strong>{html.escape(note, quote=False)}</strong></p>" if note else ""
        )
        if self.loaded is None:
            self.shown.value = ""
            self.summary.value = text_block("Class work", ["No folder loaded yet."])
            return
        work, problems = self.loaded.work, self.loaded.problems
        private = self.mode.value.startswith("Private")
        self.shown.value = (
            private_html(work, problems)
            if private
            else projector_html(work, headings=headings(), mistakes=mistakes())
        )
        lines = [f"{len(work)} files loaded; {len(problems)} notes about files."]
        self.summary.value = text_block("Class work", lines)
