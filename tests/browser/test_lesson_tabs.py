"""A lesson's tab handed from one test module to the next is as a fresh tab would be (issue 16).

``conftest.LessonTabs`` keeps a module's lesson tab for the next module of the same worker that
opens the same notebook: one JupyterLab load per lesson and worker instead of one per module.
What a module could leave in the tab must not reach the next one: the kernel's state (a
learner signed in, a slow disk made up by a test), kernel errors the page recorded, a window
resized; and a tab whose module failed, or that shows another notebook, is not handed on.
Without the restart, the first test sees the name left in the kernel.
"""

from __future__ import annotations

import pytest

from .conftest import LessonTabs
from .harness.scratch import VIEWPORT, write_notebook

NOTEBOOK = "lesson-tabs/handed_on.ipynb"
LEFT = "left_by_the_last_module = 'Zoé'"
NOTHING_LEFT = "assert 'left_by_the_last_module' not in globals(), 'the kernel was not restarted'"


@pytest.fixture
def tabs(chromium, lab_server, screenshots):
    write_notebook(lab_server.root / NOTEBOOK, ["1 + 1"])
    tabs = LessonTabs(chromium, lab_server, screenshots)
    yield tabs
    tabs.close()


def test_a_tab_handed_on_has_a_fresh_kernel_no_recorded_error_and_the_usual_size(tabs):
    first = tabs.take(NOTEBOOK, run=True)
    first.run_hidden(LEFT)
    first.page.evaluate("() => window.__osmosis.errors.push('ValueError: left behind')")
    first.page.set_viewport_size({"width": 1024, "height": 768})
    tabs.give_back(first, keep=True)

    second = tabs.take(NOTEBOOK, run=True)
    assert second is first, "the tab was opened again instead of handed on"
    second.run_hidden(NOTHING_LEFT)
    assert second.page.viewport_size == VIEWPORT
    assert not second.problems(), second.problems()
    tabs.give_back(second, keep=True)


def test_a_tab_whose_module_failed_is_not_handed_on(tabs):
    first = tabs.take(NOTEBOOK, run=False)
    tabs.give_back(first, keep=False)
    second = tabs.take(NOTEBOOK, run=False)
    assert second is not first
    assert first.page.is_closed()
    tabs.give_back(second, keep=True)
