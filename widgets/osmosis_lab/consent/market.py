"""Re-run the match from what the consent ledger lets Osmosis use for matching.

Two sides: people who propose and people who are proposed to (the testers and
the candidates; in the city, the signed-up residents join the first side and
the residents who never signed up the second, since Osmosis looks for
soulmates among people it found). Scores come from the matching engine's
:func:`~osmosis_lab.matching.compatibility_scores`, over the categories *both*
people let it use, so one person's refusal changes how others are scored.
Who may be matched with whom (each seeking the other's gender, minors only
with minors) is the matching engine's one rule,
:func:`osmosis_lab.matching.eligibility.may_meet`; the market is built from the
data set's columns by ``osmosis_lab.data.markets.market_from_tables``.

References
----------
Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
Marriage. The American Mathematical Monthly 69(1), 9-15.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent._checks import yes_no
from osmosis_lab.errors import ConsentError
from osmosis_lab.matching import compatibility_scores, deferred_acceptance_arrays
from osmosis_lab.matching.eligibility import MarketPreferences, Profiles, eligible_preferences


@dataclass(frozen=True, eq=False)
class Market:
    """Both sides of a market, as arrays ready for repeated re-matching.

    Built from the data set's tables by ``osmosis_lab.data.markets.market_from_tables``;
    who may meet whom comes from ``proposer_profiles`` and ``reviewer_profiles``
    through :func:`osmosis_lab.matching.eligibility.may_meet`.
    """

    proposers: tuple[str, ...]
    reviewers: tuple[str, ...]
    proposer_traits: np.ndarray
    proposer_weights: np.ndarray
    reviewer_traits: np.ndarray
    reviewer_weights: np.ndarray
    proposer_profiles: Profiles
    reviewer_profiles: Profiles
    never_signed_up: frozenset[str]

    @property
    def allowed(self) -> np.ndarray:
        """allowed[i, j]: proposer i and reviewer j may be matched (read-only)."""
        return self.proposer_profiles.may_meet(self.reviewer_profiles)


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
    >>> from osmosis_lab.data.markets import market_from_tables
    >>> people = load_people()
    >>> market = market_from_tables(people[people["role"] == "tester"],
    ...                             people[people["role"] == "candidate"])
    >>> everything = {pid: tuple(CATEGORIES) for pid in people["person_id"]}
    >>> match_with_consent(market, everything)["T03"]  # Lucas and Léopold
    'C03'
    """
    _check_consent_inputs(market, shared, scrape_unsigned)
    sp, sr = shared_masks(market, shared, scrape_unsigned=scrape_unsigned)
    match = deferred_acceptance_arrays(*consented_preferences(market, sp, sr), validate=False)
    partners: dict[str, str | None] = dict.fromkeys(market.proposers + market.reviewers)
    for i, j in enumerate(match):
        if j >= 0:
            partners[market.proposers[i]] = market.reviewers[j]
            partners[market.reviewers[j]] = market.proposers[i]
    return partners


def consented_preferences(
    market: Market, proposer_shared: np.ndarray, reviewer_shared: np.ndarray
) -> MarketPreferences:
    """Both sides' preference arrays over the categories each pair shares, pairs who may meet only.

    ``proposer_shared`` and ``reviewer_shared`` are the boolean tables of
    :func:`shared_masks` (one row per person, one column per category).

    Raises
    ------
    SchemaError
        Share tables of the wrong shape or type (see ``compatibility_scores``).

    Examples
    --------
    >>> from osmosis_lab.data import load_people
    >>> from osmosis_lab.data.markets import market_from_tables
    >>> people = load_people()
    >>> market = market_from_tables(people[people["role"] == "tester"],
    ...                             people[people["role"] == "candidate"])
    >>> everything = {pid: tuple(CATEGORIES) for pid in people["person_id"]}
    >>> testers, candidates = consented_preferences(market, *shared_masks(market, everything))
    >>> [market.reviewers[j] for j in testers[0] if j >= 0]  # Niels, 17: only Claire, 17
    ['C01']
    """
    forward = compatibility_scores(
        market.proposer_traits,
        market.proposer_weights,
        shared=proposer_shared,
        other_traits=market.reviewer_traits,
        other_shared=reviewer_shared,
    )
    backward = compatibility_scores(
        market.reviewer_traits,
        market.reviewer_weights,
        shared=reviewer_shared,
        other_traits=market.proposer_traits,
        other_shared=proposer_shared,
    )
    return eligible_preferences(
        forward, backward, market.proposer_profiles, market.reviewer_profiles
    )


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
