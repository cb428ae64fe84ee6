"""Lesson 02's self-checks that simulate on the generated people: the consent board's
market, the inference model and the consent forms.

The other half of lesson 02's checks (:mod:`.lesson02`) replays hand-written consent
ledgers; these ones rebuild what an explorer shows from the seeded data, so each
reads the data the way the lesson's explorer does.

Examples
--------
>>> most_consenting_trick("Bundled").status, most_consenting_trick("Pre-ticked").status
('correct', 'hint')
>>> bystanders_count(_karim_bystanders()).status
'correct'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from ..categories import CATEGORIES
from ..consent import (
    grant,
    open_ledger,
    people_from_table,
    shared_categories,
    withdraw,
)
from ..consent.forms import BUTTON_NAMES, FORMS, Behaviour, simulate_form
from ..consent.inference import fit_inference
from ..consent.market import match_changes, match_with_consent
from ..data import load_people, load_population
from ..data.markets import market_from_tables
from .allowed import Allowed
from .core import Check, Misconception
from .exercise import normalise_phrase

#: The form explorer's button labels, in words, -> the design keys the check compares.
_TRICK_NAMES = {normalise_phrase(label): key for key, label in BUTTON_NAMES.items()}


def _trick(answer):
    """A design key, or its name as the explorer's buttons show it ("Pre-ticked")."""
    if not isinstance(answer, str):
        return answer
    words = normalise_phrase(answer)
    return _TRICK_NAMES.get(words, words.replace(" ", "_"))


@dataclass(frozen=True)
class Withdrawal:
    """One change on the consent board as it first appears: ``tester`` withdraws ``category``
    for ``purpose``, counted in ``market`` with Osmosis scraping or not.

    The consent board reads it to know when it shows this exercise's question (and only then
    points to the exercise), so the check and the board ask one question.
    """

    tester: str
    category: str
    purpose: str
    market: str  # the board's key: "beta" is the 12 testers and 12 candidates
    scrape: bool


#: Exercise 4's question: Karim withdraws scraped social media for matching, in the beta market.
BYSTANDERS_QUESTION = Withdrawal("T05", "scraped", "matching", market="beta", scrape=True)


@cache
def _karim_changed() -> tuple[str, ...]:
    """Everyone whose match changes when Karim (T05) withdraws scraped data, Karim included."""
    q = BYSTANDERS_QUESTION
    people = load_people()
    market = market_from_tables(  # the beta market (q.market)
        people[people["role"] == "tester"], people[people["role"] == "candidate"]
    )
    ledger = open_ledger(people_from_table(people))
    for pid in people.loc[people["signed_up"], "person_id"]:
        ledger = grant(ledger, pid, list(CATEGORIES), q.purpose, day=0)
    shared = shared_categories(ledger, q.purpose)
    before = match_with_consent(market, shared, scrape_unsigned=q.scrape)
    ledger = withdraw(ledger, q.tester, q.category, q.purpose, day=1)
    after = match_with_consent(
        market, shared_categories(ledger, q.purpose), scrape_unsigned=q.scrape
    )
    return tuple(who for who, *_ in match_changes(before, after))


#: Said with every hint of Exercise 4: a learner who read the count from another market (the
#: city's "4 of them changed nothing themselves") or another tester is told which board the
#: question is about, in the controls the exercise names (its market, the Start again button).
_THE_BOARD_ASKED = (
    f"The exercise asks about the board as it first appears: Karim Benali "
    f"({BYSTANDERS_QUESTION.tester}) in the {BYSTANDERS_QUESTION.market} market (press the "
    f"board's Start again button to go back to it)."
)


def _karim_bystanders() -> int:
    return sum(1 for who in _karim_changed() if who != BYSTANDERS_QUESTION.tester)


bystanders_count = Check(
    name="bystanders_count",
    allowed=Allowed("count", 0),
    reference=_karim_bystanders,
    question="On the board as it first appears, Karim withdraws scraped social media for "
    "matching. How many people whose match changed did nothing themselves?",
    is_correct=lambda answer: answer == _karim_bystanders(),
    why="Everyone whose partner changed except Karim himself: his old and new partners, and the "
    "people displaced along the chain. One person's choice moves other people.",
    misconceptions=(
        Misconception(
            "counted Karim",
            6,
            hint="That counts everyone whose match changed. Leave out Karim: he is the one "
            f"who changed something. {_THE_BOARD_ASKED}",
            wrong_value=lambda: len(_karim_changed()),
        ),
        Misconception(
            "only Karim is affected",
            0,
            lambda a: a in (0, 1),
            f"Look at the board's table: more partners moved than Karim's. {_THE_BOARD_ASKED}",
            wrong_value=lambda: 0,  # nobody else moved,
        ),
    ),
    # not "read the sentence under the chart": on that board it holds the count back until
    # this exercise is checked, and another market's sentence gives another count
    fallback_hint=f"{_THE_BOARD_ASKED} Untick his 'Matching: scraped social media', then count "
    "the people in the board's table whose partner changed, leaving out Karim.",
)


@cache
def _testers_rate() -> float:
    """The explorer's rate on the testers, for subconscious signals, as the lesson builds it."""
    # the lesson passes np.random.default_rng(2019) to the explorer, which draws one seed
    # for its split from it (explorers/consent_inference.py)
    seed = int(np.random.default_rng(2019).integers(2**31))
    fit = fit_inference(load_population(), "subconscious", rng=np.random.default_rng(seed))
    people = load_people().set_index("person_id")
    return float(fit.right_side(people[people["role"] == "tester"]).to_numpy().mean())


def _accuracy_ok(answer) -> bool:
    return isinstance(answer, float | np.floating) and 0.7 <= answer <= 0.95


inference_accuracy = Check(
    name="inference_accuracy",
    allowed=Allowed("fraction", 0, 1),
    question="For the held-out residents, how often does the app guess a refused subconscious "
    "trait on the right side of the middle? (a fraction between 0 and 1)",
    reference=_testers_rate,
    is_correct=_accuracy_ok,
    why="Far above the 0.5 of a coin flip: the other three categories give the refused one away, "
    "because traits are correlated across people.",
    misconceptions=(
        Misconception(
            "a percentage",
            83,
            lambda a: isinstance(a, int | float) and 1 < a <= 100,
            "Give a fraction between 0 and 1 (0.83, not 83).",
            form_slip=True,
        ),
        Misconception(
            "the coin flip",
            0.5,
            lambda a: a == 0.5,
            "0.5 is what guessing at random gets; read the app's figure instead.",
            wrong_value=lambda: 0.5,  # guessing at random,
        ),
        Misconception(
            "read the testers' rate",
            0.42,
            lambda a: round(a, 2) == round(_testers_rate(), 2),
            "That is the rate on the 12 testers on screen. The question asks about the "
            "held-out residents: read that rate too, and ask why the two differ.",
            wrong_value=_testers_rate,
        ),
    ),
    fallback_hint="In the inference explorer, pick Subconscious signals as the refused "
    "category and read the rate on the held-out residents, as a fraction (73 % is 0.73).",
)


@cache
def _most_consenting_trick() -> str:
    single = [k for k in FORMS if k not in ("fair", "all_tricks")]
    rates = {
        k: simulate_form(
            1000, FORMS[k], rng=np.random.default_rng(2019), behaviour=Behaviour(reads=0.3)
        ).loc["sharing", "consents"]
        for k in single
    }
    return max(rates, key=rates.get)


most_consenting_trick = Check(
    name="most_consenting_trick",
    reference=_most_consenting_trick,
    question="Which single trick records the most consents to sharing?",
    is_correct=lambda answer: answer == _most_consenting_trick(),
    why="With one box for everything, people who want matching must take sharing with it: "
    "consent is no longer specific, nor freely given (GDPR Art. 7(4)).",
    normalise=_trick,
    misconceptions=(
        Misconception(
            "pre-ticked",
            "pre_ticked",
            lambda a: a == "pre_ticked",
            "Pre-ticked boxes do a lot, but readers untick them. What happens when "
            "refusing sharing means refusing matching too?",
        ),
        Misconception(
            "another single trick",
            "nagging",
            lambda a: a in ("nagging", "refuse_hidden"),
            "That trick works, but at 30 % reading another records more consents to sharing. "
            "Which one makes refusing sharing mean refusing matching too?",
        ),
        Misconception(
            "all of them",
            "all_tricks",
            lambda a: a == "all_tricks",
            "That is every trick at once; the question asks for a single one.",
        ),
        Misconception(
            "the fair form",
            "fair",
            lambda a: a == "fair",
            "The fair form records the fewest consents to sharing: that is the point.",
        ),
    ),
    fallback_hint="Pick one single trick. With 30 % reading, set the form explorer to each trick "
    "in turn and compare the consents to sharing.",
)
