"""The class poll: randomized response run on the class itself, tallied for the teacher.

Each learner answers a yes/no question privately, then sends the truth with
probability p and the opposite otherwise (the coin is theirs: see
:mod:`osmosis_lab.explorers.class_poll`). The offered coins have an exact
rational p, so the privacy guarantee can be checked exactly: for every token
sent, P(token | yes) / P(token | no) is at most p / (1 - p) = e^ε
(:func:`worst_likelihood_ratio`).

The teacher wants the share of "yes" *in this class*, not in some larger
population. Given the class's true answers, each sent answer is a coin that
lands "yes" with chance p or 1 - p, so the share of "yes" sent has variance
exactly p(1 - p)/n whatever the truths are. The interval therefore uses that
known variance (no estimate of it), which also makes its width a property of
the class size and ε alone: :func:`interval_width` computes it before anyone
answers. "I'd rather not take part" is counted apart and not estimated: the
estimate is about those who answered.

Asking the same class again spends privacy again; epsilons add up
(sequential composition), so :func:`osmosis_lab.privacy.poll_budget.class_privacy`
sums them and warns past a budget.

Examples
--------
>>> result = poll_estimate(PollTally(yes=18, no=12, declined=2), truth_probability=Fraction(3, 4))
>>> round(result.estimate, 2), round(result.low, 2), round(result.high, 2), result.declined
(0.7, 0.39, 1.0, 2)
>>> worst_likelihood_ratio(Fraction(3, 4))
Fraction(3, 1)

References
----------
Warner, S. L. (1965). Randomized response. *JASA* 60(309), 63-69.
Dwork, C. and Roth, A. (2014). *The Algorithmic Foundations of Differential Privacy*,
sections 3.2 (randomized response) and 3.5 (composition).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real
from statistics import NormalDist

import numpy as np

from osmosis_lab.errors import PrivacyError

#: The coins a teacher may choose: the chance that a learner's sent answer is their true one.
#: Exact fractions, so that e^ε = p / (1 - p) is exact too (ln 2, ln 3, ln 4, ln 9).
OFFERED_TRUTH_PROBABILITIES = (Fraction(2, 3), Fraction(3, 4), Fraction(4, 5), Fraction(9, 10))
#: Lesson 03's coin round: truth with chance 3 in 4, ε = ln 3.
DEFAULT_TRUTH_PROBABILITY = Fraction(3, 4)
#: The words a learner sends; "PASS" is "I'd rather not take part".
TOKENS = ("YES", "NO", "PASS")


def epsilon_of(truth_probability: Fraction) -> float:
    """ε = ln(p / (1 - p)) for a coin that sends the truth with chance ``truth_probability``.

    >>> round(epsilon_of(Fraction(3, 4)), 4)
    1.0986

    Raises
    ------
    PrivacyError
        The chance is not a fraction strictly between 1/2 and 1.
    """
    p = _chance(truth_probability)
    return math.log(p / (1 - p))


def _chance(truth_probability: Fraction) -> Fraction:
    if not isinstance(truth_probability, Fraction) or not Fraction(1, 2) < truth_probability < 1:
        raise PrivacyError(
            "truth_probability must be an exact fraction between 1/2 and 1, e.g. Fraction(3, 4); "
            f"got {truth_probability!r}."
        )
    return truth_probability


def _yes_no(value, *, name: str) -> bool:
    # bool("no") is True: a text answer would silently count as yes, so only booleans pass
    if not isinstance(value, bool | np.bool_):
        raise PrivacyError(f"{name} must be True or False, got {value!r}.")
    return bool(value)


def answer_to_send(true_answer: bool, *, coin_says_truth: bool) -> bool:
    """The answer a learner sends: their true answer if the coin says so, else its opposite.

    >>> answer_to_send(True, coin_says_truth=False)
    False

    Raises
    ------
    PrivacyError
        An argument is not True or False.
    """
    truth = _yes_no(true_answer, name="true_answer")
    return truth == _yes_no(coin_says_truth, name="coin_says_truth")


def token_likelihoods(truth_probability: Fraction) -> dict[str, tuple[Fraction, Fraction]]:
    """For each token sent: (P(token | true answer yes), P(token | true answer no)), exactly.

    >>> token_likelihoods(Fraction(3, 4))["YES"]
    (Fraction(3, 4), Fraction(1, 4))

    Raises
    ------
    PrivacyError
        The chance is not a fraction strictly between 1/2 and 1.
    """
    p = _chance(truth_probability)
    return {"YES": (p, 1 - p), "NO": (1 - p, p)}


def worst_likelihood_ratio(truth_probability: Fraction) -> Fraction:
    """The largest P(token | one answer) / P(token | the other), over every token, exactly.

    ε-differential privacy holds when this is at most e^ε; here it equals p / (1 - p).

    Raises
    ------
    PrivacyError
        The chance is not a fraction strictly between 1/2 and 1.
    """
    ratios = []
    for given_yes, given_no in token_likelihoods(truth_probability).values():
        ratios += [given_yes / given_no, given_no / given_yes]
    return max(ratios)


def token_for(question: int, sent: bool | None) -> str:
    """The short token a learner sends, e.g. "Q3-YES": the question and the answer, no learner id.

    ``sent=None`` is "I'd rather not take part".

    >>> token_for(3, True), token_for(3, None)
    ('Q3-YES', 'Q3-PASS')

    Raises
    ------
    PrivacyError
        ``question`` is not a whole number from 1 to 9999, or ``sent`` not True, False or None.
    """
    if isinstance(question, bool) or not isinstance(question, int) or not 1 <= question <= 9999:
        raise PrivacyError(f"question must be a question number such as 3, got {question!r}.")
    if sent is not None:
        sent = _yes_no(sent, name="sent")
    word = "PASS" if sent is None else ("YES" if sent else "NO")
    return f"Q{int(question)}-{word}"


@dataclass(frozen=True)
class PollTally:
    """How many sent "yes", how many "no", and how many chose not to take part."""

    yes: int
    no: int
    declined: int = 0

    def __post_init__(self) -> None:
        for name in ("yes", "no", "declined"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise PrivacyError(
                    f"{name} must be a count of learners (0 or more); got {value!r}."
                )

    @property
    def answered(self) -> int:
        """The learners who sent Yes or No."""
        return self.yes + self.no


def tally(sent: Sequence[bool | None]) -> PollTally:
    """Count sent answers: True is "yes", False "no", None "I'd rather not take part".

    >>> tally([True, False, None, True])
    PollTally(yes=2, no=1, declined=1)

    Raises
    ------
    PrivacyError
        An entry is not True, False or None.
    """
    for s in sent:
        if s is not None:
            _yes_no(s, name="each answer sent")
    return PollTally(
        yes=sum(1 for s in sent if s is True),
        no=sum(1 for s in sent if s is False),
        declined=sum(1 for s in sent if s is None),
    )


@dataclass(frozen=True)
class PollResult:
    """The class's share of true "yes" among those who answered, with its interval in [0, 1]."""

    estimate: float
    low: float
    high: float
    confidence: float
    answered: int
    declined: int
    epsilon: float

    @property
    def clipped(self) -> float:
        """The estimate moved into [0, 1] for display (the raw one is unbiased, may stray out)."""
        return min(1.0, max(0.0, self.estimate))


def _half_width(n: int, p: Fraction, confidence: float) -> float:
    if isinstance(confidence, bool) or not isinstance(confidence, Real) or not 0 < confidence < 1:
        raise PrivacyError(f"confidence must be between 0 and 1 (e.g. 0.95), got {confidence!r}.")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    return z * math.sqrt(float(p * (1 - p)) / n) / float(2 * p - 1)


def poll_estimate(
    counts: PollTally, *, truth_probability: Fraction, confidence: float = 0.95
) -> PollResult:
    """De-bias the share of "yes" sent: π̂ = (λ̂ - (1 - p)) / (2p - 1), interval π̂ ± z·SE.

    SE = sqrt(p(1 - p)/n) / (2p - 1) is exact for the class's own share (see the
    module docstring); the interval is clipped to [0, 1].

    Raises
    ------
    PrivacyError
        Nobody answered yet, the coin is not an offered kind of fraction, or confidence is
        not between 0 and 1.
    """
    p = _chance(truth_probability)
    if not isinstance(counts, PollTally):
        raise PrivacyError(
            f"counts must be a PollTally(yes=..., no=..., declined=...); got {counts!r}."
        )
    if counts.answered == 0:
        raise PrivacyError(
            "No Yes or No answers yet: collect at least one before estimating "
            f"({counts.declined} chose not to take part)."
        )
    rate = counts.yes / counts.answered
    estimate = (rate - float(1 - p)) / float(2 * p - 1)
    half = _half_width(counts.answered, p, confidence)
    low, high = max(0.0, estimate - half), min(1.0, estimate + half)
    return PollResult(
        estimate, low, high, float(confidence), counts.answered, counts.declined, epsilon_of(p)
    )


def interval_width(n: int, *, truth_probability: Fraction, confidence: float = 0.95) -> float:
    """The width of the interval for ``n`` answers, at most 1 (the whole of [0, 1]).

    It does not depend on the answers, so it can be shown before the poll.

    Raises
    ------
    PrivacyError
        ``n`` is not a whole number of at least 1, the coin is not an offered kind of
        fraction, or confidence is not between 0 and 1.

    Examples
    --------
    >>> round(interval_width(30, truth_probability=Fraction(3, 4)), 2)
    0.62
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise PrivacyError(f"n must be a number of learners, at least 1; got {n!r}.")
    return min(1.0, 2 * _half_width(n, _chance(truth_probability), confidence))


def width_table(
    n: int, *, offered: Iterable[Fraction] = OFFERED_TRUTH_PROBABILITIES, confidence: float = 0.95
) -> list[tuple[Fraction, float, float]]:
    """(truth probability, ε, interval width) for each offered coin, for ``n`` answers.

    Raises
    ------
    PrivacyError
        As :func:`interval_width`.
    """
    return [
        (p, epsilon_of(p), interval_width(n, truth_probability=p, confidence=confidence))
        for p in offered
    ]
