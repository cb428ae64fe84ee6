"""Fuzz every engine function a learner can reach: junk in, only documented errors out.

A learner, a lesson or an explorer may hand the engines (``matching``, ``consent``, ``privacy``,
``trust``) anything. The functions fuzzed are each engine's ``__all__`` plus every engine
function or class that a lesson (``lessons/*.ipynb``), an explorer (``explorers/*.py``) or a
check (``check/*.py``) refers to, found by reading their code with ``ast``: a new call in a
lesson is fuzzed automatically, or ``test_every_reachable_function_is_fuzzed`` fails naming
its parameters that have no strategy.

Each is called with hypothesis-drawn arguments of the right kind but with bad content:
unknown or repeated names, empty tables, missing columns, NaN, infinite and subnormal numbers,
negative and huge sizes, text where a yes/no belongs, mismatched lengths. It may return, or
raise an error its numpydoc ``Raises`` section names (the test reads the docstring; a
subclass of a named class counts). Anything else (``KeyError``, ``IndexError``, a NumPy
``RuntimeWarning`` turned into an error, ``MemoryError``, an ``OsmosisLabError`` of a kind
the docstring does not name) fails. Besides, a call that took text for a yes/no parameter
("False" is truthy) fails, a returned number may not be infinite, and a few functions have a
property of their result checked (:data:`PROPERTIES`): silent wrong results are findings too.
Hangs and huge allocations are prevented by the engines bounding their work (each bound is
in its docstring), never by a deadline here.

Arguments are drawn by parameter name: (function, parameter) first, then (engine,
parameter). Under ``CI=true`` every example is derandomized (the ``ci`` profile of
``conftest.py``); :data:`EXAMPLES` per function keeps the whole file near a minute on two
shared cores.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import functools
import importlib
import inspect
import json
import math
import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from osmosis_lab import consent, errors, matching, privacy, trust
from osmosis_lab.categories import CATEGORIES, QUASI_IDENTIFIERS, SENSITIVE_COLUMNS
from osmosis_lab.consent.forms import FORMS, Behaviour, FormDesign
from osmosis_lab.consent.scenarios import SCENARIOS
from osmosis_lab.data import load_pairs, load_people, load_population, load_public_profiles
from osmosis_lab.data.markets import market_from_tables
from osmosis_lab.matching import deferred_acceptance_steps
from osmosis_lab.matching.compare import LIES
from osmosis_lab.matching.scenarios import gale_shapley_example
from osmosis_lab.privacy.poll import PollTally

ENGINES = ("matching", "consent", "privacy", "trust")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "widgets" / "osmosis_lab"

#: Reachable functions and classes not fuzzed here, and why.
EXEMPT = {
    "trust.all_pairs": "takes the scoring function itself; its callers "
    "(mutual_score_table) are fuzzed",
    "consent.Inference": "a result record built by fit_inference (fuzzed); explorers read it",
    "matching.UnmatchedReason": "a result record built by unmatched_reasons (fuzzed)",
    "consent.Replayed": "a result record built by replay (fuzzed); explorers read it",
    "consent.Scenario": "built by consent.scenarios' functions (fuzzed); replay is fuzzed "
    "over every scenario and over steps mixed between scenarios",
}

#: Examples per function: a stated floor (>= 50), about 90 functions on 2 shared cores.
EXAMPLES = 50

# ----------------------------------------------------------------------------------------------
# Real data, small, to mutate: the deepest code paths need tables that are nearly right.
# ----------------------------------------------------------------------------------------------

PEOPLE = load_people()
POPULATION = load_population().head(30)
PUBLIC = load_public_profiles().head(30)
PAIRS = load_pairs().head(20)
RESIDENTS = pd.concat([PEOPLE, POPULATION], ignore_index=True)

NAMES = ["a", "b", "c", "d", "", "Niels", "T01", "R0001"]
# Extreme magnitudes (1e300) only find overflow warnings no control can reach; NaN and inf stay.
JUNK = [np.nan, np.inf, -1, 0, "junk", None, 1e6, -0.0]

junk_floats = st.one_of(
    st.floats(-1e6, 1e6),
    st.sampled_from([np.nan, np.inf, -np.inf, 0.0, -1.0, 1e-300, 1e-320, 0.5, 1.0, 2.0]),
)
#: What a learner may type where a yes/no belongs; text must be refused (bool("False") is True).
yes_no = st.one_of(st.booleans(), st.sampled_from(["False", "no", "True", ""]))
#: Sizes a slider never offers but a learner can type: each must be refused, fast.
huge = st.sampled_from([10**9, 2**31, 10**6 + 1])
names = st.sampled_from(NAMES)
sizes = st.integers(-3, 60)  # sizes stay small: a huge n is a slow call, not a crash
rngs = st.integers(0, 2**32 - 1).map(np.random.default_rng)


@st.composite
def mutated(draw, base: pd.DataFrame, max_rows: int = 12) -> pd.DataFrame:
    """A sample of ``base`` with some rows, columns or cells broken (or none: the happy path)."""
    rows = draw(st.integers(0, min(max_rows, len(base))))
    frame = base.sample(n=rows, random_state=draw(st.integers(0, 2**16))).copy()
    columns = list(frame.columns)
    dropped = draw(st.lists(st.sampled_from(columns), max_size=3, unique=True)) if columns else []
    frame = frame.drop(columns=dropped)
    for _ in range(draw(st.integers(0, 3))):
        if frame.empty:
            break
        row = draw(st.integers(0, len(frame) - 1))
        column = draw(st.sampled_from(list(frame.columns)))
        frame[column] = frame[column].astype(object)
        frame.iloc[row, frame.columns.get_loc(column)] = draw(st.sampled_from(JUNK))
    if draw(st.booleans()) and len(frame):
        frame = pd.concat([frame, frame.iloc[:1]])  # a duplicated row
    return frame


def vectors(kind=junk_floats, max_size: int = 8):
    """1-D data as a learner might pass it: a list, a bool list, or an array."""
    return st.one_of(
        st.lists(kind, max_size=max_size),
        st.lists(st.booleans(), max_size=max_size),
        hnp.arrays(np.float64, st.integers(0, max_size), elements=kind),
    )


def matrices(elements=junk_floats):
    """2-D tables of scores: arrays (sometimes of the wrong dimension) or DataFrames."""
    shapes = st.one_of(
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=4),
        hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=3),  # wrong dimensions
    )
    arrays = hnp.arrays(np.float64, shapes, elements=elements)
    return st.one_of(arrays, arrays.filter(lambda a: a.ndim == 2).map(pd.DataFrame))


def prefs():
    return st.dictionaries(names, st.lists(names, max_size=5), max_size=5)


def int_prefs():
    shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=4)
    # 2**32 and -(2**32) - 1 wrap into range if cast to int32 before the range check
    elements = st.one_of(st.integers(-3, 5), st.sampled_from([2**31, 2**32, -(2**32) - 1]))
    return st.one_of(
        hnp.arrays(np.int64, shapes, elements=elements),
        # 200,000 one-entry lists: a market too big for a dense rank table (37 GiB)
        st.just((200_000, 1)).map(lambda shape: np.zeros(shape, dtype=np.int64)),
    )


def category_names():
    return st.sampled_from([*CATEGORIES, "nope", ""])


def one_or_many(strategy):
    return st.one_of(strategy, st.lists(strategy, max_size=4))


def persons():
    return st.builds(
        consent.Person,
        person_id=names,
        age=st.integers(-2, 120),
        parents=st.lists(names, max_size=2).map(tuple),
        representatives=st.lists(names, max_size=2).map(tuple),
        signed_up=st.booleans(),
        days_to_birthday=st.integers(-5, 400),
    )


@st.composite
def ledgers(draw):
    """A ledger with a few people and a few decisions already in it (built by the engine)."""
    people = [consent.Person(f"P{i}", age) for i, age in enumerate(draw(st.lists(
        st.integers(0, 90), min_size=1, max_size=4)))]  # fmt: skip
    ledger = consent.open_ledger(people)
    for day in range(1, draw(st.integers(0, 4)) + 1):
        person = draw(st.sampled_from([p.person_id for p in people]))
        with contextlib.suppress(errors.ConsentError):  # a minor may not consent alone
            ledger = consent.grant(ledger, person, list(CATEGORIES)[:day], "matching", day=day)
    return ledger


def rules_for_generalise():
    columns = st.sampled_from([*QUASI_IDENTIFIERS, "nope"])
    rule = st.one_of(
        st.none(),
        st.builds(privacy.Bands, width=st.integers(-2, 20), origin=st.integers(-5, 5)),
        st.builds(privacy.Lookup, mapping=st.dictionaries(st.sampled_from(JUNK[4:5] + [1, "a"]),
                                                          st.text(max_size=3), max_size=3)),
        st.builds(privacy.Redact),
    )  # fmt: skip
    return st.dictionaries(columns, rule, max_size=3)


@functools.cache
def _market():
    return market_from_tables(*_sides())


def _sides():
    return PEOPLE[PEOPLE["role"] == "tester"], PEOPLE[PEOPLE["role"] == "candidate"]


@functools.cache
def _events():
    return tuple(deferred_acceptance_steps(*gale_shapley_example()))


ALL_STEPS = [step for make in SCENARIOS.values() for step in make().steps]


def form_designs():
    built = st.builds(
        FormDesign,
        label=st.text(max_size=5),
        pre_ticked=yes_no,
        bundled=yes_no,
        refuse_hidden=yes_no,
        nag_rounds=st.one_of(st.integers(-2, 5), huge, st.sampled_from([True, 2.5, "3"])),
    )
    return st.one_of(st.sampled_from(list(FORMS.values())), built, st.sampled_from([None, "fair"]))


def behaviours():
    wants = st.dictionaries(st.sampled_from([*consent.PURPOSES, "nope"]), junk_floats, max_size=5)
    share = st.one_of(junk_floats, st.sampled_from([0.3, "0.3", None]))
    built = st.builds(
        Behaviour,
        wants=st.one_of(wants, st.just(Behaviour().wants)),
        reads=share,
        untick=share,
        refuse_bundle=share,
        find_refuse=share,
        give_in=share,
    )
    return st.one_of(st.none(), st.just(Behaviour()), built)


def shared_table():
    """A consent mask as beta_preferences takes it: people by name, categories as columns."""
    rows = st.lists(st.sampled_from([*PEOPLE["name"].head(6), "nobody"]), max_size=4, unique=True)
    cells = st.sampled_from([True, False, np.nan, "False"])

    @st.composite
    def build(draw):
        index = draw(rows)
        data = {c: [draw(cells) for _ in index] for c in CATEGORIES}
        return pd.DataFrame(data, index=pd.Index(index, name="name"))

    return st.one_of(st.none(), build())


def trait_mapping():
    row = PEOPLE.iloc[0].to_dict()
    return st.dictionaries(st.sampled_from(list(row)), st.sampled_from(JUNK + [0.3]),
                           max_size=4).map(lambda junk: {**row, **junk})  # fmt: skip


# ----------------------------------------------------------------------------------------------
# Strategies by parameter name: (function, parameter) first, then (engine, parameter).
# Built lazily: some construct engine objects, whose own validation may raise (also checked).
# ----------------------------------------------------------------------------------------------


def _replayed_steps() -> list:
    from osmosis_lab.consent.timeline import replay

    return [r for make in SCENARIOS.values() for r in replay(make())]


STRATEGIES = {
    # matching
    ("matching", "proposer_prefs"): prefs,
    ("matching", "reviewer_prefs"): prefs,
    ("matching", "prefs"): prefs,
    ("deferred_acceptance_arrays", "proposer_prefs"): int_prefs,
    ("deferred_acceptance_arrays", "reviewer_prefs"): int_prefs,
    ("deferred_acceptance_arrays", "capacities"): lambda: st.one_of(
        st.none(), hnp.arrays(np.int64, st.integers(0, 4), elements=st.integers(-2, 3))
    ),
    ("matching", "capacities"): lambda: st.one_of(
        st.none(), st.dictionaries(names, st.integers(-2, 3), max_size=4)
    ),
    ("matching", "matching"): lambda: st.dictionaries(names, st.one_of(st.none(), names)),
    ("matching", "scores"): matrices,
    ("matching", "tie_break"): lambda: st.sampled_from(["column_order", "random", "nope"]),
    ("matching", "rng"): lambda: st.one_of(st.none(), rngs),
    ("matching", "validate"): st.booleans,
    ("matching", "traits"): lambda: st.one_of(mutated(RESIDENTS), matrices()),
    ("matching", "other_traits"): lambda: st.one_of(st.none(), mutated(RESIDENTS), matrices()),
    ("matching", "weights"): lambda: st.one_of(st.none(), matrices()),
    ("matching", "shared"): lambda: st.one_of(
        st.none(), hnp.arrays(np.bool_, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5))
    ),
    ("matching", "other_shared"): lambda: st.one_of(
        st.none(), hnp.arrays(np.bool_, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5))
    ),
    ("matching", "events"): lambda: st.one_of(
        st.just(_events()), st.lists(st.sampled_from(_events()), max_size=6)
    ),
    ("matching", "upto"): lambda: st.one_of(st.integers(-3, 40), huge),
    ("matching", "liar"): lambda: st.sampled_from([*NAMES, "alpha", "A"]),
    ("matching", "how"): lambda: st.sampled_from([*LIES, "nope"]),
    ("beta_preferences", "people"): lambda: mutated(PEOPLE, max_rows=24),
    ("beta_preferences", "shared"): shared_table,
    ("matching", "proposing"): lambda: st.sampled_from(["tester", "candidate", "nope"]),
    ("random_instance", "n"): lambda: st.one_of(st.integers(-2, 8), huge, st.just(2.0)),
    # consent
    ("consent", "ledger"): ledgers,
    ("consent", "person"): lambda: st.sampled_from(["P0", "P1", "P9", "", "nobody"]),
    ("consent", "categories"): lambda: one_or_many(category_names()),
    ("consent", "category"): category_names,
    ("consent", "purposes"): lambda: one_or_many(st.sampled_from([*consent.PURPOSES, "nope"])),
    ("consent", "purpose"): lambda: st.sampled_from([*consent.PURPOSES, "nope", ""]),
    ("consent", "day"): lambda: st.integers(-5, 400),
    ("consent", "by"): lambda: st.one_of(st.none(), names),
    ("consent", "recipient"): lambda: st.one_of(st.none(), names),
    ("consent", "keep_categories"): lambda: st.one_of(st.none(), st.lists(category_names())),
    ("consent", "keep_purposes"): lambda: st.one_of(
        st.none(), st.lists(st.sampled_from([*consent.PURPOSES, "nope"]))
    ),
    ("consent", "age"): lambda: st.integers(-3, 130),
    ("consent", "rules"): lambda: st.sampled_from([consent.FRANCE, consent.GDPR_DEFAULT]),
    ("consent", "people"): lambda: st.lists(persons(), max_size=4),
    ("register", "people"): lambda: st.one_of(persons(), st.lists(persons(), max_size=3)),
    ("consent", "table"): lambda: mutated(PEOPLE),
    ("consent", "parents"): lambda: st.one_of(
        st.none(), st.dictionaries(names, st.lists(names, max_size=2).map(tuple))
    ),
    ("consent", "representatives"): lambda: st.one_of(
        st.none(), st.dictionaries(names, st.lists(names, max_size=2).map(tuple))
    ),
    ("simulate_form", "n"): lambda: st.one_of(st.integers(-2, 200), huge, st.just(True)),
    ("consent", "design"): form_designs,
    ("consent", "behaviour"): behaviours,
    ("consent", "rng"): lambda: st.one_of(rngs, st.just(None)),
    **{
        ("Behaviour", name): lambda: st.one_of(junk_floats, st.just("0.3"))
        for name in ("reads", "untick", "refuse_bundle", "find_refuse", "give_in")
    },
    ("Behaviour", "wants"): lambda: st.dictionaries(
        st.sampled_from([*consent.PURPOSES, "nope"]), junk_floats, max_size=5
    ),
    ("consent", "population"): lambda: mutated(load_population().head(60), max_rows=60),
    ("consent", "target"): category_names,
    ("consent", "sources"): lambda: st.one_of(st.none(), st.lists(category_names(), max_size=4)),
    ("consent", "test_share"): lambda: junk_floats,
    ("consent", "proposers"): lambda: mutated(_sides()[0]),
    ("consent", "reviewers"): lambda: mutated(_sides()[1]),
    ("consent", "before"): lambda: st.dictionaries(names, st.one_of(st.none(), names)),
    ("consent", "after"): lambda: st.dictionaries(names, st.one_of(st.none(), names)),
    ("consent", "market"): lambda: st.just(_market()),
    ("consent", "shared"): lambda: st.dictionaries(
        st.sampled_from([*_market().proposers[:3], *_market().reviewers[:3], "nobody"]),
        st.lists(category_names(), max_size=4),
        max_size=6,
    ),
    ("consent", "scrape_unsigned"): lambda: yes_no,
    ("consent", "scenario"): lambda: st.sampled_from([make() for make in SCENARIOS.values()]),
    # moments groups what replay returns: any run of replayed steps, in any order or mix
    ("moments", "history"): lambda: st.lists(st.sampled_from(_replayed_steps()), max_size=12).map(
        tuple
    ),
    ("consent", "steps"): lambda: st.one_of(
        st.none(), st.lists(st.sampled_from(ALL_STEPS), max_size=6)
    ),
    # one step of any scenario, applied to a ledger it may not belong to
    ("consent", "step"): lambda: st.sampled_from(ALL_STEPS),
    ("consent", "capable"): lambda: yes_no,
    ("Person", "person_id"): lambda: st.one_of(names, st.just(None)),
    ("Person", "parents"): lambda: st.one_of(st.lists(names, max_size=2).map(tuple), names),
    ("Person", "representatives"): lambda: st.lists(names, max_size=2).map(tuple),
    ("Person", "signed_up"): lambda: yes_no,
    ("Person", "days_to_birthday"): lambda: st.one_of(st.integers(-5, 400), st.just(1.5)),
    # privacy
    ("privacy", "df"): lambda: mutated(RESIDENTS),
    ("privacy", "people"): lambda: mutated(PEOPLE, max_rows=24),
    ("privacy", "population"): lambda: mutated(POPULATION, max_rows=30),
    ("privacy", "public_profiles"): lambda: mutated(PUBLIC, max_rows=30),
    ("privacy", "public"): lambda: mutated(PUBLIC, max_rows=30),
    ("privacy", "released"): lambda: mutated(RESIDENTS),
    ("privacy", "quasi_identifiers"): lambda: one_or_many(
        st.sampled_from([*QUASI_IDENTIFIERS, "nope", ""])
    ),
    ("privacy", "sensitive"): lambda: st.sampled_from([*SENSITIVE_COLUMNS, "age", "nope"]),
    ("privacy", "profile"): lambda: st.dictionaries(
        st.sampled_from([*QUASI_IDENTIFIERS, "nope"]), st.sampled_from([*JUNK, 30, "student"])
    ),
    ("privacy", "rules"): rules_for_generalise,
    ("privacy", "levels"): lambda: st.dictionaries(
        st.sampled_from([*privacy.HIERARCHIES, "nope"]), st.integers(-2, 8), max_size=4
    ),
    ("privacy", "drop"): lambda: st.lists(st.sampled_from([*RESIDENTS.columns[:4], "nope"])),
    ("privacy", "id_column"): lambda: st.sampled_from(["person_id", "name", "nope"]),
    ("privacy", "k"): lambda: st.integers(-2, 30),
    ("privacy", "small_group"): lambda: st.integers(-2, 30),
    ("privacy", "epsilon"): lambda: st.one_of(junk_floats, st.just(1e-320)),  # 1/1e-320 = inf
    ("privacy", "sensitivity"): lambda: st.one_of(junk_floats, st.just(1.0)),
    ("privacy", "confidence"): lambda: junk_floats,
    ("privacy", "prior"): lambda: junk_floats,
    ("privacy", "chance"): lambda: st.one_of(junk_floats, st.just(0.7310585786), st.just(1.0)),
    ("privacy_loss", "epsilons_spent"): lambda: st.one_of(
        st.lists(st.one_of(junk_floats, st.just(math.inf), st.just(True)), max_size=4),
        junk_floats,
        st.sampled_from(["1", None, [], [800.0, 800.0]]),
    ),
    ("in_100", "chance"): lambda: st.one_of(junk_floats, st.sampled_from([0.999999, 1e-12, "0.5"])),
    ("rounding_said", "chance"): lambda: st.one_of(
        junk_floats, st.sampled_from([0.999999, 1e-12, 0.73004, "0.5"])
    ),
    ("rounding_said", "rounding"): lambda: st.sampled_from(
        ["up", "down", "nearest", "sideways", None]
    ),
    ("privacy", "answered_yes"): lambda: yes_no,
    ("privacy", "width"): lambda: st.one_of(st.integers(-2, 20), st.sampled_from([2.5, "5", True])),
    ("privacy", "origin"): lambda: st.one_of(st.integers(-5, 5), st.sampled_from([0.5, "0"])),
    ("privacy", "mapping"): lambda: st.one_of(
        st.dictionaries(st.sampled_from(["junk", 1, "a", None]), st.text(max_size=3), max_size=3),
        st.sampled_from([None, "a", 3]),
    ),
    ("privacy", "fallback"): lambda: st.one_of(st.none(), st.text(max_size=3), st.just(3)),
    ("privacy", "placeholder"): lambda: st.one_of(st.text(max_size=3), st.sampled_from([None, 0])),
    ("privacy", "total"): lambda: junk_floats,
    ("privacy", "queries"): lambda: st.one_of(
        st.lists(st.tuples(st.text(max_size=3), junk_floats), max_size=3).map(tuple),
        st.sampled_from([(), "abc", (("x",),), None]),
    ),
    ("privacy", "value"): lambda: st.one_of(junk_floats, vectors()),
    # a valid list half the time, so the checks after the first are reached too
    ("privacy", "truths"): lambda: st.one_of(vectors(), st.just([True, False, True])),
    ("privacy", "responses"): lambda: st.one_of(vectors(), st.just([True, False, True])),
    ("privacy", "rng"): lambda: rngs,
    # the class poll (privacy.poll)
    ("privacy", "true_answer"): lambda: yes_no,
    ("privacy", "coin_says_truth"): lambda: yes_no,
    ("privacy", "sent"): lambda: st.one_of(yes_no, st.none()),
    ("privacy", "question"): lambda: st.one_of(
        st.integers(-3, 10**5), st.sampled_from(["3", 2.5, True, None])
    ),
    ("privacy", "n"): lambda: st.one_of(st.integers(-3, 10**9), st.sampled_from([2.5, "30", True])),
    ("privacy", "truth_probability"): lambda: st.one_of(
        st.fractions(), st.sampled_from([Fraction(3, 4), Fraction(1, 2), 1, 0.75, "3/4", None])
    ),
    ("privacy", "counts"): lambda: st.one_of(
        st.builds(PollTally, st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 9)),
        st.sampled_from([None, (1, 2), {"yes": 1}]),
    ),
    ("privacy", "epsilons"): lambda: st.one_of(
        st.lists(st.one_of(junk_floats, st.just(math.inf)), max_size=4),
        st.sampled_from(["1", None, [], (0.5,)]),
    ),
    # trust
    ("trust", "predicted"): lambda: st.one_of(vectors(), st.just([0.25, 0.75, 0.9])),
    ("trust", "outcome"): lambda: st.one_of(vectors(), st.just([0, 1, 1])),
    ("trust", "final"): vectors,
    ("trust", "app"): vectors,
    ("trust", "initial"): lambda: st.one_of(st.none(), vectors()),
    ("trust", "accepts"): vectors,
    ("trust", "confidence"): vectors,
    ("trust", "scores"): lambda: st.one_of(vectors(), matrices()),
    ("trust", "bins"): lambda: st.one_of(st.integers(-2, 40), huge),
    ("trust", "threshold"): lambda: junk_floats,
    ("band_verdict", "stated"): lambda: junk_floats,
    ("band_verdict", "observed"): lambda: junk_floats,
    ("band_verdict", "tolerance"): lambda: junk_floats,
    ("trust", "overconfidence"): lambda: junk_floats,
    ("overconfidence_sweep", "overconfidence"): lambda: st.lists(junk_floats, max_size=4),
    ("trust", "midpoint"): lambda: junk_floats,
    ("trust", "sharpness"): lambda: junk_floats,
    ("trust", "attraction"): matrices,
    ("trust", "wellbeing"): matrices,
    ("trust", "allowed"): lambda: st.one_of(st.none(), matrices(st.booleans())),
    ("trust", "matches"): lambda: mutated(_objective_matches()),
    ("trust", "n_users"): lambda: st.one_of(sizes, huge),
    ("trust", "fallbacks"): lambda: yes_no,
    ("trust", "fallback_success"): lambda: junk_floats,
    ("trust", "human_capacity"): lambda: sizes,
    ("trust", "priority"): lambda: st.one_of(st.none(), vectors(max_size=12)),
    ("trust", "n"): lambda: st.one_of(st.integers(-2, 30), huge),
    ("trust", "rng"): lambda: rngs,
    ("trust", "pairs"): lambda: mutated(PAIRS),
    ("trust", "people"): lambda: mutated(RESIDENTS, max_rows=60),
    ("trust", "rows"): lambda: mutated(RESIDENTS),
    ("trust", "columns"): lambda: mutated(RESIDENTS),
    ("category_contributions", "person"): trait_mapping,
    ("category_contributions", "other"): trait_mapping,
    ("trust", "person"): lambda: st.text(max_size=12),
    ("trust", "other"): lambda: st.text(max_size=12),
    ("trust", "weights"): lambda: st.one_of(
        st.none(), st.dictionaries(category_names(), junk_floats, max_size=5)
    ),
    ("trust", "shared"): lambda: st.one_of(st.none(), st.lists(category_names(), max_size=5)),
    ("trust", "contributions"): lambda: mutated(_contributions()),
}


@functools.cache
def _objective_matches() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return trust.match_under_objectives(rng.random((4, 4)), rng.random((4, 4)))


@functools.cache
def _contributions() -> pd.DataFrame:
    return trust.category_contributions(PEOPLE.iloc[0], PEOPLE.iloc[1])


# ----------------------------------------------------------------------------------------------
# Which functions, and what each may raise
# ----------------------------------------------------------------------------------------------


def engine_of(obj) -> str | None:
    """The engine an object is defined in (``osmosis_lab.<engine>...``), else None."""
    parts = (getattr(obj, "__module__", None) or "").split(".")
    return (
        parts[1] if parts[0] == "osmosis_lab" and len(parts) > 1 and parts[1] in ENGINES else None
    )


def is_fuzzable(obj) -> bool:
    return (
        inspect.isfunction(obj)
        or inspect.isclass(obj)
        or isinstance(obj, functools._lru_cache_wrapper)
    )


def public_functions() -> dict[str, tuple[str, object]]:
    """``engine.name`` -> (engine, function) for every function in each engine's __all__."""
    found = {}
    for engine in ENGINES:
        module = importlib.import_module(f"osmosis_lab.{engine}")
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or isinstance(obj, functools._lru_cache_wrapper):
                found[f"{engine}.{name}"] = (engine, obj)
    return found


def learner_code() -> list[tuple[str, str, str]]:
    """(where, package for relative imports, code) of every lesson, explorer and check."""
    sources = []
    for path in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))]
        sources.append((path.name, "osmosis_lab", "\n".join(lines)))
    for folder in ("explorers", "check"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            sources.append((f"{folder}/{path.name}", f"osmosis_lab.{folder}", path.read_text()))
    return sources


def _imports(tree: ast.AST, package: str) -> dict[str, str]:
    """Local name -> dotted path, for every import in ``tree`` (relative ones resolved)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.update({a.asname or a.name: f"{base}.{a.name}" for a in node.names})
        elif isinstance(node, ast.Import):
            for a in node.names:
                names[a.asname or a.name.split(".")[0]] = (
                    a.name if a.asname else a.name.split(".")[0]
                )
    return names


def _resolve(dotted: str):
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        with contextlib.suppress(ImportError):
            obj = importlib.import_module(".".join(parts[:cut]))
            for attr in parts[cut:]:
                obj = getattr(obj, attr, None)
            return obj
    return None


def _dotted(node: ast.AST) -> list[str] | None:
    attrs = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    return [node.id, *reversed(attrs)] if isinstance(node, ast.Name) else None


def reachable_functions() -> dict[str, tuple[str, object]]:
    """``engine.name`` -> (engine, object) for each engine function or class learner code uses.

    Every name or attribute chain in a lesson, explorer or check that resolves, through that
    file's imports, to a function or class defined in an engine counts, whether it is called
    there or handed on as a callback.
    """
    found = {}
    for _, package, code in learner_code():
        tree = ast.parse(code)
        imports = _imports(tree, package)
        for node in ast.walk(tree):
            parts = _dotted(node) if isinstance(node, ast.Name | ast.Attribute) else None
            if not parts or not imports.get(parts[0], "").startswith("osmosis_lab"):
                continue
            obj = _resolve(".".join([imports[parts[0]], *parts[1:]]))
            engine = engine_of(obj)
            if engine and is_fuzzable(obj):
                found[f"{engine}.{obj.__name__}"] = (engine, obj)
    return found


REACHABLE = reachable_functions()
FUNCTIONS = {**public_functions(), **REACHABLE}


def strategy_for(engine: str, function: str, parameter: str):
    factory = STRATEGIES.get((function, parameter)) or STRATEGIES.get((engine, parameter))
    return factory() if factory else None


#: Too broad to document: naming one would let any bug of that family pass as documented.
TOO_BROAD = {"BaseException", "Exception", "ValueError", "OsmosisLabError"}


def raises_section(function) -> list[str]:
    """The class names a numpydoc ``Raises`` section lists (``Name`` at the start of a line)."""
    doc = inspect.getdoc(function) or ""
    section = re.search(r"^Raises\n-+\n(.*?)(?:\n\n[A-Z][a-z]+\n-+|\Z)", doc, re.S | re.M)
    return re.findall(r"^(\w+)", section.group(1), re.M) if section else []


def documented_errors(function) -> tuple[type[Exception], ...]:
    """The error classes ``function``'s docstring names under Raises (subclasses count)."""
    known = {**vars(builtins), **vars(errors)}
    return tuple(
        known[name]
        for name in raises_section(function)
        if isinstance(known.get(name), type) and name not in TOO_BROAD
    )


def test_raises_sections_name_specific_error_classes():
    bad = {
        qualname: [
            n
            for n in raises_section(function)
            if n in TOO_BROAD or not isinstance({**vars(builtins), **vars(errors)}.get(n), type)
        ]
        for qualname, (_, function) in FUNCTIONS.items()
    }
    bad = {k: v for k, v in bad.items() if v}
    assert not bad, f"Raises sections naming unknown or too broad classes: {bad}"


FUZZED = sorted(name for name in FUNCTIONS if name not in EXEMPT)


def test_learner_code_is_scanned():
    # the scan must see the calls it exists for (a broken resolver would find nothing)
    for name in ("consent.simulate_form", "matching.partner_ranks", "consent.match_with_consent",
                 "consent.fit_inference", "privacy.privacy_loss", "privacy.PrivacyBudget",
                 "trust.reliability_table", "privacy.posterior_yes"):  # fmt: skip
        assert name in REACHABLE, f"{name} is called from a lesson, explorer or check"
    assert len(REACHABLE) >= 60


def test_every_reachable_function_is_fuzzed():
    missing = {
        qualname: [
            p.name
            for p in inspect.signature(function).parameters.values()
            if p.default is p.empty and strategy_for(engine, function.__name__, p.name) is None
        ]
        for qualname, (engine, function) in FUNCTIONS.items()
        if qualname not in EXEMPT
    }
    missing = {k: v for k, v in missing.items() if v}
    assert not missing, f"add strategies for these parameters: {missing}"
    assert set(EXEMPT) <= set(FUNCTIONS), "an exemption names a function that is gone"
    assert len(FUZZED) >= 80


@pytest.mark.parametrize("qualname", FUZZED)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # no shrinking: a failing table takes minutes to shrink on 2 cores; the message names the
    # error and hypothesis prints the drawn arguments
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    derandomize=True,  # the same examples on every run: CI never flips on luck
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_raises_only_documented_errors(qualname, data):
    engine, function = FUNCTIONS[qualname]
    allowed = documented_errors(function)
    kwargs = {}
    try:
        for parameter in inspect.signature(function).parameters.values():
            strategy = strategy_for(engine, function.__name__, parameter.name)
            optional = parameter.default is not parameter.empty
            if strategy is None or (optional and data.draw(st.booleans(), label="use default")):
                continue
            kwargs[parameter.name] = data.draw(strategy, label=parameter.name)
        result = function(**kwargs)
    except allowed as error:
        assert str(error).strip(), f"{qualname} raised {type(error).__name__} with no message"
        return
    except Exception as error:  # noqa: BLE001 - anything else is the finding
        pytest.fail(
            f"{qualname} raised {type(error).__name__}: {error}\n"
            f"documented under Raises: {', '.join(e.__name__ for e in allowed) or 'nothing'}\n"
            f"called with: {describe(kwargs)}",
            pytrace=False,
        )
    for problem in silent_wrong_results(qualname, function, kwargs, result):
        pytest.fail(f"{qualname} {problem}\ncalled with: {describe(kwargs)}", pytrace=False)


def yes_no_parameters(function) -> set[str]:
    """Parameters that take a yes/no: annotated ``bool`` or with a True/False default."""
    return {
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.annotation in (bool, "bool") or isinstance(p.default, bool)
    }


def _matches_only_listed(result, kwargs) -> bool:
    """Deferred acceptance on arrays: a matched proposer's reviewer is on their list."""
    prefs = np.asarray(kwargs["proposer_prefs"])
    return all(result[i] in prefs[i] for i in np.flatnonzero(np.asarray(result) >= 0))


#: Properties of a result that junk input must not break silently (qualname -> (what, check)).
PROPERTIES = {
    "matching.deferred_acceptance_arrays": (
        "matched a proposer to a reviewer not on their list",
        _matches_only_listed,
    ),
    "privacy.posterior_yes": ("returned a chance outside [0, 1]", lambda r, _: 0 <= r <= 1),
    "privacy.truth_probability": ("returned a chance outside [0, 1]", lambda r, _: 0 <= r <= 1),
}


def silent_wrong_results(qualname, function, kwargs, result) -> list[str]:
    """What a call that returned normally got silently wrong (empty when nothing)."""
    problems = [
        f"took the text {kwargs[name]!r} for the yes/no {name} (bool({kwargs[name]!r}) is "
        f"{bool(kwargs[name])}); it must refuse text"
        for name in sorted(yes_no_parameters(function) & set(kwargs))
        if isinstance(kwargs[name], str)
    ]
    numbers = [result] if isinstance(result, float | np.floating) else []
    if isinstance(result, np.ndarray) and result.dtype.kind == "f":
        numbers = result.ravel().tolist()
    if any(math.isinf(x) for x in numbers):
        problems.append("returned an infinite number")
    if qualname in PROPERTIES and not problems:
        what, holds = PROPERTIES[qualname]
        if not holds(result, kwargs):
            problems.append(what)
    return problems


def describe(kwargs: dict) -> str:
    """The arguments of a failing call, short enough to read (tables by shape and columns)."""
    parts = []
    for name, value in kwargs.items():
        if isinstance(value, pd.DataFrame):
            text = f"DataFrame{value.shape} columns={list(value.columns)[:8]}"
        else:
            text = repr(value)
        parts.append(f"{name}={text[:200]}")
    return ", ".join(parts)


# ----------------------------------------------------------------------------------------------
# Fixed bad inputs: the smallest repro of each crash the fuzzing found, run every time.
# ----------------------------------------------------------------------------------------------


def _with_junk(frame: pd.DataFrame, column: str, value) -> pd.DataFrame:
    frame = frame.astype({column: object})
    frame.iloc[0, frame.columns.get_loc(column)] = value
    return frame


BAD_INPUTS = {
    "matching.deferred_acceptance_arrays": lambda: matching.deferred_acceptance_arrays(
        np.array([[1]]), np.empty((1, 0), int), validate=False
    ),
    "consent.requirement": lambda: consent.requirement(
        consent.FRANCE, age=30, capable=True, purpose="nope"
    ),
    "consent.people_from_table": lambda: consent.people_from_table(
        _with_junk(PEOPLE.head(3), "age", np.nan)
    ),
    "privacy.posterior_yes": lambda: privacy.posterior_yes(True, prior=0.0, epsilon=1e6),
    "trust.category_similarities": lambda: trust.category_similarities(
        PAIRS[["pair_id"]], RESIDENTS
    ),
    "trust.pair_scores": lambda: trust.pair_scores(PAIRS[["pair_id"]], RESIDENTS),
    "trust.judge_cases": lambda: trust.judge_cases(
        PAIRS.drop(columns="person_a"), RESIDENTS, rng=np.random.default_rng(0)
    ),
    "trust.mutual_score_table": lambda: trust.mutual_score_table(
        _with_junk(PEOPLE.head(3), "memory_warmth", "junk"), PEOPLE.head(3)
    ),
    "trust.objective_summary": lambda: trust.objective_summary(
        _objective_matches().drop(columns="objective")
    ),
    "trust.explain_contributions": lambda: trust.explain_contributions(
        _with_junk(_contributions(), "category", np.nan)
    ),
    # found once learner-reachable submodules were fuzzed too (issue 11, item 13)
    "matching.proposal_grid": lambda: FUNCTIONS["matching.proposal_grid"][1](
        _events(), {"alpha": ["B"]}, upto=3
    ),
    "matching.total_points": lambda: FUNCTIONS["matching.total_points"][1](
        {"b": "b"}, {"a": [], "b": []}, {"c": []}
    ),
    "consent.match_with_consent": lambda: FUNCTIONS["consent.match_with_consent"][1](
        _market(), {"T01": ["nope"]}
    ),
}


#: Each is a crash the fuzzing found once, kept as a plain regression test.
@pytest.mark.parametrize("qualname", list(BAD_INPUTS))
def test_fixed_bad_inputs_raise_documented_errors(qualname):
    _, function = FUNCTIONS[qualname]
    try:
        BAD_INPUTS[qualname]()  # returning is fine too
    except documented_errors(function) as error:
        assert str(error).strip(), f"{qualname} raised {type(error).__name__} with no message"
