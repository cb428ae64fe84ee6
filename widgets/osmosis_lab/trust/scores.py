"""Scores of a forecaster other than calibration: the Brier score, its base-rate bar, accuracy.

Calibration (:mod:`osmosis_lab.trust.calibration`) asks whether "80 % sure" comes
true 80 % of the time. These ask different questions: how far the statements are
from what happened (Brier), what the laziest calibrated forecaster scores (the base
rate), and how often the yes/no verdict is right (accuracy).

>>> predicted, outcome = [0.1, 0.2, 0.8, 0.9], [0, 1, 1, 1]
>>> round(brier_score(predicted, outcome), 3), base_rate_brier_score(outcome)
(0.175, 0.1875)
>>> threshold_accuracy(predicted, outcome)
0.75

References
----------
Brier, G. W. (1950). Verification of forecasts expressed in terms of
probability. *Monthly Weather Review*, 78(1), 1-3.
"""

from __future__ import annotations

import numpy as np

from osmosis_lab.trust._checks import as_outcomes, forecasts, probability


def brier_score(predicted, outcome) -> float:
    """Mean squared difference between stated probability and outcome (0 is perfect).

    It rewards both calibration and sharpness: always saying 50 % scores 0.25.

    Raises
    ------
    TrustError
        predicted is empty or not probabilities in [0, 1], outcome is not 0/1, or their lengths
        differ.

    Examples
    --------
    >>> brier_score([0.5, 0.5], [1, 0])
    0.25
    >>> brier_score([1.0, 0.0], [1, 0])
    0.0

    References
    ----------
    Brier, G. W. (1950). Verification of forecasts expressed in terms of
    probability. *Monthly Weather Review*, 78(1), 1-3.
    """
    p, y = forecasts(predicted, outcome)
    return float(np.mean((p - y) ** 2))


def base_rate_brier_score(outcome) -> float:
    """Brier score of a forecaster that states the observed base rate for every case.

    Saying "41 %" to every couple when 41 % of couples do well is perfectly
    calibrated, yet it tells nobody anything about their own couple. Its Brier
    score, ``rate * (1 - rate)``, is the bar any useful forecaster must beat.

    Raises
    ------
    TrustError
        Empty input or outcomes other than 0/1.

    Examples
    --------
    >>> base_rate_brier_score([1, 0, 0, 0])
    0.1875
    >>> from osmosis_lab.trust.calibration import expected_calibration_error
    >>> rate = [0.25] * 4
    >>> brier_score(rate, [1, 0, 0, 0]), expected_calibration_error(rate, [1, 0, 0, 0])
    (0.1875, 0.0)
    """
    y = as_outcomes(outcome, "outcome")
    rate = float(y.mean())
    return float(np.mean((rate - y) ** 2))


def threshold_accuracy(predicted, outcome, *, threshold: float = 0.5) -> float:
    """Share of cases where the yes/no verdict ``predicted >= threshold`` was right.

    Accuracy looks only at the verdict, not at how sure the forecaster said it
    was: compare it with :func:`expected_calibration_error`.

    Raises
    ------
    TrustError
        predicted is empty or not probabilities in [0, 1], outcome is not 0/1, their lengths
        differ, or threshold is not a probability.

    Examples
    --------
    >>> threshold_accuracy([0.99, 0.51, 0.2], [1, 1, 0])
    1.0
    >>> threshold_accuracy([0.99, 0.51, 0.2], [1, 1, 0], threshold=0.6)
    0.6666666666666666
    """
    p, y = forecasts(predicted, outcome)
    cut = probability(threshold, "threshold")
    return float(np.mean((p >= cut) == (y == 1)))
