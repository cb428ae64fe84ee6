"""Arrow keys, then Tab and Enter on Check at once, on a busy kernel: Check judges the option the
learner chose last, and no verdict on an option passed on the way is shown or spoken (w55; in
JupyterLab and Chromium).

The walkthrough (a screen-reader user, keyboard only): in a row of choice buttons she pressed the
arrows to her answer, then Tab and Enter within 100 ms. The browser holds back a widget's state
update while its last one is on its way to the kernel (ipywidgets' message throttle), but a
button's press goes at once: the kernel heard the first option she passed, then Check, then her
choice. "Not yet" (for the option passed) was said, then "Your answer changed: press Check".
The choice buttons now send each choice as a message of their own, at once, so it reaches the
kernel before a Check pressed after it. The kernel is made busy here (each choice takes 2.5
seconds to handle), so the presses come while it is busy every time.

Shown to fail with the choice sent as a state update (``choice_buttons.js`` as it was): the
regions said "Not yet" for Ana Stern, and the record kept her as the first answer.
"""

from __future__ import annotations

from osmosis_lab.records import RecordStore

from .harness import plain
from .harness.scratch import write_notebook
from .harness.scripts import RECORD_SPOKEN
from .harness.slow_machine import SLOW_CHOICE

LESSON = "00_start_here"
EXERCISE = "youngest_tester"  # options: Niels Larson (the answer), Ana Stern, Lucas Apert, …
LEARNER = "Nour Fast"
NOTEBOOK = "lessons/_fast_choice.ipynb"


def _cells(folder: str) -> list[str]:
    return [
        "from osmosis_lab.explorers import my_work\n"
        "from osmosis_lab.explorers.answers import answer_control\n\n"
        f"my_work.sign_in({LESSON!r}, folder={folder!r})",
        f"answer_control({EXERCISE!r})",
    ]


def test_check_pressed_at_once_after_the_arrows_judges_the_last_choice(lab, lab_server, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    write_notebook(lab_server.root / NOTEBOOK, _cells(str(folder)))
    lab.open(NOTEBOOK).run_all()
    lab.assert_no_errors()
    lab.control("Your name or pseudonym").type(LEARNER)
    lab.run_hidden(SLOW_CHOICE)
    assert lab.page.evaluate(RECORD_SPOKEN) >= 2  # the sign-in's, the answer's verdict, …

    choice = lab.control("Your answer").focus()  # its one Tab stop: Niels Larson, not chosen yet
    sent_before = lab.comm_sent()
    # Ana Stern, Lucas Apert, back to Ana Stern, then Niels Larson: each chosen as it is reached
    for key in ("ArrowRight", "ArrowRight", "ArrowLeft", "ArrowLeft", "Tab"):
        lab.page.keyboard.press(key)
    assert plain(lab.page.evaluate("() => document.activeElement.textContent")) == "Check"
    lab.page.keyboard.press("Enter")
    lab.wait_for_keys(sent_before, timeout=30)

    spoken = lab.page.evaluate("() => window.__osmosisSpoken")
    assert not [said for said in spoken if said.startswith("Not yet")], spoken
    assert not [said for said in spoken if "Your answer changed" in said], spoken
    assert spoken and spoken[-1].startswith("Correct!"), spoken
    assert "Correct!" in choice.readout()
    kept = RecordStore(folder).load(LEARNER)[LESSON][EXERCISE]
    assert kept["tries"] == 1 and kept["answer"] == kept["first_answer"] == "Niels Larson", kept
