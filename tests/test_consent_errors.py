"""Every bad input to the consent ledger raises ConsentError with a message that helps."""

import pandas as pd
import pytest

from osmosis_lab.consent import (
    ConsentError,
    ConsentRules,
    Person,
    erase,
    grant,
    may_use,
    narrow,
    open_ledger,
    people_from_table,
    record_use,
    register,
    set_capacity,
    shared_categories,
    withdraw,
    withdraw_all,
)
from osmosis_lab.consent.timeline import Step, apply_step
from osmosis_lab.errors import OsmosisLabError


@pytest.fixture
def ledger():
    people = [
        Person("A", 30),
        Person("M", 16, parents=("Mum",)),
        Person("K", 70, representatives=("Rep",)),
    ]
    led = open_ledger(people)
    led = grant(led, "A", "declared", "matching", day=2)
    return led


BAD_CALLS = {
    # unknown person, category, purpose
    "unknown person": (
        lambda led: grant(led, "Z", "declared", "matching", day=3),
        "Unknown person 'Z'",
    ),
    "unknown person in may_use": (
        lambda led: may_use(led, "Z", "declared", "matching"),
        "Register them first",
    ),
    "non-string person": (lambda led: may_use(led, 7, "declared", "matching"), "Unknown person 7"),
    "unknown category": (
        lambda led: grant(led, "A", "dreams", "matching", day=3),
        "Unknown category 'dreams'; known: declared",
    ),
    "unknown purpose": (
        lambda led: grant(led, "A", "declared", "marketing", day=3),
        "Unknown purpose 'marketing'; known: matching",
    ),
    "no category": (lambda led: grant(led, "A", [], "matching", day=3), "at least one category"),
    "category not a name": (
        lambda led: grant(led, "A", 5, "matching", day=3),
        "category must be a name or a list",
    ),
    "use with two purposes": (
        lambda led: record_use(led, "A", "declared", ["matching", "research"], day=3, by="X"),
        "a use has exactly one",
    ),
    "may_use with two categories": (
        lambda led: may_use(led, "A", ["declared", "scraped"], "matching"),
        "Give one category",
    ),
    # withdrawing what was never granted
    "withdraw never granted": (
        lambda led: withdraw(led, "A", "scraped", "matching", day=3),
        "it was never granted",
    ),
    "withdraw twice": (
        lambda led: withdraw(
            withdraw(led, "A", "declared", "matching", day=3), "A", "declared", "matching", day=4
        ),
        "it was withdrawn on day 3",
    ),
    "withdraw someone else's consent": (
        lambda led: withdraw(led, "A", "declared", "matching", day=3, by="Esther"),
        "can withdraw only a consent they gave themselves",
    ),
    "withdraw all when nothing": (lambda led: withdraw_all(led, "M", day=3), "Nothing to withdraw"),
    "narrow nothing in force": (
        lambda led: narrow(led, "M", keep_purposes=["matching"], day=3),
        "Nothing to narrow",
    ),
    "narrow without a scope": (lambda led: narrow(led, "A", day=3), "Say what to keep"),
    "narrow changes nothing": (
        lambda led: narrow(led, "A", keep_purposes=["matching"], day=3),
        "nothing would change",
    ),
    # dates
    "date out of order": (
        lambda led: grant(led, "A", "scraped", "matching", day=1),
        "Day 1 is before the ledger's latest entry (day 2)",
    ),
    "negative day": (lambda led: may_use(led, "A", "declared", "matching", day=-1), "int >= 0"),
    "day not an int": (lambda led: grant(led, "A", "scraped", "matching", day=2.5), "int >= 0"),
    "day is a bool": (lambda led: grant(led, "A", "scraped", "matching", day=True), "int >= 0"),
    "day as a string": (
        lambda led: grant(led, "A", "scraped", "matching", day="2019-11-01"),
        "whole number of days",
    ),
    # actors, recipients, capacity, erasure
    "empty actor": (
        lambda led: grant(led, "A", "scraped", "matching", day=3, by=" "),
        "by must be a non-empty string",
    ),
    "use without a user": (
        lambda led: record_use(led, "A", "declared", "matching", day=3, by=""),
        "who uses the data",
    ),
    "sharing without recipient": (
        lambda led: record_use(led, "A", "declared", "sharing", day=3, by="X"),
        "recipient",
    ),
    "recipient outside sharing": (
        lambda led: record_use(led, "A", "declared", "matching", day=3, by="X", recipient="Y"),
        "only for purpose 'sharing'",
    ),
    "capacity not a bool": (
        lambda led: set_capacity(led, "K", capable="no", day=3),
        "capable must be True or False",
    ),
    "capacity unchanged": (
        lambda led: set_capacity(led, "K", capable=True, day=3),
        "can already consent",
    ),
    "erase by a stranger": (
        lambda led: erase(led, "A", day=3, by="Esther"),
        "Esther may not ask to erase A",
    ),
    "erase by a parent of an adult": (
        lambda led: erase(led, "K", day=3, by="Rep"),
        "can decide for themself",
    ),
    "erase twice": (lambda led: erase(erase(led, "A", day=3)[0], "A", day=4), "Unknown person 'A'"),
    "use after erasure": (
        lambda led: record_use(
            erase(led, "A", day=3)[0], "A", "declared", "matching", day=4, by="Osmosis"
        ),
        "never registered, or erased",
    ),
    "register twice": (lambda led: register(led, Person("A", 40), day=3), "already in the ledger"),
    "register a non-person": (
        lambda led: register(led, [{"person_id": "B"}], day=3),
        "takes Person objects",
    ),
    "shared_categories bad purpose": (lambda led: shared_categories(led, "ads"), "Unknown purpose"),
    "unknown step": (lambda led: apply_step(led, Step(3, "forget", "A")), "Unknown action"),
    "use step with no purpose": (
        lambda led: apply_step(led, Step(3, "use", "A", ("declared",))),
        "exactly one purpose",
    ),
}


@pytest.mark.parametrize("name", list(BAD_CALLS))
def test_bad_call_raises_consent_error_saying_what_is_wrong(ledger, name):
    call, message = BAD_CALLS[name]
    with pytest.raises(ConsentError, match=None) as info:
        call(ledger)
    assert message in str(info.value)
    assert isinstance(info.value, OsmosisLabError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"person_id": ""}, "person_id must be a non-empty string"),
        ({"person_id": 3}, "person_id must be a non-empty string"),
        ({"age": -1}, "age must be a whole number"),
        ({"age": 17.5}, "age must be a whole number"),
        ({"days_to_birthday": 0}, "days_to_birthday must be an int from 1 to 365"),
        ({"parents": ("P",)}, "cannot be listed among their own parents"),
        ({"representatives": ("",)}, "representatives must be a non-empty string"),
        ({"signed_up": "yes"}, "signed_up must be True or False"),
    ],
)
def test_bad_person(kwargs, message):
    fields = {"person_id": "P", "age": 30, **kwargs}
    with pytest.raises(ConsentError) as info:
        Person(**fields)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"adult_age": 0}, "adult_age must be a positive int"),
        ({"digital_consent_age": 19}, "between 1 and adult_age (18)"),
        ({"alone_from_digital_age": frozenset({"ads"})}, "unknown purposes ['ads']"),
    ],
)
def test_bad_rules(kwargs, message):
    with pytest.raises(ConsentError) as info:
        ConsentRules(**kwargs)
    assert message in str(info.value)


def test_bad_ledger_arguments():
    with pytest.raises(ConsentError, match="rules must be a ConsentRules"):
        open_ledger([], rules="France")
    with pytest.raises(ConsentError, match="needs person_id, age and signed_up"):
        people_from_table(pd.DataFrame({"person_id": ["A"]}))


def test_a_failed_operation_leaves_the_ledger_as_it_was(ledger):
    before = (ledger.log, dict(ledger.records))
    with pytest.raises(ConsentError):
        withdraw(ledger, "A", ["declared", "scraped"], "matching", day=3)  # 2nd key never granted
    assert (ledger.log, dict(ledger.records)) == before
    assert may_use(ledger, "A", "declared", "matching")


def test_requirement_names_an_unknown_purpose():
    from osmosis_lab.consent import FRANCE, requirement

    with pytest.raises(ConsentError, match="Unknown purpose 'nope'; pass one of"):
        requirement(FRANCE, age=30, capable=True, purpose="nope")


@pytest.mark.parametrize("age", [float("nan"), "junk", None, 17.5])
def test_people_from_table_rejects_a_missing_or_junk_age(age):
    table = pd.DataFrame({"person_id": ["T01"], "age": [age], "signed_up": [True]}, dtype=object)
    with pytest.raises(ConsentError, match="T01: age must be a whole number of years"):
        people_from_table(table)
