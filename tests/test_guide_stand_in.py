"""The teacher's guide's stand-in for Lucas in lesson 04 makes the lesson's point (w51).

For a class that has seen only episode 1 the guide projects the objectives explorer with an
invented tester in Lucas's place. It once named Karim and Inès, for whom the wellbeing
objective is the *worse* bet (it maximises the total, not each person's chance): projected,
it taught that optimising wellbeing hurts people. The figures the guide quotes are computed
here from the explorer the lesson builds.
"""

import re

from conftest import LESSONS
from osmosis_lab.data import load_people
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer

GUIDE = LESSONS[0].parent / "teacher_guide.md"


def _percent(x: float) -> str:
    return f"{round(100 * x)} %"


def test_the_guides_stand_in_is_better_off_under_wellbeing_as_the_guide_says():
    text = re.sub(r"\s+", " ", GUIDE.read_text(encoding="utf-8"))
    picked = re.search(r"then pick ((?:\*\*[^*]+\*\*(?: or )?)+) under \*Person\*", text)
    assert picked, "the guide names no stand-in for Lucas ('then pick **…** under *Person*')"
    explorer = ObjectivesExplorer.for_testers(load_people())
    for stand_in in re.findall(r"\*\*([^*]+)\*\*", picked[1]):
        _check_stand_in(explorer, stand_in, text)


def _check_stand_in(explorer, stand_in: str, text: str) -> None:
    attraction = explorer.match_of(stand_in, "attraction")
    wellbeing = explorer.match_of(stand_in, "wellbeing")
    assert attraction["match"] != wellbeing["match"], f"{stand_in} has one match for both"
    assert wellbeing["wellbeing"] > attraction["wellbeing"], (
        f"the wellbeing objective is a worse bet for {stand_in}: "
        f"{_percent(attraction['wellbeing'])} -> {_percent(wellbeing['wellbeing'])}"
    )
    # the matches themselves are test_lesson04_spoiler_route.py's; the chances are this test's
    said = (
        f"a {_percent(wellbeing['wellbeing'])} chance that both are doing well a year later, "
        f"against {_percent(attraction['wellbeing'])}"
    )
    assert said in text, f"the guide should say {said!r} of {stand_in}"
