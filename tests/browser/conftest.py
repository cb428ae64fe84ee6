"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

``lesson`` is the test module's ``LESSON`` in a tab after Run All, once per module;
``fresh_lesson`` is that same tab with its kernel restarted and Run All again, for the tests
that need the page as Run All left it after others changed ``lesson`` (opening a tab costs a
JupyterLab load and a kernel start, more than a restart); ``lesson_opened`` is the module's tab
with ``LESSON`` opened, its kernel fresh and nothing run; ``lab`` is a tab per test, for it to
open a notebook in. All of them come from the worker's ``tabs``: a tab a test or module gave
back unharmed is lent to the next, its kernel restarted or another notebook opened in its loaded
JupyterLab (``Tabs``; ``tests/scheduling.py`` sends the modules of one lesson to one worker).
Without Chromium or playwright these tests skip, with the reason in the session header, except
in CI or with ``OSMOSIS_REQUIRE_BROWSER`` set: then they fail, so a CI run never passes with the
browser untested.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

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
    items[:] = _lesson_modules_in_order(items)
    # A module that saves its lesson (SAVES_THE_LESSON) takes the lesson's tab after every other
    # module of the lesson (Tabs): its tests go last, in their order.
    saves = [i for i in items if getattr(getattr(i, "module", None), "SAVES_THE_LESSON", False)]
    if saves:
        items[:] = [item for item in items if item not in saves] + saves


def _lesson_modules_in_order(items: list) -> list:
    """The browser tests of each lesson together, in the order its tab goes round (``Tabs``):
    the lesson's own module (``test_lesson_NN.py``, which runs it all), then the modules that
    drive a few of its cells (``CELLS``: those cells run again in the kernel that ran it all),
    then the tests that use it as they left it (``AFTER_THE_LESSON``, one test per lesson),
    then the others (a restart each). Every other test keeps its place."""
    first: dict[str, int] = {}
    keys = []
    for index, item in enumerate(items):
        notebook, rank = _lesson_and_rank(item)
        if notebook is None:
            keys.append((index, 0, index))
        else:
            keys.append((first.setdefault(notebook, index), rank, index))
    return [item for _, item in sorted(zip(keys, items, strict=True), key=lambda pair: pair[0])]


def _lesson_and_rank(item) -> tuple[str | None, int]:
    """The numbered lesson whose tab ``item`` takes (None: none) and its module's place in that
    tab's round: 0 the lesson's own module, 1 a module naming its ``CELLS``, 2 a test
    ``AFTER_THE_LESSON``, 3 any other (the ranks ``_lesson_modules_in_order`` sorts on)."""
    module = getattr(item, "module", None)
    if getattr(module, "AFTER_THE_LESSON", False):
        return f"lessons/{item.callspec.params['lesson']}.ipynb", 2
    notebook = getattr(module, "LESSON", None)
    if not (isinstance(notebook, str) and _NUMBERED_LESSON.match(notebook)):
        return None, 0
    own = Path(str(item.path)).name == f"test_lesson_{Path(notebook).name[:2]}.py"
    return notebook, 0 if own else 1 if getattr(module, "CELLS", None) is not None else 3


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


def _report_failure(tab, server, failed):
    if failed:
        path = tab.screenshot("failure")
        print(f"\nscreenshot of the failing page: {path}\nserver log:\n{server.log_tail(15)}")


#: A numbered lesson's path, as a module's ``LESSON`` names it (not a scratch notebook that a
#: test writes next to the lessons, such as ``lessons/_fast_enter.ipynb``).
_NUMBERED_LESSON = re.compile(r"lessons/\d\d_\w+\.ipynb$")


class Tabs:
    """This worker's JupyterLab tabs, each lent to one test or module at a time and, when it
    comes back unharmed, kept for the next (issue 16: a JupyterLab load in a new tab costs about
    3 CPU-seconds and its kernel's start about 1; opening a small notebook in a loaded
    JupyterLab about 0.6).

    A tab comes back as a fresh one would be for what the next borrower checks:
    - on the same notebook (the next module of a lesson: ``tests/scheduling.py`` sends a
      lesson's modules to one worker), its kernel restarted, and Run All again for ``lesson``;
      or, for a module that drives only a few cells (``CELLS``), those cells run again in the
      kernel that ran the lesson, if it still is that kernel;
    - on another, that notebook opened in the loaded JupyterLab (``LabPage.open``: the last
      one closed unsaved, its kernels shut down, what the page recorded of it forgotten).
    Either way the window is back at the tests' size and what the page recorded of kernel
    errors and off-site requests is emptied. A tab is not kept when a test of its borrower
    failed, a dialog is open or its page was closed; every notebook it opened must be
    byte-identical on disk when it comes back (a test run never writes outputs into a lesson).
    """

    def __init__(self, chromium, server, screenshots) -> None:
        self.chromium, self.server, self.screenshots = chromium, server, screenshots
        self._kept: dict[str, tuple[object, LabPage]] = {}  # by the notebook each shows
        self._lent: dict[int, tuple[object, dict[str, str | None]]] = {}

    def take(
        self,
        notebook: str | None = None,
        *,
        run: bool = False,
        cells: tuple[str, ...] | None = None,
    ) -> LabPage:
        """A tab showing ``notebook`` with a fresh kernel (after Run All when ``run``), or, with
        no notebook, a tab for the borrower to ``open`` one in.

        A borrower that wants Run All but drives only the explorers of a few ``cells`` (the
        texts that find them, ``LabPage.run_again``; ``()``: none, the lesson as it was left)
        is given the lesson's tab, if its kernel is still the one that ran it all, with only
        those cells run again: the rest of the lesson as the last borrower left it (issue 16:
        a restart and Run All cost some 3-4 CPU-seconds; the browser conftest runs such
        modules after their lesson's own)."""
        context, tab = self._kept.pop(notebook, None) or self._any_kept() or self._new()
        opened: dict[str, str | None] = {}
        self._lent[id(tab)] = (context, opened)
        original_open = type(tab).open

        def open_and_remember(path, **kwargs):
            opened.setdefault(Path(path).as_posix(), _digest(self.server.root / path))
            return original_open(tab, path, **kwargs)

        tab.open = open_and_remember  # every notebook the borrower opens is checked on return
        try:
            if tab.path:  # kept from an earlier borrower
                tab.page.set_viewport_size(VIEWPORT)
                tab.page.evaluate(scripts.FORGET_WHAT_WAS_SEEN)
                tab.offsite_requests.clear()
            if notebook is not None and tab.path == notebook:
                opened[notebook] = _digest(self.server.root / notebook)
                if run and cells is not None and tab.has_run_all():
                    tab.run_again(*cells)
                    run = False
                else:
                    tab.restart_kernel()
            elif notebook is not None:
                tab.open(notebook)
            if notebook is not None and run:
                tab.run_all()
        except BaseException:
            self.give_back(tab, keep=False)
            raise
        return tab

    def give_back(self, tab: LabPage, *, keep: bool) -> None:
        """Keep ``tab`` for the next borrower (or close it); check what it opened is unchanged."""
        context, opened = self._lent.pop(id(tab))
        del tab.open
        keep = keep and not tab.page.is_closed() and not tab.page.locator(".jp-Dialog").count()
        if keep and tab.path not in self._kept:
            self._kept[tab.path] = (context, tab)
        else:
            tab.close()
            context.close()
        changed = [nb for nb, digest in opened.items() if _digest(self.server.root / nb) != digest]
        assert not changed, f"the browser test changed {changed} on disk"

    @contextlib.contextmanager
    def lend(self, request, notebook: str | None = None, *, run: bool = False, cells=None):
        """``take``, for the test or module of ``request``; given back after it, kept only if
        none of its tests failed (a failing page gets a screenshot and the server's log)."""
        failed_before = request.session.testsfailed
        tab = self.take(notebook, run=run, cells=cells)
        failed = True  # unless the borrower's tests ran to the end
        try:
            yield tab
            failed = request.session.testsfailed > failed_before
            _report_failure(tab, self.server, failed)
        finally:
            self.give_back(tab, keep=not failed)

    def close(self) -> None:
        for context, tab in self._kept.values():
            tab.close()
            context.close()
        self._kept.clear()

    def _any_kept(self) -> tuple[object, LabPage] | None:
        """A kept tab that shows no numbered lesson, else any: a lesson's tab is kept for the
        lesson's next module, but a tab in hand beats a new one."""
        if not self._kept:
            return None
        spare = [path for path in self._kept if not _NUMBERED_LESSON.match(path)]
        return self._kept.pop((spare or list(self._kept))[0])

    def _new(self) -> tuple[object, LabPage]:
        return _new_tab(self.chromium, self.server, self.screenshots)


@pytest.fixture(scope="session")
def tabs(chromium, lab_server, screenshots):
    """This worker's tabs (``Tabs``), closed at the end of the session."""
    pool = Tabs(chromium, lab_server, screenshots)
    yield pool
    pool.close()


@pytest.fixture
def lab(tabs, request):
    """A JupyterLab tab (a harness.LabPage) for this test to open a notebook in: one of the
    worker's tabs, or a new one."""
    with tabs.lend(request) as tab:
        yield tab


def _module_lesson(tabs, request, fixture, *, run=True):
    notebook = getattr(request.module, "LESSON", None)
    if notebook is None:
        pytest.fail(f"{request.module.__name__} uses `{fixture}` but sets no LESSON", pytrace=False)
    cells = getattr(request.module, "CELLS", None) if run else None
    return tabs.lend(request, notebook, run=run, cells=cells)


@pytest.fixture(scope="module")
def lesson(tabs, request):
    """The module's ``LESSON`` in a tab after Run All, shared by its tests. A module that
    drives only the explorers of a few cells names them in ``CELLS`` (texts their code holds):
    it may be given the tab its lesson's own module ran, those cells run again (``Tabs.take``).
    """
    with _module_lesson(tabs, request, "lesson") as tab:
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
def lesson_opened(tabs, request):
    """The module's ``LESSON`` in a tab, its kernel fresh and no cell run: for tests that
    restart and run it themselves, sharing one tab (issue 16)."""
    with _module_lesson(tabs, request, "lesson_opened", run=False) as tab:
        yield tab


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
