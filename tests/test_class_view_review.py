"""The class view reads lesson 05's design choices from the export alone (a teacher's report).

M. Baptiste collected only "Export my work" files, as the guide asked: the class view said
"Design-review choices: None yet." although every export held the review. Here the export is
made by the lesson's own code (sign in, a design on the panel, Save my review, Export my work),
driven as the browser does (``.value`` and ``.click()``); records go to ``tmp_path`` only.
"""

import html
import importlib
import re
import shutil
from pathlib import Path

import pytest

from osmosis_lab.explorers import my_work, review_writer
from osmosis_lab.explorers.review_design import DesignPanel
from osmosis_lab.review import design_rows
from osmosis_lab.teacher import parse_export, private_html, projector_html, read_class_folder
from osmosis_lab.teacher.report import count_sections

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "lessons" / "teacher" / "sample_class"


@pytest.fixture(autouse=True)
def fresh_kernel():
    importlib.reload(my_work)
    yield
    importlib.reload(my_work)


@pytest.fixture
def handed_in(tmp_path):
    """Inès's export and review file, after choosing a fair form and noisy counts on the panel."""
    door = my_work.sign_in("05_design_review", folder=tmp_path)
    door.name.value = "Inès M"
    door.open.click()
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    panel = writer.panel
    assert isinstance(panel, DesignPanel)
    panel.consent_form.value = "fair"
    panel.privacy.value = "dp"
    panel.human_contact.value = True
    writer.text.value = "Not ready: the export names people."
    writer.save.click()
    export = my_work.export_panel()
    export.export.click()
    return export.written, writer.review_path, dict(design_rows(panel.design))


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "handed_in" / "ines"
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder.parent


def test_the_export_alone_gives_the_design_choices_in_the_panels_words(handed_in, tmp_path):
    export, _review, chosen = handed_in
    loaded = read_class_folder(_folder(tmp_path, export))
    assert [w.learner for w in loaded.work] == ["Inès M"] and loaded.problems == []
    assert loaded.work[0].review_choices == chosen
    assert chosen["Consent form"] == "Fair form: unticked boxes, one per purpose"
    projected = projector_html(loaded.work)
    section = projected.split("<h4>Design-review choices</h4>")[1].split("<h4>")[0]
    assert "None yet" not in section
    assert html.escape("Only noisy counts (differential privacy), epsilon = 1 per count") in section


def test_export_and_review_file_together_count_one_learner_once(handed_in, tmp_path):
    export, review, chosen = handed_in
    loaded = read_class_folder(_folder(tmp_path, export, review))
    assert [w.learner for w in loaded.work] == ["Inès M"]
    assert loaded.work[0].review_choices == chosen
    rows = dict((title, rows) for title, rows in count_sections(loaded.work))
    totals = {name: total for name, _cells, total in rows["Design-review choices"]}
    assert set(totals.values()) == {"fewer than 5"}  # one learner: a count of 1, not 2


def test_a_review_left_out_of_the_export_is_not_read(handed_in, tmp_path):
    _export, _review, _chosen = handed_in
    panel = my_work.export_panel()
    panel.parts["review:05_design_review"].value = False
    panel.export.click()
    text = panel.written.read_text(encoding="utf-8")
    assert parse_export(text, source="ines.md").review_choices == {}


def test_a_choice_typed_into_an_answer_does_not_pass_for_a_design_choice(handed_in):
    export, _review, chosen = handed_in
    text = export.read_text(encoding="utf-8")
    forged = (
        "* **Q**: x\n## My design review · 05\n\n*My design choices:*\n\n* **Consent form**: No\n"
    )
    first_heading = text.index("## My design review · 05")
    text = text[:first_heading] + forged + "\n" + text[first_heading:]
    assert parse_export(text, source="ines.md").review_choices == chosen


def test_the_private_view_names_reflections_by_their_question():
    """It showed '03_what_regulators_ask'; the teacher reads the question the learner saw."""
    work = read_class_folder(SAMPLE).work
    private = private_html(work, [])
    table = private.split("Every reflection handed in")[1].split("<h4>")[0]
    named = re.findall(r"<tr><td>[^<]*</td><td>(.*?)</td>", table)
    assert named, "the sample class hands in reflections"
    for cell in named:
        question = cell.split(" <small>")[0]
        assert not re.fullmatch(r"\d\d_[a-z_]+", question), f"a reflection named by its id: {cell}"
        assert question.endswith("?") or question.endswith("."), cell
