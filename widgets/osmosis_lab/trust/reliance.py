"""Reliance: when did a person follow the app, and was that wise?

Trust is *appropriate* when people follow an aid where it is right and
override it where it is wrong (Lee & See 2004). On a set of cases where the
right answer is known afterwards, two failures can be counted:

* **over-reliance**: the person went with the app on a case where the app was
  wrong (automation bias's error of commission);
* **under-reliance**: the person went against the app on a case where it was right.

Each is also given as a rate: over-reliance among the cases the app got wrong,
under-reliance among the cases it got right. When the person decided once
before seeing the app and again after, the switches are counted too: that
two-step design is how Schemmer et al. (2023) measure appropriate reliance.

Examples
--------
Six cases. The app accepts the first three; accepting was right in cases 1, 2
and 4. The app is wrong on cases 3 and 4; the person goes along with it on
case 4 (over-reliance) and overrides it on case 6, where it was right
(under-reliance):

>>> summary = reliance_summary(final=[1, 1, 0, 0, 0, 1], app=[1, 1, 1, 0, 0, 0],
...                            outcome=[1, 1, 0, 1, 0, 0])
>>> summary.agreement, summary.app_wrong, summary.over_reliance, summary.under_reliance
(0.6666666666666666, 2, 1, 1)
>>> print(summary.in_words())  # doctest: +NORMALIZE_WHITESPACE
You agreed with the app on 4 of 6 cases (67%). The app was wrong on 2 cases; you went
along with it on 1 of them (over-reliance). It was right on 4; you overrode it on 1
(under-reliance). You were right on 4 of 6 cases; the app on 4.

References
----------
Lee, J. D. & See, K. A. (2004). Trust in automation: designing for appropriate
reliance. *Human Factors*, 46(1), 50-80.
Parasuraman, R. & Manzey, D. H. (2010). Complacency and bias in human use of
automation: an attentional integration. *Human Factors*, 52(3), 381-410.
Schemmer, M., Kühl, N., Benz, C., Bartos, A. & Satzger, G. (2023). Appropriate
reliance on AI advice: conceptualization and the effect of explanations.
*Proceedings of the 28th International Conference on Intelligent User
Interfaces (IUI '23)*. doi:10.1145/3581641.3584066
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import as_outcomes, as_probabilities, same_length


@dataclass(frozen=True)
class RelianceSummary:
    """Counts and rates of agreement, over- and under-reliance on a set of cases.

    Rates are ``nan`` when their denominator is 0 (for example over-reliance
    when the app was never wrong): there is nothing to measure.

    ``over_reliance`` and ``under_reliance`` count final calls with a wrong app and
    against a right one: the measure when the person saw the app before deciding.
    When the first call is known (``switched_*`` are set), reliance shows in the
    switches instead: ``switched_to_app_when_wrong`` is over-reliance and
    ``switched_away_when_right`` under-reliance, and :meth:`in_words` reports those.
    ``first_right`` counts the first calls that were right: a call is right when it is the
    decision the outcome made right, whatever certainty came with it (a reject at 50 % is a
    reject; w52 saw it counted as an accept by a threshold on the stated probability).
    """

    cases: int
    agreed: int
    app_right: int
    app_wrong: int
    learner_right: int
    over_reliance: int
    under_reliance: int
    switched_to_app: int | None = None
    switched_to_app_when_wrong: int | None = None
    switched_away_when_right: int | None = None
    first_right: int | None = None

    @property
    def agreement(self) -> float:
        return self.agreed / self.cases

    @property
    def over_reliance_rate(self) -> float:
        return self.over_reliance / self.app_wrong if self.app_wrong else math.nan

    @property
    def under_reliance_rate(self) -> float:
        return self.under_reliance / self.app_right if self.app_right else math.nan

    @property
    def learner_accuracy(self) -> float:
        return self.learner_right / self.cases

    @property
    def app_accuracy(self) -> float:
        return self.app_right / self.cases

    def in_words(self, *, you: str = "you") -> str:
        """The summary as plain sentences (``you`` names the person).

        When the first call is known, agreeing with the app is reported on its own:
        a person who had already decided the same before seeing the app did not rely
        on it. Over-reliance is then switching to the app's wrong call; under-reliance,
        switching away from its right one.
        """
        subject = you[:1].upper() + you[1:]
        verb = "were" if you == "you" else "was"
        agreed = f"{subject} agreed with the app on {self.agreed} of {self.cases} cases ({self.agreement:.0%})."
        right = (
            f" {subject} {verb} right on {self.learner_right} of {self.cases} cases; "
            f"the app on {self.app_right}."
        )
        if self.switched_to_app is None:
            plural = "s" * (self.app_wrong != 1)
            return (
                f"{agreed} The app was wrong on {self.app_wrong} case{plural}; {you} went "
                f"along with it on {self.over_reliance} of them (over-reliance). It was right "
                f"on {self.app_right}; {you} overrode it on {self.under_reliance} "
                f"(under-reliance).{right}"
            )
        switched_right = self.switched_to_app - self.switched_to_app_when_wrong
        # the first calls are known, so "right" must say which calls it counts: the final ones
        final = f"{'Your' if you == 'you' else 'Their'} final calls"
        right = (
            f" {final} were right on {self.learner_right} of {self.cases} cases; "
            f"the app's on {self.app_right}."
        )
        return (
            f"{agreed} Agreeing is not over-reliance by itself: where {you} had already "
            f"decided the same, the app did not change {'your' if you == 'you' else 'their'} "
            f"mind. After seeing the app, {you} switched to its call on {self.switched_to_app} "
            f"case{'s' * (self.switched_to_app != 1)}: {self.switched_to_app_when_wrong} where "
            f"it was wrong (over-reliance), {switched_right} where it was right. {subject} "
            f"switched away from a right call of the app on {self.switched_away_when_right} "
            f"(under-reliance).{right}"
        )


def reliance_summary(final, app, outcome, *, initial=None) -> RelianceSummary:
    """Measure agreement, over-reliance and under-reliance on decided cases.

    Parameters
    ----------
    final : array-like of {0, 1} or bool
        The person's decision on each case (1: accept the match).
    app : array-like of {0, 1} or bool
        The app's verdict on each case (1: it recommends the match).
    outcome : array-like of {0, 1} or bool
        The right decision, known afterwards (1: accepting was right).
    initial : array-like of {0, 1} or bool, optional
        The person's decision before seeing the app, when they had one: then
        switches towards and away from the app are counted as well.

    Returns
    -------
    RelianceSummary

    Raises
    ------
    TrustError
        Empty input, lengths that differ, or values other than 0/1.

    Examples
    --------
    Before seeing the app: reject, accept. After: both as the app says.

    >>> s = reliance_summary(final=[1, 0], app=[1, 0], outcome=[0, 0], initial=[0, 1])
    >>> s.over_reliance, s.switched_to_app, s.switched_to_app_when_wrong, s.switched_away_when_right
    (1, 2, 1, 0)
    >>> s.first_right, s.learner_right  # first calls: reject was right once; final: once
    (1, 1)
    """
    person = as_outcomes(final, "final")
    verdict = as_outcomes(app, "app")
    truth = as_outcomes(outcome, "outcome")
    same_length(final=person, app=verdict, outcome=truth)
    agreed = person == verdict
    app_correct = verdict == truth
    switches: dict[str, int] = {}
    if initial is not None:
        before = as_outcomes(initial, "initial")
        same_length(final=person, initial=before)
        towards = (before != verdict) & agreed
        away = (before == verdict) & ~agreed
        switches = {
            "switched_to_app": int(towards.sum()),
            "switched_to_app_when_wrong": int((towards & ~app_correct).sum()),
            "switched_away_when_right": int((away & app_correct).sum()),
            "first_right": int((before == truth).sum()),
        }
    return RelianceSummary(
        cases=len(person),
        agreed=int(agreed.sum()),
        app_right=int(app_correct.sum()),
        app_wrong=int((~app_correct).sum()),
        learner_right=int(np.sum(person == truth)),
        over_reliance=int((agreed & ~app_correct).sum()),
        under_reliance=int((~agreed & app_correct).sum()),
        **switches,
    )


def decision_probability(accepts, confidence) -> np.ndarray:
    """Turn decisions and "how sure I am" into a probability that the match works out.

    Accepting at 80 % sure says "80 % it works out"; rejecting at 80 % sure says
    "20 %". That puts a person's judgements on the same scale as the app's
    stated certainty, so both can be checked with the same reliability table.

    Parameters
    ----------
    accepts : array-like of {0, 1} or bool
        Each decision (1: accept).
    confidence : array-like of float
        How sure the person is of each decision, from 0.5 (a coin flip) to 1 (certain).

    Raises
    ------
    TrustError
        accepts is empty or not 0/1, confidence is not between 0.5 and 1, or their lengths
        differ.

    Examples
    --------
    >>> decision_probability([1, 0, 1], [0.8, 0.8, 0.5]).tolist()
    [0.8, 0.2, 0.5]
    """
    decisions = as_outcomes(accepts, "accepts")
    sure = as_probabilities(confidence, "confidence")
    same_length(accepts=decisions, confidence=sure)
    if (sure < 0.5).any():
        raise TrustError(
            "confidence is how sure you are of your own decision: from 0.5 (a coin flip) to 1 "
            f"(certain); got {float(sure.min()):g}. Below 0.5, change the decision instead."
        )
    # 1 - 0.8 is 0.19999999999999996 in floats, which a reliability table bins below 20 %: a
    # reject at 80 % sure states 20 %, on the band's edge (the sentence sweep found it)
    return np.round(np.where(decisions == 1, sure, 1.0 - sure), 12)
