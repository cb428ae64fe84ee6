"""Lesson 03's tables as a learner reads them: words in every cell, a value in every row.

pandas shows a yes/no column as ``True``/``False``, a column hidden by generalisation as
``*``, a grouped table with blank cells under its headings (a repeated group is printed
once), and headers in the code's names (``health_condition``). :func:`table_in_words` changes only what is shown: the exercises keep computing on
the frames themselves.

Examples
--------
>>> import pandas as pd
>>> classes = pd.DataFrame(
...     {"age": ["20-39", "20-39"], "gender": ["*", "*"], "people": [3, 5], "is_secret": [True, False]}
... ).set_index(["age", "gender"])
>>> table_in_words(classes)
     age  gender  people is secret
0  20-39  hidden       3       yes
1  20-39  hidden       5        no
"""

from __future__ import annotations

import pandas as pd

from ..privacy.generalise import Redact

#: What a hidden (redacted) value is called on screen.
HIDDEN = "hidden"


def table_in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` for display: yes/no for True/False, "hidden" for ``*``, no blanks.

    A multi-level index becomes ordinary columns, so every row shows its whole group
    instead of leaving repeats blank.
    """
    # only a multi-level index leaves blanks (a repeated outer level is printed once)
    shown = frame.reset_index() if isinstance(frame.index, pd.MultiIndex) else frame.copy()
    placeholder = Redact().placeholder
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values) or (
            values.dtype == object and values.map(lambda v: isinstance(v, bool)).all()
        ):
            shown[column] = values.map({True: "yes", False: "no"})
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            shown[column] = values.replace(placeholder, HIDDEN)
    # headers in words: "health condition", not the code's "health_condition" (w54); the code's
    # names stay on the frames the exercises compute on
    return shown.rename(columns=_in_words).rename_axis(index=_in_words)


def _in_words(name):
    """A column's code name as a header: underscores as spaces; other names as they are."""
    return name.replace("_", " ") if isinstance(name, str) else name
