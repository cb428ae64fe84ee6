"""Lesson 03 · Data privacy: the predictions before the export, the narrowing cell (Part 1) and
the first survey (Part 3).

A prediction is judged leniently: any band is an answer, the result cell below
it then shows the count, and a wrong band gets a hint that says what to look at.
The right band is computed from the export, never typed in.

Examples
--------
>>> lucas_narrowing_prediction("just him (1)").status
'correct'
>>> print(lucas_narrowing_prediction("dozens (10 to 99)"))  # doctest: +ELLIPSIS
Noted: you predicted “dozens (10 to 99)”; in the export, 1 person fits...
>>> export_harm_prediction(HARM_ANSWERS[2]).status, survey_closeness_prediction(CLOSENESS[1]).status
('correct', 'correct')
"""

from functools import cache

import numpy as np

from ..data import load_people, load_population, load_public_profiles
from ..privacy import beta_export, estimate_proportion, known_to_attacker, matching_rows
from .core import Check, Misconception
from .said import said_back

#: The answers a learner picks from, fewest people last.
CROWD_BANDS = ("hundreds (100 or more)", "dozens (10 to 99)", "a few (2 to 9)", "just him (1)")


def crowd_band(people: int) -> str:
    """The band of :data:`CROWD_BANDS` that ``people`` falls in.

    >>> crowd_band(14), crowd_band(1)
    ('dozens (10 to 99)', 'just him (1)')
    """
    return CROWD_BANDS[(people < 100) + (people < 10) + (people < 2)]


@cache
def _lucas_count() -> int:
    """How many rows of the export share Lucas's age and arrondissement."""
    # The pseudonyms' order changes no count, so any seed gives the lesson's answer.
    released, _ = beta_export(load_people(), load_population(), rng=np.random.default_rng(2019))
    known = known_to_attacker(load_people(), load_public_profiles())
    lucas = known.loc["Lucas Apert", ["age", "arrondissement"]].to_dict()
    return matching_rows(released, lucas)


def _lucas_band() -> str:
    return crowd_band(_lucas_count())


def _lucas_shown() -> str:
    people = "1 person fits" if _lucas_count() == 1 else f"{_lucas_count()} people fit"
    return f"in the export, {people} both his age and arrondissement: {said_back(_lucas_band())}"


#: A wrong prediction is still a prediction: the hint says where to look, not what to type.
LOOK_BELOW = (
    "Now look at the cell below: each line adds one fact and counts who in the export still fits."
)


lucas_narrowing_prediction = Check(
    name="lucas_narrowing_prediction",
    prediction=True,
    reference=_lucas_band,
    shows=_lucas_shown,
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
            hint="Now look at the cell below: does the crowd stay large once two facts are known?",
        ),
    ),
    fallback_hint=LOOK_BELOW,
)


#: "Predict before you run: no names, can anyone be hurt?" (the export, before Part 1).
HARM_ANSWERS = (
    "no: with no names, nobody can be found",
    "only if the list of pseudonyms leaks",
    "yes: ordinary facts can still point to one person",
)


def _someone_can_be_found() -> str:
    # Part 1 shows it: two ordinary facts leave Lucas alone in his row of the export.
    return HARM_ANSWERS[2] if _lucas_band() == CROWD_BANDS[-1] else HARM_ANSWERS[0]


export_harm_prediction = Check(
    name="export_harm_prediction",
    prediction=True,
    reference=_someone_can_be_found,
    # the answer, not the count: Part 1's own prediction asks for that next
    shows=lambda: f"the data say {said_back(_someone_can_be_found())} (Part 1 finds such a row)",
    question="The export has no names in it. Can anyone in it be hurt?",
    is_correct=lambda answer: answer == _someone_can_be_found(),
    why="A row with no name can still be the only one that fits facts anyone can look up: "
    "Part 1 finds such rows, and each carries its sensitive columns with it.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "no name, no harm",
            example=HARM_ANSWERS[0],
            matches=lambda answer: answer in HARM_ANSWERS[:2] and answer != _someone_can_be_found(),
            hint="Now look at the export below, then at what the attacker knows: which columns "
            "do the two tables share?",
        ),
    ),
    fallback_hint="Now look at the export below.",
)


#: "Predict: with ε = 1 and 200 people, will the estimate be close to the truth?" (Part 3).
CLOSENESS = (
    "very close: within 3 points",
    "roughly: within about 15 points",
    "not at all: it could be anything from 0 % to 100 %",
)
#: The survey the prediction is about (Part 3's first cell, and exercise 4's numbers).
SURVEY = {"people": 200, "yes": 70, "epsilon": 1.0}


def closeness_band(half_width: float) -> str:
    """The band of :data:`CLOSENESS` a 95 % interval's half-width falls in.

    >>> closeness_band(0.02), closeness_band(0.14), closeness_band(0.45)
    ('very close: within 3 points', 'roughly: within about 15 points', 'not at all: it could be anything from 0 % to 100 %')
    """
    return CLOSENESS[(half_width > 0.03) + (half_width > 0.25)]


@cache
def _survey_half_width() -> float:
    """Half the 95 % interval's width, as a share, for the survey of :data:`SURVEY`."""
    answers = [True] * SURVEY["yes"] + [False] * (SURVEY["people"] - SURVEY["yes"])
    estimate = estimate_proportion(answers, epsilon=SURVEY["epsilon"])
    return (estimate.high - estimate.low) / 2


def _survey_band() -> str:
    return closeness_band(_survey_half_width())


def _survey_shown() -> str:
    points = round(_survey_half_width() * 100)
    return (
        f"with {SURVEY['people']} people at ε = 1, a 95% interval reaches about {points} points "
        f"either side: {said_back(_survey_band())}"
    )


survey_closeness_prediction = Check(
    name="survey_closeness_prediction",
    prediction=True,
    reference=_survey_band,
    shows=_survey_shown,
    question="With ε = 1 and 200 people, how close will the estimate be to the true share?",
    is_correct=lambda answer: answer == _survey_band(),
    why="The coin hides each answer, and that costs precision: with 200 people the 95 % "
    "interval spans about 15 points either side. Close enough for a rough share, not for a "
    "precise one; more people, or a larger ε, narrow it.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "the coin costs nothing",
            example=CLOSENESS[0],
            matches=lambda answer: answer == CLOSENESS[0] != _survey_band(),
            hint="Now look at the line below: its 95 % interval says how far off the estimate "
            "could be.",
        ),
    ),
    fallback_hint="Now look at the line below and its 95 % interval.",
)
