"""Lesson 00's exercises offer and say only what lesson 00 shows a learner with no Python (w54).

Exercise 2 offered "Claire", who is in no table the lesson shows, and her hint said "Keep only
the rows whose role is tester" beside a table with no role column; a wrong tester got "Sort the
testers by age", a step only code takes. The lesson's table is read from the notebook (the
columns its cell shows); the answer box's options and every hint its answers can reach are
checked against it. A hint's line for those who code comes second and may use code.
"""

from __future__ import annotations

import re

import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.check.exercises.lesson00 import EXERCISES
from osmosis_lab.check.hints import FOR_CODERS
from osmosis_lab.data import load_people

PEOPLE = load_people()
#: What a learner with no code cannot do to a table on screen, or has no column to do it by.
CODE_STEPS = re.compile(r"\b(sort|sorts|sorted|filter|rows?|keep only)\b", re.IGNORECASE)


def shown_table() -> tuple[list[str], set[str]]:
    """The columns and the names of lesson 00's table of testers, as its cell displays them."""
    notebook = read_notebook(next(p for p in LESSONS if p.stem == "00_start_here"))
    cell = next(
        c.source for c in notebook.cells if c.cell_type == "code" and "testers[[" in c.source
    )
    columns = re.findall(r'"(\w+)"', re.search(r"testers\[\[(.*?)\]\]", cell).group(1))
    assert 'people["role"] == "tester"' in cell  # the rows: the 12 testers
    return columns, set(PEOPLE.loc[PEOPLE["role"] == "tester", "name"])


def reachable_hints(exercise) -> list[str]:
    """Every hint the answer box can give: each misconception not left to code, the fallback."""
    check = exercise.check
    hints = [m.hint for m in check.misconceptions if m.name not in exercise.code_only]
    return [*hints, check.fallback_hint]


@pytest.mark.parametrize(
    "exercise", [e for e in EXERCISES if e.kind == "choice"], ids=lambda e: e.name
)
def test_the_box_offers_only_people_of_the_table_shown(exercise):
    _columns, names = shown_table()
    assert set(exercise.choices()) <= names, set(exercise.choices()) - names


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_boxs_hints_name_only_columns_and_steps_a_reader_of_the_table_has(exercise):
    columns, names = shown_table()
    hidden = [c for c in PEOPLE.columns if c not in columns]  # "role", "gender", ...
    others = set(PEOPLE["name"]) - names
    for hint in reachable_hints(exercise):
        words = hint.split(FOR_CODERS)[0]
        assert not CODE_STEPS.search(words), (exercise.name, words)
        for column in hidden:
            assert not re.search(rf"\b{re.escape(column)}\b", words), (exercise.name, column)
        for name in others:  # a person the table does not show, named where no code found her
            assert not re.search(rf"\b{re.escape(name)}\b", words), (exercise.name, name)


def test_the_table_read_is_lesson_00s():
    columns, names = shown_table()
    assert {"name", "source", "age"} <= set(columns) and "role" not in columns
    assert len(names) == 12 and "Niels Larson" in names
