"""What the ledger records that is nobody's consent decision: a use of data, a change in capacity.

Each returns a new :class:`~.ledger.Ledger` with its log entries appended; the
ledger passed in is never changed. Bad input raises
:class:`~osmosis_lab.errors.ConsentError` and records nothing.

A use is recorded whatever its verdict: a use without valid consent is a
*violation*, kept in the log with its reason. Later uses are checked against the
ledger as it stands then (a withdrawal, a person who can no longer consent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from osmosis_lab.consent._checks import categories_of, check_day, check_name, one_purpose
from osmosis_lab.consent.decide import actor_name, decide
from osmosis_lab.consent.ledger import Entry, Ledger, actor_for, commit, log_entry, record_of
from osmosis_lab.consent.person import UseRecord
from osmosis_lab.errors import ConsentError


def set_capacity(
    ledger: Ledger, person: str, *, capable: bool, day: int, by: str = "care team"
) -> Ledger:
    """Record that ``person`` can (or can no longer) consent, from ``day`` on.

    Raises
    ------
    ConsentError
        The person is unknown, capable is not True or False, nothing would change, by is not a
        non-empty name, or day is before the ledger's latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, open_ledger
    >>> ledger = set_capacity(open_ledger([Person("L01", 64)]), "L01", capable=False, day=0)
    >>> ledger.records["L01"].capable_on(0)
    False
    """
    record = record_of(ledger, person)
    if not isinstance(capable, bool):
        raise ConsentError(f"capable must be True or False, got {capable!r}.")
    check_day(ledger, day)
    by = check_name(by, what="by")
    if record.capable_on(day) == capable:
        state = "can already" if capable else "already cannot"
        raise ConsentError(f"{person} {state} consent on day {day}; nothing to record.")
    actor = actor_for(ledger, record, by)
    detail = "can consent again" if capable else "can no longer consent"
    entry = log_entry(ledger, [], day, "capacity", record, actor, (None, None), None, detail)
    new = replace(record, capacity=record.capacity + ((day, capable),))
    return commit(ledger, {person: new}, [entry], day)


def record_use(
    ledger: Ledger,
    person: str,
    categories: str | Iterable[str],
    purpose: str,
    *,
    day: int,
    by: str,
    recipient: str | None = None,
) -> Ledger:
    """Record that ``by`` used ``person``'s data, checked against the ledger as it stands.

    One log entry per category, with outcome "allowed" or the violation's reason
    code (:data:`~.decide.REASON_CODES`). ``recipient`` is required for sharing
    (who received the copy) and refused otherwise.

    Raises
    ------
    ConsentError
        The person, category or purpose is unknown, by is not a non-empty name, a recipient is
        given for a purpose other than sharing, or day is before the ledger's latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, grant, open_ledger, violations
    >>> ledger = grant(open_ledger([Person("T02", 29)]), "T02", "subconscious", "matching", day=0)
    >>> ledger = record_use(ledger, "T02", "subconscious", "research", day=3, by="Esther")
    >>> [e.outcome for e in violations(ledger)]
    ['wrong purpose']
    """
    record = record_of(ledger, person)
    cats, purpose = categories_of(categories), one_purpose(purpose)
    check_day(ledger, day)
    by = check_name(by, what="by (who uses the data)")
    if purpose == "sharing":
        recipient = check_name(recipient, what="recipient (who receives the shared copy)")
    elif recipient is not None:
        raise ConsentError(f"recipient is only for purpose 'sharing', not {purpose!r}.")
    actor = actor_for(ledger, record, by)
    entries: list[Entry] = []
    uses = list(record.uses)
    for cat in cats:
        verdict = decide(
            record,
            cat,
            purpose,
            day,
            ledger.rules,
            who="the person",
            name_of=lambda a: actor_name(None, record, a),
        )
        uses.append(UseRecord(day, cat, purpose, actor, recipient, verdict.allowed))
        entries.append(
            log_entry(
                ledger,
                entries,
                day,
                "use",
                record,
                actor,
                (cat, purpose),
                verdict.code,
                verdict.reason,
            )
        )
    return commit(ledger, {person: replace(record, uses=tuple(uses))}, entries, day)
