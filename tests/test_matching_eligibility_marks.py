"""The marked lists ``eligible_preferences`` builds behave as the plain lists they stand for.

The mark (``EligibleLists``, ``EligibleArray``) lets tests/test_matching_guard.py tell the one
constructor's lists from lists built by hand; it must change nothing else. A lesson that prints
its lists sees a dict, arithmetic on a marked array gives a plain array (the mark is not passed
on to numbers that were not built by the rule), and ``swapped`` hands the same lists to the other
side, as lesson 01's "who proposes" choice does. Written for the mutants of
``matching/eligibility.py`` that no selected test reached or killed (benchmarks/MUTATION.md),
with the one about a table of the wrong shape, which must say which of the two it is.
"""

import re

import numpy as np
import pandas as pd
import pytest

from osmosis_lab.errors import InvalidPreferences
from osmosis_lab.matching import deferred_acceptance
from osmosis_lab.matching.eligibility import (
    EVERYONE,
    EligibleArray,
    EligibleLists,
    Profiles,
    eligible_preferences,
)

# Ana and Lea (women seeking men), Simon (a man seeking men) and Theo (a man seeking women)
WOMEN = Profiles(np.array(["woman", "woman"]), np.array(["men", "men"]), np.array([False, False]))
MEN = Profiles(np.array(["man", "man"]), np.array(["men", "women"]), np.array([False, False]))
FORWARD = np.array([[0.9, 0.5], [0.2, 0.4]])
BACKWARD = np.array([[0.8, 0.1], [0.3, 0.6]])


def by_name():
    forward = pd.DataFrame(FORWARD, index=["Ana", "Lea"], columns=["Simon", "Theo"])
    backward = pd.DataFrame(BACKWARD, index=["Simon", "Theo"], columns=["Ana", "Lea"])
    return eligible_preferences(forward, backward, WOMEN, MEN)


def test_printed_lists_read_as_the_dict_they_stand_for():
    women, men = by_name()
    assert isinstance(women, EligibleLists)
    assert repr(women) == repr({"Ana": ["Theo"], "Lea": ["Theo"]})
    assert repr(men) == repr({"Simon": [], "Theo": ["Lea", "Ana"]})


def test_swapped_lets_the_other_side_propose_with_the_same_lists():
    lists = by_name()
    swapped = lists.swapped()
    assert (swapped.proposer_prefs, swapped.reviewer_prefs) == (
        lists.reviewer_prefs,
        lists.proposer_prefs,
    )
    assert deferred_acceptance(*swapped) == {"Simon": None, "Theo": "Lea"}


def test_arithmetic_on_a_marked_array_gives_a_plain_array():
    proposers, _ = eligible_preferences(FORWARD, BACKWARD, WOMEN, MEN)
    assert isinstance(proposers, EligibleArray)
    one_based = proposers + 1
    assert type(one_based) is np.ndarray and one_based.tolist() == [[2, 0], [2, 0]]
    assert type(proposers.max()) is not EligibleArray and proposers.max() == 1


def test_writing_into_a_marked_array_returns_a_plain_view_of_it():
    # ``out=`` a marked array (a writable one, made by hand) is written and handed back plain
    marked = np.array([1.0, 2.0]).view(EligibleArray)
    result = np.add(marked, 1, out=marked)
    assert type(result) is np.ndarray and result.tolist() == [2.0, 3.0]
    assert marked.tolist() == [2.0, 3.0]
    plain = np.zeros(2)
    assert np.multiply(marked, 2, out=plain) is plain and plain.tolist() == [4.0, 6.0]


@pytest.mark.parametrize(
    ("forward", "backward", "named"),
    [(FORWARD.T[:1], BACKWARD, "forward scores have shape (1, 2)"),
     (FORWARD, BACKWARD[:1], "backward scores have shape (1, 2)")],
)  # fmt: skip
def test_a_table_of_the_wrong_shape_is_named(forward, backward, named):
    # two tables of scores go in, one per side: the message says which one to fix
    with pytest.raises(InvalidPreferences, match=re.escape(named)):
        eligible_preferences(forward, backward, WOMEN, MEN)


@pytest.mark.parametrize("labelled", [False, True])
def test_ties_are_broken_at_random_from_the_seed_given_on_both_sides(labelled):
    # three adults seeking everyone, every score tied: the order comes from tie_break alone
    people = Profiles(np.array(["woman", "man", "non-binary"]), np.array([EVERYONE] * 3),
                      np.array([False] * 3))  # fmt: skip
    tied = np.full((3, 3), 0.5)
    if labelled:
        tied = pd.DataFrame(tied, index=list("abc"), columns=list("abc"))

    def lists(tie_break, seed=None):
        rng = None if seed is None else np.random.default_rng(seed)
        built = eligible_preferences(tied, tied, people, people, tie_break=tie_break, rng=rng)
        return [dict(side) if labelled else side.tolist() for side in built]

    in_column_order = lists("column_order")
    at_random = lists("random", seed=1)
    assert at_random == lists("random", seed=1)  # the same seed, the same lists
    for side, first in zip(at_random, in_column_order, strict=True):
        assert side != first  # both sides drew their order (seed 1 moves someone on each)
        for ranking, plain in zip(
            side.values() if labelled else side,
            first.values() if labelled else first,
            strict=True,
        ):
            assert sorted(ranking) == sorted(plain)  # the same people, in another order


def test_profiles_keep_their_own_read_only_copy_of_each_column():
    # a lesson may edit its table after building the profiles: who may meet must not move
    gender, seeking = np.array(["woman", "man"]), np.array(["men", "women"])
    people = Profiles(gender, seeking, np.array([False, False]))
    before = people.may_meet(people).tolist()
    gender[:], seeking[:] = "man", "men"
    assert people.may_meet(people).tolist() == before == [[False, True], [True, False]]
    for column in (people.gender, people.seeking, people.minor):
        assert not column.flags.writeable
