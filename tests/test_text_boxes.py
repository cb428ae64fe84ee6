"""Half an emoji typed into any text box: no kernel-log error, the text is kept, the box says "�".

A browser may send a lone surrogate (``"\\ud83d"``, JSON-escaped by ``JSON.stringify``).
ipywidgets echoes every new value back at once, and in a real kernel that echo goes through
jupyter_client's ``Session.serialize``, which cannot encode a lone surrogate:
``UnicodeEncodeError`` in the kernel log, and the value is never stored. The headless
tests elsewhere use ``comm``'s ``DummyComm``, which serialises nothing, so they could not
see this. Here every widget's comm serialises what it publishes exactly as ipykernel's comm
does (``sequences.KernelLikeComm``), and each message from the "browser" is parsed from the JSON
text the browser sends.

Every text box a learner (or a teacher) can type into is listed in ``BOXES``, and a test
fails if an explorer shows a text box that is not one of :mod:`osmosis_lab.explorers.text_boxes`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import comm
import ipywidgets as widgets
import pytest

from osmosis_lab.explorers import my_work, text_boxes
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.class_poll import ClassPoll
from osmosis_lab.explorers.review_matrix import StakeholderExplorer
from osmosis_lab.explorers.review_reasons import ChecklistReasons
from osmosis_lab.explorers.review_writer import ReviewWriter
from osmosis_lab.explorers.teacher_view import ClassView, TeacherPoll
from sequences import CLASSES, KernelLikeComm, LogProblems, click, send

PACKAGE = Path(__file__).resolve().parents[1] / "widgets" / "osmosis_lab"
#: What the browser sends when a learner leaves half of "🙂" in a box: JSON text, as sent.
BROWSER_JSON = (
    '{"method": "update", "state": {"value": "I feel \\ud83d fine \\ud83d\\ude00"},'
    ' "buffer_paths": []}'
)
REPAIRED = "I feel \ufffd fine \U0001f600"


@pytest.fixture
def kernel_comms(monkeypatch, tmp_path):
    """Widgets made in this test publish through :class:`KernelLikeComm`, files go to tmp."""
    monkeypatch.setattr(comm, "create_comm", KernelLikeComm)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    my_work.sign_out()


def _signed_in(folder):
    door = my_work.sign_in("00_start_here", folder=folder)
    door.name.value = "Zoé"
    door.open.click()
    return door


def _opened_writer(folder):
    writer = ReviewWriter.with_lesson_data(folder=folder)
    writer.name.value = "Zoé"
    writer.open.click()
    return writer


def _number_answer(folder):
    return answer_control("reidentified_testers").text


#: Every text box a learner or a teacher types into: id -> a function of a scratch folder.
BOXES = {
    "answer box (number and phrase exercises)": _number_answer,
    "sign-in name": lambda folder: my_work.sign_in("00_start_here", folder=folder).name,
    "reflection": lambda folder: (
        _signed_in(folder),
        my_work.reflection("00_refuse_first", "Which category would you refuse first?").text,
    )[1],
    "review writer: name": lambda folder: ReviewWriter.with_lesson_data(folder=folder).name,
    "review writer: review": lambda folder: _opened_writer(folder).text,
    "review writer: a checklist reason": lambda folder: _opened_writer(folder).reasons.boxes[
        "privacy"
    ],
    "checklist reason (alone)": lambda folder: ChecklistReasons().boxes["privacy"],
    "stakeholder matrix: a note": lambda folder: next(
        box
        for box in descendants(StakeholderExplorer.with_lesson_data().view)
        if isinstance(box, text_boxes.Text)
    ),
    "class poll: name": lambda folder: ClassPoll(folder=folder).name,
    "teacher poll: pasted tokens": lambda folder: TeacherPoll().tokens,
    "teacher poll: drop folder": lambda folder: TeacherPoll().drop_folder,
    "class view: folder of work": lambda folder: (
        ClassView(folder=folder, output_folder=folder).folder
    ),
}


def _echoes(box) -> list[dict]:
    return [
        m["data"]["state"] for m in box.comm.published if m["data"].get("method") == "echo_update"
    ]


@pytest.mark.parametrize("make_box", BOXES.values(), ids=BOXES.keys())
def test_half_an_emoji_is_kept_as_a_replacement_and_logs_nothing(kernel_comms, make_box):
    box = make_box(kernel_comms)
    assert isinstance(box, text_boxes.Text | text_boxes.Textarea)
    with LogProblems() as problems:
        send(box, json.loads(BROWSER_JSON))
    assert problems.found == [], "\n".join(problems.found)
    assert box.value == REPAIRED  # stored: the pair kept as 😀, the lone half as "�"
    box.value.encode("utf-8")  # valid UTF-8: every file writer can store it
    # the echo carries the repaired text, so the box the learner looks at shows "�"
    assert _echoes(box)[-1] == {"value": REPAIRED}


def test_ipywidgets_own_box_logs_the_error_and_loses_the_text(kernel_comms):
    """The fault the boxes prevent, through the same comm: proof this harness can see it."""
    box = widgets.Text(value="before")
    with LogProblems() as problems:
        send(box, json.loads(BROWSER_JSON))
    assert any("UnicodeEncodeError" in found for found in problems.found), problems.found
    assert box.value == "before"


def test_the_review_writer_says_a_broken_character_was_replaced(kernel_comms):
    writer = _opened_writer(kernel_comms)
    with LogProblems() as problems:
        send(writer.text, json.loads(BROWSER_JSON))
        click(writer.save)
    assert problems.found == []
    assert "Saved" in writer.status.value and "broken character" in writer.status.value
    assert REPAIRED in writer.review_path.read_text(encoding="utf-8")


def test_every_explorer_text_box_is_a_repairing_one(kernel_comms):
    plain = [
        f"{cls.__name__}: {box.description!r}"
        for cls in CLASSES
        for box in descendants(cls.with_lesson_data().view)
        if isinstance(box, widgets.Text | widgets.Textarea)
        and not isinstance(box, text_boxes.Text | text_boxes.Textarea)
    ]
    assert plain == [], "use osmosis_lab.explorers.text_boxes for these boxes"


def test_no_text_box_is_made_from_ipywidgets_directly():
    made_here = PACKAGE / "explorers" / "text_boxes.py"
    pattern = re.compile(r"\bwidgets\.Text(area)?\(|from ipywidgets import[^\n]*\bText(area)?\b")
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != made_here
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == [], "make text boxes with osmosis_lab.explorers.text_boxes:\n" + "\n".join(
        found
    )


def _enter(box, content_json: str) -> None:
    """Enter in ``box``: the custom message, parsed from the JSON text the browser sends."""
    send(box, {"method": "custom", "content": json.loads(content_json)})


def test_an_enter_carrying_text_sets_the_value_before_calling_back(kernel_comms):
    """text_box.js sends the text the box shows with Enter: the value is set from it first
    (repaired and echoed, as an update would be), then the callback runs; the update the
    browser held back, arriving after, changes nothing (issue 12)."""
    box = text_boxes.Text(value="1e")
    heard = []
    box.observe(lambda change: heard.append(("value", change["new"])), names="value")
    box.on_enter(lambda: heard.append(("enter", box.value)))
    _enter(box, '{"event": "submit", "value": "1e9 \\ud83d"}')
    assert heard == [("value", "1e9 \ufffd"), ("enter", "1e9 \ufffd")]
    assert _echoes(box)[-1] == {"value": "1e9 \ufffd"}
    send(box, json.loads('{"method": "update", "state": {"value": "1e9 \\ud83d"}}'))
    assert heard == [("value", "1e9 \ufffd"), ("enter", "1e9 \ufffd")]


def test_an_enter_without_text_calls_back_on_the_value_it_has(kernel_comms):
    box = text_boxes.Text(value="Ana")
    pressed = []
    box.on_enter(lambda: pressed.append(box.value))
    _enter(box, '{"event": "submit"}')
    _enter(box, '{"event": "other", "value": "Bob"}')  # not Enter: neither value nor callback
    assert pressed == ["Ana"] and box.value == "Ana"
