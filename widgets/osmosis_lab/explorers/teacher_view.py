"""The teacher's notebook: the class poll's result, and the class's handed-in work.

Two views, kept apart on purpose: :class:`ClassView` shows the *projector* view
(counts with small ones hidden, shared reflections without names) unless the
teacher switches to the *private* view (names, what each learner left out,
files that did not load). Everything computed lives in :mod:`osmosis_lab.teacher`
and :mod:`osmosis_lab.privacy.poll`; this module only lays it out.

Examples
--------
>>> poll = TeacherPoll()
>>> poll.yes.value, poll.no.value = 18, 12
>>> "Estimated share" in poll.summary.value
True
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from ..errors import OsmosisLabError
from ..privacy.chances import epsilon_words
from ..privacy.poll import (
    DEFAULT_TRUTH_PROBABILITY,
    OFFERED_TRUTH_PROBABILITIES,
    epsilon_of,
    poll_estimate,
    width_table,
)
from ..privacy.poll_budget import class_privacy
from ..teacher import (
    counts_from_hands,
    load_poll_questions,
    poll_sentences,
    tally_drop_folder,
    tally_tokens,
)
from . import controls, text_boxes
from .base import Explorer, text_block
from .class_view import CSV_NOTE, ClassView  # noqa: F401 - the notebook imports them from here

SOURCES = ("Show of hands", "Pasted tokens", "Drop folder")
_WIDE = {"description_width": "initial"}


def _count(description: str) -> widgets.BoundedIntText:
    return widgets.BoundedIntText(value=0, min=0, max=1000, description=description, style=_WIDE)


class TeacherPoll(Explorer):
    """Collect the class poll's answers, however the room allows, and show what they say."""

    def __init__(self, *, questions_file: str | Path | None = None) -> None:
        super().__init__()
        self.questions = {q.number: q for q in load_poll_questions(questions_file)}
        self.question = controls.ToggleButtons(
            options=[(str(n), n) for n in self.questions], description="Question",
            tooltips=[q.text for q in self.questions.values()],
            style={**_WIDE, "button_width": "3em"},
        )  # fmt: skip
        self.coin = controls.ToggleButtons(
            options=[(f"truth {p.numerator} in {p.denominator}", p) for p in OFFERED_TRUTH_PROBABILITIES],
            value=DEFAULT_TRUTH_PROBABILITY, description="Coin", style={**_WIDE, "button_width": "9em"},
        )  # fmt: skip
        self.source = controls.ToggleButtons(
            options=SOURCES, description="Answers from", style=_WIDE
        )
        self.yes, self.no, self.declined = _count("Yes"), _count("No"), _count("Rather not")
        # read when the teacher presses Enter or leaves the box, not at every keystroke
        self.tokens = text_boxes.Textarea(
            description="Tokens", placeholder="Q1-YES Q1-NO …", continuous_update=False
        )
        self.drop_folder = text_boxes.Text(
            description="Drop folder", placeholder="/srv/osmosis/drop", continuous_update=False
        )
        self.earlier = widgets.BoundedIntText(
            value=0, min=0, max=50, description="Earlier polls of this class", style=_WIDE
        )
        self._assemble(
            [self.question, self.coin, self.source, self.yes, self.no, self.declined,
             self.tokens, self.drop_folder, self.earlier],
        )  # fmt: skip
        self.chart.layout.display = "none"  # no chart: its empty area read as one not drawn
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> TeacherPoll:
        return cls()

    def tally(self):
        """The counts from the chosen source, and anything that could not be counted."""
        q = self.question.value
        if self.source.value == SOURCES[1]:
            return tally_tokens(self.tokens.value, question=q)
        if self.source.value == SOURCES[2]:
            if not self.drop_folder.value.strip():
                return counts_from_hands(0, 0), ["Type the drop folder's path."]
            return tally_drop_folder(self.drop_folder.value.strip(), question=q)
        return counts_from_hands(self.yes.value, self.no.value, self.declined.value), []

    def _show_inputs_of_the_source(self) -> None:
        """Only the boxes of the chosen source are on screen (all three at once confused)."""
        source = self.source.value
        for box, shown in (
            (self.yes, source == SOURCES[0]), (self.no, source == SOURCES[0]),
            (self.declined, source == SOURCES[0]), (self.tokens, source == SOURCES[1]),
            (self.drop_folder, source == SOURCES[2]),
        ):  # fmt: skip
            box.layout.display = "" if shown else "none"

    def refresh(self) -> None:
        self._show_inputs_of_the_source()
        question = self.questions[self.question.value]
        try:
            counts, unread = self.tally()
            spend = class_privacy([epsilon_of(self.coin.value)] * (self.earlier.value + 1))
            result = poll_estimate(counts, truth_probability=self.coin.value)
            lines = poll_sentences(result, spend, question=question.text)
        except OsmosisLabError as error:
            lines, unread, counts = [str(error)], [], None
        n = counts.answered if counts is not None and counts.answered else 30
        lines += [
            f"With {n} answers the 95% interval is {w:.2f} wide at epsilon {epsilon_words(e)} "
            f"(truth {p.numerator} in {p.denominator})."
            for p, e, w in width_table(n)
        ]
        if unread:
            lines.append(f"Not counted ({len(unread)}): " + "; ".join(unread[:10]))
        self.summary.value = text_block("Class poll", lines)
