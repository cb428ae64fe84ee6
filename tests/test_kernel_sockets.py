"""nbval's kernels and the tests' own talk over Unix sockets, not TCP ports (issue 16).

Two pytest-xdist workers starting kernels at once could pick the same TCP port ("Address
already in use"): ``tests/kernel_sockets.py``. Each kernel here is asked where it listens.
"""

from pathlib import Path

import pytest

#: starts kernels: not part of `make test-fast`
pytestmark = pytest.mark.slow


def listens_on_unix_sockets(manager) -> None:
    """The kernel's five channels are socket files, each path within the AF_UNIX limit."""
    info = manager.get_connection_info()
    assert info["transport"] == "ipc", f"the kernel listens on {info['transport']}: {info}"
    ports = [info[f"{channel}_port"] for channel in ("shell", "iopub", "stdin", "control", "hb")]
    paths = [Path(f"{info['ip']}-{port}") for port in ports]
    assert all(path.is_socket() for path in paths), paths
    assert max(len(str(path).encode()) for path in paths) <= 107, paths


def test_nbvals_kernels_listen_on_unix_sockets(tmp_path):
    from nbval.kernel import start_new_kernel  # what nbval starts each lesson's kernel with

    manager, client = start_new_kernel(
        startup_timeout=120, kernel_name="python3", cwd=str(tmp_path)
    )
    try:
        listens_on_unix_sockets(manager)
        manager.restart_kernel(now=True)  # a restarted kernel binds the same files again
        client.wait_for_ready(timeout=120)
        listens_on_unix_sockets(manager)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_the_tests_own_kernels_listen_on_unix_sockets(tmp_path):
    from kernel_sockets import start_kernel

    manager, client = start_kernel(startup_timeout=120, cwd=str(tmp_path))
    try:
        listens_on_unix_sockets(manager)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_nbclients_kernels_listen_on_unix_sockets(tmp_path):
    """As the robustness, solutions and hint-code tests start theirs."""
    import nbformat
    from nbclient import NotebookClient

    from kernel_sockets import AsyncIpcKernelManager

    client = NotebookClient(
        nbformat.v4.new_notebook(),
        kernel_name="python3",
        kernel_manager_class=AsyncIpcKernelManager,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    with client.setup_kernel():
        listens_on_unix_sockets(client.km)
