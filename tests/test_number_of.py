"""Numbers copied from the screen as "A of B" (walkthrough: lesson 05 Exercise 5 asks for a
share, the panel shows "113 of 850", and "113 of 850" was "not a number").

For a share, "A of B" (digits or words, "of" or "out of", maybe with what it counts) is the
fraction A/B, exactly as "A/B" reads; for a count, "A of them" is A, and "A of B" is refused as
a fraction, as "12/12" is (it answers "what share?" as well as "how many?"). Anything else with
"of" stays refused: "1 of 2 of 3", "15 % of 850", "nine of them" for a share, any "of" for a plain
value.
"""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.check import lesson05
from osmosis_lab.check.exercise import NotANumber, parse_number
from osmosis_lab.check.numbers import FractionForCount
from osmosis_lab.explorers.answers import answer_control


@given(st.integers(0, 9_999), st.integers(1, 9_999), st.sampled_from(["of", "out of", "OF"]))
def test_a_of_b_is_the_fraction_a_over_b_exactly(part, whole, of):
    read = parse_number(f"{part} {of} {whole}", unit="fraction")
    assert read == float(Fraction(part, whole)) == parse_number(f"{part}/{whole}", unit="fraction")


@pytest.mark.parametrize(
    "typed",
    [
        "113 of 850",
        " 113  out of 850 ",
        "113 of 850 people",
        "about 113 of 850",
        "one hundred and thirteen of eight hundred and fifty",
        "a hundred and thirteen out of eight hundred fifty",
    ],
)
def test_a_share_copied_from_the_panel_reads_as_its_fraction(typed):
    assert parse_number(typed, unit="fraction") == 113 / 850


@pytest.mark.parametrize("typed", ["nine of them", "9 of them", "Nine out of them"])
def test_a_count_of_them_is_the_count(typed):
    assert parse_number(typed, unit="count") == 9


@pytest.mark.parametrize("typed", ["113 of 850", "113 of 850 people", "nine out of twelve"])
def test_a_share_given_for_a_count_is_refused_as_a_fraction(typed):
    # "5 of 12" answers "how many?" and "what share?" alike: the learner is told to type the
    # count itself, as for "12/12" (w57), rather than judged on a guess
    with pytest.raises(FractionForCount):
        parse_number(typed, unit="count")


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("1 of 2 of 3", "fraction"),
        ("1 of 2 of 3", "count"),
        ("15 % of 850", "fraction"),
        ("0.5 of 850", "fraction"),
        ("nine of them", "fraction"),
        ("113 of 0", "fraction"),
        ("of 850", "fraction"),
        ("2 of 3", "value"),
        ("nine of them", "value"),
        ("most of them", "count"),
    ],
)
def test_anything_else_with_of_stays_refused(typed, unit):
    with pytest.raises(NotANumber):
        parse_number(typed, unit=unit)


def judged(typed: str) -> tuple[str, str]:
    control = answer_control("review_informed_share")  # lesson 05 Exercise 5: a share
    control.text.value = typed
    control.check_button.click()
    return control.status, control.verdict.value


def test_the_share_exercise_judges_a_of_b_as_its_fraction():
    assert judged("113 of 850") == judged("113/850")
    assert "not a number" not in judged("113 of 850")[1]


def test_a_code_cell_does_not_call_a_share_copied_from_the_panel_no_number():
    verdict = lesson05.review_informed_share("113 of 850")
    assert "not a number" not in verdict.message
