"""The exported file reads well and holds all the learner's work (issue 14 item 2): its header
renders as separate lines, answers are named by the question the learner saw, lesson 05's design
review is a part the learner may leave out, and exports are not committed by accident.

Driven as the browser does (``.value`` and ``.click()``); the file is rendered with mistune, the
Markdown renderer the project's tests use (tests/test_records_markdown.py).
"""

import re
import shutil
import subprocess
from pathlib import Path

import mistune
import pytest

from learner_steps import (
    answer,
    export,
    exported_text,
    reflect,
    review_writer_in,
    save_review,
    sign_in,
)
from osmosis_lab.explorers import my_work
from osmosis_lab.records import read_export

RENDER = mistune.create_markdown(plugins=["table", "task_lists", "url", "strikethrough"])
ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("fresh_kernel")


# -- 6. the export reads well, names questions, holds the review, and is ignored by git ----------


@pytest.fixture
def exported(tmp_path):
    """Inès's My work panel after an answer and a saved design review (not exported yet)."""
    sign_in(tmp_path, "Inès M", "03_privacy")
    control = answer("reidentified_testers", "10")
    save_review(
        review_writer_in(tmp_path),
        "Not ready: the export names people.",
        reasons={"minors": "Niels is 17"},
        notes={"found": "never asked"},
    )
    return my_work.export_panel(), control


def test_the_export_header_renders_as_separate_lines(exported):
    panel, _ = exported
    panel.export.click()
    page = RENDER(exported_text(panel))
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
    text = exported_text(panel)
    readable, _, block = text.partition("## Data (for the teacher's view)")
    assert control.exercise.question in readable  # e.g. "How many testers ... ?"
    assert "reidentified_testers" not in readable
    assert "reidentified_testers" in read_export(text)["answers"]["03_privacy"]


def test_the_design_review_is_a_part_of_the_export_the_learner_can_leave_out(exported):
    panel, _ = exported
    part = "review:05_design_review"
    assert panel.parts[part].description == "My design review in 05 · Design review before launch"
    panel.export.click()
    text = exported_text(panel)
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
    text = exported_text(panel)
    assert "Not ready" not in text and read_export(text)["design_review"] == {}
    assert read_export(text)["consent"]["left_out"] == [part]


def test_the_teachers_view_reads_an_export_with_the_review(exported):
    from osmosis_lab.teacher import parse_export

    panel, _ = exported
    panel.export.click()
    work = parse_export(exported_text(panel), source="ines.md")
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


# -- 7. the file reads in the words the learner saw: choices, headings, the judge table ----------


@pytest.fixture
def noisy_review(tmp_path):
    """Inès's export after a reflection and a review of a design with noisy counts chosen."""
    sign_in(tmp_path, "Inès M", "03_privacy")
    answer("reidentified_testers", "10")
    reflect("03_who_is_found", "Who could be found in the export?", "Niels, by his postcode.")
    writer = review_writer_in(tmp_path)
    design = writer.panel
    design.privacy.value = "dp"  # the learner chose noisy counts: k does not apply
    design.minors.value = "parent_and_assent"
    design.categories["subconscious"].value = False
    design.search_non_users.value = False
    design.fallback.value = True
    save_review(writer, "Ready with noisy counts.")
    text = exported_text(export())
    return text.partition("## Data (for the teacher's view)")[0], read_export(text)


def test_the_design_choices_read_as_the_design_panel_words_them(noisy_review):
    readable, data = noisy_review
    choices = readable.partition("*My design choices:*")[2]
    for seen in (
        "**Who proposes**: The testers propose",
        "**Minors**: A parent's consent and the minor's own",
        "**Research export**: Only noisy counts (differential privacy), epsilon = 1 per count",
        "**Search people who never signed up**: no",
        "**A safe-mode fallback**: yes",
    ):
        assert seen in choices, seen
    assert "subconscious" not in choices.lower() and "declared" in choices.lower()
    for code in ("parent_and_assent", ": dp", "True", "False", "**k**", "k = ", "testers\n",
                 "search_non_users", "**categories**", "**privacy**", "**fallback**"):  # fmt: skip
        assert code not in choices, code
    # the data block keeps the codes the teacher's view reads
    saved = data["design_review"]["design"]
    assert (saved["privacy"], saved["minors"], saved["k"]) == ("dp", "parent_and_assent", 5)


def test_headings_name_the_lesson_and_the_prompt_not_their_ids(noisy_review):
    readable, data = noisy_review
    headings = re.findall(r"^## (.*)$", readable, re.M)
    assert "My answers in 03 · Data privacy" in headings
    assert "My reflection: Who could be found in the export?" in headings
    assert "03_privacy" not in readable and "03_who_is_found" not in readable
    assert "03_who_is_found" in data["reflections"] and "03_privacy" in data["answers"]


def test_the_judge_table_says_whose_number_each_percentage_is():
    from osmosis_lab.explorers.export_words import seen_words
    from osmosis_lab.records import export_markdown

    calls = [{"case": 1, "first_call": "reject", "confidence": 80, "app_call": "reject",
              "app_sure": 0.05, "final_call": "reject", "switched": False, "did_well": False}]  # fmt: skip
    record = {"judge_first": {"04_trust": {"cases": 10, "calls": calls}}}
    page = RENDER(export_markdown("Ana", record, **seen_words()))
    header = re.findall(r"<th>(.*?)</th>", page)
    assert header[1] == "My first call (how sure I was)"
    assert header[2] == "The app said (its chance the couple does well)"
    assert "<td>reject (80 %)</td>" in page and "<td>reject (5 %)</td>" in page
    assert "<h2>My judge-first calls in 04 · Algorithmic trust" in page
