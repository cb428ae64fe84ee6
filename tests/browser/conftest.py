"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

``lesson`` is the test module's ``LESSON`` in a tab after Run All, once per module;
``fresh_lesson`` is that same tab with its kernel restarted and Run All again, for the tests
that need the page as Run All left it after others changed ``lesson`` (opening a tab costs a
JupyterLab load and a kernel start, more than a restart); ``lesson_opened`` is the module's tab
with ``LESSON`` opened, its kernel fresh and nothing run; ``lab`` is a fresh tab per test. A
module's lesson tab is handed on to the next module of the same worker that opens the same
notebook, its kernel restarted (``LessonTabs``; ``tests/scheduling.py`` sends the modules of
one lesson to one worker). Without Chromium or
playwright these tests skip, with the reason in the session header, except in CI or with
``OSMOSIS_REQUIRE_BROWSER`` set: then they fail, so a CI run never passes with the browser
untested.
"""

from __future__ import annotations

import contextlib
import hashlib

import pytest

from .harness import (
    LabPage,
    LabServer,
    browser_required,
    browser_unavailable_reason,
    launch_chromium,
    scripts,
)
from .harness.env import REPO
from .harness.scratch import VIEWPORT
from .harness.watch import LearnerFileWatch
from .harness.workspace import copy_lessons, learner_files, new_learner_files


def pytest_report_header(config):
    reason = browser_unavailable_reason()
    if reason is None:
        return "browser tests: headless Chromium through playwright"
    verdict = "FAIL (CI or OSMOSIS_REQUIRE_BROWSER is set)" if browser_required() else "skipped"
    return f"browser tests: {verdict}: {reason}"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
    # A module that saves its lesson (SAVES_THE_LESSON) takes the lesson's tab after every other
    # module of the lesson, and closes it (LessonTabs): its tests go last, in their order.
    saves = [i for i in items if getattr(getattr(i, "module", None), "SAVES_THE_LESSON", False)]
    if saves:
        items[:] = [item for item in items if item not in saves] + saves


@pytest.fixture(scope="session")
def browser_ready():
    """Skip (or, where required, fail) when the browser tests cannot run here."""
    reason = browser_unavailable_reason()
    if reason is not None:
        if browser_required():
            pytest.fail(f"browser tests are required here but cannot run: {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module", autouse=True)
def repository_lessons_untouched():
    """Fail the module if it wrote a learner's file (record, review, export, poll token, summary)
    into the repository's ``lessons/``: every test's JupyterLab serves a copy
    (``harness.workspace.copy_lessons``), and this says so if one does not.

    Exactly the learner files: the other pytest-xdist worker runs lessons in place (nbval, the
    kernels layer), so a folder's mtime would blame it on this module (``harness.watch``)."""
    lessons = REPO / "lessons"
    before = _files_only(learner_files(lessons))
    with LearnerFileWatch(lessons) as watch:
        yield
    snapshot = new_learner_files(before, _files_only(learner_files(lessons)))
    written = sorted(set(snapshot) | {f"lessons/{name}" for name in watch.written()})
    assert not written, (
        f"a browser test wrote learner files into the repository: {written}; serve a copy of "
        "the lessons (harness.workspace.copy_lessons) instead"
    )


def _files_only(snapshot: dict) -> dict:
    return {path: stat for path, stat in snapshot.items() if not path.is_dir()}


@pytest.fixture(scope="session")
def lab_server(browser_ready, tmp_path_factory):
    """``jupyter lab`` serving a temporary copy of the lessons (so a sign-in, a review or an
    export lands there), all its state in a temporary folder."""
    root = copy_lessons(tmp_path_factory.mktemp("served"))
    with LabServer(root, tmp_path_factory.mktemp("jupyter-home")) as server:
        yield server


@pytest.fixture(scope="session")
def chromium(browser_ready):
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    """Where screenshots go; a failing test prints the path of its own."""
    return tmp_path_factory.mktemp("screenshots")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _new_tab(chromium, server, screenshots) -> tuple[object, LabPage]:
    """A browser context of its own (no cookies or storage shared) and a JupyterLab tab in it."""
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, LabPage(page, server, screenshots)


@contextlib.contextmanager
def _tab(chromium, server, screenshots):
    """A fresh tab; afterwards its kernels are shut down and the opened notebook must be
    byte-identical (a test run never writes outputs back into a lesson)."""
    context, tab = _new_tab(chromium, server, screenshots)
    opened = {}
    original_open = tab.open

    def open_and_remember(notebook, **kwargs):
        opened[notebook] = _digest(server.root / notebook)
        return original_open(notebook, **kwargs)

    tab.open = open_and_remember
    try:
        yield tab
    finally:
        tab.close()
        context.close()
    changed = [nb for nb, digest in opened.items() if _digest(server.root / nb) != digest]
    assert not changed, f"the browser test changed {changed} on disk"


def _report_failure(tab, server, failed):
    if failed:
        path = tab.screenshot("failure")
        print(f"\nscreenshot of the failing page: {path}\nserver log:\n{server.log_tail(15)}")


@pytest.fixture
def lab(chromium, lab_server, screenshots, request):
    """A fresh JupyterLab tab (a harness.LabPage) for this test."""
    with _tab(chromium, lab_server, screenshots) as tab:
        yield tab
        _report_failure(
            tab,
            lab_server,
            getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed,
        )


class LessonTabs:
    """Each notebook's tab, kept when a module is done with it for the next module of this
    worker that opens the same notebook (issue 16: opening a tab costs a JupyterLab load, about
    4 CPU-seconds; a kernel restart about 1).

    The tab handed on is as a fresh one would be for what a module checks: its kernel
    restarted (and Run All again, for ``lesson``), the window at the tests' size, what the page
    recorded of kernel errors and requests emptied. A tab is not kept when a test of its module
    failed, a dialog is open, or it shows another notebook; the notebook on disk must be
    byte-identical when each module is done (a test run never writes outputs into a lesson).
    """

    def __init__(self, chromium, server, screenshots) -> None:
        self.chromium, self.server, self.screenshots = chromium, server, screenshots
        self._kept: dict[str, tuple[object, LabPage]] = {}
        self._lent: dict[int, tuple[object, str, str | None]] = {}

    def take(self, notebook: str, *, run: bool) -> LabPage:
        """A tab showing ``notebook``, its kernel fresh, after Run All when ``run``."""
        if notebook in self._kept:
            context, tab = self._kept.pop(notebook)
        else:
            context, tab = _new_tab(self.chromium, self.server, self.screenshots)
        try:
            if tab.path == notebook:  # handed on
                tab.page.set_viewport_size(VIEWPORT)
                tab.page.evaluate(scripts.FORGET_WHAT_WAS_SEEN)
                tab.offsite_requests.clear()
                tab.restart_kernel()
            else:
                tab.open(notebook)
            if run:
                tab.run_all()
        except BaseException:
            tab.close()
            context.close()
            raise
        self._lent[id(tab)] = (context, notebook, _digest(self.server.root / notebook))
        return tab

    def give_back(self, tab: LabPage, *, keep: bool) -> None:
        """Keep ``tab`` for the next module (or close it); check its notebook is unchanged."""
        context, notebook, digest = self._lent.pop(id(tab))
        keep = (
            keep
            and tab.path == notebook
            and not tab.page.is_closed()
            and not tab.page.locator(".jp-Dialog").count()
        )
        if keep and notebook not in self._kept:
            self._kept[notebook] = (context, tab)
        else:
            tab.close()
            context.close()
        assert _digest(self.server.root / notebook) == digest, (
            f"the browser test changed {notebook} on disk"
        )

    def close(self) -> None:
        for context, tab in self._kept.values():
            tab.close()
            context.close()
        self._kept.clear()


@pytest.fixture(scope="session")
def lesson_tabs(chromium, lab_server, screenshots):
    """This worker's lesson tabs (``LessonTabs``), closed at the end of the session."""
    tabs = LessonTabs(chromium, lab_server, screenshots)
    yield tabs
    tabs.close()


@contextlib.contextmanager
def _module_lesson(lesson_tabs, request, fixture, *, run=True):
    notebook = getattr(request.module, "LESSON", None)
    if notebook is None:
        pytest.fail(f"{request.module.__name__} uses `{fixture}` but sets no LESSON", pytrace=False)
    failed_before = request.session.testsfailed
    tab = lesson_tabs.take(notebook, run=run)
    failed = True  # unless the module's tests ran to the end
    try:
        yield tab
        failed = request.session.testsfailed > failed_before
        _report_failure(tab, lesson_tabs.server, failed)
    finally:
        lesson_tabs.give_back(tab, keep=not failed)


@pytest.fixture(scope="module")
def lesson(lesson_tabs, request):
    """The module's ``LESSON`` in a tab after Run All, shared by its tests."""
    with _module_lesson(lesson_tabs, request, "lesson") as tab:
        yield tab


@pytest.fixture(scope="module")
def fresh_lesson(lesson):
    """The module's ``lesson`` tab, its kernel restarted and Run All again: the page as Run All
    left it, shared by the module's tests that need it so (those that only read it first, then
    one that changes it). It is the same tab, so the module's tests that take ``lesson`` go
    first, as they do in file order (issue 16: a restart costs less than a second tab's
    JupyterLab load and kernel start)."""
    return lesson.restart_and_run_all()


@pytest.fixture(scope="module")
def lesson_opened(lesson_tabs, request):
    """The module's ``LESSON`` in a tab, its kernel fresh and no cell run: for tests that
    restart and run it themselves, sharing one tab (issue 16)."""
    with _module_lesson(lesson_tabs, request, "lesson_opened", run=False) as tab:
        yield tab


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
