"""What one browser test's steps cost in CPU: a tab's JupyterLab, a lesson's Run All (issue 16).

``make test``'s three workers keep the two cores about 90 % busy (README, Tests: "Where the
time goes"), and Chromium is most of the browser layer's CPU. This prints, for an empty
notebook and for each lesson named, the seconds of wall time and the CPU-seconds Chromium's
processes (by kind: renderer, browser, GPU, utility) spend opening it in a fresh tab until its
kernel is ready, then on Run All; in each of Debian's builds installed (the old headless shell,
which the tests prefer, and the full browser). Linux only: it reads ``/proc/<pid>/stat``.

Usage::

    .venv/bin/python benchmarks/bench_browser_cpu.py                      # lessons 00 and 05
    .venv/bin/python benchmarks/bench_browser_cpu.py lessons/03_privacy.ipynb
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.harness import LabPage, LabServer, launch_chromium  # noqa: E402
from browser.harness.env import BUILDS, CHROMIUM  # noqa: E402
from browser.harness.scratch import VIEWPORT, write_notebook  # noqa: E402
from browser.harness.workspace import copy_lessons  # noqa: E402
from own_cpu import own_cpu  # noqa: E402

EMPTY = "lessons/_empty.ipynb"


def chromium_cpu() -> Counter:
    """CPU-seconds used so far by each kind of this benchmark's Chromium processes alive now."""
    used: Counter = Counter()
    for what, cpu in own_cpu().values():
        if what.startswith("Chromium "):
            used[what.removeprefix("Chromium ")] += cpu
    return used


def spent(before: Counter, after: Counter) -> str:
    total = sum(after.values()) - sum(before.values())
    kinds = ", ".join(
        f"{k} {after[k] - before[k]:.1f}" for k in sorted(after) if after[k] > before[k]
    )
    return f"{total:4.1f} CPU-s ({kinds})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lessons", nargs="*", default=["lessons/00_start_here.ipynb",
                                                        "lessons/05_design_review.ipynb"])  # fmt: skip
    args = parser.parse_args()
    root = copy_lessons(Path(tempfile.mkdtemp(prefix="bench-cpu-")))
    write_notebook(root / EMPTY, ["1 + 1"])
    builds = [path for path in BUILDS if path.is_file()] or [CHROMIUM]
    with LabServer(root) as server:
        for build in builds:  # each installed build of Debian's Chromium, the tests' first
            print(f"== {build}", flush=True)
            with launch_chromium(build) as browser:
                for notebook in [EMPTY, EMPTY, *args.lessons]:  # the first load warms up
                    measure(browser, server, notebook)


def measure(browser, server, notebook: str) -> None:
    """Print what opening ``notebook`` in a fresh tab, then Run All, cost."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = LabPage(context.new_page(), server, ROOT / "benchmarks")
    start, cpu = time.monotonic(), chromium_cpu()
    tab.open(notebook)
    opened, cpu_opened = time.monotonic(), chromium_cpu()
    tab.run_all()
    ran, cpu_ran = time.monotonic(), chromium_cpu()
    print(
        f"{notebook:34} open {opened - start:4.1f} s, {spent(cpu, cpu_opened)};"
        f"  Run All {ran - opened:4.1f} s, {spent(cpu_opened, cpu_ran)}",
        flush=True,
    )
    tab.close()
    context.close()


if __name__ == "__main__":
    main()
