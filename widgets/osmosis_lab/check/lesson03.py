"""Self-checks for lesson 03 · Data privacy.

The right answers are computed from the data and the privacy engine, never typed in.

Examples
--------
>>> reidentified_testers(12).status
'hint'
>>> str(reidentified_testers(12)).startswith("Not yet: 12 is what all four facts give.")
True
>>> l_after_generalising(1).status
'correct'
"""

import math
from functools import cache
from numbers import Real

import numpy as np

from ..data import load_people, load_population, load_public_profiles
from ..privacy import (
    OCCUPATION_SECTORS,
    Bands,
    Lookup,
    Redact,
    beta_export,
    estimate_proportion,
    generalise,
    k_anonymity,
    known_to_attacker,
    l_diversity,
    laplace_error_bound,
    linkage_attack,
)
from .core import Check, Misconception

QI = ["age", "arrondissement", "occupation", "gender"]
#: The release exercises 2 and 3 ask about: decades and sectors, place and gender hidden.
DECADES_AND_SECTORS = {
    "age": Bands(10),
    "arrondissement": Redact(),
    "occupation": Lookup(OCCUPATION_SECTORS),
    "gender": Redact(),
}


@cache
def _export():
    # The pseudonyms' order does not change any count below, so any seed gives the same answers.
    released, _ = beta_export(load_people(), load_population(), rng=np.random.default_rng(2019))
    return released, known_to_attacker(load_people(), load_public_profiles())


@cache
def _unique_testers(columns: tuple[str, ...]) -> int:
    released, known = _export()
    result = linkage_attack(released, known, quasi_identifiers=list(columns))
    return result.counts(among=known.index[known["group"] == "tester"])["unique"]


def _is_number(answer) -> bool:
    # numpy's integers and floats count as numbers (a learner's answer may be np.int64).
    return isinstance(answer, Real) and not isinstance(answer, bool | np.bool_)


reidentified_testers = Check(
    name="reidentified_testers",
    reference=lambda: [_unique_testers(tuple(q)) for q in (QI, QI[:2], QI[:2] + QI[3:])],
    question="Knowing age, arrondissement and gender, how many of the 12 testers are unique?",
    is_correct=lambda a: (
        _is_number(a) and a == _unique_testers(("age", "arrondissement", "gender"))
    ),
    why="Three everyday facts single out most testers, although the export has no names.",
    misconceptions=(
        Misconception(
            "used all four facts",
            example=12,
            matches=lambda a: a == _unique_testers(tuple(QI)),
            hint="12 is what all four facts give. The question's attacker knows only age, "
            "arrondissement and gender: leave occupation out.",
        ),
        Misconception(
            "forgot gender",
            example=6,
            matches=lambda a: a == _unique_testers(("age", "arrondissement")),
            hint="That is age and arrondissement alone. Add gender to the quasi-identifiers.",
        ),
        Misconception(
            "gave a share",
            example=0.83,
            matches=lambda a: _is_number(a) and 0 < a < 1,
            hint="Give a count of testers (a whole number), not a share.",
        ),
    ),
    fallback_hint="Run linkage_attack(released, known, quasi_identifiers=[...]) with the three "
    "facts, then result.counts(among=testers)['unique'].",
)


@cache
def _decades_and_sectors():
    released, _ = _export()
    coarse = generalise(released, DECADES_AND_SECTORS)
    return k_anonymity(coarse, QI), l_diversity(coarse, QI, "health_condition")


k_after_generalising = Check(
    name="k_after_generalising",
    reference=_decades_and_sectors,
    question="What is k of the export with age in decades, occupation as sector, the rest hidden?",
    is_correct=lambda a: _is_number(a) and a == _decades_and_sectors()[0],
    why="Every released combination is now shared by at least that many people.",
    misconceptions=(
        Misconception(
            "did not generalise",
            example=1,
            matches=lambda a: a == 1,
            hint="k = 1 is the raw export. Apply generalise(released, rules) first, then "
            "k_anonymity on the coarse table.",
        ),
        Misconception(
            "gave the number of people",
            example=1024,
            matches=lambda a: a == 1024,
            hint="1024 is everyone: that would be k with every column hidden. Keep age in "
            "decades and occupation as sector.",
        ),
    ),
    fallback_hint="coarse = generalise(released, rules); k_anonymity(coarse, quasi_identifiers).",
)

l_after_generalising = Check(
    name="l_after_generalising",
    reference=_decades_and_sectors,
    question="What is the l-diversity of that release for health_condition?",
    is_correct=lambda a: _is_number(a) and a == _decades_and_sectors()[1],
    why="At least one class shares a single health condition: k hides who its members are, "
    "not what they have. That is the homogeneity attack l-diversity measures.",
    misconceptions=(
        Misconception(
            "gave k",
            example=6,
            matches=lambda a: a == _decades_and_sectors()[0],
            hint="That is k. l counts something else: the smallest number of different health "
            "conditions found inside one class.",
        ),
    ),
    fallback_hint="l_diversity(coarse, quasi_identifiers, 'health_condition').",
)


def _survey_estimate() -> float:
    return estimate_proportion([True] * 70 + [False] * 130, epsilon=1.0).estimate


randomized_response_estimate = Check(
    name="randomized_response_estimate",
    reference=_survey_estimate,
    question="200 answers with epsilon = 1, 70 of them yes: estimate the true share.",
    is_correct=lambda a: _is_number(a) and abs(a - _survey_estimate()) < 0.005,
    why="About 27% of answers are forced lies, so the raw 35% overstates the truth; the "
    "estimator removes that known bias.",
    misconceptions=(
        Misconception(
            "took the raw rate",
            example=0.35,
            matches=lambda a: _is_number(a) and abs(a - 0.35) < 0.005,
            hint="0.35 is the share who *answered* yes. Some of those yeses are coin-forced: "
            "use estimate_proportion(...).estimate.",
        ),
        Misconception(
            "gave a percentage",
            example=17.5,
            matches=lambda a: _is_number(a) and abs(a / 100 - _survey_estimate()) < 0.005,
            hint="Give the share as a fraction between 0 and 1, not a percentage.",
        ),
    ),
    fallback_hint="responses = [True] * 70 + [False] * 130, then estimate_proportion(responses, "
    "epsilon=1).estimate.",
)


def _per_query_bound() -> float:
    return laplace_error_bound(sensitivity=1, epsilon=1.0 / 4)


error_per_query = Check(
    name="error_per_query",
    reference=_per_query_bound,
    question="A budget of 1 split equally over four counts: each count's 95% error bound?",
    is_correct=lambda a: _is_number(a) and abs(a - _per_query_bound()) < 0.05,
    why="Four queries share the budget, so each gets epsilon = 0.25 and four times the noise.",
    misconceptions=(
        Misconception(
            "forgot composition",
            example=3.0,
            matches=lambda a: (
                _is_number(a) and abs(a - laplace_error_bound(sensitivity=1, epsilon=1)) < 0.05
            ),
            hint="That is the bound for one count at epsilon = 1. Four counts add up: each may "
            "spend only 1 / 4.",
        ),
        Misconception(
            "gave the noise scale",
            example=4,
            matches=lambda a: _is_number(a) and math.isclose(a, 4),
            hint="4 is the noise scale Δ/ε. The question asks for the 95% bound: "
            "laplace_error_bound(...).",
        ),
    ),
    fallback_hint="epsilon per count = 1 / 4; laplace_error_bound(sensitivity=1, epsilon=...).",
)
