"""A gated result follows what the record finally holds when a press's last letters come late.

Théo typed 250 and pressed Enter; "2" reached the kernel with the press, "50" after it (issue 11,
explorers.late_keystrokes). "2" is a prediction the question allows, so the gate opened; the late
letters made the press 250, out of range, "Not counted as a try", and the record holds nothing.
The result must be hidden again, saying why, unless an earlier try had opened it (the record
still holds that one) or the learner pressed Show anyway. Driven as the browser sends it: the
press first, then the rest of the text; the clock is the late-keystroke rule's, set by the test.
"""

import random

import pytest

from learner_steps import press_enter, said
from memory_record import MemoryRecord
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.gate import reveal_after
from sequences import click, update

#: A gated prediction answered with a number (lesson 01): the question allows 0 to 3.
EXERCISE = "men_first_choices_when_women_propose"
HIDDEN_AGAIN = "Hidden again: the answer that showed the result was not counted as a try"
#: Whole entries, and whether the question allows them (only those are tries).
ENTRIES = {"0": True, "2": True, "3": True, "25": False, "250": False, "-3": False,
           "2.5": False, "2x": False, "abc": False}  # fmt: skip
SEEDS = range(6)
STEPS = 25


pytestmark = pytest.mark.usefixtures("nobody_signed_in")


def gated():
    record = MemoryRecord()
    control = answer_control(EXERCISE, record=record)
    return record, control, reveal_after(EXERCISE, "the rounds, step by step", control=control)


def shown(gate) -> bool:
    return gate.shown and gate.result_box.layout.display != "none"


def press_then_late(control, clock, pressed: str, whole: str) -> None:
    """Enter reaches the kernel holding ``pressed``; the rest of ``whole`` comes 0.3 s later."""
    clock.now += 10  # well after any earlier press: these letters are a new entry
    update(control.text, value=pressed)
    press_enter(control.text)
    clock.now += 0.3
    update(control.text, value=whole)


def test_a_press_its_late_letters_refuse_hides_the_result_again_and_says_why(clock):
    record, control, gate = gated()
    press_then_late(control, clock, "2", "250")
    assert "Not counted as a try" in said(control.verdict) and EXERCISE not in record
    assert not shown(gate) and gate.result_box.layout.display == "none"
    assert said(gate.status).startswith(HIDDEN_AGAIN)
    assert gate.show_anyway.layout.display != "none"  # the way to see it anyway is back
    press_then_late(control, clock, "1", "1")  # a prediction the question allows: shown again
    assert shown(gate) and said(gate.status).startswith("Your prediction is in")


def test_a_result_an_earlier_try_showed_stays_shown(clock):
    record, control, gate = gated()
    press_then_late(control, clock, "3", "3")
    press_then_late(control, clock, "2", "250")
    assert "Not counted as a try" in said(control.verdict) and record[EXERCISE]["answer"] == "3"
    assert shown(gate) and said(gate.status).startswith("Your prediction is in")


def test_a_result_shown_anyway_stays_shown(clock):
    _record, control, gate = gated()
    click(gate.show_anyway)
    press_then_late(control, clock, "2", "250")
    assert shown(gate) and gate.reason == "shown anyway"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_gate_shows_the_result_exactly_while_a_try_is_kept_or_it_was_shown_anyway(seed, clock):
    """Seeded sequences of entries, each pressed with some of its letters still on the way,
    and the odd Show anyway: after each step the result is shown exactly when the record keeps
    a try or Show anyway was pressed, and a hidden result that was shown says why."""
    rng = random.Random(seed)
    record, control, gate = gated()
    anyway, steps, displays = False, [], []
    # a press can show the result and its late letters hide it again within one step
    gate.result_box.layout.observe(lambda change: displays.append(change.new), names="display")
    for _ in range(STEPS):
        if rng.random() < 0.08:
            steps.append("Show anyway")
            click(gate.show_anyway)
            anyway = True
        else:
            whole = rng.choice(list(ENTRIES))
            pressed = whole[: rng.randint(1, len(whole))]  # what the press found
            steps.append(f"{pressed!r} + late {whole[len(pressed) :]!r}")
            press_then_late(control, clock, pressed, whole)
        kept = record.get(EXERCISE)
        where = f"seed {seed}: " + " | ".join(steps) + f"; kept {kept}; {said(gate.status)!r}"
        assert shown(gate) == (bool(kept and kept.get("tries")) or anyway), where
        if kept:  # only an entry the question allows is kept
            assert ENTRIES[kept["answer"]], where
        if not shown(
            gate
        ):  # hidden: if it was shown before, the status says why it is hidden again
            assert said(gate.status).startswith(
                HIDDEN_AGAIN if None in displays else "The result is"
            ), where


def test_a_newer_empty_control_does_not_hide_what_an_answer_showed(clock):
    """The prediction's cell run again before signing in: a new, empty control the gate
    follows. Only the press that showed the result can hide it again, never a newer control."""
    _record, control, gate = gated()
    press_then_late(control, clock, "2", "2")
    newer = answer_control(EXERCISE, record=MemoryRecord())
    assert gate.control is newer
    press_then_late(newer, clock, "", "")  # Check on an empty box: not a try, in the new one
    assert newer.status == "not attempted" and shown(gate)
