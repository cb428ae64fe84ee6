"""Column schemas of the shipped CSVs, and the normaliser and validator the loaders run.

A schema is a tuple of :class:`Column`. :func:`normalise` undoes what a
spreadsheet changes when it saves a table again (case and spaces of category
values, decimal commas, ``VRAI``/``FAUX``). :func:`validate` checks a DataFrame
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
osmosis_lab.errors.SchemaError: demo.csv, column 'age': values outside [16, 99] on lines 3 (first: 140). Regenerate the data with `make data` or fix those rows.
"""

import unicodedata
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
#: Lesson 03 generalises each of these to a sector (``privacy.OCCUPATION_SECTORS``),
#: so an occupation outside this list would silently become "other": refused at load.
#: The order is the generator's (it draws positions), so it must not change.
OCCUPATIONS = (
    "student", "nurse", "teacher", "software developer", "graphic designer", "chef",
    "barista", "lawyer", "engineer", "artist", "journalist", "shop assistant", "doctor",
    "architect", "musician", "researcher", "accountant", "photographer", "delivery rider",
    "civil servant", "librarian", "bookseller",
)  # fmt: skip


def _person_columns() -> tuple[Column, ...]:
    traits = tuple(Column(t, "float", 0.0, 1.0) for t in TRAIT_COLUMNS)
    weights = tuple(Column(WEIGHT_COLUMNS[c], "float", 0.0, 1.0) for c in CATEGORIES)
    return (
        Column("signed_up", "bool"),
        Column("age", "int", 16, 99),
        Column("arrondissement", "int", 1, 20),
        Column("occupation", "str", allowed=OCCUPATIONS),
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
    Column("occupation", "str", allowed=OCCUPATIONS),
    Column("gender", "str", allowed=GENDERS),
)
PAIRS = (
    Column("pair_id", "str", unique=True),
    Column("person_a", "str"),
    Column("person_b", "str"),
    Column("wellbeing_after_1y", "int", 0, 1),
)


def _rows(bad: pd.Series) -> str:
    """The first bad rows as the line numbers a spreadsheet shows (its header is line 1)."""
    return "lines " + ", ".join(str(int(i) + 2) for i in bad[bad].index[:5])


def _fail(source: str, column: str, problem: str, bad: pd.Series) -> None:
    raise SchemaError(f"{source}, column {column!r}: {problem} on {_rows(bad)}. {_FIX}")


def _not_of_kind(values: pd.Series, kind: str) -> pd.Series:
    """Which values are not of ``kind`` (after :func:`normalise`)."""
    if kind in ("int", "float"):
        numbers = pd.to_numeric(values, errors="coerce")
        return numbers.isna() | ((numbers % 1 != 0) if kind == "int" else False)
    wanted = {"bool": (bool, np.bool_), "str": str}[kind]
    return ~values.map(lambda value: isinstance(value, wanted)).astype(bool)


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
        bad = _not_of_kind(values, col.kind)
        first = values[bad].iloc[0] if bad.any() else values.iloc[0]
        raise SchemaError(
            f"{source}, column {col.name!r}: expected {col.kind} values, found {first!r} on "
            f"{_rows(bad)} (column type {values.dtype}). {_FIX}"
        )


def _check_values(df: pd.DataFrame, col: Column, source: str) -> None:
    values = df[col.name]
    if col.low is not None:
        bad = (values < col.low) | (values > col.high)
        if bad.any():
            first = values[bad].iloc[0]
            raise SchemaError(
                f"{source}, column {col.name!r}: values outside [{col.low}, {col.high}] on "
                f"{_rows(bad)} (first: {first}). {_FIX}"
            )
    if col.allowed is not None:
        bad = ~values.isin(col.allowed)
        if bad.any():
            raise SchemaError(
                f"{source}, column {col.name!r}: values not in {list(col.allowed)} on "
                f"{_rows(bad)} (first: {values[bad].iloc[0]!r}; case and spaces do not "
                f"matter). {_FIX}"
            )
    if col.unique and values.duplicated().any():
        _fail(source, col.name, "duplicate keys", values.duplicated(keep=False))


def validate(df: pd.DataFrame, schema: tuple[Column, ...], *, source: str) -> None:
    """Raise SchemaError unless ``df`` has every column of ``schema`` with valid values."""
    missing = [c.name for c in schema if c.name not in df.columns]
    if df.empty and not missing:
        raise SchemaError(f"{source} has column names but no rows. {_FIX}")
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


#: How spreadsheets write booleans: Python/pandas, English and French Calc or Excel, 0/1.
_BOOLEANS = {"true": True, "vrai": True, "1": True, "false": False, "faux": False, "0": False}


def _canonical_text(values: pd.Series, allowed: tuple[str, ...] | None) -> pd.Series:
    canonical = {value.casefold(): value for value in allowed or ()}

    def fixed(value: str) -> str:
        # NFC: a name typed on a Mac may arrive decomposed ("e" + accent) and then
        # would not equal the same name elsewhere.
        text = unicodedata.normalize("NFC", value).strip()
        return canonical.get(" ".join(text.split()).casefold(), text)

    # Per distinct value, in plain Python: pandas' string methods cost 10x more here.
    distinct = [value for value in values.dropna().unique() if isinstance(value, str)]
    changes = {old: new for old in distinct if (new := fixed(old)) != old}
    return values.replace(changes) if changes else values


def _as_bool(values: pd.Series) -> pd.Series:
    found = values.astype(str).str.strip().str.casefold().map(_BOOLEANS)
    return found.astype(bool) if found.notna().all() else values


def _as_number(values: pd.Series, kind: str) -> pd.Series:
    if pd.api.types.is_string_dtype(values):
        # A decimal comma is what a French (German ...) spreadsheet writes.
        cleaned = values.str.strip().str.replace(",", ".", regex=False)
        numbers = pd.to_numeric(cleaned, errors="coerce")
        if numbers.notna().sum() == values.notna().sum():
            values = numbers
    if kind != "int" or not pd.api.types.is_float_dtype(values):
        return values
    # "17.0" from a spreadsheet that formats every number alike is still 17.
    whole = values.notna().all() and (values % 1 == 0).all()
    return values.astype("int64") if whole else values


def normalise(df: pd.DataFrame, schema: tuple[Column, ...]) -> pd.DataFrame:
    """Undo what a spreadsheet changes when it saves a table again; return a new table.

    Text is stripped of surrounding spaces; a value of a column with allowed
    values is matched to the allowed one whatever its case and spacing;
    ``VRAI``/``FAUX``/``TRUE``/``0``/``1`` become booleans; decimal commas
    become numbers. Anything that still does not fit is left for :func:`validate`
    to refuse.

    >>> schema = (Column("gender", "str", allowed=GENDERS), Column("care", "float"),
    ...           Column("signed_up", "bool"))
    >>> raw = pd.DataFrame({"gender": [" Woman", "NON-BINARY "], "care": ["0,5", "1"],
    ...                     "signed_up": ["VRAI", "FAUX"]})
    >>> normalise(raw, schema).to_dict("list")
    {'gender': ['woman', 'non-binary'], 'care': [0.5, 1.0], 'signed_up': [True, False]}
    """
    out = df.copy()
    for col in schema:
        if col.name not in out.columns:
            continue
        values = out[col.name]
        if col.kind == "str" and pd.api.types.is_string_dtype(values):
            fixed = _canonical_text(values, col.allowed)
        elif col.kind == "bool" and not pd.api.types.is_bool_dtype(values):
            fixed = _as_bool(values)
        elif col.kind in ("int", "float"):
            fixed = _as_number(values, col.kind)
        else:
            continue
        if fixed is not values:  # assigning a column costs; most already fit
            out[col.name] = fixed
    return out
