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

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# the box's format examples: one rule for the box, its hints and a refusal (see .allowed)
from .allowed import NUMBER_EXAMPLES, UNITS, number_examples  # noqa: F401 - imported from here
from .core import Check
from .number_words import number_from_words

KINDS = ("choice", "picks", "pair", "pairs", "number", "phrase")

#: Words first, for everyone; then the code, for those who code (the hints' rule, too).
_SOLUTION = (
    "<details>\n<summary>Solution</summary>\n\n{why}\n\n*For those who code:*\n\n"
    "```python\n{code}\n```\n</details>"
)


class NotANumber(ValueError):
    """Typed text that does not read as one number."""


#: Typed text longer than this is quoted back by its start only (it is in the box already).
SHORT = 60


def shortened(text: str) -> str:
    """Typed text as it is quoted back to the learner: its start and its length if long.

    >>> shortened("nine"), shortened("x" * 5000)[-20:]
    ('nine', '… (5,000 characters)')
    """
    return text if len(text) <= SHORT else f"{text[:SHORT]}… ({len(text):,} characters)"


def not_a_number(text: str, unit: str) -> str:
    """What a learner reads when ``text`` is not a number of ``unit``.

    >>> not_a_number("inf", "count")
    "'inf' is not a number: type it in digits or words, e.g. 12 or twelve."
    """
    said = repr(text) if len(text) <= SHORT else shortened(text)
    return f"{said} is not a number: type it in digits or words, {number_examples(unit)}."


#: Words after a number that change what it means ("5 or 6", "7 million"): never dropped.
_NOT_A_NOUN = re.compile(
    r"or|ou|and|et|more|plus|less|moins|not|pas|than|que|per|cents?|percent|pourcent"
    r"|hundred|thousand|mille|millions?|billion|milliard"
)


def _without_sign_and_noun(text: str) -> str:
    """``text`` without a leading "±" and a trailing noun: learners copy the screen ("±15")
    and say what they counted ("7 violations", "4 personnes").

    >>> _without_sign_and_noun("±15"), _without_sign_and_noun("7 violations")
    ('15', '7')
    >>> _without_sign_and_noun("5 or 6"), _without_sign_and_noun("12 per cent")
    ('5 or 6', '12 per cent')
    """
    text = re.sub(r"^\s*(±|\+/-|\+-)\s*", "", text)
    noun = re.fullmatch(r"\s*(.*\d)\s+([^\W\d_]+)\.?\s*", text)
    if noun and not _NOT_A_NOUN.fullmatch(noun[2].casefold()):
        return noun[1]
    return text


def parse_number(text: str, *, unit: str) -> int | float:
    """Read a typed number leniently: spaces, a decimal comma and a per cent sign are fine.

    Parameters
    ----------
    text
        What the learner typed, e.g. ``"0.15"``, ``"15 %"``, ``"15%"``, ``"0,15"``, ``"1 024"``,
        a simple fraction of whole numbers (``"1/4"``), or a whole number 0-100 or a simple
        fraction in English or French words
        (``"twelve"``, ``"vingt et un"``, ``"a quarter"``: :mod:`.number_words`).
    unit
        ``"count"``: a whole number comes back as an ``int``; ``"fraction"`` or ``"value"``:
        a ``float``. Whatever the unit, ``"15 %"`` means 0.15 (that is what per cent means);
        ``"15"`` stays 15, so the check can say "give a fraction, not a percentage".

    Raises
    ------
    NotANumber
        If the text is empty or is not one number.

    Examples
    --------
    >>> parse_number("0,83", unit="fraction"), parse_number("12.0", unit="count")
    (0.83, 12)
    >>> parse_number("Twelve", unit="count"), parse_number("vingt-et-un", unit="count")
    (12, 21)
    >>> parse_number("1/4", unit="fraction"), parse_number("±15", unit="value")
    (0.25, 15.0)
    >>> parse_number("7 violations", unit="count")
    7
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    cleaned = re.sub(r"\s+", "", _without_sign_and_noun(str(text))).replace(",", ".").casefold()
    cleaned = re.sub(r"(percent|pourcent)$", "%", cleaned)  # "15 per cent" is "15 %"
    percent = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%")
    fraction = re.fullmatch(r"([+-]?\d+)/(\d+)", cleaned)
    if fraction and int(fraction[2]) and not percent:  # a simple fraction: "1/4" is 0.25
        value = int(fraction[1]) / int(fraction[2])
    elif re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        value = float(cleaned) / (100 if percent else 1)
    else:  # a number in words ("twelve", "douze"), or not a number at all ("not twelve")
        sign = str(text).rstrip().endswith("%")  # "twelve %": the sign is not a word
        words = normalise_phrase(text) + (" percent" if sign else "")
        named = number_from_words(words)
        if named is None:
            raise NotANumber(f"{text!r} is not a number")
        value = float(named)
    if not math.isfinite(value):  # 400 digits overflow to infinity: no learner means that
        raise NotANumber(f"{text!r} is not a number")
    if unit == "count" and value.is_integer():
        return int(value)
    return value


def normalise_phrase(text: str) -> str:
    """Lower case, accents dropped, punctuation as spaces, one space between words.

    Examples
    --------
    >>> normalise_phrase("Not  REFUSED.")
    'not refused'
    """
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


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
        """``"Lesson NN · title"``, as a class would read it (the check's name without a title).

        Examples
        --------
        >>> from .core import Check
        >>> Exercise(Check("c", "?", lambda a: True, "."), "03_privacy", "a", "choice", "a = 1",
        ...          ".", title="Testers re-identified").heading
        'Lesson 03 · Testers re-identified'
        """
        return f"Lesson {self.lesson[:2]} · {self.title or self.name}"

    def choices(self) -> tuple:
        """The options as plain data (computed from the lesson's data when they come from it)."""
        return tuple(self.options() if callable(self.options) else self.options)

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

    def read_phrase(self, text: str) -> Any:
        """The answer a typed phrase stands for: its entry in ``accepted``, else the phrase."""
        table = {normalise_phrase(k): v for k, v in self.accepted.items()}
        phrase = normalise_phrase(text)
        return table.get(phrase, phrase)

    def answer_cell(self) -> str:
        """The lesson's code cell: the placeholder, then the check call on the last line."""
        return f"{self.variable} = ...\ncheck.{self.name}({self.variable})"

    def solution_cell(self) -> str:
        """The lesson's folded Markdown solution."""
        return _SOLUTION.format(code=self.solution.strip("\n"), why=self.explanation.strip("\n"))

    def control_cell(self) -> str:
        """The lesson's code cell that shows the answer control (lessons that offer it)."""
        return f'answer_control("{self.name}")'
