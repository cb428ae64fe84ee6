"""The idle culler stops when the hub stops it, however the hub itself was started.

A hub started with SIGINT ignored (a shell's background job, ``nohup jupyterhub ... &``) passes
that on to its services. The culler then ignored the hub's interrupt, and stopping the hub
hung about 30 s at "Cleaning up 1 services". The shipped command restores SIGINT's default
first. Here the command runs as the hub runs it, with SIGINT ignored, and a stand-in module in
place of the culler reports what the culler would inherit.
"""

import signal
import subprocess
import sys

from traitlets.config.loader import PyFileConfigLoader

from conftest import ROOT

PROBE = (
    "with open('/proc/self/status') as f:\n    print([l for l in f if l.startswith('SigIgn')][0])"
)


def culler_command() -> list[str]:
    config = PyFileConfigLoader("jupyterhub_config.py", path=str(ROOT / "deploy")).load_config()
    (culler,) = [s for s in config.JupyterHub.services if s["name"] == "idle-culler"]
    return culler["command"]


def test_the_culler_takes_sigint_back_when_the_hub_ignores_it(tmp_path):
    (tmp_path / "culler_probe.py").write_text(PROBE + "\n", encoding="utf-8")
    command = [arg.replace("jupyterhub_idle_culler", "culler_probe") for arg in culler_command()]
    assert command != culler_command()  # the probe stands where the culler would run
    probed = subprocess.run(
        command, env={"PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, check=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN), timeout=60,
    )  # fmt: skip
    ignored = int(probed.stdout.split()[1], 16)
    assert not ignored & (1 << (signal.SIGINT - 1)), f"SIGINT ignored: {probed.stdout}"


def test_the_probe_sees_an_ignored_sigint():  # control: the probe can tell
    probed = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN), timeout=60,
    )  # fmt: skip
    assert int(probed.stdout.split()[1], 16) & (1 << (signal.SIGINT - 1))
