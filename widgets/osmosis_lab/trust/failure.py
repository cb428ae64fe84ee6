"""When the AI goes down: one central AI behind every implant, or fallbacks and a human.

In the series every implant depends on one AI, Martin; when it goes dark the
users fall into a coma. This is a deliberately small model of that moment,
worked out so the counts can be checked by hand.

Assumptions (each is a simplification a class can argue with):

1. One outage of the central AI affects every connected user at once.
2. **Single design**: nothing takes over. Every connected user is harmed.
3. **Fallback design**: each implant has a local safe mode that does not
   depend on the central AI. It takes over with probability
   ``fallback_success``, independently for each user (a shared cause, say one
   faulty update, would make failures cluster and the design worse).
4. Users whose safe mode fails need a person. The human contact (Billie in
   the series) can reach ``human_capacity`` of them before harm sets in,
   highest ``priority`` first (ties and no priority: in random order).
5. Anyone neither covered by a safe mode nor reached in time is harmed; the
   model counts people, not how badly each is harmed.

Examples
--------
Ten users; safe modes never work; Billie can reach three people in time:

>>> rng = np.random.default_rng(0)
>>> table = compare_outage_designs(10, rng=rng, fallback_success=0.0, human_capacity=3)
>>> print(table.to_string())
                          design  users  fallback_took_over  reached_by_human  harmed
0                      single AI     10                   0                 0      10
1  fallbacks and a human contact     10                   0                 3       7
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.errors import TrustError
from osmosis_lab.trust._checks import as_numbers, count, probability

#: Names of the two designs, as they appear in tables.
DESIGNS = ("single AI", "fallbacks and a human contact")
#: The most users one simulated outage takes (the explorer's slider stops far below): the
#: simulation keeps a few numbers per user.
MAX_USERS = 1_000_000


@dataclass(frozen=True, eq=False)
class OutageOutcome:
    """What happened to each user in one simulated outage (masks are per user)."""

    design: str
    fallback_took_over: np.ndarray
    reached_by_human: np.ndarray
    harmed: np.ndarray

    def counts(self) -> dict[str, int | str]:
        """The outcome as counts: one row of :func:`compare_outage_designs`."""
        return {
            "design": self.design,
            "users": len(self.harmed),
            "fallback_took_over": int(self.fallback_took_over.sum()),
            "reached_by_human": int(self.reached_by_human.sum()),
            "harmed": int(self.harmed.sum()),
        }

    def harmed_by_group(self, groups) -> pd.DataFrame:
        """Users and harmed users per group label (one label per user), largest group first.

        Examples
        --------
        >>> outcome = simulate_outage(4, rng=np.random.default_rng(0), fallback_success=0.0,
        ...                           human_capacity=1, priority=[1, 0, 0, 0])
        >>> outcome.harmed_by_group(["tester", "tester", "resident", "resident"]).to_dict("index")
        {'resident': {'users': 2, 'harmed': 2}, 'tester': {'users': 2, 'harmed': 1}}
        """
        labels = np.asarray(groups)
        if labels.shape != self.harmed.shape:
            raise TrustError(
                f"groups needs one label per user ({len(self.harmed)}); got shape {labels.shape}"
            )
        table = pd.DataFrame({"group": labels, "harmed": self.harmed.astype(int)})
        summary = table.groupby("group").agg(users=("harmed", "size"), harmed=("harmed", "sum"))
        summary.index.name = None
        return summary.sort_values("users", ascending=False, kind="stable")


def _call_order(n_users: int, priority, rng: np.random.Generator) -> np.ndarray:
    shuffled = rng.permutation(n_users)
    if priority is None:
        return shuffled
    values = as_numbers(priority, "priority")
    if len(values) != n_users:
        raise TrustError(f"priority needs one value per user ({n_users}); got {len(values)}")
    # Highest priority first; among equals, the random order decides.
    return shuffled[np.argsort(-values[shuffled], kind="stable")]


def simulate_outage(
    n_users: int,
    *,
    rng: np.random.Generator,
    fallbacks: bool = True,
    fallback_success: float = 0.9,
    human_capacity: int = 20,
    priority=None,
) -> OutageOutcome:
    """Simulate one outage of the central AI for ``n_users`` connected users.

    Parameters
    ----------
    n_users : int
        Connected users (at least 1).
    rng : numpy.random.Generator
        The only source of randomness (safe-mode draws, order among equals).
    fallbacks : bool, default True
        False: the single design (no safe mode, no human contact).
    fallback_success : float, default 0.9
        Probability that a user's local safe mode takes over.
    human_capacity : int, default 20
        How many users the human contact can reach before harm sets in.
    priority : array-like of float, optional
        One value per user; the human contact calls the highest first.

    Returns
    -------
    OutageOutcome

    Raises
    ------
    TrustError
        ``n_users`` outside 1 to :data:`MAX_USERS` (1,000,000), ``fallbacks`` not True or
        False, ``fallback_success`` outside [0, 1], a negative ``human_capacity``, or a
        ``priority`` of the wrong length.

    Examples
    --------
    Nobody's safe mode works; Billie calls the two highest priorities first:

    >>> outcome = simulate_outage(5, rng=np.random.default_rng(1), fallback_success=0.0,
    ...                           human_capacity=2, priority=[5, 1, 4, 2, 3])
    >>> np.flatnonzero(outcome.reached_by_human).tolist(), np.flatnonzero(outcome.harmed).tolist()
    ([0, 2], [1, 3, 4])
    """
    n = count(n_users, "n_users", minimum=1, maximum=MAX_USERS)
    if not isinstance(fallbacks, bool | np.bool_):
        raise TrustError(f"fallbacks must be True or False, got {fallbacks!r}.")
    chance = probability(fallback_success, "fallback_success")
    capacity = count(human_capacity, "human_capacity")
    order = _call_order(n, priority, rng)
    if not fallbacks:
        nobody = np.zeros(n, dtype=bool)
        return OutageOutcome(DESIGNS[0], nobody, nobody.copy(), np.ones(n, dtype=bool))
    covered = rng.random(n) < chance
    waiting = order[~covered[order]]
    reached = np.zeros(n, dtype=bool)
    reached[waiting[:capacity]] = True
    return OutageOutcome(DESIGNS[1], covered, reached, ~covered & ~reached)


def compare_outage_designs(
    n_users: int,
    *,
    rng: np.random.Generator,
    fallback_success: float = 0.9,
    human_capacity: int = 20,
    priority=None,
) -> pd.DataFrame:
    """One outage under both designs, side by side: who is covered, reached, harmed.

    Parameters are those of :func:`simulate_outage`.

    Returns
    -------
    pandas.DataFrame
        Two rows (``single AI``, then ``fallbacks and a human contact``) with
        ``users``, ``fallback_took_over``, ``reached_by_human`` and ``harmed``.

    Raises
    ------
    TrustError
        As for simulate_outage: n_users outside 1 to 1,000,000, or an option out of its range.

    Examples
    --------
    >>> table = compare_outage_designs(1000, rng=np.random.default_rng(4),
    ...                                fallback_success=1.0, human_capacity=0)
    >>> table["harmed"].tolist()
    [1000, 0]
    """
    options = {"fallback_success": fallback_success, "human_capacity": human_capacity}
    rows = [
        simulate_outage(n_users, rng=rng, fallbacks=False, priority=priority, **options).counts(),
        simulate_outage(n_users, rng=rng, fallbacks=True, priority=priority, **options).counts(),
    ]
    return pd.DataFrame(rows)
