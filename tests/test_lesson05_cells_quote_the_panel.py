"""A cell of lesson 05 that quotes a design's figures says what the design panel shows for it.

w60 read "With Billie, and a safe mode: 17 of 391 harmed" in §3's cell and "7 of 391" in the
panel above, the same design ticked; w61 read Exercise 4's table, "differential privacy
(epsilon = 1)": a count 0.1 off, and the panel set to that design: 1.1 off. Each cell drew its
own simulation from the lesson's random numbers, the panel from its own seed, and the noisy
figures move with the draw. The lesson runs here in one kernel up to the last cell that quotes
designs; then the panel is set to each design a cell quoted, and its figures must be the ones the
cell shows: Exercise 4's table row by row, the proposing sides' ranks, the outage lines and the
two objectives' printed sentences.
"""

import pytest

from conftest import ROOT, read_notebook
from kernel_sockets import run_notebook

#: runs a lesson in a kernel: not part of `make test-fast`
pytestmark = pytest.mark.slow

LESSON = ROOT / "lessons" / "05_design_review.ipynb"

#: Sets the panel to each design the cells quoted and compares; prints the objectives' sentences
#: as the panel's figures say them, for the test to compare with what their cell printed.
COMPARE = """
from osmosis_lab.review.design import with_change

for _label, _row in words.iterrows():  # Exercise 4's table, in the panel's words
    panel.set_design(AS_PLANNED if _label == "as planned" else with_change(AS_PLANNED, _label))
    _shown = panel.figures.table().set_index("key")["shown"]
    for _key, _said in _row.items():
        assert _said == _shown[_key], f"{_label}, {_key}: the table says {_said!r}, the panel {_shown[_key]!r}"

for _side, _rank in ranks.items():  # the proposing sides
    panel.set_design(replace(AS_PLANNED, proposers=_side.split()[0]))
    _matching = panel.figures.matching
    assert _rank == {"testers' average partner rank": _matching.tester_rank,
                     "candidates' average partner rank": _matching.candidate_rank}, (_side, _rank)

for _design, _line in zip(  # the outage lines
    (replace(AS_PLANNED, human_contact=True), replace(AS_PLANNED, human_contact=True, fallback=True)),
    lines, strict=True,
):
    panel.set_design(_design)
    _shown = f"{panel.figures.trust.harmed} of {panel.figures.trust.users} harmed"
    assert _line.endswith(": " + _shown), f"the cell says {_line!r}, the panel {_shown!r}"

for objective in ("attraction", "wellbeing"):  # the objectives, as their cell prints them
    panel.set_design(replace(AS_PLANNED, objective=objective))
    trust = panel.figures.trust
    print(
        f"optimising {objective}: {trust.share_ending_badly:.0%} of matches expected to end "
        f"badly; calibration error {trust.calibration_error:.2f}"
    )
"""


def _printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")


def test_every_cell_that_quotes_a_design_quotes_the_figures_the_panel_shows():
    notebook = read_notebook(LESSON)
    cells = notebook.cells
    objectives = next(
        i for i, c in enumerate(cells) if 'for objective in ("attraction"' in c.source
    )
    for quoting in ("compare_changes_with_words(", "ranks = {}", "With Billie, {safe_mode}"):
        assert any(quoting in c.source for c in cells[:objectives]), f"no cell runs {quoting!r}"
    notebook.cells = [*cells[: objectives + 1], cells[objectives].copy()]
    notebook.cells[-1].source = COMPARE
    run_notebook(notebook, LESSON.parent)  # a CellExecutionError says what each of them said
    printed = _printed(notebook.cells[objectives])
    assert printed.count("optimising") == 2, printed
    assert printed == _printed(notebook.cells[-1]), "the objectives' cell and the panel differ"
