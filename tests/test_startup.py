"""Every lesson's setup cell is cheap: the costly grammar is never compiled, validation stays on.

The CPU figures themselves come from benchmarks/ (timed tests would be noisy here); these
tests check the cause, in a fresh interpreter, so what another test imported cannot hide it.
"""

import json
import subprocess
import sys

SETUP = "import numpy; from osmosis_lab import check, data, explorers, charts"


def loaded_after(code: str) -> dict:
    probe = f"{code}; import json, sys; print(json.dumps({{'rfc': repr(sys.modules.get('rfc3987_syntax', 'absent'))}}))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_the_setup_imports_do_not_compile_the_rfc3987_grammar():
    assert loaded_after(SETUP)["rfc"] == "None"


def test_without_the_package_first_jsonschema_does_compile_it():
    # the detector can fail: altair imported before osmosis_lab loads the real module
    assert loaded_after("import altair")["rfc"].startswith("<module 'rfc3987_syntax'")


def test_altair_still_validates_charts():
    code = (
        f"{SETUP}; import altair as alt, pandas as pd\n"
        "try:\n"
        "    alt.Chart(pd.DataFrame({'a': [1]})).mark_bar(opacity='very').to_dict()\n"
        "except Exception as error:\n"
        "    print(type(error).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "SchemaValidationError"
