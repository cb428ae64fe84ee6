"""``jupyter lab`` from this virtualenv, on a free loopback port, with all its state in a
temporary folder, started and stopped cleanly."""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kernel_sockets import socket_folder  # tests/ is on sys.path, as for the benchmarks

from .env import REPO

#: User settings for the test server: no news toast, no update check, no extension manager
#: (it would query a package index), and no autosave: a lesson run by a test must never be
#: written back into the repository with its outputs. Windowing off: by default JupyterLab
#: skips laying out cells outside the viewport (CSS content-visibility), so their text reads
#: as empty and axe cannot judge them; with it off every output is laid out, as each is for a
#: learner who scrolls to it.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}

# Requests to our own loopback server must not go through a proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM to the server when the process that started it
    dies, so an interrupted run never leaves a JupyterLab behind (elsewhere: a no-op)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def free_port() -> int:
    """A loopback port nobody listens on now; the server gets it with no retries.

    >>> 1024 <= free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortTaken(RuntimeError):
    """The port picked for the server was taken before the server could bind it."""


class LabServer:
    """``jupyter lab`` serving ``root`` on 127.0.0.1, its Jupyter directories under ``home``.

    Use it as a context manager. :meth:`stop` lets the server shut its kernels down (SIGTERM),
    then kills the process group it started if anything is left.
    """

    def __init__(self, root: Path = REPO, home: Path | None = None, *, timeout: float = 90):
        self.root = Path(root).resolve()
        self._own_home = home is None
        self.home = Path(home) if home else Path(tempfile.mkdtemp(prefix="osmosis-lab-"))
        self.timeout = timeout
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = self.home / "jupyter-lab.log"
        # The runtime folder holds the kernels' socket files (IPC): under ``home`` (pytest's
        # tmp_path) their paths would pass the 107 bytes a Unix socket path may have.
        self.runtime: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "lab") -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def environment(self) -> dict[str, str]:
        """Our environment, with every Jupyter directory moved into ``home``."""
        env = {k: v for k, v in os.environ.items() if k not in _PROXY_VARIABLES}
        env.update(
            JUPYTER_CONFIG_DIR=str(self.home / "config"),
            JUPYTER_DATA_DIR=str(self.home / "data"),
            JUPYTER_RUNTIME_DIR=str(self.runtime or self.home / "runtime"),
            IPYTHONDIR=str(self.home / "ipython"),
            JUPYTERLAB_SETTINGS_DIR=str(self.home / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.home / "workspaces"),
            JUPYTER_PLATFORM_DIRS="1",
            # The settings a learner's lab reads (deploy/: the server settings, labconfig/'s
            # default settings and page config, e.g. no floating cell toolbar), from the
            # repository itself as the school server reads them, not a copy `make install`
            # may not have refreshed.
            JUPYTER_CONFIG_PATH=os.pathsep.join(
                filter(None, [str(REPO / "deploy"), os.environ.get("JUPYTER_CONFIG_PATH")])
            ),
        )
        # Two shared cores: threaded BLAS triples small recomputes (field notes).
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env.setdefault(name, "1")
        return env

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "jupyterlab",
            "--no-browser", "--allow-root",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=", "--ServerApp.password=",
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            # Kernels on Unix sockets, as on the school server (deploy/jupyterhub_config.py):
            # TCP ports picked while another pytest-xdist worker starts kernels can clash
            # ("Address already in use"); tests/kernel_sockets.py says why.
            "--KernelManager.transport=ipc",
        ]  # fmt: skip

    #: Starts tried before giving up: the port picked can be taken before the server binds it
    #: (by the other pytest-xdist worker's server, say); the server then exits, and we pick again.
    STARTS = 3

    def start(self) -> LabServer:
        for name, data in LAB_SETTINGS.items():
            path = self.home / "settings" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
        self.runtime = socket_folder("osmosis-lab-")
        for attempt in range(1, self.STARTS + 1):
            self.port = free_port()
            self._launch()
            try:
                self._wait_until_up()
                return self
            except PortTaken:
                self._end_process()
                if attempt == self.STARTS:
                    self.stop()
                    raise
            except BaseException:
                self.stop()
                raise
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _launch(self) -> None:
        with self.log_path.open("w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=self.root,
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, kernels included
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )

    def _wait_until_up(self) -> None:
        """Wait until *our* server answers on ``self.port``: a 200 from the port is not
        enough, since another server may hold it; ours says in its log that it serves there."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.log_tail()
                # _find_http_port's words, or the bind's own a moment later
                if f"port {self.port} is not available" in log or "no available port" in log:
                    raise PortTaken(f"port {self.port} was taken before jupyter lab bound it")
                raise RuntimeError(
                    f"jupyter lab exited with code {self.process.returncode} before serving "
                    f"port {self.port}:\n{log}"
                )
            try:
                with _NO_PROXY.open(self.url("api/status"), timeout=2) as response:
                    if response.status == 200 and self._serves_here():
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"jupyter lab did not answer within {self.timeout} s:\n{self.log_tail()}"
        )

    def _serves_here(self) -> bool:
        """Whether our server's log names ``self.port`` as where it serves (and it still runs)."""
        return self.process.poll() is None and f"127.0.0.1:{self.port}/" in self.log_tail(400)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        self._end_process()
        if self.runtime is not None:
            shutil.rmtree(self.runtime, ignore_errors=True)
        if self._own_home:
            shutil.rmtree(self.home, ignore_errors=True)

    def _end_process(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # the server shuts its kernels down
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=20)
            # Kernels live in the server's process group: none may outlive the test run.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)

    def __enter__(self) -> LabServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
