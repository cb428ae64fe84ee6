"""The browser checks bite: a canary notebook full of known faults must trip every one of them.

A check that cannot fail is a defect. The canary, written to a folder of its own that the
session's JupyterLab serves, holds: an ipywidgets slider (its handle has no accessible name: axe
"aria-input-field-name", serious), a drop-down from which JupyterLab takes a key, a chart with
vega-embed's action menu ("summary-name", serious), a chart whose renderer needs a CDN (blank
offline, and a request that leaves the machine), a warning on stderr, and a cell that raises.
The lessons' own tests then prove, by passing, that none of this happens in a lesson.
"""

from __future__ import annotations

import nbformat
import pytest

CANARY_CELLS = [
    "import ipywidgets as widgets, altair as alt, pandas as pd, warnings\n"
    "data = pd.DataFrame({'x': list('abc'), 'y': [1, 3, 2]})",
    # an unlabelled slider handle, and a keyboard path that works
    "level = widgets.IntSlider(value=1, min=0, max=3, description='Level')\n"
    "said = widgets.HTML('<p>Level 1</p>')\n"
    "level.observe(lambda c: setattr(said, 'value', f\"<p>Level {c['new']}</p>\"), 'value')\n"
    "widgets.VBox([level, said])",
    # JupyterLab's command palette takes Ctrl+Shift+C from it; Alt+ArrowDown, ArrowDown, Enter works
    "widgets.Dropdown(options=['first', 'second'], description='Pick')",
    # drawn offline by JupyterLab, but with the unnamed action menu
    "alt.renderers.enable('mimetype')\n"
    "alt.Chart(data).mark_bar().encode(x='x', y='y').properties(description='Three bars')",
    # the html renderer loads vega from a CDN: blank with no network
    "alt.renderers.enable('html')\nalt.Chart(data).mark_point().encode(x='x', y='y')",
    "warnings.warn('a warning box on the learner screen')",
    "raise ValueError('the canary cell fails')",
]


@pytest.fixture(scope="module")
def canary(tabs, request, lab_server):
    # a folder of the session's JupyterLab (one server per session, issue 16): its own kernel
    root = lab_server.root / "canary"
    root.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in CANARY_CELLS]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nbformat.write(notebook, root / "canary.ipynb")
    with tabs.lend(request, "canary/canary.ipynb", run=True) as tab:
        yield tab


def test_problems_are_reported(canary):
    problems = "\n".join(canary.problems())
    assert "error ValueError: the canary cell fails" in problems
    assert "stderr" in problems and "a warning box on the learner screen" in problems
    assert "request to a non-local address" in problems  # the CDN, refused offline
    with pytest.raises(AssertionError, match="problem"):
        canary.assert_no_errors()


def test_blank_charts_are_reported(canary):
    charts = canary.charts(timeout=3)
    assert [c["label"] for c in charts if c["drawn"]] == ["Three bars"]
    assert canary.assert_charts_drawn(min_count=1) == 1  # the CDN chart never became one
    with pytest.raises(AssertionError, match="at least 2"):
        canary.assert_charts_drawn(min_count=2)


def test_axe_reports_the_unnamed_slider_and_the_menu(canary):
    report = canary.axe_audit()
    failing = {v["id"] for v in report.failing}
    assert {"aria-input-field-name", "summary-name"} <= failing, report.describe()
    with pytest.raises(AssertionError, match="aria-input-field-name"):
        canary.assert_accessible()


def test_a_slider_still_works_from_the_keyboard(canary):
    level = canary.control("Level")  # found by its visible label: the handle has no name
    assert level.role == "slider" and level.value() == "1"
    level.press("ArrowRight")
    assert level.value() == "2" and "Level 2" in level.readout()
    assert level.latency_ms("ArrowRight") > 0


def test_keys_jupyterlab_takes_are_reported(canary):
    pick = canary.control("Pick")
    assert pick.role == "combobox"
    # The lab's notebook shortcuts no longer take keys from a widget (deploy/labconfig), but its
    # global ones do: the command palette opens and takes the focus, and the harness says so.
    with pytest.raises(AssertionError, match="moved the focus"):
        pick.press("ControlOrMeta+Shift+C")
    canary.page.keyboard.press("Escape")
    assert pick.value() == "first"
    pick.choose_next()  # the path that works: open the list first
    assert pick.value() == "second"
