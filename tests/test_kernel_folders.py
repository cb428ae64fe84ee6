"""The kernels the tests start write nothing to the Jupyter folders in $HOME (issue 16).

A kernel keeps every cell it runs in IPython's history (an SQLite file) and its connection file
in Jupyter's runtime folder: in $HOME, they are shared by both pytest-xdist workers and by a
developer's own JupyterLab at the same moment. ``tests/conftest.py`` gives each test process
folders of its own (``kernel_sockets.own_kernel_folders``).
"""

import json
from pathlib import Path

import pytest

from kernel_sockets import start_kernel

ASK = (
    "import json, jupyter_core.paths as p; "
    "print(json.dumps([get_ipython().history_manager.hist_file.as_posix(), p.jupyter_runtime_dir()]))"
)


def printed(client, code: str) -> str:
    """What ``code`` prints in the kernel of ``client``."""
    out = []
    client.execute_interactive(
        code,
        timeout=60,
        output_hook=lambda m: (
            out.append(m["content"].get("text", "")) if m["msg_type"] == "stream" else None
        ),
    )
    return "".join(out)


@pytest.mark.slow
def test_a_test_kernels_history_and_runtime_files_are_outside_home():
    manager, client = start_kernel()
    try:
        history, runtime = json.loads(printed(client, ASK))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    home = Path.home().resolve()
    for path in (history, runtime):
        assert not Path(path).resolve().is_relative_to(home), path
