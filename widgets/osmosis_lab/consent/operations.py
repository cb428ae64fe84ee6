"""Consent decisions on the ledger: grant, withdraw, narrow, withdraw all.

Each returns a new :class:`~.ledger.Ledger` with one log entry per decision
appended; the ledger passed in is never changed. Bad input raises
:class:`~osmosis_lab.errors.ConsentError` and records nothing. Withdrawing does
not change the verdict of earlier uses (GDPR Art. 7(3): withdrawal does not make
processing before it unlawful); it stops later ones. What the ledger records that
is nobody's decision (a use of data, a change in capacity) is :mod:`.events`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType

from osmosis_lab.consent._checks import (
    categories_of,
    check_day,
    check_name,
    purposes_of,
)
from osmosis_lab.consent.ledger import (
    Entry,
    Ledger,
    actor_for,
    commit,
    log_entry,
    record_of,
    role_on,
)
from osmosis_lab.consent.person import GrantRecord, PersonRecord
from osmosis_lab.consent.rules import PURPOSES
from osmosis_lab.errors import ConsentError

Keys = Iterable[tuple[str, str]]


def grant(
    ledger: Ledger,
    person: str,
    categories: str | Iterable[str],
    purposes: str | Iterable[str],
    *,
    day: int,
    by: str | None = None,
) -> Ledger:
    """Record that ``by`` (default: the person) consents to every category x purpose given.

    The consent is recorded whoever gives it; whether it counts is decided when
    it is used (:func:`~.decide.may_use`): a consent from someone not entitled to
    give it is kept, and named as such. Granting again what the same person
    already granted changes nothing but the log.

    Raises
    ------
    ConsentError
        The person, a category or a purpose is unknown, by may not decide for the person (a
        minor below the digital consent age, someone not their parent or representative), or day
        is before the ledger's latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, may_use, open_ledger
    >>> ledger = open_ledger([Person("T01", 17, parents=("Niels's mother",))])
    >>> ledger = grant(ledger, "T01", "declared", "matching", day=1, by="Niels's mother")
    >>> may_use(ledger, "T01", "declared", "matching").code
    'not entitled'
    >>> ledger = grant(ledger, "T01", "declared", "matching", day=2)
    >>> may_use(ledger, "T01", "declared", "matching").code
    'allowed'
    """
    record = record_of(ledger, person)
    keys = _keys(categories, purposes)
    check_day(ledger, day)
    by = person if by is None else check_name(by, what="by")
    role, why = role_on(ledger, record, by, day)
    actor = actor_for(ledger, record, by)
    grants = dict(record.grants)
    entries: list[Entry] = []
    for key in keys:
        existing = grants.get(key, ())
        held = any(g.actor == actor and g.withdrawn_day is None for g in existing)
        if not held:
            grants[key] = existing + (GrantRecord(actor, role, why, day),)
        detail = f"given by {why}" + ("; already held, unchanged" if held else "")
        entries.append(log_entry(ledger, entries, day, "grant", record, actor, key, role, detail))
    new = replace(record, grants=MappingProxyType(grants))
    return commit(ledger, {person: new}, entries, day)


def withdraw(
    ledger: Ledger,
    person: str,
    categories: str | Iterable[str],
    purposes: str | Iterable[str],
    *,
    day: int,
    by: str | None = None,
) -> Ledger:
    """Record a withdrawal of consent for every category x purpose given.

    The person's own withdrawal ends every consent on those keys, whoever gave
    it. Anyone else (a parent, a representative) withdraws only their own.
    Withdrawing what is not currently granted raises ConsentError.

    Raises
    ------
    ConsentError
        The person, a category or a purpose is unknown, by may not decide for the person, no
        such consent is in force, or day is before the ledger's latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, may_use, open_ledger
    >>> ledger = grant(open_ledger([Person("T08", 33)]), "T08", "conscious", "research", day=1)
    >>> ledger = withdraw(ledger, "T08", "conscious", "research", day=4)
    >>> print(may_use(ledger, "T08", "conscious", "research").reason)
    ... # doctest: +NORMALIZE_WHITESPACE
    Not allowed (withdrawn): consent to research (experiments and studies) with
    their conscious memories was withdrawn on day 4 by T08 themself.
    >>> withdraw(ledger, "T08", "conscious", "research", day=5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osmosis_lab.errors.ConsentError: Nothing to withdraw: ... (it was withdrawn on day 4).
    """
    record = record_of(ledger, person)
    keys = _keys(categories, purposes)
    check_day(ledger, day)
    by = person if by is None else check_name(by, what="by")
    for key in keys:
        if not _withdrawable(ledger, record, key, by):
            raise ConsentError(_nothing_to_withdraw(ledger, record, key, by))
    return _end_grants(ledger, record, keys, day=day, by=by, kind="withdraw")


def narrow(
    ledger: Ledger,
    person: str,
    *,
    day: int,
    keep_categories: Iterable[str] | None = None,
    keep_purposes: Iterable[str] | None = None,
    by: str | None = None,
) -> Ledger:
    """Keep only the consents inside ``keep_categories`` x ``keep_purposes``; withdraw the rest.

    ``None`` keeps every category (or purpose). Raises ConsentError when there is
    nothing in force, or when narrowing would change nothing.

    Raises
    ------
    ConsentError
        The person, a category or a purpose is unknown, nothing to keep is named, no consent is
        in force or nothing would change, by may not decide for the person, or day is before the
        ledger's latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, may_use, open_ledger
    >>> ledger = open_ledger([Person("T07", 41)])
    >>> ledger = grant(ledger, "T07", ["declared", "scraped"], ["matching", "sharing"], day=0)
    >>> ledger = narrow(ledger, "T07", keep_purposes=["matching"], day=3)
    >>> [may_use(ledger, "T07", "scraped", p).allowed for p in ("matching", "sharing")]
    [True, False]
    """
    record = record_of(ledger, person)
    if keep_categories is None and keep_purposes is None:
        raise ConsentError("Say what to keep: give keep_categories, keep_purposes or both.")
    cats = None if keep_categories is None else set(categories_of(keep_categories))
    purps = None if keep_purposes is None else set(purposes_of(keep_purposes))
    check_day(ledger, day)
    by = person if by is None else check_name(by, what="by")
    held = [k for k in record.grants if _withdrawable(ledger, record, k, by)]
    if not held:
        raise ConsentError(f"Nothing to narrow: no consent from {by} for {person} is in force.")
    drop = [
        k
        for k in held
        if (cats is not None and k[0] not in cats) or (purps is not None and k[1] not in purps)
    ]
    if not drop:
        raise ConsentError(
            f"Narrowing to that keeps everything {by} granted for {person}; nothing would change."
        )
    return _end_grants(ledger, record, drop, day=day, by=by, kind="narrow")


def withdraw_all(ledger: Ledger, person: str, *, day: int, by: str | None = None) -> Ledger:
    """Withdraw every consent ``by`` (default: the person) has in force for ``person``.

    >>> from osmosis_lab.consent import Person, may_use, open_ledger
    >>> ledger = grant(open_ledger([Person("T05", 31)]), "T05", ["declared", "scraped"],
    ...                ["matching", "research"], day=0)
    >>> ledger = withdraw_all(ledger, "T05", day=2)
    >>> may_use(ledger, "T05", "scraped", "matching").code
    'withdrawn'

    Raises
    ------
    ConsentError
        The person is unknown, by may not decide for the person, no consent from by is in force,
        or day is before the ledger's latest entry.
    """
    record = record_of(ledger, person)
    check_day(ledger, day)
    by = person if by is None else check_name(by, what="by")
    held = [k for k in record.grants if _withdrawable(ledger, record, k, by)]
    if not held:
        raise ConsentError(f"Nothing to withdraw: no consent from {by} for {person} is in force.")
    return _end_grants(ledger, record, held, day=day, by=by, kind="withdraw")


def _end_grants(
    ledger: Ledger, record: PersonRecord, keys: Keys, *, day: int, by: str, kind: str
) -> Ledger:
    actor = actor_for(ledger, record, by)
    everyone = by == record.person.person_id
    grants = dict(record.grants)
    entries: list[Entry] = []
    for key in keys:
        grants[key] = tuple(
            replace(g, withdrawn_day=day, withdrawn_by=actor)
            if g.withdrawn_day is None and (everyone or g.actor == actor)
            else g
            for g in grants[key]
        )
        detail = "withdrawn" + (" (narrowed away)" if kind == "narrow" else "")
        entries.append(log_entry(ledger, entries, day, kind, record, actor, key, None, detail))
    new = replace(record, grants=MappingProxyType(grants))
    return commit(ledger, {record.person.person_id: new}, entries, day)


def _withdrawable(ledger: Ledger, record: PersonRecord, key: tuple[str, str], by: str) -> bool:
    live = [g for g in record.grants.get(key, ()) if g.withdrawn_day is None]
    if by == record.person.person_id:
        return bool(live)
    actor = actor_for(ledger, record, by)
    return any(g.actor == actor for g in live)


def _nothing_to_withdraw(
    ledger: Ledger, record: PersonRecord, key: tuple[str, str], by: str
) -> str:
    person = record.person.person_id
    grants = record.grants.get(key, ())
    if by != person:
        actor = actor_for(ledger, record, by)
        grants = [g for g in grants if g.actor == actor]
    ended = [g.withdrawn_day for g in grants if g.withdrawn_day is not None]
    when = f"it was withdrawn on day {max(ended)}" if ended else "it was never granted"
    if by != person:
        when += f"; {by} can withdraw only a consent they gave themselves"
    return (
        f"Nothing to withdraw: no consent from {by} to {PURPOSES[key[1]]} with {key[0]} "
        f"is in force for {person} ({when})."
    )


def _keys(categories: object, purposes: object) -> list[tuple[str, str]]:
    cats, purps = categories_of(categories), purposes_of(purposes)
    return [(c, p) for c in cats for p in purps]
