"""One source per exercise: its check, its answer kind and options, its solution.

Each exercise of the lessons is one :class:`Exercise`. From it come the
lesson's answer cell (``answer = ...`` then ``check.name(answer)``), its folded
solution cell (both written by :mod:`osmosis_lab.check.generate`), the
solutions test, and the answer control a learner who does not code clicks or
types into (:mod:`osmosis_lab.explorers.answers`). So an exercise is edited in
one place.

Answer kinds (:data:`KINDS`):

``choice``
    one of ``options`` (e.g. a name from the lesson's cast);
``picks``
    several of ``options``, answered as a set;
``pair``
    one from each of two sides, ``options = (left, right)``, answered as a tuple;
``pairs``
    a partner from ``options[1]`` for each person of ``options[0]``, answered as a dict;
``number``
    typed, read by :func:`parse_number` for the exercise's ``unit``;
``phrase``
    typed, read by :func:`normalise_phrase`, then looked up in ``accepted``.

(An ``ordering`` kind, with up/down buttons, was removed: no exercise asked for one.)

Examples
--------
>>> parse_number("15 %", unit="fraction"), parse_number(" 9 ", unit="count")
(0.15, 9)
>>> normalise_phrase("  Wrong-Purpose! "), normalise_phrase("Éthique")
('wrong purpose', 'ethique')
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# the box's format examples: one rule for the box, its hints and a refusal (see .allowed)
from .allowed import NUMBER_EXAMPLES, UNITS, number_examples  # noqa: F401 - imported from here
from .core import Check, Verdict

# reading typed numbers and phrases: one rule for the box and the code cell (see .numbers)
from .numbers import (  # noqa: F401 - imported from here
    SHORT,
    NotANumber,
    normalise_phrase,
    not_a_number,
    parse_number,
    shortened,
)

KINDS = ("choice", "picks", "pair", "pairs", "number", "phrase")

#: Words first, for everyone; then the code, for those who code (the hints' rule, too).
_SOLUTION = (
    "<details>\n<summary>Solution</summary>\n\n{why}\n\n*For those who code:*\n\n"
    "```python\n{code}\n```\n</details>"
)


@dataclass(frozen=True)
class Exercise:
    """One exercise, whole: what the lesson, the solutions test and the answer control use."""

    check: Check
    #: The lesson notebook's file stem, e.g. ``"00_start_here"``.
    lesson: str
    #: The name the answer cell assigns (``variable = ...``).
    variable: str
    kind: str
    #: The code that answers the exercise (it runs in the lesson, after the cells above it).
    solution: str
    #: The Markdown that follows the solution's code in the folded cell.
    explanation: str
    #: A few words a learner or a class would know the exercise by (the teacher's projector
    #: view shows them, as :attr:`heading`, where it would otherwise show the check's name).
    title: str = ""
    #: The lesson's number for the exercise ("### Exercise 2 · ..."), whose title :attr:`title`
    #: then is (a prediction that opens a numbered exercise keeps its own title); 0: a check
    #: outside the lesson's numbered exercises. ``tests/test_exercise_titles.py`` reads the
    #: lessons' headings to check both.
    number: int = 0
    #: Plain data, or a function of the lesson's data that returns it (see the module's kinds).
    options: tuple | Callable[[], tuple] = ()
    #: For ``number``: how :func:`parse_number` reads it.
    unit: str = "value"
    #: For ``phrase``: phrasings (any case, accents, punctuation) -> the answer the check judges.
    accepted: Mapping[str, Any] = field(default_factory=dict)
    #: For ``phrase``: phrasings that must NOT be judged correct (tested), e.g. negations.
    rejected: tuple[str, ...] = ()
    #: Misconceptions only code can show (a Python type mistake a control cannot make).
    code_only: tuple[str, ...] = ()
    #: Whether the lesson shows the answer control above the answer cell.
    control: bool = False
    #: For ``choice`` and ``picks``: what a button shows for an option, where its value is a
    #: program's key (``"pre_ticked"`` shows as ``"Pre-ticked"``); the check gets the option.
    labels: Mapping[Any, str] = field(default_factory=dict)
    #: For ``number``: the name of what the question asks for (``"k"``), so "k = 2" reads as 2
    #: and "l = 2" is refused (:func:`parse_number`); the answer's ``variable`` names it too.
    quantity: str = ""
    #: Whether its control and answer cells show a plot relation of the series (their options or
    #: verdict name it): they are then tagged ``spoiler``, after the warning the lesson gives.
    spoiler: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind must be one of {KINDS}, not {self.kind!r}")
        if self.unit not in UNITS:
            raise ValueError(f"{self.name}: unit must be one of {UNITS}, not {self.unit!r}")
        names = {m.name for m in self.check.misconceptions}
        if unknown := set(self.code_only) - names:
            raise ValueError(f"{self.name}: code_only names no misconception: {sorted(unknown)}")
        # what the check allows is in the unit the box reads (every lesson's number exercise
        # says what it allows: tests/test_answer_ranges.py)
        allowed = self.check.allowed
        if allowed is not None and allowed.unit != self.unit:
            raise ValueError(f"{self.name}: its check allows a {allowed.unit}, not a {self.unit}")
        if self.labels and self.check.prediction:  # its reply says the labels back: one place
            raise ValueError(f"{self.name}: a prediction's labels go on its Check (labels=)")

    @property
    def name(self) -> str:
        return self.check.name

    @property
    def question(self) -> str:
        return self.check.question

    @property
    def heading(self) -> str:
        """``"Lesson NN · Exercise N · title"``, as the lesson says it ("Lesson NN · title" for a
        check outside its numbered exercises; the check's name without a title).

        Examples
        --------
        >>> from .core import Check
        >>> Exercise(Check("c", "?", lambda a: True, "."), "03_privacy", "a", "choice", "a = 1",
        ...          ".", title="Three facts", number=1).heading
        'Lesson 03 · Exercise 1 · Three facts'
        >>> Exercise(Check("c", "?", lambda a: True, "."), "03_privacy", "a", "choice", "a = 1",
        ...          ".", title="Can a nameless export hurt?").heading
        'Lesson 03 · Can a nameless export hurt?'
        """
        number = f"Exercise {self.number} · " if self.number else ""
        return f"Lesson {self.lesson[:2]} · {number}{self.title or self.name}"

    def choices(self) -> tuple:
        """The options as plain data (computed from the lesson's data when they come from it)."""
        return tuple(self.options() if callable(self.options) else self.options)

    def buttons(self) -> dict[Any, str]:
        """For ``choice`` and ``picks``: each option with its button's words, in the order the
        answer control shows them (a reply says picks back in this order); else empty.

        Examples
        --------
        >>> from .core import Check
        >>> e = Exercise(Check("c", "?", lambda a: True, "."), "00_x", "a", "picks", "a = 1",
        ...              ".", options=("b", "a"), labels={"a": "A"})
        >>> e.buttons()
        {'b': 'b', 'a': 'A'}
        """
        if self.kind not in ("choice", "picks"):
            return {}
        return {option: self.label(option) for option in self.choices()}

    def verdict(self, answer: Any) -> Verdict:
        """The check's verdict on ``answer`` given with this exercise's control: said back as
        its buttons show it (:meth:`buttons`)."""
        return self.check.verdict(answer, buttons=self.buttons())

    def label(self, option: Any) -> str:
        """What the answer control's button shows for ``option``.

        Examples
        --------
        >>> from .core import Check
        >>> e = Exercise(Check("c", "?", lambda a: True, "."), "00_x", "a", "choice", "a = 1",
        ...              ".", options=("pre_ticked",), labels={"pre_ticked": "Pre-ticked"})
        >>> e.label("pre_ticked"), e.label("other")
        ('Pre-ticked', 'other')
        """
        return {**self.check.labels, **self.labels}.get(option, str(option))

    @property
    def quantity_names(self) -> tuple[str, ...]:
        """The names a typed number may carry ("k = 2"); none: any name is read past."""
        return (self.quantity, self.variable) if self.quantity else ()

    def read_number(self, text: str) -> int | float:
        """The number typed for this exercise (:func:`parse_number` with its unit and quantity).

        Raises :class:`NotANumber`; :meth:`not_a_number` says why, in the learner's words.
        """
        return parse_number(text, unit=self.unit, quantity=self.quantity_names)

    def not_a_number(self, text: str) -> str:
        """Why ``text`` is not a number for this exercise (:func:`not_a_number`)."""
        return not_a_number(text, self.unit, self.quantity_names)

    def read_phrase(self, text: str) -> Any:
        """The answer a typed phrase stands for: its entry in ``accepted``, else the text as
        typed (trimmed), as a code cell would give it: the check reads it its own way
        (``normalise``), and a reply that says it back quotes the learner's words, not a
        normalised copy ("I don't know", never "i don t know").

        Examples
        --------
        >>> from .core import Check
        >>> e = Exercise(Check("c", "?", lambda a: True, "."), "00_x", "a", "phrase", "a = 1",
        ...              ".", accepted={"Not allowed": "no"})
        >>> e.read_phrase("  NOT allowed! "), e.read_phrase("  It's Éthique ")
        ('no', "It's Éthique")
        """
        table = {normalise_phrase(k): v for k, v in self.accepted.items()}
        return table.get(normalise_phrase(text), text.strip())

    def answer_cell(self) -> str:
        """The lesson's code cell: the placeholder, then the check call on the last line."""
        return f"{self.variable} = ...\ncheck.{self.name}({self.variable})"

    def solution_cell(self) -> str:
        """The lesson's folded Markdown solution."""
        return _SOLUTION.format(code=self.solution.strip("\n"), why=self.explanation.strip("\n"))

    def control_cell(self) -> str:
        """The lesson's code cell that shows the answer control (lessons that offer it)."""
        return f'answer_control("{self.name}")'
