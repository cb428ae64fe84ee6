"""The code cell under an answer control: its "not attempted yet" stays true.

Run All runs an exercise's code cell (``answer = ...`` then ``check.name(answer)``)
before the learner has answered, so it says "Not attempted yet: replace `...`".
If the learner then answers with the buttons above, that output would still
say so, as if the answer had not counted. So the placeholder's verdict is a
live view (:data:`osmosis_lab.check.core.placeholder_view`, set here because
``check`` imports no widgets) that follows the exercise's newest answer control
(:func:`.gate.newest_control`): once that control holds a checked answer, it says
the exercise was answered above, how (buttons, a number box, a text box), and how
to answer in code instead.

Examples
--------
>>> from osmosis_lab import check
>>> from osmosis_lab.explorers.answers import answer_control
>>> control = answer_control("top_band_prediction")
>>> placeholder = check.top_band_prediction(...)
>>> "replace `...`" in placeholder.view.value
True
>>> control.choice.index = 0
>>> control.check_button.click()
>>> ANSWERED in placeholder.view.value
True
"""

from typing import Any

import ipywidgets as widgets

from ..check import Verdict, core
from . import gate, my_work

#: How the code cell's "answered" sentence starts, whatever the control.
ANSWERED = "You answered above"
#: How the learner answered, per kind of control (see :mod:`.answers`): a number typed in a box
#: was once told "with the buttons", which she had never pressed.
_HOW = {
    "choice": "with the buttons",
    "picks": "with the buttons",
    "pair": "with the buttons",
    "pairs": "with the buttons",
    "ordering": "by putting the items in order with the ↑ and ↓ buttons",
    "number": "by typing a number in the answer box",
    "phrase": "by typing in the answer box",
}

#: How the code cell's sentence ends: the answer above is the exercise's answer...
NO_CODE = "this cell needs no code"
#: ...or, while the learner's record keeps a different one, is not kept yet.
NOT_KEPT = "but your kept answer is another: press Check above to keep this one"


def answered_words(kind: str | None, *, kept_elsewhere: bool = False) -> str:
    """What the code cell says once the exercise is answered with its control of ``kind``;
    ``kept_elsewhere``: the learner's record keeps a different answer, which a sign-in did not
    replace with the one on screen (:meth:`.my_work.LessonRecord.join`), so that one does not
    count until it is checked again (w66 read "and that counts" under "The answer above is not
    kept"). It once ended "and that counts" in every other case too, which w67 read as "got
    credit" beside a wrong answer: it meant that this cell needs no code.

    >>> answered_words("number")
    'You answered above by typing a number in the answer box: this cell needs no code.'
    >>> answered_words("choice")
    'You answered above with the buttons: this cell needs no code.'
    >>> answered_words("choice", kept_elsewhere=True) == f"{ANSWERED} with the buttons, {NOT_KEPT}."
    True
    """
    how = _HOW.get(kind, "with the answer control")
    return f"{ANSWERED} {how}, {NOT_KEPT}." if kept_elsewhere else f"{ANSWERED} {how}: {NO_CODE}."


_IN_CODE = (
    "To answer in code instead, replace <code>...</code> with your answer, then run this cell."
)


def placeholder_view(exercise: str, verdict: Verdict) -> widgets.HTML:
    """The code cell's "not attempted yet" for ``exercise``, kept true as its control is used.

    Not a live region: it changes when the control above is checked, whose verdict is the one
    thing said then (a second region would be spoken too)."""
    view = widgets.HTML()
    control: Any = gate.newest_control(exercise)
    kind = getattr(getattr(control, "exercise", None), "kind", None)

    def say(_change=None) -> None:
        if control is not None and gate.answered(control):
            words = answered_words(kind, kept_elsewhere=my_work.keeps_another_answer(control))
            view.value = (
                '<div class="osmosis-check" style="border-left:4px solid #555555;'
                f'padding:0.3em 0.8em"><strong>{words}</strong> {_IN_CODE}</div>'
            )
        else:
            view.value = verdict.html()

    if control is not None:
        control.verdict.observe(say, names="value")
        control.kept.observe(say, names="value")  # a sign-in says what it kept there
    say()
    return view


def install() -> None:
    """Make every check's placeholder verdict a :func:`placeholder_view` (the answer controls'
    module calls this when a lesson imports it)."""
    core.placeholder_view = placeholder_view
