"""The floors of tests/layers.py hold, its table is the README's, and its report adds up.

A layer is brought within its time budget by getting faster, never by testing less: these
tests fail when a property test runs fewer hypothesis examples than its floor (under the
``ci`` profile CI runs), when a random sequence of learner actions is shorter than its floor
or an explorer gets fewer seeds, and when the README states other budgets or floors.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from types import SimpleNamespace

import pytest
from hypothesis import settings

import layers
import test_sequences
from conftest import ROOT

TEST_FILES = sorted((ROOT / "tests").glob("test_*.py"))
PROFILES = ("ci", "dev", "fuzz", "default")


def ci_examples(test) -> int:
    """How many examples a hypothesis test runs under the ci profile."""
    chosen = test._hypothesis_internal_use_settings
    if any(chosen is settings.get_profile(name) for name in PROFILES):  # no @settings of its own
        return settings.get_profile("ci").max_examples
    return chosen.max_examples


def property_tests():
    for path in TEST_FILES:
        module = importlib.import_module(path.stem)
        for name, value in vars(module).items():
            candidates = [value]
            if inspect.isclass(value) and name.startswith("Test"):
                candidates = list(vars(value).values())
            for test in candidates:
                if getattr(test, "is_hypothesis_test", False):
                    yield f"tests/{path.name}", test


def test_every_property_test_runs_at_least_its_floor_of_examples():
    found = list(property_tests())
    assert len(found) >= 60, "the search for property tests found too few: is it broken?"
    below = [
        f"{path}::{test.__name__}: {ci_examples(test)} < {layers.example_floor(path)}"
        for path, test in found
        if ci_examples(test) < layers.example_floor(path)
    ]
    assert not below, "property tests below their floor of examples:\n" + "\n".join(below)


def sequence_calls():
    """Every call of ``run_sequence`` in a test file, with its steps resolved to a number."""
    for path in TEST_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "run_sequence":
                steps = next((k.value for k in node.keywords if k.arg == "steps"), None)
                steps = steps if steps is not None else node.args[2]
                if isinstance(steps, ast.Name):
                    value = getattr(importlib.import_module(path.stem), steps.id)
                else:
                    value = ast.literal_eval(steps)
                yield f"tests/{path.name}:{node.lineno}", value


def test_every_random_sequence_takes_at_least_its_floor_of_steps():
    calls = list(sequence_calls())
    assert len(calls) >= 4, "the search for run_sequence calls found too few: is it broken?"
    short = [f"{where}: {n} steps" for where, n in calls if n < layers.SEQUENCE_STEPS_FLOOR]
    assert not short, f"sequences shorter than {layers.SEQUENCE_STEPS_FLOOR} steps: {short}"


def test_every_explorer_gets_at_least_its_floor_of_seeds():
    seeds: dict[str, int] = {}
    for case in test_sequences.sequence_cases():
        cls, _ = case.values
        seeds[cls.__name__] = seeds.get(cls.__name__, 0) + 1
    assert set(seeds) == {cls.__name__ for cls in test_sequences.CLASSES}
    few = {name: n for name, n in seeds.items() if n < layers.SEQUENCE_SEEDS_FLOOR}
    assert not few, f"explorers with fewer than {layers.SEQUENCE_SEEDS_FLOOR} seeds: {few}"
    assert len(test_sequences.MODEL_SEEDS) >= layers.SEQUENCE_SEEDS_FLOOR


def readme_tests_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Tests\n", 1)[1].split("\n## ", 1)[0]


def test_the_readme_states_these_budgets():
    rows = re.findall(r"^\| \*\*(\w+)\*\* \|[^|]*\| (\d+) s \|", readme_tests_section(), re.M)
    assert rows == [(layer.name, f"{layer.budget:.0f}") for layer in layers.LAYERS]
    total = re.search(r"^\| total \|[^|]*\| (\d+) s \|", readme_tests_section(), re.M)
    assert total and int(total.group(1)) == sum(layer.budget for layer in layers.LAYERS)


def test_the_readme_states_these_floors():
    section = readme_tests_section()
    for pattern, floor in layers.EXAMPLE_FLOORS:
        assert f"`{pattern}` | {floor} |" in section, (pattern, floor)
    assert f"steps per random sequence | {layers.SEQUENCE_STEPS_FLOOR} |" in section
    assert f"seeds per explorer | {layers.SEQUENCE_SEEDS_FLOOR} |" in section


@pytest.mark.parametrize(
    "pattern", [p for layer in layers.LAYERS for p in layer.files if "*" not in p]
)
def test_every_file_a_layer_names_exists(pattern):
    # a renamed file would otherwise fall silently into "unit" and its time with it
    assert (ROOT / pattern).is_file()


def fake_item(nodeid, *markers):
    item = SimpleNamespace(
        nodeid=nodeid,
        iter_markers=lambda: [SimpleNamespace(name=m) for m in markers],
        user_properties=[],
        groups=[],
    )
    item.add_marker = lambda mark: item.groups.extend(mark.args)
    return item


def fake_report(item, seconds):
    """A phase's report as pytest makes it: it carries the item's user_properties."""
    return SimpleNamespace(
        nodeid=item.nodeid, duration=seconds, user_properties=item.user_properties
    )


def test_the_report_adds_each_phase_to_the_layer_and_flags_what_is_over_budget():
    report = layers.LayerReport()
    hub, robustness = (
        fake_item("tests/test_hub.py::test_a"),
        fake_item("tests/test_robustness.py::t", "slow"),
    )
    report.pytest_collection_modifyitems([hub, robustness])
    # setup, then call: one test, both phases
    for item, seconds in [(hub, 1.5), (hub, 30.0), (robustness, 2.0)]:
        report.pytest_runtest_logreport(fake_report(item, seconds))
    lines = []
    terminal = SimpleNamespace(write_line=lines.append, section=lambda title: lines.append(title))
    report.pytest_terminal_summary(terminal)
    hub = layers.BY_NAME["hub"].budget
    assert f"hub               1      31.5{hub:>9.0f}  over budget" in lines
    assert any(line.startswith("kernels           1       2.0") for line in lines)
    assert not any(line.startswith("kernels") and "over" in line for line in lines)
    assert lines[-1].startswith("total             2      33.5")


def test_the_report_is_a_plugin_so_it_also_counts_lessons_and_doctests(request):
    # a conftest's own hooks see only the tests under its folder: lessons/ and widgets/ would
    # be missing from the report
    assert isinstance(request.config.pluginmanager.get_plugin("osmosis-layers"), layers.LayerReport)


def test_the_fast_run_drives_every_explorer_through_exactly_one_sequence():
    # `make test-fast`'s smoke test of the explorers: one seeded sequence each, no explorer missed
    smoke = {}
    for case in test_sequences.sequence_cases():
        cls, _ = case.values
        nodeid = f"tests/test_sequences.py::test_random_sequences_break_nothing[{case.id}]"
        if layers.in_fast_run(nodeid, "explorers"):
            smoke[cls.__name__] = smoke.get(cls.__name__, 0) + 1
    assert smoke == {cls.__name__: 1 for cls in test_sequences.CLASSES}


def test_the_fast_run_deselects_slow_tests_and_the_layers_it_leaves_out():
    deselected = []
    config = SimpleNamespace(
        hook=SimpleNamespace(pytest_deselected=lambda items: deselected.extend(items))
    )
    report = layers.LayerReport(fast=True, config=config)
    keep = [
        fake_item("tests/test_matching_deferred.py::test_a"),
        fake_item("tests/test_lesson_lint.py::test_b"),
        fake_item("tests/test_hub.py::test_the_shipped_hub_c"),
        fake_item("tests/test_sequences.py::test_random_sequences_break_nothing[Board-0]"),
    ]
    leave = [
        fake_item("tests/test_hub.py::test_a_class", "slow"),
        fake_item("tests/test_checks_kernel.py::test_d", "slow"),
        fake_item("tests/test_sequences.py::test_random_sequences_break_nothing[Board-1]"),
        fake_item("tests/test_fuzz_engines.py::test_e"),
        fake_item("lessons/00_start_here.ipynb::Cell 0"),
        fake_item("tests/test_solutions.py::test_f"),
    ]
    items = keep + leave
    report.pytest_collection_modifyitems(items)
    assert items == keep and deselected == leave
    # and without --fast nothing is left out
    items = keep + leave
    layers.LayerReport(config=config).pytest_collection_modifyitems(items)
    assert items == keep + leave


def test_no_test_is_only_a_docstring():
    """A merge once left a test with its docstring and nothing else: it passed, checking
    nothing. Every test function here does something after its docstring."""
    import ast
    from pathlib import Path

    empty = []
    for path in sorted(Path(__file__).parent.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
                "test"
            ):
                body = node.body[1:] if ast.get_docstring(node) is not None else node.body
                if all(isinstance(s, ast.Pass) or _is_constant(s) for s in body):
                    empty.append(f"{path.name}::{node.name}")
    assert not empty, f"tests that do nothing: {empty}"


def _is_constant(statement) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
