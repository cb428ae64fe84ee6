"""The records layer imports only the standard library and ``osmosis_lab.errors``.

Checked in a fresh interpreter (what another test imported cannot hide a leak)
and by reading the source (nothing below it: no explorers, widgets or charts).
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

RECORDS = Path(__file__).resolve().parents[1] / "widgets" / "osmosis_lab" / "records"


def test_importing_records_loads_no_widgets_charts_or_explorers():
    code = "import json, sys, osmosis_lab.records; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    leaked = {"ipywidgets", "altair", "IPython", "numpy", "pandas"} & {
        m.split(".")[0] for m in loaded
    }
    assert not leaked, leaked
    ours = {m for m in loaded if m.startswith("osmosis_lab.")}
    assert ours <= {"osmosis_lab.errors"} | {m for m in ours if m.startswith("osmosis_lab.records")}


def test_the_records_source_imports_only_errors_and_itself():
    for path in sorted(RECORDS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("osmosis_lab"):
                assert node.module == "osmosis_lab.errors" or node.module.startswith(
                    "osmosis_lab.records"
                ), f"{path.name} imports {node.module}"
            if isinstance(node, ast.ImportFrom) and node.level:
                raise AssertionError(f"{path.name}: use absolute imports, as the engines do")
