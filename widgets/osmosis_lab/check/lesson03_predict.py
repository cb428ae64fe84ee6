"""Lesson 03 · Data privacy: the prediction before the narrowing cell (Part 1).

A prediction is judged leniently: any band is an answer, the result cell below
it then shows the count, and a wrong band gets a hint that says what to look at.
The right band is computed from the export, never typed in.

Examples
--------
>>> lucas_narrowing_prediction("just him (1)").status
'correct'
>>> print(lucas_narrowing_prediction("dozens (10 to 99)"))  # doctest: +ELLIPSIS
Not yet: Your prediction is noted; now look at the cell below...
"""

from functools import cache

import numpy as np

from ..data import load_people, load_population, load_public_profiles
from ..privacy import beta_export, known_to_attacker, matching_rows
from .core import Check, Misconception

#: The answers a learner picks from, fewest people last.
CROWD_BANDS = ("hundreds (100 or more)", "dozens (10 to 99)", "a few (2 to 9)", "just him (1)")


def crowd_band(people: int) -> str:
    """The band of :data:`CROWD_BANDS` that ``people`` falls in.

    >>> crowd_band(14), crowd_band(1)
    ('dozens (10 to 99)', 'just him (1)')
    """
    return CROWD_BANDS[(people < 100) + (people < 10) + (people < 2)]


@cache
def _lucas_band() -> str:
    # The pseudonyms' order changes no count, so any seed gives the lesson's answer.
    released, _ = beta_export(load_people(), load_population(), rng=np.random.default_rng(2019))
    known = known_to_attacker(load_people(), load_public_profiles())
    lucas = known.loc["Lucas Apert", ["age", "arrondissement"]].to_dict()
    return crowd_band(matching_rows(released, lucas))


#: A wrong prediction is still a prediction: the hint says where to look, not what to type.
LOOK_BELOW = (
    "Your prediction is noted; now look at the cell below: each line adds one fact and counts "
    "who in the export still fits."
)


lucas_narrowing_prediction = Check(
    name="lucas_narrowing_prediction",
    reference=_lucas_band,
    question="Of everyone in the export, how many share Lucas's age and arrondissement?",
    is_correct=lambda answer: answer == _lucas_band(),
    why="Two ordinary facts leave one person in a thousand: the cell below counts it line by "
    "line. Nobody in the export is named, yet Lucas is alone in his row.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "a crowd hides you",
            example="hundreds (100 or more)",
            matches=lambda answer: answer in CROWD_BANDS[:2] and answer != _lucas_band(),
            hint=LOOK_BELOW + " Does the crowd stay large once two facts are known?",
        ),
    ),
    fallback_hint=LOOK_BELOW,
)
