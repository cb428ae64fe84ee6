"""The test layers: which layer a test belongs to, its time budget, and its floors (issue 16).

A layer's **budget** is the seconds its tests may take (pytest's own durations, setup to
teardown) in one full ``make test`` on the project's 2-core machine, load average under 1.
After every run the terminal summary prints each layer's time against its budget: a report,
not a timed assertion, because a shared machine is noisy. A **floor** is the least a test
may do per check (hypothesis examples per property, actions per random sequence), so that a
layer comes within budget by getting faster, not by testing less. ``tests/test_layers.py``
fails when a test goes below its floor, and when the README's table disagrees with this one.

Examples
--------
>>> layer_of("lessons/02_consent.ipynb::Cell 3")
'nbval'
>>> layer_of("tests/test_sequences.py::test_random_sequences_break_nothing[Board-0]")
'explorers'
>>> layer_of("tests/test_robustness.py::test_run_all_twice[00]", markers={"slow"})
'kernels'
>>> layer_of("widgets/osmosis_lab/matching/deferred.py::deferred_acceptance", doctest=True)
'doctest'
>>> layer_of("tests/test_matching_deferred.py::test_result_is_stable")
'unit'
>>> example_floor("tests/test_matching_lattice.py"), example_floor("tests/test_review.py")
(40, 10)
>>> in_fast_run("tests/test_matching_deferred.py::test_result_is_stable", "unit")
True
>>> in_fast_run("tests/test_sequences.py::test_random_sequences_break_nothing[Board-0]", "explorers")
True
>>> in_fast_run("tests/test_sequences.py::test_random_sequences_break_nothing[Board-1]", "explorers")
False
>>> in_fast_run("tests/test_hub.py::test_a_class_of_isolated_learners", "hub", markers={"slow"})
False
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fnmatch import fnmatch


@dataclass(frozen=True)
class Layer:
    name: str
    budget: float  # seconds, in one full run
    what: str
    files: tuple[str, ...] = ()  # fnmatch patterns of node paths; some layers are found otherwise


#: In the order a test is assigned: the first layer that claims it (so a test marked slow in
#: an explorers file starts kernels and counts there). The budgets add up to the issue's
#: target for the whole suite, 300 s (5 minutes).
LAYERS = (
    Layer("browser", 95, "JupyterLab in headless Chromium", ("tests/browser/*",)),
    Layer("nbval", 35, "every lesson top to bottom in a fresh kernel", ("*.ipynb",)),
    Layer("doctest", 8, "every docstring example (found by kind, not by path)"),
    Layer("hub", 20, "the school server with three learners", ("tests/test_hub.py",)),
    Layer("solutions", 30, "every solution swapped into its lesson", ("tests/test_solutions.py",)),
    Layer(
        "kernels", 40, "other kernels and servers: Run All twice, the site, checks (marked slow)"
    ),
    Layer(
        "fuzz",
        20,
        "junk into every engine function; the limits it found",
        ("tests/test_fuzz_engines.py", "tests/test_engine_limits.py"),
    ),
    Layer(
        "explorers",
        25,
        "explorers and answer controls driven headless, random sequences",
        (
            "tests/test_sequences.py",
            "tests/test_explorer*.py",
            "tests/test_answer_controls.py",
            "tests/test_answer_sequences.py",
            "tests/test_answer_ranges.py",
            "tests/test_robustness.py",
            "tests/test_lesson02_*.py",
            "tests/test_my_work.py",
            "tests/test_records_review_writer.py",
            "tests/test_sentences_*.py",
            "tests/test_gate.py",
            "tests/test_text_boxes.py",
            "tests/test_judge_first_record.py",
        ),
    ),
    Layer(
        "lint",
        7,
        "lesson lint, import contracts, generated exercises, guards",
        (
            "tests/test_lesson_lint.py",
            "tests/test_layering.py",
            "tests/test_layers.py",
            "tests/test_exercise_source.py",
            "tests/test_matching_guard.py",
            "tests/test_matching_purity.py",
            "tests/test_records_layer.py",
            "tests/test_teacher_guide.py",
            "tests/test_hints.py",
            "tests/test_lesson_reflections.py",
            "tests/test_module_length.py",
        ),
    ),
    Layer(
        "deployment",
        5,
        "the lock, make, Binder, the image, the lab settings",
        (
            "tests/test_environment.py",
            "tests/test_binder.py",
            "tests/test_image.py",
            "tests/test_lab_settings.py",
        ),
    ),
    Layer("unit", 15, "engines, data, checks, records, review: unit and property tests"),
)
BY_NAME = {layer.name: layer for layer in LAYERS}

#: Hypothesis examples per property test (under the ci profile), by the test's file: the
#: first pattern that matches. The engines' guarantees get the most.
EXAMPLE_FLOORS = (
    ("tests/test_fuzz_engines.py", 50),
    ("tests/test_matching_*.py", 40),
    ("tests/test_consent_*.py", 40),
    ("tests/test_privacy_*.py", 40),
    ("tests/test_trust_*.py", 40),
    ("tests/*", 10),
)
#: Actions per random sequence (``sequences.run_sequence``), and seeds per explorer.
SEQUENCE_STEPS_FLOOR = 30
SEQUENCE_SEEDS_FLOOR = 2

#: What ``make test-fast`` (``pytest --fast``) keeps: the edit-run loop needs the engines'
#: unit and property tests, the docstring examples, the lint layer and the deployment files
#: read without starting anything (the hub's shipped configuration included), never a test
#: marked slow (kernels, servers)...
FAST_LAYERS = frozenset({"unit", "doctest", "lint", "deployment", "hub"})
#: ...plus a quick smoke test of the explorers: each explorer through its first seeded random
#: sequence (fnmatch patterns of node ids). ``make test`` runs everything else: the other
#: seeds, the sweeps, the models, fuzzing, nbval, the solutions, the kernels, the browser.
SMOKE = (
    "tests/test_sequences.py::test_every_explorer_is_driven",
    "tests/test_sequences.py::test_random_sequences_break_nothing[[]*-0[]]",
)


def layer_of(nodeid: str, markers: set[str] = frozenset(), *, doctest: bool = False) -> str:
    """The name of the layer a test belongs to, from its node id, marker names and kind."""
    path = nodeid.split("::")[0]
    for layer in LAYERS:
        if any(fnmatch(path, pattern) for pattern in layer.files):
            return layer.name
        if layer.name == "browser" and "browser" in markers:
            return "browser"
        if layer.name == "doctest" and doctest:
            return "doctest"
        if layer.name == "kernels" and "slow" in markers:
            return "kernels"
    return "unit"


def in_fast_run(nodeid: str, layer: str, markers: set[str] = frozenset()) -> bool:
    """Whether ``make test-fast`` runs the test ``nodeid`` of ``layer`` (see ``FAST_LAYERS``)."""
    if "slow" in markers:
        return False
    return layer in FAST_LAYERS or any(fnmatch(nodeid, pattern) for pattern in SMOKE)


#: The ``user_properties`` key under which each test's report carries its layer: under
#: pytest-xdist the controller, which prints the report, never sees the items, only reports.
LAYER_PROPERTY = "osmosis_layer"


def example_floor(path: str) -> int:
    """The least number of hypothesis examples a property test in ``path`` may run."""
    return next(floor for pattern, floor in EXAMPLE_FLOORS if fnmatch(path, pattern))


class LayerReport:
    """A pytest plugin: sums each test's durations into its layer and prints them.

    With ``fast=True`` (``pytest --fast``) it also deselects what ``make test-fast`` leaves out.
    Under pytest-xdist each worker collects, so each item's layer is computed where the item
    is and travels to the controller in its reports' ``user_properties``.
    """

    def __init__(self, *, fast: bool = False, config=None) -> None:
        self.fast, self.config = fast, config
        self.seconds: dict[str, float] = defaultdict(float)
        self.tests: dict[str, set[str]] = defaultdict(set)

    def pytest_collection_modifyitems(self, items) -> None:
        from _pytest.doctest import DoctestItem

        kept, left_out = [], []
        for item in items:
            markers = {mark.name for mark in item.iter_markers()}
            doctest = isinstance(item, DoctestItem)
            layer = layer_of(item.nodeid, markers, doctest=doctest)
            item.user_properties.append((LAYER_PROPERTY, layer))
            fast = not self.fast or in_fast_run(item.nodeid, layer, markers)
            (kept if fast else left_out).append(item)
        if left_out:
            self.config.hook.pytest_deselected(items=left_out)
            items[:] = kept

    def pytest_runtest_logreport(self, report) -> None:
        layer = dict(report.user_properties).get(LAYER_PROPERTY, "unit")
        self.seconds[layer] += report.duration
        self.tests[layer].add(report.nodeid)

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.tests:
            return
        write = terminalreporter.write_line
        terminalreporter.section("time per test layer (tests/layers.py; a report, not a test)")
        write(f"{'layer':<12}{'tests':>7}{'seconds':>10}{'budget':>9}")
        for layer in LAYERS:
            if layer.name in self.tests:
                seconds, count = self.seconds[layer.name], len(self.tests[layer.name])
                over = "  over budget" if seconds > layer.budget else ""
                write(f"{layer.name:<12}{count:>7}{seconds:>10.1f}{layer.budget:>9.0f}{over}")
        total = sum(self.seconds.values())
        count = sum(len(tests) for tests in self.tests.values())
        budget = sum(layer.budget for layer in LAYERS if layer.name in self.tests)
        write(f"{'total':<12}{count:>7}{total:>10.1f}{budget:>9.0f}")
