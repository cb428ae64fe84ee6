"""Lesson 05 · Design review: the prediction of "3 · Trade-offs" (who is harmed in an outage).

Judged leniently, like every prediction: a wrong band gets a hint that says
where to look, and the cell below it shows the figures. The right band is
computed from the review's outage model, never typed in.

Examples
--------
>>> outage_with_human_only_prediction("almost all").status
'correct'
>>> outage_share_band(0.5), outage_share_band(0.03)
('about half', 'a few')
"""

from dataclasses import replace
from functools import cache

import numpy as np

from ..data import load_pairs, load_people, load_population, load_public_profiles
from ..review import AS_PLANNED, consequences, review_scenario
from .core import Check, Misconception

#: The answers a learner picks from, most harmed first.
HARM_BANDS = ("almost all", "about half", "a few", "none")


def outage_share_band(share: float) -> str:
    """The band of :data:`HARM_BANDS` a share of harmed users falls in."""
    if share >= 0.8:
        return HARM_BANDS[0]
    if share >= 0.2:
        return HARM_BANDS[1]
    return HARM_BANDS[2] if share > 0 else HARM_BANDS[3]


@cache
def _human_only_band() -> str:
    scenario = review_scenario(
        load_people(), load_population(), load_public_profiles(), load_pairs()
    )
    design = replace(AS_PLANNED, human_contact=True)
    trust = consequences(design, scenario, rng=np.random.default_rng(2019)).trust
    return outage_share_band(trust.harmed / trust.users)


outage_with_human_only_prediction = Check(
    name="outage_with_human_only_prediction",
    reference=_human_only_band,
    question="If Billie is the only safeguard when the AI fails (no safe mode), how many of "
    "the connected users are harmed in an outage?",
    is_correct=lambda answer: answer == _human_only_band(),
    why="One person can reach only so many people in time: the cell below shows it, and "
    "what a safe mode adds.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "one human is enough",
            example="a few",
            matches=lambda answer: answer in HARM_BANDS[2:] and answer != _human_only_band(),
            hint="Your prediction is noted; now look at the cell below. How many people can "
            "one person call in the minutes an outage lasts?",
        ),
    ),
    fallback_hint="Your prediction is noted; now look at the cell below and compare.",
)
