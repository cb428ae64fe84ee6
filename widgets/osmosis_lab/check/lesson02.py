"""Self-checks for lesson 02 · Consent.

Every correct answer is computed from the engines and the data, never typed in.

Examples
--------
>>> print(consent_is_specific("no consent"))  # doctest: +NORMALIZE_WHITESPACE
Not yet: Ana did consent, on day 0. Look at what she consented to: matching.
Is research the same purpose?
>>> consent_is_specific("Not allowed!").status, consent_is_specific("not refused").status
('correct', 'hint')
>>> most_consenting_trick("Bundled").status, most_consenting_trick("Pre-ticked").status
('correct', 'hint')
>>> what_erasure_undoes({"a"}).status
'correct'
>>> what_erasure_undoes("a d").status
'hint'
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ..categories import CATEGORIES
from ..consent import (
    ALLOWED,
    FRANCE,
    NO_CONSENT,
    Person,
    grant,
    may_use,
    open_ledger,
    people_from_table,
    requirement,
    shared_categories,
    violations,
    withdraw,
)
from ..consent.forms import BUTTON_NAMES, FORMS, Behaviour, simulate_form
from ..consent.inference import fit_inference
from ..consent.market import match_changes, match_with_consent
from ..consent.scenarios import esther_experiment
from ..consent.timeline import replay
from ..data import load_people, load_population
from ..data.markets import market_from_tables
from .consent_phrases import CONTRADICTED, REFUSED, _meaning
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


def _ana_research_decision():
    ledger = grant(
        open_ledger([Person("T02", 24)]), "T02", ["declared", "conscious"], "matching", day=0
    )
    return may_use(ledger, "T02", "conscious", "research", day=3)


def _research_refused_for_purpose(answer) -> bool:
    decision = _ana_research_decision()
    return not decision.allowed and answer in (REFUSED, decision.code)


consent_is_specific = Check(
    name="consent_is_specific",
    reference=_ana_research_decision,
    question="On day 3, may the app use Ana's conscious memories for research? Answer in a few "
    "words (why, too, if you can).",
    is_correct=_research_refused_for_purpose,
    why="Not allowed. The ledger's reason is 'wrong purpose': Ana did consent, but to matching. "
    "Consent is specific: agreeing to matching is not agreeing to research.",
    normalise=_meaning,
    misconceptions=(
        Misconception(
            "thought she never consented",
            "she never consented",
            lambda a: a == NO_CONSENT,
            "Ana did consent, on day 0. Look at what she consented to: matching. "
            "Is research the same purpose?",
        ),
        Misconception(
            "thought consent covers everything",
            "yes",
            lambda a: a == ALLOWED,
            "Consent is not a blank cheque: GDPR Art. 4(11) says it is specific. "
            "Ana agreed to matching. Is research matching?",
        ),
        Misconception(
            "right verdict, reason contradicts it",
            "no, she agreed to research",
            lambda a: a == CONTRADICTED,
            "Your no is right, but your reason says the opposite. Look again at day 0: "
            "which purpose did Ana agree to, and is research that purpose?",
        ),
    ),
    fallback_hint="Say in a few words whether the app may use them (yes or no). Look at what Ana "
    "agreed to on day 0, and for which purpose.",
)


def _esther_violations() -> int:
    return len(violations(replay(esther_experiment())[-1].ledger))


esther_violation_count = Check(
    name="esther_violation_count",
    reference=_esther_violations,
    question="How many uses in Esther's timeline does the ledger flag as violations?",
    is_correct=lambda answer: answer == _esther_violations(),
    why="Six uses on the night of day 9 (two categories of three testers) and one medical use of "
    "T04's data on day 12. T07's later sessions were covered by the consent he gave on day 15.",
    misconceptions=(
        Misconception(
            "forgot the medical use",
            6,
            lambda a: a == 6,
            "Six is the night of day 9. Step on: what does Esther do on day 12?",
        ),
        Misconception(
            "counted testers, not uses",
            3,
            lambda a: a in (3, 4),
            "The ledger flags each use of each category, not each person.",
        ),
        Misconception(
            "counted the consented sessions",
            9,
            lambda a: a == 9,
            "After T07 agrees on day 15, his day-16 sessions are allowed. Consent "
            "cannot be given backwards, but it does cover what comes after it.",
        ),
    ),
    fallback_hint="Step Esther's timeline to its last step and count the uses the ledger marks "
    "as violations, on every day.",
)


def _who_names(answer):
    if isinstance(answer, str):
        answer = {answer}
    return {a.strip().casefold() for a in answer}


def _research_roles() -> set[str]:
    alternatives = requirement(FRANCE, age=17, capable=True, purpose="research").alternatives
    words = {"self": "niels", "parent": "his mother"}
    return {words[role] for role in alternatives[0]}


who_consents_for_niels = Check(
    name="who_consents_for_niels",
    reference=_research_roles,
    question="Whose consent does the toy need before Niels (17) takes part in research?",
    is_correct=lambda answer: answer == _research_roles(),
    why="Under the toy's French rules a 17-year-old decides alone about matching (France's "
    "digital age is 15), but research on a minor needs both his agreement and a parent's.",
    normalise=_who_names,
    misconceptions=(
        Misconception(
            "a parent decides for a minor",
            {"his mother"},
            lambda a: a == {"his mother"},
            "Look at the printout: on day 0 his mother signed him up for research, yet on "
            "day 4 research was 'not entitled'. Her signature alone is not enough: a "
            "17-year-old's own agreement is needed too.",
        ),
        Misconception(
            "17 is old enough",
            {"Niels"},
            lambda a: a == {"niels"},
            "That is the rule for matching (from 15 in France). For research the toy "
            "asks for more: read the rule the cell above printed for research.",
        ),
    ),
    fallback_hint="Pick everyone whose agreement the toy needs for research: Niels, his mother, "
    "or both.",
)


@cache
def _karim_bystanders() -> int:
    people = load_people()
    market = market_from_tables(
        people[people["role"] == "tester"], people[people["role"] == "candidate"]
    )
    ledger = open_ledger(people_from_table(people))
    for pid in people.loc[people["signed_up"], "person_id"]:
        ledger = grant(ledger, pid, list(CATEGORIES), "matching", day=0)
    before = match_with_consent(market, shared_categories(ledger), scrape_unsigned=True)
    ledger = withdraw(ledger, "T05", "scraped", "matching", day=1)
    after = match_with_consent(market, shared_categories(ledger), scrape_unsigned=True)
    return sum(1 for who, *_ in match_changes(before, after) if who != "T05")


bystanders_count = Check(
    name="bystanders_count",
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
            lambda a: a == _karim_bystanders() + 1,
            "That counts everyone whose match changed. Leave out Karim: he is the one "
            "who changed something.",
        ),
        Misconception(
            "only Karim is affected",
            0,
            lambda a: a in (0, 1),
            "Look at the board's table: more partners moved than Karim's.",
        ),
    ),
    fallback_hint="Re-run the board's cell so it starts afresh, check that Karim Benali (T05) "
    "is picked, untick 'Matching: scraped social media' and read the sentence under the chart.",
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
        ),
        Misconception(
            "the coin flip",
            0.5,
            lambda a: a == 0.5,
            "0.5 is what guessing at random gets; read the app's figure instead.",
        ),
        Misconception(
            "read the testers' rate",
            0.42,
            lambda a: round(a, 2) == round(_testers_rate(), 2),
            "That is the rate on the 12 testers on screen. The question asks about the "
            "held-out residents: read that rate too, and ask why the two differ.",
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


def _letters(answer):
    if isinstance(answer, str):
        answer = set(answer.replace(",", " ").split())
    return {str(a).strip().casefold() for a in answer}


what_erasure_undoes = Check(
    name="what_erasure_undoes",
    question="Which of a-e does erasing Joséphine undo?",
    is_correct=lambda answer: answer == {"a"},
    why="Erasure deletes the ledger's record of her. It cannot unmake the match of day 1, "
    "un-compute Gabriel's averages or recall the investors' copy, and the log keeps "
    "(nameless) entries of what was done.",
    normalise=_letters,
    misconceptions=(
        Misconception(
            "thought a copy can be recalled",
            {"a", "d"},
            lambda a: "d" in a,
            "The investors hold their own copy: the app can tell them (GDPR Art. 19), "
            "but its erasure does not reach it.",
        ),
        Misconception(
            "thought the match is undone",
            {"a", "b"},
            lambda a: "b" in a,
            "The bond with Paul was made on day 1; erasing records does not unmake it.",
        ),
        Misconception(
            "thought the log is deleted",
            {"a", "e"},
            lambda a: "e" in a,
            "The audit log only grows: it keeps what happened, under a number that "
            "no longer leads to her.",
        ),
    ),
    fallback_hint="Pick every letter that erasure undoes, and only those.",
)
