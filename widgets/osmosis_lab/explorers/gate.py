"""Predict, then see: a result stays hidden until its prediction is answered (a gated reveal).

A lesson asks for a prediction with an answer control (:mod:`.answers`), then
shows the explorer or table that answers it. :func:`reveal_after` wraps that
result in a :class:`Gate`: hidden until the prediction's control has a checked
answer (clicked, typed, or restored from the learner's record after a reload
or a restart), with a status read out to screen readers that says why it is
hidden and how to reveal it, and a **Show anyway** button for a teacher who
wants to skip the prediction. Once shown, a result stays shown, with one exception:
the press that opened it turns out to be no try. Its last letters can reach the kernel
after the press (:mod:`.late_keystrokes`): "2" opened the gate, then "50" arrived and the
control judged the press again as 250, a number the question does not allow, "Not counted
as a try". The gate follows what the record then holds: no prediction, so the result is
hidden again, with a status that says why (:data:`HIDDEN_AGAIN`). If an earlier try had
opened it, the record still holds that try and the result stays. The button stays
where it was, renamed **Shown below**, so a keyboard user who pressed it keeps
the focus there (a hidden or disabled button drops the focus to the page, where
JupyterLab's shortcuts take the next key); pressing it again says the result is
already shown.

The gate finds the prediction's control by its exercise's name: the newest
control built for it in this kernel (:func:`announce`, called by
:func:`.answers.answer_control`), and it follows a newer one if that cell is
run again. While hidden, the result is still built and drawn, only not
displayed, so nothing waits on the learner, and the static site can print it
folded (the view carries the class :data:`CSS_CLASS`).

Examples
--------
>>> import ipywidgets as widgets
>>> from osmosis_lab.explorers.answers import answer_control
>>> control = answer_control("top_band_prediction")
>>> gate = reveal_after("top_band_prediction", widgets.HTML("the record"))
>>> gate.shown, gate.result_box.layout.display
(False, 'none')
>>> control.choice.index = 0
>>> control.check_button.click()
>>> gate.shown, gate.result_box.layout.display
(True, None)
"""

import weakref
from typing import Any

import ipywidgets as widgets

from .live import LiveText

#: The class on a gate's view, by which the static site finds it.
CSS_CLASS = "osmosis-gate"
#: Control statuses that mean no prediction has been given yet.
_UNANSWERED = ("not checked", "not attempted")
#: The button's name once it has shown the result, and what pressing it again says.
SHOWN = "Shown below"
ALREADY_SHOWN = "Already shown: the result is below this button."
#: Why a result shown by an answer is hidden again: the press that opened it was no try.
HIDDEN_AGAIN = (
    "Hidden again: the answer that showed the result was not counted as a try (the reply "
    "above says why), so there is no prediction yet. Answer the prediction and press "
    "<em>Check</em> to see the result, or press <em>Show anyway</em>."
)
_NEWEST: "weakref.WeakValueDictionary[str, Any]" = weakref.WeakValueDictionary()
_WAITING: "dict[str, weakref.WeakSet[Gate]]" = {}


def announce(control: Any) -> None:
    """Make ``control`` the one the gates of its exercise follow (the newest built wins)."""
    name = control.exercise.name
    _NEWEST[name] = control
    for gate in list(_WAITING.get(name, ())):
        gate.link(control)


def newest_control(exercise: str) -> Any:
    """The newest answer control built for ``exercise`` in this kernel, or None."""
    return _NEWEST.get(exercise)


def answered(control: Any) -> bool:
    """Whether ``control`` holds a checked answer (clicked, typed or restored)."""
    return control.status not in _UNANSWERED


def _as_widget(result: Any) -> widgets.Widget:
    """The widget that shows ``result``: itself, its ``view``, or an Output holding it."""
    if isinstance(result, widgets.Widget):
        return result
    if isinstance(getattr(result, "view", None), widgets.Widget):
        return result.view
    out = widgets.Output()
    if isinstance(result, str):
        out.append_stdout(result if result.endswith("\n") else result + "\n")
    else:
        out.append_display_data(result)
    return out


class Gate:
    """A result hidden until a prediction is answered. Public children: ``status`` (why it is
    hidden, a :class:`.live.LiveText`), ``show_anyway`` (the button), ``result_box`` (holds the result)."""

    def __init__(self, exercise: str, result: Any, *, control: Any = None) -> None:
        self.exercise, self.result = exercise, result
        self.control: Any = None
        self.shown, self.reason = False, ""
        self._opened_by: Any = None  # the control whose answer showed the result
        self.status = LiveText()
        self.show_anyway = widgets.Button(
            description="Show anyway",
            tooltip="Show the result without a prediction (for a teacher who skips it)",
        )
        self.result_box = widgets.Box([_as_widget(result)], layout=widgets.Layout(display="none"))
        self.view = widgets.VBox([self.status, self.show_anyway, self.result_box])
        self.view.add_class(CSS_CLASS)
        self.show_anyway.on_click(lambda _button: self._pressed())
        _WAITING.setdefault(exercise, weakref.WeakSet()).add(self)
        self._say()
        found = control if control is not None else _NEWEST.get(exercise)
        if found is not None:
            self.link(found)

    def link(self, control: Any) -> None:
        """Follow ``control``: reveal as soon as it holds a checked answer (now or later)."""
        if self.control is not None:
            self.control.verdict.unobserve(self._verdict_changed, names="value")
        self.control = control
        control.verdict.observe(self._verdict_changed, names="value")
        self._verdict_changed(None)
        if self.reason == "shown anyway":  # a newer control (its cell run again) is told too
            self._mark_seen_first()

    def _verdict_changed(self, _change) -> None:
        if answered(self.control):
            self.reveal("answered")
        elif self.reason == "answered" and self.control is self._opened_by:
            # The control that showed it now holds no try: the press that opened the gate was
            # judged again when its last letters came, and refused. A newer, empty control (its
            # cell run again) does not hide what the learner already compared.
            self._hide_again()

    def _pressed(self) -> None:
        if self.shown:
            self.status.value = f"<p>{ALREADY_SHOWN}</p>"
        else:
            self.reveal("shown anyway")

    def reveal(self, reason: str) -> None:
        """Show the result (``reason``: "answered" or "shown anyway"); it then stays shown,
        unless the answer that showed it turns out to be no try (see the module's docstring)."""
        if self.shown:
            return
        self.shown, self.reason = True, reason
        self.result_box.layout.display = None
        if reason == "answered":
            self._opened_by = self.control
            # the focus is on the prediction's Check button: nothing left here to press
            self.show_anyway.layout.display = "none"
        else:
            self._mark_seen_first()
            # the focus is on this button: keep it, in a state that says what happened
            self.show_anyway.description = SHOWN
            self.show_anyway.tooltip = "The result is shown below, and stays shown"
            self.show_anyway.icon = "check"
        self._say()

    def _mark_seen_first(self) -> None:
        """Tell the prediction's control that the result was seen before it was answered: a
        prediction made after it is kept as seen first, never as one made blind."""
        if self.control is not None and not answered(self.control):
            self.control.seen_first = True

    def _hide_again(self) -> None:
        """Hide the result again, and say why: the answer that showed it was no try."""
        self.shown, self.reason, self._opened_by = False, "hidden again", None
        self.result_box.layout.display = "none"
        self.show_anyway.layout.display = None
        self._say()

    def _say(self) -> None:
        if self.reason == "hidden again":
            words = HIDDEN_AGAIN
        elif self.reason == "answered":
            words = "Your prediction is in: compare it with the result below."
        elif self.reason:
            words = "Shown without a prediction. The result is below."
        else:
            words = (
                "The result is hidden until you answer the prediction above and press "
                "<em>Check</em>, so that you decide before you see. To see it now, press "
                "<em>Show anyway</em>."
            )
        self.status.value = f"<p>{words}</p>"

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def reveal_after(exercise: str, result: Any, *, control: Any = None) -> Gate:
    """Show ``result`` only once the prediction ``exercise`` (its check's name) is answered.

    Parameters
    ----------
    exercise
        The prediction's check name, e.g. ``"hand_matching"``.
    result
        An explorer (anything with a ``view`` widget), a widget, text (shown as printed) or
        any object Jupyter can display (a table, say).
    control
        The prediction's answer control; by default the newest one built for ``exercise``.
    """
    return Gate(exercise, result, control=control)
