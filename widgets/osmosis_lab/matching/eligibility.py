"""Who may be matched with whom: the one rule every market in the lessons is built through.

Two people may meet when each is seeking the other's gender ("everyone" seeks
every gender) and both are minors or both adults: the toy never pairs a minor
with an adult. :func:`may_meet` states the rule over arrays, one entry per
person; ``osmosis_lab.data.markets`` reads those arrays from the data set's
columns. :func:`eligible_preferences` turns two score tables into preference
lists that name only pairs who may meet, and marks the lists it builds
(:class:`EligibleLists`, :class:`EligibleArray`) so that a test can tell them
from lists built some other way.

Import as ``from osmosis_lab.matching.eligibility import may_meet``.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from osmosis_lab.errors import InvalidPreferences

from .scores import preferences_from_scores

#: What each value of the data set's ``seeking`` column looks for; "everyone" seeks all.
SOUGHT = {"women": "woman", "men": "man"}
EVERYONE = "everyone"
SEEKING = (*SOUGHT, EVERYONE)
#: Bound on the size of the table :func:`may_meet` builds: 10,000 people per side.
MAX_PAIRS = 10_000 * 10_000


@dataclass(frozen=True, eq=False)
class Profiles:
    """Who each person is and whom they seek, one entry per person, as :func:`may_meet` reads.

    ``gender`` holds gender words ("woman", "man", "non-binary"), ``seeking``
    one of :data:`SEEKING` per person and ``minor`` booleans (under 18).
    The arrays are checked and stored read-only.
    """

    gender: np.ndarray
    seeking: np.ndarray
    minor: np.ndarray

    def __post_init__(self):
        gender, seeking, minor = _checked(self.gender, self.seeking, self.minor)
        for name, value in (("gender", gender), ("seeking", seeking), ("minor", minor)):
            value.flags.writeable = False
            object.__setattr__(self, name, value)

    def __len__(self) -> int:
        return len(self.gender)

    def may_meet(self, other: "Profiles") -> np.ndarray:
        """:func:`may_meet` of these people (rows) with ``other`` (columns)."""
        return may_meet(
            self.gender, self.seeking, self.minor, other.gender, other.seeking, other.minor
        )


def may_meet(gender_a, seeking_a, minor_a, gender_b, seeking_b, minor_b) -> np.ndarray:
    """Whether person ``i`` of group a and person ``j`` of group b may be matched.

    Parameters
    ----------
    gender_a, seeking_a, minor_a : array-like, shape (n,)
        Group a: each person's gender, what they seek (one of :data:`SEEKING`:
        "women", "men" or "everyone") and whether they are a minor (booleans).
    gender_b, seeking_b, minor_b : array-like, shape (m,)
        Group b, the same way. At most 100,000,000 pairs (10,000 per side).

    Returns
    -------
    numpy.ndarray of bool, shape (n, m)
        ``True`` where each of the two seeks the other's gender and both are
        minors or both adults. Read-only. For one group against itself the
        table is symmetric.

    Raises
    ------
    InvalidPreferences
        Arrays of different lengths or not one-dimensional, a gender that is not
        text, a ``seeking`` value outside :data:`SEEKING`, a ``minor`` that is not
        boolean, too many pairs.

    Examples
    --------
    >>> may_meet(["man", "woman"], ["women", "everyone"], [False, True],
    ...          ["woman", "non-binary"], ["men", "men"], [False, True]).tolist()
    [[True, False], [False, False]]
    """
    a = Profiles(np.asarray(gender_a), np.asarray(seeking_a), np.asarray(minor_a))
    b = Profiles(np.asarray(gender_b), np.asarray(seeking_b), np.asarray(minor_b))
    if len(a) * len(b) > MAX_PAIRS:
        raise InvalidPreferences(
            f"may_meet builds one cell per pair and takes at most {MAX_PAIRS:,} pairs "
            f"(10,000 people per side), got {len(a)} x {len(b)}; split the groups."
        )
    allowed = _seeks(a, b) & _seeks(b, a).T & (a.minor[:, None] == b.minor[None, :])
    allowed.flags.writeable = False
    return allowed


def _seeks(seekers: Profiles, sought: Profiles) -> np.ndarray:
    """seeks[i, j]: seeker i looks for sought j's gender (genders compared as integer codes)."""
    codes = {g: k for k, g in enumerate(dict.fromkeys(sought.gender.tolist()))}
    gender = np.array([codes[g] for g in sought.gender.tolist()], dtype=np.int64)
    # -1: seeks a gender nobody in ``sought`` has; -2: seeks everyone
    wanted = np.array(
        [-2 if s == EVERYONE else codes.get(SOUGHT[s], -1) for s in seekers.seeking.tolist()],
        dtype=np.int64,
    )
    return (wanted[:, None] == -2) | (wanted[:, None] == gender[None, :])


def _checked(gender, seeking, minor):
    gender, seeking, minor = (np.asarray(x) for x in (gender, seeking, minor))
    if not (gender.ndim == seeking.ndim == minor.ndim == 1) or not (
        len(gender) == len(seeking) == len(minor)
    ):
        raise InvalidPreferences(
            "gender, seeking and minor must be 1-D arrays of one length, one entry per "
            f"person; got shapes {gender.shape}, {seeking.shape}, {minor.shape}."
        )
    if minor.dtype != bool:
        # "False" as text is truthy: only real booleans say who is a minor
        raise InvalidPreferences(
            f"minor must hold booleans (True for under 18), got dtype {minor.dtype}; "
            "compute it as age < 18."
        )
    odd = [g for g in gender.tolist() if not isinstance(g, str)]
    if odd:
        raise InvalidPreferences(
            f"gender must be text for everyone, got {odd[0]!r}; fill in missing genders first."
        )
    unknown = sorted({str(s) for s in seeking.tolist()} - set(SEEKING))
    if unknown:
        raise InvalidPreferences(
            f"seeking values {unknown[:3]} are not among {list(SEEKING)}; write what each "
            "person seeks as the data set does."
        )
    return gender.astype(object), seeking.astype(object), minor.copy()


class EligibleLists(Mapping):
    """Read-only preference lists by name, built by :func:`eligible_preferences`.

    Reads like the dict of lists the matching functions take (each lookup
    returns a fresh list); it cannot be changed in place.
    """

    def __init__(self, lists: Mapping):
        self._lists = {who: tuple(ranking) for who, ranking in lists.items()}

    def __getitem__(self, who):
        return list(self._lists[who])

    def __iter__(self):
        return iter(self._lists)

    def __len__(self) -> int:
        return len(self._lists)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


class EligibleArray(np.ndarray):
    """A read-only preference array built by :func:`eligible_preferences`.

    Arithmetic on it gives plain arrays: only the constructor's lists carry the mark.
    """

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        def plain(x):
            return x.view(np.ndarray) if isinstance(x, EligibleArray) else x

        if "out" in kwargs:
            kwargs["out"] = tuple(plain(x) for x in kwargs["out"])
        return getattr(ufunc, method)(*map(plain, inputs), **kwargs)


class MarketPreferences(NamedTuple):
    """Both sides' lists from :func:`eligible_preferences`; unpacks as ``(proposers, reviewers)``."""

    proposer_prefs: EligibleLists | EligibleArray
    reviewer_prefs: EligibleLists | EligibleArray

    def swapped(self) -> "MarketPreferences":
        """The same lists with the other side proposing."""
        return MarketPreferences(self.reviewer_prefs, self.proposer_prefs)


def eligible_preferences(
    forward, backward, proposers: Profiles, reviewers: Profiles, *, tie_break="column_order",
    rng=None,
) -> MarketPreferences:  # fmt: skip
    """Preference lists of a two-sided market that name only pairs who may meet.

    Parameters
    ----------
    forward : 2-D array or pandas.DataFrame, shape (n_proposers, n_reviewers)
        How much each proposer likes each reviewer; ``NaN`` is "not on the list".
    backward : 2-D array or pandas.DataFrame, shape (n_reviewers, n_proposers)
        How much each reviewer likes each proposer.
    proposers, reviewers : Profiles
        Who the people of each side are and whom they seek (rows of ``forward``
        and of ``backward``), read by :func:`may_meet`.
    tie_break, rng
        Passed to :func:`~osmosis_lab.matching.preferences_from_scores`.

    Returns
    -------
    MarketPreferences
        From arrays: two read-only :class:`EligibleArray` (the input of
        ``deferred_acceptance_arrays``); from DataFrames: two
        :class:`EligibleLists` by label (the input of ``deferred_acceptance``).

    Raises
    ------
    InvalidPreferences
        Tables whose shapes do not match the two sides, a table of one kind and
        one of the other, or bad ``tie_break``/``rng``.

    Examples
    --------
    Ana (a woman seeking men) likes Simon best, but Simon seeks men:

    >>> import numpy as np
    >>> ana_and_lea = Profiles(np.array(["woman", "woman"]), np.array(["men", "men"]),
    ...                        np.array([False, False]))
    >>> simon_and_theo = Profiles(np.array(["man", "man"]), np.array(["men", "women"]),
    ...                           np.array([False, False]))
    >>> lists = eligible_preferences(np.array([[0.9, 0.5], [0.2, 0.4]]),
    ...                              np.array([[0.8, 0.1], [0.3, 0.6]]),
    ...                              ana_and_lea, simon_and_theo)
    >>> lists.proposer_prefs.tolist(), lists.reviewer_prefs.tolist()
    ([[1, -1], [1, -1]], [[-1, -1], [1, 0]])
    """
    labelled = isinstance(forward, pd.DataFrame)
    if labelled != isinstance(backward, pd.DataFrame):
        raise InvalidPreferences(
            "forward and backward must both be DataFrames (lists by name) or both arrays."
        )
    n_p, n_r = len(proposers), len(reviewers)
    for name, table, shape in (
        ("forward", forward, (n_p, n_r)),
        ("backward", backward, (n_r, n_p)),
    ):
        if np.shape(table) != shape:
            raise InvalidPreferences(
                f"{name} scores have shape {np.shape(table)}, but the sides have {n_p} "
                f"proposers and {n_r} reviewers: expected {shape}."
            )
    allowed = proposers.may_meet(reviewers)
    return MarketPreferences(
        _lists(forward, allowed, tie_break, rng), _lists(backward, allowed.T, tie_break, rng)
    )


def _lists(scores, allowed, tie_break, rng):
    """Preference lists from the scores of the pairs who may meet, marked as built here."""
    if isinstance(scores, pd.DataFrame):
        return EligibleLists(
            preferences_from_scores(scores.where(allowed), tie_break=tie_break, rng=rng)
        )
    masked = np.where(allowed, np.asarray(scores, dtype=float), np.nan)
    out = preferences_from_scores(masked, tie_break=tie_break, rng=rng).view(EligibleArray)
    out.flags.writeable = False
    return out
