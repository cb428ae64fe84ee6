"""Timelines: a scenario as a list of dated steps, replayed against a fresh ledger.

A :class:`Step` is one thing that happens (a consent, a withdrawal, a use ...),
with a ``note`` that tells the story in words. The note is narration for the
lesson; it never goes into the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from osmosis_lab.consent.erasure import ErasureReport, erase
from osmosis_lab.consent.events import record_use, set_capacity
from osmosis_lab.consent.ledger import Entry, Ledger, open_ledger
from osmosis_lab.consent.operations import grant, narrow, withdraw, withdraw_all
from osmosis_lab.consent.person import Person
from osmosis_lab.consent.rules import FRANCE, ConsentRules
from osmosis_lab.errors import ConsentError

ACTIONS = ("grant", "withdraw", "withdraw_all", "narrow", "capacity", "use", "erase")


@dataclass(frozen=True)
class Step:
    """One dated event of a timeline. Which fields matter depends on ``action``."""

    day: int
    action: str
    person: str
    categories: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    by: str | None = None
    recipient: str | None = None
    capable: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class Scenario:
    """A titled timeline and the people in it."""

    title: str
    people: tuple[Person, ...]
    steps: tuple[Step, ...]
    rules: ConsentRules = FRANCE


@dataclass(frozen=True)
class Replayed:
    """A step, the ledger after it, the log entries it added, and any erasure report."""

    step: Step
    ledger: Ledger
    entries: tuple[Entry, ...]
    report: ErasureReport | None = None


def apply_step(ledger: Ledger, step: Step) -> tuple[Ledger, ErasureReport | None]:
    """Apply one step; return the new ledger and, for an erasure, its report.

    Raises
    ------
    ConsentError
        The step names a person the ledger does not know, an unknown category, purpose or
        action, is not allowed to the one who takes it, or is dated before the ledger's last day.

    Examples
    --------
    >>> from osmosis_lab.consent.scenarios import josephine_timeline
    >>> scenario = josephine_timeline()
    >>> ledger, report = apply_step(open_ledger(scenario.people), scenario.steps[0])
    >>> report is None, len(ledger.log) > 1
    (True, True)
    """
    a, who, day = step.action, step.person, step.day
    if a == "grant":
        return grant(ledger, who, step.categories, step.purposes, day=day, by=step.by), None
    if a == "withdraw":
        return withdraw(ledger, who, step.categories, step.purposes, day=day, by=step.by), None
    if a == "withdraw_all":
        return withdraw_all(ledger, who, day=day, by=step.by), None
    if a == "narrow":
        return narrow(
            ledger,
            who,
            day=day,
            keep_categories=step.categories or None,
            keep_purposes=step.purposes or None,
            by=step.by,
        ), None
    if a == "capacity":
        return set_capacity(
            ledger, who, capable=step.capable, day=day, by=step.by or "care team"
        ), None
    if a == "use":
        (purpose,) = step.purposes if len(step.purposes) == 1 else (None,)
        if purpose is None:
            raise ConsentError(
                f"A use names exactly one purpose; step on day {day} has {step.purposes!r}."
            )
        return record_use(
            ledger,
            who,
            step.categories,
            purpose,
            day=day,
            by=step.by or "Osmosis",
            recipient=step.recipient,
        ), None
    if a == "erase":
        return erase(ledger, who, day=day, by=step.by)
    raise ConsentError(f"Unknown action {a!r}; known: {', '.join(ACTIONS)}.")


def replay(scenario: Scenario, *, steps: Iterable[Step] | None = None) -> tuple[Replayed, ...]:
    """Replay ``scenario`` (or only ``steps``) step by step from a fresh ledger.

    Raises
    ------
    ConsentError
        A step names an unknown person, category, purpose or action, is not allowed to the one
        who takes it, or is dated before the step before it.

    Examples
    --------
    >>> from osmosis_lab.consent.scenarios import josephine_timeline
    >>> history = replay(josephine_timeline())
    >>> [(r.step.day, r.step.action) for r in history][-1]
    (15, 'erase')
    >>> history[-1].report.copies_shared
    ('investors',)
    """
    ledger = open_ledger(scenario.people, rules=scenario.rules)
    out = []
    for step in scenario.steps if steps is None else steps:
        before = len(ledger.log)
        ledger, report = apply_step(ledger, step)
        out.append(Replayed(step, ledger, ledger.log[before:], report))
    return tuple(out)


def same_moment(earlier: Step, later: Step) -> bool:
    """Whether ``later`` repeats ``earlier``'s decision for someone else, on the same day.

    A replay shows such steps as one (twelve sign-ups are one moment of the story, not twelve
    clicks that look alike). A use is never merged: each use gets a verdict of its own.

    Examples
    --------
    >>> a = Step(0, "grant", "T01", ("declared",), ("matching",))
    >>> same_moment(a, Step(0, "grant", "T02", ("declared",), ("matching",)))
    True
    >>> same_moment(a, Step(1, "grant", "T02", ("declared",), ("matching",)))
    False
    """
    return (
        earlier.action != "use"
        and earlier.person != later.person
        and (earlier.day, earlier.action, earlier.categories, earlier.purposes, earlier.by)
        == (later.day, later.action, later.categories, later.purposes, later.by)
    )


def moments(history: tuple[Replayed, ...]) -> tuple[tuple[Replayed, ...], ...]:
    """Replayed steps grouped into what a learner steps through: runs of :func:`same_moment`.

    Examples
    --------
    >>> from osmosis_lab.consent.scenarios import esther_experiment
    >>> history = replay(esther_experiment())
    >>> [len(m) for m in moments(history)][:3], sum(len(m) for m in moments(history)) == len(history)
    ([11, 1, 1], True)
    """
    groups: list[list[Replayed]] = []
    for replayed in history:
        if groups and same_moment(groups[-1][-1].step, replayed.step):
            groups[-1].append(replayed)
        else:
            groups.append([replayed])
    return tuple(tuple(group) for group in groups)
