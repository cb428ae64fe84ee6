"""Print how fast lesson 04's explorers update on the 1,000-person population.

Run: .venv/bin/python benchmarks/bench_trust.py   (about half a minute on 2 cores)

Target: every explorer updates (one control changed, results recomputed, chart
and text rewritten) with a median under 100 ms. Each explorer is built once on
the synthetic population (data/population.csv, 1,000 residents, and the
1,500 past matches between its users), then one control is changed repeatedly.
Build times are printed too: they happen once, when a lesson cell runs.
The machine is shared, so expect noise.
"""

import os

# one BLAS thread: on 2 shared cores threading triples small recomputes
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import itertools  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from osmosis_lab.data import load_pairs, load_population  # noqa: E402
from osmosis_lab.explorers.trust_certainty import SETTINGS, CertaintyExplorer  # noqa: E402
from osmosis_lab.explorers.trust_explain import WhyThisMatchExplorer  # noqa: E402
from osmosis_lab.explorers.trust_judge import JudgeFirstExplorer  # noqa: E402
from osmosis_lab.explorers.trust_objectives import ObjectivesExplorer  # noqa: E402
from osmosis_lab.explorers.trust_outage import OutageExplorer  # noqa: E402
from osmosis_lab.trust import judge_cases  # noqa: E402

TARGET_MS = 100.0
REPEATS = 25


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, (time.perf_counter() - start) * 1000


def updates(change, values):
    times = [timed(lambda v=v: change(v))[1] for v in itertools.islice(values, REPEATS)]
    return statistics.median(times), max(times)


def main() -> None:
    rng = np.random.default_rng(2019)
    population, pairs = load_population(), load_pairs()
    users = population[population["signed_up"]].set_index("name")
    women, men = users[users["gender"] == "woman"], users[users["gender"] == "man"]
    named = population.set_index("name")
    cases = judge_cases(pairs, population, n=REPEATS, rng=rng)

    builds = {
        "Judge first": lambda: JudgeFirstExplorer(cases),
        "How sure is 98%?": lambda: CertaintyExplorer(pairs, population),
        "What are we optimising?": lambda: ObjectivesExplorer(women, men),
        "Why this match?": lambda: WhyThisMatchExplorer(named),
        "When the AI goes down": lambda: OutageExplorer(population, rng=rng),
    }
    built = {}
    print(
        f"Explorer updates on the 1,000-person population (median and worst of {REPEATS}; "
        f"target median < {TARGET_MS:.0f} ms)"
    )
    for name, build in builds.items():
        built[name], ms = timed(build)
        print(f"  build  {name:<26} {ms:8.1f} ms")

    judge = built["Judge first"]
    calls = itertools.cycle(["accept", "reject"])
    dial = built["How sure is 98%?"]
    objectives = built["What are we optimising?"]
    why = built["Why this match?"]
    outage = built["When the AI goes down"]
    settings = itertools.cycle(SETTINGS[::-1])
    scenarios = {
        "Judge first": (lambda v: judge.judge(v, 70), calls),
        "How sure is 98%?": (lambda v: setattr(dial.overconfidence, "value", v), settings),
        "What are we optimising?": (
            lambda v: setattr(objectives.person, "value", v),
            iter(women.index[1:]),
        ),
        "Why this match?": (lambda v: setattr(why.other, "value", v), iter(named.index[2:])),
        "When the AI goes down": (
            lambda v: setattr(outage.human_capacity, "value", v),
            itertools.cycle(range(0, 200, 5)),
        ),
    }
    failed = []
    for name, (change, values) in scenarios.items():
        median, worst = updates(change, values)
        verdict = "ok" if median < TARGET_MS else "SLOW"
        failed += [name] if median >= TARGET_MS else []
        print(f"  update {name:<26} {median:8.1f} ms median, {worst:7.1f} ms worst  {verdict}")
    print("all under target" if not failed else f"over target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
