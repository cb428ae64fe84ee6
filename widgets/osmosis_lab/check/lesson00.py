"""Self-checks for lesson 00 · Start here.

Examples
--------
>>> print(count_the_testers(12))
Not yet: 12 is every tester. The question asks only for the ones this module invented: look at the source column.
>>> print(youngest_tester("Niels Larson"))
Correct! Niels Larson is 17, a minor: in the series he joined at his mother's request. Lesson 02 asks what that means for consent.
"""

from ..data import load_people
from .allowed import Allowed
from .core import Check, Misconception
from .hints import for_coders


def _testers():
    people = load_people()
    return people[people["role"] == "tester"]


def _invented_testers() -> int:
    return int((_testers()["source"] == "invented").sum())


def _invented_people() -> int:
    """The wrong method "counted candidates too": invented people among testers and candidates."""
    return int((load_people()["source"] == "invented").sum())


count_the_testers = Check(
    name="count_the_testers",
    allowed=Allowed("count", 0),  # not 12: "counted candidates too" (17) earns its hint
    reference=_invented_testers,
    question="How many of the 12 beta testers were invented for this module?",
    is_correct=lambda answer: answer == _invented_testers(),
    why="Only Niels, Ana and Lucas are testers named in the series; the other nine are invented.",
    misconceptions=(
        Misconception(
            "counted every tester",
            example=12,
            hint="12 is every tester. The question asks only for the ones this module invented: "
            "look at the source column.",
            wrong_value=lambda: len(_testers()),
        ),
        Misconception(
            "counted the named testers",
            example=3,
            hint="3 is how many testers the series names. Count the others, whose source says "
            "invented." + for_coders("(testers['source'] == 'invented').sum()"),
            wrong_value=lambda: len(_testers()) - _invented_testers(),
        ),
        Misconception(
            "counted candidates too",
            example=17,
            matches=lambda answer: answer in (_invented_people(), len(load_people())),
            hint="That count includes people the app can match, who are not testers. Count only "
            "in the table of the 12 testers."
            + for_coders("testers = people[people['role'] == 'tester']"),
            wrong_value=_invented_people,
        ),
        Misconception(
            "a string instead of a number",
            example="9",
            matches=lambda answer: isinstance(answer, str),
            hint="Give a number, not text: type the digits without quotes.",
            form_slip=True,
        ),
    ),
    fallback_hint="In the table of the 12 testers, count those whose source says invented."
    + for_coders("(testers['source'] == 'invented').sum()"),
)


def _normalise_name(answer):
    return answer.strip().casefold() if isinstance(answer, str) else answer


youngest_tester = Check(
    name="youngest_tester",
    question="Which beta tester is under 18?",
    is_correct=lambda answer: answer in ("niels larson", "niels"),
    why="Niels Larson is 17, a minor: in the series he joined at his mother's request. "
    "Lesson 02 asks what that means for consent.",
    normalise=_normalise_name,
    misconceptions=(
        Misconception(
            "picked a candidate",
            example="Claire",
            matches=lambda answer: answer == "claire",
            hint="Claire is 17 too, but she is one of the people the app can match, not one of "
            "the 12 beta testers: the table of testers does not list her."
            + for_coders("testers = people[people['role'] == 'tester']"),
        ),
        Misconception(
            "gave the age, not the name",
            example=17,
            matches=lambda answer: answer == 17,
            hint="17 is the age. The question asks for the tester's name, in quotes.",
        ),
    ),
    fallback_hint="Read the age column of the table of the 12 testers: one of them is under 18."
    + for_coders("testers.sort_values('age')"),
)
