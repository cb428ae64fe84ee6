"""Every stable matching of a small two-sided instance, from one side's best to the other's.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15;
D. Gusfield and R. W. Irving (1989), The Stable Marriage Problem: Structure
and Algorithms, MIT Press.
"""

from osmosis_lab.errors import InvalidPreferences

from ._checks import SMALL_INSTANCE, check_two_sided, rank_maps
from .deferred import deferred_acceptance


def all_stable_matchings(proposer_prefs, reviewer_prefs):
    """List every stable matching of a small one-to-one instance.

    A search over proposers in turn, each trying only the partners between
    their best and their worst stable partner (which deferred acceptance finds
    from each side), and dropping a branch as soon as two people already
    placed would rather be together.

    Parameters
    ----------
    proposer_prefs, reviewer_prefs : dict of str to list of str
        Preferences, best first; a name missing from a list is a refusal, so a
        name listed by only one of the two is never their partner. At most 12
        people per side.

    Returns
    -------
    list of dict of str to str or None
        Sorted from best to worst for the proposers (total of their ranks): the
        first is :func:`deferred_acceptance`'s result, the last is the result
        when the reviewers propose.

    Raises
    ------
    InvalidPreferences
        Bad preferences, or more than 12 people on a side.

    References
    ----------
    Gusfield, D. and Irving, R. W. (1989). The Stable Marriage Problem:
    Structure and Algorithms. MIT Press.

    Examples
    --------
    Gale and Shapley's (1962) Example 1 has three stable matchings:

    >>> men = {"a": ["A", "B", "C"], "b": ["B", "C", "A"], "c": ["C", "A", "B"]}
    >>> women = {"A": ["b", "c", "a"], "B": ["c", "a", "b"], "C": ["a", "b", "c"]}
    >>> for matching in all_stable_matchings(men, women):
    ...     print(matching)
    {'a': 'A', 'b': 'B', 'c': 'C'}
    {'a': 'B', 'b': 'C', 'c': 'A'}
    {'a': 'C', 'b': 'A', 'c': 'B'}
    """
    proposers, reviewers = _mutual(*check_two_sided(proposer_prefs, reviewer_prefs))
    biggest = max(len(proposers), len(reviewers))
    if biggest > SMALL_INSTANCE:
        raise InvalidPreferences(
            f"all_stable_matchings searches exhaustively and takes at most {SMALL_INSTANCE} "
            f"people per side, got {biggest}; use deferred_acceptance from each side instead."
        )
    domains = _stable_ranges(proposers, reviewers)
    p_rank, r_rank = rank_maps(proposers), rank_maps(reviewers)

    def blocks(p, r, partner_of_p, partner_of_r):
        """p and r both listed and each prefers the other to their partner (None = alone)."""
        if r not in p_rank[p] or p not in r_rank[r]:
            return False
        p_wants = partner_of_p is None or p_rank[p][r] < p_rank[p][partner_of_p]
        r_wants = partner_of_r is None or r_rank[r][p] < r_rank[r][partner_of_r]
        return p_wants and r_wants

    found = _search(list(proposers), domains, blocks)
    # a leaf may still be blocked by someone who stays alone in every stable matching
    stable = [m for m in found if not _blocked_by_single(m, proposers, blocks)]
    return sorted(stable, key=lambda m: _proposer_cost(m, p_rank, len(reviewers)))


def _mutual(proposers, reviewers):
    """Drop every one-sided listing: as in deferred acceptance and ``is_stable``, a pair
    can only be matched, or block, when each lists the other (the search relies on it)."""
    p_rank, r_rank = rank_maps(proposers), rank_maps(reviewers)
    return (
        {p: [r for r in ranking if p in r_rank[r]] for p, ranking in proposers.items()},
        {r: [p for p in ranking if r in p_rank[p]] for r, ranking in reviewers.items()},
    )


def _search(order, domains, blocks):
    """Depth-first: place proposers in turn, pruning as soon as a placed pair blocks."""
    found = []

    def extend(partner, taken):
        if len(partner) == len(order):
            found.append(dict(partner))
            return
        p = order[len(partner)]
        for r in domains[p]:
            if r is not None and r in taken:
                continue
            if any(
                blocks(p, s, r, taken.get(s)) or blocks(q, r, partner[q], p)
                for q, s in partner.items()
                if s is not None
            ):
                continue
            partner[p] = r
            if r is not None:
                taken[r] = p
            extend(partner, taken)
            del partner[p]
            taken.pop(r, None)

    extend({}, {})
    return found


def _stable_ranges(proposers, reviewers):
    """Each proposer's candidates: from their best to their worst stable partner."""
    best = deferred_acceptance(proposers, reviewers)
    worst = dict.fromkeys(proposers)
    for r, p in deferred_acceptance(reviewers, proposers).items():
        if p is not None:
            worst[p] = r
    domains = {}
    for p, ranking in proposers.items():
        if best[p] is None:  # unmatched in one stable matching means unmatched in all
            domains[p] = [None]
        else:
            domains[p] = ranking[ranking.index(best[p]) : ranking.index(worst[p]) + 1]
    return domains


def _blocked_by_single(matching, proposers, blocks):
    holder = {r: p for p, r in matching.items() if r is not None}
    return any(
        blocks(p, r, matching[p], holder.get(r))
        for p in proposers
        for r in proposers[p]
        if matching[p] is None or r not in holder
    )


def _proposer_cost(matching, p_rank, unmatched_cost):
    ranks = tuple(unmatched_cost if r is None else p_rank[p][r] for p, r in matching.items())
    return sum(ranks), ranks
