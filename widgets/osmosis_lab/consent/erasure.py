"""Erasure: delete a person's record, and say honestly what erasure cannot undo.

Erasing deletes everything the ledger holds about the person (who they are,
their consents, their uses). It cannot reach what was already done with their
data: matches already made (theirs and other people's, computed with their
data), scores and aggregates already computed, copies already shared. The
audit log keeps its entries, which name nobody, under a number that no longer
leads to the person.

References
----------
GDPR Art. 17 (right to erasure; 17(1)(b): consent withdrawn and no other legal
ground), Art. 19 (tell each recipient of the data about the erasure).
"""

from __future__ import annotations

from dataclasses import dataclass

from osmosis_lab.consent._checks import check_day, check_name
from osmosis_lab.consent.ledger import Entry, Ledger, actor_for, commit, role_on
from osmosis_lab.consent.ledger import record_of as _record_of
from osmosis_lab.consent.rules import NOT_ENTITLED
from osmosis_lab.errors import ConsentError

_COMPUTED = ("research", "medical")


@dataclass(frozen=True)
class ErasureReport:
    """What erasure removed, and what it cannot undo (handed to the person; not kept)."""

    person_id: str
    day: int
    removed_consents: int
    removed_uses: int
    matching_days: tuple[int, ...]
    computed: tuple[tuple[int, str], ...]
    copies_shared: tuple[str, ...]
    violations: int
    log_entries_kept: int

    @property
    def cannot_undo(self) -> tuple[str, ...]:
        """Each thing erasure cannot undo, as a sentence."""
        out = []
        if self.matching_days:
            out.append(
                f"Matches already made: their data went into matching on "
                f"{_days(self.matching_days)}. Those matches, theirs and other people's "
                "(computed with their data too), are not undone."
            )
        if self.computed:
            kinds = " and ".join(sorted({p for _, p in self.computed}))
            out.append(
                f"Scores and aggregates already computed from their data ({kinds}, on "
                f"{_days(sorted({d for d, _ in self.computed}))}) stay computed: erasure "
                "deletes records, not what was learned from them."
            )
        if self.copies_shared:
            out.append(
                f"Copies already shared with {', '.join(self.copies_shared)} are out of "
                "the ledger's reach: each recipient must be told of the erasure "
                "(GDPR Art. 19), and may still hold the copy."
            )
        if self.violations:
            out.append(
                f"{self.violations} use(s) without valid consent stay on record as "
                "violations: erasure does not make them lawful."
            )
        out.append(
            f"The audit log keeps {self.log_entries_kept} entries about their data, under "
            "a number that no longer leads to them (the log only grows)."
        )
        return tuple(out)

    def summary(self) -> str:
        """Return the whole report as a short paragraph."""
        head = (
            f"{self.person_id} erased on day {self.day}: {self.removed_consents} consent "
            f"record(s) and {self.removed_uses} use record(s) deleted. Cannot undo:"
        )
        return " ".join((head, *self.cannot_undo))


def erase(
    ledger: Ledger, person: str, *, day: int, by: str | None = None
) -> tuple[Ledger, ErasureReport]:
    """Erase ``person``'s record; return the new ledger and what erasure could not undo.

    The request may come from the person, a parent while they are a minor, or
    a representative while they cannot consent; anyone else gets a ConsentError.

    Raises
    ------
    ConsentError
        The person is unknown, by may not ask for their erasure, or day is before the ledger's
        latest entry.

    Examples
    --------
    >>> from osmosis_lab.consent import Person, grant, open_ledger, record_use
    >>> ledger = grant(open_ledger([Person("J01", 35)]), "J01", "conscious", "matching", day=0)
    >>> ledger = record_use(ledger, "J01", "conscious", "matching", day=2, by="Osmosis")
    >>> ledger = record_use(ledger, "J01", "conscious", "sharing", day=3, by="Osmosis",
    ...                     recipient="investors")
    >>> ledger, report = erase(ledger, "J01", day=9)
    >>> ledger.people, report.copies_shared, report.matching_days
    ((), ('investors',), (2,))
    """
    record = _record_of(ledger, person)
    check_day(ledger, day)
    by = person if by is None else check_name(by, what="by")
    role, why = role_on(ledger, record, by, day)
    if role == NOT_ENTITLED:
        raise ConsentError(
            f"{by} may not ask to erase {person}: they are {why}. Only the person, "
            "a parent while they are a minor, or a representative while they "
            "cannot consent may ask."
        )
    kept = sum(1 for e in ledger.log if e.subject == record.handle)
    uses = record.uses
    report = ErasureReport(
        person_id=person,
        day=day,
        removed_consents=sum(len(g) for g in record.grants.values()),
        removed_uses=len(uses),
        matching_days=tuple(sorted({u.day for u in uses if u.purpose == "matching"})),
        computed=tuple(sorted({(u.day, u.purpose) for u in uses if u.purpose in _COMPUTED})),
        copies_shared=tuple(sorted({u.recipient for u in uses if u.recipient})),
        violations=sum(1 for u in uses if not u.allowed),
        log_entries_kept=kept + 1,
    )
    entry = Entry(
        len(ledger.log),
        day,
        "erase",
        record.handle,
        actor_for(ledger, record, by),
        detail=f"record erased: {report.removed_consents} consent and "
        f"{report.removed_uses} use record(s) deleted",
    )
    return commit(ledger, {person: None}, [entry], day), report


def _days(days: tuple[int, ...] | list[int]) -> str:
    words = [f"day {d}" for d in days]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
