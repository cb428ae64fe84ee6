"""The self-check machinery: a check turns a learner's answer into a verdict.

A check says one of four things:

* "not attempted yet" while the answer is still the placeholder ``...``, or is
  not plain data (numbers, text, and tuples, sets or dicts of them: see
  :mod:`~osmosis_lab.check.plain`, which rebuilds every answer before any
  comparison, so an object that claims to equal everything passes nothing);
* a hint aimed at a likely misconception when the answer matches one;
* "correct" (with a short why) when the answer is right;
* "could not check" when the check's own right answer cannot be computed
  (data missing or edited): the answer is not judged, and the message says
  why and what to do, instead of telling a right answer it is wrong.

Outside strict mode a check never raises, so a wrong answer never breaks a
lesson. In strict mode (``OSMOSIS_STRICT_CHECKS=1``, set by the solutions
test) anything but "correct" raises :class:`CheckFailed` (for "could not
check", its subclass :class:`CheckUnavailable`, chained to the cause).

A check keeps no state between calls: each verdict is computed from the
answer it is given, so it can never repeat an earlier one.

The verdict (its statuses, words and colours) is in :mod:`.verdict`.

Examples
--------
>>> double_of_21 = Check(
...     name="double_of_21",
...     question="What is 2 × 21?",
...     is_correct=lambda answer: answer == 42,
...     why="2 × 21 = 42.",
...     reference=lambda: 2 * 21,
...     misconceptions=(
...         Misconception("added instead", example=23, matches=lambda a: a == 23,
...                       hint="You added 2 and 21; the question multiplies."),
...     ),
... )
>>> double_of_21(...).status
'not attempted'
>>> print(double_of_21(23))
Not yet: You added 2 and 21; the question multiplies.
>>> print(double_of_21(42))
Correct! 2 × 21 = 42.
>>> from unittest.mock import ANY
>>> print(double_of_21(ANY))  # doctest: +NORMALIZE_WHITESPACE
Not attempted yet: this answer is a _ANY object, which a check cannot read. Answer with a
number, text in quotes, or a tuple, set or dict of those, then run this cell.
"""

import os
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field, replace
from typing import Any

from .allowed import Allowed
from .numbers import NotANumber, not_a_number, parse_number
from .picks import near_miss
from .plain import NotPlainData, is_number, to_plain
from .said import noted
from .verdict import REFUSED, STATUSES, Verdict

STRICT_ENV = "OSMOSIS_STRICT_CHECKS"
__all__ = [  # the verdict is in .verdict; lessons and tests import it from here too
    "REFUSED", "STATUSES", "STRICT_ENV", "Check", "CheckFailed", "CheckUnavailable",
    "Misconception", "Verdict", "is_value", "placeholder_view",
]  # fmt: skip
#: Set by the answer controls (the explorers layer, so that ``check`` imports no widgets):
#: ``(exercise name, placeholder verdict) -> a live view`` of the code cell's "not attempted
#: yet", which says so once the exercise is answered with its control above instead.
placeholder_view: Callable[[str, "Verdict"], Any] | None = None


class CheckFailed(AssertionError):
    """Raised in strict mode when an answer is not correct."""


class CheckUnavailable(CheckFailed):
    """Raised in strict mode when a check cannot compute its own right answer."""


@dataclass(frozen=True)
class Misconception:
    """A likely wrong idea: an example answer that shows it, a test for it, and a hint.

    A misconception is one of two sorts, and says which (``tests/test_misconceptions.py``
    checks every one):

    * a wrong **method** (``nunique()`` instead of k, the mean statement minus the overall
      rate): ``wrong_value`` computes what that method gives on the lesson's data, so a test
      can check it never lands on the right answer, and that the check answers it with
      this hint;
    * a **form** slip (``form_slip=True``): the right idea in the wrong form (a percentage
      for a fraction, text for a number, a share for a count). It matches a kind of
      answer, not one value.

    A misconception of a choice exercise may be neither: the choice itself is the idea.

    A wrong method needs no ``matches``: by default an answer shows it when it is the
    computed wrong value (numbers as numbers, anything else by ``==``).

    >>> gave_n = Misconception("gave n", example=24, hint="k, not n.", wrong_value=lambda: 24)
    >>> gave_n.matches(24), gave_n.matches(24.0), gave_n.matches("24"), gave_n.matches(6)
    (True, True, False, False)
    """

    name: str
    example: Any
    #: Whether an answer shows this idea; by default, whether it is ``wrong_value()``.
    matches: Callable[[Any], bool] | None = None
    hint: str = ""
    #: What the wrong method gives, computed from the lesson's data (never typed in).
    wrong_value: Callable[[], Any] | None = None
    #: The right idea in the wrong form (units, type): matches a kind of answer.
    form_slip: bool = False
    #: What the wrong answer was, in a teacher's words, where the name is shorthand ("gave l"):
    #: the teacher's class view counts it under these words (:attr:`said`).
    words: str = ""

    @property
    def said(self) -> str:
        """The wrong answer in a teacher's words: :attr:`words`, else the name.

        >>> Misconception("gave l", example=1, hint=".", matches=bool, words="l, not people").said
        'l, not people'
        """
        return self.words or self.name

    def __post_init__(self) -> None:
        if not self.hint:
            raise TypeError(f"misconception {self.name!r} needs a hint for the learner")
        if self.matches is None:
            if self.wrong_value is None:
                raise TypeError(
                    f"misconception {self.name!r} needs matches=, or wrong_value= to match"
                )
            wrong_value = self.wrong_value
            object.__setattr__(self, "matches", lambda answer: is_value(answer, wrong_value()))


def is_value(answer: Any, value: Any) -> bool:
    """Whether ``answer`` is ``value``: numbers compare as numbers, anything else by ``==``.

    >>> is_value(6, 6.0), is_value("6", 6), is_value(True, 1), is_value("Ana", "Ana")
    (True, False, False, True)
    """
    if is_number(value):
        return is_number(answer) and answer == value
    return answer == value


_NOT_PLAIN = (
    "this answer is {what}, which a check cannot read. Answer with a number, text in quotes, "
    "or a tuple, set or dict of those, then run this cell."
)
_UNAVAILABLE = (
    "this check could not work out the right answer, so your answer was not judged "
    "({error}). Re-run the setup cell at the top of the lesson, then this cell. If that "
    "does not help, the lesson's data may have been moved or edited: run `make data` in "
    "the project folder to restore it, or ask your teacher."
)


@dataclass(frozen=True)
class Check:
    """One exercise's check. Call it with the learner's answer."""

    name: str
    question: str
    is_correct: Callable[[Any], bool]
    why: str
    misconceptions: tuple[Misconception, ...] = ()
    fallback_hint: str = "Re-read the question and try again; the cells above show the method."
    normalise: Callable[[Any], Any] = field(default=lambda answer: answer)
    #: Computes everything the check compares with (from the engines and the data). If it
    #: raises, the answer is not judged: the verdict is "could not check", never "Not yet".
    reference: Callable[[], Any] | None = None
    #: A prediction made before the result is shown: any answer is taken, and one unlike the
    #: data is "Noted:" with where to look, never "Not yet:" (the status stays "hint").
    prediction: bool = False
    #: A prediction's truth in words, computed from the same source as ``reference`` ("in the
    #: export it is 1 person: just him (1)"): a reply that is not "Correct!" says it beside
    #: the learner's own answer, so they see how far off they were. Every prediction has one.
    shows: Callable[[], str] | None = None
    #: A prediction whose options are codes: the words its buttons show (said back in the reply;
    #: the exercise's answer control shows them too).
    labels: Mapping[Any, str] = field(default_factory=dict)
    #: For a number exercise: the numbers its question allows; any other is refused, not judged.
    allowed: Allowed | None = None
    #: For a pick exercise (several options, answered as a set): the right picks, as
    #: ``normalise`` makes an answer. A reply that is not "Correct!" then opens with which near
    #: miss it is, and how many picks (:mod:`.picks`); every pick exercise has them.
    right_picks: Callable[[], Set] | None = None

    def __post_init__(self) -> None:
        if not (self.why.strip() and self.fallback_hint.strip()):
            raise TypeError(
                f"check {self.name!r} needs why= and fallback_hint=: every reply a reason"
            )
        if self.prediction and self.shows is None:
            raise TypeError(f"prediction {self.name!r} needs shows=: what the data show, in words")

    def verdict(self, answer: Any, *, buttons: Mapping[Any, str] | None = None) -> Verdict:
        """Judge ``answer`` without raising, whatever it is. ``buttons``: what an answer
        control shows for each option, in its order (:meth:`.Exercise.buttons`), so that a
        prediction's reply says the picks as the control showed them; else ``labels``."""
        if answer is Ellipsis:
            verdict = Verdict(
                "not attempted", "replace `...` with your answer, then run this cell."
            )
            if placeholder_view is None:
                return verdict
            return replace(verdict, view=placeholder_view(self.name, verdict))
        try:
            # The one place answers are made plain: every comparison below sees plain data.
            answer = to_plain(answer)
        except NotPlainData as error:
            return Verdict("not attempted", _NOT_PLAIN.format(what=error))
        if self.reference is not None:
            try:
                self.reference()
            except Exception as error:  # noqa: BLE001 - any failure means "cannot judge"
                message = _UNAVAILABLE.format(error=f"{type(error).__name__}: {error}")
                return Verdict("could not check", message, error=error)
        unit = self.allowed and self.allowed.unit
        if unit and isinstance(answer, str) and not reads_as_number(answer, unit):
            # the answer box's own rule (for this unit) and words: text that is no number is no
            # try (w52: a code cell said "Noted: you predicted '😀'" where the box said "not a
            # number"), read as its unit reads it: "113 of 850" is a share, but no count)
            return Verdict("not attempted", not_a_number(answer, unit))
        if self.allowed is not None and (refusal := self.allowed.refusal(answer)):
            slips = [
                m.hint for m in self.misconceptions if m.form_slip and _safe(m.matches, answer)
            ]
            return Verdict("not attempted", " ".join([refusal, *slips[:1]]), refused=True)
        given = answer  # as the learner gave it: a prediction's reply says it back
        miss = ""  # for picks: which near miss, before any hint (one rule for every pick exercise)
        try:
            answer = self.normalise(answer)
            if self.is_correct(answer):
                return Verdict("correct", self.why)
            miss = self._near_miss(answer)
            for misconception in self.misconceptions:
                if _safe(misconception.matches, answer):
                    return Verdict(
                        "hint",
                        self._hint(given, misconception.hint, buttons, miss),
                        misconception=misconception.name,
                        prediction=self.prediction,
                    )
        except Exception:  # noqa: BLE001 - any odd answer gets the fallback hint, not a crash
            pass
        hint = self._hint(given, self.fallback_hint, buttons, miss)
        return Verdict("hint", hint, prediction=self.prediction)

    def _near_miss(self, answer: Any) -> str:
        """For a pick exercise answered with a set: which near miss it is (a clause), else ""."""
        if self.right_picks is None or not isinstance(answer, Set):
            return ""
        return near_miss(answer, self.right_picks()) or ""

    def _hint(self, given: Any, hint: str, buttons: Mapping[Any, str] | None, miss: str) -> str:
        """A hint, after the near miss ``miss`` if any; for a prediction, after what was
        predicted and what the data show, the near miss joined to them (a prediction's reply
        stays two sentences; only ever after an answer: "not attempted" and "could not check"
        say neither)."""
        if not self.prediction or self.shows is None:
            return f"{miss[0].upper()}{miss[1:]}. {hint}" if miss else hint
        try:
            shows = self.shows()
        except Exception:  # noqa: BLE001 - the reference passed; if the words fail, say the hint
            return hint
        return noted(given, f"{shows}; {miss}" if miss else shows, hint, buttons or self.labels)

    def __call__(self, answer: Any) -> Verdict:
        result = self.verdict(answer)
        if os.environ.get(STRICT_ENV) == "1" and result.status != "correct":
            if result.status == "could not check":
                raise CheckUnavailable(f"check {self.name!r}: {result}") from result.error
            raise CheckFailed(f"check {self.name!r}: {result}")
        return result


def reads_as_number(text: str, unit: str = "value") -> bool:
    """Whether the answer box would read ``text`` as a number of ``unit``
    (:func:`.numbers.parse_number`): its rule, so a refusal says what the box would say.

    >>> reads_as_number("twelve"), reads_as_number("😀"), reads_as_number("0." + "0" * 400 + "1")
    (True, False, False)
    >>> reads_as_number("113 of 850", "fraction"), reads_as_number("113 of 850", "count")
    (True, False)
    """
    try:
        parse_number(text, unit=unit)
    except NotANumber:
        return False
    return True


def _safe(predicate: Callable[[Any], bool], answer: Any) -> bool:
    try:
        return bool(predicate(answer))
    except Exception:  # noqa: BLE001 - a predicate that cannot judge this answer does not match
        return False
