"""Exercise 2 of lesson 04 (calibration by hand): a hint names every slip that lands on its value.

The answer 0.1 got "0.1 is the average statement minus the overall rate … cancel", but 0.1 is
also the 30 % band's gap alone; the common slip 0.4 (the gaps added unweighted, 0.3 + 0.1) got only
the generic hint (issue 12, w56). Here each slip is worked out again from the exercise's table with
exact fractions, and the feedback for its value must name it.
"""

from fractions import Fraction

import pytest

from osmosis_lab.check.lesson04 import HAND_OUTCOME, HAND_PREDICTED, ece_by_hand


def slips() -> list[tuple[Fraction, str]]:
    """(value, words the hint must use) for each way to get Exercise 2 wrong that we know of."""
    stated = [Fraction(str(p)) for p in HAND_PREDICTED]
    rows = list(zip(stated, HAND_OUTCOME, strict=True))
    came_true = {
        band: Fraction(sum(o for p, o in rows if p == band), sum(p == band for p, _ in rows))
        for band in sorted(set(stated))
    }
    gaps = {band: abs(band - rate) for band, rate in came_true.items()}
    mean, rate = sum(stated) / len(stated), Fraction(sum(HAND_OUTCOME), len(rows))
    accuracy = Fraction(sum((p >= Fraction(1, 2)) == bool(o) for p, o in rows), len(rows))
    found = [
        (accuracy, "the accuracy"),
        (mean, "the average statement"),
        (mean - rate, "the average statement minus the overall rate"),
        (sum(gaps.values()), "gaps added without their weights"),
    ]
    for band in came_true:
        found += [
            (came_true[band], f"the share of the {float(band):.0%} band that came true"),
            (gaps[band], f"the gap in the {float(band):.0%} band alone"),
        ]
    return found


@pytest.mark.parametrize("value, words", slips(), ids=lambda v: str(v))
def test_the_hint_for_a_slips_value_names_that_slip(value, words):
    feedback = str(ece_by_hand(float(value)))
    assert feedback.startswith("Not yet"), feedback
    assert words in feedback, f"{float(value):g}: the hint does not say it is {words}: {feedback}"


def test_the_slips_include_the_two_that_share_0_1_and_the_unweighted_sum():
    values = {words: value for value, words in slips()}
    assert values["the gap in the 30% band alone"] == Fraction(1, 10)
    assert values["the average statement minus the overall rate"] == Fraction(1, 10)
    assert values["gaps added without their weights"] == Fraction(2, 5)
