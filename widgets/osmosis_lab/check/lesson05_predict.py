"""Lesson 05 · Design review: the predictions before exercise 4's table (what an observer still
learns) and in "3 · Trade-offs" (who is harmed in an outage).

Judged leniently, like every prediction: a wrong band gets a hint that says
where to look, and the cell below it shows the figures. The right band is
computed from the review's outage model, never typed in.

Examples
--------
>>> outage_with_human_only_prediction("almost all").status
'correct'
>>> outage_share_band(0.5), outage_share_band(0.03)
('about half', 'a few')
>>> still_learned_prediction(LEARNED[1]).status
'correct'
"""

from dataclasses import replace
from functools import cache

import numpy as np

from ..data import load_pairs, load_people, load_population, load_public_profiles
from ..privacy.loss import in_100
from ..review import AS_PLANNED, compare_changes, consequences, review_scenario
from ..review.privacy_cost import observer_prior
from .core import Check, Misconception
from .said import said_back

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
def _scenario():
    return review_scenario(load_people(), load_population(), load_public_profiles(), load_pairs())


@cache
def _human_only_outage():
    """The outage figures when Billie is the only safeguard (no safe mode)."""
    design = replace(AS_PLANNED, human_contact=True)
    return consequences(design, _scenario(), rng=np.random.default_rng(2019)).trust


def _human_only_band() -> str:
    trust = _human_only_outage()
    return outage_share_band(trust.harmed / trust.users)


def _outage_shown() -> str:
    trust = _human_only_outage()
    return f"in the model, {trust.harmed} of {trust.users} connected users are harmed: {said_back(_human_only_band())}"


outage_with_human_only_prediction = Check(
    name="outage_with_human_only_prediction",
    prediction=True,
    reference=_human_only_band,
    shows=_outage_shown,
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
            hint="Now look at the cell below: how many people can one person call in the minutes "
            "an outage lasts?",
        ),
    ),
    fallback_hint="Now look at the cell below and compare.",
)


#: Exercise 4's prediction: after the change that stops the attack, what can an observer learn?
LEARNED = (
    "nothing at all",
    "something, but only up to a limit",
    "as much as from the rows, with no limit",
)


@cache
def _stopping_change():
    """The one change that stops the attack: its row of exercise 4's table."""
    table = compare_changes(AS_PLANNED, _scenario(), rng=np.random.default_rng(0))
    return table[(table["reidentified"] == 0) & (table["health_learned"] == 0)].iloc[0]


def _still_learned() -> str:
    stops, prior = _stopping_change(), observer_prior(_scenario())
    # privacy_cost is the worst case an observer reaches from the city's share (the prior)
    if stops["privacy_cost"] <= prior:
        return LEARNED[0]
    return LEARNED[1] if stops["privacy_cost"] < 1 else LEARNED[2]


def _learned_shown() -> str:
    worst, prior = _stopping_change()["privacy_cost"], observer_prior(_scenario())
    return (
        f"in the table, an observer's worst case about one resident goes from {in_100(prior)} "
        f"to {in_100(worst)}: {said_back(_still_learned())}"
    )


still_learned_prediction = Check(
    name="still_learned_prediction",
    prediction=True,
    reference=_still_learned,
    shows=_learned_shown,
    question="One single change stops the attack: nobody named, no health condition learned. "
    "After it, how much can an observer still learn about one resident?",
    is_correct=lambda answer: answer == _still_learned(),
    why="Stopping the attack is not the same as learning nothing: the table's last column shows "
    "how sure, at worst, an observer can become about one resident. Differential privacy bounds "
    "that; it does not make it zero.",
    normalise=lambda answer: answer.strip() if isinstance(answer, str) else answer,
    misconceptions=(
        Misconception(
            "no attack, no loss",
            example=LEARNED[0],
            matches=lambda answer: answer == LEARNED[0] != _still_learned(),
            hint="Now look at the table's last column below: is it the same as before anything "
            "was published?",
        ),
    ),
    fallback_hint="Now look at the table below and compare.",
)
