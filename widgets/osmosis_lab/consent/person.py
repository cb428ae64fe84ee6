"""A person in the ledger: who they are, who may act for them, and what the ledger holds on them.

:class:`Person` is what a caller registers (checked on construction); the
others are what the ledger keeps about that person and is changed only through
the operations in :mod:`osmosis_lab.consent`: each consent given
(:class:`GrantRecord`), each use of their data (:class:`UseRecord`), their
capacity to consent over time, all in one :class:`PersonRecord` that erasure
deletes whole. :class:`Actor` is who acted, as the log records it, so the log
never names a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from osmosis_lab.consent._checks import check_name, is_int
from osmosis_lab.errors import ConsentError


@dataclass(frozen=True)
class Person:
    """A data subject: who they are in the ledger and who may consent for them.

    Parameters
    ----------
    person_id : str
        Their id in the data set ("T01", "C05", "R0001").
    age : int
        Age in whole years on day 0.
    parents : tuple of str
        Holders of parental authority (names or ids), who count while the person is a minor.
    representatives : tuple of str
        Legal representatives, who count while the person cannot consent.
    signed_up : bool
        False for someone the app "found" without their ever joining.
    days_to_birthday : int
        Days from day 0 to their next birthday (1 to 365).

    Raises
    ------
    ConsentError
        The id is not a non-empty string, the age is not a whole number of years from 0 to 130,
        days_to_birthday is not a whole number from 1 to 365, signed_up is not True or False, or
        the person is listed among their own parents or representatives.

    Examples
    --------
    >>> niels = Person("T01", 17, parents=("Niels's mother",), days_to_birthday=40)
    >>> niels.age_on(39), niels.age_on(40), niels.age_on(40 + 365)
    (17, 18, 19)
    """

    person_id: str
    age: int
    parents: tuple[str, ...] = ()
    representatives: tuple[str, ...] = ()
    signed_up: bool = True
    days_to_birthday: int = 365

    def __post_init__(self) -> None:
        who = check_name(self.person_id, what="person_id")
        if not is_int(self.age) or not 0 <= self.age <= 130:
            raise ConsentError(
                f"{who}: age must be a whole number of years 0-130, got {self.age!r}."
            )
        if not is_int(self.days_to_birthday) or not 1 <= self.days_to_birthday <= 365:
            raise ConsentError(
                f"{who}: days_to_birthday must be an int from 1 to 365, "
                f"got {self.days_to_birthday!r}."
            )
        for name in ("parents", "representatives"):
            names = getattr(self, name)
            names = (names,) if isinstance(names, str) else tuple(names)
            for n in names:
                check_name(n, what=f"{who}'s {name}")
            if who in names:
                raise ConsentError(f"{who} cannot be listed among their own {name}.")
            object.__setattr__(self, name, names)
        if not isinstance(self.signed_up, bool):
            raise ConsentError(f"{who}: signed_up must be True or False, got {self.signed_up!r}.")

    def age_on(self, day: int) -> int:
        """Return their age in whole years on ``day``."""
        if day < self.days_to_birthday:
            return self.age
        return self.age + 1 + (day - self.days_to_birthday) // 365


@dataclass(frozen=True)
class Actor:
    """Who acted, as the log stores it: a role relative to the subject, a handle, or a name.

    ``kind`` is "self", "parent", "representative" (``ref``: index into the
    person's list), "person" (``ref``: another registered person's handle) or
    "name" (``ref``: someone outside the ledger, such as an employee).
    """

    kind: str
    ref: int | str | None = None


@dataclass(frozen=True)
class GrantRecord:
    """One consent on record for a (category, purpose): who gave it, in what role, when."""

    actor: Actor
    role: str
    why: str
    day: int
    withdrawn_day: int | None = None
    withdrawn_by: Actor | None = None

    def active_on(self, day: int) -> bool:
        """Return True when granted on or before ``day`` and not withdrawn by its end."""
        return self.day <= day and (self.withdrawn_day is None or self.withdrawn_day > day)


@dataclass(frozen=True)
class UseRecord:
    """One use of a person's data, with the verdict it got when it was recorded."""

    day: int
    category: str
    purpose: str
    actor: Actor
    recipient: str | None
    allowed: bool


@dataclass(frozen=True)
class PersonRecord:
    """Everything the ledger holds about one person (deleted whole by erasure)."""

    handle: int
    person: Person
    capacity: tuple[tuple[int, bool], ...] = ()
    grants: Mapping[tuple[str, str], tuple[GrantRecord, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    uses: tuple[UseRecord, ...] = ()

    def capable_on(self, day: int) -> bool:
        """Return whether the person can consent on ``day`` (the last change on or before it)."""
        capable = True
        for changed, value in self.capacity:
            if changed > day:
                break
            capable = value
        return capable
