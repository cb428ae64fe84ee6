"""Lesson 00 · Start here: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'00_start_here'}
"""

from .. import lesson00 as checks
from ..exercise import Exercise
from . import side

count_the_testers = Exercise(
    check=checks.count_the_testers,
    title="Named or invented?",
    number=1,
    lesson="00_start_here",
    variable="invented_testers",
    kind="number",
    unit="count",
    code_only=("a string instead of a number",),
    control=True,
    solution=('invented_testers = int((testers["source"] == "invented").sum())'),
    explanation=(
        "Only Niels, Ana and Lucas are testers the series names, so the other 9 are invented."
    ),
)


youngest_tester = Exercise(
    check=checks.youngest_tester,
    title="A tester who is a minor",
    number=2,
    lesson="00_start_here",
    variable="minor_tester",
    kind="choice",
    # the 12 testers of the table lesson 00 shows, no one else: Claire, a candidate who is 17
    # too, is in no table a learner without code has seen (w54); code that reads every person
    # can reach her, and her hint
    options=lambda: side("tester"),
    code_only=("picked a candidate", "gave the age, not the name"),
    control=True,
    solution=('minor_tester = testers.sort_values("age")["name"].iloc[0]'),
    explanation=(
        "Niels Larson is 17. In the series he was taken on as a back-up tester at his mother's request: a parent\n"
        "consenting for a minor. Lesson 02 comes back to that."
    ),
)


EXERCISES = (
    count_the_testers,
    youngest_tester,
)
