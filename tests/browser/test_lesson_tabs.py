"""A tab lent from one test or module to the next is as a fresh tab would be (issue 16).

``conftest.Tabs`` keeps a tab given back unharmed for the next borrower on the same worker: on
the same notebook (the next module of a lesson) its kernel is restarted; on another, that
notebook is opened in the JupyterLab already loaded. One JupyterLab load per worker, more or
less, instead of one per module. What a borrower could leave in the tab must not reach the
next one: the kernel's state (a learner signed in, a slow disk made up by a test), kernel
errors or spoken text the page recorded, a window resized, the last notebook and its kernel;
and a tab whose borrower failed is not lent again. Without the restart, the first test sees the
name left in the kernel; without the switch, the second opens a new tab (or reloads the page).
A module that drives only a few cells of its lesson (``CELLS``) is lent the tab its lesson's
module ran, with just those cells run again, unless the kernel was restarted since; without
that, the third test sees the setup cell run twice and the kernel's state gone.
"""

from __future__ import annotations

import pytest

from .conftest import Tabs
from .harness.scratch import VIEWPORT, write_notebook

NOTEBOOK = "lesson-tabs/handed_on.ipynb"
OTHER = "lesson-tabs/other.ipynb"
#: A lesson in small: a setup cell, then an "explorer" cell; each counts its runs in the kernel.
SMALL_LESSON = "lesson-tabs/small_lesson.ipynb"
SETUP = "setups = globals().get('setups', 0) + 1"
EXPLORER = "explorers = globals().get('explorers', 0) + 1  # the explorer, built"
LEFT = "left_by_the_last_module = 'Zoé'"
NOTHING_LEFT = "assert 'left_by_the_last_module' not in globals(), 'the kernel was not restarted'"
#: Set in the page by the first borrower: a reload would lose it, a switch keeps it.
MARK = "() => { window.loadedOnce = true; }"
SESSIONS = "async () => (await window.jupyterapp.serviceManager.sessions.refreshRunning(), "
SESSIONS += "Array.from(window.jupyterapp.serviceManager.sessions.running()).map(s => s.path))"


@pytest.fixture(scope="module")
def pool(chromium, lab_server, screenshots):
    """A pool of this module's own (each test holds whatever tab it takes; what an earlier test
    left kept in it is lent as the tests expect, whatever their order)."""
    write_notebook(lab_server.root / NOTEBOOK, ["1 + 1"])
    write_notebook(lab_server.root / OTHER, ["2 + 2"])
    write_notebook(lab_server.root / SMALL_LESSON, [SETUP, EXPLORER])
    pool = Tabs(chromium, lab_server, screenshots)
    yield pool
    pool.close()


def test_a_tab_handed_on_has_a_fresh_kernel_no_recorded_error_and_the_usual_size(pool):
    first = pool.take(NOTEBOOK, run=True)
    first.run_hidden(LEFT)
    first.page.evaluate("() => window.__osmosis.errors.push('ValueError: left behind')")
    first.page.set_viewport_size({"width": 1024, "height": 768})
    pool.give_back(first, keep=True)

    second = pool.take(NOTEBOOK, run=True)
    assert second is first, "the tab was opened again instead of handed on"
    second.run_hidden(NOTHING_LEFT)
    assert second.page.viewport_size == VIEWPORT
    assert not second.problems(), second.problems()
    pool.give_back(second, keep=True)


def test_a_tab_lent_for_another_notebook_shows_only_it_in_the_same_jupyterlab(pool):
    first = pool.take(NOTEBOOK, run=True)  # Run All: the notebook is changed, never saved
    first.page.evaluate(MARK)
    first.page.evaluate("() => { window.__osmosisSpoken = ['Signed in as Zoé']; }")
    first.page.set_viewport_size({"width": 1024, "height": 768})
    pool.give_back(first, keep=True)

    second = pool.take(OTHER, run=True)
    assert second is first, "a new tab was opened instead of lending the one in hand"
    assert second.page.evaluate("() => window.loadedOnce === true"), "the page was loaded again"
    assert second.page.evaluate("() => window.__osmosisSpoken === undefined")
    assert second.page.viewport_size == VIEWPORT
    assert second.call(SESSIONS, step="the running kernels") == [OTHER]
    shown = second.page.evaluate(
        "() => Array.from(window.jupyterapp.shell.widgets('main')).map(w => w.title.label)"
    )
    assert shown == ["other.ipynb"], shown
    assert "4" in second.output_text("4")
    pool.give_back(second, keep=True)  # and neither notebook was saved (give_back checks it)


def test_a_module_naming_its_cells_gets_them_run_again_in_the_kernel_that_ran_all(pool):
    first = pool.take(SMALL_LESSON, run=True)
    first.run_hidden(LEFT)  # what the lesson's own module left in its kernel
    pool.give_back(first, keep=True)

    second = pool.take(SMALL_LESSON, run=True, cells=("# the explorer",))
    assert second is first
    # no restart and no Run All: only the explorer cell ran again
    second.run_hidden("assert (setups, explorers, left_by_the_last_module) == (1, 2, 'Zoé')")
    second.restart_kernel()  # as a module may, from the menu or not: the lesson must run again
    pool.give_back(second, keep=True)

    third = pool.take(SMALL_LESSON, run=True, cells=("# the explorer",))
    third.run_hidden(NOTHING_LEFT)
    third.run_hidden("assert (setups, explorers) == (1, 1)")
    pool.give_back(third, keep=True)


def test_a_tab_whose_module_failed_is_not_handed_on(pool):
    first = pool.take(NOTEBOOK, run=False)
    pool.give_back(first, keep=False)
    second = pool.take(NOTEBOOK, run=False)
    assert second is not first
    assert first.page.is_closed()
    pool.give_back(second, keep=True)
