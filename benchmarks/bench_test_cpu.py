"""Where a test run's CPU goes, by kind of process: Chromium's renderers, the kernels, JupyterLab…

``make test`` on three workers is bound by the two cores (README, Tests: "Where the time goes"), so
what is left to cut is CPU. This runs a pytest command and reads every process it starts from
``/proc`` every 0.3 s, keeping each one's last CPU-seconds (user and system), then prints them summed
by kind. A process that ends between two reads loses at most its last 0.3 s. Linux only.

Usage::

    .venv/bin/python benchmarks/bench_test_cpu.py -n 2 --dist loadgroup tests/browser
    .venv/bin/python benchmarks/bench_test_cpu.py tests/browser/test_answers_kept.py

What it printed for the browser layer on two workers (2026-12-07, fae7b9f): 353 CPU-seconds in 284 s,
Chromium's renderers 196, the kernels 51, playwright's driver 26, Chromium's browser process 24.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")


def kind(command: str) -> str:
    """What a process is, from its command line.

    >>> kind("/usr/lib/chromium/chromium-headless-shell --type=renderer --headless=old")
    'Chromium renderer'
    >>> kind("python -m ipykernel_launcher -f kernel.json")
    'kernel'
    """
    if "chrom" in command:
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


def _processes() -> dict[int, tuple[int, float]]:
    """Every process now: its parent and its CPU-seconds so far."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        found[int(pid)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
    return found


def _descends(pid: int, root: int, parents: dict[int, int]) -> bool:
    while pid > 1:
        if pid == root:
            return True
        pid = parents.get(pid, 0)
    return False


def cpu_by_kind(args: list[str], interval: float = 0.3) -> tuple[Counter, float]:
    """Run ``pytest args``; return the CPU-seconds of it and its descendants by kind, and the wall time."""
    start = time.monotonic()
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", *args], cwd=ROOT)
    last: dict[int, list] = {}  # pid -> [kind, CPU-seconds at its last read]
    while run.poll() is None:
        now = _processes()
        parents = {pid: parent for pid, (parent, _cpu) in now.items()}
        for pid, (_parent, cpu) in now.items():
            if pid not in last and _descends(pid, run.pid, parents):
                try:
                    command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                except OSError:
                    continue
                last[pid] = [kind(command.decode(errors="replace")), cpu]
            if pid in last:
                last[pid][1] = cpu
        time.sleep(interval)
    used = Counter()
    for what, cpu in last.values():
        used[what] += cpu
    return used, time.monotonic() - start


def main() -> None:
    used, wall = cpu_by_kind(sys.argv[1:])
    total = sum(used.values())
    print(f"\n{total:.0f} CPU-seconds in {wall:.0f} s of wall time ({total / wall:.2f} cores busy)")
    for what, cpu in used.most_common():
        print(f"  {what:<26} {cpu:7.1f}")


if __name__ == "__main__":
    main()
