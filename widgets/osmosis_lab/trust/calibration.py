"""Calibration: does "80 % sure" come true about 80 % of the time?

A forecaster is *calibrated* when, among all the cases it gives probability
``p``, the outcome happens in a share ``p`` of them. Accuracy asks a different
question (how often the yes/no verdict is right), so a model can be accurate
and badly calibrated, or calibrated and barely better than chance.

Examples
--------
Four matches, the app's stated probabilities that each works out, and what
happened (1: both partners doing well a year later):

>>> predicted = [0.1, 0.2, 0.8, 0.9]
>>> outcome = [0, 1, 1, 1]
>>> reliability_table(predicted, outcome, bins=2)
   bin  lower  upper  mean_predicted  observed_rate  count   gap
0    0    0.0    0.5            0.15            0.5      2 -0.35
1    1    0.5    1.0            0.85            1.0      2 -0.15
>>> round(expected_calibration_error(predicted, outcome, bins=2), 3)
0.25
>>> round(brier_score(predicted, outcome), 3)
0.175
>>> threshold_accuracy(predicted, outcome)
0.75

References
----------
Guo, C., Pleiss, G., Sun, Y. & Weinberger, K. Q. (2017). On Calibration of
Modern Neural Networks. *Proceedings of the 34th International Conference on
Machine Learning (ICML)*, PMLR 70, 1321-1330.
Brier, G. W. (1950). Verification of forecasts expressed in terms of
probability. *Monthly Weather Review*, 78(1), 1-3.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import count, forecasts, probability
from osmosis_lab.trust.scores import brier_score, threshold_accuracy

#: Columns of :func:`reliability_table`, in order.
RELIABILITY_COLUMNS = ("bin", "lower", "upper", "mean_predicted", "observed_rate", "count", "gap")

#: The most bins a table may have (the explorers use 5 and 10). Every bin is counted, even
#: an empty one, so the work and memory grow with ``bins`` (10**9 bins asked for 7 GiB).
MAX_BINS = 1000


def _bin_index(p: np.ndarray, bins) -> tuple[np.ndarray, np.ndarray]:
    whole = not isinstance(bins, bool) and isinstance(bins, int | np.integer)
    if not whole or not 1 <= bins <= MAX_BINS:
        raise TrustError(f"bins must be a whole number from 1 to {MAX_BINS}; got {bins!r}")
    edges = np.arange(bins + 1) / bins
    # Locate each value against the very edges the table reports, so a value on
    # an edge lands where the table says it does; 1.0 belongs to the last bin.
    index = np.minimum(np.searchsorted(edges, p, side="right") - 1, bins - 1)
    return index, edges


def reliability_table(predicted, outcome, *, bins: int = 10) -> pd.DataFrame:
    """Group cases by stated probability and compare it with what happened.

    Bins are equal-width on [0, 1]: bin ``k`` holds ``k/bins <= p < (k+1)/bins``,
    and the last bin also holds ``p = 1``.

    Parameters
    ----------
    predicted : array-like of float
        Stated probability of the outcome for each case, each in [0, 1].
    outcome : array-like of {0, 1} or bool
        What happened in each case (1: the outcome occurred).
    bins : int, default 10
        Number of equal-width bins, 1 to :data:`MAX_BINS` (1000).

    Returns
    -------
    pandas.DataFrame
        One row per non-empty bin, in order, with columns ``bin`` (index),
        ``lower`` and ``upper`` (edges), ``mean_predicted``, ``observed_rate``,
        ``count`` and ``gap`` (``mean_predicted - observed_rate``: positive
        where the forecaster promised more than happened).

    Raises
    ------
    TrustError
        Empty input, lengths that differ, probabilities outside [0, 1],
        outcomes other than 0/1, or ``bins`` outside 1 to 1000.

    Examples
    --------
    >>> reliability_table([0.95, 0.95, 0.95, 0.95], [1, 0, 1, 0], bins=10)
       bin  lower  upper  mean_predicted  observed_rate  count   gap
    0    9    0.9    1.0            0.95            0.5      4  0.45

    References
    ----------
    Guo et al. (2017), On Calibration of Modern Neural Networks, ICML, section 2.
    """
    p, y = forecasts(predicted, outcome)
    index, edges = _bin_index(p, bins)
    counts = np.bincount(index, minlength=bins)
    sum_p = np.bincount(index, weights=p, minlength=bins)
    sum_y = np.bincount(index, weights=y, minlength=bins)
    used = np.flatnonzero(counts)
    mean_p = sum_p[used] / counts[used]
    rate = sum_y[used] / counts[used]
    return pd.DataFrame(
        {
            "bin": used,
            "lower": edges[used],
            "upper": edges[used + 1],
            "mean_predicted": mean_p,
            "observed_rate": rate,
            "count": counts[used],
            "gap": mean_p - rate,
        }
    )


def expected_calibration_error(predicted, outcome, *, bins: int = 10) -> float:
    """Average gap between stated probability and observed rate, weighted by bin size.

    ``ECE = sum over bins of (count / n) * |mean_predicted - observed_rate|``.
    It is 0 when every bin's stated probability comes true exactly as often as
    stated, and at most 1.

    Parameters
    ----------
    predicted, outcome, bins
        As for :func:`reliability_table`.

    Returns
    -------
    float

    Raises
    ------
    TrustError
        As for reliability_table: bad probabilities or outcomes, different lengths, or bins
        outside 1 to 1000.

    Examples
    --------
    A forecaster that says 50 % and is right half the time is calibrated,
    although it is no help at all:

    >>> expected_calibration_error([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])
    0.0
    >>> round(expected_calibration_error([0.98, 0.98], [1, 0]), 2)
    0.48

    References
    ----------
    Guo et al. (2017), On Calibration of Modern Neural Networks, ICML, eq. (3).
    """
    table = reliability_table(predicted, outcome, bins=bins)
    weights = table["count"].to_numpy() / table["count"].sum()
    return float(np.sum(weights * np.abs(table["gap"].to_numpy())))


def band_verdict(stated: float, observed: float, *, tolerance: float = 0.05) -> str:
    """Whether a band's stated probability was too extreme, not extreme enough, or about right.

    Over- and underconfidence are about *extremes*, not about the sign of the
    gap: stating 3 % when 28 % came true is being too sure of "no", just as
    stating 94 % when 61 % came true is being too sure of "yes".

    Parameters
    ----------
    stated, observed : float
        A band's mean stated probability and its observed rate, each in [0, 1].
    tolerance : float, default 0.05
        Gaps no larger than this count as about right.

    Returns
    -------
    str
        ``"about right"``, ``"too sure of yes"``, ``"too sure of no"``,
        ``"not sure enough of yes"`` or ``"not sure enough of no"``.
        "Too sure" is overconfidence; "not sure enough" is underconfidence.

    Raises
    ------
    TrustError
        ``stated`` or ``observed`` outside [0, 1].

    Examples
    --------
    >>> band_verdict(0.94, 0.61), band_verdict(0.03, 0.28), band_verdict(0.34, 0.28)
    ('too sure of yes', 'too sure of no', 'not sure enough of no')
    >>> band_verdict(0.6, 0.9), band_verdict(0.45, 0.43)
    ('not sure enough of yes', 'about right')
    """
    p, o = probability(stated, "stated"), probability(observed, "observed")
    if abs(p - o) <= tolerance:
        return "about right"
    # The side the statement leans to; a flat 50 % leans to whichever side came true.
    leans_yes = p > 0.5 or (p == 0.5 and o > 0.5)
    side = "yes" if leans_yes else "no"
    too_extreme = (p > o) if leans_yes else (p < o)
    return f"too sure of {side}" if too_extreme else f"not sure enough of {side}"


def calibration_summary(predicted, outcome, *, bins: int = 10) -> dict[str, float]:
    """Accuracy, ECE, Brier score, mean stated probability and observed rate, in one dict.

    Raises
    ------
    TrustError
        As for reliability_table: bad probabilities or outcomes, different lengths, or bins
        outside 1 to 1000.

    Examples
    --------
    >>> calibration_summary([0.9, 0.9, 0.1, 0.1], [1, 0, 0, 0], bins=5)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'cases': 4, 'accuracy': 0.75, 'expected_calibration_error': 0.25,
     'brier_score': 0.21, 'mean_predicted': 0.5, 'observed_rate': 0.25}
    """
    p, y = forecasts(predicted, outcome)
    count(bins, "bins", minimum=1)
    return {
        "cases": len(p),
        "accuracy": threshold_accuracy(p, y),
        "expected_calibration_error": round(expected_calibration_error(p, y, bins=bins), 12),
        "brier_score": round(brier_score(p, y), 12),
        "mean_predicted": round(float(p.mean()), 12),
        "observed_rate": float(y.mean()),
    }
