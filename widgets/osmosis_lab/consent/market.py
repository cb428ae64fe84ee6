"""Re-run the match from what the consent ledger lets Osmosis use for matching.

Two sides: people who propose and people who are proposed to (the testers and
the candidates; in the city, the signed-up residents join the first side and
the residents who never signed up the second, since Osmosis looks for
soulmates among people it found). Scores come from the matching engine's
:func:`~osmosis_lab.matching.compatibility_scores`, over the categories *both*
people let it use, so one person's refusal changes how others are scored.
Two people can be matched only if each is seeking the other's gender and both
are adults or both are minors (the toy never pairs a minor with an adult).

References
----------
Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
Marriage. The American Mathematical Monthly 69(1), 9-15.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from osmosis_lab.consent._checks import yes_no
from osmosis_lab.errors import ConsentError
from osmosis_lab.matching import (
    compatibility_scores,
    deferred_acceptance_arrays,
    preferences_from_scores,
)

_SOUGHT = {"women": "woman", "men": "man"}
_NEEDED = (
    "person_id",
    "age",
    "gender",
    "seeking",
    "signed_up",
    *TRAIT_COLUMNS,
    *WEIGHT_COLUMNS.values(),
)


@dataclass(frozen=True, eq=False)
class Market:
    """Both sides of a market, as arrays ready for repeated re-matching."""

    proposers: tuple[str, ...]
    reviewers: tuple[str, ...]
    proposer_traits: np.ndarray
    proposer_weights: np.ndarray
    reviewer_traits: np.ndarray
    reviewer_weights: np.ndarray
    allowed: np.ndarray
    never_signed_up: frozenset[str]


def market_from_tables(proposers: pd.DataFrame, reviewers: pd.DataFrame) -> Market:
    """Build a :class:`Market` from two people tables (the data set's columns).

    Raises
    ------
    ConsentError
        A table lacks the data set's columns, an age, trait or weight is not a finite number,
        or a signed_up value is not True or False (text such as "False" is refused).

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> people = load_people()
    >>> market = market_from_tables(people[people["role"] == "tester"],
    ...                             people[people["role"] == "candidate"])
    >>> len(market.proposers), len(market.reviewers), sorted(market.never_signed_up)
    (12, 12, ['C03', 'C05', 'C11'])
    """
    for name, table in (("proposers", proposers), ("reviewers", reviewers)):
        missing = [c for c in _NEEDED if c not in table.columns]
        if missing:
            raise ConsentError(
                f"{name} lacks columns {missing[:4]}; pass tables with the "
                "data set's columns (load_people(), load_population())."
            )
        for pid, signed in zip(table["person_id"], table["signed_up"], strict=True):
            yes_no(signed, what=f"{name} {pid}: signed_up")  # "False" as text is not True
        numbers = [*TRAIT_COLUMNS, *WEIGHT_COLUMNS.values(), "age"]
        values = table[numbers].apply(pd.to_numeric, errors="coerce").to_numpy(float)
        if not np.isfinite(values).all():
            row, column = np.argwhere(~np.isfinite(values))[0]
            raise ConsentError(
                f"{name} row {row}: {numbers[column]} must be a finite number, got "
                f"{table[numbers[column]].iloc[row]!r}; correct the table (as load_people() has)."
            )
    p, r = proposers, reviewers
    allowed = _seeks(p, r) & _seeks(r, p).T & _same_age_group(p, r)
    unsigned = pd.concat([p, r]).loc[lambda t: ~t["signed_up"].astype(bool), "person_id"]
    return Market(
        tuple(p["person_id"]),
        tuple(r["person_id"]),
        p[list(TRAIT_COLUMNS)].to_numpy(float),
        p[list(WEIGHT_COLUMNS.values())].to_numpy(float),
        r[list(TRAIT_COLUMNS)].to_numpy(float),
        r[list(WEIGHT_COLUMNS.values())].to_numpy(float),
        allowed,
        frozenset(unsigned),
    )


def shared_masks(
    market: Market, shared: Mapping[str, Iterable[str]], *, scrape_unsigned: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Return the (proposers, reviewers) boolean tables of categories usable for matching.

    ``shared`` maps a person to the categories the ledger allows for matching
    (see :func:`~osmosis_lab.consent.shared_categories`); anyone missing shares
    nothing. With ``scrape_unsigned``, people who never signed up also "share"
    their scraped social media, as Osmosis does in the series (without consent).
    """
    order = list(CATEGORIES)

    def mask(people: tuple[str, ...]) -> np.ndarray:
        out = np.zeros((len(people), len(order)), dtype=bool)
        for i, pid in enumerate(people):
            for category in shared.get(pid, ()):
                out[i, order.index(category)] = True
            if scrape_unsigned and pid in market.never_signed_up:
                out[i, order.index("scraped")] = True
        return out

    return mask(market.proposers), mask(market.reviewers)


def match_with_consent(
    market: Market, shared: Mapping[str, Iterable[str]], *, scrape_unsigned: bool = False
) -> dict[str, str | None]:
    """Match the market using only what ``shared`` allows; everyone -> partner or None.

    Raises
    ------
    ConsentError
        ``market`` is not a :class:`Market`, ``shared`` is not a mapping of people to
        categories or names a category that does not exist, or ``scrape_unsigned`` is not
        True or False. (People in ``shared`` but not in the market are ignored.)

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> people = load_people()
    >>> market = market_from_tables(people[people["role"] == "tester"],
    ...                             people[people["role"] == "candidate"])
    >>> everything = {pid: tuple(CATEGORIES) for pid in people["person_id"]}
    >>> match_with_consent(market, everything)["T03"]  # Lucas and Léopold
    'C03'
    """
    _check_consent_inputs(market, shared, scrape_unsigned)
    sp, sr = shared_masks(market, shared, scrape_unsigned=scrape_unsigned)
    forward = compatibility_scores(
        market.proposer_traits,
        market.proposer_weights,
        shared=sp,
        other_traits=market.reviewer_traits,
        other_shared=sr,
    )
    backward = compatibility_scores(
        market.reviewer_traits,
        market.reviewer_weights,
        shared=sr,
        other_traits=market.proposer_traits,
        other_shared=sp,
    )
    forward[~market.allowed] = np.nan
    backward[~market.allowed.T] = np.nan
    match = deferred_acceptance_arrays(
        preferences_from_scores(forward), preferences_from_scores(backward), validate=False
    )
    partners: dict[str, str | None] = dict.fromkeys(market.proposers + market.reviewers)
    for i, j in enumerate(match):
        if j >= 0:
            partners[market.proposers[i]] = market.reviewers[j]
            partners[market.reviewers[j]] = market.proposers[i]
    return partners


def _check_consent_inputs(market, shared, scrape_unsigned) -> None:
    if not isinstance(market, Market):
        raise ConsentError(f"market must be a Market (market_from_tables(...)), got {market!r}.")
    yes_no(scrape_unsigned, what="scrape_unsigned")
    if not isinstance(shared, Mapping):
        raise ConsentError("shared must map each person to the categories they share.")
    for pid, categories in shared.items():
        listed = (categories,) if isinstance(categories, str) else categories
        try:
            unknown = [c for c in listed if c not in CATEGORIES]
        except TypeError:
            unknown = [categories]
        if unknown:
            raise ConsentError(
                f"shared[{pid!r}] names {unknown[0]!r}, not a category; "
                f"known: {', '.join(CATEGORIES)}."
            )


def match_changes(
    before: Mapping[str, str | None], after: Mapping[str, str | None]
) -> list[tuple[str, str | None, str | None]]:
    """Return (person, partner before, partner after) for everyone whose partner changed.

    >>> match_changes({"a": "x", "x": "a", "b": None}, {"a": None, "x": None, "b": None})
    [('a', 'x', None), ('x', 'a', None)]
    """
    return [
        (pid, before.get(pid), after.get(pid)) for pid in after if before.get(pid) != after.get(pid)
    ]


def _seeks(seekers: pd.DataFrame, sought: pd.DataFrame) -> np.ndarray:
    wanted = seekers["seeking"].map(_SOUGHT).to_numpy()[:, None]
    everyone = (seekers["seeking"] == "everyone").to_numpy()[:, None]
    return everyone | (wanted == sought["gender"].to_numpy()[None, :])


def _same_age_group(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    return (a["age"].to_numpy() < 18)[:, None] == (b["age"].to_numpy() < 18)[None, :]
