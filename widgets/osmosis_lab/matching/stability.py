"""Stability: which two people would both rather be together than where they are.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

from dataclasses import dataclass

from ._checks import check_capacities, check_matching, check_two_sided, ordinal, rank_maps


@dataclass(frozen=True)
class BlockingPair:
    """A proposer and a reviewer who would both rather be together; ``reason`` says why."""

    proposer: str
    reviewer: str
    reason: str


def blocking_pairs(matching, proposer_prefs, reviewer_prefs, *, capacities=None):
    """Every pair that would rather be together than with their current partners.

    Parameters
    ----------
    matching : dict of str to str or None
        Each proposer's reviewer, or ``None`` (proposers left out are unmatched),
        as returned by :func:`deferred_acceptance`.
    proposer_prefs, reviewer_prefs : dict of str to list of str
        Preferences, best first; a name missing from a list is a refusal.
    capacities : dict of str to int, optional
        Seats per reviewer (default one each). A reviewer with a free seat
        accepts anyone on their list.

    Returns
    -------
    list of BlockingPair
        In proposer order, then in the order of the proposer's list. Empty
        means the matching is stable.

    Raises
    ------
    InvalidPreferences
        Bad preferences, or a matching that names unknown people, overfills a
        reviewer, or pairs two people who do not both list each other.

    References
    ----------
    Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
    Marriage. The American Mathematical Monthly 69(1), 9-15.

    Examples
    --------
    >>> men = {"a": ["A", "B"], "b": ["A", "B"]}
    >>> women = {"A": ["a", "b"], "B": ["a", "b"]}
    >>> for pair in blocking_pairs({"a": "B", "b": "A"}, men, women):
    ...     print(pair.reason)
    a prefers A (1st on a's list) to B (2nd), and A prefers a (1st on A's list) to b (2nd).
    >>> blocking_pairs({"a": "A", "b": "B"}, men, women)
    []
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    seats = check_capacities(capacities, reviewers)
    partner = check_matching(matching, proposers, reviewers, seats)
    held = {r: [p for p, rr in partner.items() if rr == r] for r in reviewers}
    p_rank, r_rank = rank_maps(proposers), rank_maps(reviewers)
    found = []
    for p, ranking in proposers.items():
        current = partner[p]
        for r in ranking:
            if r == current:
                break  # everyone further down p's list is worse than what p has
            if p not in r_rank[r]:
                continue
            why_r = _reviewer_side(r, p, held[r], seats[r], r_rank[r])
            if why_r is not None:
                found.append(
                    BlockingPair(p, r, f"{_proposer_side(p, r, current, p_rank[p])}, and {why_r}.")
                )
    return found


def _proposer_side(p, r, current, ranks) -> str:
    if current is None:
        return f"{p} is unmatched and has {r} {ordinal(ranks[r] + 1)} on their list"
    return (
        f"{p} prefers {r} ({ordinal(ranks[r] + 1)} on {p}'s list) "
        f"to {current} ({ordinal(ranks[current] + 1)})"
    )


def _reviewer_side(r, p, holding, seats, ranks) -> str | None:
    """Why ``r`` would take ``p``, or ``None`` when ``r`` would not."""
    if len(holding) < seats:
        if not holding:
            return f"{r} is unmatched and has {p} {ordinal(ranks[p] + 1)} on their list"
        return f"{r} has a free seat and has {p} on their list"
    worst = max(holding, key=ranks.__getitem__)
    if ranks[p] > ranks[worst]:
        return None
    return (
        f"{r} prefers {p} ({ordinal(ranks[p] + 1)} on {r}'s list) "
        f"to {worst} ({ordinal(ranks[worst] + 1)})"
    )


def is_stable(matching, proposer_prefs, reviewer_prefs, *, capacities=None) -> bool:
    """Whether no pair would rather be together; see :func:`blocking_pairs`.

    References
    ----------
    Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
    Marriage. The American Mathematical Monthly 69(1), 9-15.

    Raises
    ------
    InvalidPreferences
        The preference lists or the matching are malformed (see blocking_pairs).

    Examples
    --------
    >>> men = {"a": ["A", "B"], "b": ["A", "B"]}
    >>> women = {"A": ["a", "b"], "B": ["a", "b"]}
    >>> is_stable({"a": "B", "b": "A"}, men, women)
    False
    >>> is_stable({"a": "A", "b": "B"}, men, women)
    True
    """
    return not blocking_pairs(matching, proposer_prefs, reviewer_prefs, capacities=capacities)
