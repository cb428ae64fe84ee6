"""The inputs of an answer control, one kind of exercise at a time: built, read and shown.

An exercise's ``kind`` decides its inputs: toggle buttons for a ``choice``, a row of
checkboxes for ``picks`` (:class:`.choice_buttons.PickButtons`), one row of toggles per side for a ``pair``, one row per person for
``pairs``, a text box read leniently for a ``number`` or a ``phrase``. :class:`AnswerInputs`
holds every rule that depends on the kind: building the inputs, reading them as plain data a
record can keep (:meth:`~AnswerInputs.state`) and as the answer a check judges
(:meth:`~AnswerInputs.answer`), showing kept data again (:meth:`~AnswerInputs.set_state`),
and saying in words what is chosen. :class:`.answers.AnswerControl` adds the Check button,
the verdict and the record.

Examples
--------
>>> from osmosis_lab.explorers.answers import answer_control
>>> control = answer_control("youngest_tester")
>>> control.set_state("Niels Larson")
>>> control.state(), control.answer()
('Niels Larson', 'Niels Larson')
"""

import html
from typing import Any

import ipywidgets as widgets

from ..check.exercise import number_examples, shortened
from . import controls, text_boxes

#: The name of a row of picks (seen beside it, heard as its group's name): what kind of answer.
PICKS_DESCRIPTION = "Pick all that apply"


def answer_words(state: Any) -> str:
    """An answer as :meth:`AnswerInputs.state` keeps it, in words.

    A typed answer is said with its spaces as a reader hears them: none at its ends, one
    between words ("Your last checked answer,   12  , got:" read as a stray comma, w57).

    >>> answer_words({"Ana": "Simon"}), answer_words(["Niels", "Ana"]), answer_words("  9  ")
    ('Ana: Simon', 'Niels, Ana', '9')
    """
    if isinstance(state, dict):
        return "; ".join(f"{k}: {v}" for k, v in state.items())
    if isinstance(state, list):
        return ", ".join(map(str, state))
    return " ".join(str(state).split())


class AnswerInputs:
    """The inputs for ``self.exercise``'s kind, as public attributes named by role: ``choice``,
    ``picks``, ``sides``, ``partners`` or ``text``; ``selection`` says what is chosen.

    A base for :class:`.answers.AnswerControl`, which sets ``exercise`` and ``selection`` and
    provides ``check`` (Enter in a text box checks) before calling :meth:`_build_inputs`.
    """

    # --- building -------------------------------------------------------------------------
    def _toggles(self, options: tuple, description: str) -> controls.ToggleButtons:
        return controls.ToggleButtons(
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
            # a group of checkboxes (a screen reader hears each one's state), as wide as their
            # words and wrapping onto more rows: a cut-off option cannot be read
            labels = [self.exercise.label(o) for o in options]
            self.picks = controls.PickButtons(
                options=[(label, i) for i, label in enumerate(labels)],
                description=PICKS_DESCRIPTION,
                tooltips=[f"Pick {label}" for label in labels],
                style={"button_width": "auto"},
            )
            return [self.picks]
        if kind == "pair":
            self.sides = [self._toggles(side, f"One of {', '.join(side)}") for side in options]
            return self.sides
        if kind == "pairs":
            people, partners = options
            self.partners = {p: self._toggles(partners, f"{p}'s partner") for p in people}
            return list(self.partners.values())
        self.text = text_boxes.Text(description="Your answer", placeholder=self._placeholder())
        self.text.on_enter(self.check)  # Enter checks, as Check does: only a check is kept
        return [self.text]

    def _placeholder(self) -> str:
        if self.exercise.kind == "number":
            return f"a number, {number_examples(self.exercise.unit)}"
        return "a few words"

    def _watched(self) -> list[widgets.Widget]:
        kind = self.exercise.kind
        return {
            "choice": lambda: [self.choice],
            "picks": lambda: [self.picks],
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
            return [options[i] for i in self.picks.value] or None  # in the options' order
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
        return self.answer_of(self.state())

    def answer_of(self, state: Any) -> Any:
        """The answer a check judges for ``state`` (as :meth:`state` returns it, or a record
        keeps it); ``...`` for None. Raises :class:`NotANumber` as :meth:`answer` does."""
        kind = self.exercise.kind
        if state is None:
            return ...
        if kind == "picks":
            return frozenset(state)
        if kind == "pair":
            return tuple(state)
        if kind == "number":
            return self.exercise.read_number(state)  # its unit, and the quantity it names
        if kind == "phrase":
            return self.exercise.read_phrase(state)
        return state

    def set_state(self, state: Any) -> None:
        """Show ``state`` (as :meth:`state` returns it) in the inputs."""
        kind, options = self.exercise.kind, self.exercise.choices()
        if kind == "choice":
            self.choice.value = options.index(state)
        elif kind == "picks":
            self.picks.value = tuple(i for i, option in enumerate(options) if option in state)
        elif kind == "pair":
            for side, values, chosen in zip(self.sides, options, state, strict=True):
                side.value = values.index(chosen)
        elif kind == "pairs":
            for person, partner in state.items():
                self.partners[person].value = options[1].index(partner)
        else:  # number, phrase
            self.text.value = str(state)

    def _describe(self) -> None:
        state = self.state()
        if state is None and self.exercise.kind == "pair":
            # half a pair is not an answer yet, but a screen reader hears what was chosen
            chosen = [str(side.label) for side in self.sides if side.value is not None]
            words = (
                f"{' and '.join(chosen)}, then the other one" if chosen else "nothing chosen yet"
            )
        elif state is None:  # a box is typed in, not chosen from (w65)
            typed = self.exercise.kind in ("number", "phrase")
            words = "nothing typed yet" if typed else "nothing chosen yet"
        elif self.exercise.kind in ("choice", "picks"):
            # in the buttons' words ("Bundled"), never the option's code ("bundled", "all_tricks")
            chosen = state if isinstance(state, list) else [state]
            words = ", ".join(self.exercise.label(option) for option in chosen)
        else:
            words = answer_words(state)
        if self.exercise.kind in ("number", "phrase"):
            words = shortened(words)  # the box shows it all: a long text is not said twice
        self.selection.value = f"Your answer: {html.escape(words)}"
