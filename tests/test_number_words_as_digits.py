"""A number in words reads as its digits do (w57, w58): with a noun, and as a decimal.

"10 testers" and "0.85" were read, while "ten testers" and "zero point eight five" were "not a
number": a learner who writes as they speak met a box that read digits and not words. Now the
noun after a number is dropped by one rule whether the number is in digits or in words, and a
decimal said aloud ("point", "virgule", then one word per digit) is read as the digits it names,
by the rule that reads digits. Properties over every whole number 0-100 in each of its names,
English and French, and over decimals said aloud; refusals stay refusals.
"""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from osmosis_lab.check import number_words
from osmosis_lab.check.exercise import NotANumber, not_a_number, parse_number
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.numbers import TooManyDigits
from osmosis_lab.check.quoting import quoted
from osmosis_lab.explorers.answers import answer_control

NAMES = {n: [w for w, m in number_words.WHOLE_NUMBERS.items() if m == n] for n in range(101)}
NOUNS = ("testers", "people", "personnes", "Violations.")
EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FR_DIGITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]


def read(text: str, unit: str) -> int | float | str:
    """What the box does with ``text``: the number read, or the words of its refusal."""
    try:
        return parse_number(text, unit=unit)
    except NotANumber:
        return not_a_number(text, unit).replace(quoted(text), "…")


@pytest.mark.parametrize("n", range(101))
def test_every_whole_number_in_words_with_a_noun_reads_as_its_digits_do(n):
    for name in NAMES[n]:
        for noun in NOUNS:
            words, digits = f"{name} {noun}", f"{n} {noun}"
            assert parse_number(words, unit="count") == parse_number(digits, unit="count") == n
            assert type(parse_number(words, unit="count")) is int, words
            assert parse_number(f"about {words}", unit="value") == float(n), words


@pytest.mark.parametrize("n", range(100))
def test_two_numbers_in_words_with_a_noun_are_refused_as_in_digits(n):
    for name, then in zip(NAMES[n], NAMES[n + 1], strict=False):
        for typed in (f"{name} or {then} testers", f"{name} million testers",
                      f"{name} % testers"):  # fmt: skip
            digits = typed.replace(name, str(n), 1).replace(f" {then} ", f" {n + 1} ")
            assert read(digits, "count") == read(typed, "count"), (typed, digits)
            assert "is not a number" in read(typed, "count"), typed
        # side by side, digits are one number ("1 024"); words are two, and refused
        assert "is not a number" in read(f"{name} {then} testers", "count"), (name, then)


DECIMALS = [
    ("zero point eight five", 0.85), ("nought point five", 0.5), ("Zero point eight five.", 0.85),
    ("zéro virgule huit cinq", 0.85), ("zero virgule cinq", 0.5), ("point two five", 0.25),
    ("twelve point five", 12.5), ("vingt et un virgule zéro un", 21.01), ("one point zero", 1),
    ("zero point five percent", 0.005), ("douze virgule cinq pour cent", 0.125),
    ("zero point seven five %", 0.0075), ("about zero point three", 0.3),
    ("environ zéro virgule trois", 0.3), ("zero point eight five testers", 0.85),
    ("epsilon = zero point five", 0.5), ("nought", 0),
]  # fmt: skip
NOT_DECIMALS = [
    "zero point eighty five", "zéro virgule quatre-vingt-cinq", "zero point five point five",
    "zero point five or six", "minus zero point five", "point", "zero point five million",
    "half point five", "zero point oh five", "zero point " + "zero " * 400 + "one",
]  # fmt: skip


@pytest.mark.parametrize(("typed", "means"), DECIMALS)
def test_a_decimal_said_aloud_reads_as_its_digits(typed, means):
    assert parse_number(typed, unit="value") == means
    count = parse_number(typed, unit="count")
    assert type(count) is (int if float(means).is_integer() else float), typed


@pytest.mark.parametrize("typed", NOT_DECIMALS)
def test_what_is_not_one_decimal_said_aloud_is_refused(typed):
    with pytest.raises(NotANumber):
        parse_number(typed, unit="value")


@given(
    whole=st.integers(0, 100),
    digits=st.text("0123456789", min_size=1, max_size=40),
    french=st.booleans(),
)
@example(whole=0, digits="85", french=False)
@example(whole=0, digits="0" * 400 + "1", french=True)
def test_a_whole_number_point_digit_words_is_that_decimal_exactly(whole, digits, french):
    """ "<d> point <digits>" is Decimal("d.digits"), exactly, or refused as the digits are."""
    name = NAMES[whole][-1 if french else 0]
    said = [(FR_DIGITS if french else EN_DIGITS)[int(d)] for d in digits]
    typed = f"{name} {'virgule' if french else 'point'} {' '.join(said)}"
    exact = Decimal(f"{whole}.{digits}")
    try:
        value = parse_number(typed, unit="value")
    except TooManyDigits:  # a float cannot hold it as said: refused, as its digits are
        with pytest.raises(TooManyDigits):
            parse_number(f"{whole}.{digits}", unit="value")
        assert "has more digits than a check can tell apart" in not_a_number(typed, "value")
        return
    assert Fraction(repr(value)) == Fraction(exact), typed


def test_a_check_says_a_number_in_words_as_it_says_its_digits():
    """The reply quotes the number read: the same words as for the digits it names."""
    exercises = all_exercises()
    for name, words, digits in [
        ("count_the_testers", "ten testers", "10 testers"),
        ("count_the_testers", "nine people", "9 people"),
        ("bystanders_count", "douze personnes", "12 personnes"),
        ("inference_accuracy", "zero point eight five", "0.85"),
        ("randomized_response_estimate", "zéro virgule trois", "0,3"),
        ("error_per_query", "twelve point five", "12.5"),
    ]:
        exercise = exercises[name]
        said, typed = (exercise.check.verdict(exercise.read_number(t)) for t in (words, digits))
        assert (said.status, said.message) == (typed.status, typed.message), words


@pytest.mark.parametrize(("typed", "status"), [("nine testers", "correct"),
                                               ("twelve testers", "hint"),
                                               ("neuf testeurs", "correct")])  # fmt: skip
def test_an_answer_box_judges_words_with_a_noun_as_the_digits(typed, status):
    control = answer_control("count_the_testers")
    control.text.value = typed
    control.check_button.click()
    assert control.status == status, control.verdict.value
