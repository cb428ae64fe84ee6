"""Lesson 05's review writer: a name, a text box, a preview, Save and Clear; nothing is ever lost.

The learner first gives a name or pseudonym and opens their review: what they
saved before (the text, the design choices, the matrix) comes back, even after
a kernel restart, and only their own file is read, so a shared laptop never
shows one learner's review to another. Save keeps the fields as data
(:class:`~osmosis_lab.records.RecordStore`) and writes the review as Markdown
(:func:`osmosis_lab.review.review_markdown`) next to the notebook, both
atomically; the status says "Saved" only when both writes succeeded. An empty
text box never replaces a saved review: only "Clear my review", confirmed,
empties it (Save and Clear: :mod:`.review_saving`). The writer always reads the newest design panel and matrix, so
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

from pathlib import Path

import ipywidgets as widgets
import numpy as np

from ..errors import RecordError
from ..records import RecordStore
from ..records.export import saved_review
from ..records.store import learner_key, normalise_name
from ..review import ITEM_TITLES, LaunchDesign, checklist, consequences, review_markdown
from . import my_work, newest, text_boxes
from . import review_words as say
from .base import Explorer
from .confirm import ConfirmStep
from .late_keystrokes import Press
from .live import LiveText
from .review_design import DesignPanel
from .review_follow import BLANK, OnScreen
from .review_matrix import StakeholderExplorer
from .review_reasons import ChecklistReasons
from .review_saving import REVIEW_STEM, SECTION, ReviewSaving, save_review  # noqa: F401 - imported from here


def _same(learner: str, name: str) -> bool:
    """Whether ``name`` is ``learner`` (as a record names them; a name that is no name: no)."""
    try:
        return learner_key(name) == learner_key(learner)
    except RecordError:
        return False


def _normalised_or_none(name: str) -> str | None:
    try:
        return normalise_name(name)
    except RecordError:
        return None


class ReviewWriter(ReviewSaving, Explorer):
    """Open the learner's review by name; write it; Save and Clear keep every earlier save safe."""

    def __init__(
        self, panel: DesignPanel, matrix: StakeholderExplorer, *, folder: str | Path | None = None
    ) -> None:
        super().__init__()
        # the word count and state, read where they are: live, they were said again at every
        # letter typed, and with "Cleared" at a Clear (issue 12); ``status`` says what was done
        self.summary = widgets.HTML()
        self.store = RecordStore(folder)
        self.learner: str | None = None
        self.saved_fields: dict = {}
        self.opened_fields: dict = {}
        self.saved_to: Path | None = None
        self.signed_out: str | None = None  # whose open review a sign-out (Delete) closed
        self._signed_in: str | None = None  # who was signed in at the last on_sign_in
        self._last_save: Press | None = None  # what the last Save wrote (see .late_keystrokes)
        self._build_controls()
        self.view = widgets.VBox(
            [widgets.HBox([self.name, self.open]), self.text, self.reasons.view,
             widgets.HBox([self.save, self.clear]), self.confirm, self.status, self.summary,
             self.preview]
        )  # fmt: skip
        for box in (self.name, self.text, *self.reasons.boxes.values()):
            box.observe(lambda _change: self._typed(), names="value")
        self.open.on_click(lambda _button: self.open_record())
        self.save.on_click(lambda _button: self.write())
        self.on_screen = OnScreen(
            self, panel, matrix,
            saved=lambda: self.saved_fields if self.learner else {}, changed=self._typed,
        )  # fmt: skip
        newest.announce(self)
        my_work.follow(self)  # Run All builds the writer before the learner signs in
        self.refresh()
        self.on_sign_in()

    def on_sign_in(self) -> None:
        """Follow the sign-in at the top of the lesson: while someone is signed in, the review is
        theirs (the name box shows it and cannot be changed) and opens by itself."""
        signed_in, before = my_work.current_learner(), self._signed_in
        self._signed_in = signed_in
        self.name.disabled = bool(signed_in)
        if not signed_in:
            if before and self.learner is not None and self._is_open(before):
                self._close_signed_out()
            return
        untouched = self.fields() in (self.saved_fields, self.opened_fields)
        if self.learner is not None and not self._is_open(signed_in) and untouched:
            self.learner = None  # the sign-in moved on (a name cut short, now whole): follow it
        if self.learner is None:
            self.name.value = signed_in
            self.open_record()

    def _close_signed_out(self) -> None:
        """The signed-in learner was signed out ("Delete my saved work" erased their files): the
        review stays on screen to read, but nothing re-saves it until they sign in again."""
        self.signed_out, self.learner = self.learner, None
        self.saved_fields, self.opened_fields, self._last_save = {}, {}, None
        self._ask_to_clear(False)
        self.status.value = say.signed_out(self.signed_out)
        self.refresh()

    def _build_controls(self) -> None:
        self.name = text_boxes.Text(
            value=my_work.current_learner() or "",  # the name signed in at the top of the lesson
            description="Your name or pseudonym",
            placeholder="the same one each time",
            # the whole label (it was cut to "Your name or pseudo…"), as the sign-in does
            style={"description_width": "initial"},
            layout=widgets.Layout(width="30em"),
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
        clearing = self.clearing
        self.confirm, self.clear_now, self.keep = clearing.row, clearing.yes, clearing.keep
        self.reasons = ChecklistReasons()
        self.status = LiveText()  # what Save, Open or Clear did, said
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

    def markdown_of(self, fields: dict) -> str:
        """The review file's text for saved ``fields`` (not the screen): what Clear rewrites.

        Raises ``KeyError``, ``TypeError`` or a ``ValueError`` if ``fields`` lack a design or
        matrix this lesson can read."""
        design = LaunchDesign(**fields["design"])
        figures = consequences(
            design, self.panel.scenario, rng=np.random.default_rng(self.panel.seed)
        )
        matrix = {role: tuple(entry) for role, entry in fields["matrix"].items()}
        return review_markdown(
            design, figures, matrix, fields.get("review", ""),
            planned=self.panel.planned, reasons=fields.get("reasons") or {},
        )  # fmt: skip

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
            self.status.value = say.not_opened_signed_in(signed_in)
            return
        if not signed_in and self.signed_out and _same(self.signed_out, self.name.value):
            self.status.value = say.not_opened_signed_out(self.signed_out)
            return
        switching = self.learner is not None
        # what "unsaved" is measured against: the saved review, or the screen as it was opened
        if switching and self.fields() != (self.saved_fields or self.opened_fields):
            self.status.value = say.not_switched()
            return
        try:
            saved = saved_review(self.store.load(self.name.value))
        except RecordError as error:
            self.status.value = say.not_opened(error)
            return
        if saved and "reasons" not in saved:  # saved before reasons were asked: none given
            saved = {**saved, "reasons": dict.fromkeys(ITEM_TITLES, "")}
        # signed in again after a Delete: what is still on screen is theirs, and stays
        again = not saved and self.signed_out and _same(self.signed_out, self.name.value)
        self.learner, self.saved_fields = " ".join(self.name.value.split()), saved
        self.signed_out = None
        self.text.disabled = False
        self.text.placeholder = (
            "Would you launch? What must change first, and for whom? "
            "Which trade-off did you accept, and why?"
        )
        notes = ""
        if not again:
            self.text.value = saved.get("review", "")
            # a new learner on the same screen starts blank: the last learner's work is not theirs
            notes = self._restore(saved if saved or not switching else BLANK)
        self.opened_fields = self.fields()
        self.status.value = say.opened(
            found=bool(saved), path=self.review_path, notes=notes, signed_in=bool(signed_in)
        )
        self.refresh()

    def _restore(self, saved: dict) -> str:
        self.reasons.set_values(saved.get("reasons", {}))
        return self.on_screen.restore(saved)

    def _typed(self) -> None:
        # the last letters typed before Save, arriving after it: they belong to that Save
        if self._last_save is not None and self._last_save.completed_by(self.fields()):
            self.write(same_press=True)
        else:
            self.refresh()

    def _is_open(self, name: str) -> bool:
        """Whether ``name`` is the learner whose review is open (a name that is no name: no)."""
        return self.learner is not None and _same(self.learner, name)

    def refresh(self) -> None:
        typed = " ".join(self.name.value.split())
        if self.learner is None and self.signed_out:
            state = say.SIGNED_OUT_STATE
        elif self.learner is None:
            state = say.not_opened_state(typed)
        elif self.fields() == self.saved_fields:
            state = "saved"
        else:
            state = "changed since your last save" if self.saved_fields else "not saved yet"
        self.summary.value = say.summary(
            words=len(self.text.value.split()),
            state=state,
            reasons_given=sum(1 for reason in self.reasons.values().values() if reason.strip()),
            reasons=len(self.reasons.boxes),
            switch_to=typed if self.learner and typed and not self._is_open(typed) else "",
            path=self.review_path,
        )
        # beside each reason, what the file's checklist marks for the design on screen
        self.reasons.show_met(checklist(self.panel.design, self.panel.figures))
        self.preview.value = say.preview(self.markdown())
