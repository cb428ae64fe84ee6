"""Lesson 04's "How sure are you (%)" slider starts on one of its own steps.

A teacher reported a slider that starts at 75 but moves in steps of 10 (first press: 70). A
start between two steps cannot be reached again once left, and the first key press does not
move by one step. Driven as the browser does: the browser sends ``index`` (one position per
arrow key, ``controls.slider.js``).
"""

import numpy as np

from osmosis_lab.data import load_pairs, load_population
from osmosis_lab.explorers.trust_judge import START_CONFIDENCE, JudgeFirstExplorer
from osmosis_lab.trust import judge_cases

CASES = judge_cases(load_pairs(), load_population(), n=3, rng=np.random.default_rng(1))


def test_the_start_is_a_step_of_the_slider_and_one_key_press_moves_one_step():
    slider = JudgeFirstExplorer(CASES).confidence
    assert slider.description == "How sure are you (%)"
    assert slider.value == START_CONFIDENCE and slider.readout == str(START_CONFIDENCE)
    assert (START_CONFIDENCE - slider.min) % slider.step == 0, "the start is between two steps"
    start = slider.index
    slider.index = start - 1  # ← once
    assert slider.value == START_CONFIDENCE - slider.step
    slider.index = start + 1  # → once from the start
    assert slider.value == START_CONFIDENCE + slider.step


def test_every_case_starts_the_slider_at_the_same_step():
    explorer = JudgeFirstExplorer(CASES)
    for confidence in (100, 50):
        explorer.judge("accept", confidence)
        slider = explorer.confidence
        assert slider.value == START_CONFIDENCE and slider.readout == str(START_CONFIDENCE)
