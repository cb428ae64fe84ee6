"""Answer controls: answer an exercise by clicking or typing words, never Python.

:func:`answer_control` builds the control from the exercise's one source
(:mod:`osmosis_lab.check.exercises`): toggle buttons for a choice, a row of
checkboxes for picks, a text box read leniently for a number or a phrase
(each kind's inputs are built and read in :mod:`.answer_inputs`).
The **Check** button asks the exercise's own
:class:`~osmosis_lab.check.Check` for its verdict (so an answer given by
clicking is judged exactly as the same answer given in code) and shows it in
place, in a live region (:class:`.live.LiveText`); the selected answer is repeated in another.
No ipywidgets drop-down, radio buttons or select list: JupyterLab's command mode takes their keys.

A selected button shows a mark, not only a darker grey (WCAG 1.4.1). Every option an answer
control builds today is a radio or a checkbox (:mod:`.choice_buttons`): it draws its own mark,
kept out of its name, and a screen reader hears its state from ``aria-checked``. For a plain
ipywidgets toggle, which sets no ``aria-pressed`` and offers no way to, :data:`SELECTED_MARK`
puts "✓ " before its words, and so into its accessible name (CSS content counts in it).

Answers are kept across a reload or a restart in ``record``, any object with
``get(name)``, ``put(name, value)`` and ``forget(name)`` (:mod:`.answer_record`: a record
that lacks one is refused when the control is built). Without one, the control uses the
kernel's record for its lesson (:mod:`.my_work`): the signed-in learner's, or,
until someone signs in, the kernel's memory, and it says so under the verdict.

Examples
--------
>>> control = answer_control("youngest_tester")
>>> control.choice.index = control.exercise.choices().index("Niels Larson")
>>> control.check_button.click()
>>> control.status
'correct'
"""

import html

import ipywidgets as widgets

from ..check import Verdict
from ..check.exercise import Exercise, NotANumber, shortened
from ..check.exercises import exercise as find_exercise
from ..check.hints import message_html
from . import code_path, gate, stopped
from .answer_inputs import AnswerInputs, answer_words
from .answer_record import AnswerRecord, required
from .gate import reveal_after  # noqa: F401 - lessons import it with answer_control
from .late_keystrokes import LATE_KEYSTROKES_S, Press  # noqa: F401 - the rule, for every press
from .live import LiveText

code_path.install()  # the code cell under a control says so once the control is answered

_NOTHING = (
    "choose your answer, then press Check.",
    "type your answer, then press Enter or Check.",
)
_CHANGED = "Your answer changed: press Check to check it."
_UNREAD = "Not read, not counted as a try:"  # something given that the check cannot read
#: The statuses of an answer judged by the check (only these can be "checked again").
_JUDGED = ("correct", "hint", "could not check")
#: The status while the box holds text that could not be read, after tries that were kept.
NOT_READ = "not read"
#: Under the verdict of a prediction answered after its result was shown (Show anyway): the
#: record keeps ``"seen_first": true``, and the teacher's view does not count it as made blind.
SEEN_FIRST = (
    "<em>You answered this after seeing the result (Show anyway), so it is kept as answered "
    "after seeing the result, not as a prediction made before.</em>"
)
_AGAIN = "<p><em>Checked again: the same answer, so not a new try. Change it to try again.</em></p>"
#: After a right answer, "change it to try again" invited a wrong one (w43), which the record then
#: kept as the learner's last answer.
_AGAIN_RIGHT = "<p><em>Checked again: the same answer, still right; nothing to change.</em></p>"
#: A second press on what could not be read either: the press is heard, nothing is counted.
_UNREAD_AGAIN = "<p><em>Pressed again: still nothing that reads as an answer, so no try.</em></p>"
_REFUSED_AGAIN = (
    "<p><em>Pressed again: still a number this question does not allow, so no try.</em></p>"
)
_NOTHING_UNREAD = object()  # no unread answer checked yet
#: The class every answer control's box carries (the mark's rule is scoped to it).
CONTROL_CLASS = "osmosis-answer"
#: The mark a selected toggle shows before its words, for sight and accessible name alike.
MARK = "✓ "
#: Not on an option that says its state (a radio or checkbox of .choice_buttons: aria-checked):
#: those draw their own mark, kept out of their name (w48 heard "✓ Niels Larson, checked").
SELECTED_MARK = (
    f"<style>.{CONTROL_CLASS} .widget-toggle-button.mod-active:not([aria-checked])::before"
    f' {{ content: "{MARK}"; font-weight: bold; }}'
    # a long answer or verdict wraps inside the control instead of running off to the right
    f" .{CONTROL_CLASS} .widget-html-content {{ white-space: normal; overflow-wrap: anywhere; }}"
    "</style>"
)


class AnswerControl(AnswerInputs):
    """One exercise's answer control. Public children: the inputs (see :mod:`.answer_inputs`),
    ``check_button``, ``selection`` (what is chosen, in words) and ``verdict`` (the check's
    verdict)."""

    #: Set by a gate (:mod:`.gate`) that showed this prediction's result before any answer.
    seen_first = False

    def __init__(self, exercise: Exercise, *, record: AnswerRecord) -> None:
        self._last_check: Press | None = None  # the text checked (see .late_keystrokes)
        self._before_press: tuple = ("not checked", _NOTHING_UNREAD, None)  # what it found
        self._unread = _NOTHING_UNREAD  # the last answer Check could not read, if any
        self.exercise, self.record = exercise, required(record)
        self.status = "not checked"
        self.check_button = widgets.Button(
            description="Check", tooltip=f"Check your answer: {exercise.question}"
        )
        # what is chosen, in words: said when it changes, except for a typed answer, whose box a
        # screen reader reads as it is typed ("Your answer: 0", "0.", "0.3" at each key, w55)
        typed = exercise.kind in ("number", "phrase")
        self.selection = widgets.HTML() if typed else LiveText()
        self.verdict = LiveText()
        self.kept = widgets.HTML()  # where the answers are kept, if the record says
        self.inputs = self._build_inputs()
        question = widgets.HTML(
            f"{SELECTED_MARK}<p><strong>{html.escape(exercise.question)}</strong></p>"
        )
        self.view = widgets.VBox(
            [question, *self.inputs, self.check_button, self.selection, self.verdict, self.kept]
            + [stopped.carrier()]  # the look of a control a restart left behind (.stopped)
        ).add_class(CONTROL_CLASS)
        for control in self._watched():
            control.observe(self._changed, names="value")
        self.check_button.on_click(lambda _button: self.check())
        self.restore()
        self._describe()

    # --- acting ---------------------------------------------------------------------------
    def check(self) -> Verdict:
        """Judge the current answer with the exercise's check; show and record the verdict.
        The same answer checked again is not a new try: it says so, and the count stays.
        Text that cannot be read as an answer is no try at all: the tries already kept still
        count, and the box says what it holds and what the last checked answer got."""
        # what the press found (its last letters may still arrive: _recheck_same_try); the same
        # answer again is one judged and kept (a sign-in may find another kept: my_work)
        self._before_press = (self.status, self._unread, (kept := self._kept_entry()))
        again = self.status in _JUDGED and (kept or {}).get("answer") == self.state()
        answer = None  # something given, until the control says nothing is (``...``)
        try:
            answer = self.answer()
            verdict = (
                Verdict("not attempted", _NOTHING[self.exercise.kind in ("number", "phrase")])
                if answer is ...
                else self.exercise.verdict(answer)
            )
        except NotANumber:
            verdict = Verdict("not attempted", self.exercise.not_a_number(self.text.value))
        # a press must always be heard: the same unreadable answer again says so
        unread = self.state() if verdict.status == "not attempted" else _NOTHING_UNREAD
        repeat = unread is not _NOTHING_UNREAD and unread == self._unread
        self._unread = unread
        if verdict.status == "not attempted" and self._kept_try():
            return self._not_read(verdict, repeat=repeat)
        self.status = verdict.status
        again = again and verdict.status in _JUDGED
        right_again = again and verdict.status == "correct"
        note = _AGAIN_RIGHT if right_again else _AGAIN if again else self._again(verdict, repeat)
        # given but not read: said as once a try is kept (w60 met "Not attempted yet" for it)
        unread = verdict.status == "not attempted" and answer is not ... and not verdict.refused
        label = _UNREAD if unread else None
        self.verdict.value = verdict.html(label) + note + self._seen_first_note()
        if not again:
            self._keep(verdict)
        self._after_check()
        return verdict

    @staticmethod
    def _again(verdict: Verdict, repeat: bool) -> str:
        """What a second press on the same unread or refused entry adds: it was heard."""
        if not repeat:
            return ""
        return _REFUSED_AGAIN if verdict.refused else _UNREAD_AGAIN

    def _after_check(self) -> None:
        if hasattr(self.record, "describe"):
            self.kept.value = self.record.describe()
        text = getattr(self, "text", None)
        self._last_check = Press({"text": text.value if text is not None else None})

    def _kept_try(self) -> dict | None:
        """The record kept for this exercise if it holds at least one try, else None."""
        kept = self._kept_entry()
        return kept if kept and kept.get("tries") else None

    def _not_read(self, verdict: Verdict, *, repeat: bool = False) -> Verdict:
        """Say that what the box holds was not read (or was refused), and what the last
        checked answer got, with its reason."""
        kept = self._kept_try()
        words = shortened(answer_words(kept.get("answer")))
        self.status = NOT_READ
        why = "Not counted as a try:" if verdict.refused else _UNREAD
        note = (
            f"<p><strong>{why}</strong> {html.escape(verdict.message)}</p><p>Your last checked "
            f"answer, {html.escape(words)}, got: {self._kept_verdict(kept)}"
            f" (tries so far: {kept['tries']}).</p>"
        )
        self.verdict.value = note + self._again(verdict, repeat)
        self._after_check()
        return verdict

    def _kept_verdict(self, kept: dict) -> str:
        """The kept answer's verdict, label and reason, as HTML: computed again, never replayed
        (a label alone, "got: Not yet:", once reached a learner with no reason after it)."""
        try:
            verdict = self.exercise.verdict(self.answer_of(kept.get("answer")))
        except (NotANumber, ValueError, KeyError, TypeError):  # no longer an answer it reads
            return "an answer this exercise no longer reads: type it again"
        return f"<strong>{html.escape(verdict.label)}</strong> {message_html(verdict.message)}"

    def _keep(self, verdict: Verdict) -> None:
        if verdict.status == "not attempted":
            return
        kept = self.record.get(self.exercise.name) or {}
        tries = kept.get("tries", 0) + 1
        first = kept.get("first_answer", self.state()) if tries > 1 else self.state()
        self.record.put(
            self.exercise.name,
            {"first_answer": first, "tries": tries, "answer": self.state(),
             "status": verdict.status, "misconception": verdict.misconception,
             **({"seen_first": True} if self._seen_first(kept) else {})},
        )  # fmt: skip

    def _seen_first(self, kept: dict) -> bool:
        """Whether the first try came after the result was shown (the gate's Show anyway)."""
        return bool(kept.get("seen_first") if kept.get("tries") else self.seen_first)

    def _seen_first_note(self) -> str:
        """Under the verdict: a prediction answered after its result was shown says so."""
        if not (self.seen_first or (self._kept_entry() or {}).get("seen_first")):
            return ""
        return f"<p>{SEEN_FIRST}</p>"

    def _completes_last_check(self) -> bool:
        """Whether the text changed only by keystrokes typed before the last Check (see
        :mod:`.late_keystrokes`)."""
        if getattr(self, "text", None) is None or self._last_check is None:
            return False
        return self._last_check.completed_by({"text": self.text.value})

    def restore(self) -> None:
        """Show the answer the record keeps for this exercise, and its verdict, if any."""
        kept = self.record.get(self.exercise.name)
        if not kept or kept.get("answer") is None:
            return
        self.set_state(kept["answer"])
        # The verdict is computed again, never replayed: the check or the data may have changed.
        verdict = self.exercise.verdict(self.answer())
        self.status = verdict.status
        self.verdict.value = verdict.html() + self._seen_first_note()

    def _changed(self, _change) -> None:
        if self._completes_last_check():
            self._recheck_same_try()
            return
        # any other change ends the press: letters arriving later extend this text, not the one
        # it checked ("1" checked, "" then "1e" arrive: "1e" is no completion of "1", w52)
        self._last_check = None
        if self.status != "not checked":
            self.status = "changed"
            self.verdict.value = html.escape(_CHANGED)
        self._describe()

    def _kept_entry(self) -> dict | None:
        return self.record.get(self.exercise.name)

    def _recheck_same_try(self) -> None:
        """Judge the completed text as the Check the learner pressed: the press is judged again
        from what it found (status, record), as if its last letters had reached it in time.

        So "250" cut short to "2" is refused and "2" is not kept as a try; "two" cut short to
        "t" (not read) is a new try, not the same one as the answer kept before it (w47).
        """
        press = self._last_check
        self.status, self._unread, kept = self._before_press
        if self.status != "not checked":
            # had the letters arrived in time, the box had changed before the press (as
            # _changed says): a status the press found judged its cut-off text, not this one
            # ("1" kept, "10" pressed: "Checked again: the same answer" kept "1", w52)
            self.status = "changed"
        if kept is None:
            self.record.forget(self.exercise.name)
        else:
            self.record.put(self.exercise.name, kept)
        self.check()
        self._last_check = press.completed({"text": self.text.value})
        self._describe()

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def answer_control(
    exercise: Exercise | str, *, record: AnswerRecord | None = None
) -> AnswerControl:
    """The answer control for ``exercise`` (an :class:`Exercise` or its check's name).

    Parameters
    ----------
    exercise
        The exercise, or the name of its check, e.g. ``"youngest_tester"``.
    record
        Where answers are kept across reloads: any object with ``get(name)``,
        ``put(name, value)`` and ``forget(name)`` (else ``TypeError``, here: see
        :mod:`.answer_record`). ``None``: the kernel's record for the exercise's lesson,
        which keeps the answers of the learner signed in with :func:`.my_work.sign_in`.
    """
    if isinstance(exercise, str):
        exercise = find_exercise(exercise)
    if record is not None:
        control = AnswerControl(exercise, record=record)
    else:
        from . import my_work  # late: my_work knows who is signed in in this kernel

        control = AnswerControl(exercise, record=my_work.lesson_record(exercise.lesson))
        control.kept.value = control.record.describe()
        control.on_sign_in = lambda: my_work.refresh_answer_control(control)
        my_work.follow(control)
    gate.announce(control)  # a result gated on this prediction follows the newest control
    return control
