"""Lesson 04's self-checks about decisions made with the app: whose match, how far to rely
on it, and whom a human must reach when it fails.

The other half (:mod:`.lesson04`) checks calibration: what the app's stated certainty is
worth. Every right answer is computed here from the engine and the data, never typed in.

Examples
--------
>>> print(lucas_wellbeing_match("Léopold"))  # doctest: +NORMALIZE_WHITESPACE
Not yet: That is his match when the matching maximises attraction.
Switch the objective to wellbeing.
>>> sofia_over_reliance(_over_reliance()).status
'correct'
"""

import unicodedata
from functools import cache

import numpy as np

from ..data import load_people, load_population, wellbeing_probability
from ..data.markets import who_may_meet
from ..trust import all_pairs, match_under_objectives, mutual_score_table, reliance_summary
from .allowed import Allowed
from .core import Check, Misconception

#: Exercise 4: Sofia's log (1 = accept), the app's verdicts and what happened.
SOFIA_FINAL = [1, 1, 1, 0, 1, 1, 1, 0]
SOFIA_APP = [1, 1, 1, 0, 1, 0, 1, 1]
SOFIA_OUTCOME = [1, 0, 1, 0, 0, 1, 1, 0]


def _number(answer):
    """A learner's number as a float (lesson 04's checks read numbers so); TypeError if not one."""
    if isinstance(answer, bool) or not isinstance(answer, int | float | np.number):
        raise TypeError("not a number")
    return float(answer)


def _spellings(name: str) -> set[str]:
    """A name as a learner may type it: any case, with or without its accents."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return {name.casefold(), "".join(c for c in plain if not unicodedata.combining(c))}


def _name(answer):
    return answer.strip().casefold() if isinstance(answer, str) else answer


@cache
def _lucas_matches() -> dict[str, str]:
    """Lucas's match under each objective (the attraction one is the classic wrong answer)."""
    table = load_people().set_index("name")
    testers, candidates = table[table["role"] == "tester"], table[table["role"] == "candidate"]
    matches = match_under_objectives(
        mutual_score_table(testers, candidates),
        all_pairs(testers, candidates, wellbeing_probability),
        allowed=who_may_meet(testers, candidates),
    )
    chosen = matches[matches["person"] == "Lucas Apert"].set_index("objective")["match"]
    return {objective: str(match) for objective, match in chosen.items()}


def _lucas_match() -> str:
    return _lucas_matches()["wellbeing"]


lucas_wellbeing_match = Check(
    name="lucas_wellbeing_match",
    reference=_lucas_match,
    question="Who is Lucas matched with when the matching maximises wellbeing?",
    is_correct=lambda answer: answer == _lucas_match().casefold(),
    why="Antoine shares Lucas's memories and treats partners well: a lower score, a far better "
    "chance that both are doing well a year later. The score measured attraction.",
    normalise=_name,
    misconceptions=(
        Misconception(
            "the attraction match",
            example="Léopold",
            matches=lambda answer: answer in _spellings(_lucas_matches()["attraction"]),
            # no name in the reply: the box sits outside the spoiler-marked explorer, and
            # "Léopold is Lucas's match" is an episode 2 relation (w51)
            hint="That is his match when the matching maximises attraction. Switch the "
            "objective to wellbeing.",
            wrong_value=lambda: _lucas_matches()["attraction"],
        ),
        Misconception(
            "a tester",
            example="Lucas Apert",
            matches=lambda answer: answer in ("lucas", "lucas apert"),
            hint="Give the name of Lucas's match, a candidate, not Lucas himself.",
        ),
    ),
    fallback_hint="Set the explorer's objective to wellbeing and read Lucas's line.",
)


def _app_errors() -> int:
    """The wrong method "counted every app error"."""
    return sum(a != o for a, o in zip(SOFIA_APP, SOFIA_OUTCOME, strict=True))


def _agreements() -> int:
    """The wrong method "counted every agreement"."""
    return sum(f == a for f, a in zip(SOFIA_FINAL, SOFIA_APP, strict=True))


def _over_reliance() -> int:
    return reliance_summary(SOFIA_FINAL, SOFIA_APP, SOFIA_OUTCOME).over_reliance


sofia_over_reliance = Check(
    name="sofia_over_reliance",
    allowed=Allowed("count", 0, len(SOFIA_APP)),  # of her cases
    reference=_over_reliance,
    question="On how many cases did Sofia go along with the app when the app was wrong?",
    is_correct=lambda answer: _number(answer) == _over_reliance(),
    why="The app was wrong on 4 cases; Sofia agreed with it on 2 of them (cases 2 and 5) and "
    "overrode it on the other 2, rightly.",
    misconceptions=(
        Misconception(
            "counted every app error",
            example=4,
            matches=lambda a: _number(a) == _app_errors(),
            hint="4 is how often the app was wrong. Count only the cases where Sofia's call "
            "was the same as the app's wrong one.",
            wrong_value=_app_errors,
        ),
        Misconception(
            "counted every agreement",
            example=6,
            matches=lambda a: _number(a) == _agreements(),
            hint="6 is how often Sofia agreed with the app. Agreeing with a right verdict is "
            "not over-reliance: keep the cases where the app was wrong.",
            wrong_value=_agreements,
        ),
    ),
    fallback_hint="A case counts when the app's verdict differs from what happened and Sofia's "
    "call is the same as the app's.",
)


@cache
def _users() -> int:
    return int(load_population()["signed_up"].sum())


billie_needs = Check(
    name="billie_needs",
    allowed=Allowed("count", 0),  # above the users: "every user" earns its hint
    reference=_users,
    question="Safe modes work for 90% of users. About how many people must Billie be able to "
    "reach so that nobody is harmed in an outage?",
    is_correct=lambda answer: abs(_number(answer) - 0.1 * _users()) <= 0.04 * _users(),
    why="About 10% of the users' safe modes fail, so Billie must reach roughly that many, "
    "in time, before harm sets in. The explorer lets you give Billie any reach; could one "
    "person really reach that many in time? And the number grows with every new user: the "
    "safeguard has to scale with the users.",
    misconceptions=(
        Misconception(
            "every user",
            example=370,
            matches=lambda a: _number(a) >= 0.5 * _users(),
            hint="Billie only needs to reach the people whose safe mode failed, not everyone.",
            wrong_value=_users,
        ),
        Misconception(
            "a share",
            example=0.1,
            matches=lambda a: 0 < _number(a) < 1,
            hint="Give a number of people, not a share: 10% of how many users?",
            form_slip=True,
        ),
    ),
    fallback_hint="Roughly (1 - 0.9) × the number of users; try it in the outage explorer.",
)
