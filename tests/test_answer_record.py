"""An answer control's record must be able to forget (explorers/answer_record.py; issue 16).

When an entry's last letters reach the kernel after its Check, the press is judged again from
what it found; if it turns out to be no try ("2", then "50": 250, out of range) the record must
hold no entry for it. A record without ``forget`` once made that a quiet no-op that kept "2" as a
try: now such a record is refused where the control is built, in words a developer can act on.
"""

import pytest

from learner_steps import press_enter
from memory_record import MemoryRecord
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answer_record import AnswerRecord
from osmosis_lab.explorers.answers import answer_control

EXERCISE = "men_first_choices_when_women_propose"


class CannotForget(dict):
    """get and put, as every record the tests once built had, but no forget."""

    def put(self, name, value):
        self[name] = value


def test_a_record_that_cannot_forget_is_refused_when_the_control_is_built():
    with pytest.raises(TypeError, match=r"CannotForget has no forget"):
        answer_control(EXERCISE, record=CannotForget())


def test_a_record_that_cannot_keep_anything_is_refused_naming_all_it_lacks():
    with pytest.raises(TypeError, match=r"needs get, put and forget; dict has no put or forget"):
        answer_control(EXERCISE, record={})


def test_the_lessons_record_and_the_tests_record_keep_the_contract():
    assert isinstance(my_work.lesson_record("01_what_is_a_match"), AnswerRecord)
    assert isinstance(MemoryRecord(), AnswerRecord)


def test_a_press_its_late_letters_refuse_leaves_no_entry_in_the_given_record(clock):
    """The fault the contract prevents: "2" reached Check, "250" (out of range) came after."""
    record = MemoryRecord()
    control = answer_control(EXERCISE, record=record)
    control.text.value = "2"
    press_enter(control.text)
    clock.now += 0.3
    control.text.value = "250"
    assert EXERCISE not in record
