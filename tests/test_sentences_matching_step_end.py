"""Lesson 01's step-through at its ends, driven as a keyboard learner drives it (w44).

A learner pressed "Next proposal" again and again past the end: the button still looked and
acted live. Here seeded random sequences press mostly Next proposal (so the end is passed
often), and also Back, Play to the end, Start again and the example picker, as the browser
sends them (``sequences.py``). The learner can only press a button they can reach: a disabled
one sends nothing. After each step, every sentence is checked (``StepsModel``: the title's
count, the pairs, the end's "Press Start again") and so is the state of each button; and the
focus, followed as the browser would (the button pressed, then wherever the kernel moved it),
is never left on a disabled button, where Chromium would drop it to the page.
"""

from __future__ import annotations

import random

import comm
import pytest

from sentence_sweep import SEEDS
from sequences import KernelLikeComm, LogProblems, click, update
from test_sentences_matching_steps import StepsModel, buttons

#: Presses per sequence: enough to pass the end of the first example several times.
STEPS = 50


@pytest.fixture
def explorer(monkeypatch):
    """A step-through whose widgets publish as a kernel does (focus messages are kept)."""
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)
    from osmosis_lab.explorers.matching_steps import StepThroughExplorer

    return StepThroughExplorer.with_lesson_data()


def focus_moved_to(widgets_: list, before: dict) -> list:
    """The widgets that asked the browser to focus them since ``before`` (published counts)."""
    return [
        w
        for w in widgets_
        for content in w.comm.published[before[id(w)] :]
        if content.get("data", {}).get("content") == {"do": "focus"}
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_end_disables_next_and_the_focus_goes_to_finished(explorer, seed):
    rng = random.Random(seed)
    model = StepsModel(explorer)
    everything = [*buttons(explorer), explorer.finished, explorer.example]
    focused, taken, reached_end_by_next = None, [], 0
    with LogProblems() as problems:
        for _ in range(STEPS):
            live = [b for b in buttons(explorer) if not b.disabled]
            weights = [6 if b is explorer.next_proposal else 1 for b in live]
            if rng.random() < 0.05:  # now and then, another example
                control = explorer.example
                index = rng.randrange(len(control.options))
                taken.append(f"example → {control.options[index]}")
            else:
                control = rng.choices(live, weights)[0]
                taken.append(f"Tab to {control.description!r}, Enter")
            before = {id(w): len(w.comm.published) for w in everything}
            focused = control
            if control is explorer.example:
                update(control, index=index)
            else:
                click(control)
            moved = focus_moved_to(everything, before)
            if moved:
                focused = moved[-1]
            where = f"seed {seed}, after: " + "; ".join(taken[-8:])
            assert not problems.found, f"{where}\n{problems.found}"
            model(explorer, control)
            assert not getattr(focused, "disabled", False), (
                f"{where}: the focus is left on the disabled {focused.description!r}"
            )
            if control is explorer.next_proposal and explorer.next_proposal.disabled:
                reached_end_by_next += 1
                # not Start again: the learner's next Enter would throw the end away (w47)
                assert focused is explorer.finished, where
                assert explorer.finished.layout.display is None, where
    assert reached_end_by_next, "the sequence never pressed Next proposal up to the end"


def test_a_press_sent_before_the_button_was_disabled_changes_nothing(explorer):
    """Enter pressed twice quickly: the second press left the browser before the first one's
    answer disabled the button. It must not move anything, nor steal the focus again."""
    explorer.play.click()
    shown = explorer.summary.value
    before = {id(w): len(w.comm.published) for w in buttons(explorer)}
    with LogProblems() as problems:
        click(explorer.next_proposal)
        click(explorer.play)
    assert not problems.found
    assert explorer.summary.value == shown
    assert not focus_moved_to(buttons(explorer), before)
