"""Kernel code that makes a lesson's machine behave as a loaded one would, for browser tests.

Run with :meth:`.page.LabPage.run_hidden`: no cell, no output. The kernel's own code is wrapped,
not replaced, so what is saved is what the lesson saves.
"""

#: A slow disk: every record save takes a second (as on a loaded school server), so keystrokes
#: and presses that reach the kernel meanwhile must wait for it.
SLOW_SAVE = (
    "import time\n"
    "from osmosis_lab.records import store as _store\n"
    "_save = _store.RecordStore.save\n"
    "def _slow_save(*args, **kwargs):\n"
    "    time.sleep(1.0)\n"
    "    return _save(*args, **kwargs)\n"
    "_store.RecordStore.save = _slow_save\n"
)

#: A busy kernel: every value a text box sends takes 2.5 seconds to handle, so the browser holds
#: back what is typed meanwhile (ipywidgets' message throttle) while a press (Enter) overtakes it.
#: A test types its next keys within that window: wide, so a loaded CI machine (load 8) that is
#: slow to return from a wait still types them in time, and the order is the same every run.
SLOW_TEXT = (
    "import time\n"
    "from osmosis_lab.explorers import text_boxes as _text_boxes\n"
    "_set_state = _text_boxes.Text.set_state\n"
    "def _slow_set_state(self, sync_data):\n"
    "    if 'value' in sync_data:\n"
    "        time.sleep(2.5)\n"
    "    return _set_state(self, sync_data)\n"
    "_text_boxes.Text.set_state = _slow_set_state\n"
)

#: A busy kernel for choices and sliders: every position a row of choice buttons or a slider
#: sends takes 2.5 seconds to handle, so a learner's next arrow keys and a press of a button come
#: while it is busy (as ``SLOW_TEXT``, and as wide, for a loaded CI machine).
SLOW_CHOICE = (
    "import time\n"
    "from osmosis_lab.explorers import choice_buttons as _choice_buttons, controls as _controls\n"
    "def _slowed(kind):\n"
    "    set_state = kind.set_state\n"
    "    def slow(self, sync_data):\n"
    "        if 'index' in sync_data:\n"
    "            time.sleep(2.5)\n"
    "        return set_state(self, sync_data)\n"
    "    kind.set_state = slow\n"
    "_slowed(_choice_buttons.ToggleButtons)\n"
    "_slowed(_controls._PositionSlider)\n"
)
