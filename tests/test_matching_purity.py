"""The matching engine stays pure: importing it loads no widget, chart or IPython code."""

import subprocess
import sys


def test_engine_imports_no_ui_libraries():
    code = (
        "import sys, osmosis_lab.matching\n"
        "loaded = sorted(m for m in ('ipywidgets', 'altair', 'IPython') if m in sys.modules)\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
