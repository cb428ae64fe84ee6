"""No "Would you like to get notified about official Jupyter news?" prompt, wherever the lab runs.

JupyterLab 4.6 asks it whenever the ``fetchNews`` setting of
``@jupyterlab/apputils-extension:notification`` is "none" (its default): ``LabApp.news_url =
None`` (deploy/jupyter_server_config.json) stops the fetch but not the question. The default
settings in deploy/labconfig/ answer it. The school server reads them through
JUPYTER_CONFIG_PATH (tests/test_hub.py asks a learner's own server); `make install` and
Binder's postBuild copy them into the environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from jupyterlab_server.settings_utils import _get_overrides

from conftest import ROOT

SHIPPED = ROOT / "deploy" / "labconfig" / "default_setting_overrides.json"
PLUGIN = "@jupyterlab/apputils-extension:notification"


def test_the_shipped_defaults_answer_the_news_prompt_with_no():
    defaults = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert defaults[PLUGIN]["fetchNews"] == "false"  # "none" is the value that asks


def test_jupyterlab_reads_them_from_the_config_path_the_hub_gives(monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(ROOT / "deploy"))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "nothing-here"))
    overrides, error = _get_overrides(str(tmp_path / "no-app-settings"))
    assert not error
    assert overrides[PLUGIN]["fetchNews"] == "false"


def test_make_install_put_them_where_jupyter_reads_them():
    installed = Path(sys.prefix) / "etc" / "jupyter" / "labconfig" / SHIPPED.name
    assert installed.read_bytes() == SHIPPED.read_bytes(), "run `make install` again"


def test_binders_postbuild_installs_them(tmp_path):
    # a stand-in `python` answers postBuild's "where is your prefix?" with a folder of this test's
    prefix, fake = tmp_path / "prefix", tmp_path / "python"
    fake.write_text(f'#!/bin/sh\n[ "$1" = -c ] && echo {prefix}\nexit 0\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([str(ROOT / "postBuild")], cwd=ROOT, env=env, check=True)
    for shipped in SHIPPED.parent.iterdir():  # the page config too (tests/test_lab_settings.py)
        installed = prefix / "etc" / "jupyter" / "labconfig" / shipped.name
        assert installed.read_bytes() == shipped.read_bytes(), shipped.name
