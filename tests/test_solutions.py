"""Swap every exercise's solution (from its one source) into its lesson and run the checks strictly.

Each exercise cell is ``answer = ...`` followed by its check call on the last
line, generated from the exercise's source (``osmosis_lab/check/exercises``;
``tests/test_exercise_source.py`` keeps the two equal). The solutions test
replaces the placeholder line with the source's solution code, keeping the
lesson's own check call; the notebook then runs top to bottom with
``OSMOSIS_STRICT_CHECKS=1``, so any check that is not "correct" raises, and each
exercise cell must show "Correct!" (so a check that never ran cannot pass).
"""

import nbformat
import pytest

from conftest import LESSONS, read_notebook
from kernel_sockets import run_notebook
from osmosis_lab.check import STRICT_ENV
from osmosis_lab.check.exercises import all_exercises
from spoilers import is_marked, output_texts, register, spoilers_in

#: runs every lesson in a kernel: not part of `make test-fast`
pytestmark = pytest.mark.slow


def check_call(source):
    """The exercise cell's last line: the lesson's own call to its check."""
    last = source.rstrip().splitlines()[-1]
    assert last.startswith("check."), f"an exercise cell must end with its check call: {source!r}"
    return last


def with_solutions(notebook, exercises):
    """Swap each exercise's solution in above its check call; return the swapped cells."""
    swapped = []
    for cell in notebook.cells:
        mark = cell.metadata.get("osmosis", {})
        if mark.get("cell") != "answer":
            continue
        solution = exercises[mark["exercise"]].solution.rstrip("\n")
        cell.source = f"{solution}\n{check_call(cell.source)}"
        swapped.append(cell)
    return notebook, swapped


def with_controls_answered(notebook, exercises):
    """After each swapped cell, answer its answer control with the solution's value, headless."""
    for index in reversed(range(len(notebook.cells))):
        mark = notebook.cells[index].metadata.get("osmosis", {})
        if mark.get("cell") == "answer":
            exercise = exercises[mark["exercise"]]
            notebook.cells.insert(index + 1, nbformat.v4.new_code_cell(CONTROL.format(e=exercise)))
    return notebook


# Sets the control's widget values to the solution's value, then presses Check.
CONTROL = """from osmosis_lab.explorers.answers import answer_control as _answer_control
_control = _answer_control("{e.name}")
_control.set_state({e.variable})
_control.check_button.click()
assert _control.status == "correct", ({e.variable}, _control.verdict.value)"""


def test_the_swap_keeps_the_lessons_check_call():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "x = ...\ncheck.count_the_testers(x)",
            metadata={"tags": ["exercise"], "osmosis": {"exercise": "e", "cell": "answer"}},
        ),
    ]

    class Source:
        solution = "x = 9\n"

    _, swapped = with_solutions(notebook, {"e": Source})
    assert [c.source for c in swapped] == ["x = 9\ncheck.count_the_testers(x)"]


#: The lessons with at least one exercise in their source (every lesson, today).
WITH_EXERCISES = [p for p in LESSONS if any(e.lesson == p.stem for e in all_exercises().values())]


def test_the_lessons_with_exercises_are_found():
    # a floor for the test below, which runs only the lessons found here
    lessons = {"01_what_is_a_match", "02_consent", "03_privacy", "04_trust", "05_design_review"}
    assert lessons <= {p.stem for p in WITH_EXERCISES}


@pytest.mark.parametrize("path", WITH_EXERCISES, ids=[p.name for p in WITH_EXERCISES])
def test_solutions_pass_their_checks_strictly(path, monkeypatch):
    exercises = all_exercises()
    notebook, swapped = with_solutions(read_notebook(path), exercises)
    notebook = with_controls_answered(notebook, exercises)
    expected = sorted(e.name for e in exercises.values() if e.lesson == path.stem)
    assert sorted(c.metadata["osmosis"]["exercise"] for c in swapped) == expected
    monkeypatch.setenv(STRICT_ENV, "1")
    run_notebook(notebook, path.parent, store_widget_state=True)  # a failing check is named
    for cell in swapped:
        shown = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
        assert "Correct!" in shown, f"{path.name}: {cell.source!r} showed {shown!r}"
    # Warnings are errors in lessons too: a learner should never read one.
    warnings = [
        output.text
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stderr"
    ]
    assert not warnings, f"{path.name} printed to stderr: {warnings}"
    # What the lesson prints, explorers included, states no plot relation outside a spoiler marker
    # (the lesson lint checks its Markdown; this run serves both checks).
    state = notebook.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}
    )
    relations, found = register(), []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and not is_marked(cell):
            for text in output_texts(cell, state.get("state", {})):
                found += [(index, r, p) for r, p in spoilers_in(text, relations)]
    assert not found, f"{path.name}: plot relations in unmarked output: {found}"
