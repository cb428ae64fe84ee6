"""The sign-in box: a name, **Open my work**, and a status read out to screen readers.

:func:`.my_work.sign_in` shows it just after each lesson's setup cell. Pressing **Open my
work** (or Enter in the box) opens the record of the name typed, once, and makes it this
kernel's learner (:func:`.my_work.set_signed_in`); every control that follows the sign-in
then fills itself from that record. Signing in as someone else while the first learner has
work kept is refused, so nobody sees another learner's answers.

Examples
--------
>>> import shutil, tempfile
>>> from osmosis_lab.explorers import my_work
>>> folder = tempfile.mkdtemp()
>>> door = SignIn("00_start_here", folder=folder)
>>> door.name.value = "Zoé"
>>> door.open.click()
>>> my_work.current_learner()
'Zoé'
>>> my_work.sign_out()
>>> shutil.rmtree(folder)
"""

import html
from pathlib import Path

import ipywidgets as widgets

from ..errors import RecordError
from ..records import RecordStore, normalise_name
from . import my_work, stopped, text_boxes
from .late_keystrokes import Press
from .live import LiveText
from .my_work import AFTER_RESTART, current_learner


def _has_kept_work(name: str) -> bool:
    """Whether ``name`` has anything kept (an unreadable record counts as kept: never hide it)."""
    try:
        return any(my_work.current_store().load(name).values())
    except RecordError:
        return True


class SignIn:
    """The sign-in box: a name, **Open my work**, and a status read out to screen readers."""

    def __init__(self, lesson: str, *, folder: str | Path | None = None) -> None:
        self.lesson, self.folder = lesson, folder
        self._last_press: Press | None = None  # the name signed in with (see .late_keystrokes)
        self._started_record = False  # whether that press began its name's record
        self._welcome: tuple[str, str] | None = None  # what the sign-in said: who, and where
        self._signing_in = self._work_changed = False  # during this box's own sign-in
        self.name = text_boxes.Text(
            value=current_learner() or "",
            description="Your name or pseudonym",
            placeholder="the same one in every lesson",
            # the whole label (not "Your name or pseudo…") and the whole placeholder after it
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"),
        )
        self.open = widgets.Button(
            description="Open my work",
            tooltip="Keep your answers under this name",
            layout=widgets.Layout(width="auto"),
        )
        # what pressing Open will do, as the learner types: not live, or a screen reader would
        # say it at every letter (w50); only what signing in did is announced, in ``status``
        self.hint = widgets.HTML()
        self.status = LiveText()
        # how many answers are kept, following every Check: shown, not said. In ``status`` it
        # re-read the whole sign-in at each Check (issue 12), whose verdict says it was kept.
        self.count = widgets.HTML()
        # every lesson shows this box first: the look of views a restart left behind (.stopped)
        self.view = widgets.VBox(
            [
                widgets.HBox([self.name, self.open]),
                self.hint,
                self.status,
                self.count,
                stopped.carrier(),
            ]
        )
        self.open.on_click(lambda _button: self.sign_in())
        self.name.on_enter(self.sign_in)  # Enter in the box signs in too
        my_work.follow(self)  # a sign-out elsewhere ("Delete my saved work") shows here too
        # every keystroke is answered on screen: what pressing Open will do
        self.name.observe(lambda _change: self._typed(), names="value")
        self._say()

    def _typed(self) -> None:
        # Open pressed right after typing can reach the kernel before the last letters (Enter
        # carries them: text_boxes.Text.on_enter)
        if self._last_press is not None and self._last_press.completed_by(
            {"name": self.name.value}
        ):
            self.sign_in(completing=True)
            return
        typed = " ".join(self.name.value.split())
        self.hint.value = (
            f"Press <em>Enter</em> or <em>Open my work</em> to keep your answers as "
            f"{html.escape(typed)}."
            if typed and typed != current_learner()
            else ""
        )

    @staticmethod
    def _still() -> str:
        """Who is signed in after a name is refused: "Not signed in:" said while the earlier
        learner's work was still being kept (w43, a 500-letter name)."""
        learner = current_learner()
        return f"Still signed in as {html.escape(learner)}:" if learner else "Not signed in:"

    def sign_in(self, *, completing: bool = False) -> None:
        """Open the record of the name typed and make it this kernel's learner. ``completing``:
        the last letters of the name arrived after the press (see :mod:`.late_keystrokes`)."""
        try:
            typed = normalise_name(self.name.value)
        except RecordError as error:
            return self._say(f"<strong>{self._still()}</strong> {html.escape(str(error))}")
        if (
            self._last_press is not None
            and current_learner()
            and normalise_name(current_learner()) == typed
        ):
            # Enter, then a click on Open out of habit: say so, rather than the same words again
            return self._say(
                f"<strong>Signed in as {html.escape(current_learner())}</strong> already: your "
                "kept work is on screen; nothing changed."
            )
        switched_from = ""
        # the name this press signed in was cut short, and its record began with this press:
        # what it keeps is this learner's, and moves to the whole name
        cut_short = completing and self._started_record
        if current_learner() and normalise_name(current_learner()) != typed:
            if _has_kept_work(current_learner()) and not cut_short:
                return self._say(
                    f"<strong>Not switched:</strong> {html.escape(current_learner())} is signed "
                    "in in this notebook and has work kept. To work as someone else, choose "
                    "<em>Kernel → Restart Kernel and Run All Cells</em>, then sign in again, so "
                    "nobody sees another learner's answers."
                )
            # Nothing kept under the old name, so nothing of theirs can be on screen: a name
            # cut short (a click that overtook the last keystrokes on a busy kernel) or mistyped
            # is corrected by pressing Open again.
            switched_from = current_learner()
        store = RecordStore(self.folder)
        try:
            saved = store.load(self.name.value)  # once: every reader below uses this copy
            started = not any(saved.values())
            if switched_from and cut_short:
                store.move(switched_from, self.name.value)
                saved = store.load(self.name.value)  # the move changed it: read what it holds now
        except RecordError as error:
            return self._say(f"<strong>Not signed in:</strong> {html.escape(str(error))}")
        self._last_press = Press({"name": self.name.value})
        self._started_record = started
        self._signing_in, self._work_changed = True, False
        try:
            my_work.set_signed_in(self.name.value, store)  # answers given before may join now
        finally:
            self._signing_in = False
        # the copy read above counts, unless answers joined the record as the sign-in happened
        found = None if self._work_changed else len(saved.get(self.lesson, {}))
        # a name cut short was never the learner's choice: no "instead of" for it
        instead = (
            f" (instead of {html.escape(switched_from)})" if switched_from and not cut_short else ""
        )
        where = html.escape(str(store.path(self.name.value)))
        self._welcome = (
            f"<strong>Signed in as {html.escape(current_learner())}{instead}.</strong>",
            f" Your work is kept in <code>{where}</code>, on the machine that runs this notebook; "
            "nothing is sent anywhere unless you export it. Your name is not a password: use one "
            f"nobody else in the class uses. {AFTER_RESTART}",
        )  # the last sentence stays on screen after a restart, when nothing else works (w44)
        self._say_welcome(found)

    def _kept_here(self, found: int | None = None) -> str:
        """How many answers of this lesson are kept now: ``found``, or read from the record
        (never remembered: answers kept after the sign-in, or joined at it, count too)."""
        if found is None:
            try:
                found = len(my_work.current_store().load(current_learner()).get(self.lesson, {}))
            except RecordError:
                return "Your kept answers could not be counted."
        return f"{found} answer{'' if found == 1 else 's'} kept in this lesson so far."

    def _say_welcome(self, found: int | None = None) -> None:
        head, tail = self._welcome or (f"Signed in as {html.escape(current_learner())}.", "")
        self._say(head + tail, found)

    def _show_count(self, found: int | None = None) -> None:
        """The count under the status: the signed-in learner's, or nothing."""
        self.count.value = self._kept_here(found) if current_learner() else ""

    def on_work_changed(self) -> None:
        """An answer was kept (:func:`.my_work.changed`): the count shown follows it, unsaid."""
        if self._signing_in:  # answers joining at this box's sign-in: it counts them after
            self._work_changed = True
        else:
            self._show_count()

    def on_sign_in(self) -> None:
        """Someone signed in or out in this kernel: say who is signed in now."""
        self._welcome = None  # said at this box's own sign-in only (it then says it again)
        if not self._signing_in:  # at its own sign-in the box says it all once, just after
            self._say()

    def _say(self, message: str = "", found: int | None = None) -> None:
        """Say ``message`` (by default, who is signed in), and show the count of ``found``."""
        if not message and current_learner():
            return self._say_welcome()
        if not message:
            message = (
                "<strong>Not signed in:</strong> your answers are not kept yet. Type your "
                f"name, then press <em>Enter</em> or <em>Open my work</em>. {AFTER_RESTART}"
            )
        self.hint.value = ""  # said: the hint for what was typed is answered
        self.status.value = message
        self._show_count(found)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
