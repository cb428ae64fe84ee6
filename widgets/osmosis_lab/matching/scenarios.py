"""The invented instances lesson 01 uses: Gale and Shapley's examples, a hand case, a random one.

Import it as ``from osmosis_lab.matching import scenarios``. The beta testers'
lists are read from the data set by ``osmosis_lab.data.markets.beta_preferences``.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

import numpy as np

from osmosis_lab.errors import InvalidPreferences

#: Gale & Shapley (1962), Example 1: three men rank three women and back. The paper's
#: ranking matrix, written as lists best first (alpha, beta, gamma are the men).
GALE_SHAPLEY_MEN = {
    "alpha": ["A", "B", "C"],
    "beta": ["B", "C", "A"],
    "gamma": ["C", "A", "B"],
}
GALE_SHAPLEY_WOMEN = {
    "A": ["beta", "gamma", "alpha"],
    "B": ["gamma", "alpha", "beta"],
    "C": ["alpha", "beta", "gamma"],
}

#: Gale & Shapley (1962), Example 3: a, b and c each rank the next one first, and d last.
GALE_SHAPLEY_ROOMMATES = {
    "a": ["b", "c", "d"],
    "b": ["c", "a", "d"],
    "c": ["a", "b", "d"],
    "d": ["a", "b", "c"],
}

#: A small invented case to run by hand in lesson 01 (four proposers, four reviewers).
HAND_PROPOSERS = {
    "Ada": ["X", "W", "Y", "Z"],
    "Ben": ["X", "Y", "W", "Z"],
    "Cyd": ["W", "X", "Z", "Y"],
    "Dev": ["W", "Y", "X", "Z"],
}
HAND_REVIEWERS = {
    "W": ["Ben", "Dev", "Ada", "Cyd"],
    "X": ["Ada", "Cyd", "Ben", "Dev"],
    "Y": ["Dev", "Ben", "Ada", "Cyd"],
    "Z": ["Cyd", "Ada", "Dev", "Ben"],
}

#: The seed of the "6 invented people a side" case: it has 6 stable matchings.
RANDOM_SEED = 102
#: The most people per side :func:`random_instance` invents (its lists hold 2 n**2 names).
MAX_RANDOM_SIDE = 1_000


def gale_shapley_example():
    """Copies of Example 1's lists: ``(men, women)``.

    Examples
    --------
    >>> men, women = gale_shapley_example()
    >>> men["alpha"], women["A"]
    (['A', 'B', 'C'], ['beta', 'gamma', 'alpha'])
    """
    return (
        {k: list(v) for k, v in GALE_SHAPLEY_MEN.items()},
        {k: list(v) for k, v in GALE_SHAPLEY_WOMEN.items()},
    )


def random_instance(n, *, rng):
    """``n`` invented proposers and reviewers with independent random complete lists.

    Independent lists disagree a lot, so there are usually several stable
    matchings and it matters who proposes (with mirrored scores there is one).
    ``n`` is a whole number from 1 to :data:`MAX_RANDOM_SIDE` (1,000; the lessons use 6):
    the lists hold ``2 n**2`` names.

    Raises
    ------
    InvalidPreferences
        ``n`` is not a whole number from 1 to 1,000, or ``rng`` is not a numpy Generator.

    Examples
    --------
    >>> import numpy as np
    >>> proposers, reviewers = random_instance(3, rng=np.random.default_rng(1))
    >>> sorted(proposers), sorted(reviewers["R1"])
    (['P1', 'P2', 'P3'], ['P1', 'P2', 'P3'])
    """
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= MAX_RANDOM_SIDE:
        raise InvalidPreferences(
            f"n must be a whole number of people per side from 1 to {MAX_RANDOM_SIDE:,}, got {n!r}."
        )
    if not isinstance(rng, np.random.Generator):
        raise InvalidPreferences("rng must be a numpy Generator, e.g. np.random.default_rng(102).")
    p_names = [f"P{i + 1}" for i in range(n)]
    r_names = [f"R{j + 1}" for j in range(n)]
    proposers = {p: [r_names[j] for j in rng.permutation(n)] for p in p_names}
    reviewers = {r: [p_names[i] for i in rng.permutation(n)] for r in r_names}
    return proposers, reviewers
