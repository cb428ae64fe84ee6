"""Column schemas of the shipped CSVs, and the validator the loaders run.

A schema is a tuple of :class:`Column`. :func:`validate` checks a DataFrame
against one and raises :class:`~osmosis_lab.errors.SchemaError` naming the
file, the column and the first bad rows, so a broken CSV is found at load
time rather than as a strange chart three cells later.

Examples
--------
>>> import pandas as pd
>>> schema = (Column("age", "int", low=16, high=99),)
>>> validate(pd.DataFrame({"age": [17, 40]}), schema, source="demo.csv")
>>> validate(pd.DataFrame({"age": [17, 140]}), schema, source="demo.csv")
Traceback (most recent call last):
...
osmosis_lab.errors.SchemaError: demo.csv, column 'age': values outside [16, 99] in rows [1] (first: 140). Regenerate the data with `make data` or fix those rows.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..categories import CATEGORIES, TRAIT_COLUMNS, WEIGHT_COLUMNS
from ..errors import SchemaError

_FIX = "Regenerate the data with `make data` or fix those rows."


@dataclass(frozen=True)
class Column:
    """One column: its kind (int, float, str, bool), range or allowed values, uniqueness."""

    name: str
    kind: str
    low: float | None = None
    high: float | None = None
    allowed: tuple[str, ...] | None = None
    unique: bool = False


GENDERS = ("woman", "man", "non-binary")
SEEKING = ("women", "men", "everyone")
ORIENTATIONS = ("heterosexual", "gay or lesbian", "bisexual", "asexual")
HEALTH_CONDITIONS = ("none", "anxiety", "insomnia", "depression", "addiction recovery", "diabetes")


def _person_columns() -> tuple[Column, ...]:
    traits = tuple(Column(t, "float", 0.0, 1.0) for t in TRAIT_COLUMNS)
    weights = tuple(Column(WEIGHT_COLUMNS[c], "float", 0.0, 1.0) for c in CATEGORIES)
    return (
        Column("signed_up", "bool"),
        Column("age", "int", 16, 99),
        Column("arrondissement", "int", 1, 20),
        Column("occupation", "str"),
        Column("gender", "str", allowed=GENDERS),
        Column("seeking", "str", allowed=SEEKING),
        *traits,
        *weights,
        Column("sexual_orientation", "str", allowed=ORIENTATIONS),
        Column("health_condition", "str", allowed=HEALTH_CONDITIONS),
        Column("secret_relationship", "bool"),
        Column("care", "float", 0.0, 1.0),
    )


PEOPLE = (
    Column("person_id", "str", unique=True),
    Column("name", "str", unique=True),
    Column("role", "str", allowed=("tester", "candidate")),
    Column("source", "str", allowed=("named in the series", "invented")),
    *_person_columns(),
)
POPULATION = (
    Column("person_id", "str", unique=True),
    Column("name", "str", unique=True),
    *_person_columns(),
)
PUBLIC_PROFILES = (
    Column("name", "str", unique=True),
    Column("age", "int", 16, 99),
    Column("arrondissement", "int", 1, 20),
    Column("occupation", "str"),
    Column("gender", "str", allowed=GENDERS),
)
PAIRS = (
    Column("pair_id", "str", unique=True),
    Column("person_a", "str"),
    Column("person_b", "str"),
    Column("wellbeing_after_1y", "int", 0, 1),
)


def _fail(source: str, column: str, problem: str, bad: pd.Series) -> None:
    rows = list(bad[bad].index[:5])
    raise SchemaError(f"{source}, column {column!r}: {problem} in rows {rows}. {_FIX}")


def _check_kind(df: pd.DataFrame, col: Column, source: str) -> None:
    values = df[col.name]
    if values.isna().any():
        _fail(source, col.name, "missing values", values.isna())
    kinds = {
        "int": pd.api.types.is_integer_dtype,
        "float": pd.api.types.is_numeric_dtype,
        "bool": pd.api.types.is_bool_dtype,
        "str": lambda s: pd.api.types.is_string_dtype(s) or s.dtype == object,
    }
    if not kinds[col.kind](values):
        raise SchemaError(
            f"{source}, column {col.name!r}: expected {col.kind} values, found dtype "
            f"{values.dtype} (first value: {values.iloc[0]!r}). {_FIX}"
        )


def _check_values(df: pd.DataFrame, col: Column, source: str) -> None:
    values = df[col.name]
    if col.low is not None:
        bad = (values < col.low) | (values > col.high)
        if bad.any():
            first = values[bad].iloc[0]
            rows = list(bad[bad].index[:5])
            raise SchemaError(
                f"{source}, column {col.name!r}: values outside [{col.low}, {col.high}] in rows "
                f"{rows} (first: {first}). {_FIX}"
            )
    if col.allowed is not None:
        bad = ~values.isin(col.allowed)
        if bad.any():
            _fail(source, col.name, f"values not in {list(col.allowed)}", bad)
    if col.unique and values.duplicated().any():
        _fail(source, col.name, "duplicate keys", values.duplicated(keep=False))


def validate(df: pd.DataFrame, schema: tuple[Column, ...], *, source: str) -> None:
    """Raise SchemaError unless ``df`` has every column of ``schema`` with valid values."""
    missing = [c.name for c in schema if c.name not in df.columns]
    if missing:
        raise SchemaError(f"{source}: missing columns {missing}. {_FIX}")
    for col in schema:
        _check_kind(df, col, source)
        _check_values(df, col, source)
    weight_cols = [c.name for c in schema if c.name.startswith("weight_")]
    if weight_cols:
        sums = df[weight_cols].sum(axis=1)
        _check_weight_sums(sums, source)


def _check_weight_sums(sums: pd.Series, source: str) -> None:
    # Weights are stored with 3 decimals, so a row may miss 1 by rounding.
    bad = ~np.isclose(sums, 1.0, atol=0.002)
    if bad.any():
        _fail(source, "weight_*", "weights that do not sum to 1", pd.Series(bad, index=sums.index))
