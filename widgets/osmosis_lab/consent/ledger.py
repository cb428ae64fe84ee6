"""The ledger: its people's records, the audit log, and the few functions that change them.

Time is counted in whole **days** (``int``, day 0 is the day the ledger opens;
a year is 365 days in the toy). Events must be recorded in date order: the log
is append-only, so an event dated before the latest entry is refused.

The ledger is **immutable**: every operation returns a new :class:`Ledger` and
leaves the old one as it was. Its audit log only grows. Log entries never name
a person: they point at a numbered *handle*, and the people who act are
recorded by role ("self", "parent 1") or, for registered people, by handle.
Erasing a person deletes their record, so their handle then leads nowhere,
while the log keeps what happened and when.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from osmosis_lab.consent._checks import check_day, check_day_value
from osmosis_lab.consent.person import Actor, Person, PersonRecord
from osmosis_lab.consent.rules import FRANCE, ConsentRules, role_of
from osmosis_lab.errors import ConsentError


@dataclass(frozen=True)
class Entry:
    """One line of the audit log. It names nobody: ``subject`` is a handle.

    ``kind`` is "register", "grant", "withdraw", "narrow", "capacity", "use" or
    "erase". ``outcome`` is the role of a grant, or for a use "allowed" or the
    reason code of the violation. ``detail`` says the rest in words.
    """

    seq: int
    day: int
    kind: str
    subject: int
    actor: Actor
    category: str | None = None
    purpose: str | None = None
    outcome: str | None = None
    detail: str = ""


@dataclass(frozen=True, repr=False)
class Ledger:
    """A consent ledger: the people, what each consented to, and the audit log.

    Build one with :func:`open_ledger`; change it only through the operations in
    :mod:`osmosis_lab.consent`, each of which returns a new ledger.
    """

    rules: ConsentRules
    records: Mapping[str, PersonRecord]
    log: tuple[Entry, ...]
    handles_issued: int
    latest_day: int

    @property
    def people(self) -> tuple[str, ...]:
        """The ids of the people in the ledger, in the order they were registered."""
        return tuple(self.records)

    def person(self, person_id: str) -> Person:
        """Return the :class:`Person` registered as ``person_id``."""
        return record_of(self, person_id).person

    def __repr__(self) -> str:
        return (
            f"Ledger({self.rules.jurisdiction} rules; {len(self.records)} people; "
            f"{len(self.log)} log entries; latest day {self.latest_day})"
        )


def open_ledger(
    people: Iterable[Person] = (), *, rules: ConsentRules = FRANCE, day: int = 0
) -> Ledger:
    """Return a new ledger holding ``people``, registered on ``day``.

    Raises
    ------
    ConsentError
        A person is not a valid Person, two people share an id, rules is not a ConsentRules, or
        day is not a whole number of at least 0.

    Examples
    --------
    >>> ledger = open_ledger([Person("T02", 29), Person("C05", 31, signed_up=False)])
    >>> ledger
    Ledger(France rules; 2 people; 2 log entries; latest day 0)
    >>> ledger.people
    ('T02', 'C05')
    """
    if not isinstance(rules, ConsentRules):
        raise ConsentError(
            f"rules must be a ConsentRules (e.g. FRANCE), got {type(rules).__name__}."
        )
    empty = Ledger(rules, MappingProxyType({}), (), 0, check_day_value(day))
    return register(empty, people, day=day)


def register(ledger: Ledger, people: Person | Iterable[Person], *, day: int) -> Ledger:
    """Return a ledger that also holds ``people`` (a :class:`Person` or several).

    >>> register(open_ledger(), Person("T03", 34), day=2).people
    ('T03',)

    Raises
    ------
    ConsentError
        A person is not a valid Person, is already in the ledger or shares an id with another,
        or day is before the ledger's latest entry.
    """
    check_day(ledger, day)
    people = (people,) if isinstance(people, Person) else tuple(people)
    records = dict(ledger.records)
    entries: list[Entry] = []
    for n, person in enumerate(people):
        if not isinstance(person, Person):
            raise ConsentError(f"register takes Person objects, got {type(person).__name__}.")
        if person.person_id in records:
            raise ConsentError(f"{person.person_id} is already in the ledger; ids must be unique.")
        handle = ledger.handles_issued + n
        records[person.person_id] = PersonRecord(handle, person)
        entries.append(
            Entry(
                len(ledger.log) + n,
                day,
                "register",
                handle,
                Actor("self"),
                detail="signed up" if person.signed_up else "found by the app; never signed up",
            )
        )
    return Ledger(
        ledger.rules,
        MappingProxyType(records),
        ledger.log + tuple(entries),
        ledger.handles_issued + len(people),
        max(ledger.latest_day, day),
    )


def commit(
    ledger: Ledger, changes: Mapping[str, PersonRecord | None], entries: list[Entry], day: int
) -> Ledger:
    """Return ``ledger`` with records replaced (None deletes) and ``entries`` appended."""
    records = dict(ledger.records)
    for person_id, record in changes.items():
        if record is None:
            del records[person_id]
        else:
            records[person_id] = record
    return Ledger(
        ledger.rules,
        MappingProxyType(records),
        ledger.log + tuple(entries),
        ledger.handles_issued,
        max(ledger.latest_day, day),
    )


def log_entry(
    ledger: Ledger,
    pending: list[Entry],
    day: int,
    kind: str,
    record: PersonRecord,
    actor: Actor,
    key: tuple[str | None, str | None],
    outcome: str | None,
    detail: str,
) -> Entry:
    """The log entry for one decision or use about ``record``, numbered after ``pending`` ones."""
    return Entry(
        len(ledger.log) + len(pending),
        day,
        kind,
        record.handle,
        actor,
        key[0],
        key[1],
        outcome,
        detail,
    )


def record_of(ledger: Ledger, person_id: object) -> PersonRecord:
    """Return the record of ``person_id``, or raise a ConsentError that says what to do."""
    record = ledger.records.get(person_id) if isinstance(person_id, str) else None
    if record is None:
        known = ", ".join(list(ledger.records)[:6]) or "nobody yet"
        more = ", ..." if len(ledger.records) > 6 else ""
        raise ConsentError(
            f"Unknown person {person_id!r}: not in the ledger (never registered, "
            f"or erased). Register them first; known: {known}{more}."
        )
    return record


def actor_for(ledger: Ledger, record: PersonRecord, by: str) -> Actor:
    """Return how the log records ``by`` acting on ``record``'s person."""
    person = record.person
    if by == person.person_id:
        return Actor("self")
    if by in person.parents:
        return Actor("parent", person.parents.index(by))
    if by in person.representatives:
        return Actor("representative", person.representatives.index(by))
    if by in ledger.records:
        return Actor("person", ledger.records[by].handle)
    return Actor("name", by)


def role_on(ledger: Ledger, record: PersonRecord, by: str, day: int) -> tuple[str, str]:
    """Who ``by`` is for ``record``'s person on ``day`` (:func:`~.rules.role_of`: the role and
    why), from the person's parents, representatives, age and capacity that day. One place for
    granting and erasing alike: who may act for whom is one rule.

    >>> from osmosis_lab.consent.ledger import open_ledger
    >>> ledger = open_ledger([Person("T01", 17, parents=("Mother",))])
    >>> role_on(ledger, ledger.records["T01"], "Mother", day=0)[0]
    'parent'
    """
    person = record.person
    return role_of(
        by,
        person_id=person.person_id,
        parents=person.parents,
        representatives=person.representatives,
        minor=person.age_on(day) < ledger.rules.adult_age,
        capable=record.capable_on(day),
    )
