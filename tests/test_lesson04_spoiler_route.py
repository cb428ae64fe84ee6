"""Lesson 04's core "What are we optimising?" for a class that has not seen episodes 2-3 (issue 12, 5).

A teacher whose class had seen episodes 1-2 found the core section behind a "Spoiler warning
(ep. 2 and 3)" and no word on how to run it. The guide now gives a route for a class at
episode 2 (keep Lucas picked) and one at episode 1 (an invented tester in Lucas's place). Here
each route is followed on the explorer as the lesson builds it, clicking as the browser does,
and what it then says is read against the spoiler register: the guide's advice must stay true.
"""

import re
from pathlib import Path

import pytest

from osmosis_lab.data import load_people
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer
from spoilers import register, spoilers_in

GUIDE = Path(__file__).parents[1] / "lessons" / "teacher_guide.md"
RELATIONS = register()


def _route(start: str) -> str:
    lesson04 = GUIDE.read_text(encoding="utf-8").split("## Lesson 04")[1].split("\n## ")[0]
    found = re.search(rf"\*{re.escape(start)}\*(.*?)(?=\n  - |\n- |\n\n)", lesson04, re.S)
    assert found, f"the guide's lesson 04 has no route for {start!r}"
    return found.group(1)


def _said(explorer: ObjectivesExplorer) -> str:
    """What the learner reads: the sentences (tooltips need a pointer; the guide warns of them)."""
    return re.sub(r"<[^>]+>", "\n\n", explorer.summary.value)


def _walk(person: str) -> dict[str, str]:
    """Build the explorer as the lesson's cell does, pick ``person``, switch the objective both ways."""
    explorer = ObjectivesExplorer.for_testers(load_people(), person="Lucas Apert")
    explorer.person.value = person
    said = {}
    for objective in ("wellbeing", "attraction", "wellbeing"):
        explorer.objective.value = objective
        said[objective] = _said(explorer)
    return said


def test_a_class_at_episode_2_keeping_lucas_reads_nothing_from_later_episodes():
    route = _route("A class that has seen episodes 1 and 2")
    assert "Lucas Apert" in route
    for objective, text in _walk("Lucas Apert").items():
        later = [r.text for r in RELATIONS if r.stated_in(text) and r.episode not in ("1", "2")]
        assert not later, (objective, later)


def test_a_class_at_episode_1_follows_invented_testers_whose_match_changes():
    route = _route("A class that has seen only episode 1")
    testers = re.findall(r"\*\*([^*]+)\*\*", route)
    testers = [t for t in testers if t in set(load_people()["name"])]
    assert testers, "the guide names the invented testers to pick"
    examples = 0
    for person in testers:
        said = _walk(person)
        for objective, text in said.items():
            assert not spoilers_in(text, RELATIONS), (person, objective)
        matched = {
            objective: re.search(rf"{re.escape(person)} is matched with ([^(]+?) \(", text).group(1)
            for objective, text in said.items()
        }
        assert matched["attraction"] != matched["wellbeing"], (person, matched)
        short = person.split()[0]  # the guide's example: "Karim: X for attraction, Y for wellbeing"
        example = re.search(rf"{short}: ([^,]+) for attraction, ([^)]+) for wellbeing", route)
        if example:
            assert example.groups() == (matched["attraction"], matched["wellbeing"])
            examples += 1
    assert examples, "the guide's example names the matches the explorer shows"


@pytest.mark.parametrize("person", ["Niels Larson", "Ana Stern"])
def test_the_other_series_testers_are_why_the_warning_says_episode_3(person):
    """The guide says the 'ep. 3' is the other series testers' matches: true while it holds."""
    said = _walk(person)
    assert any(
        r.episode == "3" and r.stated_in(text) for text in said.values() for r in RELATIONS
    ), person
