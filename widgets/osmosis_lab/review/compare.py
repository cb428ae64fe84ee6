"""Compare single changes to a design: which one moves which figure, and when a figure changes.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> from osmosis_lab.review import AS_PLANNED, review_scenario
>>> scenario = review_scenario(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), data.load_pairs())
>>> table = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(2019),
...                         changes=["optimise wellbeing", "a safe-mode fallback"])
>>> list(table.index)
['as planned', 'optimise wellbeing', 'a safe-mode fallback']
>>> bool(table.loc["optimise wellbeing", "ending_badly"] < table.loc["as planned", "ending_badly"])
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from osmosis_lab.errors import ReviewError
from osmosis_lab.review.consequences import consequences
from osmosis_lab.review.design import SINGLE_CHANGES, LaunchDesign, with_change
from osmosis_lab.review.scenario import ReviewScenario


def compare_changes(
    base: LaunchDesign,
    scenario: ReviewScenario,
    *,
    rng: np.random.Generator | None = None,
    seed: int | None = None,
    changes: Iterable[str] | None = None,
    shown: bool = False,
) -> pd.DataFrame:
    """Each figure's value for ``base`` and for ``base`` with one change from
    :data:`~osmosis_lab.review.design.SINGLE_CHANGES` applied.

    Every row uses the same random streams (one seed drawn from ``rng``, or ``seed`` itself),
    so a difference between rows comes from the change, never from the draw. Given a design
    panel's ``seed``, each row is what the panel shows for that design.

    ``shown=True`` gives each figure as the design panel prints it (counts as whole
    numbers, a count of a whole with its denominator: "5.2 of 10 matches", "391 of 1000")
    instead of its number, for a table a learner reads. For both from one draw, use
    :func:`compare_changes_with_words`.

    Returns
    -------
    pandas.DataFrame
        Indexed by change (the first row is ``"as planned"``), one column per
        figure key of :meth:`Consequences.table`.

    Examples
    --------
    >>> from osmosis_lab import data
    >>> from osmosis_lab.review import AS_PLANNED, review_scenario
    >>> scenario = review_scenario(data.load_people(), data.load_population(),
    ...                            data.load_public_profiles(), data.load_pairs())
    >>> words = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(0),
    ...                         changes=["Billie on call when the AI fails"], shown=True)
    >>> words.loc["Billie on call when the AI fails", "staff"]
    '4'
    """
    values, words = compare_changes_with_words(base, scenario, rng=rng, seed=seed, changes=changes)
    return words if shown else values


def compare_changes_with_words(
    base: LaunchDesign,
    scenario: ReviewScenario,
    *,
    rng: np.random.Generator | None = None,
    seed: int | None = None,
    changes: Iterable[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`compare_changes`'s figures, and the same rows in the panel's words, from one draw.

    A lesson computes with the first and shows the second, so what the learner reads is
    what the answer was computed from. With the design panel's ``seed`` (``panel.seed``) the
    rows are the panel's own figures: a learner who sets the panel to a row's design reads
    the same numbers (w61 read 0.1 off in the table, 1.1 in the panel, for one design).

    >>> from osmosis_lab import data
    >>> from osmosis_lab.review import AS_PLANNED, review_scenario
    >>> scenario = review_scenario(data.load_people(), data.load_population(),
    ...                            data.load_public_profiles(), data.load_pairs())
    >>> values, words = compare_changes_with_words(
    ...     AS_PLANNED, scenario, rng=np.random.default_rng(0), changes=["fair consent form"])
    >>> float(values.loc["as planned", "reidentified"]), words.loc["as planned", "reidentified"]
    (0.578125, '592 of 1024 (58%)')
    """
    labels = list(SINGLE_CHANGES if changes is None else changes)
    unknown = [label for label in labels if label not in SINGLE_CHANGES]
    if unknown:
        raise ReviewError(f"unknown changes {unknown}; known: {', '.join(SINGLE_CHANGES)}.")
    seed = _one_seed(rng, seed)
    designs = {"as planned": base} | {label: with_change(base, label) for label in labels}
    tables = {
        label: consequences(design, scenario, rng=np.random.default_rng(seed))
        .table()
        .set_index("key")
        for label, design in designs.items()
    }
    return tuple(
        _by_change({k: t[column] for k, t in tables.items()}) for column in ("value", "shown")
    )


def _one_seed(rng: np.random.Generator | None, seed: int | None) -> int:
    """The seed every row draws from: ``seed``, or one drawn from ``rng``; exactly one given.

    >>> _one_seed(None, 7)
    7
    >>> _one_seed(np.random.default_rng(0), 7)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    osmosis_lab.errors.ReviewError: give one of rng and seed: ...
    """
    if (rng is None) == (seed is None):
        raise ReviewError(
            "give one of rng and seed: rng=np.random.default_rng(2019), or the design "
            "panel's seed=panel.seed to compare with what the panel shows."
        )
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
            raise ReviewError(
                f"seed must be a whole number of at least 0 (e.g. panel.seed), not {seed!r}."
            )
        return int(seed)
    if not isinstance(rng, np.random.Generator):
        raise ReviewError("rng must be a numpy Generator, e.g. np.random.default_rng(2019).")
    return int(rng.integers(2**32))


def _by_change(rows: dict[str, pd.Series]) -> pd.DataFrame:
    frame = pd.DataFrame(rows).T
    frame.index.name = "change"
    frame.columns.name = None
    return frame


#: Short names a learner reads for the columns of :func:`compare_changes` (after
#: ``reset_index``); the design panel's table gives each figure's full wording.
READABLE_COLUMNS = {
    "change": "change to the plan",
    "reidentified": "share of the city named",
    "health_learned": "share whose health is learned",
    "count_error": "error of the published count",
    "privacy_cost": "worst case for one resident",
    "couples_doing_well": "couples doing well after a year",
    "neural_held": "users whose signals the company holds",
    "delay_weeks": "weeks of delay (invented)",
    "staff": "extra staff (invented)",
    "cash_left": "money left, weeks of costs (invented)",
}


def readable_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the figure keys of :func:`compare_changes` as columns a learner reads.

    Only the names change, never a value, so a lesson prints words instead of ``delay_weeks``.

    Examples
    --------
    >>> list(readable_columns(pd.DataFrame({"change": ["as planned"], "staff": [0]})).columns)
    ['change to the plan', 'extra staff (invented)']
    """
    return frame.rename(columns=READABLE_COLUMNS)


#: What a learner counts as a figure in a cell: each number with the words that say how big it
#: is ("more than 99", "less than 1"), and the words that stand for an amount ("none", "nobody").
QUANTITY = re.compile(
    r"(?:(?:more|less) than )?(?:\d+(?:,\d{3})*(?:\.\d+)?|a million)|\b(?:none|nobody)\b"
)


def figure_changed(planned: str, mine: str) -> bool:
    """Whether a figure in words shows other amounts than the plan's: what the design panel's
    table makes bold, its headline counts and lesson 05's check of which rows change.

    Words around the same amounts are no change a learner can count on the screen (w59 found
    11 bold cells for 9 changed numbers): the design may add a note to the same figure.

    >>> figure_changed("391 of 391", "391 of 391 (connected, matched or not)")
    False
    >>> figure_changed("6 weeks", "none: runs out 6 weeks before launch")
    True
    >>> figure_changed("9 in 100 → 100 in 100", "9 in 100 → more than 99 in 100")
    True
    >>> figure_changed("1.50", "nobody matched")
    True
    """
    return QUANTITY.findall(planned) != QUANTITY.findall(mine)
