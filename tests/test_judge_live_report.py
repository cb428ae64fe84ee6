"""Lesson 04's judge-first report follows the explorer: it never needs its cell re-run.

The lesson shows ``judge.live_report()`` once, far below the explorer. A learner who judges
more cases afterwards must read a report about the cases they have judged, not about the
moment the cell ran. Cases are judged by clicking, as the browser sends it (``sequences.py``).
"""

import json
import re
from pathlib import Path

import comm
import numpy as np
import pytest

from osmosis_lab.data import load_pairs, load_population
from osmosis_lab.explorers.trust_judge import JudgeFirstExplorer
from osmosis_lab.trust import judge_cases, reliance_summary
from sequences import KernelLikeComm, LogProblems, click, update

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "04_trust.ipynb"


@pytest.fixture(autouse=True)
def kernel_like(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)


def shown(widget) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", widget.value)).replace("&#x27;", "'")


def judge_by_clicking(judge, first: int, final: int) -> None:
    """Your call (a toggle by index), Lock in, Final call, Next case: what a learner clicks."""
    update(judge.decision, index=first)
    click(judge.lock)
    update(judge.final, index=final)
    click(judge.next_case)


def test_the_report_updates_by_itself_as_cases_are_judged():
    cases = judge_cases(load_pairs(), load_population(), n=5, rng=np.random.default_rng(3))
    judge = JudgeFirstExplorer(cases)
    report = judge.live_report()  # what the lesson's cell displays, once
    assert "not judged any case yet" in shown(report)
    calls, before = [], shown(report)
    rng = np.random.default_rng(2019)
    with LogProblems() as problems:
        for n in range(1, len(cases) + 1):
            first, final = int(rng.integers(2)), int(rng.integers(2))
            judge_by_clicking(judge, first, final)
            calls.append((first == 0, final == 0))  # index 0 is "Accept the match"
            assert judge.report_view is report  # the widget on screen, updated in place
            now = shown(report)
            assert now != before, f"the report did not change after case {n}"
            done = cases.iloc[:n]
            expected = reliance_summary(
                [c[1] for c in calls],
                done["app_accepts"].to_numpy(),
                done["outcome"].to_numpy(),
                initial=[c[0] for c in calls],
            )
            assert expected.in_words() in now, (n, now)
            assert (f"So far ({n} of {len(cases)} cases)" in now) == (n < len(cases))
            before = now
        click(judge.start_again)  # and Start again, confirmed, empties it
        click(judge.starting_again.yes)
        assert "not judged any case yet" in shown(report)
    assert not problems.found, problems.found


def test_the_lesson_shows_the_live_report_and_says_it_updates():
    cells = ["".join(c["source"]) for c in json.loads(LESSON.read_text())["cells"]]
    at = cells.index("judge.live_report()")
    assert "updates by itself" in cells[at - 1]
    assert not any("run this again" in c for c in cells), "a sentence still says to re-run"
