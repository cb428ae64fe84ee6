"""Matching engine: who is paired with whom, and why (pure: stdlib and numpy).

Two-sided matching by deferred acceptance (Gale and Shapley 1962), its
step-by-step story, stability checks, every stable matching of a small
instance, one-population matching (Irving 1985), the assignment that maximises
total score, and the "soulmate score" built from the data people consent to share.

Preferences are dicts mapping a name to its list of names, best first; a name
missing from a list is a refusal. Arrays are the fast path for large instances.
Who may be matched with whom in the lessons' markets is one rule,
:func:`osmosis_lab.matching.eligibility.may_meet`; the lessons' invented
instances are in :mod:`osmosis_lab.matching.scenarios`.
"""

from .arrays import deferred_acceptance_arrays
from .assignment import max_welfare_matching
from .deferred import (
    Acceptance,
    Final,
    MatchEvent,
    Proposal,
    Rejection,
    deferred_acceptance,
    deferred_acceptance_steps,
)
from .lattice import all_stable_matchings
from .roommates import stable_roommates
from .scores import compatibility_scores, preferences_from_scores
from .stability import BlockingPair, blocking_pairs, is_stable
from .unmatched import UnmatchedReason, unmatched_reasons

__all__ = [
    "Acceptance",
    "BlockingPair",
    "Final",
    "MatchEvent",
    "Proposal",
    "Rejection",
    "UnmatchedReason",
    "all_stable_matchings",
    "blocking_pairs",
    "compatibility_scores",
    "deferred_acceptance",
    "deferred_acceptance_arrays",
    "deferred_acceptance_steps",
    "is_stable",
    "max_welfare_matching",
    "preferences_from_scores",
    "stable_roommates",
    "unmatched_reasons",
]
