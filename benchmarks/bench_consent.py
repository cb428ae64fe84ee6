"""Print the consent board's toggle latency (lesson 02); the README quotes the figures.

Run: .venv/bin/python benchmarks/bench_consent.py   (about 20 seconds on 2 cores)

A toggle is what a learner does: tick or untick one consent box. It records
the grant or withdrawal in the ledger, asks the ledger who shares what for
matching, re-runs the match (scores, preferences, deferred acceptance), lists
whose partner changed and redraws the chart and the text. Target: median
under 100 ms both for the beta (12 testers, 12 candidates) and for the city
(the beta plus the 1,000 residents). Timed in the kernel, without a browser;
the machine is shared, so expect noise.
"""

import os

# one BLAS thread: on 2 shared cores threading triples small recomputes
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics  # noqa: E402
import time  # noqa: E402

from osmosis_lab.consent import PURPOSES  # noqa: E402
from osmosis_lab.data import load_people, load_population  # noqa: E402
from osmosis_lab.explorers.consent_board import ConsentBoard  # noqa: E402

TARGET_MS = 100
TOGGLES = 60


def toggle_times(board: ConsentBoard, market: str) -> list[float]:
    board.market.value = market
    keys = [(c, p) for (c, p) in board.toggles if p == "matching"] + [
        (c, p) for (c, p) in board.toggles if p != "matching"
    ][:4]
    times = []
    for i in range(TOGGLES):
        box = board.toggles[keys[i % len(keys)]]
        start = time.perf_counter()
        box.value = not box.value
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    people, population = load_people(), load_population()
    start = time.perf_counter()
    board = ConsentBoard(people, population, tester="T05")
    print(
        f"Consent board built in {1000 * (time.perf_counter() - start):.0f} ms "
        f"({len(board.ledger.people)} people in the ledger, {len(PURPOSES)} purposes)"
    )
    ok = True
    for market in ("beta", "city"):
        sides = board.markets[market]
        label = f"{market}, {len(sides.proposers)} proposers x {len(sides.reviewers)} reviewers"
        times = toggle_times(board, market)
        median = 1000 * statistics.median(times)
        worst = 1000 * max(times)
        verdict = "OK" if median < TARGET_MS else "TOO SLOW"
        ok &= median < TARGET_MS
        print(
            f"  {label}: median {median:.1f} ms, worst {worst:.1f} ms over {TOGGLES} toggles "
            f"(target median < {TARGET_MS} ms): {verdict}"
        )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
