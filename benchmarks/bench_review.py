"""Print the design review's performance figures (lesson 05; the README quotes them).

Run: .venv/bin/python benchmarks/bench_review.py   (about half a minute on 2 cores)

1. building the scenario from the shipped data (once per lesson);
2. ``consequences()`` per design change, as a learner moves one control at a time:
   every single change of ``SINGLE_CHANGES`` and each k / epsilon setting, the first
   time each is seen ("cold": the export is attacked) and again ("warm"): target < 100 ms;
3. the same through the design panel (figures, chart and text table), as a click costs
   in the kernel; the panel keeps the figures of the designs it showed lately, so the
   last line moves to designs it has never shown (one change each, seeded), as a
   learner exploring does.
Timings are medians of several runs; the machine is shared, so expect noise (2-3x).
"""

import os

# one BLAS thread: on 2 shared cores threading triples small recomputes
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import dataclasses  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from osmosis_lab import data  # noqa: E402
from osmosis_lab.review import (  # noqa: E402
    AS_PLANNED,
    EPSILONS,
    K_OFFERED,
    SINGLE_CHANGES,
    consequences,
    one_move,
    review_scenario,
    with_change,
)

TARGET_MS = 100


def load():
    return (
        data.load_people(),
        data.load_population(),
        data.load_public_profiles(),
        data.load_pairs(),
    )


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return 1000 * (time.perf_counter() - start)


def designs():
    """What a learner walks through: each single change, then k and epsilon settings."""
    changes = [with_change(AS_PLANNED, label) for label in SINGLE_CHANGES]
    ks = [dataclasses.replace(AS_PLANNED, privacy="generalised", k=k) for k in K_OFFERED]
    eps = [dataclasses.replace(AS_PLANNED, privacy="dp", epsilon=e) for e in EPSILONS]
    return [AS_PLANNED, *changes, *ks, *eps]


def engine(tables) -> None:
    scenario = review_scenario(*tables)
    walk = designs()
    cold = [
        timed(lambda d=d: consequences(d, scenario, rng=np.random.default_rng(1))) for d in walk
    ]
    warm = [
        timed(lambda d=d: consequences(d, scenario, rng=np.random.default_rng(1)))
        for d in walk
        for _ in range(3)
    ]
    print(f"2. consequences() per design change ({len(walk)} designs; target < {TARGET_MS} ms)")
    for label, times in (("first time seen (cold)", cold), ("seen before (warm)", warm)):
        over = sum(t >= TARGET_MS for t in times)
        print(
            f"   {label:24s} median {statistics.median(times):6.1f} ms, "
            f"max {max(times):6.1f} ms, {over} of {len(times)} at or over the target"
        )


def panel(tables) -> None:
    from osmosis_lab.explorers.review_design import DesignPanel

    build = timed(lambda: DesignPanel(review_scenario(*tables), rng=np.random.default_rng(1)))
    explorer = DesignPanel(review_scenario(*tables), rng=np.random.default_rng(1))
    clicks = []
    for _ in range(3):
        for control, value in (
            ("privacy", "dp"),
            ("objective", "wellbeing"),
            ("fallback", True),
            ("proposers", "candidates"),
            ("consent_form", "fair"),
            ("privacy", "generalised"),
            ("k", 7),
            ("k", 5),
        ):
            clicks.append(
                timed(lambda c=control, v=value: setattr(getattr(explorer, c), "value", v))
            )
        clicks.append(timed(lambda: explorer.set_design(AS_PLANNED)))
    unseen = []
    for design in unseen_designs(explorer, 60):
        unseen.append(timed(lambda d=design: explorer.set_design(d)))
    print("3. the design panel in the kernel")
    print(f"   build (scenario, plan, first draw)  {build:6.0f} ms")
    print(
        f"   one control change, figures + chart + table: median "
        f"{statistics.median(clicks):6.1f} ms, max {max(clicks):6.1f} ms "
        f"({len(clicks)} changes, the first pass cold)"
    )
    print(
        f"   a design the panel never showed:            median "
        f"{statistics.median(unseen):6.1f} ms, max {max(unseen):6.1f} ms ({len(unseen)} designs)"
    )


def unseen_designs(explorer, n: int, *, seed: int = 16):
    """``n`` designs one change apart that ``explorer`` has not shown: a seeded random walk."""
    rng, design, seen = np.random.default_rng(seed), explorer.design, {explorer.design}
    while len(seen) <= n:
        changed = one_move(design, rng)
        if changed not in seen and changed not in getattr(explorer, "_recent", {}):
            design = changed
            seen.add(design)
            yield design


def main() -> None:
    tables = load()
    times = [timed(lambda: review_scenario(*tables)) for _ in range(5)]
    print(f"1. review_scenario() on the shipped data: median {statistics.median(times):.0f} ms")
    engine(tables)
    panel(tables)


if __name__ == "__main__":
    main()
