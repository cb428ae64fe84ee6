"""The class, together, in JupyterLab as a learner and a teacher meet it (issue 14).

The class poll (answer, read the answer to send, run again: the same), Export my work (see what is
in it before writing, leave a part out, the file written with that choice in it), Delete my saved
work (the record gone, and the message says what it cannot undo), and the teacher's view over the
sample class (projector: no names, "fewer than 5"; then the private view).

The server here serves a temporary copy of the lessons (``harness.workspace.copy_lessons``), so
every record, export and poll file a test writes lands in that temporary folder, never in the
repository (conftest fails the module if one appears there). Screenshots go
to the session's screenshot folder (``pytest --basetemp=DIR`` puts them under ``DIR``).
"""

from __future__ import annotations

import re

import pytest

from osmosis_lab.records import learner_key, read_export

from .harness import LabPage, scripts
from .harness.workspace import copy_lessons

LEARNER = "Zoé Browser"
REFLECTION = "Subconscious signals: I cannot even know what they show."
PROMPT = "Which category would you refuse first? Would a worse match change your answer?"
#: the export names an answer by the question the learner saw (records.export)
COUNT_QUESTION = "How many of the 12 beta testers were invented for this module?"


#: This file's own copy of the lessons, a folder of the session's JupyterLab (one server per
#: session, issue 16): its poll token, export and deleted record stay apart from the other tests'.
ROOM = "classroom"


@pytest.fixture(scope="module")
def room(lab_server):
    """The session's JupyterLab, serving this file's own copy of the lessons (``ROOM``)."""
    copy_lessons(lab_server.root / ROOM)
    return lab_server


@pytest.fixture
def tab(tabs, request, room, screenshots):
    """One of the worker's tabs, for the test to open the room's notebooks in."""
    with tabs.lend(request) as lab:
        yield lab
        print(f"\nscreenshots in {screenshots}")


#: the tick boxes' labels (explorers.export_words.part_label): the lesson's title, the prompt
ANSWERS_00 = "My answers in 00 · Start here"
REFLECTION_PART = f'My reflection: "{PROMPT}"'


def shot(tab: LabPage, name: str, locator) -> None:
    """Scroll what the test is about into view, and keep a picture of it to look at."""
    locator.scroll_into_view_if_needed()
    tab.call(scripts.ONE_FRAME, step="one frame after scrolling")  # drawn where it scrolled to
    tab.screenshot(name)


def cut_short(control) -> bool:
    """True if the control's label is cut off on screen ("Show what will b…", "Yes,…")."""
    return control.locator.evaluate(
        "el => { const t = el.closest('.widget-checkbox') ? el.closest('label') : el;"
        " return t.scrollWidth > t.clientWidth + 1; }"
    )


# -- the class poll -------------------------------------------------------------------------------


def test_the_class_poll_shows_only_the_answer_to_send_and_the_same_after_a_rerun(tab, room):
    tab.open(f"{ROOM}/lessons/class_poll.ipynb").run_all()
    tab.assert_no_errors()
    flip = tab.control("Flip my coin")
    assert "Not flipped yet" in flip.readout()
    tab.control("Yes").flip()  # the true answer, a toggle button: Space
    flip.activate()
    said = flip.readout()
    token = re.search(r"Send (Q1-(?:YES|NO))\.", said)
    assert token, said
    assert "It is fixed: running this again shows the same" in said
    # flipped once: the button is disabled and says why, rather than doing nothing when pressed
    why = "a second flip would let someone compare your answers"
    assert flip.locator.is_disabled() and why in flip.locator.get_attribute("title")
    assert why in tab.output_text(why)
    # the true answer is no longer on screen: no toggle button stays pressed
    assert tab.notebook.locator(".widget-toggle-button.mod-active", has_text="Yes").count() <= 1
    shot(tab, "poll-flipped", flip.locator)
    # the sentence under the answer follows it: no blank area, like a chart that failed to draw
    fixed = tab.notebook.get_by_text("It is fixed").bounding_box()
    line = tab.notebook.get_by_text("Answer to send for question 1").bounding_box()
    assert line["y"] - (fixed["y"] + fixed["height"]) < 60, (fixed, line)
    kept = room.root / ROOM / "lessons" / "osmosis_poll_q1.txt"
    assert kept.read_text(encoding="utf-8").strip() == token[1]
    tab.restart_and_run_all()
    again = tab.control("Flip my coin").readout()
    assert f"Send {token[1]}." in again, again
    assert tab.control("Flip my coin").locator.is_disabled()  # it cannot flip again
    assert kept.read_text(encoding="utf-8").strip() == token[1]
    shot(tab, "poll-after-rerun", tab.control("Flip my coin").locator)
    # After a restart the page's widgets from the old kernel say goodbye to the new one, which
    # logs "No such comm" outside every cell (JupyterLab shows it nowhere); everything else counts.
    problems = [p for p in tab.problems() if "No such comm" not in p]
    assert problems == []


# -- Export my work, then Delete my saved work ---------------------------------------------------


def test_export_shows_the_file_first_leaves_a_part_out_and_delete_erases_it(tab, room):
    folder = room.root / ROOM / "lessons"
    tab.open(f"{ROOM}/lessons/00_start_here.ipynb").run_all()
    tab.assert_no_errors()
    tab.control("Your name or pseudonym").type(LEARNER)
    tab.control("Open my work").activate()
    assert f"Signed in as {LEARNER}" in tab.control("Open my work").readout()
    tab.control("Your answer").type("9")
    tab.control("Check").activate()
    tab.control("My reflection").type(REFLECTION, submit=False)
    tab.control("Save my reflection").activate()
    assert "Saved on this machine" in tab.control("Save my reflection").readout()

    show = tab.control("Show what will be exported")
    show.activate()
    preview = show.readout()
    assert "your teacher" in preview and REFLECTION in preview
    assert COUNT_QUESTION in preview
    assert not list(folder.glob("osmosis_export_*")), "written before the learner pressed Export"
    shot(tab, "export-preview", show.locator)
    labels = ["Show what will be exported", "Export my work", "Delete my saved work"]
    labels += [ANSWERS_00, REFLECTION_PART]
    assert not [name for name in labels if cut_short(tab.control(name))]

    assert tab.control(ANSWERS_00).value() == "true"
    tab.control(REFLECTION_PART).flip()  # leave the reflection out
    preview = show.readout()
    assert REFLECTION not in preview and COUNT_QUESTION in preview
    assert "chose to leave out:* reflection:00_refuse_first" in preview
    export = tab.control("Export my work")
    export.activate()
    written = folder / f"osmosis_export_{learner_key(LEARNER)}.md"
    assert f"Exported to {written}" in export.readout()
    shot(tab, "export-written", export.locator)
    text = written.read_text(encoding="utf-8")
    data = read_export(text)
    assert REFLECTION not in text and data["reflections"] == {}
    assert data["consent"]["left_out"] == ["reflection:00_refuse_first"]
    assert data["answers"]["00_start_here"]["count_the_testers"]["status"] == "correct"

    record = folder / f"osmosis_work_{learner_key(LEARNER)}.json"
    assert record.is_file()
    delete = tab.control("Delete my saved work")
    delete.activate()
    asked = delete.readout()
    assert "This cannot be undone" in asked and "is not deleted: ask your teacher" in asked
    shot(tab, "delete-asked", delete.locator)
    assert not [n for n in ("Yes, delete it", "No, keep it") if cut_short(tab.control(n))]
    # Enter; the question then hides (its button with it) and the focus goes back to Delete
    tab.control("Yes, delete it").press("Enter", keep_focus=False)
    assert tab.page.evaluate("() => document.activeElement.textContent") == "Delete my saved work"
    done = delete.readout()
    assert "Deleted" in done and "for good" in done
    assert "A file you downloaded or sent is not touched" in done
    assert not record.exists() and not written.exists()
    shot(tab, "delete-done", delete.locator)
    tab.assert_no_errors()


# -- the teacher's view --------------------------------------------------------------------------


def test_the_teachers_view_projects_no_names_and_keeps_the_private_view_apart(tab):
    from make_sample_class import NAMES  # lessons/teacher, put on the path below

    tab.open(f"{ROOM}/lessons/teacher/class_view.ipynb").run_all()
    tab.assert_no_errors()
    view = tab.control("Load the folder")
    projected = view.region_text()
    assert "Our class: 30 files of work" in projected and "fewer than 5" in projected
    assert "Judge first (lesson 04), in learners" in projected
    named = [name for name in NAMES if name in projected]
    assert not named, f"the projector view names {named}"
    shot(tab, "teacher-projector", view.locator)
    judged = tab.notebook.get_by_role("heading", name="Judge first (lesson 04), in learners")
    shot(tab, "teacher-projector-judge-first", judged)

    tab.control("View").choose_next()  # Tab to "Private (teacher only)", Space
    private = view.region_text()
    assert "Private: not for the projector" in private
    assert all(name in private for name in NAMES)
    shot(tab, "teacher-private", view.locator)
    tab.control("View").choose_next(-1)  # back to the projector before anyone looks
    assert not [name for name in NAMES if name in view.region_text()]
    tab.assert_no_errors()


@pytest.fixture(autouse=True)
def _teacher_scripts_on_path(monkeypatch, room):
    # the copy's: importing it writes __pycache__ next to it, which must not be the repository
    monkeypatch.syspath_prepend(str(room.root / ROOM / "lessons" / "teacher"))
