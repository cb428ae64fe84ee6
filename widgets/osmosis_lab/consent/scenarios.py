"""The lesson's worked cases, as timelines the ledger replays.

The situations come from the series (see the lesson's notes); every day number,
age not given by the series, and choice of which testers are involved is
invented for the toy (Esther's three subjects are invented testers: see
``EXPERIMENT_SUBJECTS``). Ids match the data set (T01 Niels Larson, T03 Lucas
Apert, C03 Léopold ...); tests check the ages agree with ``data/people.csv``. The
testers and Niels's consents, which the consent board replays too, are in :mod:`.testers`.

Examples
--------
>>> from osmosis_lab.consent.timeline import replay
>>> from osmosis_lab.consent import violations
>>> final = replay(esther_experiment())[-1].ledger
>>> sorted({e.outcome for e in violations(final)})
['wrong purpose']
"""

from __future__ import annotations

from osmosis_lab.consent.person import Person
from osmosis_lab.consent.testers import (
    ALL,
    EXPERIMENT_SUBJECTS,
    MIND,
    NIELS_MOTHER,
    TESTER_AGES,
    niels_consents,
    testers,
)
from osmosis_lab.consent.timeline import Scenario, Step

__all__ = [  # the cast comes from .testers; lessons and tests import it from here too
    "ALL", "EXPERIMENT_SUBJECTS", "MIND", "NIELS_MOTHER", "SCENARIOS", "TESTER_AGES",
    "esther_experiment", "found_soulmates", "josephine_timeline", "louise_case", "niels_case",
    "niels_consents", "testers",
]  # fmt: skip


def esther_experiment() -> Scenario:
    """Testers consent to matching only; Esther uses three of them for her research."""
    mother, himself = niels_consents()
    steps = [
        Step(
            0,
            "grant",
            pid,
            ALL,
            ("matching",),
            note=f"{pid} joins the beta and consents to matching.",
        )
        for pid in TESTER_AGES
        if pid != "T01"  # Niels joins at his mother's request: his own steps
    ]
    steps += [mother, himself]
    steps.append(
        Step(
            3,
            "use",
            "T01",
            ALL,
            ("matching",),
            by="Osmosis",
            note="The app matches Niels, with the data he agreed to share.",
        )
    )
    for pid in EXPERIMENT_SUBJECTS:
        steps.append(
            Step(
                9,
                "use",
                pid,
                MIND,
                ("research",),
                by="Esther",
                note=f"At night, Esther pushes memories into {pid}'s implant and "
                "records what happens. Nobody asked them.",
            )
        )
    steps.append(
        Step(
            12,
            "use",
            "T04",
            ("subconscious",),
            ("medical",),
            by="Esther",
            note="Esther tries what she learned on T04 as a treatment for her mother.",
        )
    )
    steps.append(
        Step(
            15,
            "grant",
            "T07",
            MIND,
            ("research",),
            note="Told afterwards, T07 agrees to take part from now on.",
        )
    )
    steps.append(
        Step(
            16,
            "use",
            "T07",
            MIND,
            ("research",),
            by="Esther",
            note="The next session with T07 has consent; the first one still had none.",
        )
    )
    return Scenario("Esther's hidden experiment", testers(), tuple(steps))


def niels_case() -> Scenario:
    """Niels, 17, taken on at his mother's request: whose consent counts, for what."""
    mother, himself = niels_consents()
    steps = (
        mother,
        Step(
            1,
            "use",
            "T01",
            ALL,
            ("matching",),
            by="Osmosis",
            note="The app runs a match for Niels on his mother's signature alone.",
        ),
        himself,
        Step(3, "use", "T01", ALL, ("matching",), by="Osmosis", note="The app matches him again."),
        Step(
            4,
            "use",
            "T01",
            ("subconscious",),
            ("research",),
            by="Osmosis",
            note="The research team studies his subconscious signals.",
        ),
    )
    return Scenario("Niels, 17", (testers()[0],), steps)


def louise_case() -> Scenario:
    """Louise, who cannot consent: a representative may consent to care, not to experiments."""
    louise = Person("Louise", 67, representatives=("Paul", "Esther"))
    steps = (
        Step(
            0,
            "capacity",
            "Louise",
            capable=False,
            by="hospital",
            note="Louise lies in a vegetative state: she cannot consent to anything.",
        ),
        Step(
            1,
            "grant",
            "Louise",
            MIND,
            ("medical",),
            by="Esther",
            note="Esther, her daughter and representative, consents to her care.",
        ),
        Step(2, "use", "Louise", MIND, ("medical",), by="hospital", note="Routine care."),
        Step(
            2,
            "grant",
            "Louise",
            MIND,
            ("research",),
            by="Esther",
            note="Esther also signs for research on her mother: the implant experiment.",
        ),
        Step(
            5,
            "use",
            "Louise",
            MIND,
            ("research",),
            by="Esther",
            note="Esther runs her experiment on Louise.",
        ),
    )
    return Scenario("Louise cannot consent", (louise,), steps)


def josephine_timeline() -> Scenario:
    """Joséphine withdraws and asks to be erased.

    In the series her implant is removed; the toy's steps do not say so, as lesson 02 folds
    that plot point (spoiler register: from episode 3, our sources giving no episode).
    """
    who = "Joséphine"
    steps = (
        Step(0, "grant", who, ALL, ("matching",), note="Joséphine consents to matching."),
        Step(
            0,
            "grant",
            who,
            ("conscious",),
            ("research",),
            note="She also lets the company study her conscious memories.",
        ),
        Step(1, "use", who, ALL, ("matching",), by="Osmosis", note="Osmosis bonds her with Paul."),
        Step(
            6,
            "use",
            who,
            ("conscious",),
            ("research",),
            by="Gabriel",
            note="Gabriel's team computes averages from her memories for a research study.",
        ),
        Step(
            7,
            "use",
            who,
            ("conscious",),
            ("sharing",),
            by="Osmosis",
            recipient="investors",
            note="A copy goes to investors in a pitch deck.",
        ),
        Step(10, "withdraw_all", who, note="Joséphine withdraws everything."),
        Step(
            12,
            "use",
            who,
            ("conscious",),
            ("research",),
            by="Gabriel",
            note="Gabriel's team runs its averages again, her memories included.",
        ),
        Step(15, "erase", who, note="She asks Osmosis to erase her."),
    )
    return Scenario("Joséphine withdraws", (Person(who, 34),), steps)


def found_soulmates() -> Scenario:
    """People 'found' as soulmates from scraped data, without ever signing up.

    The people are invented (Karim Benali, T05; Amina Kaci, C09; Chloé Garnier, C05; Zoé
    Lemoine, C11): with Lucas and Léopold the steps told, together, whom Osmosis scores as
    Lucas's candidate, the series' episode-2 plot. Chloé and Zoé never signed up in the data,
    and Chloé is Karim's match on lesson 02's consent board.
    """
    people = (
        Person("T05", 31),
        Person("C05", 29, signed_up=False),
        Person("C09", 32),
        Person("C11", 27, signed_up=False),
    )
    steps = (
        Step(0, "grant", "T05", ALL, ("matching",), note="Karim signs up for matching."),
        Step(0, "grant", "C09", ALL, ("matching",), note="Amina signs up too."),
        Step(2, "use", "T05", ALL, ("matching",), by="Osmosis", note="Karim's match is computed."),
        Step(
            2,
            "use",
            "C05",
            ("scraped",),
            ("matching",),
            by="Osmosis",
            note="Chloé's social media is scraped (she never signed up): the app scores her as "
            "a candidate.",
        ),
        Step(
            2,
            "use",
            "C11",
            ("scraped",),
            ("matching",),
            by="Osmosis",
            note="Zoé's profile is scraped too, as a candidate.",
        ),
    )
    return Scenario("Soulmates who never signed up", people, steps)


#: Every worked case by a short key.
SCENARIOS = {
    "esther": esther_experiment,
    "niels": niels_case,
    "louise": louise_case,
    "josephine": josephine_timeline,
    "soulmates": found_soulmates,
}
