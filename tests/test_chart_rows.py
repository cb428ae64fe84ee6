"""A chart's table becomes the rows altair would write, without altair's cleaned copy of it.

``osmosis_lab.charts.speed`` turns a plain table (whole numbers, booleans, 64-bit floats, text)
into rows itself: altair's default data transformer copied the DataFrame and converted it
column by column in pandas, a sixth of an explorer sweep's time. Any table, plain or not,
must give exactly altair's rows (the types too: ``1`` is not ``1.0`` or ``True`` in a chart's
data), and what altair refuses is still refused. The first test fails on altair's own
transformer (``speed.disable()``): it makes the copy.
"""

import json
import math

import altair as alt
import numpy as np
import pandas as pd
import pytest
from altair.utils import core as altair_core
from altair.vegalite import data as altair_data
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.charts import speed

TEXT = st.text(alphabet="aéZ ç0-", max_size=6)
FLOATS = st.floats(allow_nan=True, allow_infinity=True)
#: One column of each kind a chart's table may hold: the plain ones, and others altair handles.
COLUMNS = {
    "int64": st.lists(st.integers(-(2**40), 2**40)).map(lambda v: pd.Series(v, dtype="int64")),
    "uint8": st.lists(st.integers(0, 255)).map(lambda v: pd.Series(v, dtype="uint8")),
    "bool": st.lists(st.booleans()).map(lambda v: pd.Series(v, dtype="bool")),
    "float64": st.lists(FLOATS).map(lambda v: pd.Series(v, dtype="float64")),
    "float32": st.lists(st.floats(width=32)).map(lambda v: pd.Series(v, dtype="float32")),
    "str": st.lists(TEXT).map(lambda v: pd.Series(v, dtype="str")),
    "str with a gap": st.lists(st.one_of(TEXT, st.none())).map(lambda v: pd.Series(v, dtype="str")),
    "object": st.lists(TEXT).map(lambda v: pd.Series(v, dtype=object)),
    "object with a gap": st.lists(st.one_of(TEXT, st.none())).map(
        lambda v: pd.Series(v, dtype=object)
    ),
    "object numbers": st.lists(st.one_of(st.integers(), FLOATS)).map(
        lambda v: pd.Series(v, dtype=object)
    ),
    "Int64": st.lists(st.one_of(st.integers(-9, 9), st.none())).map(
        lambda v: pd.Series(v, dtype="Int64")
    ),
    "category": st.lists(st.sampled_from(["yes", "no"])).map(
        lambda v: pd.Series(v, dtype="category")
    ),
}
PLAIN = {"int64", "uint8", "bool", "float64", "str", "object"}


@st.composite
def tables(draw):
    """A DataFrame of one to four columns of the kinds in COLUMNS, all of one length."""
    kinds = draw(st.lists(st.sampled_from(sorted(COLUMNS)), min_size=1, max_size=4))
    length = draw(st.integers(0, 6))
    columns = {}
    for i, kind in enumerate(kinds):
        series = draw(COLUMNS[kind].filter(lambda s, n=length: len(s) >= n))
        columns[f"{kind} {i}"] = series.iloc[:length].reset_index(drop=True)
    return pd.DataFrame(columns), kinds


def _as_written(rows) -> list:
    """Each value with its type: what a chart's JSON holds (``1``, ``1.0``, ``true``, ``null``)."""
    return [
        [(key, type(value).__name__, repr(value)) for key, value in row.items()] for row in rows
    ]


@given(tables())
def test_any_table_gives_altairs_own_rows(drawn):
    frame, kinds = drawn
    ours = speed._data_transformer(frame)
    altairs = altair_data.default_data_transformer(frame)
    assert _as_written(ours["values"]) == _as_written(altairs["values"])
    if set(kinds) <= PLAIN:  # a plain table is turned into rows here, not by altair's copy
        assert speed.plain_rows(frame) is not None


def test_a_plain_table_is_not_copied_and_cleaned_by_altair(monkeypatch):
    cleaned = []
    original = altair_core.sanitize_pandas_dataframe
    monkeypatch.setattr(
        "altair.utils.data.sanitize_pandas_dataframe",
        lambda df: cleaned.append(1) or original(df),
    )
    frame = pd.DataFrame({"who": ["Esther", "Niels"], "n": [3, 4], "share": [0.5, math.inf]})
    chart = alt.Chart(frame).mark_bar().encode(x="n:Q", y="who:N")
    spec = chart.to_dict()
    assert not cleaned, "altair copied and cleaned a plain table"
    (values,) = spec["datasets"].values()
    assert values == [
        {"who": "Esther", "n": 3, "share": 0.5},
        {"who": "Niels", "n": 4, "share": None},
    ]


def test_what_altair_refuses_is_still_refused():
    with pytest.raises(alt.MaxRowsError):
        alt.Chart(pd.DataFrame({"n": np.arange(5001)})).mark_point().to_dict()
    with pytest.raises(ValueError, match="Column names must be strings"):
        alt.Chart(pd.DataFrame({1: [1, 2]})).mark_point().to_dict()


def test_max_rows_can_still_be_lifted():
    with alt.data_transformers.disable_max_rows():
        spec = alt.Chart(pd.DataFrame({"n": np.arange(5001)})).mark_point().to_dict()
    assert len(json.dumps(spec)) > 5001
