"""What altair 5.5 does on every chart it builds that a lesson never needs: switched off once.

An explorer builds its chart anew at every slider step, and altair spent most of that step on
four things the chart does not need (``benchmarks/bench_chart_speed.py``):

1. **A table of its 573 schema classes, found anew for every shorthand string** ("people:Q"):
   ``SchemaBase.from_dict`` walks every subclass of the schema, then hashes each one. Here the
   table is kept, and so is the list of classes it is built from, until a new schema class is
   defined (which a notebook may do: the class is then in the next table).
2. **A deep copy of every layer, twice, each time a layered chart is made**, and it is made again
   by each ``.properties()`` and by ``to_dict``: altair copies the layers to lift their
   selection parameters to the top. A layer without parameters has nothing to lift, so those
   layers are kept as they are. (altair itself copies a layer before changing it, as it does
   when it moves a shared data set up: the layers kept are never changed.)
3. **A check of each part against Vega-Lite's schema as it is built** (altair's "debug mode",
   for a traceback that points at the wrong part), and of each argument of ``.properties()``
   (altair checks those even out of debug mode; here only in it). The whole chart is still
   checked when it is shown (altair's renderer asks for a checked spec), and the test suite
   checks every chart an explorer shows after every action (``tests/sequences.py``:
   ``check_invariants``); an explorer's own charts skip that check
   (``explorers.base.show_chart``).

4. **A cleaned copy of each chart's table**, made to turn it into rows: altair's default data
   transformer copies the DataFrame and converts it column by column, in pandas, however plain
   it is. A table whose columns all hold whole numbers, booleans, 64-bit floats or text with
   no gap is turned into the same rows here, straight from its columns (NaN and infinities
   become ``None``, as altair makes them); any other table goes to altair's own transformer,
   which also refuses what it must (too many rows, a column name that is not text).

The charts are the ones altair builds (``tests/test_chart_speed.py`` compares every explorer's
with and without this module, and any table's rows with altair's).

>>> import altair as alt
>>> enable()
>>> alt.X.from_dict({"shorthand": "people:Q"}, validate=False).to_dict()
{'field': 'people', 'type': 'quantitative'}
"""

from __future__ import annotations

import functools
import math

import altair as alt
import numpy as np
import pandas as pd
from altair.utils import schemapi
from altair.vegalite import data as altair_data
from altair.vegalite.v5 import api

# altair's own, kept before enable() replaces them: the tests compare the charts each builds
_altairs_from_dict = schemapi.SchemaBase.from_dict.__func__
_altairs_validate_property = schemapi.SchemaBase.validate_property.__func__
_altairs_remove_duplicate_params = api._remove_duplicate_params
_altairs_combine_subchart_params = api._combine_subchart_params

#: How many schema classes have been defined since :func:`enable` (by altair or a notebook).
_classes_defined = 0


def _count_new_class(cls, **kwargs) -> None:
    global _classes_defined
    _classes_defined += 1
    super(schemapi.SchemaBase, cls).__init_subclass__(**kwargs)


#: Each table found, by (walk, classes defined): see :func:`_classes`.
_tables: dict[tuple, tuple[type, ...]] = {}


def _classes(walk, cls: type, defined: int) -> tuple[type, ...]:
    # `walk` is cls's _default_wrapper_classes, altair's walk over every subclass of a fixed root
    # (SchemaBase, or VegaLiteSchema for all of Vega-Lite's classes): it ignores `cls`, so the
    # table is kept by walk, not by class, and alt.Y finds the one alt.X found. A new count of
    # classes defined is a new key, so a class defined later is in the next table.
    key = (walk, defined)
    if key not in _tables:
        _tables[key] = tuple(walk(cls))
    return _tables[key]


@functools.cache
def _converter(classes: tuple[type, ...]) -> schemapi._FromDict:
    return schemapi._FromDict(classes)


def _from_dict(cls, dct, validate=True):
    # altair's own from_dict, except that the class table is found, not rebuilt
    if validate:
        cls.validate(dct)
    classes = _classes(cls._default_wrapper_classes.__func__, cls, _classes_defined)
    return _converter(classes).from_dict(dct, cls)


def _validate_property(cls, name, value, schema=None):
    # what .properties() sets is checked with the whole chart when it is shown (item 3)
    if schemapi.DEBUG_MODE:
        _altairs_validate_property(cls, name, value, schema)


def _without_params(charts) -> bool:
    return all(
        schemapi.is_undefined(getattr(chart, "params", schemapi.Undefined)) for chart in charts
    )


def _remove_duplicate_params(layer):
    if _without_params(layer):
        return list(layer)
    return _altairs_remove_duplicate_params(layer)


def _combine_subchart_params(params, subcharts):
    if (schemapi.is_undefined(params) or not params) and _without_params(subcharts):
        return schemapi.Undefined, list(subcharts)
    return _altairs_combine_subchart_params(params, subcharts)


def plain_rows(frame: pd.DataFrame) -> list[dict] | None:
    """``frame``'s rows as altair's default data transformer writes them, if every column holds
    whole numbers, booleans, 64-bit floats or text with no gap; else ``None``.

    >>> plain_rows(pd.DataFrame({"who": ["Esther", "Niels"], "share": [0.5, float("nan")]}))
    [{'who': 'Esther', 'share': 0.5}, {'who': 'Niels', 'share': None}]
    >>> plain_rows(pd.DataFrame({"who": ["Esther", None]})) is None  # altair's own decides
    True
    """
    names = list(frame.columns)
    if (
        not names
        or isinstance(frame.index, pd.MultiIndex)
        or not all(type(name) is str for name in names)  # altair's own refuses the others
        or len(set(names)) < len(names)
    ):
        return None
    columns = []
    for name, dtype in zip(names, frame.dtypes, strict=True):
        values = frame[name].to_numpy()
        # None for pandas' own types (Int64, category...): altair's transformer handles those
        numpy_kind = dtype.kind if isinstance(dtype, np.dtype) else None
        floats = dtype == np.float64
        if isinstance(dtype, pd.StringDtype) or numpy_kind == "O":  # text, without a gap:
            plain = all(type(v) is str for v in values)  # altair's own writes the gaps
        else:
            plain = numpy_kind in ("i", "u", "b") or floats
        if not plain:
            return None
        column = values.tolist()  # Python's int, bool, float and str, as altair's copy holds
        if floats and not np.isfinite(values).all():
            column = [v if math.isfinite(v) else None for v in column]
        columns.append(column)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _data_transformer(data=None, max_rows: int | None = 5000):
    # altair's default transformer, with plain tables turned into rows here (item 4 above)
    if data is None:
        return functools.partial(_data_transformer, max_rows=max_rows)
    if isinstance(data, pd.DataFrame) and (max_rows is None or len(data) <= max_rows):
        rows = plain_rows(data)
        if rows is not None:
            return {"values": rows}
    return altair_data.default_data_transformer(data, max_rows=max_rows)


def _use_as_default_data_transformer(transformer) -> None:
    # under altair's own name, "default", so that disable_max_rows() and the options still apply
    alt.data_transformers.register("default", transformer)
    if alt.data_transformers.active == "default":
        alt.data_transformers.enable("default", **alt.data_transformers.options)


def enable() -> None:
    """Switch the four off for every chart built in this process (charts' import does it)."""
    schemapi.SchemaBase.from_dict = classmethod(_from_dict)
    schemapi.SchemaBase.__init_subclass__ = classmethod(_count_new_class)
    schemapi.SchemaBase.validate_property = classmethod(_validate_property)
    api._remove_duplicate_params = _remove_duplicate_params
    api._combine_subchart_params = _combine_subchart_params
    schemapi.disable_debug_mode()
    _use_as_default_data_transformer(_data_transformer)


def disable() -> None:
    """altair's own behaviour again (for the tests and the benchmark that compare the two)."""
    schemapi.SchemaBase.from_dict = classmethod(_altairs_from_dict)
    if "__init_subclass__" in vars(schemapi.SchemaBase):
        del schemapi.SchemaBase.__init_subclass__
    schemapi.SchemaBase.validate_property = classmethod(_altairs_validate_property)
    api._remove_duplicate_params = _altairs_remove_duplicate_params
    api._combine_subchart_params = _altairs_combine_subchart_params
    schemapi.enable_debug_mode()
    _use_as_default_data_transformer(altair_data.default_data_transformer)
