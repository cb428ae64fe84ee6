"""Each of lesson 01's matching explorers opens on the example its text names first (w44).

A learner read "choose Gale & Shapley's 3 × 3, then switch who proposes" beside an explorer
that opened on six people a side. Here, for every cell that builds a matching explorer, the
Markdown just above it (outside folded spoiler boxes, which a learner may never open, and
spoiler warnings, which name what the explorer also offers) is read
for the examples' names; the first one named is the example the explorer shows on opening.
"""

import json
import re

import pytest

from conftest import ROOT
from osmosis_lab.explorers import matching_lie, matching_sides, matching_steps, matching_welfare
from osmosis_lab.explorers.matching_common import CASES

LESSON = ROOT / "lessons" / "01_what_is_a_match.ipynb"
MODULES = {
    "matching_lie": matching_lie,
    "matching_sides": matching_sides,
    "matching_steps": matching_steps,
    "matching_welfare": matching_welfare,
}
BUILT = re.compile(r"\b(matching_\w+)\.(\w+Explorer)\(\)")
FOLDED = re.compile(r"<details>.*?</details>", re.DOTALL)
#: A spoiler warning names what the explorer also offers; it does not ask to start there.
WARNING = re.compile(r"^\*\*Spoiler warning.*?(?:\n\n|\Z)", re.DOTALL | re.MULTILINE)


def explorers_and_their_text() -> list[tuple[str, str, str]]:
    """(module, class, the Markdown just above its cell with folded boxes left out)."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    found, text = [], ""
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            text = WARNING.sub("", FOLDED.sub("", source))
        elif built := BUILT.search(source):
            found.append((*built.groups(), text))
    return found


def first_named(text: str) -> str | None:
    """The example named first in ``text`` (names as the picker shows them, bold or not)."""
    plain = " ".join(text.replace("**", "").split())  # a name may be split across lines
    places = {case: plain.find(case) for case in CASES if case in plain}
    return min(places, key=places.get) if places else None


NAMED = [
    (m, c, first_named(text)) for m, c, text in explorers_and_their_text() if first_named(text)
]


def test_the_text_beside_the_explorers_names_an_example_for_some_of_them():
    # who proposes, stable vs best: a check that found nothing to compare could not fail
    assert {"WhoProposesExplorer", "StableVsBestExplorer"} <= {c for _, c, _ in NAMED}, NAMED


@pytest.mark.parametrize(("module", "cls", "wanted"), NAMED, ids=[c for _, c, _ in NAMED])
def test_each_explorer_opens_on_the_example_its_text_names_first(module, cls, wanted):
    explorer = getattr(MODULES[module], cls)()
    assert explorer.example.value == wanted, (
        f"{cls} opens on {explorer.example.value!r}; the text beside it names {wanted!r} first"
    )
