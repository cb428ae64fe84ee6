"""Print each lesson's setup-cell CPU and Restart & Run All CPU, for a base commit and HEAD.

Run: .venv/bin/python benchmarks/bench_startup.py [--base c11b62f] [--repeats 5]

For each lesson and each version, a fresh kernel (the same virtualenv; the package and the
lessons taken from that version's tree) runs the lesson's first code cell, and the CPU seconds
spent by the kernel process (user + system, from /proc through psutil) are recorded; then the
whole lesson runs top to bottom in another fresh kernel. Medians of ``--repeats`` runs, after
one warm-up run per version (so the disk cache is warm for both). CPU time, not wall time: the
machines are shared, and CPU is what 30 learners on one server compete for. Target: the first
cell at most 0.8 s of CPU, with altair's validation on, and Run All not worse than the base.
The base version is checked out with ``git worktree`` into a temporary folder.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import psutil
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parents[1]
TARGET_SETUP_CPU = 0.8


def kernel_cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def run_cells(tree: Path, lesson: str, cells: list[tuple[str, bool]]) -> float:
    """CPU seconds the kernel spends on ``cells``, started in ``tree``'s lessons/ folder."""
    env = {**os.environ, "PYTHONPATH": str(tree / "widgets"), "OPENBLAS_NUM_THREADS": "1"}
    env["OSMOSIS_DATA_DIR"] = str(tree / "data")
    manager, client = start_new_kernel(
        kernel_name="python3", cwd=str(tree / "lessons"), env=env, stderr=subprocess.DEVNULL
    )
    try:
        process = psutil.Process(manager.provisioner.process.pid)
        before = kernel_cpu(process)
        for source, may_raise in cells:
            reply = client.execute_interactive(source, timeout=300, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok" and not may_raise:
                raise RuntimeError(f"{lesson}: a cell failed in {tree}: {reply['content']}")
        return kernel_cpu(process) - before
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def code_cells(tree: Path, lesson: str) -> list[tuple[str, bool]]:
    """(source, whether the lesson expects it to raise) for each code cell, in order."""
    notebook = nbformat.read(tree / "lessons" / lesson, as_version=4)
    return [
        (cell.source, "raises-exception" in cell.metadata.get("tags", []))
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def measure(tree: Path, lesson: str, repeats: int) -> tuple[float, float]:
    cells = code_cells(tree, lesson)
    run_cells(tree, lesson, cells[:1])  # warm-up: the disk cache, compiled bytecode
    setup = statistics.median(run_cells(tree, lesson, cells[:1]) for _ in range(repeats))
    run_all = statistics.median(run_cells(tree, lesson, cells) for _ in range(max(1, repeats // 2)))
    return setup, run_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="c11b62f", help="the commit to compare with")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(base), args.base], cwd=ROOT, check=True
        )
        try:
            lessons = sorted(p.name for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
            print(
                f"kernel CPU seconds, medians ({args.repeats} setup runs, {max(1, args.repeats // 2)} Run All)"
            )
            print(
                f"{'lesson':28} {'setup base':>10} {'setup HEAD':>10} {'Run All base':>12} {'Run All HEAD':>12}"
            )
            for lesson in lessons:
                old = (
                    measure(base, lesson, args.repeats)
                    if (base / "lessons" / lesson).exists()
                    else (float("nan"),) * 2
                )
                new = measure(ROOT, lesson, args.repeats)
                flag = "" if new[0] <= TARGET_SETUP_CPU else f"  (setup above {TARGET_SETUP_CPU} s)"
                print(
                    f"{lesson:28} {old[0]:10.2f} {new[0]:10.2f} {old[1]:12.2f} {new[1]:12.2f}{flag}"
                )
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False
            )


if __name__ == "__main__":
    sys.exit(main())
