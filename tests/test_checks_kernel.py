"""No verdict on stale state, proved through a real kernel (issue 11, item 14).

A learner answers in the exercise cell and presses Shift + Enter, as in
JupyterLab: each run is one execute request to an IPython kernel started in
the lessons folder. If the answer has a ``SyntaxError`` (``Niels Larson``
without quotes) the cell stops; when the check call sits in the same cell,
nothing is judged. When the check sat in a separate cell (the old layout), it
graded whatever value an earlier run had left in memory, and could say
"Correct!" about an answer the learner never managed to give.

The cells run here are read from the lesson itself, so the test follows the
lesson's layout: an exercise cell, plus the separate check cell after it if a
lesson still has one.
"""

import os
from pathlib import Path

import pytest

from conftest import ROOT, read_notebook
from kernel_sockets import start_kernel
from osmosis_lab.check import STRICT_ENV

#: starts real kernels: not part of `make test-fast`
pytestmark = pytest.mark.slow

LESSON = ROOT / "lessons" / "00_start_here.ipynb"

#: What a learner types in place of `...`, per check of lesson 00.
TYPED = {
    "youngest_tester": {
        "right": '"Niels Larson"',
        "wrong": '"Claire"',
        "right, no quotes": "Niels Larson",  # SyntaxError
        "right, one quote": '"Niels Larson',  # SyntaxError
        "wrong, no quotes": "Claire Dupont",  # SyntaxError
        "wrong, undefined name": "Claire",  # NameError
    },
    "count_the_testers": {
        "right": "9",
        "wrong": "12",
        "right, no quotes": "9 testers",  # SyntaxError
        "right, one quote": '"9',  # SyntaxError
        "wrong, no quotes": "12 testers",  # SyntaxError
        "wrong, undefined name": "twelve",  # NameError
    },
}


def setup_cell(notebook) -> str:
    return next(c.source for c in notebook.cells if "np.random.default_rng(" in c.source)


def learner_cells(notebook) -> dict[str, list[str]]:
    """Per check: the cells a learner runs to answer it, in order, as the lesson lays them out."""
    cells = notebook.cells
    found = {}
    for index, cell in enumerate(cells):
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        run = [cell.source]
        after = cells[index + 1]
        if after.cell_type == "code" and after.source.lstrip().startswith("check."):
            run.append(after.source)  # the old layout: a separate check cell
        name = "".join(run).split("check.")[1].split("(")[0]
        found[name] = run
    return found


def two_cell_layout(cells: list[str]) -> list[str]:
    """The old layout: the answer in one cell, its check call in the next."""
    *answer, check_call = "\n".join(cells).rstrip().splitlines()
    return ["\n".join(answer), check_call]


def typing(cells: list[str], typed: str) -> list[str]:
    """The learner replaces the `...` of the answer line with what they typed."""
    return [cells[0].replace("...", typed, 1), *cells[1:]]


class Kernel:
    """A python3 kernel in the lessons folder, run cell by cell as JupyterLab does."""

    def __init__(self, folder: Path):
        env = {k: v for k, v in os.environ.items() if k != STRICT_ENV}  # what learners see
        self.manager, self.client = start_kernel(  # on IPC: no TCP port to race for
            kernel_name="python3", cwd=str(folder), env=env, startup_timeout=120
        )

    def run(self, source: str) -> str:
        """Execute one cell; return everything it showed (streams, results, errors)."""
        shown = []

        def collect(message):
            content = message["content"]
            if message["msg_type"] == "stream":
                shown.append(content["text"])
            elif message["msg_type"] in ("execute_result", "display_data"):
                shown.append(content["data"].get("text/plain", ""))
                shown.append(content["data"].get("text/html", ""))
            elif message["msg_type"] == "error":
                shown.append(f"{content['ename']}: {content['evalue']}")

        self.client.execute_interactive(source, output_hook=collect, timeout=120)
        return "\n".join(shown)

    def run_all(self, cells: list[str]) -> str:
        return "\n".join(self.run(cell) for cell in cells)

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture
def kernel():
    started = Kernel(LESSON.parent)
    try:
        yield started
    finally:
        started.close()


@pytest.fixture(scope="module")
def notebook():
    return read_notebook(LESSON)


def test_lesson_00_has_the_exercises_this_test_types(notebook):
    assert set(learner_cells(notebook)) == set(TYPED)


def _scenario(kernel, notebook, layout):
    """Return, per check, what the right answer showed and what the later, failed answers showed."""
    kernel.run(setup_cell(notebook))
    shown = {}
    for name, cells in learner_cells(notebook).items():
        cells = layout(cells)
        answers = TYPED[name]
        right = kernel.run_all(typing(cells, answers["right"]))
        # Then the learner changes their mind, but their new answer never runs.
        later = [
            kernel.run_all(typing(cells, answers[how]))
            for how in ("wrong, no quotes", "wrong, undefined name", "right, one quote")
        ]
        shown[name] = (right, later)
    return shown


def test_an_answer_that_does_not_run_is_never_judged(kernel, notebook):
    for name, (right, later) in _scenario(kernel, notebook, lambda cells: cells).items():
        assert "Correct!" in right, f"{name}: the right answer must be marked correct: {right!r}"
        for output in later:
            assert "Error" in output, f"{name}: the learner sees their error: {output!r}"
            assert "Correct" not in output, f"{name}: a verdict on a stale answer: {output!r}"


def test_wrong_then_right_with_a_syntax_error_is_never_correct(kernel, notebook):
    """The issue's sequence: a wrong answer, then the right one mistyped, then the check."""
    kernel.run(setup_cell(notebook))
    for name, cells in learner_cells(notebook).items():
        answers = TYPED[name]
        wrong = kernel.run_all(typing(cells, answers["wrong"]))
        assert "Not yet" in wrong, f"{name}: {wrong!r}"
        for how in ("right, no quotes", "right, one quote"):
            output = kernel.run_all(typing(cells, answers[how]))
            assert "SyntaxError" in output and "Correct" not in output, f"{name}: {output!r}"


def test_the_old_two_cell_layout_gave_a_stale_verdict(kernel, notebook):
    """Control: the same scenario does catch the fault when the check sits in its own cell."""
    shown = _scenario(kernel, notebook, two_cell_layout)
    for name, (right, later) in shown.items():
        assert "Correct!" in right
        assert all("Correct!" in output for output in later), f"{name}: {later!r}"
