"""Hypothesis strategies and brute-force references shared by the matching tests.

The brute-force functions are deliberately naive (enumerate everything), so
that they can be trusted as an independent reference on small instances.
"""

import itertools

import numpy as np
from hypothesis import strategies as st


@st.composite
def two_sided(draw, max_size=6, complete=None, with_capacities=False):
    """A random two-sided instance: (proposer_prefs, reviewer_prefs, capacities or None)."""
    proposers = [f"p{i}" for i in range(draw(st.integers(1, max_size)))]
    reviewers = [f"r{j}" for j in range(draw(st.integers(1, max_size)))]
    full = draw(st.booleans()) if complete is None else complete

    def lists(owners, others):
        prefs = {}
        for owner in owners:
            order = draw(st.permutations(others))
            keep = len(others) if full else draw(st.integers(0, len(others)))
            prefs[owner] = list(order[:keep])
        return prefs

    p_prefs, r_prefs = lists(proposers, reviewers), lists(reviewers, proposers)
    seats = None
    if with_capacities:
        seats = {r: draw(st.integers(1, 3)) for r in reviewers}
    return p_prefs, r_prefs, seats


@st.composite
def one_population(draw, max_size=8, complete=None):
    people = [f"x{i}" for i in range(draw(st.integers(1, max_size)))]
    full = draw(st.booleans()) if complete is None else complete
    prefs = {}
    for x in people:
        others = [y for y in people if y != x]
        order = draw(st.permutations(others))
        prefs[x] = list(order[: len(others) if full else draw(st.integers(0, len(others)))])
    return prefs


def accepts(prefs, a, b):
    return b in prefs[a]


def prefers(prefs, a, new, old):
    """a would rather have `new` than `old` (None = alone)."""
    if new not in prefs[a]:
        return False
    return old is None or prefs[a].index(new) < prefs[a].index(old)


def all_matchings(p_prefs, r_prefs, seats=None):
    """Every individually rational matching, proposer -> reviewer or None."""
    seats = seats or dict.fromkeys(r_prefs, 1)
    proposers = list(p_prefs)
    options = [[None] + [r for r in p_prefs[p] if accepts(r_prefs, r, p)] for p in proposers]
    for choice in itertools.product(*options):
        load = {}
        for r in choice:
            if r is not None:
                load[r] = load.get(r, 0) + 1
        if all(load[r] <= seats[r] for r in load):
            yield dict(zip(proposers, choice, strict=True))


def brute_stable(matching, p_prefs, r_prefs, seats=None):
    """No proposer-reviewer pair would both rather be together (free seats count)."""
    seats = seats or dict.fromkeys(r_prefs, 1)
    held = {r: [p for p, rr in matching.items() if rr == r] for r in r_prefs}
    for p, r in itertools.product(p_prefs, r_prefs):
        if matching[p] == r or not prefers(p_prefs, p, r, matching[p]):
            continue
        if not accepts(r_prefs, r, p):
            continue
        if len(held[r]) < seats[r]:
            return False
        if any(prefers(r_prefs, r, p, q) for q in held[r]):
            return False
    return True


def brute_stable_matchings(p_prefs, r_prefs, seats=None):
    return [
        m
        for m in all_matchings(p_prefs, r_prefs, seats)
        if brute_stable(m, p_prefs, r_prefs, seats)
    ]


def to_arrays(p_prefs, r_prefs, seats=None):
    """The dict instance as -1 padded integer arrays (and seats as an array)."""
    p_names, r_names = list(p_prefs), list(r_prefs)
    p_index = {p: i for i, p in enumerate(p_names)}
    r_index = {r: j for j, r in enumerate(r_names)}
    proposers = np.full((len(p_names), len(r_names)), -1)
    for i, p in enumerate(p_names):
        proposers[i, : len(p_prefs[p])] = [r_index[r] for r in p_prefs[p]]
    reviewers = np.full((len(r_names), len(p_names)), -1)
    for j, r in enumerate(r_names):
        reviewers[j, : len(r_prefs[r])] = [p_index[p] for p in r_prefs[r]]
    capacities = None if seats is None else np.array([seats[r] for r in r_names])
    return proposers, reviewers, capacities


def roommate_matchings(people):
    """Every way to pair some of `people` (everyone else alone)."""
    if not people:
        yield {}
        return
    first, rest = people[0], people[1:]
    for sub in roommate_matchings(rest):
        yield {**sub, first: None}
    for k, other in enumerate(rest):
        for sub in roommate_matchings(rest[:k] + rest[k + 1 :]):
            yield {**sub, first: other, other: first}


def roommates_stable(matching, prefs):
    for x, y in itertools.combinations(prefs, 2):
        if matching[x] == y:
            continue
        if prefers(prefs, x, y, matching[x]) and prefers(prefs, y, x, matching[y]):
            return False
    return True
