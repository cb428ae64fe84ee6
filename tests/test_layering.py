"""Each layer imports only the layers below it (house-style.md, "Layers").

Two complementary checks. import-linter's contracts (pyproject.toml) read every import
statement of the package and name the offending import and its line. They cannot see what
a module loads at run time through a third party, so the engines are also imported in a
fresh interpreter, where what another test imported cannot hide a leak.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LESSONS, ROOT, read_notebook

UI = ("ipywidgets", "altair", "IPython")
FORBIDDEN = {
    "osmosis_lab.errors": UI,
    "osmosis_lab.categories": UI,
    "osmosis_lab.matching": UI,
    "osmosis_lab.consent": UI,
    "osmosis_lab.privacy": UI,
    "osmosis_lab.trust": UI,
    "osmosis_lab.review": UI,
    "osmosis_lab.teacher": UI,
    "osmosis_lab.data": UI,
    "osmosis_lab.check": ("ipywidgets", "altair", "IPython"),
}

PACKAGE = Path(__file__).resolve().parents[1] / "widgets" / "osmosis_lab"


def modules_loaded_by(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout)}


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_layer_does_not_import_what_is_below_it(module):
    loaded = modules_loaded_by(module)
    leaked = sorted(set(FORBIDDEN[module]) & loaded)
    assert not leaked, f"{module} imports {leaked}; move that code to a lower layer"


def test_the_check_leak_detector_can_fail():
    assert "ipywidgets" in modules_loaded_by("osmosis_lab.explorers.testers")


def lint_imports(*, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    """Run import-linter's contracts (pyproject.toml, ``[tool.importlinter]``)."""
    env = {**os.environ, "PYTHONPATH": str(pythonpath)} if pythonpath else None
    # --no-cache: its cache is a folder in the repository, which the two tests here (on two
    # pytest-xdist workers, one of them over a changed copy of the package) would both write
    command = [
        sys.executable,
        "-c",
        "from importlinter.cli import lint_imports_command as c; c()",
        "--no-cache",
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_the_import_contracts_hold():
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and "Contracts: 4 kept, 0 broken." in result.stdout


def test_a_broken_contract_fails_and_names_the_import_and_its_line(tmp_path):
    # a copy of the package in which an engine reaches up into the explorers
    copy = tmp_path / "osmosis_lab"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    engine = copy / "privacy" / "laplace.py"
    lines = engine.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if text.startswith("import ")) + 1
    lines.insert(line - 1, "from osmosis_lab.explorers import base")
    engine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = lint_imports(pythonpath=tmp_path)
    assert result.returncode != 0
    assert f"osmosis_lab.privacy.laplace -> osmosis_lab.explorers.base (l.{line})" in result.stdout


def test_no_lesson_imports_the_site_builder():
    for path in LESSONS:
        for cell in read_notebook(path).cells:
            if cell.cell_type == "code":
                assert "osmosis_lab.site" not in cell.source and "import site" not in cell.source, (
                    f"{path.name}: lessons never import the static-site builder"
                )
