"""Self-checks for lesson 05 · Design review, the research export: what noisy counts change.

Split from :mod:`.lesson05` (the checks that read the panel's other figures), which
re-exports these so that ``check.lesson05.<name>`` finds every lesson 05 check. Every right
answer is computed from ``osmosis_lab.review`` on the shipped data, never typed here.

Examples
--------
>>> sorted(_rows_noisy_counts_change()) == sorted(f.casefold() for f in PREDICTION_FIGURES
...                                               if f not in (PREDICTION_FIGURES[4:7]))
True
>>> review_privacy_change("generalise the export (k = 5)").status
'hint'
"""

from dataclasses import replace
from functools import lru_cache

import numpy as np

from ..data import load_pairs, load_people, load_population, load_public_profiles
from ..review import AS_PLANNED, compare_changes, consequences, figure_changed, review_scenario
from .core import Check, Misconception
from .said import said_back


@lru_cache(maxsize=1)
def _scenario():
    return review_scenario(load_people(), load_population(), load_public_profiles(), load_pairs())


#: The figures the prediction before the panel offers (their names in the panel's table).
PREDICTION_FIGURES = (
    "people in the city re-identified by name",
    "people whose health condition the attacker learns",
    "error of the published count of people living with depression",
    "worst case: how sure an observer can become that one resident lives with depression "
    "(invented model)",
    "connected users whose subconscious signals the company holds (invented model)",
    "people who consent to research",
    "users harmed in an outage of the AI",
    "weeks of work on safeguards, and the launch's delay (invented model; about a month of work fits)",
)
_WORST_CASE, _NEURAL, _COUNT = PREDICTION_FIGURES[3], PREDICTION_FIGURES[4], PREDICTION_FIGURES[2]


@lru_cache(maxsize=1)
def _rows_noisy_counts_change() -> frozenset[str]:
    """The panel's rows that change (bold) when the plan's export becomes noisy counts (same seed)."""
    plan = consequences(AS_PLANNED, _scenario(), rng=np.random.default_rng(0)).table()
    noisy = consequences(
        replace(AS_PLANNED, privacy="dp"), _scenario(), rng=np.random.default_rng(0)
    )
    moved = plan.loc[list(map(figure_changed, plan["shown"], noisy.table()["shown"])), "figure"]
    return frozenset(name.casefold() for name in moved)


def _rows_shown() -> str:
    """The rows that change, in the words of the answer's buttons (the panel's own names)."""
    moved = [f for f in PREDICTION_FIGURES if f.casefold() in _rows_noisy_counts_change()]
    return f"in the panel, {len(moved)} rows change: {said_back(moved)}"


def _figure_names(answer):
    if isinstance(answer, str):
        answer = {answer}
    return {" ".join(str(a).split()).casefold() for a in answer}


def _without(name: str) -> frozenset[str]:
    return _rows_noisy_counts_change() - {name.casefold()}


review_noisy_counts_prediction = Check(
    name="review_noisy_counts_prediction",
    prediction=True,  # its result is hidden until answered: a wrong one is "Noted:"
    reference=_rows_noisy_counts_change,
    shows=_rows_shown,
    question="If the planned export becomes noisy counts, which rows of the panel's table change?",
    is_correct=lambda answer: answer == _rows_noisy_counts_change(),
    right_picks=_rows_noisy_counts_change,
    why="No rows leave the company, so the attack names nobody and learns no health condition; "
    "the published count gets noise; the worst case for one resident gets a bound (still far "
    "from nothing); and the noisy export takes weeks of work. What the app reads, who "
    "consents and the outage do not change.",
    normalise=_figure_names,
    misconceptions=(
        Misconception(
            "thought the export changes what the app reads",
            {_NEURAL, *PREDICTION_FIGURES[:3]},
            lambda a: _NEURAL.casefold() in a,
            "The export decides what leaves the company, not what the app reads.",
        ),
        Misconception(
            "thought noisy counts cost no privacy",
            {*PREDICTION_FIGURES[:3], PREDICTION_FIGURES[7]},
            lambda a: a == _without(_WORST_CASE),
            "Noisy counts still spend privacy: the worst case for one resident gets a bound, "
            "far from nothing.",
        ),
        Misconception(
            "thought noise only blurs the count",
            {_COUNT},
            lambda a: a == {_COUNT.casefold()},
            "With noisy counts no rows leave the company: what does that do to the attack of "
            "lesson 03, and to the worst case for one resident?",
        ),
    ),
    # after the rows that change are named: a hint to pick every row would be untrue of a
    # learner who did, and picked one more (the near miss before it says which slip it is)
    fallback_hint="Compare your picks with the rows named above (in code: a set of the row "
    "names in quotes).",
)


@lru_cache(maxsize=1)
def _privacy_table():
    return compare_changes(AS_PLANNED, _scenario(), rng=np.random.default_rng(0))


def _leaks_nothing() -> str:
    table = _privacy_table()
    safe = table[(table["reidentified"] == 0) & (table["health_learned"] == 0)]
    return safe.index[0].casefold()


def _label(answer):
    return answer.strip().casefold() if isinstance(answer, str) else answer


def _leaks_health(answer) -> bool:
    table = _privacy_table().rename(index=str.casefold)
    row = table.loc[answer]
    return row["reidentified"] == 0 and row["health_learned"] > 0


review_privacy_change = Check(
    name="review_privacy_change",
    reference=_leaks_nothing,
    question="Which single change to the planned launch stops the linkage attack: nobody "
    "re-identified by name and no health condition learned from the export? Give its label.",
    is_correct=lambda answer: answer == _leaks_nothing(),
    why="With differential privacy no rows leave the company, only noisy counts: there is "
    "nothing to join to a public profile. That bounds what is learned; it does not make it "
    "zero: five counts at epsilon = 1 each spend epsilon = 5 in all, so an observer's odds "
    "about one resident can still grow up to 148 times.",
    normalise=_label,
    misconceptions=(
        Misconception(
            "trusted k-anonymity alone",
            example="generalise the export (k = 5)",
            matches=_leaks_health,
            hint="Generalising stops every unique match, but look at the health row: some "
            "groups share one health condition, so placing a person in their group reveals it "
            "(lesson 03's homogeneity attack).",
        ),
        Misconception(
            "shrank the export",
            example="stop searching for people who never signed up",
            matches=lambda answer: answer == "stop searching for people who never signed up",
            hint="Fewer people are in the export, so fewer are exposed, but the people who "
            "remain are re-identified just as easily. Look for a change that releases no rows.",
        ),
    ),
    fallback_hint="Pick one change: the row of the table above where nobody is re-identified "
    "and no health condition is learned (in code: copy its label in quotes).",
)
