"""Run a lesson top to bottom in a fresh kernel and keep its widget state.

The kernel talks to us over local (IPC) sockets in a temporary folder, not
TCP: nothing listens on a network port, and the kernel has no reason to warn
about unencrypted traffic. The kernel starts in the lesson's folder, as
JupyterLab and nbval start it, so the lesson's relative paths work.
"""

import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

from ..errors import OsmosisLabError


class SiteBuildError(OsmosisLabError):
    """A lesson could not be turned into a static page (it failed to run, or has no lessons)."""


def execute_lesson(path: Path, *, timeout: int = 600) -> nbformat.NotebookNode:
    """The lesson at ``path``, executed, with outputs and the saved widget state.

    Cells tagged ``raises-exception`` may fail (the lesson shows that error on
    purpose); any other failing cell stops the build with a message naming the
    lesson.
    """
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="osmosis-site-") as sockets:
        config = Config()
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(Path(sockets) / "kernel")
        client = NotebookClient(
            nb,
            config=config,
            timeout=timeout,
            store_widget_state=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute()
        except CellExecutionError as error:
            raise SiteBuildError(
                f"{path.name} failed while running, so its page was not built. Run it in "
                "JupyterLab (Kernel > Restart Kernel and Run All Cells) or with "
                f"`pytest --nbval {path}` to see where.\n{error}"
            ) from error
    return nb
