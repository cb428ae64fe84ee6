"""The step-by-step story of deferred acceptance says what the lists and the holds show.

Lesson 01's step-through explorer prints these sentences to the learner, one per step.
Written to kill the mutants that survived the mutation run of benchmarks/MUTATION.md: the
ranks quoted in a rejection, who is let go on an acceptance, and the final count of pairs.
"""

import re

from hypothesis import given, settings

from matching_support import two_sided
from osmosis_lab.matching import Acceptance, Final, Rejection, deferred_acceptance_steps
from osmosis_lab.matching._checks import ordinal

PREFERS = re.compile(r"(\S+) prefers (\S+) \(\d+\w\w on \S+'s list\) to (\S+) \(\d+\w\w\)")


@settings(max_examples=60, deadline=None)
@given(two_sided(with_capacities=True))
def test_every_sentence_of_the_story_is_true_of_the_lists(instance):
    p_prefs, r_prefs, seats = instance
    events = deferred_acceptance_steps(p_prefs, r_prefs, capacities=seats)
    for event, following in zip(events, events[1:] + [None], strict=True):
        if isinstance(event, Acceptance):
            r, p, let_go = event.reviewer, event.proposer, event.displaced
            if let_go is None:  # nobody is let go, so nobody is turned down next
                assert event.text == f"{r} tentatively accepts {p}."
                assert not isinstance(following, Rejection)
            else:  # the one let go is the one turned down next, by the same reviewer
                assert event.text == f"{r} tentatively accepts {p} and lets {let_go} go."
                assert (following.reviewer, following.proposer) == (r, let_go)
        elif isinstance(event, Rejection):
            r, p, ranks = event.reviewer, event.proposer, r_prefs[event.reviewer]
            assert event.text == f"{r} rejects {p}: {event.reason}."
            if p not in ranks:
                assert event.reason == f"{p} is not on {r}'s list"
                continue
            better = PREFERS.fullmatch(event.reason)[2]
            assert (better, r) in event.held and ranks.index(better) < ranks.index(p)
            assert event.reason == (
                f"{r} prefers {better} ({ordinal(ranks.index(better) + 1)} on {r}'s list) "
                f"to {p} ({ordinal(ranks.index(p) + 1)})"
            )
    final = events[-1]
    assert isinstance(final, Final)
    alone = [p for p, r in final.matching if r is None]
    paired = len(final.matching) - len(alone)
    assert final.text == f"Done: {paired} pair(s); unmatched: {', '.join(alone) or 'nobody'}."


def test_who_is_together_is_listed_in_the_lessons_order_of_proposers():
    # the step-through explorer prints "Tentatively together: ..." from `held`, beside a chart
    # whose rows follow the proposers' order: the sentence must list them in the same order
    proposers = {"Zoe": ["Max"], "Ben": ["Ivo"], "Ana": ["Kai"]}
    reviewers = {"Max": ["Zoe"], "Ivo": ["Ben"], "Kai": ["Ana"]}
    final = deferred_acceptance_steps(proposers, reviewers)[-1]
    assert final.held == (("Zoe", "Max"), ("Ben", "Ivo"), ("Ana", "Kai"))
