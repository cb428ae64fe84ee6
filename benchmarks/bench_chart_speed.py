"""An explorer's refresh with altair's own chart building and with ``osmosis_lab.charts.speed``.

Every explorer builds its chart anew at each step a learner takes (and the test suite's random
sequences and sweeps take tens of thousands of steps). This builds every explorer as its lesson
does, then times rounds of one ``refresh()`` of each, alternating altair's own behaviour
(``speed.disable()``) and the speed-ups, in one process, and prints the milliseconds of a
round for each and their ratio.

Usage::

    .venv/bin/python benchmarks/bench_chart_speed.py            # 10 rounds of each
    .venv/bin/python benchmarks/bench_chart_speed.py --rounds 30
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from osmosis_lab.charts import speed  # noqa: E402
from sequences import CLASSES  # noqa: E402 - every explorer, as the tests find them


def one_round(explorers) -> float:
    """Milliseconds for one refresh of each explorer."""
    start = time.perf_counter()
    for explorer in explorers:
        explorer.refresh()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    os.chdir(tempfile.mkdtemp())  # lesson 05's writer reads and writes in the working folder
    explorers = [cls.with_lesson_data() for cls in CLASSES]
    one_round(explorers)  # warm-up: first imports, caches
    times = {"altair's own": [], "charts.speed": []}
    for _ in range(rounds):  # alternated, so a change in the machine's speed hits both
        speed.disable()
        times["altair's own"].append(one_round(explorers))
        speed.enable()
        times["charts.speed"].append(one_round(explorers))
    own, fast = (statistics.median(samples) for samples in times.values())
    print(f"one refresh of each of {len(explorers)} explorers, median of {rounds} rounds:")
    print(f"  altair's own   {own:7.1f} ms")
    print(f"  charts.speed   {fast:7.1f} ms   ({fast / own:.2f}x)")


if __name__ == "__main__":
    main()
