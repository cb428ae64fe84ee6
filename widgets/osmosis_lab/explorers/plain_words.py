"""What a lesson cell prints, in words and small tables a learner with no Python can read.

The engines return plain data (a list of pairs, a dict, a table with short code names for
columns); printed as they are, a learner sees Python: brackets, quotes and ``observed_rate``.
These helpers turn that data into lines of words and tables with readable column names, and
keep every value as the engine computed it. Code readers still see the engine call in the cell.

Examples
--------
>>> print(narrowing_words([("age", 14), ("arrondissement", 1)], person="his"))
Knowing his age: 14 people fit.
Knowing his age and arrondissement: 1 person fits.
>>> print(outcome_words({"unique": 6, "small group": 3, "crowd": 1, "not found": 0}, "testers"))
Of the 10 testers:
6 re-identified (unique)
3 narrowed to 2-5 people
1 hidden in a crowd (6+)
0 no matching record
>>> yes_no_table({"Sofia accepted": [1, 0]}).to_dict("list")
{'case': [1, 2], 'Sofia accepted': ['yes', 'no']}
>>> stated_outcomes_table([0.9, 0.9, 0.3], [1, 0, 0]).to_dict("list")
{'the app said': ['90 %', '30 %'], 'matches': [2, 1], 'worked out': [1, 0], 'did not': [1, 1]}
"""

from collections.abc import Mapping, Sequence

import pandas as pd

from ..charts.privacy import OUTCOME_LABELS

#: Readable names for the columns of ``trust.reliability_table`` (lesson 04).
RELIABILITY_NAMES = {
    "mean_predicted": "the app said (average)",
    "observed_rate": "came true",
    "count": "matches",
    "gap": "gap (said minus came true)",
}


#: Readable names for the columns of ``trust.overconfidence_sweep`` (lesson 04, Exercise 3); the
#: check's hints name these words ("expected calibration error", "accuracy", "overconfidence setting").
SWEEP_NAMES = {
    "overconfidence": "overconfidence setting",
    "mean_stated": "the app said on average",
    "accuracy": "accuracy",
    "expected_calibration_error": "expected calibration error",
    "brier_score": "Brier score",
}


def _people(n: int) -> str:
    return "1 person fits" if n == 1 else f"{n} people fit"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def narrowing_words(steps: Sequence[tuple[str, int]], *, person: str) -> str:
    """One line per fact revealed (``privacy.narrowing``'s steps): who still fits.

    ``person`` is the possessive used in the lines ("his", "her", "Lucas's").
    """
    known = [column for column, _ in steps]
    return "\n".join(
        f"Knowing {person} {_join(known[: i + 1])}: {_people(count)}."
        for i, (_, count) in enumerate(steps)
    )


def outcome_words(counts: Mapping[str, int], who: str) -> str:
    """A linkage attack's outcome counts (``LinkageResult.counts``) as a line per outcome."""
    lines = [f"Of the {sum(counts.values())} {who}:"]
    lines += [f"{counts[outcome]} {OUTCOME_LABELS[outcome]}" for outcome in counts]
    return "\n".join(lines)


def reliability_words(table: pd.DataFrame):
    """``trust.reliability_table`` with a band in words and readable column names.

    Returns a styled table without the row numbers; the values are the table's own.
    """
    band = [f"{lo:.0%} to {hi:.0%}" for lo, hi in zip(table["lower"], table["upper"], strict=True)]
    shown = table[list(RELIABILITY_NAMES)].rename(columns=RELIABILITY_NAMES)
    shown.insert(0, "the app's certainty", band)
    return shown.style.hide(axis="index").format(precision=2)


def sweep_words(table: pd.DataFrame):
    """``trust.overconfidence_sweep`` with readable column names and no row numbers.

    The setting shows as the learner picks it (0.1, not 0.100); the other values are the
    table's own, rounded to 3 places as the lesson printed them before.

    Examples
    --------
    >>> from osmosis_lab.trust import overconfidence_sweep
    >>> shown = sweep_words(overconfidence_sweep([0.3, 0.7], [0, 1], overconfidence=[0.5, 1]))
    >>> list(shown.data.columns)[:2]
    ['overconfidence setting', 'the app said on average']
    """
    shown = table[list(SWEEP_NAMES)].rename(columns=SWEEP_NAMES)
    setting = SWEEP_NAMES["overconfidence"]
    return shown.style.hide(axis="index").format(precision=3).format("{:g}", subset=[setting])


def yes_no_table(columns: Mapping[str, Sequence[int]]) -> pd.DataFrame:
    """Lists of 1 (yes) and 0 (no), one column each, as a table of cases in words."""
    words = {
        name: ["yes" if value else "no" for value in values] for name, values in columns.items()
    }
    table = pd.DataFrame(words)
    table.insert(0, "case", range(1, len(table) + 1))
    return table


def stated_outcomes_table(predicted: Sequence[float], happened: Sequence[int]) -> pd.DataFrame:
    """Forecasts and what happened (lists of the same length), one row per certainty stated.

    What an ECE by hand needs, read off a small table instead of two Python lists: how many
    matches got each certainty and how many of them worked out. Rows keep the order in which
    each certainty first appears.
    """
    rows: dict[float, list[int]] = {}
    for said, came in zip(predicted, happened, strict=True):
        rows.setdefault(float(said), []).append(int(bool(came)))
    return pd.DataFrame(
        {
            "the app said": [f"{said:.0%}".replace("%", " %") for said in rows],
            "matches": [len(came) for came in rows.values()],
            "worked out": [sum(came) for came in rows.values()],
            "did not": [len(came) - sum(came) for came in rows.values()],
        }
    )
