"""The one JupyterLab settings file: no news prompt and no update check, wherever the lab runs.

`make install` copies deploy/jupyter_server_config.json into the virtualenv,
Binder's postBuild into its prefix (tests/test_binder.py), and the school server's image
into its own (deploy/). Answering "yes" to JupyterLab's news prompt would otherwise make the
server contact the network at every start.
"""

import json
import re
import sys
import urllib.request
from pathlib import Path

import pytest
from jupyterlab.handlers.announcements import NeverCheckForUpdate
from jupyterlab.labapp import LabApp
from traitlets.config import Config

from browser.harness.server import LabServer
from conftest import ROOT

SHIPPED = ROOT / "deploy" / "jupyter_server_config.json"
INSTALLED = Path(sys.prefix) / "etc" / "jupyter" / SHIPPED.name


def test_make_install_put_the_shipped_settings_where_jupyter_reads_them():
    assert INSTALLED.read_bytes() == SHIPPED.read_bytes(), "run `make install` again"


def test_the_settings_turn_off_news_and_the_update_check():
    app = LabApp(config=Config(json.loads(SHIPPED.read_text(encoding="utf-8"))))
    assert app.news_url is None
    assert app.check_for_updates_class is NeverCheckForUpdate


@pytest.mark.slow  # starts a JupyterLab server
def test_a_lab_started_here_disables_news_in_the_page_it_serves(tmp_path):
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with LabServer(root=tmp_path, home=tmp_path / "home") as server:
        page = no_proxy.open(server.url("lab"), timeout=30).read().decode("utf-8")
    config = json.loads(
        re.search(
            r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert config["news"] == {"disabled": True}
