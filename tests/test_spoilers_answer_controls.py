"""No answer control shows a registered plot relation unless its cell is marked and announced.

Lesson 04's spoiler note said "the two cells whose output names the characters are announced",
but Exercise 4's answer control (options Léopold and Antoine under "Who is Lucas matched with",
feedback "Antoine shares Lucas's memories…") was neither (issue 12, w56): the explorer sweep
(tests/test_spoilers_swept.py) reads explorers, not answer controls. Here every control a lesson
builds is read as a learner meets it: its question and options, then the verdict after each
option is checked.
"""

import re

import pytest

from conftest import LESSONS, read_notebook
from memory_record import MemoryRecord
from osmosis_lab.explorers.answers import answer_control
from spoilers import is_marked, register, spoilers_in
from test_spoilers_swept import paragraphs_shown, shown


def controls_in(path) -> list[tuple[int, str]]:
    """(cell index, exercise) of every answer control a lesson builds."""
    return [
        (index, cell.metadata["osmosis"]["exercise"])
        for index, cell in enumerate(read_notebook(path).cells)
        if cell.cell_type == "code" and cell.metadata.get("osmosis", {}).get("cell") == "control"
    ]


def read_whole(control) -> str:
    """The control as one block: its question, options and verdict are read together."""
    return " ".join(re.sub(r"<[^>]+>", " ", text) for text in shown(control))


def texts_of(exercise: str) -> list[str]:
    """What the control shows before an answer, and after each of its options is checked."""
    control = answer_control(exercise, record=MemoryRecord())
    seen = [read_whole(control)]
    for index in range(len(getattr(getattr(control, "choice", None), "options", ()))):
        control.choice.value = index
        control.check_button.click()
        seen.append(read_whole(control))
    return seen


def announced(cells, index: int) -> bool:
    """A markdown cell just before the control (its exercise's heading) warns of the spoiler."""
    before = [c for c in cells[max(0, index - 2) : index] if c.cell_type == "markdown"]
    return any("**Spoiler warning" in c.source for c in before)


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_a_control_that_names_a_plot_relation_is_marked_and_announced(path):
    cells, relations = read_notebook(path).cells, register()
    wrong = []
    for index, exercise in controls_in(path):
        stated = {
            relation
            for text in texts_of(exercise)
            for block in paragraphs_shown(text)
            for relation, _ in spoilers_in(block, relations)
        }
        if stated and not (is_marked(cells[index]) and announced(cells, index)):
            wrong.append(f"cell {index} ({exercise}) states {sorted(stated)}")
    assert not wrong, f"{path.name}:\n  " + "\n  ".join(wrong)
