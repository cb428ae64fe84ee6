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
screen still shows the first learner's answers); a restart clears it. This module
holds who that learner is and tells the controls that follow it; the box the learner
signs in with is :mod:`.sign_in_box`, and :func:`export_panel` hands the work in (see
:mod:`.work_export`).

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
from typing import TYPE_CHECKING, Any

from ..errors import RecordError
from ..records import RecordStore
from .answer_inputs import answer_words

if TYPE_CHECKING:  # the box builds on this module, so it is imported late (in sign_in)
    from .sign_in_box import SignIn

#: The record section that holds every reflection (keyed by prompt id).
REFLECTIONS = "reflections"
#: Said wherever work shows as not kept: after a restart everything looks lost until the learner
#: signs in again, and nothing else on screen tells them that it comes back.
#: After a restart the widgets on screen are left from the old kernel and answer nothing (w41,
#: w43 pressed Check on them): the cells must run again before the sign-in brings the work back.
AFTER_RESTART = (
    "After a restart, run the cells again (Run, then Run All Cells) and sign in with the same "
    "name: everything you kept comes back."
)
_KERNEL: dict[str, Any] = {"learner": None, "store": None}
_FOLLOWERS: "weakref.WeakSet[Any]" = weakref.WeakSet()


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


def set_signed_in(learner: str, store: RecordStore) -> None:
    """Make ``learner`` (their record in ``store``) this kernel's learner; tell the followers.

    What the sign-in box (:mod:`.sign_in_box`) does once it has opened the record.
    """
    _KERNEL.update(learner=" ".join(learner.split()), store=store)
    _tell_followers()


def sign_out() -> None:
    """Forget who is signed in (after "Delete my saved work", or between tests)."""
    _KERNEL.update(learner=None, store=None)
    _tell_followers()


class LessonRecord:
    """One lesson's answers: ``get``/``put`` into the signed-in learner's section.

    Before anyone signs in, answers are held in this object only; at sign-in they
    join the learner's record where it keeps no answer for their exercise yet. Where it keeps
    a different one, neither replaces the other unasked, as for a reflection: the answer on
    screen stays there, not kept, and the control says what is kept and that Check keeps the
    one on screen instead. A sign-in once replaced a kept correct answer with a guess made
    before it (walkthrough w64); the other way round, it once brought back a kept wrong answer
    over a right one given before signing in (w65).
    """

    def __init__(self, lesson: str) -> None:
        self.lesson = lesson
        self.unsaved: dict[str, dict] = {}
        self.problem = ""
        #: The kept entry a sign-in found different from the answer on screen (not kept).
        self.differs: dict | None = None

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
        self.differs = None  # checked while signed in: this answer is the one kept now
        self._save({name: value})

    def forget(self, name: str) -> None:
        """Take ``name``'s answer out again: a press that turned out not to be a try (its last
        letters, arriving after it, made an answer the question does not allow)."""
        if current_learner() is None:
            self.unsaved.pop(name, None)
            return
        try:
            fields = self._fields()
            if name in fields:
                rest = {key: value for key, value in fields.items() if key != name}
                current_store().save(current_learner(), self.lesson, rest, allow_empty=True)
                changed()
        except RecordError as error:
            self.problem = str(error)

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
        """Move the answers held before sign-in into the learner's record, for the exercises
        it keeps no answer for (see the class)."""
        if current_learner() is None or not self.unsaved:
            return
        try:
            kept = self._fields()
        except RecordError as error:
            self.problem = str(error)
            return
        joining = {}
        for name, new in self.unsaved.items():
            old = kept.get(name) or {}
            if old.get("answer") is None:
                joining[name] = {
                    **new,
                    "first_answer": old.get("first_answer", new.get("first_answer")),
                    "tries": old.get("tries", 0) + new.get("tries", 0),
                }
            elif old.get("answer") != new.get("answer"):
                self.differs = old  # both stay: the kept one kept, this one on screen
        if not joining or self._save(joining):
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
        learner = html.escape(current_learner())
        if self.differs is not None:
            return (
                f"Kept for {learner}: a different answer, "
                f"“{html.escape(answer_words(self.differs['answer']))}”. The answer above is not "
                "kept: press <em>Check</em> to keep it instead."
            )
        return f"Checked answers are kept for {learner} on this machine."


def lesson_record(lesson: str) -> LessonRecord:
    """A record for one answer control of ``lesson`` (what :func:`answer_control` uses by default).

    One per control, so answers held before a sign-in belong to the control they were
    given in: re-running a cell starts a fresh control, as it always did.
    """
    return LessonRecord(lesson)


def keeps_another_answer(control: Any) -> bool:
    """Whether the learner's record keeps a different answer from the one on ``control``,
    found at sign-in (:meth:`LessonRecord.join`): until Check keeps it, the one on screen is
    not kept. False for a record of another kind (a test's, say), which has no sign-in."""
    return getattr(control.record, "differs", None) is not None


def refresh_answer_control(control: Any) -> None:
    """Fill ``control`` from the record after a sign-in, and say where its answers go."""
    if isinstance(control.record, LessonRecord):
        control.record.join()
    try:
        if not keeps_another_answer(control):  # else the answer on screen stays
            control.restore()
    except (ValueError, KeyError, TypeError):  # a kept answer the exercise no longer offers
        control.record.problem = "your kept answer no longer fits this exercise; answer again."
    control.kept.value = control.record.describe()


def sign_in(lesson: str, *, folder: str | Path | None = None) -> "SignIn":
    """The sign-in box for ``lesson`` (e.g. ``"02_consent"``); ``folder`` defaults to here
    (see :mod:`.sign_in_box`)."""
    from .sign_in_box import SignIn  # late: it builds on this module

    return SignIn(lesson, folder=folder)


def export_panel():
    """The **Export my work** and **Delete my saved work** panel (see :mod:`.work_export`)."""
    from .work_export import ExportPanel  # late: it builds on this module

    return ExportPanel()


def reflection(prompt_id: str, prompt_text: str):
    """A kept reflection: the prompt, a text box, Save (see :mod:`.reflections`)."""
    from .reflections import Reflection  # late: it builds on this module

    return Reflection(prompt_id, prompt_text)
