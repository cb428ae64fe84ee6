"""A learner who types fast and presses Save at once keeps every letter (issue 11, "learner work
is never lost"), and Enter in the name box signs in (lesson 00, in JupyterLab and Chromium).

The browser sends a button press at once but holds back a text box's update while an earlier one
is on its way, so the press can reach the kernel before the last letters: a reflection was saved
ending "...about the expo". Here the text is typed with no pause and Save is pressed straight
after, from the keyboard; the record on disk must hold the whole text.

The kernel's save is made a second slow, as on a loaded school server: the letters that arrive
during it must wait for it. JupyterLab 4.6 sends widget messages to kernel *subshells* (threads)
by default, and then they did not wait: the last letters were handled while the save ran, before
it had recorded the press, so they were not saved with it. deploy/labconfig turns that off.
"""

from __future__ import annotations

from osmosis_lab.records import RecordStore

from .harness.slow_machine import SLOW_SAVE

LESSON = "lessons/00_start_here.ipynb"
#: The sign-in box and the reflection, built afresh for this module (``lesson``: the cells that build it run again
#: in the kernel that ran the lesson, when the lesson's own module has left it so).
CELLS = ("my_work.sign_in(", "my_work.reflection(")
LEARNER = "Inès Fast"
#: long enough that the browser is still holding back updates when Save is pressed
TEXT = (
    "Subconscious signals: I cannot even know what they show, and 'only transmits' says nothing "
    "about the export."
)


def test_typing_then_save_at_once_keeps_the_whole_reflection(lesson, lab_server):
    lab, folder = lesson, lab_server.root / "lessons"
    lab.assert_no_errors()
    name = lab.control("Your name or pseudonym")
    name.type(LEARNER)  # then Enter, no click on Open my work
    assert f"Signed in as {LEARNER}" in lab.control("Open my work").readout()

    lab.run_hidden(SLOW_SAVE)  # a slow disk: every save takes a second
    box = lab.control("My reflection")
    box.focus()
    lab.page.keyboard.press("ControlOrMeta+A")
    save = lab.control("Save my reflection")
    sent_before = lab.comm_sent()
    lab.page.keyboard.type(TEXT)  # as fast as the browser takes keys
    # at once, as a learner does: Tab past the "may be shown" box to Save, Enter
    for key in ("Tab", "Tab", "Enter"):
        lab.page.keyboard.press(key)
    # until the kernel has handled every change the keys sent, held-back ones included (a quiet
    # moment is not enough: on a loaded machine the save alone kept the kernel silent for 500 ms)
    lab.wait_for_keys(sent_before, timeout=30)
    assert "Saved on this machine" in save.readout()
    kept = RecordStore(folder).load(LEARNER)["reflections"]
    assert [r["text"] for r in kept.values()] == [TEXT]
