"""Export my work, and Delete my saved work: the learner's own hand-in, under their control.

The panel shows, before anything is written, the file an export will write
(:func:`osmosis_lab.records.export.export_markdown`; **Show what will be exported** brings it up
to date, and it follows every answer or reflection kept while it is on screen; its data block is
folded, and it has no time yet), one checkbox per part (each lesson's answers, by the lesson's
title, each reflection) to leave parts out, and who will read it. **Export my work** writes that
text with the time added, atomically; if the work changed since the preview, it shows the new
preview and writes nothing until pressed again:

- into ``$OSMOSIS_DROP_DIR`` when the school's JupyterHub sets it (the teacher's
  drop folder; deploy/jupyterhub_config.py), which hands it in;
- otherwise next to the notebook, as ``osmosis_export_<learner key>.md``; on
  Binder (``BINDER_SERVICE_HOST`` or ``BINDER_REQUEST`` set) the status says to
  download it now, because an idle Binder session is deleted within minutes.

**Delete my saved work** (after a confirm step) erases this learner's record,
review and export in the notebook's folder, and says what it cannot undo: a file
already handed in, downloaded or sent.

Examples
--------
>>> import shutil, tempfile
>>> from osmosis_lab.explorers import my_work
>>> folder = tempfile.mkdtemp()
>>> door = my_work.sign_in("00_start_here", folder=folder)
>>> door.name.value = "Zoé"
>>> door.open.click()
>>> panel = my_work.export_panel()
>>> panel.export.click()
>>> panel.written.name
'osmosis_export_zoe-33b40fa2.md'
>>> my_work.sign_out()
>>> shutil.rmtree(folder)
"""

import html
from pathlib import Path

import ipywidgets as widgets

from ..errors import RecordError
from ..records import learner_key, write_text_atomically
from ..records.export import (
    EXPORT_STEM,
    READER,
    export_data,
    export_parts,
    export_time,
    markdown_from_data,
)
from . import my_work
from .confirm import ConfirmStep
from .export_words import drop_folder, on_binder, part_label, preview_html, seen_words
from .live import LiveText


def _button(description: str, **style) -> widgets.Button:
    # as wide as its words: a button cut to "Show what will b…" cannot be read
    # (and not stretched across the panel: a column of widgets stretches its children)
    layout = widgets.Layout(width="auto", align_self="flex-start")
    return widgets.Button(description=description, layout=layout, **style)


def _without_time(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "exported_at"}


class ExportPanel:
    """Public children: ``parts`` (id -> Checkbox), ``show``, ``preview``, ``export``, ``status``,
    ``delete``, ``delete_now``, ``keep``; ``written`` is the last file written."""

    def __init__(self) -> None:
        self.parts: dict[str, widgets.Checkbox] = {}
        self.text, self.data, self.written = "", {}, None
        self.reader = widgets.HTML()
        self.part_box = widgets.VBox()
        self.preview = widgets.HTML()
        self.show = _button("Show what will be exported")
        self.export = _button("Export my work", button_style="primary")
        self.delete = _button("Delete my saved work")
        self.deleting = ConfirmStep(
            self.delete, self._delete_warning(), yes="Yes, delete it",
            on_ask=lambda: self._confirming(True), on_yes=self.erase,
            on_keep=lambda: self._confirming(False, "Kept: nothing was deleted."),
        )  # fmt: skip
        self.confirm, self.delete_now, self.keep = (
            self.deleting.row,
            self.deleting.yes,
            self.deleting.keep,
        )
        self.status = LiveText()
        self.view = widgets.VBox(
            [self.reader, self.part_box, self.show, self.preview, self.export, self.delete, self.confirm,
             self.status]
        )  # fmt: skip
        self.show.on_click(lambda _b: self.shown())
        self.export.on_click(lambda _b: self.write())
        my_work.follow(self)
        self.on_sign_in()

    # -- where the file goes, and who reads it ------------------------------------------------

    def destination(self) -> Path | None:
        """The file an export writes now (``None`` before a sign-in)."""
        learner, store = my_work.current_learner(), my_work.current_store()
        if learner is None:
            return None
        folder = drop_folder() or store.folder
        return folder / f"{EXPORT_STEM}_{learner_key(learner)}.md"

    def _where(self) -> str:
        """Where the file goes and what the learner must do then (said before and after)."""
        if drop_folder():
            return (
                "It goes into your class's drop folder on the school server: that hands it in to "
                "your teacher, and you cannot take it back from here."
            )
        where = (
            "It goes next to this notebook, and nothing is sent: hand it in as your teacher asks."
        )
        if on_binder():
            where += (
                " On Binder, download it at once (right-click it in the file browser, then "
                "Download): an idle Binder session is deleted within minutes, with your work."
            )
        return where

    # -- showing what will be written ---------------------------------------------------------

    def on_sign_in(self) -> None:
        """Show the parts and the preview for whoever is signed in now."""
        self.reader.value = (
            f"<p>Your export is one file for <strong>{READER}</strong> to read: "
            "exactly what the preview below shows. Untick a part to leave it out (the file says "
            f"you chose to). {html.escape(self._where())}</p>"
        )
        self.refresh()

    def shown(self) -> None:
        """**Show what will be exported**: bring the preview up to date, and say so (it usually
        is already: it follows kept work), so the press is never met with silence."""
        self.refresh()
        if my_work.current_learner() is not None:
            self.status.value = "The preview below is up to date: it is what Export writes."

    def on_work_changed(self) -> None:
        """An answer or a reflection was kept: the preview follows (see :func:`.my_work.changed`)."""
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the part checkboxes (keeping choices made) and the preview."""
        learner = my_work.current_learner()
        if learner is None:
            self.part_box.children, self.text, self.data = [], "", {}
            self.preview.value = "<p>Sign in above first: the preview shows your work then.</p>"
            return
        try:
            record = my_work.current_store().load(learner)
        except RecordError as error:
            self.status.value = f"<strong>Not opened:</strong> {html.escape(str(error))}"
            return
        for part in export_parts(record):
            if part not in self.parts:
                box = widgets.Checkbox(
                    value=True,
                    description=part_label(part, record),
                    indent=False,
                    layout=widgets.Layout(width="auto"),
                )
                box.observe(lambda _change: self.refresh(), names="value")
                self.parts[part] = box
        shown = [p for p in self.parts if p in export_parts(record)]
        self.part_box.children = [self.parts[p] for p in shown]
        left_out = {p for p in shown if not self.parts[p].value}
        # no export time in the preview: nothing is exported yet (write() adds it)
        self.data = _without_time(export_data(learner, record, leave_out=left_out))
        self.text = markdown_from_data(self.data, **seen_words())
        self.preview.value = preview_html(self.text)

    # -- writing and deleting -------------------------------------------------------------------

    def write(self) -> None:
        """Write the previewed text to :meth:`destination`; say where, or why not."""
        target = self.destination()
        if target is None:
            self.status.value = "<strong>Not exported:</strong> sign in above first."
            return
        shown = self.text
        self.refresh()
        if self.text != shown:  # work saved since the preview: the learner sees it first
            self.status.value = (
                "<strong>Not exported yet:</strong> your work changed since the preview. Look at "
                "the preview again, then press Export my work."
            )
            return
        try:
            self.written = write_text_atomically(
                target,
                markdown_from_data({**self.data, "exported_at": export_time()}, **seen_words()),
            )
        except RecordError as error:
            self.status.value = (
                f"<strong>Not exported:</strong> {html.escape(str(error))} Any earlier export "
                "is unchanged."
            )
            return
        self.status.value = (
            f"<strong>Exported</strong> to <code>{html.escape(str(self.written))}</code>. "
            f"{html.escape(self._where())}"
        )

    def _delete_warning(self) -> str:
        return (
            "Delete your saved answers, reflections, review and export on this machine? This "
            "cannot be undone. A file you already handed in (in the drop folder, downloaded or "
            "sent) is not deleted: ask your teacher to delete their copy."
        )

    def _confirming(self, asking: bool, message: str = "") -> None:
        signed_in = my_work.current_learner() is not None
        self.deleting.show(asking and signed_in)
        if asking and not signed_in:
            message = "Nothing to delete: sign in above first, under the name to delete."
        if asking or message:  # closing without a message leaves what was said (e.g. "Deleted")
            self.status.value = message or "Press Yes, delete it, or No, keep it."

    def erase(self) -> None:
        """Delete the learner's files here (the confirmed step), then sign them out."""
        from .review_writer import REVIEW_STEM  # late: the review writer builds on my_work

        self._confirming(False)
        learner, store = my_work.current_learner(), my_work.current_store()
        if learner is None:
            return
        try:
            erased = store.delete(learner, companions=(REVIEW_STEM, EXPORT_STEM))
        except RecordError as error:
            self.status.value = f"<strong>Not all deleted:</strong> {html.escape(str(error))}"
            return
        names = ", ".join(f"<code>{html.escape(p.name)}</code>" for p in erased) or "no files"
        handed_in = self.destination() if drop_folder() else None
        my_work.sign_out()
        self.status.value = (
            f"<strong>Deleted</strong> {names} from this machine, for good. Answers still on "
            "screen in this notebook are not saved any more: restart the kernel to clear them. "
            "Another lesson still open and signed in under your name would keep its next answer "
            "again: close it (or restart its kernel) too. "
            + (
                f"Your export in the drop folder (<code>{html.escape(str(handed_in))}</code>) was "
                "handed in and is not deleted: ask your teacher. "
                if handed_in and handed_in.exists()
                else ""
            )
            + "A file you downloaded or sent is not touched."
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
