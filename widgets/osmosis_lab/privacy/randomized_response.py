"""Randomized response: ask a sensitive yes/no question so that no single answer can be trusted.

Each respondent tells the truth with probability p = e^ε / (1 + e^ε) and the
opposite otherwise. The share of true "yes" in a group can still be estimated
without bias, because the rate of lying is known. The ratio of the chances of
any answer under "yes" and under "no" is p / (1 - p) = e^ε: this is ε-local
differential privacy. Whether one answer stays deniable depends on ε: at a
small ε it may well be the coin talking (at ε = 1 an observer who started at
50-50 ends about 73 in 100 sure), but at a large ε the coin almost never
lies and the answer is nearly certain (at ε = 5, more than 99 in 100);
:attr:`osmosis_lab.privacy.loss.PrivacyLoss.deniable` draws the line.

References
----------
Warner, S. L. (1965). Randomized response: a survey technique for eliminating
evasive answer bias. *Journal of the American Statistical Association*, 60(309), 63-69.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Real
from statistics import NormalDist

import numpy as np

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy._checks import positive_finite


def truth_probability(*, epsilon: float) -> float:
    """Return p = e^ε / (1 + e^ε), the chance that a respondent answers truthfully.

    >>> round(truth_probability(epsilon=math.log(3)), 3)
    0.75

    Raises
    ------
    PrivacyError
        epsilon is not a finite number of at least 1e-9.
    """
    eps = positive_finite(epsilon, name="epsilon")
    # 1 / (1 + e^-ε) is the same number and does not overflow for large ε.
    return 1.0 / (1.0 + math.exp(-eps))


def _as_answers(values: Sequence[bool] | np.ndarray, *, name: str) -> np.ndarray:
    array = np.asarray(values)
    if array.ndim != 1 or array.size == 0:
        raise PrivacyError(f"{name} must be a non-empty list of yes/no answers (True/False).")
    if array.dtype == bool:
        return array
    if array.dtype.kind in "iuf":
        odd = array[~np.isin(array, (0, 1))]
        if odd.size == 0:
            return array.astype(bool)
        examples = odd[:3].tolist()
    else:
        examples = array[:3].tolist()
    raise PrivacyError(f"{name} must hold only True/False (or 1/0); found {examples}.")


def randomized_response(
    truths: Sequence[bool] | np.ndarray, *, epsilon: float, rng: np.random.Generator
) -> np.ndarray:
    """Return each respondent's answer: the truth with chance e^ε / (1 + e^ε), else its opposite.

    Parameters
    ----------
    truths : array of bool
        Each respondent's true answer (it never leaves this function).
    epsilon : float
        Privacy loss per answer; smaller means more lies, so each answer says less about
        its respondent (see :func:`posterior_yes`).
    rng : numpy.random.Generator
        The source of the coin flips.

    Returns
    -------
    ndarray of bool

    Raises
    ------
    PrivacyError
        truths is not a non-empty list of True/False (or 1/0), epsilon is not a finite number of
        at least 1e-9, or rng is not a numpy Generator.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> answers = randomized_response([True] * 1000, epsilon=math.log(3), rng=rng)
    >>> bool(0.72 < answers.mean() < 0.78)  # about 3 in 4 tell the truth
    True

    References
    ----------
    Warner (1965), JASA 60(309), 63-69.
    """
    answers = _as_answers(truths, name="truths")
    p = truth_probability(epsilon=epsilon)
    if not isinstance(rng, np.random.Generator):
        raise PrivacyError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    lie = rng.random(answers.size) >= p
    return answers ^ lie


@dataclass(frozen=True)
class ProportionEstimate:
    """An estimate of the share of true "yes", with its uncertainty.

    ``estimate`` is unbiased and may fall slightly outside [0, 1] in a small
    survey; ``low`` and ``high`` bound the confidence interval, within [0, 1].
    """

    estimate: float
    standard_error: float
    low: float
    high: float
    confidence: float
    n: int
    epsilon: float

    @property
    def clipped(self) -> float:
        """The estimate moved into [0, 1], for display (no longer unbiased)."""
        return min(1.0, max(0.0, self.estimate))


def _wilson_interval(rate: float, n: int, z: float) -> tuple[float, float]:
    """Wilson's score interval for a binomial rate (stays inside [0, 1])."""
    shrink = 1 + z * z / n
    centre = (rate + z * z / (2 * n)) / shrink
    half = z / shrink * math.sqrt(rate * (1 - rate) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def estimate_proportion(
    responses: Sequence[bool] | np.ndarray, *, epsilon: float, confidence: float = 0.95
) -> ProportionEstimate:
    """Estimate the true share of "yes" from randomized responses (Warner's estimator).

    With truth probability p, the share of "yes" answers λ has expectation
    p·π + (1 - p)(1 - π), so π̂ = (λ̂ - (1 - p)) / (2p - 1) is unbiased, with
    variance λ(1 - λ) / (n (2p - 1)²). The interval is Wilson's score interval
    for λ, mapped to π the same way and kept within [0, 1]; unlike π̂ ± z·SE it
    does not shrink to a point when every answer happens to be the same.
    Like Warner, it treats the respondents as a random sample of a larger group;
    for the share within exactly these respondents it is a little conservative.

    Raises
    ------
    PrivacyError
        responses is not a non-empty list of True/False (or 1/0), epsilon is not a finite number
        of at least 1e-9, or confidence is not between 0 and 1.

    Examples
    --------
    >>> responses = np.array([True] * 60 + [False] * 40)
    >>> est = estimate_proportion(responses, epsilon=math.log(3))
    >>> round(est.estimate, 3), round(est.standard_error, 3)
    (0.7, 0.098)
    >>> round(est.low, 3), round(est.high, 3)
    (0.504, 0.881)

    References
    ----------
    Warner (1965), JASA 60(309), 63-69. Wilson, E. B. (1927). Probable inference,
    the law of succession, and statistical inference. JASA 22(158), 209-212.
    """
    answers = _as_answers(responses, name="responses")
    p = truth_probability(epsilon=epsilon)
    if isinstance(confidence, bool) or not isinstance(confidence, Real) or not 0 < confidence < 1:
        raise PrivacyError(f"confidence must be between 0 and 1 (e.g. 0.95), got {confidence!r}.")
    # 2p - 1 written as tanh(ε/2): the same number, without cancellation for tiny ε.
    signal = math.tanh(float(epsilon) / 2)
    n = int(answers.size)
    rate = float(answers.mean())
    estimate = (rate - (1 - p)) / signal
    standard_error = math.sqrt(rate * (1 - rate) / n) / signal
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    low, high = ((r - (1 - p)) / signal for r in _wilson_interval(rate, n, z))
    low, high = min(1.0, max(0.0, low)), min(1.0, max(0.0, high))
    return ProportionEstimate(
        estimate, standard_error, low, high, float(confidence), n, float(epsilon)
    )


def posterior_yes(answered_yes: bool, *, prior: float, epsilon: float) -> float:
    """Chance that a respondent's true answer is "yes", given their answer.

    This is what an observer can conclude about one person: the answer moves
    the odds by a factor of at most e^ε. At a small ε that leaves the answer
    deniable; at a large ε it does not (ε = 5 moves an even prior past 99 in
    100), so "the coin made me say it" is believable only while ε is small.

    >>> round(posterior_yes(True, prior=0.5, epsilon=math.log(3)), 2)
    0.75
    >>> round(posterior_yes(False, prior=0.5, epsilon=math.log(3)), 2)
    0.25
    >>> round(posterior_yes(True, prior=0.5, epsilon=5.0), 3)  # nearly certain: not deniable
    0.993
    >>> posterior_yes(True, prior=0.0, epsilon=1e6)  # a certain prior no answer can move
    0.0

    Raises
    ------
    PrivacyError
        ``answered_yes`` is not True or False (1 or 0), ``prior`` is not a probability in
        [0, 1], or ``epsilon`` is not a finite number of at least 1e-9.
    """
    # bool("no") is True: a text answer would silently count as yes, so only booleans pass.
    if not isinstance(answered_yes, bool | np.bool_ | int | np.integer) or answered_yes not in (
        0,
        1,
    ):
        raise PrivacyError(
            f"answered_yes must be True (the answer was yes) or False, got {answered_yes!r}."
        )
    if isinstance(prior, bool) or not isinstance(prior, Real) or not 0 <= prior <= 1:
        raise PrivacyError(f"prior must be a probability between 0 and 1, got {prior!r}.")
    eps = positive_finite(epsilon, name="epsilon")
    if prior in (0, 1):
        return float(prior)  # Bayes: a certain prior stays certain, whatever the answer
    # In log-odds the answer adds ±ε; this form never divides 0 by 0 when p rounds to 1.
    log_odds = math.log(prior) - math.log1p(-prior) + (eps if answered_yes else -eps)
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    return math.exp(log_odds) / (1.0 + math.exp(log_odds))
