"""No market of real people reaches deferred acceptance except through the one constructor.

Outside ``matching/``, the package may run the matching functions below on the
data set's people only with lists built by
``matching.eligibility.eligible_preferences`` (which lists only pairs
``may_meet`` allows, and marks what it builds). Two halves:

* a static scan finds every call site of those functions in the package (and of
  ``trust.match_under_objectives``, lesson 04's matching, whose ``allowed`` table
  must never allow a pair the rule forbids);
* each call site is then run (the drivers below) with the functions wrapped by a
  spy that refuses unmarked arrays, and unmarked name lists that name anyone of
  the data set. A call site no driver reaches fails the test too, so a new one
  cannot slip past without being looked at.

``test_the_guard_catches_a_market_built_by_hand`` shows the spy failing.
"""

import ast
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import osmosis_lab
from osmosis_lab import matching
from osmosis_lab.check import lesson01, lesson02, lesson04
from osmosis_lab.consent import market as consent_market
from osmosis_lab.data import load_pairs, load_people, load_population, load_public_profiles
from osmosis_lab.data.markets import market_from_tables, profiles_from_table, who_may_meet
from osmosis_lab.explorers import (
    consent_board,
    matching_consent,
    matching_lie,
    matching_sides,
    matching_steps,
    matching_welfare,
    trust_objectives,
)
from osmosis_lab.matching.eligibility import EligibleArray, EligibleLists, may_meet
from osmosis_lab.review import AS_PLANNED, review_scenario, themes

PACKAGE = Path(osmosis_lab.__file__).resolve().parent
GUARDED = (
    "deferred_acceptance",
    "deferred_acceptance_arrays",
    "deferred_acceptance_steps",
    "all_stable_matchings",
    "match_under_objectives",
)
PEOPLE, POPULATION = load_people(), load_population()
BY_NAME = PEOPLE.set_index("name")
DATA_SET = {*PEOPLE["name"], *PEOPLE["person_id"], *POPULATION["name"], *POPULATION["person_id"]}


def call_sites() -> set[tuple[str, int]]:
    """(module path, line) of every call of a guarded function outside matching/."""
    sites = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("matching/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in GUARDED:
                    sites.add((relative, node.lineno))
    return sites


def names_people(table) -> bool:
    if not isinstance(table, Mapping):
        return False
    listed = {entry for ranking in table.values() for entry in ranking}
    return bool((set(table) | listed) & DATA_SET)


class Spy:
    """Wraps the guarded functions where package modules look them up; records call sites."""

    def __init__(self, monkeypatch):
        self.reached: set[tuple[str, int]] = set()
        self.bypasses: list[str] = []
        modules = {m for n, m in sys.modules.items() if n.startswith("osmosis_lab.") and m}
        for module in modules | {matching}:
            for name in GUARDED:
                original = module.__dict__.get(name)
                if original is not None and not module.__name__.startswith("osmosis_lab.matching."):
                    monkeypatch.setattr(module, name, self._wrap(name, original))

    def _wrap(self, name, original):
        def spy(*args, **kwargs):
            caller = sys._getframe(1)
            path = Path(caller.f_code.co_filename).resolve()
            if PACKAGE in path.parents and "matching" not in path.relative_to(PACKAGE).parts[:1]:
                site = (path.relative_to(PACKAGE).as_posix(), caller.f_lineno)
                self.reached.add(site)
                if name == "match_under_objectives":
                    self._check_allowed(site, args[0], kwargs.get("allowed"))
                    return original(*args, **kwargs)
                for table in args[:2]:
                    unmarked_array = isinstance(table, np.ndarray) and not isinstance(
                        table, EligibleArray
                    )
                    unmarked_names = names_people(table) and not isinstance(table, EligibleLists)
                    if unmarked_array or unmarked_names:
                        self.bypasses.append(
                            f"{site[0]}:{site[1]} {name} on {type(table).__name__}"
                        )
            return original(*args, **kwargs)

        return spy

    def _check_allowed(self, site, attraction, allowed):
        """Lesson 04's tables are labelled by name: allowed may only narrow who may meet."""
        if not isinstance(attraction, pd.DataFrame) or not set(attraction.index) & DATA_SET:
            return
        rule = who_may_meet(BY_NAME.loc[attraction.index], BY_NAME.loc[attraction.columns])
        if allowed is None or (np.asarray(allowed, bool) & ~rule).any():
            self.bypasses.append(f"{site[0]}:{site[1]} match_under_objectives allows more")


def clear_caches():
    """Results kept by functools.cache would hide a call site from the spy."""
    for name, module in list(sys.modules.items()):
        if name.startswith("osmosis_lab.") and module:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def drive_every_call_site():
    """Run the package code that matches people: lessons 01, 02 and 05's paths."""
    clear_caches()
    for explorer, options in (
        (matching_steps.StepThroughExplorer, matching_steps.CASES),
        (matching_sides.WhoProposesExplorer, matching_sides.OPTIONS),
        (matching_lie.LieExplorer, matching_lie.OPTIONS),
        (matching_welfare.StableVsBestExplorer, matching_welfare.OPTIONS),
    ):
        for case in options:
            explorer(case)
    matching_consent.ConsentMatchExplorer()
    consent_board.ConsentBoard.with_lesson_data()
    # wrong answers: each check computes its reference, then tests the misconceptions
    lesson01.hand_matching.verdict({"Ada": "W"})
    lesson01.men_first_choices_when_women_propose.verdict(1)  # in range: judged
    lesson01.switched_nothing_off.verdict("nobody")
    # the hand example's story (invented names; built once at import, so run it again here)
    lesson01.hand_story(lesson01.HAND_PROPOSERS, lesson01.HAND_REVIEWERS)
    lesson02.bystanders_count.verdict(-1)
    lesson04.lucas_wellbeing_match.verdict("nobody")
    trust_objectives.ObjectivesExplorer.for_testers(PEOPLE)
    testers = PEOPLE[PEOPLE["role"] == "tester"]
    market = market_from_tables(testers, PEOPLE[PEOPLE["role"] == "candidate"])
    consent_market.match_with_consent(market, {pid: ("declared",) for pid in PEOPLE["person_id"]})
    scenario = review_scenario(PEOPLE, POPULATION, load_public_profiles(), load_pairs())
    for proposers in ("testers", "candidates"):
        themes.stable_match(themes.market_preferences(scenario, AS_PLANNED), proposers)
    themes.objective_figures(scenario, AS_PLANNED)


def test_every_call_site_outside_matching_gets_lists_built_by_the_constructor(monkeypatch):
    sites = call_sites()
    assert len(sites) >= 10, f"the scan found too few call sites to be working: {sites}"
    spy = Spy(monkeypatch)
    drive_every_call_site()
    assert not spy.bypasses, (
        "people were matched on lists not built by matching.eligibility.eligible_preferences "
        "(build them with data.markets or eligible_preferences): " + "; ".join(spy.bypasses)
    )
    missed = sorted(sites - spy.reached)
    assert not missed, (
        f"call sites no driver reaches: {missed}; add a driver to drive_every_call_site "
        "so the guard sees what they match"
    )


def test_the_guard_catches_a_market_built_by_hand(monkeypatch):
    """Lists from the same scores, without the constructor: the spy must refuse them."""

    def by_hand(market, sp, sr):
        marked = consented(market, sp, sr)
        return tuple(np.asarray(lists).copy() for lists in marked)  # same content, no mark

    consented = consent_market.consented_preferences
    spy = Spy(monkeypatch)
    monkeypatch.setattr(consent_market, "consented_preferences", by_hand)
    market = market_from_tables(
        PEOPLE[PEOPLE["role"] == "tester"], PEOPLE[PEOPLE["role"] == "candidate"]
    )
    consent_market.match_with_consent(market, {})
    assert spy.bypasses and "consent/market.py" in spy.bypasses[0]


@pytest.mark.parametrize("table", [{"Niels Larson": ["Jade Morin"]}, {"C01": []}])
def test_name_lists_of_the_data_set_are_recognised(table):
    assert names_people(table)
    assert not names_people({"alpha": ["A"], "A": ["alpha"]})


def test_the_guard_catches_lesson_04_without_the_age_rule(monkeypatch):
    """Lesson 04 before issue 11: who seeks whom, but no age rule. The spy must refuse it."""

    def seeking_only(rows, columns):  # the old trust.seeking_allowed: nobody counts as a minor
        a, b = profiles_from_table(rows), profiles_from_table(columns)
        adults = np.zeros(len(a), bool), np.zeros(len(b), bool)
        return may_meet(a.gender, a.seeking, adults[0], b.gender, b.seeking, adults[1])

    spy = Spy(monkeypatch)
    monkeypatch.setattr(trust_objectives, "who_may_meet", seeking_only)
    trust_objectives.ObjectivesExplorer.for_testers(PEOPLE)
    assert spy.bypasses and "trust_objectives.py" in spy.bypasses[0]
