"""The one JupyterLab settings file: no news prompt and no update check, wherever the lab runs;
and the page config beside the default settings: no floating cell toolbar.

`make install` copies deploy/jupyter_server_config.json into the virtualenv,
Binder's postBuild into its prefix (tests/test_binder.py), and the school server's image
into its own (deploy/). Answering "yes" to JupyterLab's news prompt would otherwise make the
server contact the network at every start.

deploy/labconfig/page_config.json disables JupyterLab 4's floating cell toolbar: Shift+Tab from
an explorer's first button reached its duplicate, move and delete buttons
(tests/browser/test_cell_toolbar.py walks it). Its ``showToolbar`` setting does not do it in 4.6:
the plugin applies it once, when the lab has restored its layout, to the last notebook opened
by then, and every notebook opened afterwards starts with the toolbar on (the browser test saw
it drawn in a lesson opened by its /lab/tree link with the override read: default false).

deploy/labconfig/default_setting_overrides.json also narrows the notebook's command-mode shortcuts
to a focus outside cell outputs, so keys pressed on an explorer's button never move, delete or
convert a lesson cell (tests/browser/test_widget_keys.py); deploy/make_shortcut_overrides.py
writes that list from the installed JupyterLab's schemas.

And it keeps widget messages on the kernel's one main thread ("commsOverSubshells": "disabled").
JupyterLab 4.6 sends comm messages to kernel subshells (threads of their own, ipykernel >= 7) by
default: a learner's last letters were then handled *during* the Save their keys had asked for,
and the reflection was saved cut short (tests/browser/test_fast_save.py). Every explorer is
written for one message at a time.
"""

import doctest
import importlib.util
import json
import re
import sys
import urllib.request
from pathlib import Path

import pytest
from jupyterlab.handlers.announcements import NeverCheckForUpdate
from jupyterlab.labapp import LabApp
from jupyterlab_server.config import get_page_config
from jupyterlab_server.settings_utils import get_settings
from traitlets.config import Config

from browser.harness.server import LabServer
from conftest import ROOT

SHIPPED = ROOT / "deploy" / "jupyter_server_config.json"
INSTALLED = Path(sys.prefix) / "etc" / "jupyter" / SHIPPED.name
PAGE_CONFIG = ROOT / "deploy" / "labconfig" / "page_config.json"
DEFAULTS = ROOT / "deploy" / "labconfig" / "default_setting_overrides.json"
SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
#: The script that writes the shortcuts part of DEFAULTS (deploy/ is not a package).
_spec = importlib.util.spec_from_file_location(
    "make_shortcut_overrides", ROOT / "deploy" / "make_shortcut_overrides.py"
)
shortcut_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shortcut_script)
#: The plugin that floats duplicate / move / insert / delete buttons over the active cell.
CELL_TOOLBAR = "@jupyterlab/cell-toolbar-extension:plugin"


@pytest.fixture
def only_deploy(monkeypatch, tmp_path):
    """Jupyter reads its config from deploy/ alone (as the hub's JUPYTER_CONFIG_PATH gives it),
    not from the copy `make install` made nor from this machine's own folders."""


def test_make_install_put_the_shipped_settings_where_jupyter_reads_them():
    assert INSTALLED.read_bytes() == SHIPPED.read_bytes(), "run `make install` again"


def test_the_settings_turn_off_news_and_the_update_check():
    app = LabApp(config=Config(json.loads(SHIPPED.read_text(encoding="utf-8"))))
    assert app.news_url is None
    assert app.check_for_updates_class is NeverCheckForUpdate


def test_the_page_config_disables_the_cell_toolbar_plugin_of_this_jupyterlab():
    page_config = json.loads(PAGE_CONFIG.read_text(encoding="utf-8"))
    assert page_config["disabledExtensions"] == {CELL_TOOLBAR: True}
    # Locked: the Plugin Manager cannot switch it back on from a learner's lab. It also stops
    # JupyterLab >= 4.1 rewriting an installed copy at start to add lockedExtensions itself
    # (its migration from 4.0), which left the copy unlike the shipped file.
    assert page_config["lockedExtensions"] == {CELL_TOOLBAR: True}
    # a plugin id this JupyterLab does not have would disable nothing: its settings schema,
    # <package>/<plugin>.json, is how the installed lab knows it
    package, plugin = CELL_TOOLBAR.split(":")
    schemas = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
    assert (schemas / package / f"{plugin}.json").is_file(), f"JupyterLab has no {CELL_TOOLBAR}"


def test_jupyterlab_reads_the_page_config_from_the_config_path_the_hub_gives(only_deploy):
    assert CELL_TOOLBAR in get_page_config([])["disabledExtensions"]


def test_make_install_put_the_page_config_where_jupyter_reads_it():
    installed = INSTALLED.parent / "labconfig" / PAGE_CONFIG.name
    assert installed.read_bytes() == PAGE_CONFIG.read_bytes(), "run `make install` again"


def test_the_shipped_shortcuts_are_what_the_script_writes_for_this_jupyterlab():
    shipped = json.loads(DEFAULTS.read_text(encoding="utf-8"))
    assert shipped == shortcut_script.with_shortcuts(shipped, SCHEMAS), (
        "run `make shortcuts` (JupyterLab's shortcuts changed) and commit the file"
    )


def test_the_narrowed_shortcuts_include_the_ones_the_walkthrough_met():
    # a filter that matched nothing would ship an empty list and the test above would pass
    shortcuts = json.loads(DEFAULTS.read_text(encoding="utf-8"))[shortcut_script.PLUGIN]
    kept = {
        (s["command"], tuple(s["keys"]))
        for s in shortcuts["shortcuts"]
        if not s.get("disabled") and s["selector"].endswith(":not(.jp-OutputArea-output *)")
    }
    disabled = {
        (s["command"], tuple(s["keys"])) for s in shortcuts["shortcuts"] if s.get("disabled")
    }
    walkthrough = {
        ("notebook:move-cursor-heading-below-or-expand", ("ArrowRight",)),
        ("notebook:move-cursor-heading-above-or-collapse", ("ArrowLeft",)),
        ("notebook:move-cursor-down", ("ArrowDown",)),
        ("notebook:delete-cell", ("D", "D")),
        ("notebook:change-cell-to-markdown", ("M",)),
    }
    assert walkthrough <= disabled and kept == disabled


def test_the_shortcut_script_examples_run():
    assert doctest.testmod(shortcut_script).failed == 0


def test_jupyterlab_serves_the_narrowed_shortcuts_as_their_plugins_default(only_deploy, tmp_path):
    # the settings API gives the shortcuts plugin's schema default, which JupyterLab 4.6 adds to
    # every plugin's own shortcuts
    settings, _ = get_settings(
        str(tmp_path / "app-settings"), str(SCHEMAS), str(tmp_path / "user"), shortcut_script.PLUGIN
    )
    shipped = json.loads(DEFAULTS.read_text(encoding="utf-8"))[shortcut_script.PLUGIN]
    assert settings["schema"]["properties"]["shortcuts"]["default"] == shipped["shortcuts"]


#: The JupyterLab plugin whose setting sends widget messages to kernel subshells.
KERNELS = "@jupyterlab/apputils-extension:kernels-settings"


def test_jupyterlab_serves_widget_messages_on_the_main_thread_as_the_default(only_deploy, tmp_path):
    # the setting must exist in this JupyterLab (a renamed one would be an override of nothing)
    # and default to "disabled"
    settings, _ = get_settings(
        str(tmp_path / "app-settings"), str(SCHEMAS), str(tmp_path / "user"), KERNELS
    )
    setting = settings["schema"]["properties"]["commsOverSubshells"]
    assert "disabled" in {choice["const"] for choice in setting["oneOf"]}
    assert setting["default"] == "disabled"


def test_make_install_put_the_default_settings_where_jupyter_reads_them():
    installed = INSTALLED.parent / "labconfig" / DEFAULTS.name
    assert installed.read_bytes() == DEFAULTS.read_bytes(), "run `make install` again"


@pytest.mark.slow  # starts a JupyterLab server
def test_a_lab_started_here_serves_no_news_and_no_cell_toolbar(tmp_path):
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with LabServer(root=tmp_path, home=tmp_path / "home") as server:
        page = no_proxy.open(server.url("lab"), timeout=30).read().decode("utf-8")
    config = json.loads(
        re.search(
            r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert config["news"] == {"disabled": True}
    assert CELL_TOOLBAR in config["disabledExtensions"]
