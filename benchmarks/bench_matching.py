"""Print the matching engine's performance figures (the README quotes them).

Run: .venv/bin/python benchmarks/bench_matching.py   (about a minute on 2 cores)

1. against the `matching` package (1.4.3) on the same random instances,
   n = 50 and 80 per side, its recursion limit untouched: target >= 100x faster;
2. n = 10,000 per side against the floor, the time to just build the n x n
   rank table: target within 2x;
3. a consent-toggle recompute (scores -> preferences -> matching) for 500 per
   side: target median < 50 ms.
Timings are the median of several runs; the machine is shared, so expect noise.
"""

import os

# one BLAS thread: on 2 shared cores threading triples small recomputes
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from osmosis_lab.matching import (  # noqa: E402
    compatibility_scores,
    deferred_acceptance,
    deferred_acceptance_arrays,
    preferences_from_scores,
)


def median_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def random_prefs(rng, n):
    proposers = rng.permuted(np.tile(np.arange(n), (n, 1)), axis=1)
    reviewers = rng.permuted(np.tile(np.arange(n), (n, 1)), axis=1)
    return proposers, reviewers


def as_dicts(proposers, reviewers):
    p_prefs = {f"p{i}": [f"r{j}" for j in row] for i, row in enumerate(proposers)}
    r_prefs = {f"r{j}": [f"p{i}" for i in row] for j, row in enumerate(reviewers)}
    return p_prefs, r_prefs


def against_matching_package(rng):
    from matching.games import StableMarriage

    print("1. Against the `matching` package 1.4.3 (same random instances, complete lists)")
    for n in (50, 80):
        proposers, reviewers = random_prefs(rng, n)
        p_prefs, r_prefs = as_dicts(proposers, reviewers)

        def theirs(p_prefs=p_prefs, r_prefs=r_prefs):
            game = StableMarriage.create_from_dictionaries(p_prefs, r_prefs)
            return {s.name: m.name for s, m in game.solve().items()}

        assert theirs() == deferred_acceptance(p_prefs, r_prefs)
        t_theirs = median_time(theirs, 5)
        t_dict = median_time(lambda p=p_prefs, r=r_prefs: deferred_acceptance(p, r), 20)
        t_array = median_time(lambda p=proposers, r=reviewers: deferred_acceptance_arrays(p, r), 20)
        print(
            f"   n={n:>3}: matching {t_theirs * 1e3:8.1f} ms | ours, dicts {t_dict * 1e3:6.2f} ms "
            f"({t_theirs / t_dict:5.0f}x) | ours, arrays {t_array * 1e3:6.2f} ms "
            f"({t_theirs / t_array:5.0f}x)   target >= 100x"
        )


def build_rank_table(reviewers):
    """The floor: just fill rank[r, p] = place, the fastest way we know (row by row)."""
    n_r, width = reviewers.shape
    rank = np.empty((n_r, reviewers.max() + 1), dtype=np.int32)
    places = np.arange(width, dtype=np.int32)
    for r, row in enumerate(reviewers):
        rank[r, row] = places
    return rank


def against_the_floor(rng, n=10_000):
    print(f"2. n = {n:,} per side against the floor (building the n x n rank table)")
    proposers, reviewers = random_prefs(rng, n)
    proposers, reviewers = proposers.astype(np.int32), reviewers.astype(np.int32)
    # alternate the three so that a burst of load on the shared machine hits all of them
    runs = {"floor": [], "checked": [], "trusted": []}
    for _ in range(5):
        runs["floor"].append(median_time(lambda: build_rank_table(reviewers), 1))
        runs["checked"].append(
            median_time(lambda: deferred_acceptance_arrays(proposers, reviewers), 1)
        )
        runs["trusted"].append(
            median_time(lambda: deferred_acceptance_arrays(proposers, reviewers, validate=False), 1)
        )
    floor, checked, trusted = (statistics.median(runs[k]) for k in ("floor", "checked", "trusted"))
    print(f"   floor (rank table only)          {floor:6.2f} s")
    print(f"   deferred_acceptance_arrays       {checked:6.2f} s  ({checked / floor:.2f}x floor)")
    print(f"     validate=False (trusted input) {trusted:6.2f} s  ({trusted / floor:.2f}x floor)")
    print("   target: within 2x of the floor")


def consent_toggle(rng, n=500, toggles=41):
    print(f"3. Consent toggle: recompute scores -> preferences -> matching, {n} per side")
    traits = rng.random((2 * n, 16))
    weights = rng.dirichlet(np.ones(4), size=2 * n)
    shared = rng.random((2 * n, 4)) < 0.8
    testers, candidates = slice(0, n), slice(n, 2 * n)

    def recompute():
        forward = compatibility_scores(
            traits[testers],
            weights[testers],
            shared=shared[testers],
            other_traits=traits[candidates],
            other_shared=shared[candidates],
        )
        backward = compatibility_scores(
            traits[candidates],
            weights[candidates],
            shared=shared[candidates],
            other_traits=traits[testers],
            other_shared=shared[testers],
        )
        return deferred_acceptance_arrays(
            preferences_from_scores(forward), preferences_from_scores(backward), validate=False
        )

    times = []
    for _ in range(toggles):
        person, category = rng.integers(2 * n), rng.integers(4)
        shared[person, category] = not shared[person, category]
        start = time.perf_counter()
        recompute()
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        f"   median {statistics.median(times) * 1e3:.1f} ms, fastest {times[0] * 1e3:.1f} ms, "
        f"slowest {times[-1] * 1e3:.1f} ms over {toggles} toggles   target: median < 50 ms"
    )


def main():
    rng = np.random.default_rng(2026)
    print(
        f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start"
    )
    against_matching_package(rng)
    against_the_floor(rng)
    consent_toggle(rng)


if __name__ == "__main__":
    main()
