"""Every exercise of the lessons, one :class:`~osmosis_lab.check.exercise.Exercise` each.

One module per lesson (``lessonNN.py``) lists its exercises in ``EXERCISES``, in
the order the lesson asks them. Nothing here is imported by ``check`` itself, so
a lesson's ``from osmosis_lab import check`` stays as light as before.

Examples
--------
>>> exercises = all_exercises()
>>> len(exercises) >= 28, exercises["youngest_tester"].kind
(True, 'choice')
>>> "Niels Larson" in exercises["youngest_tester"].choices()
True
"""

import importlib
import pkgutil

from ...data import load_people
from ..exercise import Exercise


def side(role: str, *also: str) -> tuple[str, ...]:
    """The people of one ``role`` ("tester" or "candidate"), then ``also``: the names a question
    about that side offers, with the wrong picks its misconceptions expect (not all 24 people:
    every extra name is another Tab press before Check).

    >>> len(side("tester")), side("tester", "Claire")[-1]
    (12, 'Claire')
    """
    people = load_people()
    return (*people.loc[people["role"] == role, "name"], *also)


def all_exercises() -> dict[str, Exercise]:
    """Every exercise by check name, lessons in order, each lesson's exercises in its order."""
    found: dict[str, Exercise] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for exercise in module.EXERCISES:
            if exercise.name in found:
                raise RuntimeError(f"two exercises are named {exercise.name!r}; rename one")
            found[exercise.name] = exercise
    return found


def headings() -> dict[str, str]:
    """Each exercise's heading (``"Lesson 03 · Exercise 1 · Three facts"``) by the key a learner's
    export files it under, ``"<lesson>/<check name>"`` (:mod:`osmosis_lab.teacher.exports`).

    >>> headings()["00_start_here/youngest_tester"]
    'Lesson 00 · Exercise 2 · A tester who is a minor'
    """
    return {f"{e.lesson}/{e.name}": e.heading for e in all_exercises().values()}


def mistakes() -> dict[str, dict[str, str]]:
    """Each exercise's misconceptions in a teacher's words (:attr:`Misconception.said`), by the
    key its export files it under and the name the export records.

    >>> mistakes()["03_privacy/exposed_by_homogeneity"]["gave l"]
    'gave l, the fewest conditions in a class, not the people exposed'
    """
    return {
        f"{e.lesson}/{e.name}": {m.name: m.said for m in e.check.misconceptions}
        for e in all_exercises().values()
    }


def exercise(name: str) -> Exercise:
    """The exercise whose check is called ``name``.

    Raises
    ------
    KeyError
        If no lesson has that exercise; the message lists the names there are.
    """
    exercises = all_exercises()
    if name not in exercises:
        raise KeyError(f"no exercise named {name!r}; known: {', '.join(exercises)}")
    return exercises[name]
