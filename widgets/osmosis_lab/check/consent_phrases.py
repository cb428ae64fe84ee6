"""How lesson 02's first exercise reads a sentence: "may the app use Ana's memories for research?"

A known phrasing is looked up in :data:`MEANINGS`; any other sentence that opens
with a clear verdict ("no", "it can't", "yes") is read as that verdict followed
by the learner's reason, which may agree with the ledger or contradict it.

Examples
--------
>>> _meaning("No, because she agreed only to matching") == REFUSED
True
>>> _meaning("yes, she agreed already") == ALLOWED, _meaning("no, she agreed to research")
(True, 'right verdict, reason contradicts')
>>> _meaning("not refused")
'not refused'
>>> _meaning("only if she agrees again") == REFUSED  # not without a new consent: the idea
True
>>> _meaning("it's not allowed to say no") == HER_CHOICE  # about saying no, not the app's use
True
>>> _meaning("She can't refuse") == HER_CHOICE, _meaning("no, she can refuse") == REFUSED
(True, True)
"""

from __future__ import annotations

import re

from ..consent import ALLOWED, NO_CONSENT, WRONG_PURPOSE
from .exercise import normalise_phrase

#: What a typed answer to "may the app use Ana's memories for research?" means. Keys are
#: compared after :func:`normalise_phrase`; values are the ledger's reason codes, or
#: ``REFUSED`` for "no" without a reason (the right idea: the question asks may it, not why).
REFUSED = "not allowed"
_SAYS = {
    REFUSED: "not allowed|no|no it is not allowed|it is not allowed|refused|denied|forbidden|"
    "not permitted|no it may not|it may not|may not|no the app may not",
    WRONG_PURPOSE: "wrong purpose|the wrong purpose|a wrong purpose|different purpose|"
    "a different purpose|another purpose|consent for another purpose|"
    "consented for a different purpose|purpose not consented|not allowed wrong purpose|"
    "no wrong purpose|no different purpose|not allowed she consented to matching not research|"
    "no she consented to matching not research|she consented to matching not research|"
    "no she only consented to matching|she only consented to matching|no only matching|"
    "only for matching|not for research|she did not consent to research|"
    "no she did not consent to research",
    ALLOWED: "allowed|yes|it is allowed|yes it is allowed",
    NO_CONSENT: "no consent|she never consented|never consented|no she never consented",
}
MEANINGS: dict[str, str] = {
    phrase: meaning for meaning, phrases in _SAYS.items() for phrase in phrases.split("|")
}


#: A reason that agrees with "no" but contradicts the ledger ("no, she agreed to research").
CONTRADICTED = "right verdict, reason contradicts"
#: Clear verdicts a sentence may open with (normalised words), longest first so "no it may
#: not" is read whole; whatever follows is the learner's reason.
_REFUSALS = sorted(
    (
        tuple(verdict.split())
        for verdict in (
            "no",
            "nope",
            "no way",
            "not allowed",
            "it is not allowed",
            "it s not allowed",
            "it isn t allowed",
            "no it is not allowed",
            "refused",
            "denied",
            "forbidden",
            "not permitted",
            "may not",
            "it may not",
            "no it may not",
            "the app may not",
            "no the app may not",
            "can t",
            "cannot",
            "it can t",
            "it cannot",
            "no it can t",
            "no it cannot",
            "the app can t",
            "the app cannot",
            # the lessons are in English; a French class's first word is still a clear verdict
            "non",
            "interdit",
            "pas autorise",
            "non pas autorise",
        )
    ),
    key=len,
    reverse=True,
)
_APPROVALS = [tuple(v.split()) for v in ("yes it is allowed", "yes", "yeah", "yep", "allowed")]
#: Words that make a reason say "only", "not" or "never" (so not "she agreed to research").
_QUALIFIERS = {"not", "never", "only", "just", "didn", "didnt", "t", "no", "nothing", "without"}
#: Openings that say yes with a "no" in them ("no problem, she signed up"): read as approvals.
_SAYS_YES = re.compile(r"(no problem|no worries|no doubt|no question|no reason not)\b")
_HEDGES = re.compile(r"\b(don t|do not|dont) know\b|\bnot sure\b|\bno idea\b|\bmaybe\b|\bperhaps\b")
_PURPOSE_WORDS = {"research", "matching", "match", "dating", "purpose", "purposes"}
#: "Only if she agrees again", "not unless she consents", "she would have to be asked": the
#: use needs a consent Ana has not given, which is the lesson's point (in the present tense:
#: "if she agreed" looks back at the consent she gave). Not "she only has to agree once".
_NEEDS_NEW_CONSENT = re.compile(
    r"\b(only|unless|if|once|after|until|without|with)\b.*"
    r"\b(agrees?|consents?|says yes|asks?|asking|(her|new|fresh|separate) (consent|permission|agreement))\b"
    r"|\b(has|have|needs?|must|should)( to)?( be)? (agree|consent|ask|asked|say yes)\b"
    r"|\b(new|fresh|separate|more) consent\b|\b(consent|agree|ask|asked) (her )?(again|first)\b"
)
_ONE_CONSENT_ENOUGH = re.compile(r"\balready\b|\b(agree|agreed|consent|consented) (just )?once\b")
#: A sentence about whether Ana may say no, not whether the app may use her data: "it's not
#: allowed to say no", "not allowed to refuse", "she can't say no" (guide, lesson 02, Exercise 1).
HER_CHOICE = "about her choice, not the app's use"
_HER_CHOICES = re.compile(
    r"\b(not allowed|isn t allowed|not permitted|not able|unable|forbidden|can t|cannot|"
    r"can not|may not|must not|mustn t)( to)? (say no|say|refuse|decline|withdraw|object|"
    r"opt out)\b"
)


def _opening(words, verdicts):
    """The rest of ``words`` after the verdict they open with, or None."""
    for verdict in verdicts:
        if tuple(words[: len(verdict)]) == verdict:
            return words[len(verdict) :]
    return None


def _reason_meaning(reason: list[str]) -> str:
    """What a reason given after "no" means: the right idea, "never consented", or a contradiction."""
    text = " ".join(reason)
    words = set(reason)
    if not words & _PURPOSE_WORDS and re.search(
        r"^consent\b|\b(never|not|no|t)\b.*\b(consent|consented|agree|agreed|said yes)\b", text
    ):
        return NO_CONSENT  # "no, she never consented": misses that she did, to matching
    if words & _QUALIFIERS:
        return REFUSED  # "only", "not", "never": the reason limits what she agreed to
    if re.search(r"\b(allowed|fine|ok|okay|covered)\b", text):
        return CONTRADICTED  # "no, it is allowed"
    # "no, she agreed to matching" is the right reason; agreeing to research, or to nothing
    # named, says the opposite of the no ("no, she agreed to research", "no, she agreed")
    agreed = re.search(r"\b(agreed|consented|said yes|signed)\b", text)
    if agreed and ("research" in words or not words & {"matching", "match", "matched", "dating"}):
        return CONTRADICTED
    return REFUSED


def _meaning(answer):
    """A typed phrase -> the reason code it means (code answers like ``.code`` pass through).

    A known phrasing is looked up; otherwise a sentence that opens with a clear verdict ("no",
    "it can't", "yes") is read as that verdict followed by a reason, which may contradict it.
    """
    if not isinstance(answer, str):
        return answer
    phrase = normalise_phrase(answer)
    if phrase in MEANINGS:
        return MEANINGS[phrase]
    words = phrase.split()
    if _SAYS_YES.match(phrase):
        return ALLOWED  # "no problem": an idiom for yes, though it opens with "no"
    if _HER_CHOICES.search(phrase):
        return HER_CHOICE  # "it's not allowed to say no": Ana's choice, not the app's use
    if _NEEDS_NEW_CONSENT.search(phrase) and not _ONE_CONSENT_ENOUGH.search(phrase):
        return REFUSED  # "only if she agrees again": not on the consent she gave
    if (reason := _opening(words, _REFUSALS)) is not None:
        if _HEDGES.search(" ".join(reason)):
            return phrase  # "no, I don't know": not a clear verdict
        return _reason_meaning(reason)
    reason = _opening(words, _APPROVALS)
    if reason is not None and not set(reason) & _QUALIFIERS:
        return ALLOWED  # "yes, she agreed already": the blank-cheque idea
    return phrase
