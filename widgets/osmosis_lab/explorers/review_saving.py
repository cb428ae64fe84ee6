"""Save and Clear for lesson 05's review writer: "Saved" only when both files were written.

Save keeps the review's fields in the learner's record (:class:`~osmosis_lab.records.RecordStore`,
section :data:`SECTION`) and writes the review as Markdown (:data:`REVIEW_STEM`), both
atomically; the status says "Saved" only when both writes succeeded. An empty text box never
replaces a saved review: only "Clear my review", confirmed, empties it. Letters typed before
Save that reach the kernel after it complete that Save (:mod:`.late_keystrokes`).
:class:`ReviewSaving` is the base of :class:`.review_writer.ReviewWriter`, which builds the
boxes and opens the record.

Examples
--------
>>> import shutil, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> save_review(folder / "review.md", "# My review\\n").name
'review.md'
>>> shutil.rmtree(folder)
"""

from pathlib import Path

from ..errors import OsmosisLabError, RecordError
from ..records import write_text_atomically
from ..records.export import REVIEW
from . import my_work
from . import review_words as say
from .late_keystrokes import Press

#: The Markdown file is ``<REVIEW_STEM>_<learner key>.md``, one per learner.
REVIEW_STEM = "my_design_review"
#: This lesson's section in the learner's record.
SECTION = REVIEW  # its own section: lesson 05's answers live beside it, untouched by Save


def save_review(path: str | Path, markdown: str, *, allow_empty: bool = False) -> Path:
    """Write ``markdown`` to ``path`` atomically and return the absolute path written.

    See :func:`osmosis_lab.records.write_text_atomically` for what is refused and raised.
    """
    return write_text_atomically(path, markdown, allow_empty=allow_empty)


class ReviewSaving:
    """Save and Clear, for a writer with ``store``, ``learner``, ``saved_fields``, the ``name``
    and ``text`` boxes, ``status``, ``clearing`` (the confirm step) and ``_last_save``, whose
    ``fields()``, ``markdown()``, ``markdown_of(fields)``, ``review_path``, ``_is_open(name)`` and ``refresh()`` say
    what is on screen, where it goes and whose it is."""

    def write(self, *, same_press: bool = False) -> None:
        """Save the review; say where, or why it could not be saved. ``same_press``: this save
        completes the last Save with letters typed before it (see :mod:`.late_keystrokes`)."""
        self._ask_to_clear(False)
        if self.learner is None:
            # after "Delete my saved work", only signing in again keeps this learner's work again
            gone = getattr(self, "signed_out", None)
            self.status.value = say.not_saved_signed_out(gone) if gone else say.not_saved_no_name()
            return
        if not self._is_open(self.name.value):
            self.status.value = say.not_saved_other_name(self.learner)
            return
        saved_text = self.saved_fields.get("review", "")
        if not self.text.value.strip() and saved_text.strip():
            self.status.value = say.not_saved_empty(words=len(saved_text.split()))
            return
        # the box replaced any half emoji by "�" as it arrived (text_boxes): say so at Save
        repaired, self.text.repaired = self.text.repaired, False
        fields = self.fields()
        if self._save(fields, allow_empty=False, repaired=repaired):
            last = self._last_save
            self._last_save = last.completed(fields) if same_press and last else Press(fields)

    def _save(
        self, fields: dict, *, allow_empty: bool, repaired: bool = False, markdown: str = ""
    ) -> bool:
        """Keep ``fields`` and write ``markdown`` (default: the review on screen) as the file."""
        self.status.value = say.status("Saving…")
        try:
            self.store.save(self.learner, SECTION, fields, allow_empty=allow_empty)
            self.saved_to = save_review(self.review_path, markdown or self.markdown())
            self.saved_fields = fields  # only now: "saved" means both files were written
            my_work.changed()  # the export's preview holds the review: it follows
        except RecordError as error:
            self.status.value = say.not_saved_error(error)
            self.refresh()
            return False
        self.status.value = say.saved(self.saved_to, repaired=repaired)
        self.refresh()
        return True

    def _ask_to_clear(self, asking: bool) -> None:
        self.clearing.show(bool(asking and self.learner))
        if asking:
            self.status.value = say.ask_to_clear(opened=bool(self.learner))

    def _keep(self) -> None:
        self._ask_to_clear(False)
        self.status.value = say.kept()

    def clear_review(self) -> None:
        """Empty the saved review text (the confirmed "Clear my review"); nothing else changes.

        The saved reasons, choices and matrix stay exactly as saved, in the record and in the
        file: a change on screen that was not saved is not saved by Clear, and stays on screen.
        """
        self._ask_to_clear(False)
        self._last_save = None  # letters arriving now complete no earlier Save
        if not self.saved_fields:  # nothing saved: no file to empty
            self.text.value = ""
            self.status.value = say.cleared_nothing_saved()
            return
        fields = {**self.saved_fields, "review": ""}
        try:
            markdown = self.markdown_of(fields)
        except (TypeError, KeyError, ValueError, OsmosisLabError):
            self.status.value = say.not_cleared()
            return
        self.text.value = ""
        if self._save(fields, allow_empty=True, markdown=markdown):
            self.status.value = say.cleared(self.saved_to)
