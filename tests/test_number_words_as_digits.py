"""A number in words reads as its digits do (w57, w58): with a noun after it.

"10 testers" was read, while "ten testers" was "not a number": a learner who writes as they
speak met a box that read digits and not words. Now the noun after a number is dropped by one
rule whether the number is in digits or in words. Properties over every whole number 0-100 in
each of its names, English and French; refusals stay refusals.
"""

import pytest

from osmosis_lab.check import number_words
from osmosis_lab.check.exercise import NotANumber, not_a_number, parse_number
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers.answers import answer_control

NAMES = {n: [w for w, m in number_words.WHOLE_NUMBERS.items() if m == n] for n in range(101)}
NOUNS = ("testers", "people", "personnes", "Violations.")


def read(text: str, unit: str) -> int | float | str:
    """What the box does with ``text``: the number read, or the words of its refusal."""
    try:
        return parse_number(text, unit=unit)
    except NotANumber:
        return not_a_number(text, unit).replace(repr(text), "…")


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


def test_a_check_says_a_number_in_words_as_it_says_its_digits():
    """The reply quotes the number read: the same words as for the digits it names."""
    exercises = all_exercises()
    for name, words, digits in [
        ("count_the_testers", "ten testers", "10 testers"),
        ("count_the_testers", "nine people", "9 people"),
        ("bystanders_count", "douze personnes", "12 personnes"),
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
