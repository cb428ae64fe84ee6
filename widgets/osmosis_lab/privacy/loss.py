"""Privacy loss as odds and consequences: what the epsilons spent let an observer believe.

Differential privacy with a total loss ε promises that whatever is published
changes an observer's odds about any one person by a factor of at most e^ε.
So an observer who gave a fact about that person probability p beforehand can,
in the worst case, give it

    e^ε·p / (e^ε·p + 1 − p)

afterwards (Bayes' rule with the largest likelihood ratio the guarantee
allows). Epsilons spent on several releases add up (sequential composition),
so :func:`privacy_loss` takes every ε spent and sums them.

Nanayakkara et al. found that people understand ε best when it is explained
as odds and as consequences for one person; :attr:`PrivacyLoss.sentence` says
it that way, in words a 16-year-old can follow.

Examples
--------
>>> loss = privacy_loss([1.0, 1.0, 0.3], prior=0.1)
>>> loss.epsilon, round(loss.odds_factor, 1), round(loss.posterior, 2)
(2.3, 10.0, 0.53)
>>> print(loss.sentence("Ana", "has a secret relationship"))  # doctest: +NORMALIZE_WHITESPACE
An observer who thought there was a 10 in 100 chance that Ana has a secret relationship
could, in the worst case, now think it is 53 in 100 (52.6 rounded up): the odds can grow
up to 10.0 times (epsilon = 2.3 in total).

References
----------
Nanayakkara, P., Smart, M. A., Cummings, R., Kaptchuk, G. and Redmiles, E. M.
(2023). What Are the Chances? Explaining the Epsilon Parameter in Differential
Privacy. *32nd USENIX Security Symposium*, 1613-1630.
Dwork, C. and Roth, A. (2014). The Algorithmic Foundations of Differential
Privacy. *Foundations and Trends in Theoretical Computer Science* 9(3-4),
Theorem 3.16 (sequential composition).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

from osmosis_lab.errors import PrivacyError

# chances as "N in 100": their own module, imported from here as before (and by the worst case)
from .chances import chance_words, epsilon_words, in_100, rounding_said  # noqa: F401 - imported from here

#: Above this many times the odds are said in words: e^ε is then "more than a million".
MILLION = 1e6
#: One answer is called *deniable* while it moves the odds at most 3-fold: an observer who
#: started at 50-50 ends at most 3 in 4 sure, so at least 1 chance in 4 the answer was the coin.
DENIABLE_ODDS = 3.0


@dataclass(frozen=True)
class PrivacyLoss:
    """The worst case that a total privacy loss ``epsilon`` allows, for one person.

    Attributes
    ----------
    epsilon : float
        The total ε spent (the sum over every release); ``math.inf`` means no
        differential-privacy guarantee at all.
    prior : float
        The observer's chance, before the release, that a fact about one person is true.
    odds_factor : float
        e^ε, the most the observer's odds can be multiplied by (``math.inf``
        when e^ε is too large for a float, or ε is infinite).
    posterior : float
        The most the observer's chance can become: e^ε·p / (e^ε·p + 1 − p).
    """

    epsilon: float
    prior: float
    odds_factor: float
    posterior: float

    @property
    def deniable(self) -> bool:
        """Whether one answer at this loss stays deniable (odds move at most :data:`DENIABLE_ODDS`).

        >>> privacy_loss([1.0]).deniable, privacy_loss([math.log(3)]).deniable, privacy_loss([1.1]).deniable
        (True, True, False)
        """
        # Compared in ε, not in e^ε: exp(log(3)) is 3.0000000000000004, and ε = ln 3 (the
        # class coin round's p = 3/4) sits exactly on the limit, which counts as deniable.
        return self.epsilon <= math.log(DENIABLE_ODDS)

    def posterior_words(self) -> str:
        """The worst case as "N in 100", rounded up; "100 in 100" only when nothing bounds it.

        A finite ε never makes an observer certain, even when the posterior
        rounds to 1.0 as a float.

        >>> privacy_loss([50.0], prior=0.1).posterior, privacy_loss([50.0], prior=0.1).posterior_words()
        (1.0, 'more than 99 in 100')
        """
        if self.posterior > 0.99 and math.isfinite(self.epsilon):
            return "more than 99 in 100"
        return in_100(self.posterior, rounding="up")

    def worst_case_words(self) -> str:
        """The worst case as lesson 03 prints it: "N in 100", saying so when it was rounded up.

        The one way lesson 03 writes a worst case (the noise dial, the survey, Part 4's cells),
        so the same ε and prior read the same everywhere. The unrounded figure is kept beside it,
        so a reader sees what was rounded. (From an even prior the worst case is the coin's own
        chance of telling the truth: lesson 03 says that one with :func:`chance_words`.)

        >>> privacy_loss([1.0]).worst_case_words()
        '74 in 100 (73.1 rounded up)'
        >>> privacy_loss([math.log(3)]).worst_case_words(), privacy_loss([9.0]).worst_case_words()
        ('75 in 100', 'more than 99 in 100')
        """
        words = self.posterior_words()
        return words if words.startswith("more than") else rounding_said(self.posterior, "up")

    def odds_words(self) -> str:
        """How much the odds can grow, in words ("2.7 times", "more than a million times").

        >>> privacy_loss([10.0]).odds_words(), privacy_loss([50.0]).odds_words()
        ('22,026 times', 'more than a million times')
        """
        if math.isinf(self.epsilon):
            return "without any limit"
        if self.odds_factor > MILLION:
            return "more than a million times"
        if self.odds_factor >= 100:
            return f"{self.odds_factor:,.0f} times"
        return f"{self.odds_factor:.1f} times"

    def sentence(
        self, who: str = "one person", fact: str = "has the trait", *, when: str = "now"
    ) -> str:
        """The worst case for ``who`` in plain words, as chances out of 100 (rounded up).

        The worst case is written by :meth:`worst_case_words`, the one way every lesson writes it.
        ``when`` places it: "now" for what this release did, "then" for a release the method
        would make on other data (lesson 05's export that suppressed every row this time).

        >>> privacy_loss([0.2] * 5, prior=0.06).sentence("Ana", "has it")
        ... # doctest: +NORMALIZE_WHITESPACE
        'An observer who thought there was a 6 in 100 chance that Ana has it could, in the
        worst case, now think it is 15 in 100 (14.8 rounded up): the odds can grow up to
        2.7 times (epsilon = 1 in total).'
        >>> privacy_loss([0], prior=0.06).sentence("Ana", "has it").endswith(
        ...     "6 in 100: the odds cannot grow (epsilon = 0: nothing about them is released)."
        ... )
        True
        """
        if math.isinf(self.epsilon):
            why = ", because nothing limits it: the release has no differential-privacy guarantee"
        elif self.epsilon == 0:  # not "can grow up to 1.0 times" (w47)
            why = ": the odds cannot grow (epsilon = 0: nothing about them is released)"
        else:
            why = f": the odds can grow up to {self.odds_words()} (epsilon = {epsilon_words(self.epsilon)} in total)"
        worst = self.worst_case_words()
        return (
            f"An observer who thought there was a {in_100(self.prior)} chance that {who} "
            f"{fact} could, in the worst case, {when} think it is {worst}{why}."
        )


def privacy_loss(epsilons_spent: Iterable[float], *, prior: float = 0.5) -> PrivacyLoss:
    """Compose the epsilons spent (their sum) and give the worst case for one person.

    Parameters
    ----------
    epsilons_spent : iterable of float
        The ε of each release about the same people, each 0 or more; ``math.inf``
        stands for a release with no guarantee (rows, or a k-anonymous table).
    prior : float, default 0.5
        The observer's chance beforehand, strictly between 0 and 1.

    Returns
    -------
    PrivacyLoss

    Raises
    ------
    PrivacyError
        An ε is negative, not a number, or not a real number; the list is empty;
        or the prior is not strictly between 0 and 1.

    Examples
    --------
    >>> privacy_loss([0.0], prior=0.3).posterior  # nothing spent: nothing learned
    0.3
    >>> big = privacy_loss([500.0, 500.0], prior=0.1)  # e^1000 overflows a float
    >>> big.odds_factor, big.posterior, big.odds_words()
    (inf, 1.0, 'more than a million times')
    >>> privacy_loss([-1.0])
    Traceback (most recent call last):
    ...
    osmosis_lab.errors.PrivacyError: each epsilon spent must be 0 or more (a privacy loss \
cannot be negative); got -1.0.
    """
    spent = _epsilons(epsilons_spent)
    p = _prior(prior)
    try:
        total = math.fsum(spent)
    except OverflowError:  # a sum past 1.8e308: no meaningful bound is left
        total = math.inf
    if math.isinf(total):
        return PrivacyLoss(math.inf, p, math.inf, 1.0)
    if total == 0:  # nothing spent: Bayes gives back the prior exactly, not a rounding of it
        return PrivacyLoss(0.0, p, 1.0, p)
    try:
        odds_factor = math.exp(total)
    except OverflowError:  # e^ε is past a float's range above ε ≈ 709.78
        odds_factor = math.inf
    # The posterior is computed from the log-odds, so it needs no e^ε at all.
    log_odds = math.log(p) - math.log1p(-p) + total
    # The logistic of the log-odds, written so that neither branch can overflow.
    if log_odds >= 0:
        posterior = 1.0 / (1.0 + math.exp(-log_odds))
    else:
        posterior = math.exp(log_odds) / (1.0 + math.exp(log_odds))
    # Mathematically the worst case is never below the prior; keep rounding from saying so.
    return PrivacyLoss(total, p, odds_factor, max(posterior, p))


def _epsilons(values: Iterable[float]) -> list[float]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise PrivacyError(
            f"epsilons_spent must be a list of the epsilons spent, e.g. [0.5, 0.5]; got {values!r}."
        )
    spent = list(values)
    if not spent:
        raise PrivacyError("epsilons_spent is empty: list at least one epsilon (0 if none spent).")
    for eps in spent:
        if isinstance(eps, bool) or not isinstance(eps, Real) or math.isnan(eps):
            raise PrivacyError(f"each epsilon spent must be a number such as 0.5; got {eps!r}.")
        if eps < 0:
            raise PrivacyError(
                "each epsilon spent must be 0 or more (a privacy loss cannot be negative); "
                f"got {eps!r}."
            )
    return [float(eps) for eps in spent]


def _prior(prior: float) -> float:
    if isinstance(prior, bool) or not isinstance(prior, Real) or not 0 < prior < 1:
        raise PrivacyError(
            "prior must be a chance strictly between 0 and 1 (e.g. 0.1 for 1 in 10): at 0 or 1 "
            f"the observer is already certain and nothing can move them; got {prior!r}."
        )
    return float(prior)
