"""k-anonymity, l-diversity, generalisation and suppression on hand-made tables and properties."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.privacy import (
    Bands,
    Lookup,
    Redact,
    class_sizes,
    generalise,
    k_anonymity,
    l_diversity,
    suppress_small_groups,
)

QI = ["age", "arrondissement", "occupation"]


@pytest.fixture
def clinic():
    """Six patients: two classes of two, two unique people (worked by hand)."""
    return pd.DataFrame(
        {
            "age": [34, 34, 35, 52, 52, 19],
            "arrondissement": [11, 11, 11, 3, 3, 20],
            "occupation": ["nurse", "nurse", "nurse", "teacher", "teacher", "student"],
            "health": ["asthma", "none", "none", "diabetes", "diabetes", "none"],
        },
        index=["p1", "p2", "p3", "p4", "p5", "p6"],
    )


def test_class_sizes_by_hand(clinic):
    assert class_sizes(clinic, QI).to_dict() == {
        "p1": 2,
        "p2": 2,
        "p3": 1,
        "p4": 2,
        "p5": 2,
        "p6": 1,
    }


def test_k_by_hand(clinic):
    assert k_anonymity(clinic, QI) == 1
    assert k_anonymity(clinic.drop(index=["p3", "p6"]), QI) == 2
    assert k_anonymity(clinic, "occupation") == 1
    assert k_anonymity(clinic, ["arrondissement"]) == 1
    assert k_anonymity(clinic.assign(x=0), ["x"]) == 6


def test_l_by_hand(clinic):
    kept = clinic.drop(index=["p3", "p6"])
    # {p1, p2} hold two conditions; {p4, p5} both have diabetes: k = 2 but l = 1.
    assert k_anonymity(kept, QI) == 2
    assert l_diversity(kept, QI, "health") == 1
    assert l_diversity(kept.drop(index=["p4", "p5"]), QI, "health") == 2


def test_missing_values_form_their_own_class():
    df = pd.DataFrame({"age": [30.0, None, None], "job": ["a", "b", "b"]})
    assert class_sizes(df, ["age", "job"]).tolist() == [1, 2, 2]


def test_generalise_age_arrondissement_occupation(clinic):
    rules = {
        "age": Bands(10),
        "arrondissement": Bands(10, origin=1),
        "occupation": Lookup({"nurse": "health", "teacher": "education", "student": "education"}),
    }
    coarse = generalise(clinic, rules)
    assert coarse["age"].tolist() == ["30-39", "30-39", "30-39", "50-59", "50-59", "10-19"]
    assert coarse["arrondissement"].tolist() == ["11-20", "11-20", "11-20", "1-10", "1-10", "11-20"]
    assert coarse["occupation"].tolist()[-1] == "education"
    assert coarse["health"].equals(clinic["health"])
    assert clinic["age"].tolist()[0] == 34, "generalise must not change its input"
    assert k_anonymity(coarse, QI) == 1  # the student is still alone
    assert k_anonymity(generalise(coarse, {"age": Redact()}), QI) == 1
    assert k_anonymity(generalise(clinic, dict.fromkeys(QI, Redact())), QI) == 6


def test_bands_width_one_keeps_values_apart():
    df = pd.DataFrame({"age": [30, 31, 31]})
    assert generalise(df, {"age": Bands(1)})["age"].tolist() == ["30", "31", "31"]


def test_lookup_fallback_and_none_rule(clinic):
    coarse = generalise(
        clinic, {"occupation": Lookup({"nurse": "health"}, fallback="other"), "age": None}
    )
    assert coarse["occupation"].tolist() == ["health"] * 3 + ["other"] * 3
    assert coarse["age"].tolist() == clinic["age"].tolist()


def test_suppression_reaches_k(clinic):
    kept = suppress_small_groups(clinic, QI, k=2)
    assert kept.index.tolist() == ["p1", "p2", "p4", "p5"]
    assert k_anonymity(kept, QI) == 2
    assert suppress_small_groups(clinic, QI, k=3).empty
    assert suppress_small_groups(clinic, QI, k=1).equals(clinic)


ages = st.integers(min_value=16, max_value=90)
tables = st.lists(
    st.tuples(ages, st.integers(1, 20), st.sampled_from(["nurse", "baker", "coder", "actor"])),
    min_size=1,
    max_size=40,
).map(lambda rows: pd.DataFrame(rows, columns=QI))
rules = st.fixed_dictionaries(
    {},
    optional={
        "age": st.one_of(
            st.none(), st.builds(Bands, st.integers(1, 40), st.integers(-5, 5)), st.just(Redact())
        ),
        "arrondissement": st.one_of(
            st.none(), st.builds(Bands, st.integers(1, 20)), st.just(Redact())
        ),
        "occupation": st.one_of(
            st.none(),
            st.just(Lookup({"nurse": "care", "baker": "food"}, fallback="other")),
            st.just(Redact()),
        ),
    },
)


@settings(max_examples=150, deadline=None)
@given(df=tables, rule_set=rules, qi=st.sets(st.sampled_from(QI), min_size=1))
def test_generalisation_never_lowers_k(df, rule_set, qi):
    qi = sorted(qi)
    df = df.assign(sensitive=df["age"] % 4)
    coarse = generalise(df, rule_set)
    assert len(coarse) == len(df)
    assert k_anonymity(coarse, qi) >= k_anonymity(df, qi)
    # classes only merge, so l cannot fall either
    assert l_diversity(coarse, qi, "sensitive") >= l_diversity(df, qi, "sensitive")


@settings(max_examples=100, deadline=None)
@given(df=tables, k=st.integers(1, 6))
def test_suppression_leaves_k_anonymous_table(df, k):
    kept = suppress_small_groups(df, QI, k=k)
    assert kept.empty or k_anonymity(kept, QI) >= k
    # only rows in classes smaller than k go
    assert len(df) - len(kept) == int((class_sizes(df, QI) < k).sum())


@settings(max_examples=100, deadline=None)
@given(df=tables)
def test_k_is_the_smallest_class_and_l_at_most_k(df):
    sensitive = df["age"] % 3
    df = df.assign(sensitive=sensitive)
    qi = ["arrondissement", "occupation"]
    k = k_anonymity(df, qi)
    assert k == df.value_counts(qi).min()
    assert 1 <= l_diversity(df, qi, "sensitive") <= min(k, 3)
