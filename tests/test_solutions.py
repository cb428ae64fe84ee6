"""Swap every lesson's hidden solution into its exercise cell and run the checks strictly.

Each exercise cell (tag ``exercise``) is replaced by the python block of the
next ``solution`` cell; the notebook then runs top to bottom with
``OSMOSIS_STRICT_CHECKS=1``, so any check that is not "correct" raises.
"""

import os
import re

import nbclient
import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.check import STRICT_ENV

FENCE = re.compile(r"```python\n(.*?)```", re.S)


def with_solutions(notebook):
    cells = notebook.cells
    swapped = 0
    for index, cell in enumerate(cells):
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        solution = next(c for c in cells[index + 1 :] if "solution" in c.metadata.get("tags", []))
        cell.source = FENCE.search(solution.source).group(1)
        swapped += 1
    return notebook, swapped


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
    assert os.environ[STRICT_ENV] == "1"
    # Warnings are errors in lessons too: a learner should never read one.
    warnings = [
        output.text
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stderr"
    ]
    assert not warnings, f"{path.name} printed to stderr: {warnings}"
