"""Deferred acceptance on preference dictionaries, as a result or as a story of events.

References: D. Gale and L. S. Shapley (1962), "College Admissions and the
Stability of Marriage", The American Mathematical Monthly 69(1), 9-15.
"""

from collections import deque
from dataclasses import dataclass

from ._checks import check_capacities, check_two_sided, ordinal, rank_maps


@dataclass(frozen=True)
class MatchEvent:
    """One step of deferred acceptance.

    ``step`` counts from 1, ``text`` says what happened in words, and ``held``
    lists the (proposer, reviewer) pairs tentatively together *after* the step.
    """

    step: int
    text: str
    held: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Proposal(MatchEvent):
    """``proposer`` asks ``reviewer``, their ``choice``-th choice (1 = first)."""

    proposer: str
    reviewer: str
    choice: int
    kind = "proposal"


@dataclass(frozen=True)
class Acceptance(MatchEvent):
    """``reviewer`` tentatively holds ``proposer`` (and lets ``displaced`` go, if any)."""

    reviewer: str
    proposer: str
    displaced: str | None
    kind = "acceptance"


@dataclass(frozen=True)
class Rejection(MatchEvent):
    """``reviewer`` turns ``proposer`` down (or lets them go); ``reason`` says why."""

    reviewer: str
    proposer: str
    reason: str
    kind = "rejection"


@dataclass(frozen=True)
class Final(MatchEvent):
    """Nobody is left to propose: ``matching`` is the result, proposer -> reviewer or None."""

    matching: tuple[tuple[str, str | None], ...]
    kind = "final"


def _propose(proposers, reviewers, seats):
    """Run deferred acceptance, yielding raw tuples the two public functions turn into results.

    Free proposers wait in a queue in input order; someone rejected proposes
    again at once, so a printed log reads as one chain of events.
    """
    rank = rank_maps(reviewers)
    next_choice = dict.fromkeys(proposers, 0)
    held = {r: [] for r in reviewers}
    free = deque(proposers)
    while free:
        p = free.popleft()
        if next_choice[p] == len(proposers[p]):
            continue  # asked everyone on their list: stays unmatched
        r = proposers[p][next_choice[p]]
        next_choice[p] += 1
        yield ("proposal", p, r, next_choice[p])
        if p not in rank[r]:
            yield ("rejection", r, p, None, None)
            free.appendleft(p)
            continue
        holding = held[r]
        if len(holding) < seats[r]:
            holding.append(p)
            yield ("acceptance", r, p, None)
            continue
        worst = max(holding, key=rank[r].__getitem__)
        if rank[r][p] < rank[r][worst]:
            holding[holding.index(worst)] = p
            yield ("acceptance", r, p, worst)
            yield ("rejection", r, worst, p, worst)
            free.appendleft(worst)
        else:
            yield ("rejection", r, p, worst, p)
            free.appendleft(p)
    yield ("final", held)


def _reason(r, p, better, worse, ranks) -> str:
    """Why r turns p down, in words (built only for the step-by-step story)."""
    if better is None:
        return f"{p} is not on {r}'s list"
    return (
        f"{r} prefers {better} ({ordinal(ranks[better] + 1)} on {r}'s list) "
        f"to {worse} ({ordinal(ranks[worse] + 1)})"
    )


def _result(proposers, held) -> dict[str, str | None]:
    partner = dict.fromkeys(proposers)
    for r, holding in held.items():
        for p in holding:
            partner[p] = r
    return partner


def deferred_acceptance(proposer_prefs, reviewer_prefs, *, capacities=None):
    """Match two sides by deferred acceptance, the proposers asking in turn.

    Parameters
    ----------
    proposer_prefs, reviewer_prefs : dict of str to list of str
        Each person's acceptable partners on the other side, best first. A name
        missing from a list is a refusal: those two are never matched.
    capacities : dict of str to int, optional
        Seats per reviewer (many-to-one matching, as in college admissions).
        Reviewers not named have one seat.

    Returns
    -------
    dict of str to str or None
        Every proposer's reviewer, or ``None`` for an unmatched proposer. The
        result is stable and the best stable result for every proposer.

    Raises
    ------
    InvalidPreferences
        Unknown or non-string names, repeats, ties, empty input, a list that
        names someone on the same side, bad capacities.

    References
    ----------
    Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
    Marriage. The American Mathematical Monthly 69(1), 9-15.

    Examples
    --------
    Gale and Shapley's Example 1: every proposer gets their first choice.

    >>> men = {"a": ["A", "B", "C"], "b": ["B", "C", "A"], "c": ["C", "A", "B"]}
    >>> women = {"A": ["b", "c", "a"], "B": ["c", "a", "b"], "C": ["a", "b", "c"]}
    >>> deferred_acceptance(men, women)
    {'a': 'A', 'b': 'B', 'c': 'C'}
    >>> deferred_acceptance(women, men)
    {'A': 'b', 'B': 'c', 'C': 'a'}
    >>> deferred_acceptance({"x": ["H"], "y": ["H"]}, {"H": ["y", "x"]}, capacities={"H": 2})
    {'x': 'H', 'y': 'H'}
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    seats = check_capacities(capacities, reviewers)
    *_, (_, held) = _propose(proposers, reviewers, seats)
    return _result(proposers, held)


def deferred_acceptance_steps(proposer_prefs, reviewer_prefs, *, capacities=None):
    """Deferred acceptance as a list of events, for stepping through by hand.

    Takes the same arguments as :func:`deferred_acceptance` and returns a list of
    :class:`Proposal`, :class:`Acceptance` and :class:`Rejection` events ending
    with one :class:`Final` event whose ``matching`` equals that function's result.

    References
    ----------
    Gale, D. and Shapley, L. S. (1962). College Admissions and the Stability of
    Marriage. The American Mathematical Monthly 69(1), 9-15.

    Raises
    ------
    InvalidPreferences
        The preference lists are malformed (empty, unknown or repeated names, a person ranking
        themselves), or a capacity is not a whole number of at least 1.

    Examples
    --------
    >>> events = deferred_acceptance_steps({"Ana": ["Simon"], "Lea": ["Simon"]},
    ...                                    {"Simon": ["Lea", "Ana"]})
    >>> for event in events:
    ...     print(event.step, event.kind, "|", event.text)
    1 proposal | Ana proposes to Simon (Ana's 1st choice).
    2 acceptance | Simon tentatively accepts Ana.
    3 proposal | Lea proposes to Simon (Lea's 1st choice).
    4 acceptance | Simon tentatively accepts Lea and lets Ana go.
    5 rejection | Simon rejects Ana: Simon prefers Lea (1st on Simon's list) to Ana (2nd).
    6 final | Done: 1 pair(s); unmatched: Ana.
    >>> dict(events[-1].matching)
    {'Ana': None, 'Lea': 'Simon'}
    """
    proposers, reviewers = check_two_sided(proposer_prefs, reviewer_prefs)
    seats = check_capacities(capacities, reviewers)
    order = {p: i for i, p in enumerate(proposers)}
    ranks = rank_maps(reviewers)
    pairs: dict[str, str] = {}
    events = []
    for step, raw in enumerate(_propose(proposers, reviewers, seats), start=1):
        kind = raw[0]
        if kind == "acceptance":
            pairs[raw[2]] = raw[1]
        elif kind == "rejection":
            pairs.pop(raw[2], None)
        held = tuple(sorted(pairs.items(), key=lambda pr: order[pr[0]]))
        events.append(_event(step, raw, held, proposers, ranks))
    return events


def _event(step, raw, held, proposers, ranks):
    kind = raw[0]
    if kind == "proposal":
        _, p, r, choice = raw
        text = f"{p} proposes to {r} ({p}'s {ordinal(choice)} choice)."
        return Proposal(step, text, held, p, r, choice)
    if kind == "acceptance":
        _, r, p, displaced = raw
        text = f"{r} tentatively accepts {p}" + (f" and lets {displaced} go." if displaced else ".")
        return Acceptance(step, text, held, r, p, displaced)
    if kind == "rejection":
        _, r, p, better, worse = raw
        reason = _reason(r, p, better, worse, ranks[r])
        return Rejection(step, f"{r} rejects {p}: {reason}.", held, r, p, reason)
    matching = tuple(_result(proposers, raw[1]).items())
    alone = [p for p, r in matching if r is None]
    text = f"Done: {len(matching) - len(alone)} pair(s); unmatched: {', '.join(alone) or 'nobody'}."
    return Final(step, text, held, matching)
