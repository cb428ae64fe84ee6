"""Blocking pairs, checked against a brute-force reference over every matching of small markets.

Gale and Shapley's guarantee is that deferred acceptance leaves no blocking pair; ``is_stable``
and ``blocking_pairs`` are how the lessons (and these tests) say so, and lesson 01 prints each
pair's ``reason`` to the learner. So they must find exactly the pairs that block, in the
documented order, and each reason must be true of the lists: tried here on every individually
rational matching (stable or not) of random markets, with and without several seats. Written
for the mutants of ``matching/stability.py`` (benchmarks/MUTATION.md).
"""

from hypothesis import given, settings

from matching_support import all_matchings, prefers, two_sided
from osmosis_lab.matching import blocking_pairs, is_stable
from osmosis_lab.matching._checks import ordinal


def reference_blocking(matching, p_prefs, r_prefs, seats):
    """(proposer, reviewer) pairs who would both rather be together: proposers in order, then
    each proposer's list in order; a reviewer with a free seat takes anyone on their list."""
    held = {r: [p for p, rr in matching.items() if rr == r] for r in r_prefs}
    found = []
    for p, ranking in p_prefs.items():
        for r in ranking:
            if r == matching[p] or not prefers(p_prefs, p, r, matching[p]):
                continue
            if p not in r_prefs[r]:
                continue
            if len(held[r]) < seats[r] or any(prefers(r_prefs, r, p, q) for q in held[r]):
                found.append((p, r))
    return found


def place(prefs, who, whom):
    return ordinal(prefs[who].index(whom) + 1)


def expected_reason(p, r, matching, p_prefs, r_prefs, seats):
    """What the reason must say, read off the lists: each side's ranks as positions (1st ...)."""
    current = matching[p]
    if current is None:
        mine = f"{p} is unmatched and has {r} {place(p_prefs, p, r)} on their list"
    else:
        mine = (
            f"{p} prefers {r} ({place(p_prefs, p, r)} on {p}'s list) "
            f"to {current} ({place(p_prefs, p, current)})"
        )
    held = [q for q, rr in matching.items() if rr == r]
    if not held:
        theirs = f"{r} is unmatched and has {p} {place(r_prefs, r, p)} on their list"
    elif len(held) < seats[r]:
        theirs = f"{r} has a free seat and has {p} on their list"
    else:  # the one r would let go: the held proposer lowest on r's list
        worst = max(held, key=r_prefs[r].index)
        theirs = (
            f"{r} prefers {p} ({place(r_prefs, r, p)} on {r}'s list) "
            f"to {worst} ({place(r_prefs, r, worst)})"
        )
    return f"{mine}, and {theirs}."


def check_every_matching(p_prefs, r_prefs, seats, capacities):
    for matching in all_matchings(p_prefs, r_prefs, seats):
        pairs = blocking_pairs(matching, p_prefs, r_prefs, capacities=capacities)
        expected = reference_blocking(matching, p_prefs, r_prefs, seats)
        assert [(b.proposer, b.reviewer) for b in pairs] == expected, matching
        for b in pairs:
            assert b.reason == expected_reason(
                b.proposer, b.reviewer, matching, p_prefs, r_prefs, seats
            )
        assert is_stable(matching, p_prefs, r_prefs, capacities=capacities) == (not expected)


@settings(max_examples=60, deadline=None)
@given(two_sided(max_size=4))
def test_one_seat_each_blocking_pairs_are_exactly_the_pairs_who_would_rather_be_together(
    instance,
):
    p_prefs, r_prefs, _ = instance
    check_every_matching(p_prefs, r_prefs, dict.fromkeys(r_prefs, 1), None)


@settings(max_examples=60, deadline=None)
@given(two_sided(max_size=4, with_capacities=True))
def test_with_seats_a_free_seat_takes_anyone_listed_and_a_full_one_its_worst_is_compared(
    instance,
):
    p_prefs, r_prefs, seats = instance
    check_every_matching(p_prefs, r_prefs, seats, seats)


def test_a_reviewer_holding_two_of_three_seats_and_one_of_two_seats():
    # "free seat" is said when the reviewer holds someone but has room; a full reviewer
    # compares the newcomer with the held one lowest on their list, not the first held
    p_prefs = {"a": ["H"], "b": ["H"], "c": ["H", "K"], "d": ["K"]}
    r_prefs = {"H": ["c", "b", "a"], "K": ["d", "c"]}
    pairs = blocking_pairs(
        {"a": "H", "b": "H", "c": None, "d": None}, p_prefs, r_prefs, capacities={"H": 2, "K": 1}
    )
    assert [(b.proposer, b.reviewer, b.reason) for b in pairs] == [
        (
            "c",
            "H",
            "c is unmatched and has H 1st on their list, and H prefers c (1st on H's list) "
            "to a (3rd).",
        ),
        (
            "c",
            "K",
            "c is unmatched and has K 2nd on their list, and K is unmatched and has c 2nd "
            "on their list.",
        ),
        (
            "d",
            "K",
            "d is unmatched and has K 1st on their list, and K is unmatched and has d 1st "
            "on their list.",
        ),
    ]
    free = blocking_pairs(
        {"a": "H", "c": None}, {"a": ["H"], "c": ["H"]}, {"H": ["a", "c"]}, capacities={"H": 2}
    )
    assert free[0].reason == (
        "c is unmatched and has H 1st on their list, and H has a free seat and has c on their list."
    )
