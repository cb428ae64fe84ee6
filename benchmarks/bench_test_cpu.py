"""Where a test run's CPU goes, by kind of process: Chromium's renderers, the kernels, JupyterLab…

``make test`` on three workers is bound by the two cores (README, Tests: "Where the time goes"), so
what is left to cut is CPU. This runs a pytest command and reads every process it starts from
``/proc`` every 0.3 s, keeping each one's last CPU-seconds (user and system), then prints them summed
by kind. A process that ends between two reads loses at most its last 0.3 s. Linux only.

Usage::

    .venv/bin/python benchmarks/bench_test_cpu.py -n 2 --dist loadgroup tests/browser
    .venv/bin/python benchmarks/bench_test_cpu.py tests/browser/test_answers_kept.py

What this sampling read for the browser layer on two workers (2026-12-07, fae7b9f): 353 CPU-seconds in 284 s,
Chromium's renderers 196, the kernels 51, playwright's driver 26, Chromium's browser process 24.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from own_cpu import own_cpu

ROOT = Path(__file__).resolve().parents[1]


def cpu_by_kind(args: list[str], interval: float = 0.3) -> tuple[Counter, float]:
    """Run ``pytest args``; return the CPU-seconds of it and its descendants by kind, and the wall time."""
    start = time.monotonic()
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", *args], cwd=ROOT)
    last: dict[str, tuple[str, float]] = {}  # pid -> (kind, CPU-seconds at its last read)
    while run.poll() is None:
        for pid, (what, cpu) in own_cpu().items():
            # a process that has ended but is not yet reaped has no command line ("other"):
            # it keeps the kind it was read as while it ran
            last[pid] = (last[pid][0] if what == "other" and pid in last else what, cpu)
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
