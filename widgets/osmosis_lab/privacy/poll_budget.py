"""What the polls asked of one class spend together: epsilons add up (sequential composition).

Each poll of the same class with a coin of privacy loss ε lets an observer's odds about
one learner move by up to e^ε more; after several polls, by e^(ε1 + ε2 + ...). The
teacher's view shows the total and warns past a budget.

References
----------
Dwork, C. and Roth, A. (2014). *The Algorithmic Foundations of Differential Privacy*,
Theorem 3.16 (sequential composition).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from numbers import Real

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy.loss import PrivacyLoss, privacy_loss

#: Past this total ε for one class, the teacher's view warns (two polls with the default coin).
DEFAULT_BUDGET = 2 * math.log(3)


@dataclass(frozen=True)
class ClassPrivacy:
    """What the polls asked of one class have spent together."""

    total: float
    budget: float
    loss: PrivacyLoss

    @property
    def over_budget(self) -> bool:
        """True once the total ε is past the budget (a tiny rounding excess does not count)."""
        return self.total > self.budget + 1e-12

    def warning(self) -> str:
        """A sentence for the teacher's view; empty while within the budget."""
        if not self.over_budget:
            return ""
        return (
            f"This class has now spent epsilon = {self.total:.2f} in polls, past the budget of "
            f"{self.budget:.2f} (two polls with the lesson's coin, truth 3 in 4): another poll "
            "about the same people makes each answer easier to undo. Ask a new question to a new "
            "group, or stop here."
        )


def class_privacy(
    epsilons: Iterable[float], *, budget: float = DEFAULT_BUDGET, prior: float = 0.5
) -> ClassPrivacy:
    """Sum the ε of every poll asked of the same class (sequential composition).

    >>> spend = class_privacy([math.log(3)] * 3)
    >>> round(spend.total, 2), spend.over_budget, spend.loss.posterior_words()
    (3.3, True, '97 in 100')

    Raises
    ------
    PrivacyError
        An ε is negative or not a number, or the budget is not positive.
    """
    spent = [0.0] if isinstance(epsilons, list | tuple) and not epsilons else epsilons
    if isinstance(budget, bool) or not isinstance(budget, Real) or not budget > 0:
        raise PrivacyError(f"budget must be a positive epsilon such as 2.2; got {budget!r}.")
    loss = privacy_loss(spent, prior=prior)
    return ClassPrivacy(loss.epsilon, float(budget), loss)
