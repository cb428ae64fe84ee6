"""The beta testers as the consent toy knows them, and Niels's consents (the one source).

Their ids and ages agree with ``data/people.csv`` (tests check it); Niels (T01) is 17 and
his mother is his parent. :func:`niels_consents` is who consented to what for him, and when:
the worked cases (:mod:`.scenarios`) and lesson 02's consent board both replay it, so they
cannot tell different stories.

Examples
--------
>>> [p.person_id for p in testers()][:3], testers()[0].parents
(['T01', 'T02', 'T03'], ("Niels's mother",))
"""

from __future__ import annotations

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent.person import Person
from osmosis_lab.consent.timeline import Step

ALL = tuple(CATEGORIES)
MIND = ("conscious", "subconscious")

#: The twelve testers' ids and ages on day 0 (as in data/people.csv).
TESTER_AGES: dict[str, int] = {
    "T01": 17,
    "T02": 24,
    "T03": 29,
    "T04": 26,
    "T05": 31,
    "T06": 28,
    "T07": 35,
    "T08": 22,
    "T09": 27,
    "T10": 30,
    "T11": 33,
    "T12": 40,
}
NIELS_MOTHER = "Niels's mother"
#: The three testers of Esther's experiment in the toy. Our sources point to Niels, Lucas and
#: Ana (lessons/story_facts.md); the toy uses invented testers instead, so that the violations
#: it invents (days, categories, a medical use) are never pinned on people the series names.
EXPERIMENT_SUBJECTS = ("T04", "T07", "T10")


def testers() -> tuple[Person, ...]:
    """The 12 beta testers; Niels (T01, 17) with his mother as parent."""
    return tuple(
        Person(
            pid,
            age,
            parents=(NIELS_MOTHER,) if pid == "T01" else (),
            days_to_birthday=200 if pid == "T01" else 365,
        )
        for pid, age in TESTER_AGES.items()
    )


def niels_consents() -> tuple[Step, ...]:
    """Who consented to what for Niels (T01), and when: the one source of both timelines.

    The series has him taken on at his mother's request (story.md); the days and what each
    of them signs are the toy's invention (lessons/story_facts.md). Esther's timeline and
    Niels's own replay these same steps, so the two cannot tell different stories.

    >>> [(s.day, s.by or "Niels", s.purposes) for s in niels_consents()]
    [(0, "Niels's mother", ('matching', 'research')), (2, 'Niels', ('matching',))]
    """
    return (
        Step(
            0,
            "grant",
            "T01",
            ALL,
            ("matching", "research"),
            by=NIELS_MOTHER,
            note="Niels's mother signs him up as a back-up tester, for matching and research.",
        ),
        Step(2, "grant", "T01", ALL, ("matching",), note="Niels signs for matching himself."),
    )
