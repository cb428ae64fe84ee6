"""Self-checks for lesson 04 · Algorithmic trust.

Every right answer is computed here from the engine and the data, never typed in. This
module checks calibration (what the app's stated certainty is worth);
:mod:`.lesson04_decisions` checks the decisions made with the app (whose match, reliance,
the outage). Both are lesson 04's checks; this module re-exports the others so that
``check.lesson04.<name>`` finds every one of them.

Examples
--------
>>> print(ece_by_hand(0.2))
Correct! Each band holds half the matches: 0.5 × |0.9 - 0.6| + 0.5 × |0.3 - 0.4| = 0.2.
>>> print(ece_by_hand(0.6))  # doctest: +NORMALIZE_WHITESPACE
Not yet: 0.6 is the accuracy (12 of 20 yes/no verdicts right), and also the average statement,
and also the share of the 90% band that came true. Calibration compares each band's stated
probability with how often it came true.
>>> print(ece_by_hand(0.1))  # doctest: +NORMALIZE_WHITESPACE
Not yet: 0.1 is the gap in the 30% band alone, and also the average statement minus the overall
rate, where the two bands' gaps, of opposite signs, cancel. Take the size of each band's gap, then
average the two, each weighted by its share of the matches.
"""

import math
from functools import cache

import numpy as np

from ..data import load_pairs, load_population
from ..trust import (
    APP_MIDPOINT,
    APP_SHARPNESS,
    app_certainty,
    expected_calibration_error,
    overconfidence_sweep,
    pair_scores,
    reliability_table,
)
from .allowed import Allowed
from .core import Check, Misconception
from .lesson04_decisions import _number, billie_needs, lucas_wellbeing_match, sofia_over_reliance
from .said import said_back

#: Exercise 1: the app's statements and what happened (20 past matches).
HAND_PREDICTED = [0.9] * 10 + [0.3] * 10
# The two gaps have opposite signs, so a wrong method (overall mean statement minus
# overall rate, where they cancel) cannot land on the right value.
HAND_OUTCOME = [1] * 6 + [0] * 4 + [1] * 4 + [0] * 6
#: The misconception "average statement minus overall rate", computed, not typed.
HAND_MEAN_MINUS_RATE = float(np.mean(HAND_PREDICTED) - np.mean(HAND_OUTCOME))
#: The misconception "accuracy": verdict (stated >= 50 %) equal to the outcome.
HAND_ACCURACY = float(np.mean((np.array(HAND_PREDICTED) >= 0.5) == np.array(HAND_OUTCOME)))

#: Each band's stated chance -> the share of its matches that came true (0.9 -> 0.6, 0.3 -> 0.4).
HAND_CAME_TRUE = {
    band: float(
        np.mean([o for p, o in zip(HAND_PREDICTED, HAND_OUTCOME, strict=True) if p == band])
    )
    for band in sorted(set(HAND_PREDICTED), reverse=True)
}
#: Each band's gap, its size: the 90 % band's alone is the misconception "forgot the weights".
HAND_GAPS = {band: abs(band - rate) for band, rate in HAND_CAME_TRUE.items()}
HAND_TOP_GAP = HAND_GAPS[0.9]
#: Every slip we know of, with the value it lands on. Several land on one value (0.1 is the 30 %
#: band's gap and the cancelling difference): a hint names each, so it never explains a learner's
#: slip by another one (issue 12, w56).
HAND_SLIPS = (
    (HAND_ACCURACY, "the accuracy (12 of 20 yes/no verdicts right)"),
    (float(np.mean(HAND_PREDICTED)), "the average statement"),
    *(
        (rate, f"the share of the {band:.0%} band that came true")
        for band, rate in HAND_CAME_TRUE.items()
    ),
    *((gap, f"the gap in the {band:.0%} band alone") for band, gap in HAND_GAPS.items()),
    (
        HAND_MEAN_MINUS_RATE,
        "the average statement minus the overall rate, where the two bands' gaps, of opposite "
        "signs, cancel",
    ),
    (sum(HAND_GAPS.values()), "the two bands' gaps added without their weights"),
)


def _slips_at(value: float) -> str:
    """What ``value`` is, naming every known slip that lands on it.

    >>> _slips_at(0.4)
    "0.4 is the share of the 30% band that came true, and also the two bands' gaps added without their weights."
    """
    said = [words for slip, words in HAND_SLIPS if math.isclose(slip, value, abs_tol=1e-9)]
    return f"{value:g} is " + ", and also ".join(said) + "."


#: The overconfidence settings lesson 04 sweeps.
SWEEP_SETTINGS = (0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


def _close(target: float, tolerance: float = 0.005):
    return lambda answer: math.isclose(_number(answer), target, abs_tol=tolerance)


#: The prediction before the track record: what share of the top band came true?
TOP_BAND_OPTIONS = ("90-100 %", "70-90 %", "50-70 %", "below 50 %")


def top_band_range(share: float) -> str:
    """The option of :data:`TOP_BAND_OPTIONS` that holds ``share`` (a proportion).

    Examples
    --------
    >>> top_band_range(0.95), top_band_range(0.61), top_band_range(0.3)
    ('90-100 %', '50-70 %', 'below 50 %')
    """
    for floor, label in zip((0.9, 0.7, 0.5), TOP_BAND_OPTIONS, strict=False):
        if share >= floor:
            return label
    return TOP_BAND_OPTIONS[-1]


@cache
def _top_band_row() -> tuple[float, int]:
    """The top band of the track record: the share of its couples doing well, and how many."""
    pairs = load_pairs()
    stated = app_certainty(pair_scores(pairs, load_population()))
    top = reliability_table(stated, pairs["wellbeing_after_1y"]).iloc[-1]
    return float(top["observed_rate"]), int(top["count"])


def _top_band() -> str:
    return top_band_range(_top_band_row()[0])


def _top_band_shown() -> str:
    share, count = _top_band_row()
    # a whole percentage, as the track record table shows it (reliability_words)
    return (
        f"in the track record, {round(share * 100)}% of the top band's {count} couples were doing "
        f"well: {said_back(_top_band())}"
    )


top_band_prediction = Check(
    name="top_band_prediction",
    prediction=True,
    reference=_top_band,
    shows=_top_band_shown,
    question="Of the couples the app gave 90 % or more, what share do you predict were doing "
    "well a year later?",
    is_correct=lambda answer: answer == _top_band(),
    # the words on screen: reliability_words names the column "came true", never observed_rate
    why='That is what the track record below shows: read the top band\'s "came true" share '
    "and compare it with what the app stated.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "took the app at its word",
            example="90-100 %",
            matches=lambda answer: answer == "90-100 %" != _top_band(),
            hint='You took the app at its word, but its "came true" share in the track '
            "record below falls short of what a calibrated app's record would show.",
        ),
    ),
    fallback_hint='Read the "came true" share of the top band (90% to 100%) in the track '
    "record just below.",
)


ece_by_hand = Check(
    name="ece_by_hand",
    allowed=Allowed("fraction", 0, 1),
    reference=lambda: expected_calibration_error(HAND_PREDICTED, HAND_OUTCOME),
    question="What is the expected calibration error of the smaller app's 20 statements?",
    is_correct=_close(expected_calibration_error(HAND_PREDICTED, HAND_OUTCOME)),
    why="Each band holds half the matches: 0.5 × |0.9 - 0.6| + 0.5 × |0.3 - 0.4| = 0.2.",
    misconceptions=(
        Misconception(
            "computed accuracy",
            example=HAND_ACCURACY,
            matches=_close(HAND_ACCURACY),
            hint=_slips_at(HAND_ACCURACY) + " Calibration compares each band's stated probability "
            "with how often it came true.",
            wrong_value=lambda: HAND_ACCURACY,
        ),
        Misconception(
            "forgot the weights",
            example=0.3,
            matches=_close(HAND_TOP_GAP),
            hint=_slips_at(HAND_TOP_GAP) + " Average the gaps of both bands, each weighted by its "
            "share of the matches.",
            wrong_value=lambda: HAND_TOP_GAP,
        ),
        Misconception(
            "mean statement minus overall rate",
            example=HAND_MEAN_MINUS_RATE,
            matches=_close(HAND_MEAN_MINUS_RATE),
            hint=_slips_at(HAND_MEAN_MINUS_RATE) + " Take the size of each band's gap, then "
            "average the two, each weighted by its share of the matches.",
            wrong_value=lambda: HAND_MEAN_MINUS_RATE,
        ),
        Misconception(
            "added the gaps without weights",
            example=sum(HAND_GAPS.values()),
            matches=_close(sum(HAND_GAPS.values())),
            hint=_slips_at(sum(HAND_GAPS.values())) + " Each band holds half the matches: weight "
            "each gap by its share (0.5) before you add them.",
            wrong_value=lambda: sum(HAND_GAPS.values()),
        ),
        Misconception(
            "a percentage",
            example=20,
            matches=_close(20, 0.5),
            hint="Give the error as a proportion between 0 and 1 (0.2 rather than 20).",
            form_slip=True,
        ),
    ),
    fallback_hint="For each band: |stated - share that worked out|, weighted by the band's "
    "share of the 20 matches; then add the bands up.",
)


@cache
def _best_setting() -> float:
    pairs = load_pairs()
    sweep = overconfidence_sweep(
        pair_scores(pairs, load_population()),
        pairs["wellbeing_after_1y"],
        overconfidence=SWEEP_SETTINGS,
        midpoint=APP_MIDPOINT,
        sharpness=APP_SHARPNESS,
    )
    return float(sweep.loc[sweep["expected_calibration_error"].idxmin(), "overconfidence"])


best_overconfidence = Check(
    name="best_overconfidence",
    reference=_best_setting,
    question="Which overconfidence setting gives the app the lowest expected calibration error?",
    is_correct=lambda answer: math.isclose(_number(answer), _best_setting()),
    why="Toning the app's certainty down brings its statements closest to what happened; its "
    "yes/no verdicts, and so its accuracy, do not change at all.",
    misconceptions=(
        Misconception(
            "kept the launch setting",
            example=1.0,
            matches=lambda answer: _number(answer) == 1.0 != _best_setting(),
            hint="1 is the app as launched. Look for the smallest expected calibration error in "
            "the table, not at the accuracy column (it never changes).",
        ),
        Misconception(
            "more confidence",
            example=3.0,
            matches=lambda answer: _number(answer) > 1.0,
            hint="Above 1 the app sounds even surer. Its track record says it should sound "
            "less sure: look below 1.",
        ),
    ),
    fallback_hint="Find the row with the smallest expected calibration error in the table "
    "and read its overconfidence setting.",
)


__all__ = [
    "best_overconfidence",
    "billie_needs",
    "ece_by_hand",
    "lucas_wellbeing_match",
    "sofia_over_reliance",
    "top_band_prediction",
    "top_band_range",
]
