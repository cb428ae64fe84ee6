"""Lesson 05's review writer: a name, a text box, a preview, Save and Clear; nothing is ever lost.

The learner first gives a name or pseudonym and opens their review: what they
saved before (the text, the design choices, the matrix) comes back, even after
a kernel restart, and only their own file is read, so a shared laptop never
shows one learner's review to another. Save keeps the fields as data
(:class:`~osmosis_lab.records.RecordStore`) and writes the review as Markdown
(:func:`osmosis_lab.review.review_markdown`) next to the notebook, both
atomically; the status says "Saved" only when both writes succeeded. An empty
text box never replaces a saved review: only "Clear my review", confirmed,
empties it. The writer always reads the newest design panel and matrix, so
re-running their cells does not leave it saving values that are no longer shown.

Examples
--------
>>> import shutil, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> writer = ReviewWriter.with_lesson_data(folder=folder)
>>> writer.name.value = "Zoé"
>>> writer.open.click()
>>> writer.text.value = "Not ready: the export names people."
>>> writer.save.click()
>>> "Saved" in writer.status.value, writer.review_path.name
(True, 'my_design_review_zoe-33b40fa2.md')
>>> shutil.rmtree(folder)
"""

import html
from pathlib import Path

import ipywidgets as widgets

from ..errors import RecordError
from ..records import RecordStore, write_text_atomically
from ..records.export import REVIEW
from ..records.store import learner_key, normalise_name
from ..review import ITEM_TITLES, review_markdown
from . import my_work, newest, text_boxes
from .base import Explorer
from .confirm import ConfirmStep
from .review_design import DesignPanel
from .review_follow import BLANK, OnScreen
from .review_matrix import StakeholderExplorer
from .review_reasons import ChecklistReasons

#: The Markdown file is ``<REVIEW_STEM>_<learner key>.md``, one per learner.
REVIEW_STEM = "my_design_review"
#: This lesson's section in the learner's record.
SECTION = REVIEW  # its own section: lesson 05's answers live beside it, untouched by Save


def save_review(path: str | Path, markdown: str, *, allow_empty: bool = False) -> Path:
    """Write ``markdown`` to ``path`` atomically and return the absolute path written.

    See :func:`osmosis_lab.records.write_text_atomically` for what is refused and raised.
    """
    return write_text_atomically(path, markdown, allow_empty=allow_empty)


def _status(message: str) -> str:
    return f"<p role='status'>{message}</p>"


def _normalised_or_none(name: str) -> str | None:
    try:
        return normalise_name(name)
    except RecordError:
        return None


def _saved_review(record: dict[str, dict]) -> dict:
    """The review's fields in ``record``; a review saved before it had its own section sits
    among lesson 05's answers (recognised by its text field) and is read from there.

    >>> _saved_review({"05_design_review": {"review": "Not yet.", "proposing_side": {}}})
    {'review': 'Not yet.', 'proposing_side': {}}
    >>> _saved_review({"05_design_review": {"proposing_side": {}}})
    {}
    """
    if SECTION in record:
        return record[SECTION]
    older = record.get("05_design_review", {})
    return older if "review" in older else {}


class ReviewWriter(Explorer):
    """Open the learner's review by name; write it; Save and Clear keep every earlier save safe."""

    def __init__(
        self, panel: DesignPanel, matrix: StakeholderExplorer, *, folder: str | Path | None = None
    ) -> None:
        super().__init__()
        self.store = RecordStore(folder)
        self.learner: str | None = None
        self.saved_fields: dict = {}
        self.opened_fields: dict = {}
        self.saved_to: Path | None = None
        self._build_controls()
        self.view = widgets.VBox(
            [widgets.HBox([self.name, self.open]), self.text, self.reasons.view,
             widgets.HBox([self.save, self.clear]), self.confirm, self.status, self.summary,
             self.preview]
        )  # fmt: skip
        for box in (self.name, self.text, *self.reasons.boxes.values()):
            box.observe(lambda _change: self.refresh(), names="value")
        self.open.on_click(lambda _button: self.open_record())
        self.save.on_click(lambda _button: self.write())
        self.on_screen = OnScreen(
            self, panel, matrix,
            saved=lambda: self.saved_fields if self.learner else {}, changed=self.refresh,
        )  # fmt: skip
        newest.announce(self)
        my_work.follow(self)  # Run All builds the writer before the learner signs in
        self.refresh()
        self.on_sign_in()

    def on_sign_in(self) -> None:
        """Follow the sign-in at the top of the lesson: while someone is signed in, the review is
        theirs (the name box shows it and cannot be changed) and opens by itself."""
        signed_in = my_work.current_learner()
        self.name.disabled = bool(signed_in)
        if not signed_in:
            return
        if self.learner is None:
            self.name.value = signed_in
            self.open_record()

    def _build_controls(self) -> None:
        self.name = text_boxes.Text(
            value=my_work.current_learner() or "",  # the name signed in at the top of the lesson
            description="Your name or pseudonym",
            placeholder="the same one each time",
            style={"description_width": "12em"},
        )
        self.open = widgets.Button(
            description="Open my review", tooltip="Load what you saved under this name"
        )
        self.text = text_boxes.Textarea(
            value="", description="My review", disabled=True,
            placeholder="Type your name above and press Open my review first.",
            layout=widgets.Layout(width="46em", height="12em"), style={"description_width": "7em"},
        )  # fmt: skip
        self.save = widgets.Button(
            description="Save my review",
            button_style="primary",
            tooltip="Write your review next to this notebook",
        )
        self.clear = widgets.Button(
            description="Clear my review", tooltip="Empty your saved review text (asks first)"
        )
        self.clearing = ConfirmStep(
            self.clear, "Empty your saved review text? Your choices and matrix stay.",
            yes="Yes, clear it", on_ask=lambda: self._ask_to_clear(True),
            on_yes=self.clear_review, on_keep=self._keep,
        )  # fmt: skip
        self.confirm, self.clear_now, self.keep = (
            self.clearing.row,
            self.clearing.yes,
            self.clearing.keep,
        )
        self.reasons = ChecklistReasons()
        self.status = widgets.HTML()
        self.preview = widgets.HTML()

    @classmethod
    def with_lesson_data(cls, *, folder: str | Path | None = None) -> "ReviewWriter":
        with newest.building():
            panel, matrix = DesignPanel.with_lesson_data(), StakeholderExplorer()
        return cls(panel, matrix, folder=folder)

    @property
    def panel(self) -> DesignPanel:
        """The design panel read: the newest on screen (see :class:`.review_follow.OnScreen`)."""
        return self.on_screen.panel

    @property
    def stakeholders(self) -> StakeholderExplorer:
        """The stakeholder matrix read: the newest on screen."""
        return self.on_screen.matrix

    # -- what is on screen, as fields and as Markdown ----------------------------------------------

    def fields(self) -> dict:
        """The review as data: the text, the design choices, the matrix entries, the reasons."""
        return {
            "review": self.text.value,
            **self.on_screen.fields(),
            "reasons": self.reasons.values(),
        }

    def markdown(self) -> str:
        """The review file's text, from the current choices, matrix and review."""
        return review_markdown(
            self.panel.design,
            self.panel.figures,
            self.stakeholders.matrix(),
            self.text.value,
            planned=self.panel.planned,
            reasons=self.reasons.values(),
        )

    @property
    def review_path(self) -> Path | None:
        """The learner's Markdown file (``None`` until a name is given)."""
        return self.store.companion(self.learner, REVIEW_STEM) if self.learner else None

    # -- opening, saving, clearing ------------------------------------------------------------------

    def open_record(self) -> None:
        """Load the record of the name typed; refill the text, choices and matrix from it."""
        signed_in = my_work.current_learner()
        if signed_in and normalise_name(signed_in) != _normalised_or_none(self.name.value):
            # the lesson's sign-in decides whose work is on screen; this box must not get round it
            self.name.value = signed_in
            self.status.value = _status(
                f"<strong>Not opened:</strong> {html.escape(signed_in)} is signed in in this "
                "notebook, so this is their review. To write as someone else, choose <em>Kernel "
                "→ Restart Kernel and Run All Cells</em>, then sign in at the top."
            )
            return
        switching = self.learner is not None
        # what "unsaved" is measured against: the saved review, or the screen as it was opened
        if switching and self.fields() != (self.saved_fields or self.opened_fields):
            self.status.value = _status(
                "<strong>Not switched:</strong> the review on screen has changes that are not "
                "saved. Save them (or Clear) first, then open another name."
            )
            return
        try:
            saved = _saved_review(self.store.load(self.name.value))
        except RecordError as error:
            self.status.value = _status(f"<strong>Not opened:</strong> {html.escape(str(error))}")
            return
        if saved and "reasons" not in saved:  # saved before reasons were asked: none given
            saved = {**saved, "reasons": dict.fromkeys(ITEM_TITLES, "")}
        self.learner, self.saved_fields = " ".join(self.name.value.split()), saved
        self.text.disabled = False
        self.text.placeholder = (
            "Would you launch? What must change first, and for whom? "
            "Which trade-off did you accept, and why?"
        )
        self.text.value = saved.get("review", "")
        # a new learner on the same screen starts blank: the last learner's work is not theirs
        notes = self._restore(saved if saved or not switching else BLANK)
        self.opened_fields = self.fields()
        found = "Your saved review is back" if saved else "Nothing saved under this name yet"
        self.status.value = _status(
            f"<strong>{found}</strong> (file <code>{html.escape(str(self.review_path))}</code>)."
            f"{notes}"
        )
        self.refresh()

    def _restore(self, saved: dict) -> str:
        self.reasons.set_values(saved.get("reasons", {}))
        return self.on_screen.restore(saved)

    def write(self) -> None:
        """Save the review; say where, or why it could not be saved."""
        self._ask_to_clear(False)
        if self.learner is None:
            self.status.value = _status(
                "<strong>Not saved:</strong> type your name or pseudonym above and press "
                "<em>Open my review</em> first, so your review is kept as yours."
            )
            return
        if not self._is_open(self.name.value):
            self.status.value = _status(
                f"<strong>Not saved:</strong> the open review is {html.escape(self.learner)}'s, "
                "but the name box says another name. Press <em>Open my review</em> to switch, "
                f"or type {html.escape(self.learner)} back to save it."
            )
            return
        # the box replaced any half emoji by "�" as it arrived (text_boxes): say so at Save
        repaired = self.text.value
        note = (
            " A broken character (half an emoji) was replaced by �." if self.text.repaired else ""
        )
        if not repaired.strip() and self.saved_fields.get("review", "").strip():
            self.status.value = _status(
                "<strong>Not saved:</strong> the text box is empty, and your saved review has "
                f"{len(self.saved_fields['review'].split())} words. It is unchanged. To empty "
                "it on purpose, press <em>Clear my review</em>."
            )
            return
        self.text.repaired = False
        self._save(self.fields(), allow_empty=False, note=note)

    def _save(self, fields: dict, *, allow_empty: bool, note: str = "") -> bool:
        self.status.value = _status("Saving…")
        try:
            self.store.save(self.learner, SECTION, fields, allow_empty=allow_empty)
            self.saved_to = save_review(self.review_path, self.markdown())
            self.saved_fields = fields  # only now: "saved" means both files were written
        except RecordError as error:
            self.status.value = _status(
                f"<strong>Not saved:</strong> {html.escape(str(error))} Copy the preview below "
                "into a file meanwhile."
            )
            self.refresh()
            return False
        self.status.value = _status(
            f"<strong>Saved</strong> to <code>{html.escape(str(self.saved_to))}</code> on the "
            "machine that runs this notebook; nothing was sent anywhere. On Binder or a "
            f"JupyterHub, download it from the file browser to keep it.{note}"
        )
        self.refresh()
        return True

    def _ask_to_clear(self, asking: bool) -> None:
        self.clearing.show(bool(asking and self.learner))
        if asking:
            self.status.value = _status(
                "Press <em>Yes, clear it</em> to empty your saved review text, or <em>No, keep "
                "it</em>."
                if self.learner
                else "Nothing to clear: open your review first."
            )

    def _keep(self) -> None:
        self._ask_to_clear(False)
        self.status.value = _status("Kept: nothing was cleared.")

    def clear_review(self) -> None:
        """Empty the saved review text (the confirmed "Clear my review"); choices and matrix stay."""
        self._ask_to_clear(False)
        self.text.value = ""
        if self._save(self.fields(), allow_empty=True):
            self.status.value = _status(
                f"<strong>Cleared:</strong> your saved review text is empty now "
                f"(<code>{html.escape(str(self.saved_to))}</code>)."
            )

    def _is_open(self, name: str) -> bool:
        """Whether ``name`` is the learner whose review is open (a name that is no name: no)."""
        try:
            return learner_key(name) == learner_key(self.learner)
        except RecordError:
            return False

    def refresh(self) -> None:
        words = len(self.text.value.split())
        typed = " ".join(self.name.value.split())
        if self.learner is None:
            state = "not opened yet: give your name or pseudonym first" + (
                f", then press Open my review to open “{html.escape(typed)}”" if typed else ""
            )
        elif self.fields() == self.saved_fields:
            state = "saved"
        else:
            state = "changed since your last save" if self.saved_fields else "not saved yet"
        given = sum(1 for reason in self.reasons.values().values() if reason.strip())
        more = f" {given} of {len(self.reasons.boxes)} checklist reasons given."
        if self.learner and typed and not self._is_open(typed):
            more += f" Press Open my review to switch to “{html.escape(typed)}”."
        where = (
            f" The file is <code>{html.escape(str(self.review_path))}</code>, on the machine "
            "that runs this notebook."
            if self.learner
            else ""
        )
        self.summary.value = (
            f'<p class="osmosis-text-equivalent">Your review has {words} '
            f"word{'' if words == 1 else 's'}, {state}.{more}{where}</p>"
        )
        self.preview.value = (
            "<details><summary>Preview of the file (your choices, the figures, the matrix, "
            f"the checklist and your text)</summary><pre style='white-space:pre-wrap'>"
            f"{html.escape(self.markdown())}</pre></details>"
        )
