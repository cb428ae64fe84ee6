"""Lesson 05's writer as learners use it: restarts, full disks, odd characters, shared laptops.

Driven as the browser does: names and text through ``.value``, buttons through
``.click()``; assertions read what the learner reads (the status) and what is
on disk.
"""

import errno
import html
import os
import re

import mistune
import pytest

from osmosis_lab.explorers import (
    my_work,
    review_design,
    review_follow,
    review_matrix,
    review_writer,
)
from osmosis_lab.records import RecordStore
from osmosis_lab.review import AS_PLANNED, ROLES


def said(widget):
    return html.unescape(re.sub(r"<[^>]+>", " ", widget.value))


def opened(folder, name="Zoé"):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=folder)
    writer.name.value = name
    writer.open.click()
    return writer


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def zoe(tmp_path):
    """Zoé's writer after she saved a review, a matrix note and a design choice."""
    writer = opened(tmp_path)
    writer.text.value = "Delay the launch: fair form first."
    writer.stakeholders.notes["found"].value = "Léopold was never asked"
    writer.panel.privacy.value = "dp"
    writer.save.click()
    assert said(writer.status).strip().startswith("Saved")
    return writer


def test_nothing_is_saved_before_a_name_is_given(tmp_path):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    assert writer.text.disabled and "give your name" in said(writer.summary)
    writer.save.click()
    assert "Not saved" in said(writer.status) and "name or pseudonym" in said(writer.status)
    assert files(tmp_path) == {}


def test_after_a_restart_opening_the_name_brings_everything_back(zoe, tmp_path):
    again = opened(tmp_path, " zoé ")  # a new kernel: new writer, new panel, new matrix
    assert again.text.value == "Delay the launch: fair form first."
    assert again.stakeholders.notes["found"].value == "Léopold was never asked"
    assert again.panel.privacy.value == "dp"
    assert "Your saved review is back" in said(again.status) and ", saved." in said(again.summary)


def test_an_empty_text_box_never_overwrites_a_saved_review(zoe, tmp_path):
    before = files(tmp_path)
    again = opened(tmp_path)
    again.text.value = ""  # e.g. Restart & Run All, then a careless Save
    again.save.click()
    assert "Not saved" in said(again.status) and "Clear my review" in said(again.status)
    assert files(tmp_path) == before


def test_clear_my_review_asks_first_then_empties_only_the_text(zoe, tmp_path):
    zoe.clear.click()
    assert zoe.confirm.layout.display == "flex"
    zoe.keep.click()
    assert zoe.confirm.layout.display == "none" and zoe.text.value
    zoe.clear.click()
    zoe.clear_now.click()
    assert zoe.text.value == "" and "Cleared" in said(zoe.status)
    assert RecordStore(tmp_path).load("Zoé")["design_review"]["review"] == ""
    saved = zoe.review_path.read_text(encoding="utf-8")
    assert "_(No review written yet.)_" in saved and "Léopold was never asked" in saved


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_full_disk_is_reported_and_the_last_save_kept(zoe, tmp_path, monkeypatch, step):
    before = files(tmp_path)
    zoe.text.value = "A much longer review that will not fit on the disk."
    monkeypatch.setattr(os, step, _no_space)
    zoe.save.click()
    monkeypatch.undo()
    status = said(zoe.status)
    assert "Not saved" in status and "disk is full" in status and "Saved" not in status
    assert files(tmp_path) == before  # no temporary file left either
    assert "changed since your last save" in said(zoe.summary)


def _no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_half_an_emoji_is_saved_as_a_replacement_character(zoe):
    zoe.text.value = "Delay \ud83d the launch \ud83d\ude00"
    zoe.save.click()
    assert said(zoe.status).strip().startswith("Saved") and "broken character" in said(zoe.status)
    saved = zoe.review_path.read_text(encoding="utf-8")
    assert "Delay \ufffd the launch 😀" in saved and zoe.text.value == "Delay \ufffd the launch 😀"


def test_a_symlink_at_the_review_file_is_not_written_through(tmp_path):
    writer = opened(tmp_path)
    target = tmp_path / "somebody_elses.md"
    target.write_text("theirs\n", encoding="utf-8")
    writer.review_path.symlink_to(target)
    writer.text.value = "Mine."
    writer.save.click()
    assert "Not saved" in said(writer.status) and "symbolic link" in said(writer.status)
    assert target.read_text(encoding="utf-8") == "theirs\n" and writer.review_path.is_symlink()


def test_two_learners_on_one_laptop_each_see_only_their_own(zoe, tmp_path):
    niels = opened(tmp_path, "Niels")
    assert niels.text.value == "" and "Nothing saved under this name" in said(niels.status)
    niels.text.value = "Launch, but with Billie on call."
    niels.save.click()
    assert niels.review_path != zoe.review_path
    assert "Delay the launch" in zoe.review_path.read_text(encoding="utf-8")
    assert "Billie on call" in niels.review_path.read_text(encoding="utf-8")
    assert "Delay the launch" not in niels.review_path.read_text(encoding="utf-8")
    # the same screen, handed to the next learner: Zoé's work disappears from it
    zoe.name.value = "Karim"
    zoe.open.click()
    assert zoe.text.value == "" and zoe.stakeholders.notes["found"].value == ""
    assert zoe.panel.design == AS_PLANNED
    assert "Léopold" not in zoe.preview.value and "Delay" not in zoe.preview.value


def test_switching_name_with_unsaved_changes_is_refused(zoe):
    zoe.text.value = "Unsaved second thoughts."
    zoe.name.value = "Niels"
    zoe.open.click()
    assert "Not switched" in said(zoe.status) and zoe.text.value == "Unsaved second thoughts."


def test_two_writers_on_one_learner_last_whole_save_wins(zoe, tmp_path):
    other = opened(tmp_path)
    other.text.value = "Written in a second notebook."
    other.save.click()
    zoe.text.value = "Written in the first notebook, later."
    zoe.save.click()
    assert "first notebook, later" in zoe.review_path.read_text(encoding="utf-8")
    assert RecordStore(tmp_path).load("zoé")["design_review"]["review"].endswith("later.")


def test_re_running_the_matrix_and_panel_cells_saves_what_is_on_screen(tmp_path):
    writer = opened(tmp_path)
    matrix = review_matrix.StakeholderExplorer()  # the matrix cell, run again
    panel = review_design.DesignPanel(writer.panel.scenario, rng=_lesson_rng())  # and the panel
    matrix.values["regulator"].value = "privacy"
    matrix.notes["regulator"].value = "Asks for the DPIA"
    panel.privacy.value = "generalised"
    assert "Asks for the DPIA" in said(writer.preview)  # the preview follows at once
    writer.text.value = "Seen on screen."
    writer.save.click()
    saved = writer.review_path.read_text(encoding="utf-8")
    assert "| privacy | Asks for the DPIA |" in saved
    assert "Coarsened rows" in saved or "generalised" in saved.lower()
    assert RecordStore(tmp_path).load("Zoé")["design_review"]["design"]["privacy"] == (
        "generalised"
    )


def _lesson_rng():
    import numpy as np

    return np.random.default_rng(2019)


def test_after_the_writer_cell_is_re_run_only_the_new_writer_follows(tmp_path):
    first = opened(tmp_path)
    second = review_writer.ReviewWriter(first.panel, first.stakeholders, folder=tmp_path)
    matrix = review_matrix.StakeholderExplorer()  # then the matrix cell, run again
    assert second.stakeholders is matrix and first.stakeholders is not matrix
    two_writers = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    assert second.stakeholders is matrix and two_writers.stakeholders is not matrix


def test_the_summary_and_status_answer_every_control(tmp_path):
    """What the keyboard test in the browser relies on: each control makes the writer say more."""
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.name.value = "test"
    assert "press Open my review to open “test”" in said(writer.summary)
    writer.open.click()
    writer.text.value = "test"
    writer.clear.click()
    assert "Yes, clear it" in said(writer.status)
    writer.keep.click()
    assert "Kept: nothing was cleared." in said(writer.status) and writer.text.value == "test"


def test_a_reason_per_checklist_item_is_saved_restored_and_inert(tmp_path):
    writer = opened(tmp_path)
    writer.text.value = "Launch with noisy counts only."
    writer.panel.privacy.value = "dp"
    writer.reasons.boxes[
        "privacy"
    ].value = "five counts at 1 each is too much ![x](http://evil.test/x.png)"
    writer.save.click()
    saved = writer.review_path.read_text(encoding="utf-8")
    line = next(row for row in saved.splitlines() if "Research gets only noisy counts" in row)
    assert line.startswith("- [ ] ") and "My reason: five counts at 1 each is too much" in line
    # a reason is learner text: made inert like the review, so no reader's browser fetches it
    rendered = mistune.create_markdown(plugins=["table", "task_lists"])(saved)
    assert "<img" not in rendered and "href=" not in rendered
    again = opened(tmp_path)
    assert again.reasons.boxes["privacy"].value.startswith("five counts at 1 each")
    assert again.reasons.boxes["minors"].value == ""
    assert ", saved." in said(again.summary)


def test_a_review_saved_before_reasons_were_asked_opens_as_saved(tmp_path):
    RecordStore(tmp_path).save(
        "Zoé",
        review_writer.SECTION,
        {
            "review": "Old review.",
            "design": review_follow.BLANK["design"] | {"categories": list(AS_PLANNED.categories)},
            "matrix": {role: [None, ""] for role in ROLES},
        },
    )
    writer = opened(tmp_path)
    assert writer.text.value == "Old review." and ", saved." in said(writer.summary)


def test_a_name_with_nothing_saved_can_be_left_for_another(tmp_path):
    # found in the browser: opening a name with nothing saved, then another, was refused, and the
    # next Save went to the first name while the box showed the second
    writer = opened(tmp_path, "Bob")
    writer.name.value = "Alice"
    writer.open.click()
    assert writer.learner == "Alice" and "Not switched" not in said(writer.status)


def test_save_refuses_when_the_name_box_names_someone_else(zoe, tmp_path):
    zoe.text.value = "Zoé's second thoughts."
    zoe.name.value = "Alice"  # typed, Open not pressed
    before = files(tmp_path)
    zoe.save.click()
    assert "Not saved" in said(zoe.status) and "Open my review" in said(zoe.status)
    assert files(tmp_path) == before


def test_re_running_the_matrix_cell_after_a_save_brings_the_saved_matrix_back(zoe, tmp_path):
    matrix = review_matrix.StakeholderExplorer()  # the matrix cell, run again: blank at first
    assert matrix.notes["found"].value == "Léopold was never asked"
    zoe.save.click()
    saved = RecordStore(tmp_path).load("Zoé")["design_review"]["matrix"]["found"]
    assert saved[1] == "Léopold was never asked"


def test_the_review_box_cannot_open_another_name_than_the_one_signed_in(tmp_path, request):
    """A tester typed "Ben" in the review's own name box while Ana was signed in at the top."""
    door = my_work.sign_in("05_design_review", folder=tmp_path)
    door.name.value = "Ana"
    door.open.click()
    request.addfinalizer(my_work.sign_out)
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    # signed in at the top: the review is Ana's, opened by itself, its name box fixed
    assert writer.learner == "Ana" and writer.name.disabled and not writer.text.disabled
    writer.name.value = "Ben"  # what a browser could still send
    writer.open.click()
    assert "Not opened" in said(writer.status) and writer.learner == "Ana"
    assert writer.name.value == "Ana"


def test_a_review_opened_with_nobody_signed_in_says_to_sign_in_at_the_top_too(tmp_path):
    # after a restart a learner went straight to this box: the panel hid again behind the
    # prediction she had answered and her reflection said "not kept" (walkthrough w45)
    my_work.sign_out()
    alone = opened(tmp_path)
    assert "Sign in at the top of the lesson with the same name too" in said(alone.status)
    door = my_work.sign_in("05_design_review", folder=tmp_path)
    door.name.value = "Zoé"
    door.open.click()
    try:
        writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
        assert "Your saved review is back" in said(writer.status) or "Nothing saved" in said(
            writer.status
        )
        assert "Sign in at the top" not in said(writer.status)
    finally:
        my_work.sign_out()
