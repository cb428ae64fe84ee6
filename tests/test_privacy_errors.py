"""Every bad input to the privacy engine raises PrivacyError with a message that helps."""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from osmosis_lab.errors import OsmosisLabError, PrivacyError
from osmosis_lab.privacy import (
    Bands,
    Lookup,
    PrivacyBudget,
    Redact,
    class_sizes,
    estimate_proportion,
    generalise,
    k_anonymity,
    l_diversity,
    laplace_mechanism,
    linkage_attack,
    posterior_yes,
    randomized_response,
    suppress_small_groups,
)

RNG = np.random.default_rng(0)
TABLE = pd.DataFrame({"age": [30, 31], "job": ["a", "b"], "health": ["x", "y"]})
EMPTY = TABLE.iloc[0:0]
BAD_EPSILONS = [0, -1, math.inf, -math.inf, math.nan, "1", None, True]


@pytest.mark.parametrize("epsilon", BAD_EPSILONS)
def test_bad_epsilon_everywhere(epsilon):
    calls = [
        lambda: laplace_mechanism(3, sensitivity=1, epsilon=epsilon, rng=RNG),
        lambda: randomized_response([True], epsilon=epsilon, rng=RNG),
        lambda: estimate_proportion([True], epsilon=epsilon),
        lambda: posterior_yes(True, prior=0.5, epsilon=epsilon),
        lambda: PrivacyBudget(total=epsilon),
        lambda: PrivacyBudget(total=1).spend(epsilon),
    ]
    for call in calls:
        with pytest.raises(PrivacyError, match="epsilon"):
            call()


@pytest.mark.parametrize("sensitivity", [0, -2, math.inf, math.nan, "1"])
def test_bad_sensitivity(sensitivity):
    with pytest.raises(PrivacyError, match="sensitivity .*1 for a count|sensitivity must be"):
        laplace_mechanism(3, sensitivity=sensitivity, epsilon=1, rng=RNG)


@pytest.mark.parametrize("value", [math.nan, math.inf, "12", [1, math.nan], True])
def test_bad_laplace_value(value):
    with pytest.raises(PrivacyError, match="value must be a finite number"):
        laplace_mechanism(value, sensitivity=1, epsilon=1, rng=RNG)


def test_missing_or_global_rng_is_refused():
    with pytest.raises(PrivacyError, match="default_rng"):
        laplace_mechanism(3, sensitivity=1, epsilon=1, rng=np.random)
    with pytest.raises(PrivacyError, match="default_rng"):
        randomized_response([True], epsilon=1, rng=42)


@pytest.mark.parametrize(
    "call",
    [
        lambda df: k_anonymity(df, ["age", "zip"]),
        lambda df: class_sizes(df, "zip"),
        lambda df: l_diversity(df, ["age"], "religion"),
        lambda df: generalise(df, {"zip": Redact()}),
        lambda df: suppress_small_groups(df, ["zip"], k=2),
        lambda df: linkage_attack(df, df, quasi_identifiers=["zip"]),
        lambda df: linkage_attack(df, df.drop(columns="job"), quasi_identifiers=["job"]),
    ],
)
def test_unknown_columns_are_named(call):
    with pytest.raises(PrivacyError, match=r"has no column (zip|religion|job); its columns are"):
        call(TABLE)


@pytest.mark.parametrize(
    "call",
    [
        lambda: k_anonymity(EMPTY, ["age"]),
        lambda: l_diversity(EMPTY, ["age"], "health"),
        lambda: generalise(EMPTY, {"age": Bands(5)}),
        lambda: linkage_attack(EMPTY, TABLE, quasi_identifiers=["age"]),
        lambda: linkage_attack(TABLE, EMPTY, quasi_identifiers=["age"]),
        lambda: k_anonymity(pd.DataFrame(), ["age"]),
    ],
)
def test_empty_tables(call):
    with pytest.raises(PrivacyError, match="is empty"):
        call()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: k_anonymity(TABLE, []), "name at least one column"),
        (lambda: k_anonymity(TABLE, ["age", "age"]), "lists a column twice"),
        (lambda: k_anonymity(TABLE.to_dict(), ["age"]), "must be a pandas DataFrame"),
        (lambda: l_diversity(TABLE, ["age", "health"], "health"), "both as a quasi-identifier"),
        (lambda: l_diversity(TABLE, ["age"], ["health"]), "one column name"),
        (lambda: suppress_small_groups(TABLE, ["age"], k=0), "k must be a whole number"),
        (lambda: suppress_small_groups(TABLE, ["age"], k=2.5), "k must be a whole number"),
        (lambda: generalise(TABLE, {"job": Bands(5)}), "Bands need numbers"),
        (lambda: generalise(TABLE, {"age": 10}), "use Bands"),
        (lambda: generalise(TABLE, [("age", Bands(5))]), "rules must be a dict"),
        (lambda: generalise(TABLE, {"job": Lookup({"a": "x"})}), "does not say what to do with b"),
        (lambda: Bands(0), "width must be a whole number"),
        (lambda: Bands(2.5), "width must be a whole number"),
        (lambda: Bands(5, origin=0.5), "origin must be a whole number"),
        (lambda: randomized_response([], epsilon=1, rng=RNG), "non-empty"),
        (lambda: randomized_response([[True]], epsilon=1, rng=RNG), "non-empty list"),
        (lambda: randomized_response([0, 2], epsilon=1, rng=RNG), r"found \[2\]"),
        (lambda: estimate_proportion(["yes", "no"], epsilon=1), "True/False"),
        (lambda: estimate_proportion([True], epsilon=1, confidence=95), "confidence"),
        (lambda: estimate_proportion([True], epsilon=1, confidence=math.nan), "confidence"),
        (lambda: posterior_yes(True, prior=1.5, epsilon=1), "prior"),
        (
            lambda: linkage_attack(TABLE, TABLE, quasi_identifiers=["age"], small_group=0),
            "small_group",
        ),
        (
            lambda: linkage_attack(
                TABLE, TABLE.assign(age=["30", "31"]), quasi_identifiers=["age"]
            ),
            "numbers in one table and text in the other",
        ),
        (
            lambda: linkage_attack(pd.concat([TABLE, TABLE]), TABLE, quasi_identifiers=["age"]),
            "row labels repeat",
        ),
    ],
)
def test_other_bad_inputs(call, message):
    with pytest.raises(PrivacyError, match=message):
        call()


def test_facts_learned_needs_the_attacked_table():
    result = linkage_attack(TABLE, TABLE, quasi_identifiers=["age"])
    with pytest.raises(PrivacyError, match="same released table"):
        result.facts_learned(TABLE.set_index("job"), "health")


def test_errors_are_catchable_as_the_package_base_class():
    with pytest.raises(OsmosisLabError):
        k_anonymity(EMPTY, ["age"])


def test_engine_imports_no_widget_or_chart_library():
    code = (
        "import sys, osmosis_lab.privacy; "
        "print(sorted(m for m in ('ipywidgets', 'altair', 'IPython', 'matplotlib') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_engine_source_has_no_print_file_io_or_global_rng():
    import ast
    from pathlib import Path

    import osmosis_lab.privacy as privacy

    offences = []
    for path in Path(privacy.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"print", "open"}:
                offences.append(f"{path.name}:{node.lineno} calls {node.func.id}")
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "random"
                and node.attr != "Generator"
            ):
                offences.append(f"{path.name}:{node.lineno} uses np.random.{node.attr}")
    assert offences == []


@pytest.mark.parametrize("answered_yes", [True, False])
@pytest.mark.parametrize("prior", [0.0, 1.0])
def test_posterior_yes_keeps_a_certain_prior_even_for_huge_epsilon(prior, answered_yes):
    # prior 0 once divided 0 by 0 when e^-epsilon underflowed (p rounded to 1)
    assert posterior_yes(answered_yes, prior=prior, epsilon=1e6) == prior


def test_posterior_yes_is_finite_and_near_certain_for_huge_epsilon():
    assert posterior_yes(True, prior=1e-9, epsilon=1e6) == 1.0
    assert posterior_yes(False, prior=1 - 1e-9, epsilon=1e6) == 0.0


@pytest.mark.parametrize("epsilon", [0, -1, math.inf, math.nan, "1"])
def test_posterior_yes_rejects_a_bad_epsilon(epsilon):
    with pytest.raises(PrivacyError, match="epsilon must be"):
        posterior_yes(True, prior=0.5, epsilon=epsilon)
