"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

``lesson`` opens the test module's ``LESSON`` in a fresh tab and runs all its cells, once per
module; ``fresh_lesson`` is that same tab with its kernel restarted and Run All again, for the
tests that need the page as Run All left it after others changed ``lesson`` (opening a tab
costs a JupyterLab load and a kernel start, more than a restart); ``lesson_opened`` is the
module's tab with ``LESSON`` opened and nothing run; ``lab`` is a fresh tab per test. Without Chromium or
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
)
from .harness.env import REPO
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


@contextlib.contextmanager
def _tab(chromium, server, screenshots):
    """A fresh tab; afterwards its kernels are shut down and the opened notebook must be
    byte-identical (a test run never writes outputs back into a lesson)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    tab = LabPage(page, server, screenshots)
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


@contextlib.contextmanager
def _module_lesson(chromium, lab_server, screenshots, request, fixture, *, run=True):
    notebook = getattr(request.module, "LESSON", None)
    if notebook is None:
        pytest.fail(f"{request.module.__name__} uses `{fixture}` but sets no LESSON", pytrace=False)
    with _tab(chromium, lab_server, screenshots) as tab:
        tab.open(notebook)
        if run:
            tab.run_all()
        yield tab
        _report_failure(tab, lab_server, request.session.testsfailed > 0)


@pytest.fixture(scope="module")
def lesson(chromium, lab_server, screenshots, request):
    """The module's ``LESSON`` opened in a fresh tab after Run All, shared by its tests."""
    with _module_lesson(chromium, lab_server, screenshots, request, "lesson") as tab:
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
def lesson_opened(chromium, lab_server, screenshots, request):
    """The module's ``LESSON`` opened in a fresh tab, its kernel ready and no cell run: for
    tests that restart and run it themselves, sharing one tab (issue 16)."""
    with _module_lesson(
        chromium, lab_server, screenshots, request, "lesson_opened", run=False
    ) as tab:
        yield tab


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
