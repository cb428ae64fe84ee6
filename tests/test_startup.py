"""Every lesson's setup cell is cheap: the costly grammar is never compiled, validation stays on.

jsonschema, which altair and nbformat import, compiles 38 grammars of the package
rfc3987_syntax when it is installed (jsonschema 4.25's format extra, which jupyter-events
asks for, installs it): about 1.4 s of CPU in every kernel, server and notebook reader, spent on
the "iri" string formats, which neither the Vega-Lite schema nor this package uses. The lock
keeps jsonschema below 4.25 (pyproject.toml), so it is never installed. The CPU figures
come from benchmarks/ (timed tests would be noisy here); these tests check the cause, in a
fresh interpreter, so what another test imported cannot hide it.
"""

import importlib.util
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


def test_the_grammar_package_is_not_installed():
    assert importlib.util.find_spec("rfc3987_syntax") is None, (
        "rfc3987_syntax is installed: rebuild the environment from constraints.txt "
        "(rm -rf .venv && make install), which keeps jsonschema below 4.25"
    )


def test_neither_the_setup_nor_altair_nor_a_notebook_reader_compiles_the_grammar():
    for code in (SETUP, "import altair", "import nbformat"):
        assert loaded_after(code)["rfc"] == "'absent'", code


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
