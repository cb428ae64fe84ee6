"""The code a hint offers those who code runs, in the lesson, where the exercise is.

Hints once named variables the notebook never defines (``rules``, ``quasi_identifiers``,
``history``): a learner who followed them got a ``NameError``. Here each lesson runs in a
kernel, top to bottom, and just before each exercise's answer cell a cell runs every
line for those who code of that exercise's hints (its misconceptions' and its fallback),
each in a copy of the lesson's namespace at that point, so one hint cannot set up another
and nothing leaks into the lesson. Any error fails, naming the hint's code.
"""

import nbformat
import pytest

from conftest import LESSONS, read_notebook
from kernel_sockets import run_notebook
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.hints import hint_code

#: runs lessons in a kernel: not part of `make test-fast`
pytestmark = pytest.mark.slow

#: Runs each piece of code in a copy of the namespace; an error names the code that raised.
RUN_HINTS = """for _hint in {codes!r}:
    try:
        exec(compile(_hint, "<hint for those who code>", "exec"), dict(globals()))
    except Exception as _error:
        raise AssertionError(f"hint code {{_hint!r}} raised {{_error!r}}") from _error"""


def hint_codes(exercise) -> list[str]:
    check = exercise.check
    hints = [m.hint for m in check.misconceptions] + [check.fallback_hint]
    return [code for hint in hints for code in hint_code(hint)]


def with_hint_cells(notebook, exercises):
    """Insert a cell that runs the hints' code before each answer cell; stop after the last."""
    cells, inserted, last = [], [], 0
    for cell in notebook.cells:
        mark = cell.metadata.get("osmosis", {})
        if mark.get("cell") == "answer" and (codes := hint_codes(exercises[mark["exercise"]])):
            cells.append(nbformat.v4.new_code_cell(RUN_HINTS.format(codes=codes)))
            inserted.append(mark["exercise"])
            last = len(cells)
        cells.append(cell)
    notebook.cells = cells[:last]  # nothing after the last hint needs to run
    return notebook, inserted


def lessons_with_hint_code():
    exercises = all_exercises().values()
    stems = {e.lesson for e in exercises if hint_codes(e)}
    return [path for path in LESSONS if path.stem in stems]


def test_some_hints_carry_code_for_those_who_code():
    assert lessons_with_hint_code(), "no hint has a line for those who code: nothing is run"


@pytest.mark.parametrize("path", lessons_with_hint_code(), ids=lambda p: p.name)
def test_every_hints_code_runs_where_its_exercise_is(path):
    exercises = all_exercises()
    notebook, inserted = with_hint_cells(read_notebook(path), exercises)
    expected = sorted(n for n, e in exercises.items() if e.lesson == path.stem and hint_codes(e))
    assert sorted(inserted) == expected, "an exercise with hint code has no answer cell"
    run_notebook(notebook, path.parent)  # raises CellExecutionError naming the hint that failed
