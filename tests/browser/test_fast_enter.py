"""Typing over a checked answer fast and pressing Enter at once judges and keeps what was typed,
never a prefix of it (issue 12, walkthrough w52; in JupyterLab and Chromium).

The walkthrough: an answer box holds a checked "1"; the learner selects it, deletes it, types
``1e9`` with no pause and presses Enter. The browser holds back the box's updates while one is
on its way to the kernel (ipywidgets' message throttle) but sends Enter's "submit" at once, so
the kernel heard the press while the box still held a prefix ("1"), judged that prefix, kept it
as a try, and the late "1e9" did not undo it: the screen said "Your last checked answer, 1, …
(tries so far: 2)". The kernel's log of what it heard showed the orders ("", submit, "1e9") and
("", "1e", submit, "1e9"); the second, within the late-keystroke window of the first Check, made
"1e" complete that *earlier* press ("1" + "e"), although "" had come in between, and the record
lost the learner's try. The kernel is made busy here (each text value takes 2.5 seconds to handle),
so the test drives that second order every time: the log is checked before the verdict.

A small notebook with the lesson's sign-in and one answer control is enough: it is written into
the session's served copy of the lessons, next to them.
"""

from __future__ import annotations

import json

from osmosis_lab.records import RecordStore

from .harness.scratch import write_notebook
from .harness.slow_machine import SLOW_TEXT

LESSON = "01_what_is_a_match"
EXERCISE = "men_first_choices_when_women_propose"
LEARNER = "Noa Fast"
NOTEBOOK = "lessons/_fast_enter.ipynb"

#: Kernel code that logs, in order, what the answer box hears: each value the browser sends and
#: each Enter ("submit"). It shows the order the messages reach the kernel in.
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


def _cells(folder: str) -> list[str]:
    return [
        "from osmosis_lab.explorers import my_work\n"
        "from osmosis_lab.explorers.answers import answer_control\n\n"
        f"my_work.sign_in({LESSON!r}, folder={folder!r})",
        f"answer_control({EXERCISE!r})",
    ]


def _kept(folder) -> dict:
    return RecordStore(folder).load(LEARNER)[LESSON][EXERCISE]


def test_a_fast_entry_over_a_checked_answer_is_judged_and_kept_whole(lab, lab_server, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    write_notebook(lab_server.root / NOTEBOOK, _cells(str(folder)))
    lab.open(NOTEBOOK).run_all()
    lab.assert_no_errors()
    lab.control("Your name or pseudonym").type(LEARNER)  # then Enter
    lab.run_hidden(SLOW_TEXT + LOG_MESSAGES)
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
    expected = [["value", ""], ["value", "1e"], ["custom", "submit"], ["value", "1e9"]]
    assert heard[-4:] == expected, heard

    verdict = box.readout()
    kept = _kept(folder)  # the record and the screen agree: "1e9" is no try, "1" stays kept
    assert "'1e9' is not a number" in verdict, verdict
    assert "answer, 1, got" in verdict and "tries so far: 1" in verdict, verdict
    assert kept["tries"] == 1 and kept["answer"] == "1", (kept, heard)
