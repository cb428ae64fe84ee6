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


def test_the_matching_engine_imports_no_other_layer_even_inside_a_function():
    """matching is the base engine: consent, data and the rest import it, never the reverse.

    Before issue 16, ``matching/scenarios.py`` imported ``osmosis_lab.consent.market`` inside a
    function (a cycle, since consent imports matching): the subprocess test above cannot see that.
    """
    import ast
    from pathlib import Path

    import osmosis_lab.matching

    allowed = {"numpy", "pandas", *sys.stdlib_module_names}
    allowed_own = {"osmosis_lab.errors", "osmosis_lab.categories"}
    leaks = []
    for path in sorted(Path(osmosis_lab.matching.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue  # relative imports stay inside matching/
            for name in names:
                own = name.startswith("osmosis_lab")
                if (own and name not in allowed_own) or (
                    not own and name.split(".")[0] not in allowed
                ):
                    leaks.append(f"{path.name}:{node.lineno} imports {name}")
    assert not leaks, leaks
