"""Write each exercise's cells into its lesson from its one source.

Run ``python -m osmosis_lab.check.generate`` after editing an exercise in
``osmosis_lab/check/exercises/``; ``tests/test_exercise_source.py`` fails
until the notebooks match. A cell belongs to an exercise through its metadata,
``{"osmosis": {"exercise": <check name>, "cell": "answer" | "solution" | "control"}}``,
so cells can move within a lesson and keep their exercise. Only those cells'
sources are written; every other cell is left as it is. This is a developer's
tool: no lesson imports it.

Examples
--------
>>> from osmosis_lab.check.exercises import exercise
>>> print(expected_source(exercise("count_the_testers"), "answer"))
invented_testers = ...
check.count_the_testers(invented_testers)
"""

import sys
from pathlib import Path

import nbformat

from .exercise import Exercise
from .exercises import all_exercises

KEY = "osmosis"
LESSONS = Path(__file__).resolve().parents[3] / "lessons"
#: Tags each generated cell must carry (the lesson lint and nbval read them).
TAGS = {"answer": ["exercise"], "solution": ["solution"], "control": []}


def tags(exercise: Exercise, part: str) -> list[str]:
    """The tags of ``exercise``'s ``part`` cell: ``TAGS``, and ``spoiler`` on the cells that show
    its options and verdict when the exercise is a spoiler (its solution is folded already)."""
    marked = exercise.spoiler and part in ("control", "answer")
    return TAGS[part] + ["spoiler"] * marked


class MissingCell(LookupError):
    """A lesson lacks a cell its exercise needs."""


def expected_source(exercise: Exercise, part: str) -> str:
    """What the ``part`` cell of ``exercise`` must hold."""
    return {
        "answer": exercise.answer_cell,
        "solution": exercise.solution_cell,
        "control": exercise.control_cell,
    }[part]()


def parts(exercise: Exercise) -> tuple[str, ...]:
    """The cells ``exercise`` owns in its lesson."""
    return ("control", "answer", "solution") if exercise.control else ("answer", "solution")


def owned_cells(notebook: nbformat.NotebookNode) -> dict[tuple[str, str], int]:
    """Index of each generated cell, by (exercise name, part)."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        mark = cell.metadata.get(KEY)
        # the same metadata also holds the reading model's figures ("writes": words to write)
        if mark and "exercise" in mark:
            key = (mark["exercise"], mark["cell"])
            if key in found:
                raise ValueError(f"two cells are marked {key}: cells {found[key]} and {index}")
            found[key] = index
    return found


def differences(notebook: nbformat.NotebookNode, lesson: str) -> list[str]:
    """Every way ``notebook`` differs from its exercises' source, in words (empty when equal)."""
    found = owned_cells(notebook)
    problems = []
    exercises = [e for e in all_exercises().values() if e.lesson == lesson]
    for exercise in exercises:
        for part in parts(exercise):
            index = found.pop((exercise.name, part), None)
            if index is None:
                problems.append(f"{lesson}: no {part} cell for {exercise.name}")
                continue
            cell = notebook.cells[index]
            if cell.source != expected_source(exercise, part):
                problems.append(f"{lesson} cell {index}: {exercise.name}'s {part} differs")
            if cell.metadata.get("tags", []) != tags(exercise, part):
                problems.append(f"{lesson} cell {index}: {exercise.name}'s {part} tags differ")
    problems += [f"{lesson} cell {i}: marked for unknown {key}" for key, i in found.items()]
    return problems


def generate(notebook: nbformat.NotebookNode, lesson: str) -> nbformat.NotebookNode:
    """Write every owned cell's source and tags; insert a missing control cell above its answer.

    Raises
    ------
    MissingCell
        If an answer or solution cell is not marked: mark it by hand once (its metadata).
    """
    for exercise in (e for e in all_exercises().values() if e.lesson == lesson):
        found = owned_cells(notebook)
        for part in parts(exercise):
            if (exercise.name, part) in found:
                continue
            if part != "control" or (exercise.name, "answer") not in found:
                raise MissingCell(f"{lesson}: mark {exercise.name}'s {part} cell ({KEY} metadata)")
            cell = nbformat.v4.new_code_cell(metadata={KEY: {"exercise": exercise.name}})
            cell.id = f"{exercise.name.replace('_', '-')}-control"
            cell.metadata[KEY]["cell"] = "control"
            notebook.cells.insert(found[exercise.name, "answer"], cell)
            found = owned_cells(notebook)
        for part in parts(exercise):
            cell = notebook.cells[found[exercise.name, part]]
            cell.source = expected_source(exercise, part)
            if tags(exercise, part):
                cell.metadata["tags"] = tags(exercise, part)
            else:
                cell.metadata.pop("tags", None)
    return notebook


def main(lessons: Path = LESSONS) -> int:
    """Regenerate every lesson in place; print which changed. Returns a process exit code."""
    for path in sorted(lessons.glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        if differences(notebook, path.stem):
            nbformat.write(generate(notebook, path.stem), path)
            print(f"rewrote the exercise cells of {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
