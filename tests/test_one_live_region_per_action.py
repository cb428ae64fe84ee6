"""One thing a learner does makes at most one live region of an explorer speak.

Issue 12: in lesson 02's consent board each box ticked changed two live regions (the text
equivalent and "What Osmosis may use"), so a screen reader read both, one cutting the other off.
Every explorer here is driven with the seeded random sequences of ``sequences.py`` (what the
browser sends, control by control); after each action, the live regions (:class:`.live.LiveText`)
of its view whose words changed are counted: never more than one (a region emptied is not
counted: a screen reader says nothing of words removed). Shown to fail on the board
before it said each change in one short live sentence (two regions changed at a box ticked).
"""

from __future__ import annotations

import html
import re

import comm
import pytest

from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.live import LiveText
from sequences import CLASSES, KernelLikeComm, run_sequence

#: Long enough to reach a path (switch, then tick); fixed seeds (CI is deterministic).
STEPS = 30
SEEDS = (0, 1)


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an explorer that saves writes into the working folder
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)


def spoken(explorer) -> dict[int, tuple[LiveText, str]]:
    """Every live region of the explorer's view, with its words now."""
    return {id(w): (w, w.value) for w in descendants(explorer.view) if isinstance(w, LiveText)}


def words(value: str) -> str:
    """What a region's new value says: nothing when it was emptied (a polite region speaks what
    is added, ``aria-relevant``'s default, not what is removed)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", value)).strip()


class LiveChanges:
    """A sequence's model: after each action, the live regions whose words changed."""

    def __init__(self, explorer) -> None:
        self.before = spoken(explorer)

    def __call__(self, explorer, _control) -> None:
        now = spoken(explorer)
        changed = [
            value
            for key, (_widget, value) in now.items()
            if (key not in self.before or self.before[key][1] != value) and words(value)
        ]
        self.before = now
        assert len(changed) <= 1, (
            f"{len(changed)} live regions changed at once, read over each other:\n"
            + "\n".join(f"  {value[:160]}" for value in changed)
        )


def cases():
    for cls in CLASSES:
        for seed in SEEDS:
            yield pytest.param(cls, seed, id=f"{cls.__name__}-{seed}")


@pytest.mark.parametrize(("cls", "seed"), list(cases()))
def test_one_action_changes_at_most_one_live_region(cls, seed):
    explorer = cls.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=LiveChanges(explorer))
