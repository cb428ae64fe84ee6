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


def percent(share: float) -> str:
    """A share as a learner reads it: a whole percentage.

    >>> percent(0.276), percent(1.0)
    ('28%', '100%')
    """
    return f"{share:.0%}"


def count_words(count: int, total: int) -> str:
    """``count`` people out of a group of ``total``, as a learner reads a small number.

    In a small group a percentage reads oddly ("10%" of a class of 10 is one person) and "0
    people" means nobody: say the count, and the percentage only once the group has 100 or more.

    >>> count_words(0, 10), count_words(1, 10), count_words(10, 10)
    ('nobody', '1 of the 10', 'all 10')
    >>> count_words(186, 500)
    '186 of the 500 (37%)'
    """
    if count == 0:
        return "nobody"
    if count == total:
        return f"all {total}"
    said = f"{count} of the {total}"
    return said if total < 100 else f"{said} ({percent(count / total)})"


def calibration_error_words(ece: float) -> str:
    """An expected calibration error as lesson 04 writes it everywhere: a share, 2 decimals.

    A learner met "0.22", "22 percentage points", "0.217" and "21.7 points" for one error, and
    Exercise 2 expects 0.2: one form (the form Exercise 2 accepts) for every cell and explorer.
    Two decimals still single out the sweep's lowest setting (0.05; next best 0.07).

    >>> calibration_error_words(0.217165), calibration_error_words(0.2)
    ('0.22', '0.20')
    """
    return f"{ece:.2f}"


def points(gap: float, *, places: int = 0) -> str:
    """A difference of two shares in percentage points, signed (a true minus sign).

    >>> points(-0.25), points(0.338), points(0.0672, places=1)
    ('−25 points', '+34 points', '+6.7 points')
    """
    text = f"{abs(gap) * 100:.{places}f}"
    sign = "" if float(text) == 0 else ("−" if gap < 0 else "+")
    return f"{sign}{text} points"


def reliability_words(table: pd.DataFrame):
    """``trust.reliability_table`` as a learner reads it: percentages and a gap in points.

    A teacher read "0.03 / 0.28 / −0.25" under bands in per cent. Each share is shown as a
    whole percentage and the gap as the difference of the two percentages shown, so that a
    learner who subtracts what they read gets what the table says (the engine's gap, to the
    nearest point, may differ by one from that subtraction). Returns a styled table without
    the row numbers.

    Examples
    --------
    >>> row = {"lower": [0.0], "upper": [0.1], "mean_predicted": [0.029], "observed_rate": [0.276],
    ...        "count": [471], "gap": [-0.247]}
    >>> reliability_words(pd.DataFrame(row)).data.iloc[0, [0, 1, 2, 4]].tolist()
    ['0% to 10%', '3%', '28%', '−25 points']
    """
    said = [round(share * 100) for share in table["mean_predicted"]]
    came = [round(share * 100) for share in table["observed_rate"]]
    gaps = [points((s - c) / 100) for s, c in zip(said, came, strict=True)]
    shown = pd.DataFrame(
        {
            "the app's certainty": [
                f"{percent(lo)} to {percent(hi)}"
                for lo, hi in zip(table["lower"], table["upper"], strict=True)
            ],
            RELIABILITY_NAMES["mean_predicted"]: [f"{p}%" for p in said],
            RELIABILITY_NAMES["observed_rate"]: [f"{p}%" for p in came],
            RELIABILITY_NAMES["count"]: [int(n) for n in table["count"]],
            RELIABILITY_NAMES["gap"]: gaps,
        }
    )
    return shown.style.hide(axis="index")


def sweep_words(table: pd.DataFrame):
    """``trust.overconfidence_sweep`` as a learner reads it, with no row numbers.

    A teacher read "0.475 / 0.625 / 0.067": what the app said on average and its accuracy are
    percentages, the expected calibration error is written as everywhere in lesson 04
    (:func:`calibration_error_words`); the setting shows as the learner picks it (0.1), and the
    Brier score, a score rather than a share, keeps its 3 places.

    Examples
    --------
    >>> from osmosis_lab.trust import overconfidence_sweep
    >>> shown = sweep_words(overconfidence_sweep([0.3, 0.7], [0, 1], overconfidence=[0.5, 1]))
    >>> list(shown.data.columns)[:2]
    ['overconfidence setting', 'the app said on average']
    >>> shown.data.iloc[0, 2]
    '100%'
    """
    shown = table[list(SWEEP_NAMES)].rename(columns=SWEEP_NAMES)
    for column in ("mean_stated", "accuracy"):
        shown[SWEEP_NAMES[column]] = [percent(share) for share in table[column]]
    shown[SWEEP_NAMES["expected_calibration_error"]] = [
        calibration_error_words(ece) for ece in table["expected_calibration_error"]
    ]
    setting, brier = SWEEP_NAMES["overconfidence"], SWEEP_NAMES["brier_score"]
    return (
        shown.style.hide(axis="index")
        .format("{:g}", subset=[setting])
        .format("{:.3f}", subset=[brier])
    )


def brier_words(app: float, base: float, base_rate: float) -> str:
    """The app's Brier score against always saying the base rate, and which is better.

    Lower is better, so a higher score is *worse*, not "no better" (the lesson said "no better"
    at 0.282 against 0.242).

    Examples
    --------
    >>> print(brier_words(0.282, 0.242, 0.408))
    The app's Brier score: 0.282
    Always saying 41% to everyone: 0.242
    The app is worse than that: its score is higher, and lower is better.
    >>> brier_words(0.2, 0.242, 0.408).splitlines()[-1]
    'The app is better than that: its score is lower.'
    >>> brier_words(0.242, 0.242, 0.408).splitlines()[-1]
    'The app is no better than that: the two scores are the same.'
    """
    if round(app, 3) < round(base, 3):
        verdict = "better than that: its score is lower."
    elif round(app, 3) > round(base, 3):
        verdict = "worse than that: its score is higher, and lower is better."
    else:
        verdict = "no better than that: the two scores are the same."
    return (
        f"The app's Brier score: {app:.3f}\n"
        f"Always saying {percent(base_rate)} to everyone: {base:.3f}\n"
        f"The app is {verdict}"
    )


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
