"""A consent ledger: grant, narrow, withdraw and erase, and ask "may I use this?".

Consent is recorded per person, per data category (``categories.CATEGORIES``:
declared, scraped, conscious, subconscious) and per purpose (:data:`PURPOSES`:
matching, research, medical, sharing), over time counted in whole days from
day 0. The ledger is immutable: each operation returns a new ledger, and its
audit log of every decision and every use only grows.

Building
    :func:`open_ledger`, :func:`register`, :class:`Person`, :class:`ConsentRules`
    (:data:`FRANCE` by default, :data:`GDPR_DEFAULT`)
Decisions
    :func:`grant`, :func:`withdraw`, :func:`withdraw_all`, :func:`narrow`,
    :func:`set_capacity`, :func:`erase`
Uses and questions
    :func:`record_use`, :func:`may_use` (a :class:`Decision` with its reason in words)
Views
    :func:`violations`, :func:`audit_table`, :func:`consent_table`,
    :func:`shared_categories`, :func:`people_from_table`

Bad input (unknown person, category or purpose; withdrawing what is not in
force; a date before the latest entry) raises
:class:`~osmosis_lab.errors.ConsentError` saying what to do.

Examples
--------
>>> from osmosis_lab.consent import Person, grant, may_use, open_ledger, record_use, violations
>>> ledger = open_ledger([Person("T02", 29)])
>>> ledger = grant(ledger, "T02", ["declared", "conscious"], "matching", day=1)
>>> bool(may_use(ledger, "T02", "conscious", "matching"))
True
>>> ledger = record_use(ledger, "T02", "conscious", "research", day=5, by="Esther")
>>> [(e.day, e.outcome) for e in violations(ledger)]
[(5, 'wrong purpose')]

References
----------
Regulation (EU) 2016/679 (GDPR), Arts. 4(11), 7, 8, 9, 17 and 19. Loi n° 78-17
(Informatique et Libertés), art. 45. National Commission for the Protection of
Human Subjects (1979), *The Belmont Report*. World Medical Association,
*Declaration of Helsinki* (1964, revised 2024).
"""

from osmosis_lab.consent.decide import (
    ALLOWED,
    NO_CONSENT,
    NOT_ENOUGH_CODE,
    NOT_ENTITLED_CODE,
    REASON_CODES,
    WITHDRAWN,
    WRONG_PURPOSE,
    Decision,
    may_use,
)
from osmosis_lab.consent.erasure import ErasureReport, erase
from osmosis_lab.consent.events import record_use, set_capacity
from osmosis_lab.consent.ledger import Entry, Ledger, open_ledger, register
from osmosis_lab.consent.operations import grant, narrow, withdraw, withdraw_all
from osmosis_lab.consent.person import Person
from osmosis_lab.consent.rules import (
    FRANCE,
    GDPR_DEFAULT,
    PURPOSE_LABELS,
    PURPOSES,
    ConsentRules,
    requirement,
)
from osmosis_lab.consent.views import (
    audit_table,
    consent_table,
    people_from_table,
    shared_categories,
    violations,
)
from osmosis_lab.errors import ConsentError

__all__ = [
    "ALLOWED",
    "FRANCE",
    "GDPR_DEFAULT",
    "NOT_ENOUGH_CODE",
    "NOT_ENTITLED_CODE",
    "NO_CONSENT",
    "PURPOSES",
    "PURPOSE_LABELS",
    "REASON_CODES",
    "WITHDRAWN",
    "WRONG_PURPOSE",
    "ConsentError",
    "ConsentRules",
    "Decision",
    "Entry",
    "ErasureReport",
    "Ledger",
    "Person",
    "audit_table",
    "consent_table",
    "erase",
    "grant",
    "may_use",
    "narrow",
    "open_ledger",
    "people_from_table",
    "record_use",
    "register",
    "requirement",
    "set_capacity",
    "shared_categories",
    "violations",
    "withdraw",
    "withdraw_all",
]
