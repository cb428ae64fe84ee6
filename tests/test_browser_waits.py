"""No browser test waits on a promise without a timeout (issue 16).

Playwright's ``evaluate`` waits for a script's promise forever: one that never settled (a
kernel dead at start) held a run until CI's limit. A script that returns a promise goes
through ``LabPage.call`` (``tests/browser/harness/bounded.py``), which fails after its
timeout naming the notebook, the step and the server log. This reads every ``evaluate`` in
the browser tests, the harness and the benchmarks that drive it, and fails on each whose
script is asynchronous, naming its file and line. (That the bound holds in a real page is
``tests/browser/test_harness_waits.py``.)
"""

import ast
import re
from pathlib import Path

from conftest import ROOT

FOLDERS = (ROOT / "tests" / "browser", ROOT / "benchmarks")
#: The one place a promise is evaluated, raced against playwright's own timeout.
BOUNDED = ROOT / "tests" / "browser" / "harness" / "bounded.py"
SCRIPTS = ROOT / "tests" / "browser" / "harness" / "scripts.py"
EVALUATE = {"evaluate", "evaluate_handle", "evaluate_all"}
ASYNCHRONOUS = re.compile(r"\basync\b|\bawait\b|\bPromise\b|requestAnimationFrame|\.then\(")


def string_constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level ``NAME = "..."`` strings."""
    found = {}
    for node in tree.body:
        constant = isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        if constant and isinstance(node.value.value, str):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            found.update(dict.fromkeys(names, node.value.value))
    return found


def script_text(node: ast.expr, known: dict[str, str]) -> str | None:
    """The script an ``evaluate`` is given, when it can be read without running anything:
    written in place (an f-string's fixed parts), or a module-level constant (``scripts.X``, or
    a name one of the scanned modules defines)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.Name):
        return known.get(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return known.get(node.attr)
    return None


def unbounded_promises(paths) -> list[str]:
    """``file:line`` of every ``evaluate`` whose script returns a promise (or cannot be read)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}
    known = string_constants(ast.parse(SCRIPTS.read_text(encoding="utf-8")))
    for tree in trees.values():  # a name imported from another scanned module (labels.CUT)
        known.update(string_constants(tree))
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in EVALUATE or not node.args:
                continue
            text = script_text(node.args[0], known)
            if text is None or ASYNCHRONOUS.search(text):
                why = "a script it cannot read" if text is None else "a promise"
                name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found.append(f"{name}:{node.lineno}: evaluates {why}")
    return found


def browser_sources() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.rglob("*.py") if p != BOUNDED)


def test_every_promise_in_a_browser_test_is_bounded():
    found = unbounded_promises(browser_sources())
    assert not found, (
        "playwright waits forever on a promise: run these through LabPage.call "
        "(harness.bounded.call), which fails after a timeout:\n" + "\n".join(found)
    )


def test_the_scan_finds_a_promise(tmp_path):
    """The scan sees the ways a promise reaches ``evaluate``: written in place, a constant
    of the module, or one of the harness's scripts."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'WAIT = "async () => { await later(); }"\n'
        "page.evaluate(WAIT)\n"
        'page.evaluate("() => new Promise(r => setTimeout(r, 9))")\n'
        "page.evaluate(scripts.RESTART_KERNEL, path)\n"
        "out.evaluate(f\"o => o.setAttribute('data-kind', '{kind}')\")\n"
        'page.evaluate("() => document.title")\n'
        "page.evaluate(built_at_run_time)\n",
        encoding="utf-8",
    )
    lines = [entry.split(":")[1] for entry in unbounded_promises([sample])]
    assert lines == ["2", "3", "4", "7"]
