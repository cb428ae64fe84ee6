"""The instances lesson 01 uses: Gale and Shapley's example, the beta test, a random city.

Not exported from :mod:`osmosis_lab.matching` itself (it reads the data set's
columns): import it as ``from osmosis_lab.matching import scenarios``.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.errors import InvalidPreferences, SchemaError

from .scores import compatibility_scores, preferences_from_scores

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

#: Which side proposes in :func:`beta_preferences`.
SIDES = ("tester", "candidate")


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


def beta_preferences(people, *, shared=None, proposing="tester", tie_break="column_order"):
    """The beta testers' and candidates' preference lists, from their soulmate scores.

    Parameters
    ----------
    people : pandas.DataFrame
        ``load_people()``: names, roles, gender, seeking, age, traits and weights.
    shared : pandas.DataFrame of bool, optional
        Indexed by name, one column per category: what each person lets the app
        use. People not in it share everything; omitted, everyone shares all.
    proposing : {"tester", "candidate"}
        The side whose lists come first in the result (the side that proposes).
    tie_break : str
        Passed to :func:`~osmosis_lab.matching.preferences_from_scores`.

    Returns
    -------
    (dict, dict)
        The proposing side's lists and the other side's, by name, best first.
        A pair is on the lists only if each seeks the other's gender, both are
        adults or both minors (the rule of ``osmosis_lab.consent.market``), and
        they share at least one category.

    Raises
    ------
    SchemaError
        The people table lacks the data set's columns or holds malformed values, shared names
        people not in the table, or proposing is neither "tester" nor "candidate".
    ConsentError
        A ``signed_up`` value is not True or False (the who-may-meet rule of
        ``osmosis_lab.consent.market`` reads it).
    InvalidPreferences
        ``tie_break`` is not "column_order" or "random".

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> testers, candidates = beta_preferences(load_people())
    >>> testers["Lucas Apert"]
    ['Léopold', 'Rémi Caron', 'Antoine']
    >>> candidates["Claire"]
    ['Niels Larson']
    """
    if proposing not in SIDES:
        raise SchemaError(f"proposing must be one of {SIDES}, got {proposing!r}.")
    if not isinstance(people, pd.DataFrame) or not {"name", "role"} <= set(people.columns):
        raise SchemaError("people must be the people table (load_people()), with name and role.")
    from osmosis_lab.consent.market import market_from_tables  # the shared who-may-meet rule

    table = people.set_index("name")
    mask = _shared_mask(table, shared)
    testers = table[table["role"] == "tester"]
    candidates = table[table["role"] == "candidate"]
    allowed = market_from_tables(testers.reset_index(), candidates.reset_index()).allowed
    forward = compatibility_scores(
        testers,
        shared=mask.loc[testers.index],
        other_traits=candidates,
        other_shared=mask.loc[candidates.index],
    ).where(allowed)
    backward = compatibility_scores(
        candidates,
        shared=mask.loc[candidates.index],
        other_traits=testers,
        other_shared=mask.loc[testers.index],
    ).where(allowed.T)
    tester_prefs = preferences_from_scores(forward, tie_break=tie_break)
    candidate_prefs = preferences_from_scores(backward, tie_break=tie_break)
    if proposing == "tester":
        return tester_prefs, candidate_prefs
    return candidate_prefs, tester_prefs


def _shared_mask(table, shared):
    mask = pd.DataFrame(True, index=table.index, columns=list(CATEGORIES))
    if shared is not None:
        unknown = sorted(set(shared.index) - set(table.index))
        if unknown:
            raise SchemaError(f"shared names people not in the table: {unknown[:3]}")
        mask.loc[shared.index, list(CATEGORIES)] = shared[list(CATEGORIES)].astype(bool)
    return mask


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
