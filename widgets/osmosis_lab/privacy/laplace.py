"""The Laplace mechanism and a privacy budget that adds up what each query spends.

Publishing ``value + Laplace(0, Δ/ε)`` noise, where the sensitivity Δ is the most
one person can change ``value``, is ε-differentially private: whether or not
any one person is in the data changes the chance of any published number by
a factor of at most e^ε. Answering several queries spends the sum of their ε
(sequential composition), so a data holder fixes a total budget in advance.

References
----------
Dwork, C., McSherry, F., Nissim, K., Smith, A. (2006). Calibrating noise to
sensitivity in private data analysis. *Theory of Cryptography Conference (TCC
2006)*, LNCS 3876, 265-284.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

import numpy as np

from osmosis_lab.errors import BudgetExceeded, PrivacyError
from osmosis_lab.privacy._checks import positive_finite


def laplace_scale(*, sensitivity: float, epsilon: float) -> float:
    """Return the noise scale b = Δ/ε (the noise's standard deviation is b·√2).

    >>> laplace_scale(sensitivity=1, epsilon=0.5)
    2.0

    Raises
    ------
    PrivacyError
        ``sensitivity`` is not a finite number above 0, ``epsilon`` is not a finite number
        of at least 1e-9, or their ratio is too large to be a number.
    """
    scale = positive_finite(sensitivity, name="sensitivity") / positive_finite(
        epsilon, name="epsilon"
    )
    if not math.isfinite(scale):
        raise PrivacyError(
            f"sensitivity / epsilon = {sensitivity!r} / {epsilon!r} is too large to be a "
            "number; use a smaller sensitivity or a larger epsilon."
        )
    return scale


def laplace_error_bound(*, sensitivity: float, epsilon: float, confidence: float = 0.95) -> float:
    """Return t such that the Laplace noise is within ±t with probability ``confidence``.

    For scale b = Δ/ε, P(|noise| > t) = exp(-t / b), so t = b·ln(1 / (1 - confidence)).
    The average size of the error, E|noise|, is b itself.

    >>> round(laplace_error_bound(sensitivity=1, epsilon=1), 2)
    3.0

    Raises
    ------
    PrivacyError
        sensitivity or epsilon is out of range (see laplace_scale), or confidence is not between
        0 and 1.
    """
    if isinstance(confidence, bool) or not isinstance(confidence, Real) or not 0 < confidence < 1:
        raise PrivacyError(f"confidence must be between 0 and 1 (e.g. 0.95), got {confidence!r}.")
    return laplace_scale(sensitivity=sensitivity, epsilon=epsilon) * math.log(1 / (1 - confidence))


def laplace_mechanism(
    value: float | np.ndarray, *, sensitivity: float, epsilon: float, rng: np.random.Generator
) -> float | np.ndarray:
    """Return ``value`` plus Laplace noise of scale sensitivity/epsilon.

    Parameters
    ----------
    value : float or array of float
        The exact answer (a count, a sum); an array gets independent noise per entry.
    sensitivity : float
        The most one person's data can change ``value`` (1 for a count).
    epsilon : float
        Privacy loss; smaller means more noise.
    rng : numpy.random.Generator
        The source of the noise.

    Returns
    -------
    float or ndarray
        The noisy answer (a float for a scalar ``value``).

    Raises
    ------
    PrivacyError
        sensitivity or epsilon is out of range (see laplace_scale), rng is not a numpy
        Generator, or value is not a finite number or array of numbers.

    Examples
    --------
    >>> rng = np.random.default_rng(2019)
    >>> noisy = laplace_mechanism(412, sensitivity=1, epsilon=0.5, rng=rng)
    >>> isinstance(noisy, float), abs(noisy - 412) < 30
    (True, True)

    References
    ----------
    Dwork, McSherry, Nissim, Smith (2006), Calibrating noise to sensitivity in
    private data analysis, TCC 2006, LNCS 3876.
    """
    scale = laplace_scale(sensitivity=sensitivity, epsilon=epsilon)
    if not isinstance(rng, np.random.Generator):
        raise PrivacyError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    exact = np.asarray(value)
    # kind "b" (True/False) and text are refused: they are slips, not answers to publish.
    if exact.dtype.kind not in "iuf" or not np.isfinite(exact).all():
        raise PrivacyError(f"value must be a finite number or array of numbers, got {value!r}.")
    exact = exact.astype(float)
    noisy = exact + rng.laplace(0.0, scale, size=exact.shape)
    return float(noisy) if noisy.ndim == 0 else noisy


@dataclass(frozen=True)
class PrivacyBudget:
    """A total ε and the queries already charged against it (sequential composition).

    The budget is immutable: :meth:`spend` returns a new budget, so an explorer
    can keep the history and a refused query changes nothing.

    Examples
    --------
    >>> budget = PrivacyBudget(total=1.0)
    >>> budget = budget.spend(0.5, query="testers by age band")
    >>> budget = budget.spend(0.25, query="testers by arrondissement")
    >>> budget.spent, budget.remaining
    (0.75, 0.25)
    >>> budget.spend(0.5, query="by health")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osmosis_lab.errors.BudgetExceeded: 'by health' needs epsilon = 0.5 but only 0.25 of ...

    Raises
    ------
    PrivacyError
        ``total`` or a past query's epsilon is not a finite number of at least 1e-9, or
        ``queries`` is not a sequence of (query, epsilon) pairs.

    References
    ----------
    Dwork, McSherry, Nissim, Smith (2006), TCC 2006, LNCS 3876 (composition of
    ε-differentially private queries).
    """

    total: float
    queries: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", positive_finite(self.total, name="epsilon"))
        # A past query with a negative or NaN epsilon would refill the budget: refuse it.
        if not isinstance(self.queries, tuple | list):
            raise PrivacyError(
                f"queries must be a tuple of (query, epsilon) pairs, got {self.queries!r}."
            )
        past = []
        for entry in self.queries:
            if not isinstance(entry, tuple | list) or len(entry) != 2:
                raise PrivacyError(
                    f"each past query must be a (query, epsilon) pair; got {entry!r}."
                )
            past.append((str(entry[0]), positive_finite(entry[1], name="epsilon")))
        object.__setattr__(self, "queries", tuple(past))

    @property
    def spent(self) -> float:
        """The sum of the ε of every query answered so far."""
        return math.fsum(eps for _, eps in self.queries)

    @property
    def remaining(self) -> float:
        """What is left to spend (never below 0)."""
        return max(0.0, self.total - self.spent)

    def can_spend(self, epsilon: float) -> bool:
        """Whether a query costing ``epsilon`` still fits in the budget."""
        # A tolerance so that ten queries of 0.1 fit in a budget of 1.0 despite rounding.
        return self.spent + positive_finite(epsilon, name="epsilon") <= self.total * (1 + 1e-9)

    def spend(self, epsilon: float, *, query: str = "a query") -> PrivacyBudget:
        """Return the budget after charging ``epsilon`` for ``query``, or raise BudgetExceeded."""
        if not self.can_spend(epsilon):
            raise BudgetExceeded(
                f"{query!r} needs epsilon = {epsilon:g} but only {self.remaining:g} of the "
                f"total budget of {self.total:g} is left ({self.spent:g} spent on "
                f"{len(self.queries)} {'query' if len(self.queries) == 1 else 'queries'}). "
                "Ask fewer queries, spend a smaller epsilon on each, or stop publishing: "
                "the epsilons of all queries add up."
            )
        return PrivacyBudget(self.total, (*self.queries, (str(query), float(epsilon))))
