"""Checks on preference dictionaries, shared by every algorithm in this package.

Each check raises :class:`~osmosis_lab.errors.InvalidPreferences` with a message
that names the person and the position that is wrong, and says what to do.
"""

from collections.abc import Mapping

from osmosis_lab.errors import InvalidPreferences

#: Above this many people per side, brute-force helpers refuse to run.
SMALL_INSTANCE = 12


def check_side(prefs, side: str, other: Mapping | None, other_side: str) -> dict[str, list[str]]:
    """Return ``prefs`` as a plain dict of lists after checking every entry.

    ``other`` is the other side's preferences (``None`` for roommates, where
    everyone ranks people of the same population).
    """
    check_keys(prefs, side)
    pool = prefs if other is None else other
    return {
        name: check_list(name, ranking, side, prefs, pool, other_side)
        for name, ranking in prefs.items()
    }


def check_keys(prefs, side: str) -> None:
    """A non-empty mapping whose keys are names."""
    if not isinstance(prefs, Mapping):
        raise InvalidPreferences(
            f"{side} preferences must be a dict mapping each name to a list of names, "
            f"got {type(prefs).__name__}."
        )
    if not prefs:
        raise InvalidPreferences(
            f"{side} preferences are empty: give at least one person with a list, "
            "for example {'Ana': ['Simon', 'Claire']}."
        )
    for name in prefs:
        check_name(name, f"a {side} name")


def check_name(name, what: str) -> None:
    """Names are strings, so that '1' and 1 can never be confused."""
    if not isinstance(name, str) or not name:
        raise InvalidPreferences(
            f"{what} must be a non-empty string, got {name!r} ({type(name).__name__}); "
            "write names as text, e.g. 'T01' rather than 1."
        )


def check_list(name, ranking, side, same, pool, other_side) -> list[str]:
    """Check one person's list: strictly ordered, no repeats, only people they can meet."""
    if isinstance(ranking, Mapping):
        ranks = list(ranking.values())
        detail = (
            "two people share a rank (a tie)"
            if len(set(map(repr, ranks))) < len(ranks)
            else "ranks were given as a mapping"
        )
        raise InvalidPreferences(
            f"{side} {name!r}: {detail}. Give a list ordered best first, one name per place; "
            "to break ties visibly use preferences_from_scores(..., tie_break=...)."
        )
    if isinstance(ranking, str | bytes) or not isinstance(ranking, list | tuple):
        raise InvalidPreferences(
            f"{side} {name!r}: the preferences must be a list of names best first, "
            f"got {type(ranking).__name__} {ranking!r}."
        )
    entries = set(ranking) if set(map(type, ranking)) <= {str} else None
    if (
        entries is not None
        and len(entries) == len(ranking)
        and name not in entries
        and pool.keys() >= entries
        and (pool is same or entries.isdisjoint(same))
    ):
        return list(ranking)  # the common, valid case, checked with set operations
    seen: set[str] = set()
    for place, entry in enumerate(ranking, start=1):
        check_entry(
            entry, f"{side} {name!r}, place {place}", name, seen, (side, same), (other_side, pool)
        )
        seen.add(entry)
    return list(ranking)


def check_entry(entry, where, name, seen, own, others) -> None:
    """One place in a list: a single known name from the other side, not seen before."""
    (side, same), (other_side, pool) = own, others
    if isinstance(entry, list | tuple | set | frozenset):
        raise InvalidPreferences(
            f"{where}: {sorted(map(str, entry))} are ranked as equals (a tie). "
            "Deferred acceptance needs a strict order: put one name per place."
        )
    check_name(entry, f"{where}: the entry")
    if entry in seen:
        raise InvalidPreferences(f"{where}: {entry!r} appears twice; keep only one place.")
    if entry == name:
        raise InvalidPreferences(f"{where}: {name!r} ranks themselves; remove that entry.")
    if pool is not same and entry in same:
        raise InvalidPreferences(
            f"{where}: {entry!r} is on the same side ({side}); a two-sided list may only "
            f"name {other_side}s. For one population without sides use stable_roommates."
        )
    if entry not in pool:
        raise InvalidPreferences(
            f"{where}: unknown name {entry!r}; every name must be a key of the "
            f"{other_side if pool is not same else side} preferences."
        )


def check_two_sided(proposer_prefs, reviewer_prefs):
    """Check both sides of a two-sided instance and that nobody is on both sides."""
    check_keys(proposer_prefs, "proposer")
    check_keys(reviewer_prefs, "reviewer")
    both = sorted(set(proposer_prefs) & set(reviewer_prefs))
    if both:
        raise InvalidPreferences(
            f"{both[0]!r} is both a proposer and a reviewer; each person belongs to one side. "
            "Rename one of them, or use stable_roommates for a single population."
        )
    proposers = check_side(proposer_prefs, "proposer", reviewer_prefs, "reviewer")
    reviewers = check_side(reviewer_prefs, "reviewer", proposer_prefs, "proposer")
    return proposers, reviewers


def check_capacities(capacities, reviewers) -> dict[str, int]:
    """Seats per reviewer; reviewers not named get one seat."""
    if capacities is None:
        return dict.fromkeys(reviewers, 1)
    if not isinstance(capacities, Mapping):
        raise InvalidPreferences(
            f"capacities must be a dict mapping reviewer -> seats, got {type(capacities).__name__}."
        )
    seats = dict.fromkeys(reviewers, 1)
    for name, count in capacities.items():
        if name not in reviewers:
            raise InvalidPreferences(
                f"capacities names {name!r}, who is not a reviewer; only reviewers have seats."
            )
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InvalidPreferences(
                f"capacities[{name!r}] = {count!r}: seats must be a whole number >= 1."
            )
        seats[name] = count
    return seats


def check_matching(matching, proposers, reviewers, seats) -> dict:
    """Check a proposer -> reviewer (or None) dict against the two sides."""
    if not isinstance(matching, Mapping):
        raise InvalidPreferences(
            f"the matching must be a dict proposer -> reviewer or None, "
            f"got {type(matching).__name__}."
        )
    # proposers left out of the dict count as unmatched
    full = {p: matching.get(p) for p in proposers}
    extra = [p for p in matching if p not in proposers]
    if extra:
        raise InvalidPreferences(f"the matching names {extra[0]!r}, who is not a proposer.")
    load = dict.fromkeys(reviewers, 0)
    for p, r in full.items():
        if r is None:
            continue
        if r not in reviewers:
            raise InvalidPreferences(f"the matching pairs {p!r} with {r!r}, who is not a reviewer.")
        if p not in reviewers[r] or r not in proposers[p]:
            raise InvalidPreferences(
                f"the matching pairs {p!r} with {r!r}, but one of them does not list the other: "
                "a matching may only pair people who accept each other."
            )
        load[r] += 1
        if load[r] > seats[r]:
            raise InvalidPreferences(
                f"the matching gives {r!r} {load[r]} partners but {r!r} has {seats[r]} seat(s)."
            )
    return full


def rank_maps(prefs: Mapping[str, list[str]]) -> dict[str, dict[str, int]]:
    """Position of each name in each list (0 = first choice)."""
    return {who: {other: i for i, other in enumerate(ranking)} for who, ranking in prefs.items()}


def ordinal(k: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"
