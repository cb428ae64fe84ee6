"""The steps a learner takes in the lessons' widgets, written once for the tests that take them.

Each step is driven as the browser does: text through ``.value``, buttons through ``.click()``,
Enter through the message the browser sends. A "kernel restart" is a fresh ``my_work`` module
(what a new kernel has: nobody signed in, nothing held). Records go to the folder a test gives
(``tmp_path``), never to the learner's own.

A test reads as the learner's story::

    sign_in(tmp_path, "Inès", "03_privacy")
    control = answer("reidentified_testers", "10")
    box = reflect("03_expo", "Why?", "Because.")
    panel = export()

The fixtures are made visible to every test module by ``tests/conftest.py``; a module asks for
them by name, e.g. ``pytestmark = pytest.mark.usefixtures("fresh_kernel")``.
"""

import html
import importlib
import re

import pytest

from osmosis_lab.explorers import late_keystrokes, my_work, review_writer
from osmosis_lab.explorers.answers import answer_control

#: Where an export goes when one of these is set (a drop folder, Binder): not next to the notebook.
DROP_VARIABLES = ("OSMOSIS_DROP_DIR", "BINDER_SERVICE_HOST", "BINDER_REQUEST")


def said(*widgets) -> str:
    """What a learner reads in ``widgets``: their HTML as text, spaces collapsed.

    >>> from types import SimpleNamespace as W
    >>> said(W(value="<b>Signed in</b> as  In&egrave;s."), W(value="<p>3 answers</p>"))
    'Signed in as Inès. 3 answers'
    """
    shown = " ".join(w.value for w in widgets)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", shown)).split())


def restart() -> None:
    """Kernel > Restart: the module's memory is new; what was saved on disk stays."""
    importlib.reload(my_work)


@pytest.fixture
def fresh_kernel():
    """Each test starts, and leaves the next one, as a new kernel does: nobody signed in."""
    restart()
    yield
    restart()


@pytest.fixture
def export_next_to_notebook(monkeypatch):
    """The export goes next to the notebook, whatever drop folder the machine running the tests
    names (the teacher's drop folder and Binder's are tested on their own)."""
    for name in DROP_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clock(monkeypatch):
    """The seconds the late-keystroke rule reads (explorers.late_keystrokes); a test moves
    ``clock.now`` forward to say when the next keystroke reaches the kernel."""

    class Clock:
        now = 100.0

    monkeypatch.setattr(late_keystrokes.time, "monotonic", lambda: Clock.now)
    return Clock


def press_enter(box, text: str | None = None) -> None:
    """What the browser sends when Enter is pressed in a text box: ``text``, the text the box
    shows, as ``text_boxes.Text`` sends it; None: no text, as ipywidgets' own box sends it."""
    content = {"event": "submit", **({} if text is None else {"value": text})}
    box._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def sign_in(folder, name: str, lesson: str):
    """Type ``name`` in ``lesson``'s sign-in box and press Open; the sign-in box is returned."""
    door = my_work.sign_in(lesson, folder=folder)
    door.name.value = name
    door.open.click()
    return door


def answer(exercise: str, typed: str):
    """Type ``typed`` in a number or phrase exercise's answer box and press Check."""
    control = answer_control(exercise)
    control.text.value = typed
    control.check_button.click()
    return control


def reflect(prompt_id: str, prompt: str, text: str):
    """Write ``text`` in the reflection box for ``prompt`` and press Save."""
    box = my_work.reflection(prompt_id, prompt)
    box.text.value = text
    box.save.click()
    return box


def review_writer_in(folder):
    """Lesson 05's design-review writer, as its cell builds it (the lesson's own data)."""
    return review_writer.ReviewWriter.with_lesson_data(folder=folder)


def save_review(writer, text: str, reasons=(), notes=()) -> None:
    """Write the review ``text``, the checklist ``reasons`` and the stakeholder ``notes`` (pairs
    of an item's id and what is typed in its box), then press Save my review."""
    writer.text.value = text
    for item, typed in dict(reasons).items():
        writer.reasons.boxes[item].value = typed
    for who, typed in dict(notes).items():
        writer.stakeholders.notes[who].value = typed
    writer.save.click()


def export():
    """Press Export my work in a new My work panel; the panel (``.written`` is the file)."""
    panel = my_work.export_panel()
    panel.export.click()
    return panel


def exported_text(panel) -> str:
    """The file the panel's last export wrote, as a learner opening it reads it."""
    return panel.written.read_text(encoding="utf-8")
