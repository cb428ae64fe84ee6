"""Test kernels talk over Unix sockets (IPC), never over TCP ports (issue 16).

jupyter_client picks a free TCP port for each of a kernel's five channels, closes it, and the
kernel binds it a moment later: two pytest-xdist workers starting kernels at once can pick the
same port in between, and the later kernel dies with "Address already in use" (one two-worker
run of three). A Unix socket is a file in a folder of the kernel's own: nothing to race for.
The school server already runs its kernels so (``deploy/jupyterhub_config.py``).

jupyter_client numbers a kernel's socket files by looking which numbers exist *before* the
kernel creates them, so two kernels sharing a folder and prefix could race as ports do: every
kernel here gets a folder of its own. AF_UNIX paths hold at most 107 bytes, so the folders are
made directly in the temporary directory, never under pytest's long ``tmp_path``.

Who uses it: nbval (``use_ipc_in_nbval``, from ``tests/conftest.py``), the tests that start
kernels themselves (``IpcKernelManager``, ``AsyncIpcKernelManager``, ``start_kernel``), and the
browser tests' JupyterLab (``harness/server.py``: ``--KernelManager.transport=ipc``, its
runtime folder from ``socket_folder``). ``osmosis_lab.site`` runs its kernels on IPC itself.

>>> folder = socket_folder()
>>> len(str(folder / f"kernel-{'0' * 36}-ipc-5")) <= SOCKET_PATH_LIMIT
True
>>> folder.rmdir()
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import weakref
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import CaselessStrEnum, default

#: The longest path a Unix socket may have on Linux (sun_path is 108 bytes with its NUL).
SOCKET_PATH_LIMIT = 107
#: The longest name jupyter_server gives a kernel's socket file in its runtime folder.
_LONGEST_NAME = f"kernel-{'0' * 36}-ipc-99"


def socket_folder(prefix: str = "osmosis-ipc-") -> Path:
    """A new, empty folder with a path short enough for the socket files put in it."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if len(str(folder / _LONGEST_NAME).encode()) > SOCKET_PATH_LIMIT:
        folder.rmdir()
        raise RuntimeError(
            f"the temporary directory {tempfile.gettempdir()} is too deep for kernel sockets "
            f"(Unix socket paths hold {SOCKET_PATH_LIMIT} bytes): set TMPDIR=/tmp"
        )
    return folder


class _OwnSocketFolder(KernelManager):
    """IPC by default, the socket files in a short folder of this kernel's own, removed with
    the manager (restarts keep it: the restarted kernel binds the same files)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _ip_default(self) -> str:
        folder = socket_folder()
        weakref.finalize(self, shutil.rmtree, folder, True)
        return str(folder / "kernel")


class IpcKernelManager(_OwnSocketFolder):
    """``KernelManager`` on IPC (what ``jupyter_client.start_new_kernel`` and nbval use)."""


class AsyncIpcKernelManager(_OwnSocketFolder, AsyncKernelManager):
    """``AsyncKernelManager`` on IPC: nbclient's ``kernel_manager_class``."""


def start_kernel(startup_timeout: float = 60, kernel_name: str = "python3", **kwargs):
    """``jupyter_client.manager.start_new_kernel`` on IPC: the kernel's manager and client."""
    manager = IpcKernelManager(kernel_name=kernel_name)
    manager.start_kernel(**kwargs)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=startup_timeout)
    except RuntimeError:
        client.stop_channels()
        manager.shutdown_kernel()
        raise
    return manager, client


def run_notebook(notebook, folder: Path, **options) -> None:
    """Run ``notebook`` top to bottom in a fresh kernel on IPC, its working folder ``folder``
    (a lesson's, so its data files are found), filling in its outputs; a cell that raises fails
    with nbclient's ``CellExecutionError``, naming it. ``options`` go to nbclient (e.g.
    ``store_widget_state=True``)."""
    import nbclient  # late: most users of this module start kernels without a notebook

    nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        kernel_manager_class=AsyncIpcKernelManager,  # no TCP port to race the other worker for
        resources={"metadata": {"path": folder}},
        **options,
    ).execute()


def use_ipc_in_nbval() -> None:
    """nbval 0.11 builds its ``KernelManager`` itself (``nbval.kernel.start_new_kernel``) and
    takes no configuration or class for it: swap the class it looks up for ``IpcKernelManager``."""
    import nbval.kernel

    nbval.kernel.KernelManager = IpcKernelManager


#: The Jupyter folders a kernel writes to while it runs, moved by :func:`own_kernel_folders`.
KERNEL_FOLDERS = ("IPYTHONDIR", "JUPYTER_RUNTIME_DIR")


def own_kernel_folders() -> Path:
    """Give the kernels this process starts (nbval's, nbclient's, the site's) folders of its own.

    Every IPython kernel appends each cell it runs to ``~/.ipython/.../history.sqlite`` and
    writes its connection file to ``~/.local/share/jupyter/runtime``: shared by the other
    pytest-xdist worker, other test runs and a developer's own JupyterLab, all at once (an
    SQLite file locked by another writer makes a kernel print an error on stderr, which the
    robustness test reads as the learner's). Kernels inherit the environment, so this sets
    ``IPYTHONDIR`` and ``JUPYTER_RUNTIME_DIR`` to a new folder, removed when the process
    ends. The browser tests' JupyterLab has a home of its own already (``harness/server.py``).
    """
    folder = Path(tempfile.mkdtemp(prefix="osmosis-kernels-"))
    atexit.register(shutil.rmtree, folder, True)
    for name in KERNEL_FOLDERS:
        (folder / name.lower()).mkdir()
        os.environ[name] = str(folder / name.lower())
    return folder
