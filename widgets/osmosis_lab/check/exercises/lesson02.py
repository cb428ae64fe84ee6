"""Lesson 02 · Consent: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'02_consent'}
"""

from ...consent import WRONG_PURPOSE
from ...consent.forms import BUTTON_NAMES, FORMS
from .. import lesson02 as checks
from ..consent_phrases import MEANINGS, REFUSED
from ..exercise import Exercise

#: Phrasings judged correct: "not allowed" in words, with or without the ledger's reason.
_ACCEPTED = {
    phrase: meaning for phrase, meaning in MEANINGS.items() if meaning in (REFUSED, WRONG_PURPOSE)
}
#: Sentences a learner typed (a verdict, then any reason): each maps to itself, so the
#: check's own reading of free sentences (not a table entry) is what the tests exercise.
_IN_WORDS = (
    "No, because she agreed only to matching",
    "No. She said yes only for matching.",
    "it can't, she never agreed to research",
    "no, she only said yes to matching not research",
    "Nope, matching isn't research",
    "It may not: her consent was for matching",
    "no way, research was never part of it",
    "Not allowed, because she didn't agree to research",
    "cannot - she only agreed to be matched",
    "No, she agreed to matching.",
    "only if she agrees again",
    "Not unless she consents to research",
    "She would have to be asked again first",
    "not without asking her again",
    "Non, elle a accepté seulement pour le matching",
    "interdit",
)
_ACCEPTED.update({phrase: phrase for phrase in _IN_WORDS})
#: Phrasings that must not pass: "allowed", the wrong reason, negations, half an answer.
_REJECTED = (
    "yes, she agreed already",
    "yes because she signed up",
    "no, she agreed to research",
    "no, she agreed to matching and research",
    "no, it is allowed",
    "not no",
    "no, she never consented at all",
    "it can, she agreed",
    "maybe",
    "no, I don't know",
    "allowed",
    "yes",
    "yes it is allowed",
    "no consent",
    "she never consented",
    "not refused",
    "not not allowed",
    "not wrong purpose",
    "not the wrong purpose",
    "right purpose",
    "same purpose",
    "withdrawn",
    "purpose",
    "wrong",
    "it's not allowed to say no",
    "not allowed to refuse",
    "she only has to agree once",
)


consent_is_specific = Exercise(
    check=checks.consent_is_specific,
    title="Predict, then ask the ledger",
    number=1,
    lesson="02_consent",
    variable="research_answer",
    kind="phrase",
    accepted=_ACCEPTED,
    rejected=_REJECTED,
    control=True,
    solution=('research_answer = "not allowed: wrong purpose"'),
    explanation=(
        "Not allowed. The ledger's reason is `'wrong purpose'` (the next cell prints it in full): Ana did consent, but to matching. Consent is *specific*: one purpose does not stand in for another."
    ),
)


esther_violation_count = Exercise(
    check=checks.esther_violation_count,
    title="Count the violations",
    number=2,
    lesson="02_consent",
    variable="esther_violations",
    kind="number",
    unit="count",
    control=True,
    solution=(
        'history = replay(SCENARIOS["esther"]())\n'
        "esther_violations = len(violations(history[-1].ledger))"
    ),
    explanation=(
        "Seven: on day 9, two categories for each of three testers, then one medical use of T04's data on day 12. When T07 is told and agrees on day 15, his later session (day 16) is allowed; the day-9 session stays a violation. Consent covers what comes after it, never what came before."
    ),
)


who_consents_for_niels = Exercise(
    check=checks.who_consents_for_niels,
    title="Who must agree?",
    number=3,
    lesson="02_consent",
    variable="needed_for_research",
    kind="picks",
    options=("Niels", "his mother"),
    control=True,
    solution=('needed_for_research = {"Niels", "his mother"}'),
    explanation=(
        "Both. At 17 Niels decides alone about matching, but research on a minor needs his own agreement *and* a parent's. On day 4 the printout says research had 'not enough consent': only his mother had agreed to it."
    ),
)


bystanders_count = Exercise(
    check=checks.bystanders_count,
    title="Bystanders",
    number=4,
    lesson="02_consent",
    variable="bystanders",
    kind="number",
    unit="count",
    control=True,
    solution=(
        'fresh_board = consent_board.ConsentBoard(people, population, tester="T05")\n'
        'fresh_board.toggles["scraped", "matching"].value = False\n'
        "bystanders = len(fresh_board.bystanders)"
    ),
    explanation=(
        "A board of its own, as it first appears, so the answer does not depend on what you clicked above. Five people's partners change although they touched nothing: Karim's old partner, his new partner's old partner, and so on down the chain. One person's consent is never only about them."
    ),
)


inference_accuracy = Exercise(
    check=checks.inference_accuracy,
    title="How good is the guess?",
    number=6,
    lesson="02_consent",
    variable="accuracy",
    kind="number",
    unit="fraction",
    control=True,
    solution=('accuracy = inference.fit("subconscious").high_low_accuracy'),
    explanation=(
        "About 0.85 on the held-out residents, far above a coin flip: refusing a category stops the app from *reading* it, not from *guessing* it, which is why laws treat inferred data as personal data too. On the 12 testers the same guess is right only 42 % of the time (the explorer prints both): they were generated apart from the residents, with another pattern of traits. Right on average is not right about Ana. When an app is wrong about 15 % of the residents, and more often about people unlike them, who pays for it?"
    ),
)


most_consenting_trick = Exercise(
    check=checks.most_consenting_trick,
    title="The most effective trick",
    number=7,
    lesson="02_consent",
    variable="most_consents",
    kind="choice",
    options=tuple(FORMS),
    labels=BUTTON_NAMES,
    control=True,
    solution=(
        "forms.reads.value = 30\n"
        "consents = {}\n"
        'for design in ("pre_ticked", "bundled", "refuse_hidden", "nagging"):\n'
        "    forms.design.value = design\n"
        '    consents[design] = forms.table().loc["sharing", "consents"]\n'
        "most_consents = max(consents, key=consents.get)"
    ),
    explanation=(
        "The bundle: to get matching, people must take sharing with it, so the consent is neither specific nor freely given. Pre-ticked boxes come close; regulators and courts reject both."
    ),
)


what_erasure_undoes = Exercise(
    check=checks.what_erasure_undoes,
    title="What does erasure undo?",
    number=5,
    lesson="02_consent",
    variable="undone",
    kind="picks",
    options=("a", "b", "c", "d", "e"),
    # the letters with a few words each, so the buttons read without scrolling back to the list
    labels={
        "a": "a · ledger record",
        "b": "b · match with Paul",
        "c": "c · the averages",
        "d": "d · investors' copy",
        "e": "e · audit log",
    },
    control=True,
    solution=('undone = {"a"}'),
    explanation=(
        "Only (a). The match was made, the averages were computed, the investors hold their own copy (the app must tell them, GDPR Article 19), and the log keeps its entries, which no longer lead to her."
    ),
)


EXERCISES = (
    consent_is_specific,
    esther_violation_count,
    who_consents_for_niels,
    bystanders_count,
    inference_accuracy,
    most_consenting_trick,
    what_erasure_undoes,
)
