"""Fuzz every public engine function: junk in, only documented errors out.

A learner, a lesson or an explorer may hand the engines (``matching``, ``consent``, ``privacy``,
``trust``) anything. Each function in an engine's ``__all__`` is called with hypothesis-drawn
arguments of the right kind but with bad content: unknown or repeated names, empty tables,
missing columns, NaN and infinite numbers, negative sizes, mismatched lengths. It may return,
or raise a documented error with a message: an ``OsmosisLabError`` (``errors.py``: every
bad-input error of the package is one), or a class its numpydoc ``Raises`` section names.
Anything else (``KeyError``, ``IndexError``, a NumPy
``RuntimeWarning`` turned into an error, ...) is a crash the learner would see, and fails.

Arguments are drawn by parameter name (per engine, with per-function overrides). A public
function whose parameters have no strategy fails ``test_every_public_function_is_fuzzed`` until
a strategy (or a reasoned exemption) is added here.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import importlib
import inspect
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from osmosis_lab import consent, errors, matching, privacy, trust
from osmosis_lab.categories import CATEGORIES, QUASI_IDENTIFIERS, SENSITIVE_COLUMNS
from osmosis_lab.data import load_pairs, load_people, load_population, load_public_profiles

ENGINES = ("matching", "consent", "privacy", "trust")

#: Public functions not fuzzed here, and why.
EXEMPT = {
    "trust.all_pairs": "takes the scoring function itself; its callers "
    "(mutual_score_table, seeking_allowed) are fuzzed",
}

EXAMPLES = 30  # per function; about 60 functions on 2 shared cores

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
    st.sampled_from([np.nan, np.inf, -np.inf, 0.0, -1.0, 1e-300, 0.5, 1.0, 2.0]),
)
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
    return hnp.arrays(np.int64, shapes, elements=st.integers(-3, 5))


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


def trait_mapping():
    row = PEOPLE.iloc[0].to_dict()
    return st.dictionaries(st.sampled_from(list(row)), st.sampled_from(JUNK + [0.3]),
                           max_size=4).map(lambda junk: {**row, **junk})  # fmt: skip


# ----------------------------------------------------------------------------------------------
# Strategies by parameter name: (function, parameter) first, then (engine, parameter).
# Built lazily: some construct engine objects, whose own validation may raise (also checked).
# ----------------------------------------------------------------------------------------------

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
    ("consent", "capable"): st.booleans,
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
    ("privacy", "epsilon"): lambda: junk_floats,
    ("privacy", "sensitivity"): lambda: junk_floats,
    ("privacy", "confidence"): lambda: junk_floats,
    ("privacy", "prior"): lambda: junk_floats,
    ("privacy", "answered_yes"): st.booleans,
    ("privacy", "value"): lambda: st.one_of(junk_floats, vectors()),
    ("privacy", "truths"): vectors,
    ("privacy", "responses"): vectors,
    ("privacy", "rng"): lambda: rngs,
    # trust
    ("trust", "predicted"): vectors,
    ("trust", "outcome"): vectors,
    ("trust", "final"): vectors,
    ("trust", "app"): vectors,
    ("trust", "initial"): lambda: st.one_of(st.none(), vectors()),
    ("trust", "accepts"): vectors,
    ("trust", "confidence"): vectors,
    ("trust", "scores"): lambda: st.one_of(vectors(), matrices()),
    ("trust", "bins"): lambda: st.integers(-2, 40),
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
    ("trust", "n_users"): lambda: sizes,
    ("trust", "fallbacks"): st.booleans,
    ("trust", "fallback_success"): lambda: junk_floats,
    ("trust", "human_capacity"): lambda: sizes,
    ("trust", "priority"): lambda: st.one_of(st.none(), vectors(max_size=12)),
    ("trust", "n"): lambda: st.integers(-2, 30),
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


FUNCTIONS = public_functions()


def strategy_for(engine: str, function: str, parameter: str):
    factory = STRATEGIES.get((function, parameter)) or STRATEGIES.get((engine, parameter))
    return factory() if factory else None


def documented_errors(function) -> tuple[type[Exception], ...]:
    """The package's error family, plus any other class the docstring's Raises section names.

    ``errors.py`` is the contract: every bad-input error is an ``OsmosisLabError``, so a lesson
    can catch them all without hiding bugs. Which subclass fits is each engine's business (a
    trust function handed a malformed table may well raise ``SchemaError``).
    """
    doc = inspect.getdoc(function) or ""
    section = re.search(r"Raises\n-+\n(.*?)(?:\n\n[A-Z][a-z]+\n-+|\Z)", doc, re.S)
    named = re.findall(r"^(\w+)", section.group(1), re.M) if section else []
    known = {**vars(builtins), **vars(errors)}
    extra = tuple(known[n] for n in named if isinstance(known.get(n), type))
    return (errors.OsmosisLabError, *extra)


FUZZED = sorted(name for name in FUNCTIONS if name not in EXEMPT)

#: Functions the fuzzing has caught crashing and whose fix has not landed (BAD_INPUTS holds a
#: fixed repro of each). The fuzz test expects them to fail, not strictly (random junk may miss
#: the bad case); the repro strictly. Delete an entry here when its engine is fixed.
CRASHING: dict[str, str] = {}


def fuzz_params() -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=CRASHING[name], strict=False))
        if name in CRASHING
        else name
        for name in FUZZED
    ]


def test_every_public_function_is_fuzzed():
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
    assert set(CRASHING) <= set(FUZZED), "a known crash names a function that is gone"
    assert len(FUZZED) >= 40


@pytest.mark.parametrize("qualname", fuzz_params())
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
        function(**kwargs)
    except allowed as error:
        assert str(error).strip(), f"{qualname} raised {type(error).__name__} with no message"
    except Exception as error:  # noqa: BLE001 - anything else is the finding
        pytest.fail(
            f"{qualname} raised {type(error).__name__}: {error}\n"
            f"documented: {', '.join(e.__name__ for e in allowed)}\n"
            f"called with: {describe(kwargs)}",
            pytrace=False,
        )


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
    "trust.seeking_allowed": lambda: trust.seeking_allowed(
        PEOPLE.head(3).drop(columns="gender"), PEOPLE.head(3)
    ),
    "trust.explain_contributions": lambda: trust.explain_contributions(
        _with_junk(_contributions(), "category", np.nan)
    ),
}

#: The BAD_INPUTS that still crash are expected to, strictly: once an engine raises a documented
#: error instead, the test xpasses and fails until the function leaves CRASHING. The others are
#: plain regression tests of crashes already fixed.
KNOWN_CRASHES = set(BAD_INPUTS) & set(CRASHING)  # empty: every repro must pass


@pytest.mark.parametrize(
    "qualname",
    [
        pytest.param(name, marks=pytest.mark.xfail(reason=CRASHING[name], strict=True))
        if name in KNOWN_CRASHES
        else name
        for name in BAD_INPUTS
    ],
)
def test_fixed_bad_inputs_raise_documented_errors(qualname):
    _, function = FUNCTIONS[qualname]
    try:
        BAD_INPUTS[qualname]()  # returning is fine too
    except documented_errors(function) as error:
        assert str(error).strip(), f"{qualname} raised {type(error).__name__} with no message"
