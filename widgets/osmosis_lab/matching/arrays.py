"""Deferred acceptance on integer arrays: the fast path for thousands of people.

Most of the time goes into one table, ``rank[r, p]`` (where reviewer ``r``
places proposer ``p``), that lets every proposal be answered in constant time.
The proposals themselves run in a plain loop: random instances need only about
``n log n`` of them, and answering one at a time beats vectorised "rounds".

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

import heapq

import numpy as np

from osmosis_lab.errors import InvalidPreferences

#: Rank given to a proposer who is not on a reviewer's list.
UNACCEPTABLE = np.iinfo(np.int32).max

#: The most proposer-reviewer pairs one call takes: 10,000 per side, the largest market a
#: lesson or benchmark builds. The rank table holds one 4-byte cell per pair (400 MB here),
#: however short the lists, so a bigger market is refused before any table is built.
MAX_PAIRS = 10_000 * 10_000


def deferred_acceptance_arrays(proposer_prefs, reviewer_prefs, *, capacities=None, validate=True):
    """Deferred acceptance on integer arrays; the same result as the dict version.

    Parameters
    ----------
    proposer_prefs : array of int, shape (n_proposers, k)
        Row ``i``: proposer ``i``'s reviewers (column numbers of ``reviewer_prefs``'
        rows), best first. ``-1`` marks an empty place, so shorter lists are
        padded with ``-1``; a reviewer not in the row is refused.
    reviewer_prefs : array of int, shape (n_reviewers, k)
        Row ``j``: reviewer ``j``'s proposers, best first, ``-1`` for empty places.
    capacities : array of int, shape (n_reviewers,), optional
        Seats per reviewer (all 1 when omitted).
    validate : bool, default True
        Scan every row for repeated numbers. ``False`` skips that scan (it costs
        about as much as the rank table itself) for arrays that are valid by
        construction, such as the output of :func:`preferences_from_scores`; a
        repeat then goes unreported. Shapes and ranges are always checked.

    Returns
    -------
    numpy.ndarray of int
        ``match[i]`` is proposer ``i``'s reviewer, or ``-1`` if unmatched.

    Raises
    ------
    InvalidPreferences
        Wrong shapes or dtypes, numbers out of range, a name repeated in a row, or more
        than :data:`MAX_PAIRS` (10,000 x 10,000) proposer-reviewer pairs.

    References
    ----------
    Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
    Marriage. The American Mathematical Monthly 69(1), 9-15.

    Examples
    --------
    >>> import numpy as np
    >>> men = np.array([[0, 1, 2], [1, 2, 0], [2, 0, 1]])
    >>> women = np.array([[1, 2, 0], [2, 0, 1], [0, 1, 2]])
    >>> deferred_acceptance_arrays(men, women)
    array([0, 1, 2])
    >>> deferred_acceptance_arrays(np.array([[0], [0]]), np.array([[1, -1]]))
    array([-1,  0])
    """
    proposers = _check_array(proposer_prefs, "proposer_prefs", "reviewer_prefs")
    reviewers = _check_array(reviewer_prefs, "reviewer_prefs", "proposer_prefs")
    n_p, n_r = len(proposers), len(reviewers)
    if n_p * n_r > MAX_PAIRS:
        raise InvalidPreferences(
            f"{n_p:,} proposers and {n_r:,} reviewers make {n_p * n_r:,} pairs; this function "
            f"takes at most {MAX_PAIRS:,} (10,000 per side), because its rank table needs a "
            "cell for every pair. Split the market, or match a sample of it."
        )
    seats = None if capacities is None else _check_seats(capacities, n_r)
    # ranges always, and before the cast to int32, which would wrap a number >= 2**31 into
    # the valid range: an out-of-range number would index outside the tables (cheap passes)
    _check_range(proposers, n_r, "proposer_prefs", "reviewers")
    _check_range(reviewers, n_p, "reviewer_prefs", "proposers")
    # int32 halves the memory traffic of the big tables; the loop reads Python ints anyway
    proposers = np.ascontiguousarray(proposers, dtype=np.int32)
    reviewers = np.ascontiguousarray(reviewers, dtype=np.int32)
    if validate:
        _check_unique(proposers, n_r)
    rank = _rank_table(reviewers, n_p, validate)
    if seats is None:
        return _one_to_one(proposers, rank)
    return _many_to_one(proposers, rank, seats)


def _check_array(prefs, name, other):
    array = np.asarray(prefs)
    if array.dtype == bool or not np.issubdtype(array.dtype, np.integer):
        raise InvalidPreferences(
            f"{name} must hold integers (row i: person i's choices as {other} row numbers, "
            f"best first); got dtype {array.dtype}. Ties cannot be written as equal ranks here."
        )
    if array.ndim != 2 or array.shape[0] == 0:
        raise InvalidPreferences(
            f"{name} must be a 2-D array with one row per person, got shape {array.shape}."
        )
    return array


def _check_range(prefs, n_other, name, other):
    if prefs.size and (prefs.min() < -1 or prefs.max() >= n_other):
        bad = np.argwhere((prefs < -1) | (prefs >= n_other))[0]
        raise InvalidPreferences(
            f"{name}[{bad[0]}, {bad[1]}] = {prefs[tuple(bad)]}: there are {n_other} {other}, "
            f"numbered 0..{n_other - 1}; use -1 for an empty place."
        )


def _is_complete(prefs, n_other):
    """Every row lists every one of the other side (no -1 anywhere)."""
    return prefs.shape[1] == n_other and (prefs.size == 0 or prefs.min() >= 0)


def _scatter(table, prefs, values):
    """table[i, prefs[i, k]] = values[k] for every row i (-1 lands in the last column)."""
    if prefs.size <= 1 << 16:
        table[np.arange(len(prefs))[:, None], prefs] = values
        return
    # big tables row by row: one row's fancy index stays in cache, unlike one huge scatter
    for i, row in enumerate(prefs):
        table[i, row] = values


def _check_unique(prefs, n_other):
    """A repeated number in a row is a repeated name: one boolean table finds it."""
    seen = np.zeros((len(prefs), n_other + 1), dtype=bool)
    _scatter(seen, prefs, True)
    if _is_complete(prefs, n_other):
        if seen[:, :n_other].all():
            return
    elif np.count_nonzero(seen[:, :n_other]) == np.count_nonzero(prefs >= 0):
        return  # per row, distinct <= listed, so equal totals mean equal rows
    _raise_repeats(prefs, np.count_nonzero(seen[:, :n_other], axis=1), "proposer_prefs")


def _raise_repeats(prefs, distinct, name):
    rows = np.flatnonzero(np.count_nonzero(prefs >= 0, axis=1) != distinct)
    row = prefs[rows[0]]
    values, counts = np.unique(row[row >= 0], return_counts=True)
    raise InvalidPreferences(
        f"{name} row {rows[0]} lists {values[counts > 1][0]} more than once; "
        "each person may appear at most once in a list."
    )


def _rank_table(reviewers, n_p, validate):
    """rank[r, p] = place of proposer p in reviewer r's list; UNACCEPTABLE if absent."""
    n_r, width = reviewers.shape
    complete = _is_complete(reviewers, n_p)
    if validate or not complete:
        rank = np.full((n_r, n_p + 1), UNACCEPTABLE, dtype=np.int32)
    else:  # a complete, valid list writes every cell: no need to fill first
        rank = np.empty((n_r, n_p + 1), dtype=np.int32)
        rank[:, n_p] = UNACCEPTABLE
    _scatter(rank, reviewers, np.arange(width, dtype=np.int32))
    if validate:
        cells = rank[:, :n_p]
        if complete:  # a repeat leaves some cell unwritten; max() finds it without a copy
            ok = n_p == 0 or cells.max() != UNACCEPTABLE
        else:
            ok = np.count_nonzero(cells != UNACCEPTABLE) == np.count_nonzero(reviewers >= 0)
        if not ok:
            written = np.count_nonzero(cells != UNACCEPTABLE, axis=1)
            _raise_repeats(reviewers, written, "reviewer_prefs")
    return rank


def _one_to_one(proposers, rank):
    prefs, ranks = memoryview(proposers), memoryview(rank)
    width = proposers.shape[1]
    next_choice = [0] * len(proposers)
    held = [-1] * len(rank)
    held_rank = [UNACCEPTABLE] * len(rank)
    for start in range(len(proposers)):
        p = start
        while p >= 0:  # p is free: proposes down their list until held or exhausted
            k = next_choice[p]
            if k == width:
                break
            next_choice[p] = k + 1
            r = prefs[p, k]
            if r < 0:
                continue
            place = ranks[r, p]
            if place < held_rank[r]:  # also false for an unacceptable proposer
                p, held[r], held_rank[r] = held[r], p, place
    match = np.full(len(proposers), -1)
    reviewers = np.flatnonzero(np.asarray(held) >= 0)
    match[np.asarray(held)[reviewers]] = reviewers
    return match


def _many_to_one(proposers, rank, seats):
    prefs, ranks = memoryview(proposers), memoryview(rank)
    width = proposers.shape[1]
    next_choice = [0] * len(proposers)
    held = [[] for _ in range(len(rank))]  # max-heap of (-place, proposer)
    for start in range(len(proposers)):
        p = start
        while p >= 0:
            k = next_choice[p]
            if k == width:
                break
            next_choice[p] = k + 1
            r = prefs[p, k]
            if r < 0 or ranks[r, p] == UNACCEPTABLE:
                continue
            heap, place = held[r], ranks[r, p]
            if len(heap) < seats[r]:
                heapq.heappush(heap, (-place, p))
                p = -1
            elif place < -heap[0][0]:
                p = heapq.heapreplace(heap, (-place, p))[1]
    match = np.full(len(proposers), -1)
    for r, heap in enumerate(held):
        for _, p in heap:
            match[p] = r
    return match


def _check_seats(capacities, n_r):
    seats = np.asarray(capacities)
    if seats.shape != (n_r,) or seats.dtype == bool or not np.issubdtype(seats.dtype, np.integer):
        raise InvalidPreferences(
            f"capacities must be {n_r} whole numbers, one per reviewer; got {seats!r}."
        )
    if (seats < 1).any():
        raise InvalidPreferences(
            f"capacities[{int(np.argmax(seats < 1))}] is below 1: each reviewer needs a seat."
        )
    return seats.tolist()
