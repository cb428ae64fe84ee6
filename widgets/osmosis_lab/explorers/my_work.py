"""Who is working in this kernel, and their work kept: sign in, answers, reflections.

Each lesson shows :func:`sign_in` just after its setup cell. The learner types
the name or pseudonym they use everywhere in the module (lesson 05's review
writer opens the same record) and presses **Open my work**; from then on, in
this kernel, every answer control without a ``record`` of its own keeps its
answers in that learner's :class:`~osmosis_lab.records.RecordStore` section for
its lesson, and every :func:`reflection` keeps its text. Controls built before
the sign-in (Run All builds them all) are filled in when it happens, so after a
restart, Run All and signing in again, the answers and verdicts are back (the
verdicts computed again, never replayed). Until then answers are held in this
kernel only, and each control says so.

One kernel serves one learner: signing in under another name is refused (the
screen still shows the first learner's answers); a restart clears it.
:func:`export_panel` hands the work in (see :mod:`.work_export`).

Examples
--------
>>> import shutil, tempfile
>>> from osmosis_lab.explorers.answers import answer_control
>>> folder = tempfile.mkdtemp()
>>> door = sign_in("00_start_here", folder=folder)
>>> door.name.value = "Zoé"
>>> door.open.click()
>>> control = answer_control("youngest_tester")
>>> control.choice.index = control.exercise.choices().index("Niels Larson")
>>> control.check_button.click()
>>> current_store().load("Zoé")["00_start_here"]["youngest_tester"]["status"]
'correct'
>>> sign_out()
>>> shutil.rmtree(folder)
"""

import html
import weakref
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..errors import RecordError
from ..records import RecordStore, normalise_name
from . import text_boxes
from .late_keystrokes import Press

#: The record section that holds every reflection (keyed by prompt id).
REFLECTIONS = "reflections"
#: Said wherever work shows as not kept: after a restart everything looks lost until the learner
#: signs in again, and nothing else on screen tells them that it comes back.
AFTER_RESTART = "After a restart, sign in again with the same name: everything you kept comes back."
_KERNEL: dict[str, Any] = {"learner": None, "store": None}
_FOLLOWERS: "weakref.WeakSet[Any]" = weakref.WeakSet()


def _live(inner: str) -> str:
    return f'<div aria-live="polite" role="status">{inner}</div>'


def current_learner() -> str | None:
    """The name signed in in this kernel, or ``None``."""
    return _KERNEL["learner"]


def current_store() -> RecordStore | None:
    """The signed-in learner's record store, or ``None``."""
    return _KERNEL["store"]


def follow(item: Any) -> None:
    """Call ``item.on_sign_in()`` whenever a learner signs in or out in this kernel."""
    _FOLLOWERS.add(item)


def _tell_followers() -> None:
    for item in list(_FOLLOWERS):
        item.on_sign_in()


def changed() -> None:
    """Tell followers that have ``on_work_changed`` (the export preview) that the signed-in
    learner's kept work changed: an answer or a reflection was saved."""
    for item in list(_FOLLOWERS):
        if hasattr(item, "on_work_changed"):
            item.on_work_changed()


def _has_kept_work(name: str) -> bool:
    """Whether ``name`` has anything kept (an unreadable record counts as kept: never hide it)."""
    try:
        return any(_KERNEL["store"].load(name).values())
    except RecordError:
        return True


def sign_out() -> None:
    """Forget who is signed in (after "Delete my saved work", or between tests)."""
    _KERNEL.update(learner=None, store=None)
    _tell_followers()


class LessonRecord:
    """One lesson's answers: ``get``/``put`` into the signed-in learner's section.

    Before anyone signs in, answers are held in this object only; at sign-in they
    join the learner's record (first answer and tries merged with what was kept).
    """

    def __init__(self, lesson: str) -> None:
        self.lesson = lesson
        self.unsaved: dict[str, dict] = {}
        self.problem = ""

    def _fields(self) -> dict:
        return current_store().load(current_learner()).get(self.lesson, {})

    def get(self, name: str) -> Any:
        if current_learner() is None:
            return self.unsaved.get(name)
        try:
            return self._fields().get(name)
        except RecordError as error:
            self.problem = str(error)
            return None

    def put(self, name: str, value: Any) -> None:
        if current_learner() is None:
            self.unsaved[name] = value
            return
        self._save({name: value})

    def _save(self, changes: dict) -> bool:
        try:
            fields = self._fields()
            current_store().save(current_learner(), self.lesson, {**fields, **changes})
        except RecordError as error:
            self.problem = str(error)
            return False
        self.problem = ""
        changed()
        return True

    def join(self) -> None:
        """Move the answers held before sign-in into the learner's record."""
        if current_learner() is None or not self.unsaved:
            return
        try:
            kept = self._fields()
        except RecordError as error:
            self.problem = str(error)
            return
        merged = {}
        for name, new in self.unsaved.items():
            old = kept.get(name) or {}
            merged[name] = {
                **new,
                "first_answer": old.get("first_answer", new.get("first_answer")),
                "tries": old.get("tries", 0) + new.get("tries", 0),
            }
        if self._save(merged):
            self.unsaved = {}

    def describe(self) -> str:
        """What happens to the answers, for the control to show under its verdict."""
        if self.problem:
            return f"<strong>Not kept:</strong> {html.escape(self.problem)}"
        if current_learner() is None:
            return (
                "Answers are not kept until you sign in above (<em>Your name or pseudonym</em>, "
                f"then <em>Open my work</em>). {AFTER_RESTART}"
            )
        return f"Checked answers are kept for {html.escape(current_learner())} on this machine."


def lesson_record(lesson: str) -> LessonRecord:
    """A record for one answer control of ``lesson`` (what :func:`answer_control` uses by default).

    One per control, so answers held before a sign-in belong to the control they were
    given in: re-running a cell starts a fresh control, as it always did.
    """
    return LessonRecord(lesson)


def refresh_answer_control(control: Any) -> None:
    """Fill ``control`` from the record after a sign-in, and say where its answers go."""
    if isinstance(control.record, LessonRecord):
        control.record.join()
    try:
        control.restore()
    except (ValueError, KeyError, TypeError):  # a kept answer the exercise no longer offers
        control.record.problem = "your kept answer no longer fits this exercise; answer again."
    control.kept.value = control.record.describe()


class SignIn:
    """The sign-in box: a name, **Open my work**, and a status read out to screen readers."""

    def __init__(self, lesson: str, *, folder: str | Path | None = None) -> None:
        self.lesson, self.folder = lesson, folder
        self._last_press: Press | None = None  # the name signed in with (see .late_keystrokes)
        self._started_record = False  # whether that press began its name's record
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
        self.status = widgets.HTML(_live(""))
        self.view = widgets.VBox([widgets.HBox([self.name, self.open]), self.status])
        self.open.on_click(lambda _button: self.sign_in())
        self.name.on_enter(self.sign_in)  # Enter in the box signs in too
        follow(self)  # a sign-out elsewhere ("Delete my saved work") shows here too
        # every keystroke is answered, for screen readers: what pressing Open will do
        self.name.observe(lambda _change: self._typed(), names="value")
        self._say()

    def _typed(self) -> None:
        # Enter or Open pressed right after typing can reach the kernel before the last letters
        if self._last_press is not None and self._last_press.completed_by(
            {"name": self.name.value}
        ):
            self.sign_in(completing=True)
            return
        typed = " ".join(self.name.value.split())
        if typed and typed != current_learner():
            self.status.value = _live(
                f"Press <em>Enter</em> or <em>Open my work</em> to keep your answers as "
                f"{html.escape(typed)}."
            )

    def sign_in(self, *, completing: bool = False) -> None:
        """Open the record of the name typed and make it this kernel's learner. ``completing``:
        the last letters of the name arrived after the press (see :mod:`.late_keystrokes`)."""
        try:
            typed = normalise_name(self.name.value)
        except RecordError as error:
            return self._say(f"<strong>Not signed in:</strong> {html.escape(str(error))}")
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
            started = not any(store.load(self.name.value).values())
            if switched_from and cut_short:
                store.move(switched_from, self.name.value)
            saved = store.load(self.name.value)
        except RecordError as error:
            return self._say(f"<strong>Not signed in:</strong> {html.escape(str(error))}")
        self._last_press = Press({"name": self.name.value})
        self._started_record = started
        _KERNEL.update(learner=" ".join(self.name.value.split()), store=store)
        _tell_followers()
        found = len(saved.get(self.lesson, {}))
        # a name cut short was never the learner's choice: no "instead of" for it
        instead = (
            f" (instead of {html.escape(switched_from)})" if switched_from and not cut_short else ""
        )
        self._say(
            f"<strong>Signed in as {html.escape(current_learner())}{instead}.</strong> "
            f"{found} answer{'' if found == 1 else 's'} kept in this lesson so far. Your work is "
            f"kept in <code>{html.escape(str(store.path(self.name.value)))}</code>, on the "
            "machine that runs this notebook; nothing is sent anywhere unless you export it. "
            "Your name is not a password: use one nobody else in the class uses."
        )

    def on_sign_in(self) -> None:
        """Someone signed in or out in this kernel: say who is signed in now."""
        self._say()

    def _say(self, message: str = "") -> None:
        if not message:
            message = (
                f"Signed in as {html.escape(current_learner())}."
                if current_learner()
                else "<strong>Not signed in:</strong> your answers are not kept yet. Type your "
                f"name, then press <em>Enter</em> or <em>Open my work</em>. {AFTER_RESTART}"
            )
        self.status.value = _live(message)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def sign_in(lesson: str, *, folder: str | Path | None = None) -> SignIn:
    """The sign-in box for ``lesson`` (e.g. ``"02_consent"``); ``folder`` defaults to here."""
    return SignIn(lesson, folder=folder)


def export_panel():
    """The **Export my work** and **Delete my saved work** panel (see :mod:`.work_export`)."""
    from .work_export import ExportPanel  # late: it builds on this module

    return ExportPanel()


def reflection(prompt_id: str, prompt_text: str):
    """A kept reflection: the prompt, a text box, Save (see :mod:`.reflections`)."""
    from .reflections import Reflection  # late: it builds on this module

    return Reflection(prompt_id, prompt_text)
