"""Key press -> updated explorer, for every lesson's explorers and a trivial baseline.

Everything runs in ONE JupyterLab session in headless Chromium (the browser-test harness in
``tests/browser/harness``), offline. For each control the clock starts at the keydown that
commits a change (Enter in an opened drop-down, Space on a toggle, the arrow on a slider) and
stops at the last change the explorer makes to the page outside the control itself, once the
page has been quiet for 300 ms: kernel round trip, recomputation, widget and chart redraw.

The baseline is ``benchmarks/baseline_slider.ipynb``: an ipywidgets IntSlider that rewrites
one line of HTML. Target (issue 8): every explorer's median within 1.5x the slider's, and under
250 ms. The same notebook holds three more baselines that say where the time goes: a drop-down,
this project's accessible slider, and a slider that redraws a three-bar chart; the "vs chart"
column compares each explorer with that last one.

Usage::

    .venv/bin/python benchmarks/bench_latency.py              # every lesson
    .venv/bin/python benchmarks/bench_latency.py --repeats 5 lessons/00_start_here.ipynb
    .venv/bin/python benchmarks/bench_latency.py --strict     # exit 1 when a target is missed
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.harness import (  # noqa: E402 - the harness lives with the tests
    LabPage,
    LabServer,
    browser_required,
    browser_unavailable_reason,
    launch_chromium,
)

BASELINE = "benchmarks/baseline_slider.ipynb"
RATIO_TARGET = 1.5
MEDIAN_TARGET_MS = 250.0

#: The source line that names an explorer in its cell (else the cell's first line).
_CELL_LABEL = """
el => {
  const cell = el.closest('.jp-Cell');
  const lines = cell ? Array.from(cell.querySelectorAll('.jp-InputArea-editor .cm-line'))
    .map(l => l.textContent.trim()).filter(Boolean) : [];
  return lines.find(l => /Explorer\\(|explorer|Board\\(|= *(widgets|controls)\\./.test(l))
    || lines[0] || '?';
}
"""


def measure(control, repeats: int) -> list[float] | None:
    """Latency samples for ``repeats`` keyboard steps after one warm-up step (None: a text
    box, not timed). A button whose first press is its only visible one (Reset, Play to the
    end) keeps that first press as its one sample."""
    if control.step_keys() is None:
        return None
    first = control.latency_ms(*control.step_keys())
    samples = [ms for _ in range(repeats) if (ms := control.latency_ms(*control.step_keys()))]
    return samples or ([first] if first is not None else [])


def explorers_of(lab: LabPage, notebook: str, repeats: int) -> list[dict]:
    """One row per explorer (cell output) of ``notebook``: its controls' pooled samples."""
    lab.open(notebook).run_all()
    problems = lab.problems()
    if problems:
        print(f"  ! {notebook}: {len(problems)} problem(s) after Run All, e.g. {problems[0]}")
    rows: dict[int, dict] = {}
    for control in lab.controls():
        label = control.locator.evaluate(_CELL_LABEL)
        row = rows.setdefault(
            control.output,
            {"notebook": notebook, "explorer": label, "controls": [], "samples": []},
        )
        try:
            samples = measure(control, repeats)
        except AssertionError as error:  # e.g. a control JupyterLab steals keys from
            print(f"  ! {notebook}: {control.role} {control.name!r}: {error}")
            continue
        if samples is None:
            print(f"  - {notebook}: text box {control.name!r}: typing is not timed")
        elif samples:
            row["controls"].append(f"{control.role} {control.name!r}")
            row["samples"] += samples
        else:
            print(f"  - {notebook}: {control.role} {control.name!r}: changed nothing, not timed")
    return [row for row in rows.values() if row["samples"]]


def summarise(rows: list[dict], baseline_ms: float, chart_ms: float) -> bool:
    """Print the table; return True when every explorer meets both targets."""
    print(
        f"\n{'lesson':<18} {'explorer':<44} {'n':>4} {'median':>8} {'p90':>7} {'ratio':>6} "
        f"{'vs chart':>8}  target"
    )
    all_met = True
    for row in rows:
        samples = sorted(row["samples"])
        median = statistics.median(samples)
        p90 = samples[min(len(samples) - 1, int(0.9 * len(samples)))]
        ratio = median / baseline_ms
        met = ratio <= RATIO_TARGET and median < MEDIAN_TARGET_MS
        all_met &= met or row["notebook"] == BASELINE
        print(
            f"{Path(row['notebook']).stem[:18]:<18} {row['explorer'][:44]:<44} {len(samples):>4} "
            f"{median:>6.0f}ms {p90:>5.0f}ms {ratio:>5.2f}x {median / chart_ms:>7.2f}x  "
            f"{'met' if met else 'MISSED'}"
        )
    return all_met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="notebooks (default: lessons/NN_*.ipynb)")
    parser.add_argument("--repeats", type=int, default=5, help="measured steps per control")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    lessons = args.lessons or [
        p.relative_to(ROOT).as_posix() for p in sorted(ROOT.glob("lessons/[0-9][0-9]_*.ipynb"))
    ]
    reason = browser_unavailable_reason()
    if reason:
        print(f"bench_latency: cannot run: {reason}")
        return 1 if browser_required() else 0

    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="osmosis-bench-") as home,
        LabServer(ROOT, Path(home)) as server,
        launch_chromium() as browser,
    ):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        lab = LabPage(context.new_page(), server, Path(home) / "shots")
        print(f"one JupyterLab session on port {server.port}, Chromium {browser.version}")
        baseline = explorers_of(lab, BASELINE, args.repeats * 3)
        rows = list(baseline)
        for lesson in lessons:
            print(f"  measuring {lesson}")
            rows += explorers_of(lab, lesson, args.repeats)
        lab.close()
        context.close()
    slider, chart = baseline[0], baseline[-1]  # the notebook's first and last cells
    baseline_ms = statistics.median(slider["samples"])
    chart_ms = statistics.median(chart["samples"])
    print(
        f"\nbaseline: trivial slider, median {baseline_ms:.0f} ms over "
        f"{len(slider['samples'])} key presses; slider + 3-bar chart, median {chart_ms:.0f} ms"
    )
    all_met = summarise(rows, baseline_ms, chart_ms)
    print(
        f"\ntargets: median within {RATIO_TARGET}x the slider baseline and under "
        f"{MEDIAN_TARGET_MS:.0f} ms: {'all met' if all_met else 'NOT all met'} "
        f"({time.monotonic() - started:.0f} s)"
    )
    return 0 if all_met or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
