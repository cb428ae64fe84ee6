"""Sweep an explorer's controls over their whole range and read its sentences.

The sentence-predicate tests (``test_sentences_*.py``) give each explorer a model: a
function ``model(explorer, control)`` that computes, from the engines and the data given
the control values (never from the explorer's own text functions), what each kind of
sentence must say, and asserts it. Each model runs after every step of seeded random
sequences (:func:`sequences.run_sequence`) and over each control's whole range here: every
slider index, every option, both checkbox values, or every combination of them.

Examples
--------
>>> from osmosis_lab.explorers import controls
>>> len(positions(controls.IntSlider(value=2, min=1, max=5, description="Step")))
5
"""

from __future__ import annotations

import itertools
import re

import ipywidgets as widgets

from osmosis_lab.explorers import controls
from sequences import SLIDERS, LogProblems, click, every_text, move_slider, update

#: Steps of each random sequence, and the seeds (CI is deterministic: fixed seeds).
STEPS = 30
SEEDS = (11, 12, 13)


def positions(control):
    """Every position a learner can put ``control`` in, each as the browser sends it."""
    if isinstance(control, SLIDERS):
        return [lambda i=i: move_slider(control, i) for i in range(len(control.labels))]
    if isinstance(control, controls.ToggleButtons):
        return [lambda i=i: update(control, index=i) for i in range(len(control.options))]
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [lambda v=v: update(control, value=v) for v in (False, True)]
    if isinstance(control, widgets.Button):
        return [lambda: click(control)] * 2
    raise AssertionError(f"no whole range for a {type(control).__name__}")


def sweep(explorer, model, *, product: bool = False) -> int:
    """Each control over its whole range (or every combination), ``model`` after each step.

    Returns how many states were checked, so a test can assert the sweep was complete.
    """
    steps = 0
    with LogProblems() as problems:
        if product:
            controls = explorer.controls()
            for combination in itertools.product(*(range(len(positions(c))) for c in controls)):
                for control, index in zip(controls, combination, strict=True):
                    positions(control)[index]()
                model(explorer, controls[-1])
                steps += 1
        else:
            for control in explorer.controls():
                for act in positions(control):
                    act()
                    model(explorer, control)
                    steps += 1
        assert not problems.found, problems.found
    return steps


def text(explorer) -> str:
    """Everything the explorer says, as one line of plain text."""
    return re.sub(r"\s+", " ", every_text(explorer))


def percent(share: float) -> str:
    """A share as the explorers print it (whole per cents)."""
    return f"{share:.0%}"
