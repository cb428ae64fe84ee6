"""Who may consent to what: the purposes, and the age and capacity rules, in words.

The toy applies one jurisdiction's rules at a time (:class:`ConsentRules`),
France by default, and every answer says which rule it applied. Where the real
law is more detailed than the toy (it always is), the text says what the toy
simplifies.

The four roles a consent can be given in:

``self``
    the person, while able to consent.
``parent``
    a holder of parental authority, while the person is a minor.
``representative``
    a person's legal representative, while the person cannot consent.
``not entitled``
    anyone else, or any of the above outside those conditions (a parent of an
    adult, the person "consenting" while in a coma, a company employee).

References
----------
Regulation (EU) 2016/679 (GDPR), Art. 4(11) (what consent is), Art. 8 (a child's
consent to online services: 16, or a lower age set by a member state, not below
13). France: Loi n° 78-17 du 6 janvier 1978 (Informatique et Libertés), art. 45
(15, and below 15 the joint consent of the minor and a holder of parental
authority). World Medical Association, Declaration of Helsinki (1964, revised
2024): research with people who cannot consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from osmosis_lab.errors import ConsentError

#: Purpose key -> what it means, in words used inside sentences.
PURPOSES: dict[str, str] = {
    "matching": "matching (finding them a partner in the app)",
    "research": "research (experiments and studies)",
    "medical": "medical use (care or treatment)",
    "sharing": "sharing with partners or investors",
}

#: Purpose key -> a short label for controls and tables.
PURPOSE_LABELS: dict[str, str] = {
    "matching": "Matching",
    "research": "Research",
    "medical": "Medical use",
    "sharing": "Sharing (partners, investors)",
}

SELF = "self"
PARENT = "parent"
REPRESENTATIVE = "representative"
NOT_ENTITLED = "not entitled"
ROLES: tuple[str, ...] = (SELF, PARENT, REPRESENTATIVE, NOT_ENTITLED)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_ROLE_WORDS = {
    SELF: "their own consent",
    PARENT: "a parent's consent",
    REPRESENTATIVE: "a representative's consent",
}


@dataclass(frozen=True)
class ConsentRules:
    """The age and capacity rules the ledger applies (France by default).

    Parameters
    ----------
    jurisdiction : str
        Whose rules these are, for the sentences that explain a decision.
    adult_age : int
        From this age a person decides alone for every purpose.
    digital_consent_age : int
        From this age a minor may consent alone to the purposes in
        ``alone_from_digital_age`` (GDPR Art. 8: 16 unless a member state sets
        13 to 15; France set 15).
    alone_from_digital_age : frozenset of str
        Purposes a minor past ``digital_consent_age`` decides alone: the app's own
        online service (matching). Everything else needs a parent too.
    representative_may_consent_to : frozenset of str
        Purposes a representative may consent to for a person who cannot
        consent: care (medical use) only, in this toy.
    source : str
        Where the digital consent age comes from, cited in explanations.

    Examples
    --------
    >>> FRANCE.digital_consent_age, GDPR_DEFAULT.digital_consent_age
    (15, 16)
    >>> ConsentRules(digital_consent_age=21)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osmosis_lab.errors.ConsentError: digital_consent_age must be an int between 1 and ... got 21.
    """

    jurisdiction: str = "France"
    adult_age: int = 18
    digital_consent_age: int = 15
    alone_from_digital_age: frozenset[str] = frozenset({"matching"})
    representative_may_consent_to: frozenset[str] = frozenset({"medical"})
    source: str = (
        "GDPR Art. 8(1) lets each member state choose an age from 13 to 16; France "
        "chose 15 in its Loi Informatique et Libertés, art. 45"
    )

    def __post_init__(self) -> None:
        if not _is_int(self.adult_age) or self.adult_age < 1:
            raise ConsentError(f"adult_age must be a positive int, got {self.adult_age!r}.")
        age = self.digital_consent_age
        if not _is_int(age) or not 1 <= age <= self.adult_age:
            raise ConsentError(
                "digital_consent_age must be an int between 1 and adult_age "
                f"({self.adult_age}), got {self.digital_consent_age!r}."
            )
        for name in ("alone_from_digital_age", "representative_may_consent_to"):
            unknown = set(getattr(self, name)) - set(PURPOSES)
            if unknown:
                raise ConsentError(
                    f"{name} names unknown purposes {sorted(unknown)}; "
                    f"known: {', '.join(PURPOSES)}."
                )


#: The rules the toy applies unless told otherwise.
FRANCE = ConsentRules()

#: The GDPR's own default (16), for a country that did not lower it.
GDPR_DEFAULT = ConsentRules(
    jurisdiction="the GDPR's default",
    digital_consent_age=16,
    source="GDPR Art. 8(1): 16, unless a member state sets a lower age, not below 13",
)


@dataclass(frozen=True)
class Requirement:
    """Whose consent a use needs: any one set of roles in ``alternatives``, all of it.

    ``rule`` says the rule applied, in words.
    """

    alternatives: tuple[frozenset[str], ...]
    rule: str

    def missing(self, present: set[str]) -> frozenset[str]:
        """Return the roles missing from the alternative that lacks the fewest."""
        gaps = [alt - present for alt in self.alternatives]
        return min(gaps, key=len) if gaps else frozenset()

    def satisfied_by(self, present: set[str]) -> bool:
        """Return True when some alternative is entirely present."""
        return any(alt <= present for alt in self.alternatives)


@lru_cache(maxsize=4096)  # pure, and asked thousands of times per consent-board toggle
def requirement(rules: ConsentRules, *, age: int, capable: bool, purpose: str) -> Requirement:
    """Return whose consent a use for ``purpose`` needs, and the rule in words.

    Examples
    --------
    >>> r = requirement(FRANCE, age=17, capable=True, purpose="matching")
    >>> sorted(r.alternatives[0])
    ['self']
    >>> r.rule.split(":")[0]
    'A minor aged 17 may consent alone to matching (finding them a partner in the app)'
    >>> sorted(requirement(FRANCE, age=17, capable=True, purpose="research").alternatives[0])
    ['parent', 'self']

    Raises
    ------
    ConsentError
        ``purpose`` is not one of :data:`PURPOSES`, or ``capable`` is not True or False.
    """
    # bool("False") is True: text must not pass for a yes/no
    if not isinstance(capable, bool | np.bool_):
        raise ConsentError(f"capable must be True or False, got {capable!r}.")
    if purpose not in PURPOSES:
        raise ConsentError(f"Unknown purpose {purpose!r}; pass one of: {', '.join(PURPOSES)}.")
    what = PURPOSES[purpose]
    if not capable:
        return _incapable_requirement(rules, what=what, purpose=purpose)
    if age >= rules.adult_age:
        return Requirement(
            (frozenset({SELF}),), f"An adult ({age}) decides alone: only their own consent counts."
        )
    if age >= rules.digital_consent_age and purpose in rules.alone_from_digital_age:
        return Requirement(
            (frozenset({SELF}),),
            (
                f"A minor aged {age} may consent alone to {what}: {rules.jurisdiction} sets the age "
                f"of digital consent at {rules.digital_consent_age}. {rules.source}. "
                "A parent's consent is neither needed nor enough."
            ),
        )
    if purpose in rules.alone_from_digital_age:
        why = (
            f"under {rules.digital_consent_age}, {rules.jurisdiction} asks for the joint "
            "consent of the minor and a parent"
        )
    else:
        why = (
            "the toy asks for both, as research ethics asks for a parent's permission and "
            "the minor's own agreement (Declaration of Helsinki)"
        )
    return Requirement(
        (frozenset({SELF, PARENT}),),
        (
            f"A minor aged {age} needs both their own consent and a parent's for {what}; "
            f"neither is enough alone: {why}."
        ),
    )


def _incapable_requirement(rules: ConsentRules, *, what: str, purpose: str) -> Requirement:
    head = (
        "The person cannot consent now. What they agreed to while they could still stands "
        "until it is withdrawn"
    )
    if purpose in rules.representative_may_consent_to:
        return Requirement(
            (frozenset({SELF}), frozenset({REPRESENTATIVE})),
            f"{head}, and a representative may consent for them to {what}.",
        )
    text = (
        f"{head}, but nobody may consent for them to {what}: the toy lets a representative "
        "consent only to care (medical use)."
    )
    if purpose == "research":
        text += (
            " Research with people who cannot consent also needs an ethics committee's "
            "approval (Declaration of Helsinki); the toy has no committee, so it never "
            "accepts such consent."
        )
    return Requirement((frozenset({SELF}),), text)


def role_of(
    giver: str,
    *,
    person_id: str,
    parents: tuple[str, ...],
    representatives: tuple[str, ...],
    minor: bool,
    capable: bool,
) -> tuple[str, str]:
    """Return the role in which ``giver`` consents for ``person_id``, and why, in words.

    The words name no one, so they can go into the audit log.

    Examples
    --------
    >>> role_of("Mother", person_id="T01", parents=("Mother",), representatives=(),
    ...         minor=True, capable=True)
    ('parent', 'a parent, for a minor')
    >>> role_of("Esther", person_id="T01", parents=(), representatives=(),
    ...         minor=False, capable=True)[0]
    'not entitled'
    """
    if giver == person_id:
        if capable:
            return SELF, "the person themself"
        return NOT_ENTITLED, "in the person's name while they could not consent"
    if giver in parents:
        if minor:
            return PARENT, "a parent, for a minor"
        return NOT_ENTITLED, "a parent, but the person is an adult and decides alone"
    if giver in representatives:
        if not capable:
            return REPRESENTATIVE, "a representative, for a person who cannot consent"
        return NOT_ENTITLED, "a representative, but the person can decide for themself"
    return NOT_ENTITLED, "someone who is neither the person nor their parent or representative"


def role_words(role: str) -> str:
    """Return a role as it reads in a sentence ("a parent's consent").

    >>> role_words("self")
    'their own consent'
    """
    return _ROLE_WORDS.get(role, "a consent from someone entitled to give it")
