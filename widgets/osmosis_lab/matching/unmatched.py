"""Why someone is left alone: the reason each unmatched person has, read from the market.

In a two-sided market a person ends up unmatched for one of two reasons, and
in a *stable* matching always one of them (otherwise they and a willing
partner would form a blocking pair):

* **no acceptable partner** (``NO_ACCEPTABLE_PARTNER``): nobody they list also
  lists them, so nobody could ever be paired with them (this includes an empty
  list, e.g. nobody they may meet);
* **every acceptable partner held someone they preferred**
  (``ALL_PREFERRED_SOMEONE_ELSE``): each person who would accept them ended up
  with a partner that person ranks higher.

A matching that is not stable (such as the one with the best total points) can
also leave someone out although a willing partner is free or would prefer them:
``LEFT_OUT``, with those partners named.

Words for learners live in the explorers; this module returns plain data.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

from dataclasses import dataclass

from ._checks import check_capacities, check_matching, check_two_sided, rank_maps

#: Nobody they list lists them back (or their list is empty).
NO_ACCEPTABLE_PARTNER = "no acceptable partner"
#: Everyone who would accept them is with someone they rank higher.
ALL_PREFERRED_SOMEONE_ELSE = "every acceptable partner held someone they preferred"
#: Some willing partner is free or ranks them higher than their partner (not stable).
LEFT_OUT = "left out although a willing partner would take them"
REASONS = (NO_ACCEPTABLE_PARTNER, ALL_PREFERRED_SOMEONE_ELSE, LEFT_OUT)


@dataclass(frozen=True)
class UnmatchedReason:
    """Why ``person`` (on ``side``) has no partner in a given matching.

    Attributes
    ----------
    person, side : str
        The unmatched person and their side, ``"proposer"`` or ``"reviewer"``.
    reason : str
        One of :data:`REASONS`.
    listed : tuple of str
        Everyone on the person's own list, best first.
    acceptable : tuple of str
        Those on their list who also list them (could ever be their partner).
    held : tuple of (str, str or None)
        For each acceptable partner, whom that partner ended up with (``None``: nobody).
    willing : tuple of str
        Acceptable partners who are alone or rank ``person`` above their partner:
        each would form a blocking pair with ``person`` (empty in a stable matching).
    """

    person: str
    side: str
    reason: str
    listed: tuple[str, ...]
    acceptable: tuple[str, ...]
    held: tuple[tuple[str, str | None], ...]
    willing: tuple[str, ...]


def unmatched_reasons(matching, proposer_prefs, reviewer_prefs) -> list[UnmatchedReason]:
    """Everyone without a partner in ``matching``, each with the reason the market gives.

    Parameters
    ----------
    matching : dict of str to str or None
        Each proposer's reviewer or ``None``, as :func:`deferred_acceptance` returns
        (proposers left out of the dict are unmatched).
    proposer_prefs, reviewer_prefs : dict of str to list of str
        Preferences, best first; a name missing from a list is a refusal.

    Returns
    -------
    list of UnmatchedReason
        Unmatched proposers in their order, then unmatched reviewers. In a stable
        matching no reason is :data:`LEFT_OUT`.

    Raises
    ------
    InvalidPreferences
        Bad preferences, or a matching that names unknown people, gives a
        reviewer two partners, or pairs people who do not both list each other.

    Examples
    --------
    >>> proposers = {"a": ["A"], "b": ["A"], "c": ["B"]}
    >>> reviewers = {"A": ["a", "b"], "B": []}
    >>> for why in unmatched_reasons({"a": "A", "b": None, "c": None}, proposers, reviewers):
    ...     print(why.person, "|", why.reason, "|", why.held)
    b | every acceptable partner held someone they preferred | (('A', 'a'),)
    c | no acceptable partner | ()
    B | no acceptable partner | ()
    >>> unmatched_reasons({"a": None, "b": None, "c": None}, proposers, reviewers)[0].reason
    'left out although a willing partner would take them'
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    partner = check_matching(matching, proposers, reviewers, check_capacities(None, reviewers))
    partner.update({r: p for p, r in list(partner.items()) if r is not None})
    ranks = rank_maps(proposers) | rank_maps(reviewers)
    found = []
    for side, prefs, others in (
        ("proposer", proposers, reviewers),
        ("reviewer", reviewers, proposers),
    ):
        for person, ranking in prefs.items():
            if partner.get(person) is None:
                found.append(_reason(person, side, ranking, others, partner, ranks))
    return found


def _reason(person, side, ranking, others, partner, ranks) -> UnmatchedReason:
    acceptable = tuple(q for q in ranking if person in others[q])
    held = tuple((q, partner.get(q)) for q in acceptable)
    # q would take person if q is alone or ranks person above q's partner
    willing = tuple(q for q, h in held if h is None or ranks[q][person] < ranks[q][h])
    if not acceptable:
        reason = NO_ACCEPTABLE_PARTNER
    elif willing:
        reason = LEFT_OUT
    else:
        reason = ALL_PREFERRED_SOMEONE_ELSE
    return UnmatchedReason(person, side, reason, tuple(ranking), acceptable, held, willing)
