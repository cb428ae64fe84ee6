"""What a number exercise allows: a refused number is no try, and the reply says what to type.

A number outside what the question allows (150 % for a share, -3 or 2.5 for a count) is not a
wrong answer: it cannot be the answer to the question at all. Judging it as one counted it as a
try (issue 12, w43), so a learner who slipped on a key got the hint meant for a wrong method.
The check refuses it instead (:class:`~osmosis_lab.check.core.Check`'s ``allowed``): the verdict
is "not attempted", labelled "Not counted as a try:", and says why, the range, and how to type
an answer instead. A range never refuses a wrong *method*'s value: that is a real try, with its
own hint (``tests/test_answer_ranges.py``).

Examples
--------
>>> share = Allowed("fraction", 0, 1)
>>> print(share.refusal(1.5))
1.5 (150 %) is more than 1, and this answer is a share from 0 to 1 (0 % to 100 %). Type it in \
digits or words, e.g. 0.4 or 40 % or 2/5.
>>> share.refusal(0.25) is None, share.refusal("0.25") is None  # text is the check's to judge
(True, True)
>>> print(Allowed("count", 0, 12).refusal(-3))
-3 is less than 0, and this answer is a whole number from 0 to 12. Type it in digits or words, \
e.g. 12 or twelve.
>>> print(Allowed("count", 0, 8).refusal(9))  # no example above 8
9 is more than 8, and this answer is a whole number from 0 to 8. Type it in digits or words.
>>> print(Allowed("count", 0).refusal(2.5))
2.5 is not a whole number, and this answer is a whole number, 0 or more. Type it in digits or \
words, e.g. 12 or twelve.
"""

from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from typing import Any

from .plain import is_number

UNITS = ("count", "fraction", "value")

#: How a number of each unit may be typed, as shown in the box, in the hint for text that is
#: not a number and in a refusal. One rule for all; the examples are never an answer (tested).
NUMBER_EXAMPLES = {
    "count": ("12", "twelve"),
    "fraction": ("0.4", "40 %", "2/5"),
    "value": ("2.5", "two"),
}


#: The value each unit's examples stand for (a refusal shows them only when it is allowed).
_EXAMPLE_VALUE = {"count": 12, "fraction": 0.4, "value": 2.5}


def number_examples(unit: str) -> str:
    """The ways to type a number of ``unit``, in words.

    >>> number_examples("fraction")
    'e.g. 0.4 or 40 % or 2/5'
    """
    return "e.g. " + " or ".join(NUMBER_EXAMPLES[unit])


#: A figure longer than this many digits is said by its start and its number of digits.
_LONG = 30


def figure(value: float, *, scale: int = 0) -> str:
    """``value`` (times 10**``scale``) as the learner typed it: exact, never rounded (w52 read
    "3 is more than 3" for 3.0000000001), 150 not 150.0, any size without an error.

    >>> figure(150.0), figure(3.0000000001), figure(0.07, scale=2), figure(10**26 - 1)
    ('150', '3.0000000001', '7', '99,999,999,999,999,999,999,999,999')
    >>> figure(10**400), figure(1e-300), figure(float("inf"))
    ('10,000,000,000,000,… (a whole number of 401 digits)', '1e-300', 'infinity')
    """
    if value != value:  # nan
        return "nan (not a number)"
    if value in (float("inf"), float("-inf")):
        return "infinity" if value > 0 else "minus infinity"
    # a float by its shortest exact form (what was typed); an int as it is, whatever its size;
    # exact arithmetic: the default 28 digits would round 400 nines up to 1 followed by zeros
    with localcontext(Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)):
        exact = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
        exact = exact.scaleb(scale)
        if exact == exact.to_integral_value():
            whole = Decimal(int(exact))
            digits = whole.adjusted() + 1
            if digits > _LONG:
                start = ",".join(format(whole, ",f").split(",")[:5])
                return f"{start},… (a whole number of {digits:,} digits)"
            return format(whole, ",f")
        exact = exact.normalize()
        text = format(exact, ",f")
        return text if len(text) <= _LONG else str(exact).lower()


@dataclass(frozen=True)
class Allowed:
    """The numbers a question allows: ``low`` to ``high`` (either end may be open: None), whole
    numbers only for a ``count``. ``unit`` is the exercise's (its :class:`.exercise.Exercise`
    must say the same, checked there)."""

    unit: str
    low: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, not {self.unit!r}")

    def words(self) -> str:
        """The range in words: "a share from 0 to 1 (0 % to 100 %)", "a whole number, 0 or more".

        >>> Allowed("value", 0).words(), Allowed("count", 1, 1024).words()
        ('a number, 0 or more', 'a whole number from 1 to 1,024')
        """
        what = {"count": "a whole number", "fraction": "a share", "value": "a number"}[self.unit]
        low, high = self.low, self.high
        if low is not None and high is not None:
            span = f"{what} from {figure(low)} to {figure(high)}"
            if self.unit == "fraction":
                span += f" ({figure(low, scale=2)} % to {figure(high, scale=2)} %)"
            return span
        if low is not None:
            return f"{what}, {figure(low)} or more"
        if high is not None:
            return f"{what}, {figure(high)} or less"
        return what

    def why_outside(self, answer: Any) -> str | None:
        """Why the number ``answer`` is outside, in words; None when it is allowed or not a number."""
        if not is_number(answer):
            return None  # text, a set, a tuple: the check judges it (and its misconceptions)
        said = figure(answer)
        if self.unit == "fraction" and abs(answer) <= 10:  # "150 %" reads 1.5: say both
            said += f" ({figure(answer, scale=2)} %)"
        if self.low is not None and answer < self.low:
            return f"{said} is less than {figure(self.low)}"
        if self.high is not None and answer > self.high:
            return f"{said} is more than {figure(self.high)}"
        # an int is whole at any size (float() of 10**400 raised OverflowError in a code cell)
        if self.unit == "count" and not isinstance(answer, int) and not answer.is_integer():
            return f"{said} is not a whole number"
        return None

    def refusal(self, answer: Any) -> str | None:
        """What a learner reads when ``answer`` is outside: why, the range, what to type."""
        why = self.why_outside(answer)
        if why is None:
            return None
        # "e.g. 12" for an answer from 0 to 8 would send the learner out of range again
        fits = self.why_outside(_EXAMPLE_VALUE[self.unit]) is None
        examples = f", {number_examples(self.unit)}" if fits else ""
        return f"{why}, and this answer is {self.words()}. Type it in digits or words{examples}."
