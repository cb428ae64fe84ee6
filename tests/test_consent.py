"""The consent ledger on the lesson's worked cases, and its rules in words."""

import subprocess
import sys

import pytest

from osmosis_lab.consent import (
    FRANCE,
    GDPR_DEFAULT,
    NO_CONSENT,
    NOT_ENOUGH_CODE,
    NOT_ENTITLED_CODE,
    WITHDRAWN,
    WRONG_PURPOSE,
    Person,
    audit_table,
    consent_table,
    grant,
    may_use,
    narrow,
    open_ledger,
    people_from_table,
    record_use,
    requirement,
    set_capacity,
    shared_categories,
    violations,
    withdraw,
)
from osmosis_lab.consent.scenarios import (
    EXPERIMENT_SUBJECTS,
    NIELS_MOTHER,
    SCENARIOS,
    TESTER_AGES,
    esther_experiment,
    found_soulmates,
    josephine_timeline,
    louise_case,
    niels_case,
)
from osmosis_lab.consent.timeline import Step, apply_step, replay


def use_outcomes(history, day=None):
    """(day, person, purpose, outcome) of every use in a replayed history."""
    return [
        (r.step.day, r.step.person, e.purpose, e.outcome)
        for r in history
        for e in r.entries
        if e.kind == "use" and (day is None or r.step.day == day)
    ]


# --- Esther's hidden experiment -------------------------------------------------------------


def test_esther_experiment_flags_every_use_on_testers_who_agreed_to_matching_only():
    history = replay(esther_experiment())
    day9 = use_outcomes(history, day=9)
    assert {p for _, p, _, _ in day9} == set(EXPERIMENT_SUBJECTS)
    assert [o for *_, o in day9] == [WRONG_PURPOSE] * 6
    assert use_outcomes(history, day=12) == [(12, "T04", "medical", WRONG_PURPOSE)]
    assert all(o == "allowed" for *_, o in use_outcomes(history, day=3))


def test_consent_given_afterwards_covers_later_uses_but_not_earlier_ones():
    history = replay(esther_experiment())
    final = history[-1].ledger
    assert [o for *_, o in use_outcomes(history, day=16)] == ["allowed", "allowed"]
    t07_first = [e for e in violations(final) if e.day == 9 and e.outcome == WRONG_PURPOSE]
    assert len(t07_first) == 6  # the day-9 violations stay in the log
    assert not may_use(final, "T07", "conscious", "research", day=9)
    assert may_use(final, "T07", "conscious", "research", day=15)


# --- one story per person ---------------------------------------------------------------------


def consents_told(scenario) -> dict[str, tuple]:
    """Per person: every decision about their data (not a use), as who decided what and when."""
    told: dict[str, list] = {}
    for step in scenario.steps:
        if step.action != "use":
            decision = (
                step.day,
                step.action,
                step.by or "themself",
                step.categories,
                step.purposes,
            )
            told.setdefault(step.person, []).append(decision)
    return {person: tuple(decisions) for person, decisions in told.items()}


def test_no_two_timelines_disagree_about_who_consented_to_what_and_when():
    """Issue 12: Esther's timeline had Niels consent to matching himself on day 0; his own had
    his mother sign him up on day 0 and him sign on day 2. A person in several timelines (the
    lesson's explorer and its section 4 replay both show Niels) has one story of consents."""
    stories = {key: consents_told(make()) for key, make in SCENARIOS.items()}
    people = {person for told in stories.values() for person in told}
    for person in sorted(people):
        versions = {key: told[person] for key, told in stories.items() if person in told}
        assert len(set(versions.values())) == 1, (person, versions)
    assert "T01" in stories["esther"] and "T01" in stories["niels"]  # the case that disagreed
    assert stories["esther"]["T01"][0][2] == NIELS_MOTHER  # story.md: at his mother's request


# --- Niels, 17 -------------------------------------------------------------------------------


def test_a_mothers_signature_alone_does_not_let_the_app_match_a_17_year_old():
    history = replay(niels_case())
    assert [o for *_, o in use_outcomes(history, day=1)] == [NOT_ENTITLED_CODE] * 4
    assert [o for *_, o in use_outcomes(history, day=3)] == ["allowed"] * 4
    decision = may_use(history[0].ledger, "T01", "declared", "matching")
    assert "France sets the age of digital consent at 15" in decision.rule
    assert "neither needed nor enough" in decision.rule
    assert NIELS_MOTHER in decision.reason and "their own consent is missing" in decision.reason


def test_research_on_a_minor_needs_both_the_minor_and_a_parent():
    final = replay(niels_case())[-1].ledger
    # his mother's consent counts but is not enough alone: the printout says so (w58)
    assert use_outcomes(replay(niels_case()), day=4) == [(4, "T01", "research", NOT_ENOUGH_CODE)]
    assert not may_use(final, "T01", "subconscious", "research")
    both = grant(final, "T01", "subconscious", "research", day=5)
    decision = may_use(both, "T01", "subconscious", "research")
    assert decision.allowed and "both their own consent and a parent's" in decision.rule
    mother_out = withdraw(both, "T01", "subconscious", "research", day=6, by=NIELS_MOTHER)
    decision = may_use(mother_out, "T01", "subconscious", "research")
    assert decision.code == WITHDRAWN and NIELS_MOTHER in decision.reason
    assert may_use(mother_out, "T01", "subconscious", "matching")  # his own matching consent


def test_at_18_only_his_own_consent_counts():
    final = replay(niels_case())[-1].ledger  # Niels turns 18 on day 200
    assert final.person("T01").age_on(199) == 17 and final.person("T01").age_on(200) == 18
    mother_only = grant(final, "T01", "scraped", "sharing", day=10, by=NIELS_MOTHER)
    # at 17 his mother's consent counts towards sharing, but not alone; at 18 not at all
    assert may_use(mother_only, "T01", "scraped", "sharing", day=199).code == NOT_ENOUGH_CODE
    adult = may_use(mother_only, "T01", "scraped", "sharing", day=200)
    assert adult.code == NOT_ENTITLED_CODE and adult.rule.startswith("An adult (18)")
    late = grant(final, "T01", "scraped", "sharing", day=250, by=NIELS_MOTHER)
    assert "the person is an adult" in late.log[-1].detail


def test_under_the_digital_age_matching_needs_the_parent_too_and_rules_differ_by_country():
    young = Person("Y01", 14, parents=("Parent",))
    need = requirement(FRANCE, age=14, capable=True, purpose="matching")
    assert need.alternatives == (frozenset({"self", "parent"}),)
    assert "under 15, France asks for the joint consent" in need.rule
    ledger = grant(open_ledger([young]), "Y01", "declared", "matching", day=0)
    assert may_use(ledger, "Y01", "declared", "matching").code == NOT_ENOUGH_CODE  # own, alone
    ledger = grant(ledger, "Y01", "declared", "matching", day=0, by="Parent")
    assert may_use(ledger, "Y01", "declared", "matching")
    sixteen_fr = requirement(FRANCE, age=15, capable=True, purpose="matching")
    sixteen_gdpr = requirement(GDPR_DEFAULT, age=15, capable=True, purpose="matching")
    assert sixteen_fr.alternatives == (frozenset({"self"}),)
    assert sixteen_gdpr.alternatives == (frozenset({"self", "parent"}),)


# --- Louise, who cannot consent ------------------------------------------------------------


def test_a_representative_may_consent_to_care_but_not_to_an_experiment():
    history = replay(louise_case())
    assert [o for *_, o in use_outcomes(history, day=2)] == ["allowed", "allowed"]
    assert [o for *_, o in use_outcomes(history, day=5)] == [NOT_ENTITLED_CODE] * 2
    final = history[-1].ledger
    research = may_use(final, "Louise", "conscious", "research")
    assert "cannot consent now" in research.rule and "ethics committee" in research.rule
    assert "Esther (representative)" in research.reason


def test_consent_given_while_able_still_stands_and_a_forged_one_does_not():
    ledger = open_ledger([Person("L02", 70, representatives=("Son",))])
    ledger = grant(ledger, "L02", "declared", "research", day=0)
    ledger = set_capacity(ledger, "L02", capable=False, day=3)
    assert may_use(ledger, "L02", "declared", "research")
    ledger = grant(ledger, "L02", "scraped", "research", day=4)  # "signed" in her name
    assert may_use(ledger, "L02", "scraped", "research").code == NOT_ENTITLED_CODE
    assert "while they could not consent" in ledger.log[-1].detail
    ledger = grant(ledger, "L02", "scraped", "medical", day=4, by="Son")
    ledger = set_capacity(ledger, "L02", capable=True, day=9)
    assert may_use(ledger, "L02", "scraped", "medical", day=8)
    assert may_use(ledger, "L02", "scraped", "medical", day=9).code == NOT_ENTITLED_CODE


# --- Joséphine withdraws and is erased -------------------------------------------------------


def test_josephine_withdrawal_stops_later_uses_and_erasure_reports_what_remains():
    history = replay(josephine_timeline())
    outcomes = use_outcomes(history)
    assert (6, "Joséphine", "research", "allowed") in outcomes
    assert (7, "Joséphine", "sharing", WRONG_PURPOSE) in outcomes
    assert (12, "Joséphine", "research", WITHDRAWN) in outcomes
    report = history[-1].report
    assert report.matching_days == (1,)
    assert report.computed == ((6, "research"), (12, "research"))
    assert report.copies_shared == ("investors",) and report.violations == 2
    text = report.summary()
    for phrase in ("Matches already made", "stay computed", "GDPR Art. 19", "violations"):
        assert phrase in text
    final = history[-1].ledger
    assert "Joséphine" not in final.records
    assert set(audit_table(final).query("kind == 'erase'")["person"]) == {"(erased)"}


def test_uses_before_a_withdrawal_keep_their_verdict():
    ledger = grant(open_ledger([Person("P1", 30)]), "P1", "declared", "matching", day=0)
    ledger = record_use(ledger, "P1", "declared", "matching", day=1, by="Osmosis")
    ledger = withdraw(ledger, "P1", "declared", "matching", day=2)
    assert ledger.log[-2].outcome == "allowed"
    assert may_use(ledger, "P1", "declared", "matching", day=1)
    assert not may_use(ledger, "P1", "declared", "matching", day=2)


# --- Soulmates who never signed up -----------------------------------------------------------


def test_people_found_without_signing_up_are_used_without_consent():
    history = replay(found_soulmates())
    flagged = [(p, o) for _, p, _, o in use_outcomes(history) if o != "allowed"]
    assert flagged == [("C05", NO_CONSENT), ("C11", NO_CONSENT)]
    assert "nobody asked them" in violations(history[-1].ledger)[0].detail


# --- narrow, views, rules ---------------------------------------------------------------------


def test_narrow_withdraws_what_is_outside_and_keeps_what_is_inside():
    ledger = open_ledger([Person("P1", 30)])
    ledger = grant(ledger, "P1", ["declared", "conscious"], ["matching", "research"], day=0)
    ledger = narrow(ledger, "P1", keep_categories=["declared"], keep_purposes=["matching"], day=2)
    table = consent_table(ledger, "P1")
    assert table.to_numpy().sum() == 1 and table.loc["declared", "matching"]
    assert may_use(ledger, "P1", "conscious", "research").code == WITHDRAWN
    assert [e.kind for e in ledger.log[-3:]] == ["narrow"] * 3


def test_shared_categories_agrees_with_may_use():
    ledger = replay(esther_experiment())[-1].ledger
    shared = shared_categories(ledger, "research")
    assert shared["T07"] == ("conscious", "subconscious") and shared["T04"] == ()
    for pid in ledger.people:
        for cat in ("declared", "conscious"):
            assert (cat in shared[pid]) == may_use(ledger, pid, cat, "research").allowed


def test_audit_table_names_people_and_log_entries_name_nobody():
    ledger = replay(niels_case())[-1].ledger
    table = audit_table(ledger)
    assert list(table.columns)[:4] == ["seq", "day", "kind", "person"]
    assert set(table["person"]) == {"T01"}
    assert f"{NIELS_MOTHER} (parent)" in set(table["actor"])
    for entry in ledger.log:
        assert "T01" not in entry.detail and NIELS_MOTHER not in entry.detail


def test_people_from_the_data_set_match_the_scenarios():
    from osmosis_lab.data import load_people

    people = load_people()
    ledger = open_ledger(people_from_table(people))
    assert len(ledger.people) == 24
    ages = dict(zip(people["person_id"], people["age"], strict=True))
    assert {pid: ages[pid] for pid in TESTER_AGES} == TESTER_AGES
    never = set(people.loc[~people["signed_up"], "person_id"])
    assert {"C03", "C05"} <= never and "C04" not in never


def test_regranting_is_logged_but_keeps_the_first_grant():
    ledger = grant(open_ledger([Person("P1", 30)]), "P1", "declared", "matching", day=0)
    again = grant(ledger, "P1", "declared", "matching", day=3)
    assert len(again.log) == len(ledger.log) + 1 and "unchanged" in again.log[-1].detail
    assert again.records["P1"].grants[("declared", "matching")][0].day == 0
    assert may_use(again, "P1", "declared", "matching", day=1)


def test_apply_step_runs_every_action():
    ledger = open_ledger([Person("P1", 30)])
    for step in (
        Step(0, "grant", "P1", ("declared",), ("matching", "research")),
        Step(1, "narrow", "P1", (), ("matching",)),
        Step(2, "capacity", "P1", capable=False),
        Step(3, "capacity", "P1", capable=True),
        Step(4, "use", "P1", ("declared",), ("matching",)),
        Step(5, "withdraw", "P1", ("declared",), ("matching",)),
    ):
        ledger, report = apply_step(ledger, step)
        assert report is None
    ledger, report = apply_step(ledger, Step(6, "erase", "P1"))
    assert report.removed_uses == 1 and ledger.people == ()


def test_the_engine_loads_no_widget_or_chart_library():
    code = (
        "import sys, osmosis_lab.consent, osmosis_lab.consent.scenarios; "
        "print(sorted(m for m in ('ipywidgets', 'altair', 'IPython') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "age, capable, purpose, expected",
    [
        (30, True, "research", [{"self"}]),
        (16, True, "matching", [{"self"}]),
        (16, True, "sharing", [{"self", "parent"}]),
        (60, False, "medical", [{"self"}, {"representative"}]),
        (60, False, "sharing", [{"self"}]),
    ],
)
def test_requirement_table(age, capable, purpose, expected):
    need = requirement(FRANCE, age=age, capable=capable, purpose=purpose)
    assert [set(a) for a in need.alternatives] == expected
    assert need.rule.endswith(".")
