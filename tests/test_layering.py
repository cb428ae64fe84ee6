"""Each layer imports only the layers above it (house-style.md, "Layers").

Imports are checked in a fresh interpreter, so what another test imported
cannot hide a leak.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

UI = ("ipywidgets", "altair", "IPython")
FORBIDDEN = {
    "osmosis_lab.errors": UI,
    "osmosis_lab.categories": UI,
    "osmosis_lab.matching": UI,
    "osmosis_lab.consent": UI,
    "osmosis_lab.privacy": UI,
    "osmosis_lab.trust": UI,
    "osmosis_lab.review": UI,
    "osmosis_lab.data": UI,
    "osmosis_lab.check": ("ipywidgets", "altair", "IPython"),
}

#: Layers checked by reading their source: importing altair loads ipywidgets and
#: IPython through altair's own optional anywidget support, so for the charts
#: layer only what our code itself imports can be judged.
SOURCE_FORBIDDEN = {
    "charts": ("ipywidgets", "IPython", "anywidget"),
    "check": ("ipywidgets", "altair", "IPython"),
    "data": ("ipywidgets", "altair", "IPython"),
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


def imported_top_level_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(SOURCE_FORBIDDEN))
def test_layer_source_imports_nothing_from_below(layer):
    folder = PACKAGE / layer
    files = sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]
    for path in files:
        leaked = sorted(imported_top_level_names(path) & set(SOURCE_FORBIDDEN[layer]))
        assert not leaked, f"{path.relative_to(PACKAGE)} imports {leaked}"
