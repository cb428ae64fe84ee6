"""A check's verdict: what a learner reads after a check, a status and its reason.

Four statuses (:data:`STATUSES`), each with the word a reply opens with and a colour that only
repeats the word. A prediction unlike the data is "Noted:", a number the question does not
allow "Not counted as a try:"; every verdict has a reason (one with an empty message cannot be
made). The checks that give verdicts are in :mod:`.core`.

Examples
--------
>>> print(Verdict("hint", "Count the rows, not the columns."))
Not yet: Count the rows, not the columns.
>>> Verdict("not attempted", "Type a whole number from 0 to 3.", refused=True).label
'Not counted as a try:'
>>> Verdict("correct", " ")
Traceback (most recent call last):
...
ValueError: a 'correct' verdict needs a message: the reason it is so
"""

from dataclasses import dataclass, field
from typing import Any

from .hints import message_html

_LABELS = {
    "not attempted": "Not attempted yet:",
    "hint": "Not yet:",
    "correct": "Correct!",
    "could not check": "Could not check:",
}
# The words carry the meaning; the colour only repeats them.
_COLOURS = {
    "not attempted": "#555555",
    "hint": "#9a5b00",
    "correct": "#006b3c",
    "could not check": "#a4262c",
}
STATUSES = tuple(_LABELS)
#: A prediction unlike the data is not wrong work: it is noted, and the result below teaches.
_PREDICTION_NOTED = "Noted:"
#: A number the question does not allow (see :mod:`.allowed`) is refused: no try, no hint.
REFUSED = "Not counted as a try:"


@dataclass(frozen=True)
class Verdict:
    """What a learner reads after a check: a status and a sentence."""

    status: str  # one of STATUSES
    message: str
    #: Why a check could not be computed (status "could not check"), for strict mode's traceback.
    error: BaseException | None = field(default=None, compare=False, repr=False)
    #: A live view shown instead of the fixed text (see :data:`placeholder_view`).
    view: Any = field(default=None, compare=False, repr=False)
    #: The named misconception a hint answers, if any (kept in the record: the teacher's view
    #: counts which misconceptions the class hit).
    misconception: str | None = field(default=None, compare=False)
    #: The verdict on a prediction: one unlike the data is noted, not "Not yet" (nothing to redo).
    prediction: bool = field(default=False, compare=False)
    #: A number outside what the question allows (status "not attempted": not a try).
    refused: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        # every reply has a reason: a label alone ("Not yet:" and nothing) once reached a learner
        if not str(self.message).strip():
            raise ValueError(f"a {self.status!r} verdict needs a message: the reason it is so")

    @property
    def label(self) -> str:
        """The word before the message: "Correct!", "Not yet:", or "Noted:" for a prediction.

        >>> Verdict("hint", "Look below.", prediction=True).label
        'Noted:'
        """
        if self.prediction and self.status == "hint":
            return _PREDICTION_NOTED
        return REFUSED if self.refused else _LABELS[self.status]

    def __str__(self) -> str:
        return f"{self.label} {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def html(self, label: str | None = None) -> str:
        """The verdict as HTML with no live region of its own: for a region already on the page
        (an answer control's ``LiveText``), where a second one could be spoken twice. ``label``
        replaces the word before the message (an answer box says "Not read, …" of text typed).

        >>> Verdict("not attempted", "'x' is not a number.").html("Not read:").count("Not read:")
        1
        """
        colour = _COLOURS["not attempted" if self.label == _PREDICTION_NOTED else self.status]
        return (
            f'<div class="osmosis-check" style="border-left:4px solid '
            f'{colour};padding:0.3em 0.8em"><strong>{label or self.label}</strong> '
            f"{message_html(self.message)}</div>"
        )

    def _repr_html_(self) -> str:
        # A code cell's output: role="status" lets a screen reader announce it when it appears.
        return self.html().replace("<div ", '<div role="status" ', 1)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/plain": str(self), "text/html": self._repr_html_()}
        if self.view is not None:  # the live view where a front end draws it; the text elsewhere
            bundle = {**self.view._repr_mimebundle_(include=include, exclude=exclude), **bundle}
        return bundle
