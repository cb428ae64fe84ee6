"""Answer controls: answer an exercise by clicking or typing words, never Python.

:func:`answer_control` builds the control from the exercise's one source
(:mod:`osmosis_lab.check.exercises`): toggle buttons for a choice, one toggle
per option for picks, a text box read leniently for a number or a phrase.
The **Check** button asks the exercise's own
:class:`~osmosis_lab.check.Check` for its verdict (so an answer given by
clicking is judged exactly as the same answer given in code) and shows it in
place, in an ``aria-live`` region; the selected answer is repeated in another.
No drop-down, radio or select list: JupyterLab's command mode takes their keys.

A selected button shows a mark, not only a darker grey (WCAG 1.4.1): :data:`SELECTED_MARK`
puts "✓ " before its words, and so into its accessible name (CSS content counts in
it). ipywidgets 8.1's buttons set no ``aria-pressed`` and offer no way to, and a
description changed from Python would make a ``ToggleButtons`` group redraw its
buttons and drop the keyboard focus; a style rule needs neither.

Answers are kept across a reload or a restart in ``record``, any object with
``get(name)`` and ``put(name, value)``. Without one, the control uses the
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
from typing import Any

import ipywidgets as widgets

from ..check import Verdict
from ..check.exercise import Exercise, NotANumber, parse_number
from ..check.exercises import exercise as find_exercise
from . import code_path, gate, text_boxes
from .gate import reveal_after  # noqa: F401 - lessons import it with answer_control
from .late_keystrokes import LATE_KEYSTROKES_S, Press  # noqa: F401 - the rule, for every press

code_path.install()  # the code cell under a control says so once the control is answered

_PLACEHOLDER = {"number": "a number, e.g. 12 or 0.25 or 25 %", "phrase": "a few words"}
_NOTHING = (
    "choose your answer, then press Check.",
    "type your answer, then press Enter or Check.",
)
_CHANGED = "Your answer changed: press Check to check it."
_AGAIN = "<p><em>Checked again: the same answer, so not a new try. Change it to try again.</em></p>"
#: The class every answer control's box carries (the mark's rule is scoped to it).
CONTROL_CLASS = "osmosis-answer"
#: The mark a selected toggle shows before its words, for sight and accessible name alike.
MARK = "✓ "
SELECTED_MARK = (
    f"<style>.{CONTROL_CLASS} .widget-toggle-button.mod-active::before"
    f' {{ content: "{MARK}"; font-weight: bold; }}</style>'
)


def _live(inner: str) -> str:
    return f'<div aria-live="polite">{inner}</div>'


class AnswerControl:
    """One exercise's answer control. Public children: the inputs, ``check_button``,
    ``selection`` (what is chosen, in words) and ``verdict`` (the check's verdict)."""

    def __init__(self, exercise: Exercise, *, record: Any = None) -> None:
        self._last_check: Press | None = None  # the text checked (see .late_keystrokes)
        self.exercise, self.record = exercise, record
        self.status = "not checked"
        self.check_button = widgets.Button(
            description="Check", tooltip=f"Check your answer: {exercise.question}"
        )
        self.selection, self.verdict = widgets.HTML(), widgets.HTML(_live(""))
        self.kept = widgets.HTML()  # where the answers are kept, if the record says
        self.inputs = self._build_inputs()
        question = widgets.HTML(
            f"{SELECTED_MARK}<p><strong>{html.escape(exercise.question)}</strong></p>"
        )
        self.view = widgets.VBox(
            [question, *self.inputs, self.check_button, self.selection, self.verdict, self.kept]
        ).add_class(CONTROL_CLASS)
        for control in self._watched():
            control.observe(self._changed, names="value")
        self.check_button.on_click(lambda _button: self.check())
        self.restore()
        self._describe()

    # --- building -------------------------------------------------------------------------
    def _toggles(self, options: tuple, description: str) -> widgets.ToggleButtons:
        return widgets.ToggleButtons(
            options=[(self.exercise.label(o), i) for i, o in enumerate(options)],
            value=None,
            description=description,
            style={"button_width": "auto"},
        )

    def _build_inputs(self) -> list[widgets.Widget]:
        kind, options = self.exercise.kind, self.exercise.choices()
        if kind == "choice":
            self.choice = self._toggles(options, "Your answer")
            return [self.choice]
        if kind == "picks":
            # as wide as their words, wrapping onto more rows: a cut-off option cannot be read
            self.picks = [
                widgets.ToggleButton(
                    description=self.exercise.label(o),
                    tooltip=f"Pick {self.exercise.label(o)}",
                    layout=widgets.Layout(width="auto"),
                )
                for o in options
            ]
            return [widgets.HBox(self.picks, layout=widgets.Layout(flex_flow="row wrap"))]
        if kind == "pair":
            self.sides = [self._toggles(side, f"One of {', '.join(side)}") for side in options]
            return self.sides
        if kind == "pairs":
            people, partners = options
            self.partners = {p: self._toggles(partners, f"{p}'s partner") for p in people}
            return list(self.partners.values())
        self.text = text_boxes.Text(description="Your answer", placeholder=_PLACEHOLDER[kind])
        self.text.on_enter(self.check)  # Enter checks, as Check does: only a check is kept
        return [self.text]

    def _watched(self) -> list[widgets.Widget]:
        kind = self.exercise.kind
        return {
            "choice": lambda: [self.choice],
            "picks": lambda: self.picks,
            "pair": lambda: self.sides,
            "pairs": lambda: list(self.partners.values()),
            "number": lambda: [self.text],
            "phrase": lambda: [self.text],
        }[kind]()

    # --- reading --------------------------------------------------------------------------
    def state(self) -> Any:
        """What is chosen or typed, as plain data a record can keep (None: nothing yet)."""
        kind, options = self.exercise.kind, self.exercise.choices()
        if kind == "choice":
            return None if self.choice.value is None else options[self.choice.value]
        if kind == "picks":
            return [o for o, pick in zip(options, self.picks, strict=True) if pick.value] or None
        if kind == "pair":
            chosen = [side.value for side in self.sides]
            return None if None in chosen else [o[i] for o, i in zip(options, chosen, strict=True)]
        if kind == "pairs":
            chosen = {p: t.value for p, t in self.partners.items() if t.value is not None}
            return {p: options[1][i] for p, i in chosen.items()} or None
        return self.text.value if self.text.value.strip() else None

    def answer(self) -> Any:
        """The answer the check judges (``...`` while nothing is chosen).

        Raises
        ------
        NotANumber
            For a number exercise whose text does not read as a number.
        """
        state, kind = self.state(), self.exercise.kind
        if state is None:
            return ...
        if kind == "picks":
            return frozenset(state)
        if kind == "pair":
            return tuple(state)
        if kind == "number":
            return parse_number(state, unit=self.exercise.unit)
        if kind == "phrase":
            return self.exercise.read_phrase(state)
        return state

    # --- acting ---------------------------------------------------------------------------
    def check(self) -> Verdict:
        """Judge the current answer with the exercise's check; show and record the verdict.
        The same answer checked again is not a new try: it says so, and the count stays."""
        again = self.status not in ("not checked", "changed")
        try:
            answer = self.answer()
            verdict = (
                Verdict("not attempted", _NOTHING[self.exercise.kind in ("number", "phrase")])
                if answer is ...
                else self.exercise.check.verdict(answer)
            )
        except NotANumber:
            verdict = Verdict(
                "not attempted",
                f"{self.text.value!r} is not a number: type it in digits or words, e.g. 12 or twelve.",
            )
        self.status = verdict.status
        self.verdict.value = _live(verdict._repr_html_() + (_AGAIN if again else ""))
        if not again:
            self._keep(verdict)
        if hasattr(self.record, "describe"):
            self.kept.value = self.record.describe()
        text = getattr(self, "text", None)
        self._last_check = Press({"text": text.value if text is not None else None})
        return verdict

    def _keep(self, verdict: Verdict, *, same_try: bool = False) -> None:
        if self.record is None or verdict.status == "not attempted":
            return
        kept = self.record.get(self.exercise.name) or {}
        tries = kept.get("tries", 0) + (0 if same_try and kept else 1)
        first = kept.get("first_answer", self.state()) if tries > 1 else self.state()
        self.record.put(
            self.exercise.name,
            {"first_answer": first, "tries": tries, "answer": self.state(),
             "status": verdict.status, "misconception": verdict.misconception},
        )  # fmt: skip

    def _completes_last_check(self) -> bool:
        """Whether the text changed only by keystrokes typed before the last Check (see
        :mod:`.late_keystrokes`)."""
        if getattr(self, "text", None) is None or self._last_check is None:
            return False
        return self._last_check.completed_by({"text": self.text.value})

    def restore(self) -> None:
        """Show the answer the record keeps for this exercise, and its verdict, if any."""
        kept = self.record.get(self.exercise.name) if self.record is not None else None
        if not kept or kept.get("answer") is None:
            return
        self.set_state(kept["answer"])
        # The verdict is computed again, never replayed: the check or the data may have changed.
        verdict = self.exercise.check.verdict(self.answer())
        self.status = verdict.status
        self.verdict.value = _live(verdict._repr_html_())

    def set_state(self, state: Any) -> None:
        """Show ``state`` (as :meth:`state` returns it) in the inputs."""
        kind, options = self.exercise.kind, self.exercise.choices()
        if kind == "choice":
            self.choice.value = options.index(state)
        elif kind == "picks":
            for option, pick in zip(options, self.picks, strict=True):
                pick.value = option in state
        elif kind == "pair":
            for side, values, chosen in zip(self.sides, options, state, strict=True):
                side.value = values.index(chosen)
        elif kind == "pairs":
            for person, partner in state.items():
                self.partners[person].value = options[1].index(partner)
        else:  # number, phrase
            self.text.value = str(state)

    def _changed(self, _change) -> None:
        if self._completes_last_check():
            self._recheck_same_try()
            return
        if self.status != "not checked":
            self.status = "changed"
            self.verdict.value = _live(html.escape(_CHANGED))
        self._describe()

    def _recheck_same_try(self) -> None:
        """Judge the completed text as the Check the learner pressed, not as a new try."""
        try:
            verdict = self.exercise.check.verdict(self.answer())
        except NotANumber:
            return self._describe()
        self.status = verdict.status
        self.verdict.value = _live(verdict._repr_html_())
        self._keep(verdict, same_try=True)
        self._last_check = self._last_check.completed({"text": self.text.value})
        self._describe()

    def _describe(self) -> None:
        state = self.state()
        if state is None and self.exercise.kind == "pair":
            # half a pair is not an answer yet, but a screen reader hears what was chosen
            chosen = [str(side.label) for side in self.sides if side.value is not None]
            words = (
                f"{' and '.join(chosen)}, then the other one" if chosen else "nothing chosen yet"
            )
        elif state is None:
            words = "nothing chosen yet"
        elif isinstance(state, dict):
            words = "; ".join(f"{k}: {v}" for k, v in state.items())
        elif isinstance(state, list):
            words = ", ".join(map(str, state))
        else:
            words = str(state)
        self.selection.value = _live(f"Your answer: {html.escape(words)}")

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def answer_control(exercise: Exercise | str, *, record: Any = None) -> AnswerControl:
    """The answer control for ``exercise`` (an :class:`Exercise` or its check's name).

    Parameters
    ----------
    exercise
        The exercise, or the name of its check, e.g. ``"youngest_tester"``.
    record
        Where answers are kept across reloads: any object with ``get(name)`` and
        ``put(name, value)``. ``None``: the kernel's record for the exercise's lesson,
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
