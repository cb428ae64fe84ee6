"""Print how fast lesson 03's five privacy explorers update; the README quotes the figures.

Run: .venv/bin/python benchmarks/bench_privacy.py   (about 30 seconds on 2 cores)

An update is what a learner does: tick a box, move a slider one step, press a
button. Each explorer works on the full data (the 24 testers and candidates
plus the 1,000 residents, and the 589 public profiles), exactly as the lesson
builds it (``with_lesson_data``). The time covers the engine, the chart spec
and the text equivalent, in the kernel without a browser. Target: median under
100 ms for every explorer.

Two clocks: wall time (what a learner waits) and CPU time of this process (what
the update costs). On an idle machine they agree, since an update runs on one
thread; on a shared, loaded machine wall time also counts waiting for a core,
so the verdict uses CPU time and the load average is printed beside it.
"""

import os

# one BLAS thread: on 2 shared cores threading triples small recomputes
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from osmosis_lab.explorers.privacy_generalise import GeneraliseExplorer  # noqa: E402
from osmosis_lab.explorers.privacy_linkage import LinkageExplorer  # noqa: E402
from osmosis_lab.explorers.privacy_noise import NoiseExplorer  # noqa: E402
from osmosis_lab.explorers.privacy_profile import ProfileExplorer  # noqa: E402
from osmosis_lab.explorers.privacy_survey import SurveyExplorer  # noqa: E402

TARGET_MS = 100
UPDATES = 40


def step_slider(slider) -> None:
    """One step right, or back to the start at the end (as a learner sweeping it)."""
    options = list(getattr(slider, "options", ()))
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        slider.value = values[(values.index(slider.value) + 1) % len(values)]
    else:
        slider.value = slider.min if slider.value >= slider.max else slider.value + slider.step


def linkage_actions(e: LinkageExplorer) -> list[Callable[[], None]]:
    def flip(box):
        return lambda: setattr(box, "value", not box.value)

    return [flip(box) for column, box in e.knows.items() if column != "age"]


def generalise_actions(e: GeneraliseExplorer) -> list[Callable[[], None]]:
    return [lambda s=s: step_slider(s) for s in (*e.levels.values(), e.k_target)]


def survey_actions(e: SurveyExplorer) -> list[Callable[[], None]]:
    return [lambda: step_slider(e.epsilon), lambda: step_slider(e.class_size), e.ask_again.click]


def noise_actions(e: NoiseExplorer) -> list[Callable[[], None]]:
    return [lambda: step_slider(e.epsilon), e.publish.click, e.start_over.click]


def profile_actions(e: ProfileExplorer) -> list[Callable[[], None]]:
    def flip():
        e.coarse.value = not e.coarse.value

    return [lambda: step_slider(e.age), lambda: step_slider(e.occupation), flip]


EXPLORERS = (
    ("Linkage attack (tick a fact)", LinkageExplorer, linkage_actions),
    ("Generalise (move a slider)", GeneraliseExplorer, generalise_actions),
    ("Ask privately (epsilon, class, ask again)", SurveyExplorer, survey_actions),
    ("Noise dial (epsilon, publish, new budget)", NoiseExplorer, noise_actions),
    ("Your own profile (a field, coarse facts)", ProfileExplorer, profile_actions),
)


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = True
    for label, cls, actions_of in EXPLORERS:
        start = time.perf_counter()
        explorer = cls.with_lesson_data()
        built = 1000 * (time.perf_counter() - start)
        actions = actions_of(explorer)
        wall, cpu = [], []
        for i in range(UPDATES):
            start, start_cpu = time.perf_counter(), time.process_time()
            actions[i % len(actions)]()
            wall.append(1000 * (time.perf_counter() - start))
            cpu.append(1000 * (time.process_time() - start_cpu))
        median = statistics.median(cpu)
        verdict = "OK" if median < TARGET_MS else "TOO SLOW"
        ok &= median < TARGET_MS
        print(
            f"{label}: median {median:.1f} ms CPU (wall {statistics.median(wall):.1f} ms), "
            f"worst {max(cpu):.1f} ms CPU over {UPDATES} updates; built in {built:.0f} ms; "
            f"target median < {TARGET_MS} ms: {verdict}"
        )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
