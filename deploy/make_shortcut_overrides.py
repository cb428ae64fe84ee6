"""Keep JupyterLab's notebook command-mode shortcuts away from the widgets in a cell's output.

A keyboard-only learner who focused an explorer's button (lesson 01) and pressed ArrowRight saw
JupyterLab move to another cell; "d d" on a focused button deleted the lesson's cell. The
notebook's command-mode shortcuts are bound to ``.jp-Notebook.jp-mod-commandMode:not(...) :focus``:
*any* focused element inside a notebook in command mode, a widget's button included. This script
rewrites ``@jupyterlab/shortcuts-extension:shortcuts`` in deploy/labconfig/default_setting_overrides.json
(the one settings place ``make lab``, Binder and the school server read): each such shortcut is
disabled and added again with the same keys and command, its selector narrowed to
``<same> :focus:not(.jp-OutputArea-output *)``, so it still fires when a cell has the focus.

Lumino matches a binding's selector with ``Element.matches`` from the focused element upwards, so
the focused button no longer matches, and its ancestors are not ``:focus``. JupyterLab 4.6 adds the
shortcuts plugin's own ``shortcuts`` default (which default_setting_overrides.json sets) to every
plugin's shortcuts before the user's, and a ``disabled`` entry with the same keys and selector
removes a default one. The list is generated from the installed JupyterLab's schemas, not copied
by hand: run ``make shortcuts`` after changing JupyterLab's version (tests/test_lab_settings.py
fails until then).

>>> narrowed({"command": "notebook:delete-cell", "keys": ["D", "D"],
...           "selector": ".jp-Notebook.jp-mod-commandMode :focus"})  # doctest: +NORMALIZE_WHITESPACE
[{'command': 'notebook:delete-cell', 'keys': ['D', 'D'],
  'selector': '.jp-Notebook.jp-mod-commandMode :focus', 'disabled': True},
 {'command': 'notebook:delete-cell', 'keys': ['D', 'D'],
  'selector': '.jp-Notebook.jp-mod-commandMode :focus:not(.jp-OutputArea-output *)'}]
>>> is_command_mode_focus({"selector": ".jp-Notebook.jp-mod-commandMode .jp-Cell:focus"})
False
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: The settings file every lab reads (make install / postBuild copy it; the hub reads deploy/).
OVERRIDES = Path(__file__).resolve().parent / "labconfig" / "default_setting_overrides.json"
#: The plugin whose ``shortcuts`` default is added to every plugin's shortcuts.
PLUGIN = "@jupyterlab/shortcuts-extension:shortcuts"
#: Where a notebook draws a cell's outputs (ipywidgets views included), in JupyterLab 4.6.
OUTSIDE_OUTPUTS = ":not(.jp-OutputArea-output *)"


def is_command_mode_focus(shortcut: dict) -> bool:
    """A notebook command-mode shortcut that fires on any focused element in the notebook.

    >>> is_command_mode_focus({"selector": ".jp-Notebook.jp-mod-commandMode :focus"})
    True
    """
    selector = shortcut["selector"]
    return "jp-mod-commandMode" in selector and selector.endswith(" :focus")


def narrowed(shortcut: dict) -> list[dict]:
    """The entry that disables ``shortcut`` and the one that adds it back outside outputs."""
    return [
        {**shortcut, "disabled": True},
        {**shortcut, "selector": shortcut["selector"] + OUTSIDE_OUTPUTS},
    ]


def schemas_dir() -> Path:
    """The installed JupyterLab's settings schemas (the locked version, in this environment)."""
    return Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"


def shortcut_overrides(schemas: Path) -> list[dict]:
    """Every command-mode ``:focus`` shortcut of the schemas under ``schemas``, narrowed, in
    file and then schema order (so the generated file is the same on every machine)."""
    found = []
    for path in sorted(schemas.rglob("*.json")):
        if path.name == "package.json":
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        found += [s for s in schema.get("jupyter.lab.shortcuts", []) if is_command_mode_focus(s)]
    return [entry for shortcut in found for entry in narrowed(shortcut)]


def with_shortcuts(settings: dict, schemas: Path) -> dict:
    """``settings`` (the overrides file's content) with this plugin's list regenerated."""
    return {**settings, PLUGIN: {"shortcuts": shortcut_overrides(schemas)}}


def main() -> None:
    settings = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    updated = with_shortcuts(settings, schemas_dir())
    OVERRIDES.write_text(json.dumps(updated, indent=2) + "\n", encoding="utf-8")
    print(f"{OVERRIDES}: {len(updated[PLUGIN]['shortcuts']) // 2} shortcuts narrowed")


if __name__ == "__main__":
    main()
