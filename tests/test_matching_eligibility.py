"""Who may meet whom: one rule (``matching.eligibility.may_meet``), and every market built through it.

Property tests of the rule and of the preference-list constructor, then a guard:
package code outside ``matching/`` may run deferred acceptance on the data set's
people only with lists that :func:`eligible_preferences` built (issue 11, item 11).
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.data import load_people
from osmosis_lab.data.markets import beta_preferences, profiles_from_table, who_may_meet
from osmosis_lab.errors import InvalidPreferences, SchemaError
from osmosis_lab.matching import deferred_acceptance
from osmosis_lab.matching.eligibility import (
    SEEKING,
    EligibleArray,
    EligibleLists,
    Profiles,
    eligible_preferences,
    may_meet,
)

PROPERTY = settings(max_examples=200, deadline=None)
GENDERS = ("woman", "man", "non-binary")
WANTS = {"women": {"woman"}, "men": {"man"}, "everyone": set(GENDERS)}


@st.composite
def groups(draw, max_size=8):
    n = draw(st.integers(0, max_size))
    return (
        np.array(draw(st.lists(st.sampled_from(GENDERS), min_size=n, max_size=n)), dtype=object),
        np.array(draw(st.lists(st.sampled_from(SEEKING), min_size=n, max_size=n)), dtype=object),
        np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool),
    )


@PROPERTY
@given(groups(), groups())
def test_may_meet_is_seeking_both_ways_and_minors_only_with_minors(a, b):
    allowed = may_meet(*a, *b)
    assert allowed.shape == (len(a[0]), len(b[0])) and allowed.dtype == bool
    for i, j in np.ndindex(allowed.shape):
        both_ways = a[0][i] in WANTS[b[1][j]] and b[0][j] in WANTS[a[1][i]]
        assert allowed[i, j] == (both_ways and a[2][i] == b[2][j])
    assert not (allowed & (a[2][:, None] != b[2][None, :])).any()  # never a minor and an adult
    assert not allowed.flags.writeable


@PROPERTY
@given(groups(), groups())
def test_may_meet_is_symmetric(a, b):
    assert np.array_equal(may_meet(*a, *b), may_meet(*b, *a).T)
    assert np.array_equal(may_meet(*a, *a), may_meet(*a, *a).T)


@PROPERTY
@given(groups(max_size=6), groups(max_size=6), st.data())
def test_eligible_preferences_list_exactly_the_pairs_who_may_meet_and_have_a_score(a, b, data):
    n, m = len(a[0]), len(b[0])
    if n == 0 or m == 0:
        return
    scores = st.one_of(st.just(np.nan), st.floats(0, 1))
    forward = np.array(data.draw(st.lists(scores, min_size=n * m, max_size=n * m))).reshape(n, m)
    backward = np.array(data.draw(st.lists(scores, min_size=n * m, max_size=n * m))).reshape(m, n)
    lists = eligible_preferences(forward, backward, Profiles(*a), Profiles(*b))
    allowed = may_meet(*a, *b)
    for prefs, ok, score in ((lists[0], allowed, forward), (lists[1], allowed.T, backward)):
        assert isinstance(prefs, EligibleArray) and not prefs.flags.writeable
        listed = np.zeros(ok.shape, dtype=bool)
        for i, row in enumerate(np.asarray(prefs)):
            listed[i, row[row >= 0]] = True
        assert np.array_equal(listed, ok & ~np.isnan(score))


def test_the_data_set_through_the_data_layer():
    people = load_people().set_index("name")
    testers, candidates = people[people.role == "tester"], people[people.role == "candidate"]
    allowed = pd.DataFrame(
        who_may_meet(testers, candidates), index=testers.index, columns=candidates.index
    )
    # Niels and Claire (both 17) may only meet each other
    assert allowed.loc["Niels Larson"][lambda s: s].index.tolist() == ["Claire"]
    assert allowed["Claire"][lambda s: s].index.tolist() == ["Niels Larson"]
    assert allowed.loc["Lucas Apert", "Léopold"] and not allowed.loc["Lucas Apert", "Claire"]
    assert profiles_from_table(people).minor.sum() == 2


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((["man"], ["women"], ["False"], ["woman"], ["men"], [False]), InvalidPreferences, "booleans"),
        ((["man"], ["woman"], [False], ["woman"], ["men"], [False]), InvalidPreferences, "seeking"),
        ((["man", "man"], ["women"], [False], ["woman"], ["men"], [False]), InvalidPreferences, "length"),
        (([np.nan], ["women"], [False], ["woman"], ["men"], [False]), InvalidPreferences, "text"),
    ],
)  # fmt: skip
def test_may_meet_refuses_what_it_cannot_read(args, error, message):
    with pytest.raises(error, match=message):
        may_meet(*(np.asarray(x) for x in args))


def test_the_data_layer_names_a_missing_column():
    with pytest.raises(SchemaError, match=r"lacks columns \['age'\]"):
        profiles_from_table(load_people().drop(columns="age"))


def test_marked_lists_cannot_be_changed_in_place():
    testers, _ = beta_preferences(load_people())
    assert isinstance(testers, EligibleLists)
    testers["Niels Larson"].append("Jade Morin")  # a copy: the lists themselves stay as built
    assert testers["Niels Larson"] == ["Claire"]
    with pytest.raises(TypeError):
        testers["Niels Larson"] = ["Jade Morin"]
    assert deferred_acceptance(*beta_preferences(load_people()))["Niels Larson"] == "Claire"
