"""The app's "soulmate certainty": a match score turned into a stated probability.

Osmosis tells a user how sure it is that a match is their soulmate. Here that
statement is a logistic map of the match score::

    certainty = 1 / (1 + exp(-sharpness * overconfidence * (score - midpoint)))

``midpoint`` is the score the app calls a coin flip, ``sharpness`` how fast
certainty rises with the score. ``overconfidence`` is the design setting the
lessons turn: 1 keeps the map as it is, above 1 pushes every statement towards
0 % or 100 %, below 1 pulls it back towards 50 %. It is the inverse of the
*temperature* that Guo et al. (2017) divide logits by to recalibrate a network
("temperature scaling"), so finding the best ``overconfidence`` on outcomes is
their fix. Whether a stated certainty deserves trust is checked against what
happened (:func:`overconfidence_sweep`, :mod:`osmosis_lab.trust.calibration`).

Examples
--------
>>> round(stated_certainty(0.5), 2)
0.5
>>> round(stated_certainty(0.8, midpoint=0.5, sharpness=10.0), 3)
0.953
>>> round(stated_certainty(0.8, midpoint=0.5, sharpness=10.0, overconfidence=2.0), 3)
0.998
>>> stated_certainty([0.2, 0.5, 0.8], sharpness=4.0, overconfidence=0.5).round(3)
array([0.354, 0.5  , 0.646])

References
----------
Guo, C., Pleiss, G., Sun, Y. & Weinberger, K. Q. (2017). On Calibration of
Modern Neural Networks. ICML, PMLR 70, 1321-1330 (section 4.2, temperature scaling).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from osmosis_lab.trust._checks import as_numbers, as_outcomes, positive_number, same_length
from osmosis_lab.trust.calibration import expected_calibration_error
from osmosis_lab.trust.scores import brier_score, threshold_accuracy


def stated_certainty(
    scores,
    *,
    midpoint: float = 0.5,
    sharpness: float = 10.0,
    overconfidence: float = 1.0,
):
    """Map match scores to the probability the app states that a match will work out.

    Parameters
    ----------
    scores : float or array-like of float
        Match scores (any finite numbers; the app's scores lie in [0, 1]).
    midpoint : float, default 0.5
        The score stated as 50 %.
    sharpness : float, default 10.0
        Slope of the logistic map (above 0).
    overconfidence : float, default 1.0
        Multiplies the slope: above 1 states more extreme probabilities than
        the map would, below 1 more cautious ones (above 0).

    Returns
    -------
    float or numpy.ndarray
        A float for a single score, else an array shaped like ``scores``.

    Raises
    ------
    TrustError
        Non-finite or empty scores; ``sharpness`` or ``overconfidence`` not above 0.

    Examples
    --------
    >>> [round(stated_certainty(s, midpoint=0.6, sharpness=20.0), 3) for s in (0.4, 0.6, 0.8)]
    [0.018, 0.5, 0.982]
    """
    gain = positive_number(sharpness, "sharpness") * positive_number(
        overconfidence, "overconfidence"
    )
    centre = float(as_numbers([midpoint], "midpoint")[0])
    single = np.ndim(scores) == 0
    values = as_numbers(np.atleast_1d(scores).ravel(), "scores").reshape(np.shape(scores) or (1,))
    # tanh form: the same logistic, without overflow for large |z|.
    certainty = 0.5 * (1.0 + np.tanh(0.5 * gain * (values - centre)))
    return float(certainty[0]) if single else certainty


def overconfidence_sweep(
    scores,
    outcome,
    *,
    overconfidence=(0.25, 0.5, 1.0, 2.0, 4.0),
    midpoint: float = 0.5,
    sharpness: float = 10.0,
    bins: int = 10,
) -> pd.DataFrame:
    """How calibrated the stated certainty is, for several overconfidence settings.

    Parameters
    ----------
    scores : array-like of float
        Match scores.
    outcome : array-like of {0, 1}
        What happened to each match (1: it worked out).
    overconfidence : sequence of float
        The settings to try (each above 0).
    midpoint, sharpness
        As for :func:`stated_certainty`.
    bins : int
        Bins for the expected calibration error.

    Returns
    -------
    pandas.DataFrame
        One row per setting: ``overconfidence``, ``mean_stated``, ``accuracy``,
        ``expected_calibration_error``, ``brier_score``. Accuracy does not change
        with the setting (the 50 % line stays at ``midpoint``); calibration does.

    Raises
    ------
    TrustError
        scores are empty or not finite numbers, outcome is not 0/1, their lengths differ, or an
        overconfidence is not a finite number above 0.

    Examples
    --------
    >>> table = overconfidence_sweep([0.3, 0.7, 0.7, 0.3], [0, 1, 0, 1], sharpness=10.0)
    >>> table[["overconfidence", "accuracy"]].to_dict("list")
    {'overconfidence': [0.25, 0.5, 1.0, 2.0, 4.0], 'accuracy': [0.5, 0.5, 0.5, 0.5, 0.5]}
    >>> bool(table["expected_calibration_error"].is_monotonic_increasing)
    True
    """
    values = as_numbers(scores, "scores")
    y = as_outcomes(outcome, "outcome")
    same_length(scores=values, outcome=y)
    rows = []
    for setting in as_numbers(list(overconfidence), "overconfidence"):
        p = stated_certainty(
            values, midpoint=midpoint, sharpness=sharpness, overconfidence=float(setting)
        )
        rows.append(
            {
                "overconfidence": float(setting),
                "mean_stated": float(p.mean()),
                "accuracy": threshold_accuracy(p, y),
                "expected_calibration_error": expected_calibration_error(p, y, bins=bins),
                "brier_score": brier_score(p, y),
            }
        )
    return pd.DataFrame(rows)
