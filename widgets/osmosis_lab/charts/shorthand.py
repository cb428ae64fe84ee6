"""One class table for altair's shorthand strings, built once instead of on every use.

``encode(x="people:Q", tooltip=["step:N"])`` turns each string into a channel through
``SchemaBase.from_dict``, and altair 5.5 builds its table of every schema class (573 of
them, one JSON hash each) anew on every call: three such strings cost a learner's slider
step more than the chart's data. The table depends only on which classes exist, so it is
kept per that list of classes: a class defined later gets a table of its own, and the
channel built is the one altair builds.

>>> import altair as alt
>>> enable()
>>> alt.X.from_dict({"shorthand": "people:Q"}, validate=False).to_dict()
{'field': 'people', 'type': 'quantitative'}
"""

from __future__ import annotations

import functools

from altair.utils import schemapi

# altair's own, kept before enable() replaces it: tests/test_chart_shorthand.py compares the two
_altairs_from_dict = schemapi.SchemaBase.from_dict.__func__


@functools.cache
def _converter(classes: tuple[type, ...]) -> schemapi._FromDict:
    return schemapi._FromDict(classes)


def _from_dict(cls, dct, validate=True):
    # altair's own from_dict, except that the class table is found, not rebuilt
    if validate:
        cls.validate(dct)
    return _converter(tuple(cls._default_wrapper_classes())).from_dict(dct, cls)


def enable() -> None:
    """Make ``SchemaBase.from_dict`` reuse its class table (charts' import does it)."""
    schemapi.SchemaBase.from_dict = classmethod(_from_dict)
