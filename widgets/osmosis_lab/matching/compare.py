"""Compare matchings: who got their how-manieth choice, happiness points, and lying.

Import as ``from osmosis_lab.matching import compare``.

References: D. Gale and M. Sotomayor (1985), "Ms. Machiavelli and the stable
matching problem", The American Mathematical Monthly 92, 261-268; L. E. Dubins
and D. A. Freedman (1981), "Machiavelli and the Gale-Shapley algorithm", The
American Mathematical Monthly 88(7), 485-494; A. E. Roth (1982), "The economics
of matching: stability and incentives", Mathematics of Operations Research 7(4),
617-628.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from osmosis_lab.errors import InvalidPreferences

from ._checks import check_matching, check_two_sided, ordinal
from .deferred import deferred_acceptance

#: The ways a person can misreport their list in the "What if I lie?" explorer.
LIES = {
    "truth": "tells the truth",
    "swap": "swaps their first two choices",
    "truncate": "drops everyone below the best partner they could hope for",
}


def partner_ranks(matching, proposer_prefs, reviewer_prefs):
    """Everyone's partner and that partner's place on their list (1 = first choice).

    Raises
    ------
    InvalidPreferences
        The preference lists are malformed, or the matching pairs someone with a person who is
        not on their list or not on the other side.

    Examples
    --------
    >>> table = partner_ranks({"a": "A", "b": None}, {"a": ["A"], "b": ["A"]}, {"A": ["b", "a"]})
    >>> table.to_dict("records")[0]
    {'person': 'a', 'side': 'proposer', 'partner': 'A', 'rank': 1.0, 'list_length': 1}
    >>> table["rank"].tolist()
    [1.0, nan, 2.0]
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    matching = check_matching(matching, proposers, reviewers, dict.fromkeys(reviewers, 1))
    holder = {r: p for p, r in matching.items() if r is not None}
    rows = [_row(p, "proposer", matching.get(p), proposers[p]) for p in proposers]
    rows += [_row(r, "reviewer", holder.get(r), reviewers[r]) for r in reviewers]
    return pd.DataFrame(rows)


def _row(person, side, partner, ranking):
    rank = np.nan if partner is None else float(ranking.index(partner) + 1)
    return {
        "person": person,
        "side": side,
        "partner": partner,
        "rank": rank,
        "list_length": len(ranking),
    }


def happiness_points(proposer_prefs, reviewer_prefs):
    """Points for every pair: each partner scores ``k + 1 - place`` (k = the bigger side).

    Your first choice gives you ``k`` points, your last 1; being unmatched gives 0.
    A pair's value is the sum of both partners' points; pairs that are not on
    both lists are ``NaN``. Feed it to ``max_welfare_matching``.

    Raises
    ------
    InvalidPreferences
        The preference lists are malformed (empty, unknown or repeated names).

    Examples
    --------
    >>> happiness_points({"a": ["A", "B"]}, {"A": ["a"], "B": ["a"]})
         A    B
    a  4.0  3.0
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    k = max(len(proposers), len(reviewers))
    table = pd.DataFrame(np.nan, index=list(proposers), columns=list(reviewers))
    for p, ranking in proposers.items():
        for place, r in enumerate(ranking):
            if p in reviewers[r]:
                table.loc[p, r] = (k - place) + (k - reviewers[r].index(p))
    return table


def total_points(matching, proposer_prefs, reviewer_prefs):
    """The happiness points of a whole matching (see :func:`happiness_points`).

    Raises
    ------
    InvalidPreferences
        The preference lists are malformed, or the matching pairs someone with a person who is
        not on their list or not on the other side.

    Examples
    --------
    >>> total_points({"a": "B"}, {"a": ["A", "B"]}, {"A": ["a"], "B": ["a"]})
    3.0
    """
    points = happiness_points(proposer_prefs, reviewer_prefs)
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    matching = check_matching(matching, proposers, reviewers, dict.fromkeys(reviewers, 1))
    return float(sum(points.loc[p, r] for p, r in matching.items() if r is not None))


@dataclass(frozen=True)
class LieOutcome:
    """What happened when ``liar`` reported ``reported`` instead of their true list."""

    liar: str
    how: str
    reported: tuple[str, ...]
    partner_truth: str | None
    partner_lie: str | None
    rank_truth: int | None  # places on the liar's TRUE list (1 = first choice)
    rank_lie: int | None
    others_changed: tuple[str, ...]
    verdict: str


def lie_outcome(proposer_prefs, reviewer_prefs, liar, how):
    """Run deferred acceptance (proposers propose) with and without ``liar``'s lie.

    Parameters
    ----------
    liar : str
        A proposer or a reviewer.
    how : {"truth", "swap", "truncate"}
        See :data:`LIES`. "truncate" keeps the liar's list down to the best
        partner they have in any stable matching (Gale and Sotomayor's trick).

    Raises
    ------
    InvalidPreferences
        The preference lists are malformed, liar is on neither side, or how is not one of LIES.

    Examples
    --------
    >>> from osmosis_lab.matching.scenarios import gale_shapley_example
    >>> men, women = gale_shapley_example()
    >>> outcome = lie_outcome(men, women, "A", "truncate")
    >>> outcome.reported, outcome.rank_truth, outcome.rank_lie
    (('beta',), 3, 1)
    >>> print(outcome.verdict)
    The lie paid off: A gets beta (1st on A's true list) instead of alpha (3rd).
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    if how not in LIES:
        raise InvalidPreferences(f"how must be one of {sorted(LIES)}, got {how!r}.")
    if liar not in proposers and liar not in reviewers:
        raise InvalidPreferences(f"{liar!r} is neither a proposer nor a reviewer.")
    is_proposer = liar in proposers
    true_list = (proposers if is_proposer else reviewers)[liar]
    reported = _misreport(true_list, how, _best_stable_partner(proposers, reviewers, liar))
    p_lie = {**proposers, liar: reported} if is_proposer else proposers
    r_lie = reviewers if is_proposer else {**reviewers, liar: reported}
    before = _partners(deferred_acceptance(proposers, reviewers), reviewers)
    after = _partners(deferred_acceptance(p_lie, r_lie), reviewers)
    changed = tuple(x for x in before if x != liar and before[x] != after[x])
    ranks = [
        None if after_ is None else true_list.index(after_) + 1
        for after_ in (before[liar], after[liar])
    ]
    verdict = _verdict(liar, before[liar], after[liar], ranks)
    return LieOutcome(
        liar, how, tuple(reported), before[liar], after[liar], *ranks, changed, verdict
    )


def _best_stable_partner(proposers, reviewers, person):
    """The partner ``person`` gets when their own side proposes: their best stable one."""
    if person in proposers:
        return deferred_acceptance(proposers, reviewers)[person]
    return deferred_acceptance(reviewers, proposers)[person]


def _misreport(true_list, how, best):
    if how == "swap" and len(true_list) >= 2:
        return [true_list[1], true_list[0], *true_list[2:]]
    if how == "truncate" and best is not None:
        return true_list[: true_list.index(best) + 1]
    return list(true_list)


def _partners(matching, reviewers):
    """Everyone's partner, both sides, ``None`` for the unmatched."""
    both = dict.fromkeys(reviewers)
    both.update(matching)
    both.update({r: p for p, r in matching.items() if r is not None})
    return both


def _verdict(liar, truth, lie, ranks):
    if truth == lie:
        return f"No change: {liar} gets {_says(truth, ranks[0])} either way."
    better = ranks[1] is not None and (ranks[0] is None or ranks[1] < ranks[0])
    result = "The lie paid off" if better else "The lie backfired"
    return (
        f"{result}: {liar} gets {_says(lie, ranks[1], liar)} instead of {_says(truth, ranks[0])}."
    )


def _says(partner, rank, owner=None):
    if partner is None:
        return "nobody"
    whose = f" on {owner}'s true list" if owner else ""
    return f"{partner} ({ordinal(rank)}{whose})"


def proposal_grid(events, proposer_prefs, *, upto):
    """Who has proposed to whom after the first ``upto`` events of ``deferred_acceptance_steps``.

    One row per acceptable pair (proposer, reviewer) with ``place`` (the
    reviewer's place on the proposer's list) and ``status``: "not asked yet",
    "proposing now" (asked, no answer yet), "held" or "rejected".

    Raises
    ------
    InvalidPreferences
        proposer_prefs is not a dict of lists, an event is not one of deferred_acceptance_steps'
        events for these lists, or upto is not a whole number.

    Examples
    --------
    >>> from osmosis_lab.matching import deferred_acceptance_steps
    >>> events = deferred_acceptance_steps({"a": ["A", "B"]}, {"A": [], "B": ["a"]})
    >>> proposal_grid(events, {"a": ["A", "B"]}, upto=3)["status"].tolist()
    ['rejected', 'proposing now']
    """
    if not isinstance(proposer_prefs, Mapping) or not all(
        isinstance(ranking, list | tuple) for ranking in proposer_prefs.values()
    ):
        raise InvalidPreferences(
            "proposer_prefs must be a dict of lists, as for deferred_acceptance."
        )
    if isinstance(upto, bool) or not isinstance(upto, int):
        raise InvalidPreferences(f"upto must be a whole number of events, got {upto!r}.")
    grid = {
        (p, r): {"proposer": p, "reviewer": r, "place": place, "status": "not asked yet"}
        for p, ranking in proposer_prefs.items()
        for place, r in enumerate(ranking, start=1)
    }
    status = {"proposal": "proposing now", "acceptance": "held", "rejection": "rejected"}
    for event in list(events)[: max(upto, 0)]:
        if getattr(event, "kind", None) not in status:
            continue  # other kinds of event (a round ending, the result) change no pair
        pair = (event.proposer, event.reviewer)
        if pair not in grid:
            raise InvalidPreferences(
                f"event {event!r} is about {pair[0]!r} and {pair[1]!r}, who are not an acceptable "
                "pair in proposer_prefs; pass the events deferred_acceptance_steps gave for "
                "these lists."
            )
        grid[pair]["status"] = status[event.kind]
    return pd.DataFrame(list(grid.values()), columns=["proposer", "reviewer", "place", "status"])
