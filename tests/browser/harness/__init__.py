"""Drive JupyterLab in headless Chromium the way a learner meets a lesson.

One :class:`LabServer` (``jupyter lab`` from this virtualenv on a free loopback port, every
Jupyter directory in a temporary folder) serves a temporary copy of the lessons
(:func:`workspace.copy_lessons`: what a learner's walk writes lands there, and conftest fails a
module that writes into the repository's ``lessons/``); one Chromium (Debian's
``/usr/bin/chromium`` through Python playwright) opens it; a :class:`LabPage` opens a notebook,
runs it, checks what the learner sees and operates :class:`Control` s from the keyboard.

A lesson's browser test is a few lines (the ``lesson`` fixture opens ``LESSON`` and runs all
cells once per module; ``lab`` is a fresh tab for tests that open notebooks themselves)::

    LESSON = "lessons/00_start_here.ipynb"

    def test_runs_clean(lesson):
        lesson.assert_no_errors()
        lesson.assert_charts_drawn(min_count=1)

    def test_picker(lesson):
        picker = lesson.control("Beta tester")      # by accessible name
        picker.choose_next()                        # a radio group: ArrowRight chooses
        assert "Ana Stern" in picker.readout()      # what the explorer now says

    def test_accessible(lesson):
        lesson.assert_accessible()                  # axe-core, outputs only

Keyboard paths that work in JupyterLab 4.6 (checked here): slider ArrowLeft/Right, Home/End,
PageUp/Down (``press``); checkbox and toggle button Space (``flip``); button Enter
(``activate``); drop-down Alt+ArrowDown, arrows, Enter; a radio group (``controls.ToggleButtons``,
role "radiogroup") ArrowRight/Left, which move and choose; ipywidgets' own ToggleButtons Tab or
Shift+Tab, then Space (all ``choose_next``/``choose``); text and number boxes typing + Enter (``type``), number
boxes ArrowUp/Down. A closed drop-down, a list box (``Select``/``SelectMultiple``) and radio
buttons (ipywidgets' ``RadioButtons``) lose their arrow keys to the notebook's command-mode shortcuts: ``press`` fails when
the focus leaves the control.

:meth:`LabPage.exercise_every_control` operates every control of every explorer once that way
(:meth:`Control.operate`) and reports whether what the explorer says changed.

Nothing here touches the network: Chromium resolves every host name except loopback to "not
found", and :meth:`LabPage.problems` reports any request that left 127.0.0.1. CI also runs the
whole suite inside ``unshare -n``.
"""

from .control import Control, plain
from .env import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    axe_script_path,
    browser_required,
    browser_unavailable_reason,
    launch_chromium,
)
from .page import BROKEN_OUTPUT_MARKERS, FAILING_IMPACTS, AxeReport, LabPage
from .server import LAB_SETTINGS, LabServer, free_port

__all__ = [
    "BROKEN_OUTPUT_MARKERS",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "FAILING_IMPACTS",
    "LAB_SETTINGS",
    "REPO",
    "AxeReport",
    "Control",
    "LabPage",
    "LabServer",
    "axe_script_path",
    "browser_required",
    "browser_unavailable_reason",
    "free_port",
    "launch_chromium",
    "plain",
]
