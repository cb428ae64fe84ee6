"""The CPU-seconds of this process's descendants, read from ``/proc``, and what each one is.

Shared by ``bench_browser_cpu.py`` and ``bench_test_cpu.py``. Only descendants count: another
session's browsers on the same machine are not ours (counting every Chromium once read an idle
tab at 4 CPU-seconds in 8 s). Linux only.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def kind(command: str) -> str:
    """What a process is, from its command line.

    >>> kind("/usr/lib/chromium/chromium-headless-shell --type=renderer --headless=old")
    'Chromium renderer'
    >>> kind("/proc/self/exe --type=utility --utility-sub-type=network.mojom.NetworkService")
    'Chromium utility'
    >>> kind("python -m ipykernel_launcher -f kernel.json")
    'kernel'
    """
    if "chrom" in command or "--type=" in command:  # its helpers may run as /proc/self/exe
        found = re.search(r"--type=(\S+)", command)
        return f"Chromium {found[1] if found else 'browser'}"
    if "ipykernel" in command:
        return "kernel"
    if "jupyterlab" in command or "jupyter-lab" in command:
        return "JupyterLab server"
    if "playwright" in command:
        return "playwright's driver"
    if "python" in command:
        return "pytest and other Python"
    return "other"


def _stat(pid: str) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def own_cpu() -> dict[str, tuple[str, float]]:
    """Each descendant of this process alive now: its :func:`kind` and CPU-seconds so far
    (user and system)."""
    stats = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):  # the process ended meanwhile
            stats[pid] = _stat(pid)
    me, found = str(os.getpid()), {}
    for pid, stat in stats.items():
        ancestor = stat[1]
        while ancestor not in (me, "0", "1", None):
            ancestor = stats[ancestor][1] if ancestor in stats else None
        if ancestor != me:
            continue
        with contextlib.suppress(OSError):
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            found[pid] = (kind(command), (int(stat[11]) + int(stat[12])) / TICK)
    return found
