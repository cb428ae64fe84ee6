"""Self-checks for lesson 05 · Design review before launch.

Every right answer is computed from the engines (``osmosis_lab.review`` on the
shipped data), never typed here. The research export's checks (what noisy counts change,
which change stops the attack) live in :mod:`.lesson05_privacy`, re-exported here so that
``check.lesson05.<name>`` finds every one of them.

Examples
--------
>>> print(review_proposing_side("candidates"))  # doctest: +ELLIPSIS
Noted: you predicted “candidates”; in the table, the average partner ranks are testers...
>>> review_non_users_used(633).status
'correct'
"""

from dataclasses import replace
from functools import lru_cache

import numpy as np

from ..consent.forms import FORMS, simulate_form
from ..data import load_people, load_population
from ..review import AS_PLANNED, consequences
from .allowed import Allowed
from .core import Check, Misconception
from .lesson05_privacy import (
    PREDICTION_FIGURES,
    _scenario,
    review_noisy_counts_prediction,
    review_privacy_change,
)
from .said import said_back

__all__ = [
    "PREDICTION_FIGURES",
    "SHARE_TOLERANCE",
    "review_informed_share",
    "review_noisy_counts_prediction",
    "review_non_users_used",
    "review_privacy_change",
    "review_proposing_side",
]

#: How far a share read off one simulation may be from the engine's long-run value.
SHARE_TOLERANCE = 0.04


@lru_cache(maxsize=1)
def _ranks() -> tuple:
    """The matching figures when the testers propose (as planned), then the candidates."""
    rng = np.random.default_rng(0)  # the matching figures use no randomness
    before = consequences(AS_PLANNED, _scenario(), rng=rng).matching
    after = consequences(replace(AS_PLANNED, proposers="candidates"), _scenario(), rng=rng).matching
    return before, after


def _proposing_side() -> str:
    """Whose average partner rank improves when the candidates propose instead."""
    before, after = _ranks()
    gains = [
        side
        for side, b, a in (
            ("testers", before.tester_rank, after.tester_rank),
            ("candidates", before.candidate_rank, after.candidate_rank),
        )
        if a < b
    ]
    return gains[0] if len(gains) == 1 else "neither"


def _ranks_shown() -> str:
    """Each side's average partner rank when the testers, then the candidates propose."""
    (before, after), side = _ranks(), _proposing_side()
    ranks = []
    for who, b, a in (
        ("testers", before.tester_rank, after.tester_rank),
        ("candidates", before.candidate_rank, after.candidate_rank),
    ):
        ranks.append(f"{who} {b:g} both times" if a == b else f"{who} {b:g}, then {a:g}")
    return f"in the table, the average partner ranks are {' and '.join(ranks)}: {said_back(side)}"


def _side(answer):
    return answer.strip().casefold() if isinstance(answer, str) else answer


review_proposing_side = Check(
    name="review_proposing_side",
    prediction=True,  # its result is hidden until answered: a wrong one is "Noted:"
    reference=_proposing_side,
    shows=_ranks_shown,
    question="When the candidates propose instead of the testers, whose average partner rank "
    'improves: "testers", "candidates" or "neither"?',
    is_correct=lambda answer: answer == _proposing_side(),
    why="Among these 24 people there is only one stable matching, so both sides get the same "
    "partners whoever proposes. The proposing side gains only when there is more than one "
    "stable matching (lesson 01's small example).",
    normalise=_side,
    misconceptions=(
        Misconception(
            "recited the theorem",
            example="candidates",
            matches=lambda answer: answer == "candidates" != _proposing_side(),
            hint="Gale and Shapley's theorem promises the proposing side its best stable "
            "partner: compare the ranks below to see what that changes here.",
        ),
        Misconception(
            "thought the reviewers gain",
            example="testers",
            matches=lambda answer: answer == "testers" != _proposing_side(),
            hint="Proposing never makes a side worse off, so only the candidates could gain: "
            "compare the two rank rows below.",
        ),
    ),
    fallback_hint="Answer testers, candidates or neither (in code: one of them in quotes).",
)


@lru_cache(maxsize=1)
def _informed_share_pre_ticked() -> float:
    # A large simulation gives the long-run share the lesson's 1,000 people scatter around.
    table = simulate_form(20_000, FORMS["pre_ticked"], rng=np.random.default_rng(0))
    return float(table.loc["research", "informed_share"])


@lru_cache(maxsize=1)
def _consent_rate_pre_ticked() -> float:
    table = simulate_form(20_000, FORMS["pre_ticked"], rng=np.random.default_rng(0))
    return float(table.loc["research", "consent_rate"])


def _share(answer):
    if isinstance(answer, bool) or not isinstance(answer, int | float) or answer != answer:
        raise TypeError("not a number")
    return float(answer)


review_informed_share = Check(
    name="review_informed_share",
    allowed=Allowed("fraction", 0, 1),
    reference=lambda: (_informed_share_pre_ticked(), _consent_rate_pre_ticked()),
    question="Under the pre-ticked form, what share of the research consents are informed "
    "(ticked by someone who read the form and wanted it)? Give a fraction between 0 and 1.",
    is_correct=lambda a: abs(a - _informed_share_pre_ticked()) <= SHARE_TOLERANCE,
    why="Most people never read the form, and a pre-ticked box they leave alone still counts "
    "as a yes: only a small share of the research consents are real, informed choices.",
    normalise=_share,
    misconceptions=(
        Misconception(
            "gave a percentage",
            example=13,
            matches=lambda a: 1 < a <= 100,
            hint="A share is a fraction between 0 and 1: 25 % is 0.25. In the answer box a "
            "percentage reads with its sign, 25 %.",
            form_slip=True,
        ),
        Misconception(
            "counted every tick as informed",
            example=1.0,
            matches=lambda a: a >= 0.9,
            hint="A box left ticked by someone who never read the form is recorded as a yes, "
            "but it is not an informed choice. Read the 'informed' row, not the consent row.",
            wrong_value=lambda: 1.0,  # every consent counted,
        ),
        Misconception(
            "gave the consent rate",
            example=0.84,
            matches=lambda a: abs(a - _consent_rate_pre_ticked()) <= SHARE_TOLERANCE,
            hint="That is the share of people who end up consenting. The question asks what "
            "share of those consents are informed.",
            wrong_value=_consent_rate_pre_ticked,
        ),
    ),
    fallback_hint="Set the consent form to 'Pre-ticked' in the panel and read the row "
    "'research consents that are informed'; give it as a fraction.",
)


@lru_cache(maxsize=1)
def _non_users_used() -> int:
    figures = consequences(AS_PLANNED, _scenario(), rng=np.random.default_rng(0))
    return figures.consent.non_users_used


@lru_cache(maxsize=1)
def _unsigned_counts() -> tuple[int, int]:
    people, residents = load_people(), load_population()
    return int((~people["signed_up"]).sum()), int((~residents["signed_up"]).sum())


def _whole(answer):
    if isinstance(answer, bool) or not isinstance(answer, int | float) or answer != answer:
        raise TypeError("not a number")
    return answer


review_non_users_used = Check(
    name="review_non_users_used",
    allowed=Allowed("count", 0),
    reference=lambda: (_non_users_used(), _unsigned_counts()),
    question="How many people does the planned launch use (to match or to study) who never "
    "signed up?",
    is_correct=lambda answer: answer == _non_users_used(),
    why="Scraping finds the candidates the app offers as soulmates, and the research "
    "export holds every resident it found online: none of them was ever asked.",
    normalise=_whole,
    misconceptions=(
        Misconception(
            "counted only the matched candidates",
            example=3,
            hint="Those are the candidates found as soulmates. The research export also holds "
            "residents who never signed up: read the row 'people used who never signed up'.",
            wrong_value=lambda: _unsigned_counts()[0],
        ),
        Misconception(
            "counted only the residents",
            example=630,
            hint="Those are the residents in the export. Add the candidates the app found as "
            "soulmates without their signing up.",
            wrong_value=lambda: _unsigned_counts()[1],
        ),
    ),
    fallback_hint="Read the row 'people used who never signed up' for the planned design.",
)
