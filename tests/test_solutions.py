"""Swap every lesson's hidden solution into its exercise cell and run the checks strictly.

Each exercise cell (tag ``exercise``) is ``answer = ...`` followed by its check
call on the last line. The solutions test replaces everything above that check
call with the python block of the next ``solution`` cell, keeping the lesson's
own check call; the notebook then runs top to bottom with
``OSMOSIS_STRICT_CHECKS=1``, so any check that is not "correct" raises, and each
exercise cell must show "Correct!" (so a check that never ran cannot pass).
"""

import re

import nbclient
import nbformat
import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.check import STRICT_ENV

FENCE = re.compile(r"```python\n(.*?)```", re.S)


def check_call(source):
    """The exercise cell's last line: the lesson's own call to its check."""
    last = source.rstrip().splitlines()[-1]
    assert last.startswith("check."), f"an exercise cell must end with its check call: {source!r}"
    return last


def with_solutions(notebook):
    """Swap each solution in above its exercise's check call; return the swapped cells."""
    cells = notebook.cells
    swapped = []
    for index, cell in enumerate(cells):
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        solution = next(c for c in cells[index + 1 :] if "solution" in c.metadata.get("tags", []))
        code = FENCE.search(solution.source).group(1).rstrip("\n")
        cell.source = f"{code}\n{check_call(cell.source)}"
        swapped.append(cell)
    return notebook, swapped


def test_the_swap_keeps_the_lessons_check_call():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "x = ...\ncheck.count_the_testers(x)", metadata={"tags": ["exercise"]}
        ),
        nbformat.v4.new_markdown_cell(
            "<details>\n\n```python\nx = 9\n```\n</details>", metadata={"tags": ["solution"]}
        ),
    ]
    _, swapped = with_solutions(notebook)
    assert [c.source for c in swapped] == ["x = 9\ncheck.count_the_testers(x)"]


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_solutions_pass_their_checks_strictly(path, monkeypatch):
    notebook, swapped = with_solutions(read_notebook(path))
    if not swapped:
        pytest.skip(f"{path.name} has no exercises")
    monkeypatch.setenv(STRICT_ENV, "1")
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    )
    client.execute()  # raises CellExecutionError naming the failing check
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
