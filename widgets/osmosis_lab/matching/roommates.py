"""Stable matching in one population without sides ("stable roommates").

Two-sided matching needs every person on one of two sides, each ranking only
the other side. Lucas, Antoine and Leopold do not fit that model; here anyone
may rank anyone. A stable matching may then not exist at all.

References: R. W. Irving (1985), "An efficient algorithm for the 'stable
roommates' problem", Journal of Algorithms 6(4), 577-595; D. Gale and
L. S. Shapley (1962), The American Mathematical Monthly 69(1), 9-15 (Example 3).
"""

from collections import deque

from osmosis_lab.errors import NoStableMatching

from ._checks import check_side


def stable_roommates(prefs):
    """Pair people of one population so that no two would rather be together.

    Irving's two-phase algorithm, extended to incomplete lists: a name missing
    from a list is a refusal, and someone may stay unmatched.

    Parameters
    ----------
    prefs : dict of str to list of str
        Each person's acceptable partners (from the same population), best first.

    Returns
    -------
    dict of str to str or None
        Everyone's partner (symmetric: ``m[m[x]] == x``), or ``None`` if alone.

    Raises
    ------
    InvalidPreferences
        Unknown or non-string names, repeats, ties, someone ranking themselves.
    NoStableMatching
        When no stable matching exists; the message names the people caught in
        the cycle that rules one out.

    References
    ----------
    Irving, R. W. (1985). An efficient algorithm for the "stable roommates"
    problem. Journal of Algorithms 6(4), 577-595.

    Examples
    --------
    >>> stable_roommates({"Lucas": ["Leopold", "Antoine"], "Leopold": ["Lucas", "Antoine"],
    ...                   "Antoine": ["Lucas", "Leopold"]})
    {'Lucas': 'Leopold', 'Leopold': 'Lucas', 'Antoine': None}

    Gale and Shapley's Example 3: a, b and c each rank the next one first and
    d last, so whoever rooms with d wants to move out.

    >>> stable_roommates({"a": ["b", "c", "d"], "b": ["c", "a", "d"],
    ...                   "c": ["a", "b", "d"], "d": ["a", "b", "c"]})
    Traceback (most recent call last):
    ...
    osmosis_lab.errors.NoStableMatching: No stable matching exists: ...
    """
    lists = check_side(prefs, "person", None, "person")
    lists = _mutual(lists)
    _phase_one(lists)
    _phase_two(lists)
    return {x: (ranking[0] if ranking else None) for x, ranking in lists.items()}


def _mutual(lists):
    """Keep y on x's list only if x is on y's list: acceptance is mutual."""
    listed = {x: set(ranking) for x, ranking in lists.items()}
    return {x: [y for y in ranking if x in listed[y]] for x, ranking in lists.items()}


def _delete(lists, x, y):
    lists[x].remove(y)
    lists[y].remove(x)


def _phase_one(lists):
    """Everyone proposes down their list; a holder drops everyone worse than who they hold."""
    proposing_to = {}
    free = deque(lists)
    while free:
        x = free.popleft()
        if not lists[x]:
            continue  # refused by everyone they accept: alone in every stable matching
        y = lists[x][0]
        proposing_to[x] = y
        worse = lists[y][lists[y].index(x) + 1 :]
        for w in worse:
            _delete(lists, y, w)
            if proposing_to.get(w) == y:
                del proposing_to[w]
                free.append(w)


def _phase_two(lists):
    """Remove rotations until every list has at most one name, or one runs out."""
    while True:
        start = next((x for x, ranking in lists.items() if len(ranking) >= 2), None)
        if start is None:
            return
        cycle = _find_rotation(lists, start)
        seconds = [lists[x][1] for x in cycle]
        had_partners = [x for x, ranking in lists.items() if ranking]
        for x, y in zip(cycle, seconds, strict=True):
            if x not in lists[y]:
                continue  # an earlier step already cut them apart: a list is running out
            # y now holds x, so y drops everyone it likes less than x
            for w in lists[y][lists[y].index(x) + 1 :]:
                _delete(lists, y, w)
        emptied = [x for x in had_partners if not lists[x]]
        if emptied:
            raise NoStableMatching(_explain(cycle, seconds, emptied[0]))


def _find_rotation(lists, start):
    """Follow x -> second choice y -> y's last choice, until someone repeats."""
    path, seen = [start], {start: 0}
    while True:
        x = lists[lists[path[-1]][1]][-1]
        if x in seen:
            return path[seen[x] :]
        seen[x] = len(path)
        path.append(x)


def _explain(cycle, seconds, emptied):
    chain = "; ".join(f"{x} turns to {y}" for x, y in zip(cycle, seconds, strict=True))
    return (
        "No stable matching exists: after Irving's algorithm narrowed every list, these "
        f"people formed a cycle ({chain}) and {emptied} ran out of acceptable partners. "
        "However this group is paired, two people would both rather be together. "
        "Options: leave someone unmatched on purpose, or use a two-sided model."
    )
