"""Each layer imports only the layers above it (house-style.md, "Layers").

Imports are checked in a fresh interpreter, so what another test imported
cannot hide a leak.
"""

import json
import subprocess
import sys

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
    "osmosis_lab.charts": ("ipywidgets", "IPython"),
    "osmosis_lab.check": ("ipywidgets", "altair", "IPython"),
}


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
