"""Typing fast and pressing Enter at once on a busy kernel: the press is judged on the text
typed, never a prefix of it, and no verdict on a prefix is shown or spoken (issue 12, walkthrough
w52; in JupyterLab and Chromium).

The walkthrough: an answer box holds a checked "1"; the learner selects it, deletes it, types
``1e9`` with no pause and presses Enter. The browser holds back a box's updates while one is on
its way to the kernel, and ipywidgets' box sent Enter's "submit" at once, so the kernel heard
("", "1e", submit, "1e9"): it judged "1e", showed and announced "'1e' is not a number", and only
the late "1e9" (:mod:`~osmosis_lab.explorers.late_keystrokes`) judged again. The sign-in box
likewise said "Signed in as I" for "Inès". The box is now ours (``text_boxes.Text``): its submit
carries the text the learner sees, and the kernel sets the value from it first. The kernel is made
busy here (each text value takes 2.5 seconds to handle), so Enter overtakes the last letters
every time: the log of what the kernel heard is checked first, then everything each live region
showed, recorded in the page as it changed (a MutationObserver), then the verdict and the record.

Shown to fail with ipywidgets' box (``text_boxes.Text`` as it was): the regions showed "Signed in
as I." and "Not read, not counted as a try: '1e' is not a number".

A small notebook with the lesson's sign-in and one answer control is enough: it is written into
the session's served copy of the lessons, next to them.
"""

from __future__ import annotations

import json

from osmosis_lab.records import RecordStore

from .harness.scratch import sign_in_and_answer, write_notebook
from .harness.scripts import RECORD_SPOKEN
from .harness.slow_machine import SLOW_TEXT

LESSON = "01_what_is_a_match"
EXERCISE = "men_first_choices_when_women_propose"
LEARNER = "Inès Fast"
NOTEBOOK = "lessons/_fast_enter.ipynb"

#: Kernel code that logs, in order, what the answer box hears: each value the browser sends and
#: each Enter ("submit"). It shows the order the messages reach the kernel in (a value a submit
#: carries is logged as set from it, just after the submit).
LOG_MESSAGES = (
    "from osmosis_lab.explorers import text_boxes as _tb\n"
    "_heard = []\n"
    "_heard_state, _heard_custom = _tb.Text.set_state, _tb.Text._handle_custom_msg\n"
    "def _log_state(self, sync_data):\n"
    "    if 'value' in sync_data: _heard.append(['value', sync_data['value']])\n"
    "    return _heard_state(self, sync_data)\n"
    "def _log_custom(self, content, buffers):\n"
    "    _heard.append(['custom', content.get('event')])\n"
    "    return _heard_custom(self, content, buffers)\n"
    "_tb.Text.set_state, _tb.Text._handle_custom_msg = _log_state, _log_custom\n"
)


def _kept(folder) -> dict:
    return RecordStore(folder).load(LEARNER)[LESSON][EXERCISE]


def _enter_overtook(heard: list, press: int, before: str, after: str) -> bool:
    """Whether the kernel heard ``before``, then Enter (the ``press``-th), then ``after`` from
    the browser: the last letters held back, the press not."""
    at = [i for i, message in enumerate(heard) if message[0] == "custom"][press]
    return heard[at - 1] == ["value", before] and ["value", after] in heard[at + 1 :]


def test_a_fast_entry_over_a_checked_answer_is_judged_and_kept_whole(lab, lab_server, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    write_notebook(lab_server.root / NOTEBOOK, sign_in_and_answer(LESSON, EXERCISE, folder))
    lab.open(NOTEBOOK).run_all()
    lab.assert_no_errors()
    lab.run_hidden(SLOW_TEXT + LOG_MESSAGES)
    # the sign-in's status and the answer's verdict (a typed answer's "Your answer: …" is shown,
    # not said at each key: w55)
    assert lab.page.evaluate(RECORD_SPOKEN) == 2
    name = lab.control("Your name or pseudonym")
    name.focus()
    sent_before = lab.comm_sent()
    lab.page.keyboard.type(LEARNER, delay=0)  # "I" goes to the busy kernel, the rest waits...
    lab.page.keyboard.press("Enter")  # ...and Enter overtakes it
    lab.wait_for_keys(sent_before, timeout=30)
    box = lab.control("Your answer")
    box.type("1")  # a first checked answer, by Enter
    assert _kept(folder)["tries"] == 1

    # at once (within the late-keystroke window): select, delete, type "1e9", Enter
    box.focus()
    sent_before = lab.comm_sent()
    for key in ("ControlOrMeta+A", "Backspace"):  # "" goes to the kernel, which is busy with it
        lab.page.keyboard.press(key)
    lab.page.keyboard.type("1e", delay=0)  # held back until "" is handled, then sent
    lab.wait_until(
        "(n) => window.__osmosis.commSent >= n", sent_before + 2, step='"1e" sent', timeout=10
    )
    lab.page.keyboard.type("9", delay=0)  # held back while "1e" is handled...
    lab.page.keyboard.press("Enter")  # ...and Enter overtakes it
    lab.wait_for_keys(sent_before, timeout=30)
    log = tmp_path / "heard.json"
    lab.run_hidden(f"import json; open({str(log)!r}, 'w').write(json.dumps(_heard))")
    heard = json.loads(log.read_text())
    assert _enter_overtook(heard, 0, "I", LEARNER), heard  # the sign-in's Enter
    assert _enter_overtook(heard, -1, "1e", "1e9"), heard  # the answer's

    spoken = lab.page.evaluate("() => window.__osmosisSpoken")
    assert not [said for said in spoken if said.startswith("Signed in as I.")], spoken
    assert any(said.startswith(f"Signed in as {LEARNER}.") for said in spoken), spoken
    judged = [said for said in spoken if "not counted as a try" in said]
    assert judged and all("“1e9” is not a number" in said for said in judged), spoken

    verdict = box.readout()
    kept = _kept(folder)  # the record and the screen agree: "1e9" is no try, "1" stays kept
    assert "“1e9” is not a number" in verdict, verdict
    assert "answer, 1, got" in verdict and "tries so far: 1" in verdict, verdict
    assert kept["tries"] == 1 and kept["answer"] == "1", (kept, heard)
