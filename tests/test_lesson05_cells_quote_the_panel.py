"""A cell of lesson 05 that quotes a design's figure says what the design panel shows for it.

w60 read "With Billie, and a safe mode: 17 of 391 harmed" in §3's cell and "7 of 391" in the
panel above, the same design ticked: the cell drew its own simulation from the lesson's random
numbers, the panel from its own seed, and the outage figure moves with the draw. The lesson runs
here in a kernel up to that cell; then the panel is set to each design the cell quoted and its
figure must be the one the cell printed.
"""

import pytest

from conftest import ROOT, read_notebook
from kernel_sockets import run_notebook

#: runs a lesson in a kernel: not part of `make test-fast`
pytestmark = pytest.mark.slow

LESSON = ROOT / "lessons" / "05_design_review.ipynb"
#: Sets the panel to each design the outage cell quoted, in its order, and compares.
COMPARE = """
for _design, _line in zip(
    (replace(AS_PLANNED, human_contact=True), replace(AS_PLANNED, human_contact=True, fallback=True)),
    lines, strict=True,
):
    panel.set_design(_design)
    _shown = f"{panel.figures.trust.harmed} of {panel.figures.trust.users} harmed"
    assert _line.endswith(": " + _shown), f"the cell says {_line!r}, the panel {_shown!r}"
"""


def test_the_outage_cell_quotes_the_figures_the_panel_shows():
    notebook = read_notebook(LESSON)
    cells = notebook.cells
    last = max(i for i, c in enumerate(cells) if "With Billie, {safe_mode}" in c.source)
    notebook.cells = [*cells[: last + 1], cells[last].copy()]
    notebook.cells[-1].source = COMPARE
    run_notebook(notebook, LESSON.parent)  # a CellExecutionError says what each of them said
