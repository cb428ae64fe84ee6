"""The teacher's class view over a drop folder it may not fully read, and the summary's title.

On the school server the drop root and each learner's folder are readable by the teachers'
group only (deploy/jupyterhub_config.py; tests/test_hub.py checks the real permissions as real
users). These tests run as root, whom no permission stops, so a refusal is simulated: the
operating system's PermissionError is raised where it would be.
"""

import json
import shutil
from pathlib import Path

import pytest

from osmosis_lab.explorers.teacher_view import ClassView
from osmosis_lab.teacher import LearnerWork, parse_export, read_class_folder, summary_markdown
from osmosis_lab.teacher.report import lessons_in

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "lessons" / "teacher" / "sample_class"


def refuse(monkeypatch, method: str, refused: Path) -> None:
    """Make ``Path.<method>`` on ``refused`` fail as the operating system does for a stranger."""
    original = getattr(Path, method)

    def guarded(self, *args, **kwargs):
        if self == refused:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, guarded)


@pytest.fixture
def drop(tmp_path) -> Path:
    """Three learners' folders of handed-in work, as a hub's drop root holds them."""
    root = tmp_path / "drop"
    for learner in ("learner01", "learner02", "learner03"):
        shutil.copytree(SAMPLE / learner, root / learner)
    return root


def test_an_unlistable_drop_root_is_the_first_thing_the_view_says(drop, monkeypatch):
    refuse(monkeypatch, "iterdir", drop)
    view = ClassView(folder=drop)
    first = view.view.children[0]
    assert "could not be read" in first.value and "teachers' group" in first.value
    assert "0 files loaded" in first.value
    assert str(drop) not in first.value  # shown above the projector view: no paths, no names
    children = list(view.view.children)
    assert children.index(first) < children.index(view.shown)


def test_one_unreadable_learner_folder_is_said_first_and_the_others_load(drop, monkeypatch):
    refuse(monkeypatch, "iterdir", drop / "learner02")
    view = ClassView(folder=drop)
    assert len(view.loaded.work) == 2
    note = view.view.children[0].value
    assert note.count("could not be read") == 1 and "1 folder or file" in note
    assert "learner02" not in note


def test_a_file_only_its_learner_may_read_is_skipped_with_a_message(drop, monkeypatch):
    (refused,) = (drop / "learner03").glob("osmosis_export_*.md")
    refuse(monkeypatch, "open", refused)
    loaded = read_class_folder(drop)  # before: PermissionError stopped the whole class loading
    assert len(loaded.unreadable) == 1
    assert any("cannot be read" in p and refused.name in p for p in loaded.problems)
    assert "could not be read" in ClassView(folder=drop).view.children[0].value


def test_a_readable_folder_shows_no_warning(drop):
    view = ClassView(folder=drop)
    assert len(view.loaded.work) == 3 and view.view.children[0].value == ""


# ------------------------------------------------------------------------ the summary's title


def export_of(lesson: str, learner: str) -> LearnerWork:
    kept = {"answer": 3, "first_answer": 3, "tries": 1, "status": "correct"}
    block = {"format": "osmosis-lab-export", "version": 1, "learner": learner,
             "answers": {lesson: {"an_exercise": kept}}}  # fmt: skip
    return parse_export(f"```json\n{json.dumps(block)}\n```\n", source=f"{learner}.md")


def test_the_summary_of_lesson_00_work_is_titled_lesson_00():
    summary = summary_markdown([export_of("00_start_here", "Ana")])
    assert summary.startswith("# Class summary: lesson 00 (")
    assert "03" not in summary.splitlines()[0]


def test_the_summary_of_several_lessons_names_them_all():
    work = [export_of("03_privacy", "Ana"), export_of("00_start_here", "Ben")]
    assert summary_markdown(work).startswith("# Class summary: lessons 00, 03 (")


def test_the_class_view_notebook_lets_the_records_name_the_lesson():
    notebook = json.loads((ROOT / "lessons/teacher/class_view.ipynb").read_text(encoding="utf-8"))
    calls = [
        "".join(c["source"]) for c in notebook["cells"] if "summary_text(" in "".join(c["source"])
    ]
    assert calls and not any("lesson=" in call for call in calls), calls
    view = ClassView.with_lesson_data()  # what the notebook prints is the view's summary
    assert view.summary_text().startswith(f"# Class summary: {lessons_in(view.loaded.work)} (")
