"""The exported file reads well and holds all the learner's work (issue 14 item 2): its header
renders as separate lines, answers are named by the question the learner saw, lesson 05's design
review is a part the learner may leave out, and exports are not committed by accident.

Driven as the browser does (``.value`` and ``.click()``); the file is rendered with mistune, the
Markdown renderer the project's tests use (tests/test_records_markdown.py).
"""

import importlib
import re
import shutil
import subprocess
from pathlib import Path

import mistune
import pytest

from osmosis_lab.explorers import my_work, review_writer
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import read_export

RENDER = mistune.create_markdown(plugins=["table", "task_lists", "url", "strikethrough"])
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fresh_kernel():
    importlib.reload(my_work)
    yield
    importlib.reload(my_work)


# -- 6. the export reads well, names questions, holds the review, and is ignored by git ----------


@pytest.fixture
def exported(tmp_path):
    """Inès's export after an answer, a reflection and a saved design review."""
    door = my_work.sign_in("03_privacy", folder=tmp_path)
    door.name.value = "Inès M"
    door.open.click()
    control = answer_control("reidentified_testers")
    control.text.value = "10"
    control.check_button.click()
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.text.value = "Not ready: the export names people."
    writer.reasons.boxes["minors"].value = "Niels is 17"
    writer.stakeholders.notes["found"].value = "never asked"
    writer.save.click()
    panel = my_work.export_panel()
    return panel, control


def test_the_export_header_renders_as_separate_lines(exported):
    panel, _ = exported
    panel.export.click()
    page = RENDER(panel.written.read_text(encoding="utf-8"))
    header = page.split("<h2")[0]
    items = re.findall(r"<li>(.*?)</li>", header, re.S)
    assert [re.sub(r"<[^>]+>", "", i).split(":")[0] for i in items] == [
        "Learner (a name or pseudonym, not checked by anyone)",
        "Exported",
        "Who will read it",
        "Parts the learner chose to leave out",
    ]


def test_answers_are_listed_by_the_question_the_learner_saw(exported):
    panel, control = exported
    panel.export.click()
    text = panel.written.read_text(encoding="utf-8")
    readable, _, block = text.partition("## Data (for the teacher's view)")
    assert control.exercise.question in readable  # e.g. "How many testers ... ?"
    assert "reidentified_testers" not in readable
    assert "reidentified_testers" in read_export(text)["answers"]["03_privacy"]


def test_the_design_review_is_a_part_of_the_export_the_learner_can_leave_out(exported):
    panel, _ = exported
    part = "review:05_design_review"
    assert panel.parts[part].description == "My design review in 05 · Design review before launch"
    panel.export.click()
    text = panel.written.read_text(encoding="utf-8")
    data = read_export(text)
    assert data["design_review"]["review"] == "Not ready: the export names people."
    readable = text.partition("## Data")[0]
    for seen in (
        "My design review",
        "Not ready: the export names people.",
        "**Minors**: Niels is 17",  # the checklist item's title, not its id
        "never asked",
        "My design choices",
    ):
        assert seen in readable, seen
    panel.parts[part].value = False
    panel.export.click()
    text = panel.written.read_text(encoding="utf-8")
    assert "Not ready" not in text and read_export(text)["design_review"] == {}
    assert read_export(text)["consent"]["left_out"] == [part]


def test_the_teachers_view_reads_an_export_with_the_review(exported):
    from osmosis_lab.teacher import parse_export

    panel, _ = exported
    panel.export.click()
    work = parse_export(panel.written.read_text(encoding="utf-8"), source="ines.md")
    assert "03_privacy/reidentified_testers" in work.answers


@pytest.mark.skipif(not (ROOT / ".git").exists() or not shutil.which("git"), reason="no git here")
def test_exports_and_their_temporary_files_are_not_committed_by_accident():
    names = ["lessons/osmosis_export_ines-1.md", "lessons/.osmosis_export_ines-1.md.ab12.tmp"]
    ignored = subprocess.run(
        ["git", "check-ignore", *names], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert ignored == names
    sample = "lessons/teacher/sample_class/learner01/osmosis_export_alba-reyes-7cde7c1f.md"
    assert subprocess.run(["git", "check-ignore", "-q", sample], cwd=ROOT).returncode == 1
