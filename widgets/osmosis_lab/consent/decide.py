"""The question "may this category of this person be used for this purpose?", answered in words.

A use is allowed when the consents active at the end of that day, given in the
right roles, satisfy the age and capacity rule (:func:`~.rules.requirement`).
Otherwise the reason is, in this order of precedence:

``withdrawn``
    a consent the rule needs was given and then withdrawn (or narrowed away);
``not enough consent``
    someone entitled consented, but the rule asks for more (at 17, research needs the
    person's own consent and a parent's: the mother's alone is not enough);
``not entitled``
    there is consent on record, but not from the people entitled to give it;
``wrong purpose``
    the person consented to this category, but for other purposes;
``no consent``
    nobody consented to any use of this category.

References
----------
GDPR Art. 4(11) (consent is specific), Art. 7(3) (withdrawal at any time; it does
not make earlier processing unlawful), Art. 8 (children).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.consent._checks import check_day_value, one_category, one_purpose
from osmosis_lab.consent.ledger import Ledger, record_of
from osmosis_lab.consent.person import Actor, GrantRecord, PersonRecord
from osmosis_lab.consent.rules import (
    NOT_ENTITLED,
    PURPOSES,
    SELF,
    ConsentRules,
    Requirement,
    requirement,
    role_words,
)

ALLOWED = "allowed"
WITHDRAWN = "withdrawn"
NOT_ENOUGH_CODE = "not enough consent"
NOT_ENTITLED_CODE = "not entitled"
WRONG_PURPOSE = "wrong purpose"
NO_CONSENT = "no consent"
NOT_ENTITLED_WORDS = "consent given by someone not entitled to give it"
#: Every code a decision can carry; all but ``allowed`` mark a violation.
REASON_CODES: tuple[str, ...] = (
    ALLOWED, WITHDRAWN, NOT_ENOUGH_CODE, NOT_ENTITLED_CODE, WRONG_PURPOSE, NO_CONSENT
)  # fmt: skip


@dataclass(frozen=True)
class Decision:
    """The answer to "may I use this?": a verdict, its reason code, and both in words.

    ``bool(decision)`` is ``decision.allowed``; ``str(decision)`` is the reason
    and the rule, in words (what a notebook shows).
    """

    allowed: bool
    code: str
    reason: str
    rule: str

    def __bool__(self) -> bool:
        return self.allowed

    def __str__(self) -> str:
        return f"{self.reason}\nRule applied: {self.rule}"

    def _repr_pretty_(self, printer, cycle) -> None:  # how a notebook shows it: in words
        printer.text(str(self))


def may_use(
    ledger: Ledger, person: str, category: str, purpose: str, *, day: int | None = None
) -> Decision:
    """Return whether ``person``'s ``category`` data may be used for ``purpose`` on ``day``.

    Parameters
    ----------
    ledger : Ledger
    person : str
        A registered person's id.
    category : str
        A key of ``categories.CATEGORIES``.
    purpose : str
        A key of ``rules.PURPOSES``.
    day : int, optional
        The day asked about, as at the end of that day; default: the ledger's
        latest day (now). An earlier day answers as things stood then.

    Returns
    -------
    Decision
        ``allowed``, a reason ``code`` (see :data:`REASON_CODES`), the ``reason``
        and the age/capacity ``rule`` applied, in words.

    Raises
    ------
    ConsentError
        The person, category or purpose is unknown, or day or by is malformed.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, grant, open_ledger
    >>> ledger = open_ledger([Person("T02", 29)])
    >>> ledger = grant(ledger, "T02", "declared", "matching", day=1)
    >>> may_use(ledger, "T02", "declared", "matching").allowed
    True
    >>> d = may_use(ledger, "T02", "declared", "research")
    >>> d.code
    'wrong purpose'
    >>> print(d.reason)  # doctest: +NORMALIZE_WHITESPACE
    Not allowed (wrong purpose): T02 agreed to the use of their declared profile
    for matching only, not for research (experiments and studies).
    """
    record = record_of(ledger, person)
    category, purpose = one_category(category), one_purpose(purpose)
    day = ledger.latest_day if day is None else check_day_value(day)
    return decide(
        record,
        category,
        purpose,
        day,
        ledger.rules,
        who=person,
        name_of=lambda actor: actor_name(ledger, record, actor),
    )


def is_allowed(
    record: PersonRecord, category: str, purpose: str, day: int, rules: ConsentRules
) -> bool:
    """Return the verdict alone, without building sentences (the fast path)."""
    grants = record.grants.get((category, purpose), ())
    if not grants:
        return False
    present = {g.role for g in grants if g.active_on(day)}
    return _requirement(record, purpose, day, rules).satisfied_by(present)


def decide(
    record: PersonRecord,
    category: str,
    purpose: str,
    day: int,
    rules: ConsentRules,
    *,
    who: str,
    name_of: Callable[[Actor], str],
) -> Decision:
    """Return the full :class:`Decision`; ``who`` and ``name_of`` choose how people are named."""
    need = _requirement(record, purpose, day, rules)
    grants = record.grants.get((category, purpose), ())
    active = [g for g in grants if g.active_on(day)]
    what, data = PURPOSES[purpose], f"their {CATEGORY_LABELS[category].lower()}"
    present = {g.role for g in active}
    if need.satisfied_by(present):
        counting = set().union(*(alt for alt in need.alternatives if alt <= present))
        given = _givers([g for g in active if g.role in counting], name_of)
        idle = [g for g in active if not _counted(g.role, need)]
        ignored = f"; {_signed(idle, name_of, about='')}" if idle else ""
        return Decision(
            True,
            ALLOWED,
            f"Allowed: consent to {what} with {data} holds, given by {given}{ignored}.",
            need.rule,
        )
    missing = need.missing(present - {NOT_ENTITLED})
    ended = [g for g in grants if g.withdrawn_day is not None and g.withdrawn_day <= day]
    ended_needed = [g for g in ended if g.role in missing]
    if ended_needed or (ended and not active):
        last = max(ended_needed or ended, key=lambda g: g.withdrawn_day)
        by = name_of(last.withdrawn_by) if last.withdrawn_by else "someone"
        return Decision(
            False,
            WITHDRAWN,
            f"Not allowed (withdrawn): consent to {what} with "
            f"{data} was withdrawn on day {last.withdrawn_day} by {by}.",
            need.rule,
        )
    if active:
        # a parent's consent to research at 17 counts, but is not enough alone: its own code,
        # so a printout of codes says what the timeline says in words (w58 read "not entitled")
        code = NOT_ENOUGH_CODE if any(_counted(g.role, need) for g in active) else NOT_ENTITLED_CODE
        return Decision(
            False,
            code,
            f"Not allowed ({NOT_ENOUGH_CODE if code == NOT_ENOUGH_CODE else NOT_ENTITLED_WORDS}): "
            + _not_entitled(
                active, need, missing, name_of, what=what, data=data, capable=record.capable_on(day)
            ),
            need.rule,
        )
    return _no_valid_consent(record, category, purpose, day, who, need)


def _counted(role: str, need: Requirement) -> bool:
    """Whether a consent given in ``role`` can be part of what ``need`` asks for: at 17 a
    parent's for matching cannot, nor a representative's for research (w54 read them as part
    of what allowed, or would allow, a use)."""
    return any(role in alt for alt in need.alternatives)


def _signed(grants: list[GrantRecord], name_of: Callable[[Actor], str], *, about: str) -> str:
    """ "what a parent signed on day 0 counts for nothing here" (the verb agrees)."""
    what = " and ".join(f"what {name_of(g.actor)} signed on day {g.day}" for g in grants)
    return f"{what}{about} {'counts' if len(grants) == 1 else 'count'} for nothing here"


def _not_entitled(
    active: list[GrantRecord],
    need: Requirement,
    missing: frozenset[str],
    name_of: Callable[[Actor], str],
    *,
    what: str,
    data: str,
    capable: bool,
) -> str:
    """The consents on record, each said to count towards the use or for nothing, then what
    the rule still needs, in the words of the rule (:func:`~.rules.requirement`)."""
    counting = [g for g in active if _counted(g.role, need)]
    idle = [g for g in active if not _counted(g.role, need)]
    parts = []
    if counting:
        given = _givers(counting, name_of)
        parts.append(f"the consent on record for {what} with {data} was given by {given}")
    if idle:
        parts.append(_signed(idle, name_of, about="" if counting else f" for {what} with {data}"))
    if not capable and missing == {SELF}:  # what the rule says for someone who cannot consent
        parts.append(
            f"nobody may consent for them to {what}; only their own consent, given while they "
            "still could, would count, and there is none"
        )
    else:
        lacking = " and ".join(role_words(r) for r in sorted(missing)) or "a valid consent"
        parts.append(f"{lacking} is {'needed too, and ' if counting else ''}missing")
    return "; ".join(parts) + "."


def _no_valid_consent(
    record: PersonRecord, category: str, purpose: str, day: int, who: str, need: Requirement
) -> Decision:
    data = f"their {CATEGORY_LABELS[category].lower()}"
    others = [
        p
        for p in PURPOSES
        if p != purpose and any(g.active_on(day) for g in record.grants.get((category, p), ()))
    ]
    if others:
        covered = " and ".join(others)
        return Decision(
            False,
            WRONG_PURPOSE,
            f"Not allowed (wrong purpose): {who} agreed to "
            f"the use of {data} for {covered} only, not for {PURPOSES[purpose]}.",
            need.rule,
        )
    never = " They never signed up: nobody asked them." if not record.person.signed_up else ""
    return Decision(
        False,
        NO_CONSENT,
        f"Not allowed (no consent): nobody consented to any use "
        f"of {who}'s {CATEGORY_LABELS[category].lower()}.{never}",
        need.rule,
    )


def _requirement(record: PersonRecord, purpose: str, day: int, rules: ConsentRules) -> Requirement:
    return requirement(
        rules, age=record.person.age_on(day), capable=record.capable_on(day), purpose=purpose
    )


def _givers(grants: list[GrantRecord], name_of: Callable[[Actor], str]) -> str:
    parts = [f"{name_of(g.actor)} on day {g.day}" for g in grants]
    return "; ".join(parts)


def actor_name(ledger: Ledger | None, record: PersonRecord | None, actor: Actor) -> str:
    """Return how ``actor`` reads in a sentence about ``record``'s person.

    With ``ledger`` None, names nobody (the wording the audit log stores).
    """
    person = record.person if record is not None else None
    if actor.kind == "self":
        return f"{person.person_id} themself" if person and ledger else "the person themself"
    if actor.kind in ("parent", "representative"):
        names = getattr(person, f"{actor.kind}s", ()) if person else ()
        if ledger is not None and isinstance(actor.ref, int) and actor.ref < len(names):
            return f"{names[actor.ref]} ({actor.kind})"
        return f"a {actor.kind}"
    if actor.kind == "person":
        if ledger is None:
            return "another registered person"
        for pid, other in ledger.records.items():
            if other.handle == actor.ref:
                return pid
        return "an erased person"
    return str(actor.ref)
