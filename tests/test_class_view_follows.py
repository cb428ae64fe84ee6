"""The class view's notebook speaks of one class: the folder the view has loaded (issue: two classes).

A teacher typed his own folder in "Folder of work" and pressed "Load the folder": the view said
31 files, the cells below it still read ``sample_class`` (30), and Run All put the sample back.
Here the notebook runs as he ran it: its cells in order (as Run All does, in a copy of
``lessons/teacher``), the view driven by its controls between them, and every figure the later
cells print is checked against the class the view shows.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from osmosis_lab.explorers.class_view import MEMORY, ClassView
from osmosis_lab.teacher import projector_html
from osmosis_lab.teacher.exports import Answer, LearnerWork

ROOT = Path(__file__).resolve().parents[1]
TEACHER = ROOT / "lessons" / "teacher"
SAMPLE = TEACHER / "sample_class"


def code_cells() -> list[str]:
    notebook = json.loads((TEACHER / "class_view.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def run(cells: list[str], namespace: dict, capsys) -> str:
    """Run ``cells`` in ``namespace`` (a kernel's), returning what they printed."""
    capsys.readouterr()
    for source in cells:
        exec(compile(source, "<cell>", "exec"), namespace)
    return capsys.readouterr().out


@pytest.fixture
def room(tmp_path, monkeypatch):
    """A copy of lessons/teacher as the notebook's folder, and the teacher's own class of 27."""
    here = tmp_path / "teacher"
    shutil.copytree(TEACHER, here, ignore=shutil.ignore_patterns(MEMORY, "*.md", "*.csv"))
    shutil.copytree(SAMPLE, here / "sample_class", dirs_exist_ok=True)
    own = tmp_path / "my class"
    shutil.copytree(SAMPLE, own)
    for learner in ("learner01", "learner02", "learner03"):
        shutil.rmtree(own / learner)
    monkeypatch.chdir(here)
    return here, own


def counts_said(printed: str) -> set[int]:
    """Every class size the printed text states ("27 files loaded", "27 files of work")."""
    return {int(n) for n in re.findall(r"(\d+) files (?:loaded|of work)", printed)}


def test_every_later_cell_prints_the_class_the_view_loaded(room, capsys):
    here, own = room
    cells = code_cells()
    # the cells after the one that shows the view are "the later cells"
    split = 1 + next(i for i, c in enumerate(cells) if c.strip().splitlines()[-1] == "view")
    kernel: dict = {}
    run(cells[:split], kernel, capsys)
    view = kernel["view"]
    view.folder.value = str(own)
    view.load.click()
    assert "Our class: 27 files of work" in view.shown.value
    printed = run(cells[split:], kernel, capsys)
    assert counts_said(printed) == {27}, printed
    assert f"Shown: {own} (your folder)." in printed
    written = view.write_summary().read_text(encoding="utf-8")
    assert written in printed, "the printed summary is the one the button writes"


def test_run_all_and_a_restart_keep_the_folder_loaded_and_the_sample_is_one_click_away(
    room, capsys
):
    here, own = room
    cells = code_cells()
    first: dict = {}
    run(cells, first, capsys)
    first["view"].folder.value = str(own)
    first["view"].load.click()
    again: dict = {}  # a restarted kernel: nothing kept but the files beside the notebook
    printed = run(cells, again, capsys)
    view = again["view"]
    assert view.folder.value == str(own) and len(view.loaded.work) == 27
    assert counts_said(printed) == {27} and "Shown: my class (your folder)." in view.which.value
    view.back.click()
    assert len(view.loaded.work) == 30 and "the sample class" in view.which.value
    printed = run(cells, {}, capsys)
    assert counts_said(printed) == {30} and "(the sample class, invented learners)." in printed


def test_building_the_view_remembers_nothing(tmp_path):
    ClassView(folder=SAMPLE, sample=SAMPLE, memory=tmp_path / MEMORY)
    assert not (tmp_path / MEMORY).exists()


def test_loading_another_folder_clears_the_written_line(room, tmp_path):
    here, own = room
    view = ClassView(folder=SAMPLE, sample=SAMPLE, memory=here / MEMORY, output_folder=tmp_path)
    view.write.click()
    assert "Written:" in view.status.value
    view.folder.value = str(own)
    view.load.click()
    assert view.status.value == "" and len(view.loaded.work) == 27


def _labels(view_html: str) -> list[str]:
    """The labels of the exercises' counts ("still wrong (forgot gender)")."""
    first = view_html.split("<h4>")[1]
    cells = re.findall(r"<td>(.*?) \(of [^)]*\)</td>", first)
    return [re.sub(r": [^;]*$", "", part) for cell in cells for part in cell.split("; ")]


def test_the_sample_classs_wrong_answers_are_said_in_words():
    labels = _labels(ClassView.with_lesson_data().shown.value)
    assert labels and "still wrong (forgot gender)" in labels
    assert not [label for label in labels if "not yet" in label or label.endswith("gave l")]
    assert (
        "still wrong (gave l, the fewest conditions in a class, not the people exposed)" in labels
    )


def test_a_wrong_answer_without_a_name_is_another_wrong_answer_not_a_hint():
    wrong = Answer(False, False, "hint")
    work = [LearnerWork(f"L{n}", f"{n}.md", answers={"03_privacy/k": wrong}) for n in range(6)]
    labels = _labels(projector_html(work))
    assert "still wrong (another wrong answer)" in labels
    assert not [label for label in labels if "hint" in label]
