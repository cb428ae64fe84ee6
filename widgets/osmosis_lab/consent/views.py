"""Read-only views of a ledger: violations, the audit log as a table, who shares what.

These build plain data (tuples, dicts, DataFrames) for lessons and explorers;
none of them changes the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent._checks import check_day_value, one_purpose, yes_no
from osmosis_lab.consent.decide import actor_name, is_allowed, may_use
from osmosis_lab.consent.ledger import Entry, Ledger
from osmosis_lab.consent.ledger import record_of as _record_of
from osmosis_lab.consent.person import Person
from osmosis_lab.consent.rules import PURPOSES
from osmosis_lab.errors import ConsentError

AUDIT_COLUMNS = (
    "seq",
    "day",
    "kind",
    "person",
    "actor",
    "category",
    "purpose",
    "outcome",
    "detail",
)


def violations(ledger: Ledger) -> tuple[Entry, ...]:
    """Return every recorded use that had no valid consent, oldest first.

    >>> from osmosis_lab.consent import Person, open_ledger, record_use
    >>> ledger = open_ledger([Person("C05", 30, signed_up=False)])
    >>> ledger = record_use(ledger, "C05", "scraped", "matching", day=1, by="Osmosis")
    >>> print(violations(ledger)[0].detail)  # doctest: +NORMALIZE_WHITESPACE
    Not allowed (no consent): nobody consented to any use of the person's scraped
    social media. They never signed up: nobody asked them.
    """
    return tuple(e for e in ledger.log if e.kind == "use" and e.outcome != "allowed")


def audit_table(ledger: Ledger) -> pd.DataFrame:
    """Return the audit log as a table, with people named where their record still exists.

    An erased person shows as "(erased)": the log keeps what happened, not to whom.

    >>> from osmosis_lab.consent import Person, grant, open_ledger
    >>> ledger = grant(open_ledger([Person("T02", 29)]), "T02", "declared", "matching", day=1)
    >>> audit_table(ledger)[["day", "kind", "person", "outcome"]].to_dict("records")[-1]
    {'day': 1, 'kind': 'grant', 'person': 'T02', 'outcome': 'self'}
    """
    by_handle = {r.handle: r for r in ledger.records.values()}
    rows = []
    for e in ledger.log:
        record = by_handle.get(e.subject)
        rows.append(
            (
                e.seq,
                e.day,
                e.kind,
                record.person.person_id if record else "(erased)",
                actor_name(ledger if record else None, record, e.actor),
                e.category,
                e.purpose,
                e.outcome,
                e.detail,
            )
        )
    return pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))


def consent_table(ledger: Ledger, person: str, *, day: int | None = None) -> pd.DataFrame:
    """Return a categories x purposes table of True/False: may this be used now?

    >>> from osmosis_lab.consent import Person, grant, open_ledger
    >>> ledger = grant(open_ledger([Person("T02", 29)]), "T02", "declared", "matching", day=1)
    >>> int(consent_table(ledger, "T02").to_numpy().sum())
    1

    Raises
    ------
    ConsentError
        A person, category or purpose is unknown, or day is not a whole number of at least 0.
    """
    _record_of(ledger, person)
    return pd.DataFrame(
        [[may_use(ledger, person, c, p, day=day).allowed for p in PURPOSES] for c in CATEGORIES],
        index=pd.Index(list(CATEGORIES), name="category"),
        columns=pd.Index(list(PURPOSES), name="purpose"),
    )


def shared_categories(
    ledger: Ledger, purpose: str = "matching", *, day: int | None = None
) -> dict[str, tuple[str, ...]]:
    """Return, for every person, the categories that may be used for ``purpose`` on ``day``.

    The fast path the consent board calls on every toggle.

    >>> from osmosis_lab.consent import Person, grant, open_ledger
    >>> ledger = open_ledger([Person("T02", 29), Person("T03", 34)])
    >>> ledger = grant(ledger, "T02", ["declared", "conscious"], "matching", day=1)
    >>> shared_categories(ledger)
    {'T02': ('declared', 'conscious'), 'T03': ()}

    Raises
    ------
    ConsentError
        The purpose is unknown, or day is not a whole number of at least 0.
    """
    purpose = one_purpose(purpose)
    day = ledger.latest_day if day is None else check_day_value(day)
    rules = ledger.rules
    return {
        pid: tuple(c for c in CATEGORIES if is_allowed(rec, c, purpose, day, rules))
        for pid, rec in ledger.records.items()
    }


def people_from_table(
    table: pd.DataFrame,
    *,
    parents: Mapping[str, tuple[str, ...]] | None = None,
    representatives: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Person]:
    """Return a :class:`Person` per row of a people table (columns person_id, age, signed_up).

    >>> table = pd.DataFrame({"person_id": ["T01"], "age": [17], "signed_up": [True]})
    >>> people_from_table(table, parents={"T01": ("Niels's mother",)})[0].parents
    ("Niels's mother",)

    Raises
    ------
    ConsentError
        A column is missing, an age is missing or not a whole number of years, or a
        ``signed_up`` value is not True or False (1 or 0; the text "False" is refused,
        not read as true).
    """
    missing = {"person_id", "age", "signed_up"} - set(table.columns)
    if missing:
        raise ConsentError(
            f"The people table lacks columns {sorted(missing)}; it needs "
            "person_id, age and signed_up (as data/people.csv has)."
        )
    parents, representatives = parents or {}, representatives or {}
    return [
        Person(
            str(pid),
            _whole_age(pid, age),
            parents=tuple(parents.get(pid, ())),
            representatives=tuple(representatives.get(pid, ())),
            signed_up=yes_no(signed, what=f"{pid}: signed_up"),
        )
        for pid, age, signed in zip(
            table["person_id"], table["age"], table["signed_up"], strict=True
        )
    ]


def _whole_age(pid: object, age: object) -> int:
    """Return ``age`` as an int; a blank or fractional age would silently become a wrong one."""
    try:
        whole = int(age)
        exact = whole == age
    except (TypeError, ValueError, OverflowError):
        exact = False
    if isinstance(age, bool) or not exact:
        raise ConsentError(
            f"{pid}: age must be a whole number of years, got {age!r}; "
            "fill in or correct the age column of the people table."
        )
    return whole
