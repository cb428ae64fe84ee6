"""What the sign-in and the code cells say is true, as a learner met it in lessons 03-05 (issues 13
and 14): Enter signs in, a restart says how the work comes back, the code cell says how the
exercise was answered.

Driven as the browser does: text through ``.value``, buttons through ``.click()``, Enter through
the message the browser sends (``{"event": "submit"}``); assertions read what the learner reads.
"""

import pytest

from learner_steps import answer, press_enter, reflect, restart, said, sign_in
from osmosis_lab import check
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers import code_path, my_work
from osmosis_lab.explorers.answers import answer_control

pytestmark = pytest.mark.usefixtures("fresh_kernel")


# -- 2. Enter in the name box signs in ---------------------------------------------------------


def test_enter_in_the_name_box_signs_in_and_typing_alone_does_not(tmp_path):
    door = my_work.sign_in("03_privacy", folder=tmp_path)
    for typed in ("I", "In", "Inès"):
        door.name.value = typed
        assert my_work.current_learner() is None, "signed in on a keystroke"
    assert "Press Enter" in said(door.hint)  # shown, not announced (w50)
    press_enter(door.name)
    assert my_work.current_learner() == "Inès" and "Signed in as Inès" in said(door.status)


def test_letters_arriving_just_after_enter_complete_the_name_signed_in(tmp_path, clock):
    """In Chromium, Enter reached the kernel before the last letter: signed in as "Inès Fas"."""
    door = my_work.sign_in("03_privacy", folder=tmp_path)
    door.name.value = "Inès Fas"
    press_enter(door.name)
    clock.now += 0.2
    door.name.value = "Inès Fast"  # the last keystroke, arriving after Enter
    assert my_work.current_learner() == "Inès Fast" and "Signed in as Inès Fast" in said(
        door.status
    )
    clock.now += 5
    door.name.value = "Inès Fastest"  # typed later: a new name, not signed in by typing
    assert my_work.current_learner() == "Inès Fast"


# -- 3. after a restart, the screen says the work comes back, and it does ------------------------


def test_after_a_restart_every_place_says_sign_in_again_and_that_is_true(tmp_path):
    sign_in(tmp_path, "Inès", "03_privacy")
    answer("reidentified_testers", "10")
    reflect("03_expo", "Why?", "Because.")
    restart()  # Kernel > Restart, then Run All builds everything again
    door = my_work.sign_in("03_privacy", folder=tmp_path)
    control = answer_control("reidentified_testers")
    box = my_work.reflection("03_expo", "Why?")
    promise = my_work.AFTER_RESTART
    assert "run the cells again" in promise  # the old widgets answer nothing (w41, w43)
    for widget in (door.status, control.kept, box.status):
        assert promise in said(widget), said(widget)
    door.name.value = "Inès"
    press_enter(door.name)
    assert control.state() == "10" and control.status == "correct"  # the promise held
    assert box.text.value == "Because."


# -- 4. the code cell says how the exercise was answered, for every kind of control -------------


def _answer_somehow(control) -> None:
    kind = control.exercise.kind
    if kind == "choice":
        control.choice.index = 0
    elif kind == "picks":
        control.picks.indexes = (0,)
    elif kind == "pair":
        for side in control.sides:
            side.index = 0
    elif kind == "pairs":
        for partner in control.partners.values():
            partner.index = 0
    elif kind == "number":
        control.text.value = "3"
    elif kind == "phrase":
        control.text.value = "nobody"
    control.check_button.click()  # an ordering is answered as it stands


HOW = {
    "choice": "with the buttons",
    "picks": "with the buttons",
    "pair": "with the buttons",
    "pairs": "with the buttons",
    "ordering": "with the ↑ and ↓ buttons",
    "number": "by typing a number in the answer box",
    "phrase": "by typing in the answer box",
}
FIRST_OF_KIND = {}
for _name, _exercise in all_exercises().items():
    FIRST_OF_KIND.setdefault(_exercise.kind, _name)


def test_every_kind_of_control_an_exercise_uses_is_tested():
    assert set(FIRST_OF_KIND) <= set(HOW)


@pytest.mark.parametrize("kind", sorted(FIRST_OF_KIND))
def test_the_code_cell_says_how_the_exercise_was_answered(kind):
    name = FIRST_OF_KIND[kind]
    control = answer_control(name)
    placeholder = getattr(check, name)(...)
    _answer_somehow(control)
    assert control.status not in ("not checked", "not attempted"), said(control.verdict)
    words = said(placeholder.view)
    assert words.startswith(code_path.ANSWERED) and HOW[kind] in words, words
    if kind in ("number", "phrase"):
        assert "buttons" not in words


def test_once_signed_in_the_box_still_says_what_to_do_after_a_restart(tmp_path):
    # after Kernel > Restart the widgets on screen answer nothing and the box's last words are
    # all a learner has (w44): they say how to get the work back
    door = sign_in(tmp_path, "Yasmine", "04_trust")
    assert "Signed in as Yasmine" in said(door.status)
    assert my_work.AFTER_RESTART in said(door.status)
