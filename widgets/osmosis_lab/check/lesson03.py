"""Self-checks for lesson 03 · Data privacy.

The right answers are computed from the data and the privacy engine, never typed in. This
module holds the release checks (linkage, k, l); :mod:`.lesson03_dp` holds the
differential-privacy checks (the survey, the shared budget), re-exported here so that
``check.lesson03.<name>`` finds every one of them.

Examples
--------
>>> reidentified_testers(12).status
'hint'
>>> str(reidentified_testers(12)).startswith("Not yet: That is what all four facts give.")
True
>>> exposed_by_homogeneity(1).status  # that is l, not a count of people
'hint'
"""

from functools import cache

import numpy as np

from ..data import load_people, load_population, load_public_profiles
from ..privacy import (
    OCCUPATION_SECTORS,
    Bands,
    Lookup,
    Redact,
    beta_export,
    generalise,
    k_anonymity,
    known_to_attacker,
    l_diversity,
    linkage_attack,
)
from .allowed import Allowed
from .core import Check, Misconception
from .lesson03_dp import (
    COUNTS,
    SURVEY_SIZE,
    SURVEY_YES,
    error_per_query,
    randomized_response_estimate,
)
from .plain import is_number

__all__ = [
    "COUNTS",
    "PROPOSED_RELEASE",
    "QI",
    "SURVEY_SIZE",
    "SURVEY_YES",
    "error_per_query",
    "exposed_by_homogeneity",
    "k_after_generalising",
    "randomized_response_estimate",
    "reidentified_testers",
    "wrong_values",
]

QI = ["age", "arrondissement", "occupation", "gender"]
#: The release exercises 2 and 3 ask about: age in 20-year bands, arrondissements in two halves
#: (1-10, 11-20), occupation as sector, gender hidden. Chosen so that no classic wrong method
#: lands on a right answer, nor does the answer box's format example (check.exercise.NUMBER_EXAMPLES):
#: tests/test_check_lesson03.py computes each wrong value.
PROPOSED_RELEASE = {
    "age": Bands(20),
    "arrondissement": Bands(10, origin=1),
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


def _is(answer, value) -> bool:
    return is_number(answer) and answer == value


reidentified_testers = Check(
    name="reidentified_testers",
    allowed=Allowed("count", 0, 12),  # "of the 12 testers"
    reference=lambda: [_unique_testers(tuple(q)) for q in (QI, QI[:2], QI[:2] + QI[3:])],
    question="Knowing age, arrondissement and gender, how many of the 12 testers are unique?",
    is_correct=lambda a: _is(a, _unique_testers(("age", "arrondissement", "gender"))),
    why="Three everyday facts single out most testers, although the export has no names.",
    misconceptions=(
        Misconception(
            "used all four facts",
            example=12,
            hint="That is what all four facts give. The question's attacker knows only age, "
            "arrondissement and gender: leave occupation out.",
            wrong_value=lambda: _unique_testers(tuple(QI)),
        ),
        Misconception(
            "forgot gender",
            example=6,
            hint="That is age and arrondissement alone. Add gender to the facts the attacker knows.",
            wrong_value=lambda: _unique_testers(("age", "arrondissement")),
        ),
        Misconception(
            "gave a share",
            example=0.83,
            matches=lambda a: is_number(a) and 0 < a < 1,
            hint="Give a count of testers (a whole number), not a share.",
            form_slip=True,
        ),
    ),
    fallback_hint="Run the linkage attack with three facts (age, arrondissement, gender), then "
    "read how many of the 12 testers it finds exactly one row for (the unique count).",
)


@cache
def _proposed():
    released, _ = _export()
    return generalise(released, PROPOSED_RELEASE)


def _homogeneous_people(table) -> int:
    """How many people sit in a class whose members all share one health condition."""
    classes = table.groupby(QI)["health_condition"].agg(["size", "nunique"])
    return int(classes.loc[classes["nunique"] == 1, "size"].sum())


def _homogeneous_classes(table) -> int:
    classes = table.groupby(QI)["health_condition"].nunique()
    return int((classes == 1).sum())


@cache
def wrong_values() -> dict[str, dict[str, int]]:
    """Each misconception's wrong value for exercises 2 and 3, computed from the lesson's data.

    A test checks that none of them equals the right answer, so a wrong method can never be
    told "Correct!" by luck.

    >>> wrong_values()["k_after_generalising"]["counted the health conditions"]
    6
    """
    released, _ = _export()
    proposed = _proposed()
    return {
        "k_after_generalising": {
            "did not generalise": k_anonymity(released, QI),
            "gave the number of people": len(released),
            "counted the health conditions": int(released["health_condition"].nunique()),
            "counted the classes": int(proposed.groupby(QI).ngroups),
        },
        "exposed_by_homogeneity": {
            "gave l": l_diversity(proposed, QI, "health_condition"),
            "gave k": k_anonymity(proposed, QI),
            "counted the classes": _homogeneous_classes(proposed),
            "used the raw export": _homogeneous_people(released),
        },
    }


def _computed(check_name: str, misconception: str):
    return lambda: wrong_values()[check_name][misconception]


k_after_generalising = Check(
    name="k_after_generalising",
    allowed=Allowed("count", 1),  # the smallest group holds someone
    reference=lambda: k_anonymity(_proposed(), QI),
    question="What is k of the export with age in 20-year bands, arrondissements in two halves, "
    "occupation as sector and gender hidden?",
    is_correct=lambda a: _is(a, k_anonymity(_proposed(), QI)),
    why="Every released combination is now shared by at least that many people.",
    misconceptions=(
        Misconception(
            "did not generalise",
            example=1,
            hint="k = 1 is the raw export. Work on the proposed (coarsened) table instead.",
            wrong_value=_computed("k_after_generalising", "did not generalise"),
        ),
        Misconception(
            "gave the number of people",
            example=1024,
            hint="That is everyone: k would be that only with every column hidden. k is the size "
            "of the smallest group of people who share the same public facts.",
            wrong_value=_computed("k_after_generalising", "gave the number of people"),
        ),
        Misconception(
            "counted the health conditions",
            example=6,
            hint="That is how many different health conditions the export holds. k looks only at "
            "the public facts (age band, half of Paris, sector): how many people share them.",
            wrong_value=_computed("k_after_generalising", "counted the health conditions"),
        ),
        Misconception(
            "counted the classes",
            example=38,
            hint="That is how many different combinations of public facts there are. k is the "
            "number of people in the smallest of those groups.",
            wrong_value=_computed("k_after_generalising", "counted the classes"),
        ),
    ),
    fallback_hint="Compute the k-anonymity of the proposed table with the four "
    "quasi-identifiers: the size of its smallest group of people sharing the same public facts.",
)

exposed_by_homogeneity = Check(
    name="exposed_by_homogeneity",
    allowed=Allowed("count", 0),
    reference=lambda: _homogeneous_people(_proposed()),
    question="In the proposed release, how many people are in a class whose members all share "
    "one health condition?",
    is_correct=lambda a: _is(a, _homogeneous_people(_proposed())),
    why="Each of them is hidden among others who share their public facts, yet anyone who knows "
    "which class they are in learns their health condition: the homogeneity attack.",
    misconceptions=(
        Misconception(
            "gave l",
            example=1,
            hint="That is l, the smallest number of different conditions in one class. The "
            "question asks how many people are in such all-alike classes: add up their sizes.",
            wrong_value=_computed("exposed_by_homogeneity", "gave l"),
            words="gave l, the fewest conditions in a class, not the people exposed",
        ),
        Misconception(
            "gave k",
            example=2,
            hint="That is k, the size of the smallest class. Add up the sizes of every class "
            "whose members all share one health condition.",
            wrong_value=_computed("exposed_by_homogeneity", "gave k"),
            words="gave k, the size of the smallest class, not the people exposed",
        ),
        Misconception(
            "counted the classes",
            example=3,
            hint="That is how many such classes there are. The question asks for people: add "
            "up the sizes of those classes.",
            wrong_value=_computed("exposed_by_homogeneity", "counted the classes"),
        ),
        Misconception(
            "used the raw export",
            example=1020,
            hint="In the raw export nearly everyone is alone in their class, and a class of one "
            "is always 'all alike'. Count in the proposed (coarsened) table.",
            wrong_value=_computed("exposed_by_homogeneity", "used the raw export"),
        ),
    ),
    fallback_hint="Read the table of classes whose members all share one health condition, "
    "and add up the number of people in each.",
)
