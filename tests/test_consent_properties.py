"""Properties of the consent ledger on random histories (hypothesis).

- after a withdrawal, no later use is allowed (until someone grants again);
- the audit log only grows, and a refused operation changes nothing;
- erasure leaves no personal record and reports what it cannot undo;
- the answer to "may I use this?" never depends on the order of unrelated events.
"""

import contextlib
from dataclasses import fields, is_dataclass
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent import (
    PURPOSES,
    WITHDRAWN,
    ConsentError,
    Person,
    erase,
    grant,
    may_use,
    open_ledger,
    record_use,
    set_capacity,
    shared_categories,
    withdraw,
)

PEOPLE = (
    Person("P-Ada", 30, representatives=("Rep",)),
    Person("P-Max", 17, parents=("Mum",), days_to_birthday=6),  # turns 18 on day 6
    Person("P-Bo", 45),
)
IDS = tuple(p.person_id for p in PEOPLE)
CATS, PURPS = tuple(CATEGORIES), tuple(PURPOSES)
ACTORS = (None, "Mum", "Rep", "Esther", "P-Bo")
FAST = settings(max_examples=60, deadline=None)


def ops(people=IDS, cats=CATS, kinds=("grant", "withdraw", "use", "capacity")):
    """A random operation: (kind, person, category, purpose, actor, days later, flag)."""
    return st.tuples(
        st.sampled_from(kinds),
        st.sampled_from(people),
        st.sampled_from(cats),
        st.sampled_from(PURPS),
        st.sampled_from(ACTORS),
        st.integers(0, 3),
        st.booleans(),
    )


def run(ledger, op, day):
    kind, pid, cat, purpose, by, _, flag = op
    if kind == "grant":
        return grant(ledger, pid, cat, purpose, day=day, by=by)
    if kind == "withdraw":
        return withdraw(ledger, pid, cat, purpose, day=day, by=by)
    if kind == "use":
        recipient = ("investors" if flag else "partners") if purpose == "sharing" else None
        return record_use(
            ledger, pid, cat, purpose, day=day, by=by or "Osmosis", recipient=recipient
        )
    return set_capacity(ledger, pid, capable=flag, day=day)


def run_all(op_list, ledger=None):
    """Apply ops in turn, each `days later` than the last; skip those the ledger refuses."""
    ledger = open_ledger(PEOPLE) if ledger is None else ledger
    day = ledger.latest_day
    for op in op_list:
        day += op[5]
        with contextlib.suppress(ConsentError):
            ledger = run(ledger, op, day)
    return ledger


def strings_in(value, seen=None):
    """Every string reachable from a ledger's fields, keys and values."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from strings_in(getattr(value, f.name))
    elif isinstance(value, dict | MappingProxyType):
        for k, v in value.items():
            yield from strings_in(k)
            yield from strings_in(v)
    elif isinstance(value, tuple | list | frozenset | set):
        for v in value:
            yield from strings_in(v)


@FAST
@given(
    before=st.lists(ops(), max_size=20),
    after=st.lists(ops(), max_size=20),
    pid=st.sampled_from(IDS),
    cat=st.sampled_from(CATS),
    purpose=st.sampled_from(PURPS),
)
def test_after_a_withdrawal_no_later_use_is_allowed(before, after, pid, cat, purpose):
    ledger = run_all(before)
    day = ledger.latest_day
    if not any(g.withdrawn_day is None for g in ledger.records[pid].grants.get((cat, purpose), ())):
        ledger = grant(ledger, pid, cat, purpose, day=day, by="Esther")
    ledger = withdraw(ledger, pid, cat, purpose, day=day)
    cut = len(ledger.log)
    regrant = [o for o in after if o[0] == "grant" and o[1:4] == (pid, cat, purpose)]
    ledger = run_all([o for o in after if o not in regrant], ledger)
    recipient = "investors" if purpose == "sharing" else None
    ledger = record_use(
        ledger, pid, cat, purpose, day=ledger.latest_day + 1, by="Osmosis", recipient=recipient
    )
    handle = ledger.records[pid].handle
    later = [
        e
        for e in ledger.log[cut:]
        if e.kind == "use" and (e.category, e.purpose) == (cat, purpose) and e.subject == handle
    ]
    assert later and all(e.outcome == WITHDRAWN for e in later)
    for d in range(day, ledger.latest_day + 3):
        assert may_use(ledger, pid, cat, purpose, day=d).code == WITHDRAWN


@FAST
@given(op_list=st.lists(ops(), max_size=30))
def test_the_audit_log_only_grows_and_refusals_change_nothing(op_list):
    ledger, day = open_ledger(PEOPLE), 0
    for op in op_list + [("erase", "P-Bo", None, None, None, 1, None)]:
        day += op[5]
        before = (ledger.log, dict(ledger.records), ledger.latest_day)
        try:
            new = erase(ledger, "P-Bo", day=day)[0] if op[0] == "erase" else run(ledger, op, day)
        except ConsentError:
            assert (ledger.log, dict(ledger.records), ledger.latest_day) == before
            continue
        assert (ledger.log, dict(ledger.records), ledger.latest_day) == before  # old unchanged
        assert new.log[: len(ledger.log)] == ledger.log and len(new.log) > len(ledger.log)
        assert [e.seq for e in new.log] == list(range(len(new.log)))
        assert [e.day for e in new.log] == sorted(e.day for e in new.log)
        ledger = new


@FAST
@given(op_list=st.lists(ops(), max_size=30), who=st.sampled_from(IDS))
def test_erasure_leaves_no_personal_record_and_reports_what_it_cannot_undo(op_list, who):
    ledger = run_all(op_list)
    record = ledger.records[who]
    by = None if record.capable_on(ledger.latest_day) else "Rep"
    if by == "Rep" and who != "P-Ada":
        return  # nobody may ask for an incapable person without a representative
    # everyone else's permissions on the day of the erasure, before and after it (a later day
    # can change them by itself: a minor may come of age that day)
    day = ledger.latest_day + 1
    others = {
        (p, c, u): may_use(ledger, p, c, u, day=day).code
        for p in IDS
        if p != who
        for c in CATS
        for u in PURPS
    }
    new, report = erase(ledger, who, day=day, by=by)
    assert who not in new.records and who not in set(strings_in(new))
    assert new.log[: len(ledger.log)] == ledger.log and new.log[-1].kind == "erase"
    uses = record.uses
    assert report.copies_shared == tuple(sorted({u.recipient for u in uses if u.recipient}))
    assert report.matching_days == tuple(sorted({u.day for u in uses if u.purpose == "matching"}))
    assert report.violations == sum(not u.allowed for u in uses)
    assert report.log_entries_kept == sum(e.subject == record.handle for e in new.log)
    if uses:
        assert len(report.cannot_undo) >= 2
    with pytest.raises(ConsentError, match="Unknown person"):
        may_use(new, who, "declared", "matching")
    assert others == {k: may_use(new, *k, day=day).code for k in others}


def absolute(stream):
    day, out = 0, []
    for op in stream:
        day += op[5]
        out.append((day, op))
    return out


def merge(a, b, tie_breaks):
    """Interleave two dated streams in date order, breaking ties by `tie_breaks`."""
    a, b, merged, flips = list(a), list(b), [], iter(tie_breaks)
    while a or b:
        take_a = not b or (a and (a[0][0] < b[0][0] or (a[0][0] == b[0][0] and next(flips, True))))
        merged.append((a if take_a else b).pop(0))
    return merged


def applied(dated):
    ledger = open_ledger(PEOPLE)
    for day, op in dated:
        ledger = run(ledger, op, day)  # every op here succeeded alone; it must succeed merged
    return ledger


def keep_valid(stream):
    kept, ledger = [], open_ledger(PEOPLE)
    for day, op in absolute(stream):
        try:
            ledger = run(ledger, op, day)
            kept.append((day, op))
        except ConsentError:
            pass
    return kept


def answers(ledger, last_day):
    decisions = {
        (p, c, u, d): may_use(ledger, p, c, u, day=d)
        for p in IDS
        for c in CATS
        for u in PURPS
        for d in range(last_day + 2)
    }
    uses = sorted(
        (e.subject, e.category, e.purpose, e.day, e.outcome) for e in ledger.log if e.kind == "use"
    )
    return decisions, uses


UNRELATED = {
    "different people": (dict(people=("P-Ada",)), dict(people=("P-Max", "P-Bo"))),
    "one person, different categories": (
        dict(people=("P-Max",), cats=("declared", "scraped"), kinds=("grant", "withdraw", "use")),
        dict(
            people=("P-Max",),
            cats=("conscious", "subconscious"),
            kinds=("grant", "withdraw", "use"),
        ),
    ),
}


@pytest.mark.parametrize("case", list(UNRELATED))
@FAST
@given(data=st.data())
def test_may_i_use_this_never_depends_on_the_order_of_unrelated_events(case, data):
    kw_a, kw_b = UNRELATED[case]
    a = keep_valid(data.draw(st.lists(ops(**kw_a), max_size=15), label="a"))
    b = keep_valid(data.draw(st.lists(ops(**kw_b), max_size=15), label="b"))
    flips = data.draw(st.lists(st.booleans(), max_size=30), label="tie_breaks")
    one, two = applied(merge(a, b, flips)), applied(merge(b, a, flips))
    last = max(one.latest_day, two.latest_day)
    assert answers(one, last) == answers(two, last)
    fast = shared_categories(one, "matching", day=last)
    assert fast == {
        p: tuple(c for c in CATS if may_use(one, p, c, "matching", day=last)) for p in IDS
    }
