"""Lesson 03's tables read in words: yes/no, "hidden" instead of "*", and no blank cells.

The export showed ``secret_relationship`` as True/False, and Exercise 3's table of classes left
blank cells under its headings (a grouped index prints a repeated group once) and showed "*"
for the hidden gender. The cells run here as the lesson runs them; what they display is checked,
and what the exercises compute from (``released``, ``all_alike``) is checked unchanged.
"""

import ast
import json
from pathlib import Path

import pandas as pd
import pytest

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "03_privacy.ipynb"


def code_cells() -> list[str]:
    cells = json.loads(LESSON.read_text())["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def run(code: str, namespace: dict):
    """Run a cell as Jupyter does, returning the value of its last line if it is an expression."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    if last is not None:
        return eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
    return None


@pytest.fixture(scope="module")
def shown():
    """What the export cell reveals and what Exercise 3's cell displays, with the namespace."""
    code, namespace, revealed = code_cells(), {}, {}
    for start in ("import numpy as np", "released, key = beta_export(", "quasi = [",
                  "proposal = {", 'l_proposed = l_diversity('):  # fmt: skip
        cell = next(c for c in code if c.startswith(start))
        if start.startswith("released"):
            namespace["reveal_after"] = lambda name, what: revealed.setdefault(name, what)
        value = run(cell, namespace)
    return revealed["export_harm_prediction"], value, namespace


def cells_of(frame: pd.DataFrame) -> list:
    return [*frame.to_numpy().ravel(), *frame.columns, *frame.index]


def test_the_export_says_yes_or_no(shown):
    export, _, namespace = shown
    assert not any(isinstance(v, bool) or str(v) in ("True", "False") for v in cells_of(export))
    secret = namespace["released"].head(4)["secret_relationship"]
    words = ["yes" if s else "no" for s in secret]
    assert list(export.loc["secret relationship"]) == words
    assert namespace["released"]["secret_relationship"].dtype == bool  # what exercises compute on


def test_exercise_3s_table_has_no_blank_and_no_star(shown):
    _, table, namespace = shown
    assert isinstance(table, pd.DataFrame)
    assert not isinstance(table.index, pd.MultiIndex), "a grouped index prints blanks"
    assert "*" not in map(str, cells_of(table))
    assert set(table["gender"]) == {"hidden"}, "the proposal hides gender"
    assert not table.isna().any().any() and (table.astype(str) != "").all().all()
    # the exercise still sums the same classes
    all_alike = namespace["all_alike"]
    assert table["people"].sum() == all_alike["people"].sum() and len(table) == len(all_alike)


def test_the_tables_name_their_columns_in_words(shown):
    """w54 (issue 12): "sexual_orientation" and "health_condition" as headers, and Exercise 3's
    table with both "conditions" and "condition"; a learner with no Python reads words."""
    export, table, _ = shown
    headers = [*export.index, *table.columns]
    assert not [h for h in headers if "_" in str(h)], headers
    assert "health condition" in headers and "sexual orientation" in headers
    assert {"different conditions", "shared condition"} <= set(table.columns)
    assert not {"conditions", "condition"} & set(table.columns)
