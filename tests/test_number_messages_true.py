"""Every number message is true for every input (issue 12, item 2, w52).

w52 typed "3.0000000001" and read "3 is more than 3"; 26 nines came back as
"100,000,000,000,000,004,764,729,344 is more than 3"; 400 nines were "not a number";
"0.000…0001" (403 characters) was "Correct!" for 0; ``10**400`` in a code cell raised
OverflowError; and "😀" was "Noted" in a code cell but "not a number" in the box. Properties,
over huge whole numbers, tiny and huge decimals, long strings, emoji and other scripts' digits
(٣), for every number exercise, typed in its box and answered in its code cell:

* no exception reaches the learner;
* a number a message shows is the number typed, exactly (a very long one by its first digits
  and its number of digits), and a comparison it shows ("A is more than B") is true;
* a number read is the number typed (never another one a float could hold);
* the code cell and the box say the same of text that is no number.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from osmosis_lab.check.exercise import NotANumber, not_a_number, parse_number
from osmosis_lab.check.exercises import all_exercises

NUMBERS = [e for e in all_exercises().values() if e.kind == "number"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def typed_numbers(draw) -> str:
    """A number in digits as a learner may type it: any length, any sign, maybe a decimal part,
    maybe in Arabic-Indic digits."""
    whole = draw(st.one_of(st.integers(0, 20), st.integers(0, 10**30), st.integers(0, 10**450)))
    text = str(whole)
    if draw(st.booleans()):
        zeros = draw(st.sampled_from([0, 1, 5, 12, 20, 400]))
        text += "." + "0" * zeros + str(draw(st.integers(1, 10**20)))
    if draw(st.booleans()):
        text = "-" + text
    if draw(st.integers(0, 9)) == 0:
        text = text.translate(ARABIC_INDIC)
    return text


FIGURE = re.compile(
    r"^(-?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:e[+-]\d+)?)(,… \(a whole number of ([\d,]+) digits\))?"
)


def shown_number(message: str) -> tuple[Decimal, int | None]:
    """The number a refusal starts with, and its digit count when it is said shortened."""
    found = FIGURE.match(message)
    assert found, message
    return Decimal(found[1].replace(",", "")), found[3] and int(found[3].replace(",", ""))


def compare_true(message: str, value: Decimal) -> None:
    """ "X is more than B" / "less than B": true of the exact value typed."""
    more = re.search(r" is (more|less) than (-?\d{1,3}(?:,\d{3})*(?:\.\d+)?)", message)
    if more:
        bound = Decimal(more[2].replace(",", ""))
        assert (value > bound) if more[1] == "more" else (value < bound), message


def same_number(message: str, value: Decimal) -> None:
    figure, digits = shown_number(message)
    if digits is None:
        assert figure == value, (message[:80], value)
    else:  # said by its start: the first digits and how many there are
        whole = str(abs(int(value)))
        assert len(whole) == digits and whole.startswith(str(abs(int(figure))))
    compare_true(message, value)


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.check.name)
# a check's first call loads the lesson's data: no timed tests; 15 exercises share the examples
@settings(deadline=None, max_examples=30)
@given(text=typed_numbers())
@example(text="3.0000000001")
@example(text="12.0000000001")
@example(text="9" * 26)
@example(text="9" * 400)
@example(text="0." + "0" * 400 + "1")
@example(text="٣")
def test_a_typed_number_is_read_as_typed_and_said_as_typed(exercise, text):
    exact = Decimal(text)  # Decimal reads Arabic-Indic digits too
    unit = exercise.unit
    try:
        value = parse_number(text, unit=unit)
    except NotANumber:
        message = not_a_number(text, unit)  # never "is not a number" for digits
        assert "has more digits than a check can tell apart" in message, message
        return
    # a number read is the number typed: exactly (a float's shortest form is what was typed)
    assert Fraction(repr(value) if isinstance(value, float) else value) == Fraction(exact)
    verdict = exercise.check.verdict(value)
    assert verdict.message
    if verdict.refused:
        same_number(verdict.message, exact)


CODE_ANSWERS = st.one_of(
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=500),
    st.sampled_from(["😀", "٣", "3.0000000001", "x" * 5000, "", "12 people", "∞"]),
)


@pytest.mark.parametrize("exercise", NUMBERS, ids=lambda e: e.check.name)
@settings(deadline=None, max_examples=30)
@given(answer=CODE_ANSWERS)
@example(answer=10**400)
@example(answer="😀")
@example(answer=float("inf"))
def test_a_code_cells_answer_gets_a_true_reply_and_the_boxs_words(exercise, answer):
    verdict = exercise.check.verdict(answer)  # never raises
    assert verdict.message
    if isinstance(answer, str):
        try:
            parse_number(answer, unit=exercise.unit)
        except NotANumber:  # the box refuses it: the code cell says the very same
            assert verdict.status == "not attempted"
            assert verdict.message == not_a_number(answer, exercise.unit)
    elif verdict.refused and isinstance(answer, int):
        same_number(verdict.message, Decimal(answer))
    elif verdict.refused and answer == answer and abs(answer) != float("inf"):
        same_number(verdict.message, Decimal(repr(answer)))
