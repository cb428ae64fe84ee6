"""Arrow keys, then Tab and Enter on a button at once, on a busy kernel: Check judges the option
the learner chose last, and no verdict on an option passed on the way is shown or spoken (w55);
a button pressed after a slider's keys reads the slider where the learner left it (in JupyterLab
and Chromium).

The walkthrough (a screen-reader user, keyboard only): in a row of choice buttons she pressed the
arrows to her answer, then Tab and Enter within 100 ms. The browser holds back a widget's state
update while its last one is on its way to the kernel (ipywidgets' message throttle), but a
button's press goes at once: the kernel heard the first option she passed, then Check, then her
choice. "Not yet" (for the option passed) was said, then "Your answer changed: press Check".
The choice buttons now send each choice as a message of their own, at once, so it reaches the
kernel before a Check pressed after it. The kernel is made busy here (each choice takes 2.5
seconds to handle), so the presses come while it is busy every time.

The slider (``slider.js``) had the same fault and the same cure (:mod:`.sent_at_once`).

Shown to fail with the choice and the position sent as state updates (the widgets as they were):
the regions said "Not yet" for Ana Stern, and the button read the slider at 1 of 3 keys.
"""

from __future__ import annotations

from osmosis_lab.records import RecordStore

from .harness import plain
from .harness.scratch import sign_in_and_answer, write_notebook
from .harness.scripts import RECORD_SPOKEN
from .harness.slow_machine import SLOW_CHOICE

LESSON = "00_start_here"
EXERCISE = "youngest_tester"  # options: Niels Larson (the answer), Ana Stern, Lucas Apert, …
LEARNER = "Nour Fast"
NOTEBOOK = "lessons/_fast_choice.ipynb"
#: A slider and a button that reads it: the pattern of lesson 03's noise dial (epsilon, then
#: "Publish this count") and of every explorer whose button acts on its sliders.
SLIDER_CELL = (
    "import ipywidgets as widgets\n"
    "from osmosis_lab.explorers.controls import IntSlider\n\n"
    "dial = IntSlider(value=0, min=0, max=5, description='Dial')\n"
    "read = widgets.Label('nothing read yet')\n"
    "button = widgets.Button(description='Read the dial')\n"
    "button.on_click(lambda _: setattr(read, 'value', f'The dial reads {dial.value}.'))\n"
    "widgets.VBox([dial, button, read])"
)


def test_a_press_at_once_after_the_keys_acts_on_the_last_choice_and_position(
    lab, lab_server, tmp_path
):
    folder = tmp_path / "records"
    folder.mkdir()
    write_notebook(
        lab_server.root / NOTEBOOK, [*sign_in_and_answer(LESSON, EXERCISE, folder), SLIDER_CELL]
    )
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

    # the slider: three steps to the right, then Tab and Enter on the button, at once
    dial = lab.control("Dial").focus()
    sent_before = lab.comm_sent()
    for key in ("ArrowRight", "ArrowRight", "ArrowRight", "Tab"):
        lab.page.keyboard.press(key)
    assert plain(lab.page.evaluate("() => document.activeElement.textContent")) == "Read the dial"
    lab.page.keyboard.press("Enter")
    lab.wait_for_keys(sent_before, timeout=30)
    assert "The dial reads 3." in dial.readout(), dial.readout()
