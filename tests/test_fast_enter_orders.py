"""Typing over a checked answer and pressing Enter at once: each order in which the kernel can hear
the box's values and the press, headless (issue 12, walkthrough w52; explorers.late_keystrokes).

The browser sends Enter's "submit" at once but holds back a text box's updates while one is on its
way (ipywidgets' throttle), then sends only the newest. So the kernel hears some of the texts the
box held (each an earlier state of what was typed), the press, then the whole text. The orders here
were logged in the kernel by tests/browser/test_fast_enter.py, or are the one that explains the
walkthrough's lesson 04 screen. In every one the press is judged on the whole text, the record
and the screen agree, and a prefix never stays kept.
"""

import pytest

from learner_steps import press_enter, said, sign_in
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import RecordStore

pytestmark = pytest.mark.usefixtures("fresh_kernel")
COUNT = ("01_what_is_a_match", "men_first_choices_when_women_propose")  # a whole number, 0 to 3
SHARE = ("04_trust", "ece_by_hand")  # a fraction; 0 and 0.25 both wrong, differently


def typed_over(folder, clock, exercise, checked, heard, *, after=1.0):
    """Noa checks ``checked`` by Enter; ``after`` seconds later the kernel hears ``heard`` in
    order: texts the box held, and "ENTER" where the press arrives. Returns the control and
    what the record keeps."""
    lesson, name = exercise
    sign_in(folder, "Noa", lesson)
    control = answer_control(name)
    control.text.value = checked
    press_enter(control.text)
    clock.now += after
    for message in heard:
        clock.now += 0.05
        if message == "ENTER":
            press_enter(control.text)
        else:
            control.text.value = message
    return control, RecordStore(folder).load("Noa").get(lesson, {}).get(name)


@pytest.mark.parametrize("after", [1.0, 10.0])  # within the late-keystroke window, and after it
@pytest.mark.parametrize(
    "heard", [["", "ENTER", "1e9"], ["", "1e", "ENTER", "1e9"], ["", "1", "ENTER", "1e9"]]
)
def test_the_prefix_of_unread_text_is_no_try_whatever_reached_the_kernel_first(
    tmp_path, clock, after, heard
):
    """Logged: "" then Enter then "1e9"; and "" then "1e" (held back until "" was handled), Enter,
    then "1e9". "1e" once completed the *first* Check ("1" + "e") although "" came between, and
    the record lost the learner's try."""
    control, kept = typed_over(tmp_path, clock, COUNT, "1", heard, after=after)
    shown = said(control.verdict)
    assert shown.startswith("Not read, not counted as a try: “1e9” is not a number"), shown
    assert "Your last checked answer, 1, got" in shown and "(tries so far: 1)" in shown, shown
    assert kept["tries"] == 1 and kept["answer"] == "1", kept


def test_a_press_that_overtook_every_letter_is_a_new_try_not_the_same_answer(tmp_path, clock):
    """Enter reached the kernel while the box still held the checked "0" (every key held back):
    "Checked again: the same answer", and "0.25" arriving after it was judged as that same
    answer, so "0" stayed kept (walkthrough, lesson 04)."""
    control, kept = typed_over(tmp_path, clock, SHARE, "0", ["ENTER", "0.25"])
    assert "Checked again" not in said(control.verdict)
    assert said(control.verdict).startswith("Not yet")
    assert kept["tries"] == 2 and kept["answer"] == "0.25" and kept["first_answer"] == "0"


def test_a_prefix_that_reads_as_an_answer_is_never_kept(tmp_path, clock):
    """ "" then "0." (held back), Enter, "0.25", just after checking "0": "0." completed the first
    Check, was kept in its place, and "0.25" was then "checked again" (walkthrough: "12." kept
    for 12.0000000001, "99999999" for 9999999999)."""
    control, kept = typed_over(tmp_path, clock, SHARE, "0", ["", "0.", "ENTER", "0.25"])
    assert "Checked again" not in said(control.verdict)
    assert kept["tries"] == 2 and kept["answer"] == "0.25" and kept["first_answer"] == "0"


def test_a_refused_whole_after_an_allowed_prefix_keeps_the_first_answer(tmp_path, clock):
    """ "" then "1" (the checked answer again), Enter, "10": 10 is refused, so the press is no
    try, and the record still holds the first "1" once, not a second "1"."""
    control, kept = typed_over(tmp_path, clock, COUNT, "1", ["", "1", "ENTER", "10"])
    assert said(control.verdict).startswith("Not counted as a try: 10 is more than 3")
    assert kept["tries"] == 1 and kept["answer"] == "1"


def _shown(live) -> list[str]:
    """Every text ``live`` (a LiveText: what a screen reader speaks) shows from now on."""
    texts: list[str] = []
    live.observe(lambda _change: texts.append(said(live)), names="value")
    return texts


@pytest.mark.parametrize("heard", [["", "1e", "ENTER", "1e9"], ["", "ENTER", "1e9"]])
def test_an_enter_carrying_its_text_never_shows_a_verdict_on_a_prefix(tmp_path, clock, heard):
    """Our box's Enter holds the text the learner sees (text_boxes.Text): the kernel judges
    "1e9" at the press, so no verdict on "1e" or "" is shown and spoken before it (issue 12)."""
    sign_in(tmp_path, "Noa", COUNT[0])
    control = answer_control(COUNT[1])
    control.text.value = "1"
    press_enter(control.text, "1")
    clock.now += 1.0
    verdicts = _shown(control.verdict)
    for message in heard:
        clock.now += 0.05
        if message == "ENTER":
            press_enter(control.text, "1e9")
        else:
            control.text.value = message
    judged = [v for v in verdicts if "not counted" in v.lower() or "tries so far" in v]
    assert judged and all("“1e9” is not a number" in v for v in judged), verdicts
    assert not any("“1e”" in v for v in verdicts), verdicts
    kept = RecordStore(tmp_path).load("Noa")[COUNT[0]][COUNT[1]]
    assert kept["tries"] == 1 and kept["answer"] == "1", kept


def test_an_enter_carrying_the_whole_name_never_signs_in_its_first_letter(tmp_path):
    """ "I" reached the kernel, then Enter with "Inès": the status never says (nor a screen
    reader speaks) "Signed in as I", and Inès is signed in."""
    door = my_work.sign_in(COUNT[0], folder=tmp_path)
    statuses = _shown(door.status)
    door.name.value = "I"
    press_enter(door.name, "Inès")
    door.name.value = "Inès"  # the held-back update, after the press
    assert not any(s.startswith("Signed in as I.") for s in statuses), statuses
    assert statuses and statuses[-1].startswith("Signed in as Inès."), statuses
    assert my_work.current_learner() == "Inès"
