"""The lessons' exercise cells are exactly what each exercise's one source generates.

An exercise lives in ``osmosis_lab/check/exercises/``; its answer cell, folded
solution (and, where the lesson offers it, its answer control cell) are written
by ``python -m osmosis_lab.check.generate``. A hand edit of a notebook's
exercise cell, or of the source without regenerating, fails here.
"""

import copy

import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.check import all_checks
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.check.generate import differences, generate

FIX = "run `python -m osmosis_lab.check.generate` (or edit the exercise in osmosis_lab/check/exercises/)"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_notebook_equals_the_generated_cells(path):
    problems = differences(read_notebook(path), path.stem)
    assert not problems, f"{path.name}: {problems}; {FIX}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_every_exercise_cell_comes_from_a_source(path):
    notebook = read_notebook(path)
    for index, cell in enumerate(notebook.cells):
        tags = cell.metadata.get("tags", [])
        if "exercise" in tags or "solution" in tags:
            assert "osmosis" in cell.metadata, f"{path.name} cell {index} has no exercise source"


def test_every_check_has_one_exercise_in_a_lesson_that_exists():
    exercises = all_exercises()
    assert set(exercises) == set(all_checks())
    assert len(exercises) >= 28, "the 28 exercises of this round, and any added since"
    stems = {p.stem for p in LESSONS}
    assert {e.lesson for e in exercises.values()} <= stems
    assert all(e.check is all_checks()[name] for name, e in exercises.items())


def test_a_hand_edit_of_either_side_is_caught():
    path = LESSONS[0]
    notebook = read_notebook(path)
    edited = copy.deepcopy(notebook)
    answer = next(c for c in edited.cells if "exercise" in c.metadata.get("tags", []))
    answer.source = answer.source.replace("= ...", "= 9")
    assert any("differs" in p for p in differences(edited, path.stem))
    solution = next(c for c in edited.cells if "solution" in c.metadata.get("tags", []))
    solution.source += "\nA sentence added by hand."
    assert len(differences(edited, path.stem)) == 2
    # ...and the generator puts both back.
    assert not differences(generate(edited, path.stem), path.stem)


def test_a_missing_or_duplicated_mark_is_named():
    path = LESSONS[0]
    notebook = read_notebook(path)
    answer = next(c for c in notebook.cells if "exercise" in c.metadata.get("tags", []))
    mark = answer.metadata.pop("osmosis")
    assert any(
        f"no answer cell for {mark['exercise']}" in p for p in differences(notebook, path.stem)
    )
    answer.metadata["osmosis"] = mark
    notebook.cells.append(copy.deepcopy(answer))
    with pytest.raises(ValueError, match="two cells are marked"):
        differences(notebook, path.stem)


@pytest.mark.parametrize("exercise", all_exercises().values(), ids=lambda e: e.name)
def test_a_solution_says_it_in_words_before_any_code(exercise):
    """A learner who does not code opens the Solution and reads the answer, not Python first."""
    cell = exercise.solution_cell()
    words = cell.index(exercise.explanation.strip().splitlines()[0])
    for_coders, code = cell.index("*For those who code:*"), cell.index("```")
    assert words < for_coders < code, exercise.name
