"""Lesson 05: nothing saved is lost, and every line on screen is true (issues 12 and 13, as a
tester and a learner broke them): Clear, Delete, the sign-in's count, the matrix, "1 week".

Driven as the browser does (``.value`` and ``.click()``); assertions read what the learner
reads and what is on disk. A "restart" is a fresh ``my_work`` module (tests/test_my_work.py).
"""

import html
import importlib
import re
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osmosis_lab.explorers import late_keystrokes, my_work, review_writer
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import RecordStore
from osmosis_lab.review import AS_PLANNED, ITEM_TITLES

FIRST_THREE = list(ITEM_TITLES)[:3]


def said(widget) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


def restart():
    importlib.reload(my_work)


@pytest.fixture(autouse=True)
def fresh_kernel():
    restart()
    yield
    restart()


def saved(folder) -> dict:
    return RecordStore(folder).load("Zoé").get("design_review", {})


def open_writer(folder):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=folder)
    writer.name.value = "Zoé"
    writer.open.click()
    return writer


def sign_in(folder, lesson="05_design_review"):
    door = my_work.sign_in(lesson, folder=folder)
    door.name.value = "Zoé"
    door.open.click()
    return door


# -- 1. Clear empties the saved text, and nothing else ---------------------------------------------


def test_clear_keeps_saved_reasons_and_never_saves_an_unsaved_edit(tmp_path):
    """The tester's sequence: save R1-R3, empty R2, edit R3, Clear."""
    writer = open_writer(tmp_path)
    writer.text.value = "Not ready."
    for n, key in enumerate(FIRST_THREE, 1):
        writer.reasons.boxes[key].value = f"R{n} saved"
    writer.stakeholders.notes["found"].value = "never asked"
    writer.panel.privacy.value = "dp"
    writer.save.click()
    before = saved(tmp_path)
    writer.reasons.boxes[FIRST_THREE[1]].value = ""
    writer.reasons.boxes[FIRST_THREE[2]].value = "R3 UNSAVED EDIT"
    writer.panel.privacy.value = "raw"
    writer.clear.click()
    writer.clear_now.click()
    assert "Cleared" in said(writer.status)
    assert saved(tmp_path) == {**before, "review": ""}
    on_disk = writer.review_path.read_text(encoding="utf-8")
    assert "R2 saved" in on_disk and "UNSAVED" not in on_disk and "Not ready." not in on_disk
    assert on_disk == writer.markdown_of({**before, "review": ""})
    # the edits not saved are still on screen, and the summary says they are not saved
    assert writer.reasons.values()[FIRST_THREE[2]] == "R3 UNSAVED EDIT"
    assert "changed since your last save" in said(writer.summary)


def test_clear_after_a_refused_save_keeps_every_saved_reason(tmp_path):
    writer = open_writer(tmp_path)
    writer.text.value = "Not ready."
    for key in ITEM_TITLES:
        writer.reasons.boxes[key].value = f"because {key}"
    writer.save.click()
    before = saved(tmp_path)
    writer.text.value = ""
    for key in ITEM_TITLES:
        writer.reasons.boxes[key].value = ""
    writer.save.click()
    assert "Not saved" in said(writer.status)
    writer.clear.click()
    writer.clear_now.click()
    assert saved(tmp_path) == {**before, "review": ""}


def test_the_file_written_from_saved_fields_is_the_file_save_writes(tmp_path):
    writer = open_writer(tmp_path)
    writer.panel.consent_form.value = "bundled"
    writer.stakeholders.values["found"].value = "consent"
    writer.text.value = "Bundled consent is no consent."
    writer.save.click()
    assert writer.markdown_of(saved(tmp_path)) == writer.review_path.read_text(encoding="utf-8")


STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("text"), st.sampled_from(["", "Not yet.", "Launch later."])),
        st.tuples(st.just("reason"), st.sampled_from(FIRST_THREE), st.sampled_from(["", "why"])),
        st.tuples(st.just("privacy"), st.sampled_from(["raw", "dp"])),
        st.tuples(st.just("note"), st.sampled_from(["", "never asked"])),
        st.just(("save",)),
        st.just(("clear",)),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=10, deadline=None)
@given(STEPS)
def test_any_sequence_of_edits_saves_and_clears_keeps_exactly_what_was_saved(steps):
    """A model of the record: Save keeps the screen (unless it would empty a saved text);
    Clear empties the saved text only. After every step the record is the model. Steps are
    far apart in time (no late keystrokes: tests/test_late_keystrokes.py has those)."""
    now = [0.0]
    with (
        tempfile.TemporaryDirectory() as name,
        mock.patch.object(late_keystrokes.time, "monotonic", lambda: now[0]),
    ):
        folder = Path(name)
        writer = open_writer(folder)
        model: dict = {}
        for step in steps:
            now[0] += 60
            if step[0] == "text":
                writer.text.value = step[1]
            elif step[0] == "reason":
                writer.reasons.boxes[step[1]].value = step[2]
            elif step[0] == "privacy":
                writer.panel.privacy.value = step[1]
            elif step[0] == "note":
                writer.stakeholders.notes["found"].value = step[1]
            elif step[0] == "save":
                refused = not writer.text.value.strip() and model.get("review", "").strip()
                writer.save.click()
                model = model if refused else writer.fields()
            else:
                writer.clear.click()
                writer.clear_now.click()
                model = {**model, "review": ""} if model else {}
                assert writer.text.value == ""
            assert saved(folder) == model, step
            if model:
                on_disk = writer.review_path.read_text(encoding="utf-8")
                assert on_disk == writer.markdown_of(model), step


# -- 2. after Delete my saved work, nothing says "saved" and nothing is saved again -----------------


def test_after_delete_the_review_says_signed_out_and_save_writes_nothing(tmp_path):
    sign_in(tmp_path)
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.text.value = "Not ready."
    writer.save.click()
    panel = my_work.export_panel()
    panel.delete.click()
    panel.delete_now.click()
    assert list(tmp_path.iterdir()) == []
    status, summary = said(writer.status), said(writer.summary)
    assert "is back" not in status and "Saved" not in status and "Signed out" in status
    assert ", saved." not in summary and "signed out" in summary
    writer.text.value = "Not ready at all."
    writer.save.click()
    assert list(tmp_path.iterdir()) == [] and "Not saved" in said(writer.status)
    writer.name.value = "Zoé"  # the name box is free again: opening it must not get round this
    writer.open.click()
    assert "Not opened" in said(writer.status)
    writer.save.click()
    assert list(tmp_path.iterdir()) == [] and "Not saved" in said(writer.status)
    # signing in again keeps it again, from what is on screen (never wiped)
    sign_in(tmp_path)
    assert writer.text.value == "Not ready at all." and "not saved yet" in said(writer.summary)
    writer.save.click()
    assert saved(tmp_path)["review"] == "Not ready at all."


# -- 3. the matrix and the choices say when they are kept, and it is true ---------------------------


def test_the_matrix_and_panel_say_they_are_kept_by_save_and_a_restart_shows_it(tmp_path):
    sign_in(tmp_path)
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    for explorer in (writer.stakeholders, writer.panel):
        assert "kept only when you press Save my review" in said(explorer.summary)
    writer.stakeholders.values["found"].value = "consent"
    writer.panel.privacy.value = "dp"
    writer.save.click()
    writer.stakeholders.values["found"].value = "privacy"  # not saved: lost on a restart, as said
    writer.panel.privacy.value = "generalised"
    restart()
    sign_in(tmp_path)
    again = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    assert again.stakeholders.values["found"].value == "consent"
    assert again.panel.privacy.value == "dp"


# -- 4. the sign-in's count of kept answers is true after any sequence ------------------------------

ANSWERS = {
    "review_proposing_side": "testers",
    "still_learned_prediction": "nothing at all",
    "outage_with_human_only_prediction": "about half",
}


def answer(name):
    control = answer_control(name)
    control.choice.index = control.exercise.choices().index(ANSWERS[name])
    control.check_button.click()


def test_the_sign_in_count_follows_answers_re_runs_and_restarts(tmp_path):
    answer("review_proposing_side")  # before the sign-in: joins the record at it
    door = sign_in(tmp_path)
    assert "1 answer kept in this lesson so far" in said(door.count)
    answer("still_learned_prediction")
    answer("outage_with_human_only_prediction")
    assert "3 answers kept in this lesson so far" in said(door.count)
    rerun = my_work.sign_in("05_design_review", folder=tmp_path)  # the cell run again
    assert "Signed in as Zoé." in said(rerun.status) and "3 answers kept" in said(rerun.count)
    assert "3 answers kept" in said(door.count)
    restart()
    door = sign_in(tmp_path)
    assert "3 answers kept in this lesson so far" in said(door.count)


# -- 5. "1 week", never "1 weeks" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "design",
    [
        dict(minors="parent_and_assent", objective="wellbeing", privacy="dp"),  # 1 week of money
        dict(fallback=True, objective="wellbeing", consent_form="fair"),  # runs out 1 week early
    ],
)  # fmt: skip
def test_the_panel_says_1_week_not_1_weeks(design):
    from dataclasses import replace

    from osmosis_lab.explorers.review_design import DesignPanel
    from osmosis_lab.review.change_costs import _company_words
    from osmosis_lab.review.tradeoffs import company_side

    panel = DesignPanel.with_lesson_data()
    panel.set_design(replace(AS_PLANNED, **design))
    shown = said(panel.summary)
    assert re.search(r"\b1 week\b", shown) and not re.search(r"\b1 weeks\b", shown)
    words = _company_words(company_side(panel.design), company_side(AS_PLANNED))
    assert not re.search(r"(?<![\d.])1 weeks", words)
