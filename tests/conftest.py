"""Shared test helpers: where the repository, the lessons and the data live.

Hypothesis runs under one of three profiles, chosen here so every test module gets it:
``ci`` (derandomized, no example database: CI never passes or fails by chance) whenever
``$CI`` is set, which ``.ci/run`` does; ``dev`` (random, the default on a developer's
machine); ``fuzz`` (random and long, ``make fuzz``). ``HYPOTHESIS_PROFILE`` overrides.
"""

import atexit
import gc
import os
import sys
from pathlib import Path

import nbformat
import pytest
from hypothesis import settings

from kernel_sockets import own_kernel_folders, use_ipc_in_nbval
from layers import LayerReport
from learner_steps import clock, export_next_to_notebook, fresh_kernel  # noqa: F401 (fixtures)
from scheduling import WAITING, next_group, worker_group

# No deadline under CI: a test's time on a shared, loaded machine is chance, and CI must not
# pass or fail by chance (a deadline failed one run at load 8); limits are the engines' own.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("dev", print_blob=True)
settings.register_profile("fuzz", max_examples=2000, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


def read_notebook(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def fresh_kernel_state() -> None:
    """What a fresh kernel holds: no explorer followed, no answer control that a gate or a
    board's count follows, nobody signed in (modules never imported are left alone)."""
    newest, gate, my_work = (
        sys.modules.get(f"osmosis_lab.explorers.{name}") for name in ("newest", "gate", "my_work")
    )
    if newest is not None:
        newest._newest.clear()
        newest._followers.clear()
    if gate is not None:
        gate._NEWEST.clear()
        gate._WAITING.clear()
    if my_work is not None:
        my_work.sign_out()  # tells the controls still following, then they follow no more
        my_work._FOLLOWERS.clear()


class FreshKernelPerFile:
    """Each test file starts as a fresh kernel would (:func:`fresh_kernel_state`).

    What the explorers of one file leave in the process must not reach the next: under
    several workers a file follows other files than in one process. A review writer a file left
    alive adopted another file's new stakeholder matrix ("1 of 8 roles filled in", ci33); an
    answered Exercise 4 control a file left alive opened the count of every consent board built
    after it, and the board's own docstring example failed (ci47, three workers). Tests within
    a file keep what they share on purpose. A hook, not a module fixture: the files split
    between workers may share no fixture above a function (tests/test_scheduling.py). Registered
    as a plugin, not as a conftest hook, so that it also runs before the docstring examples in
    widgets/ (a conftest's hooks see only the tests under its folder); it runs before the
    file's own fixtures are set up.
    """

    def __init__(self) -> None:
        self.last_file: Path | None = None

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if item.path != self.last_file:
            self.last_file = item.path
            fresh_kernel_state()


@pytest.fixture
def no_explorer_followed(monkeypatch):
    """As in a fresh kernel: no explorer built before, and nobody following new ones. A review
    writer an earlier test left alive (ipywidgets keeps every widget until it is closed)
    follows each new design panel and refills it from its learner's saved design
    (``explorers.newest.follow``): a test of a panel's own behaviour must not meet it."""
    from osmosis_lab.explorers import newest

    monkeypatch.setattr(newest, "_newest", {})
    monkeypatch.setattr(newest, "_followers", {})


@pytest.fixture
def nobody_signed_in():
    """As in a fresh kernel: nobody signed in, before the test and after it (a test that signs
    in must not leave its learner's record to the next one)."""
    from osmosis_lab.explorers import my_work

    my_work.sign_out()
    yield
    my_work.sign_out()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast",
        action="store_true",
        help="run only what `make test-fast` runs (tests/layers.py: FAST_LAYERS and SMOKE)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # registered on the plugin manager, not as conftest hooks: a conftest's hooks see only the
    # tests under its folder, and the report also counts lessons/ (nbval) and widgets/ (doctests)
    fast = config.getoption("fast", default=False)
    config.pluginmanager.register(LayerReport(fast=fast, config=config), "osmosis-layers")
    config.pluginmanager.register(FreshKernelPerFile(), "osmosis-fresh-kernel-per-file")
    # nbval's kernels on Unix sockets: TCP ports picked by two workers at once can clash
    use_ipc_in_nbval()
    # and their history and connection files in folders of this process, not in $HOME
    own_kernel_folders()
    # A worker ends holding a million objects or more (every widget its tests built among them:
    # ipywidgets keeps each until it is closed), and Python's exit walked them all in its last
    # garbage collections: 4-5 CPU-seconds a worker after its last test, while the run waited
    # for it (faulthandler: no Python frame left). Frozen, they are freed without those walks
    # (issue 16). Registered here, it runs after every exit handler registered later, the
    # tests' own clean-ups among them.
    atexit.register(gc.freeze)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` (``make test``): a file's tests go to one worker (a few long files'
    tests one by one), the longest group handed out first (``tests/scheduling.py``).

    pytest-xdist 3.8 groups by renaming items (``item._nodeid``), which pytest 9.2's node ids
    ignore: its own loadgroup would send a notebook's cells to both workers.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid)

        def _assign_work_unit(self, node) -> None:
            # the longest group goes next, whoever asks: the workers end close together; but
            # not a second group that mostly waits while one runs (the cores would idle)
            scope = next_group(self.workqueue, another_waits=self._waiting_elsewhere(node))
            self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

        def _waiting_elsewhere(self, node) -> bool:
            return any(
                scope in WAITING and not all(done.values())
                for other, units in self.assigned_work.items()
                if other is not node
                for scope, done in units.items()
            )

    return GroupScheduling(config, log)


#: Test fixtures are data and helper files for other processes (the hub's test configuration,
#: a sitecustomize audit hook): never collected, not even for doctests.
collect_ignore = ["fixtures"]
