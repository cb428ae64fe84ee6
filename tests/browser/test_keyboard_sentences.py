"""Every keyboard instruction of lesson 04's judge-first explorer does what it says.

Issue 12 (walkthrough): the lesson said "the arrow keys to choose", but arrow keys do not move
between ipywidgets' buttons (now a radio group, ``controls.ToggleButtons``, they do). This reads the lesson's own "(Keyboard: ...)" sentence, finds
each claim it makes, and presses those keys in JupyterLab: every claim found must hold, and
every key the sentence names must belong to a claim checked here. Lesson 02's keyboard
sentences (the Step slider's arrow keys, Next step, Tab and Space on the consent boxes) are
pressed the same way in ``test_lesson_02.py``.
"""

import json
import re
from pathlib import Path

import pytest

from .gates import show_gated_results

LESSON = "lessons/04_trust.ipynb"
#: The judge-first explorer, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("JudgeFirstExplorer(",)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lesson(lesson):
    return show_gated_results(lesson)


def keyboard_sentence() -> str:
    cells = json.loads((ROOT / LESSON).read_text(encoding="utf-8"))["cells"]
    prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    found = re.search(r"\(Keyboard: (.*?)\)", prose.replace("\n", " "), re.S)
    assert found, "lesson 04 no longer says how to use the judge-first explorer by keyboard"
    return found.group(1)


def focused_text(lesson) -> str:
    return lesson.page.evaluate("() => document.activeElement.textContent.trim()")


def arrows_choose(lesson) -> bool:
    call = lesson.control("Your call")
    before = call.value()
    for key in ("ArrowRight", "ArrowDown"):
        call.press(key, keep_focus=False)
    return call.value() != before


def tab_moves_between_controls(lesson) -> bool:
    """The call's two answers are one radio group, one Tab stop: Tab goes on to the slider."""
    lesson.control("Your call").focus()
    first = focused_text(lesson)
    lesson.page.keyboard.press("Tab")
    slider = lesson.page.evaluate(
        "() => { const a = document.activeElement;"
        " return a.type === 'range' ? a.labels[0].textContent : a.textContent.trim(); }"
    )
    return first in ("Accept the match", "Reject it") and slider == "How sure are you (%)"


def space_and_enter_press(lesson) -> bool:
    call = lesson.control("Your call")
    call.press("Space")  # the focused choice: "Accept the match"
    chose_with_space = call.value() == "Accept the match"
    call.press("ArrowRight", "Enter")  # the arrow moves to "Reject it"; Enter presses it
    chose_with_enter = call.value() == "Reject it"
    lesson.control("Lock in my call").press("Enter")
    return chose_with_space and chose_with_enter and "The app says" in call.readout()


def slider_arrows_move_it(lesson) -> bool:
    sure = lesson.control("How sure are you (%)")
    before = sure.value()
    sure.press("ArrowRight")
    moved_up = sure.value() != before
    sure.press("ArrowLeft")
    return moved_up and sure.value() == before


#: Each claim a keyboard sentence may make (a pattern), and how the browser checks it. Order
#: matters: the last claim locks in a call, which disables the call and the slider.
CLAIMS = [
    (r"arrow keys to choose", arrows_choose),
    (r"arrow keys (move|nudge|change) (it|the slider)", slider_arrows_move_it),
    (r"\*\*Tab\*\* moves from one control to the next", tab_moves_between_controls),
    (r"\*\*Space\*\* or \*\*Enter\*\* presses", space_and_enter_press),
]
#: The keys a sentence can name; each must appear in a claim that matched.
KEYS = re.compile(r"\*\*(Tab|Space|Enter|Home|End)\*\*|arrow keys")


def test_every_keyboard_claim_of_the_judge_first_explorer_holds(lesson):
    sentence = keyboard_sentence()
    matched = [(m, check) for pattern, check in CLAIMS if (m := re.search(pattern, sentence))]
    assert matched, f"no claim recognised in {sentence!r}"
    failed = [m.group(0) for m, check in matched if not check(lesson)]
    assert not failed, f"lesson 04 says {failed}, which JupyterLab does not do: {sentence!r}"
    covered = " ".join(m.group(0) for m, _ in matched)
    named = {k.group(0) for k in KEYS.finditer(sentence)}
    unchecked = {k for k in named if k not in covered}
    assert not unchecked, f"keys the sentence names that no check presses: {unchecked}"
    lesson.assert_no_errors()
