"""Self-checks for lesson 02 · Consent.

Every correct answer is computed from the engines and the data, never typed in. This module
holds the checks that replay hand-written consent ledgers (Ana, Esther's timeline, Niels,
Joséphine's erasure); :mod:`.lesson02_simulated` holds those that simulate on the generated
people (the consent board, inference, the forms). Both are lesson 02's checks, and this
module re-exports the others so that ``check.lesson02.<name>`` finds every one of them.

Examples
--------
>>> print(consent_is_specific("no consent"))  # doctest: +NORMALIZE_WHITESPACE
Noted: you predicted “no consent”; the ledger says not allowed: wrong purpose. Ana did
consent, on day 0, but to matching: is research the same purpose?
>>> consent_is_specific("Not allowed!").status, consent_is_specific("not refused").status
('correct', 'hint')
>>> what_erasure_undoes({"a"}).status
'correct'
>>> what_erasure_undoes("a d").status
'hint'
"""

from __future__ import annotations

from ..consent import (
    ALLOWED,
    FRANCE,
    NO_CONSENT,
    Person,
    grant,
    may_use,
    open_ledger,
    requirement,
    violations,
)
from ..consent.scenarios import esther_experiment
from ..consent.timeline import replay
from .allowed import Allowed
from .consent_phrases import CONTRADICTED, HER_CHOICE, REFUSED, _meaning
from .core import Check, Misconception
from .lesson02_simulated import bystanders_count, inference_accuracy, most_consenting_trick

__all__ = [
    "bystanders_count",
    "consent_is_specific",
    "esther_violation_count",
    "inference_accuracy",
    "most_consenting_trick",
    "what_erasure_undoes",
    "who_consents_for_niels",
]


def _ana_research_decision():
    ledger = grant(
        open_ledger([Person("T02", 24)]), "T02", ["declared", "conscious"], "matching", day=0
    )
    return may_use(ledger, "T02", "conscious", "research", day=3)


def _research_refused_for_purpose(answer) -> bool:
    decision = _ana_research_decision()
    return not decision.allowed and answer in (REFUSED, decision.code)


def _ledger_says(decision) -> str:
    """What the ledger answers, in the words of its reason code (the cell below prints it).

    >>> _ledger_says(_ana_research_decision())
    'the ledger says not allowed: wrong purpose'
    """
    verdict = "allowed" if decision.allowed else "not allowed"
    return f"the ledger says {verdict}: {decision.code.replace('_', ' ')}"


consent_is_specific = Check(
    name="consent_is_specific",
    prediction=True,  # its result is hidden until answered: a wrong one is "Noted:"
    reference=_ana_research_decision,
    shows=lambda: _ledger_says(_ana_research_decision()),
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
            "Ana did consent, on day 0, but to matching: is research the same purpose?",
        ),
        Misconception(
            "thought consent covers everything",
            "yes",
            lambda a: a == ALLOWED,
            "Consent is not a blank cheque (GDPR Art. 4(11): it is specific): Ana agreed to "
            "matching, and research is not matching.",
        ),
        Misconception(
            "right verdict, reason contradicts it",
            "no, she agreed to research",
            lambda a: a == CONTRADICTED,
            "Your no is right, but your reason says the opposite: which purpose did Ana agree "
            "to on day 0?",
        ),
        Misconception(
            "answered about Ana's choice, not the app's use",
            "it's not allowed to say no",
            lambda a: a == HER_CHOICE,
            "That is about Ana's choice, not the app's: may the app use her memories for "
            "research, when on day 0 she agreed to matching?",
        ),
    ),
    fallback_hint="Say in a few words whether the app may use them (yes or no), and look at what "
    "Ana agreed to on day 0, and for which purpose.",
)


def _esther_ledger():
    return replay(esther_experiment())[-1].ledger


def _esther_violations() -> int:
    return len(violations(_esther_ledger()))


def _esther_wrong(method: str) -> int:
    """What each wrong way of counting Esther's violations gives, from her ledger."""
    flagged = violations(_esther_ledger())
    if method == "forgot the medical use":
        return sum(1 for entry in flagged if entry.purpose != "medical")
    if method == "counted testers, not uses":
        return len({entry.subject for entry in flagged})
    if method == "counted the chart's crosses, not uses":
        # the timeline's chart draws one cross per person and day ("×2": two categories)
        return len({(entry.subject, entry.day) for entry in flagged})
    # "counted the consented sessions": every use beyond matching, allowed or not
    uses = [e for e in _esther_ledger().log if e.kind == "use" and e.purpose != "matching"]
    return len(uses)


esther_violation_count = Check(
    name="esther_violation_count",
    allowed=Allowed("count", 0),
    reference=_esther_violations,
    question="How many uses in Esther's timeline does the ledger flag as violations?",
    is_correct=lambda answer: answer == _esther_violations(),
    why="Six uses on the night of day 9 (two categories of three testers) and one medical use of "
    "T04's data on day 12. T07's later session, on day 16, was covered by the consent he gave on day 15.",
    misconceptions=(
        Misconception(
            "forgot the medical use",
            6,
            hint="Six is the night of day 9. Step on: what does Esther do on day 12?",
            wrong_value=lambda: _esther_wrong("forgot the medical use"),
        ),
        Misconception(
            "counted testers, not uses",
            3,
            hint="The ledger flags each use of each category, not each person.",
            wrong_value=lambda: _esther_wrong("counted testers, not uses"),
        ),
        Misconception(
            "counted the chart's crosses, not uses",
            4,
            hint="That is the number of crosses on the chart. A cross is one person on one "
            "day; a cross marked ×2 stands for two uses (two categories of that person's "
            "data): count the uses each cross stands for.",
            wrong_value=lambda: _esther_wrong("counted the chart's crosses, not uses"),
        ),
        Misconception(
            "counted the consented sessions",
            9,
            hint="After T07 agrees on day 15, his day-16 sessions are allowed. Consent "
            "cannot be given backwards, but it does cover what comes after it.",
            wrong_value=lambda: _esther_wrong("counted the consented sessions"),
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
    right_picks=_research_roles,
    why="Under the toy's French rules a 17-year-old decides alone about matching (France's "
    "digital age is 15), but research on a minor needs both his agreement and a parent's.",
    normalise=_who_names,
    misconceptions=(
        Misconception(
            "a parent decides for a minor",
            {"his mother"},
            lambda a: a == {"his mother"},
            "Look at the printout: on day 0 his mother signed him up for research, yet on "
            "day 4 research had 'not enough consent'. Her signature alone is not enough: a "
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


def _letters(answer):
    if isinstance(answer, str):
        answer = set(answer.replace(",", " ").split())
    return {str(a).strip().casefold() for a in answer}


def _undone() -> frozenset[str]:
    """The one thing of a-e erasure undoes: (a), the ledger's record of her."""
    return frozenset("a")


what_erasure_undoes = Check(
    name="what_erasure_undoes",
    question="Which of a-e does erasing Joséphine undo?",
    is_correct=lambda answer: answer == _undone(),
    right_picks=_undone,
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
