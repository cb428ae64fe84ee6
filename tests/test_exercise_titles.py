"""Exercises by their titles on the teacher's projector, and a summary .csv that says it holds names.

Issue 14: the projector view showed exercise ids (``03_privacy/k_after_generalising``), which a
class cannot read; each exercise now has a short title in its one source, shown as
"Lesson 03 · <title>", with the id (the teacher's spreadsheet's column) in small print. A title
the lesson does not use ("Consent is specific" for the lesson's "Exercise 1 · Predict, then ask
the ledger") left the teacher unable to find the exercise: a numbered exercise's number and title
are now the lesson's own heading's, read here from the lessons. The
summary's .csv names every learner: the view says so beside the button and once written, and
the teacher's guide says the same.
"""

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from osmosis_lab.check.exercises import all_exercises, headings
from osmosis_lab.explorers.teacher_view import CSV_NOTE, ClassView
from osmosis_lab.teacher import read_class_folder

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "lessons" / "teacher" / "sample_class"
EXERCISES = list(all_exercises().values())


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.name for e in EXERCISES])
def test_every_exercise_has_a_short_title_in_words(exercise):
    title = exercise.title
    assert title.strip() == title and 3 <= len(title) <= 45, (exercise.name, title)
    assert "_" not in title and title != exercise.name, "a title is words, not the check's name"
    number = f"Exercise {exercise.number} · " if exercise.number else ""
    assert exercise.heading == f"Lesson {exercise.lesson[:2]} · {number}{title}"


def test_titles_are_unique_within_each_lesson():
    twice = Counter((e.lesson, e.title.casefold()) for e in EXERCISES)
    assert [key for key, n in twice.items() if n > 1] == []


def _sections() -> dict[str, str]:
    """Each exercise's check name -> the lesson heading its answer cell sits under."""
    found = {}
    for path in sorted((ROOT / "lessons").glob("0*.ipynb")):
        heading = ""
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                heading = next(
                    (line.lstrip("#").strip() for line in reversed(source.splitlines())
                     if line.startswith("#")), heading,
                )  # fmt: skip
            mark = cell.get("metadata", {}).get("osmosis", {})
            if mark.get("cell") == "answer" and "exercise" in mark:
                found[mark["exercise"]] = heading
    return found


SECTIONS = _sections()
#: "Exercise 4 · Which change protects the export? (lesson 03)": number, title (lesson 05's
#: exercises name the lesson they revisit after the title; that is not part of it)
NUMBERED = re.compile(r"Exercise (\d+) · (.*?)(?: \(lessons? [^)]*\))?$")


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.name for e in EXERCISES])
def test_every_exercise_is_numbered_as_the_lesson_numbers_it(exercise):
    section = NUMBERED.fullmatch(SECTIONS[exercise.name])
    expected = int(section[1]) if section else 0  # 0: a check outside the numbered exercises
    assert exercise.number == expected, (exercise.name, SECTIONS[exercise.name])


def test_each_numbered_exercise_has_the_lessons_title_once():
    under = defaultdict(list)
    for exercise in EXERCISES:
        if section := NUMBERED.fullmatch(SECTIONS[exercise.name]):
            under[(exercise.lesson, section[1], section[2])].append(exercise.title)
    assert under, "no numbered exercise found in the lessons"
    for (lesson, number, title), titles in under.items():
        assert titles.count(title) == 1, f"{lesson} exercise {number}: {title!r} vs {titles}"


def test_the_lessons_names_reach_the_teacher():
    shown = headings()
    assert shown["02_consent/consent_is_specific"] == (
        "Lesson 02 · Exercise 1 · Predict, then ask the ledger"
    )
    assert shown["02_consent/bystanders_count"] == "Lesson 02 · Exercise 4 · Bystanders"


def _rows(view_html: str) -> list[str]:
    """The row headers of the projector's first table (the exercises), as text."""
    first = view_html.split("<h4>")[1]
    return [
        re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<th scope="row"[^>]*>(.*?)</th>', first)
    ]


def test_the_projector_shows_each_exercise_by_lesson_and_title_with_its_id_in_small_print():
    view = ClassView(folder=SAMPLE)
    keys = sorted({key for w in read_class_folder(SAMPLE).work for key in w.answers})
    assert keys, "the sample class answered nothing"
    rows = _rows(view.shown.value)
    expected = [f"{headings()[key]} ({key})" for key in keys]
    assert rows == expected
    for key in keys:  # the id only in small print, after the title
        assert f">({key})</small>" in view.shown.value
        assert view.shown.value.count(key) == 1
    assert "Lesson 03 · Exercise 1 · Three facts" in view.shown.value


def test_the_summary_names_exercises_by_title_and_nobody_by_name(tmp_path):
    view = ClassView(folder=SAMPLE, output_folder=tmp_path)
    written = view.write_summary()
    summary = written.read_text(encoding="utf-8")
    assert "Lesson 03 · Exercise 1 · Three facts (03_privacy/reidentified_testers)" in summary
    names = [w.learner for w in view.loaded.work]
    assert not [n for n in names if n in summary]
    spreadsheet = written.with_suffix(".csv").read_text(encoding="utf-8")
    assert all(n in spreadsheet for n in names), "the .csv does hold the names, as the view says"


def _said(widget_html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", widget_html)).replace("&#x27;", "'")


def test_the_view_says_the_csv_holds_names_is_the_teachers_own_and_how_to_delete_it(tmp_path):
    view = ClassView(folder=SAMPLE, output_folder=tmp_path)
    before = _said(view.csv_note.value)  # on screen beside the button, before anything is written
    view.write_summary()
    after = _said(view.status.value)
    for said in (before, after):
        assert "names every learner" in said and "your own file" in said
        assert "Do not project, share or upload it" in said
        assert "To delete it: in JupyterLab's file browser, right-click it, then Delete." in said
    assert "class_summary.csv (names)" in after and "class_summary.md (no names)" in after
    assert CSV_NOTE in after


def test_the_guide_and_the_notebook_say_the_same_about_the_csv():
    guide = " ".join((ROOT / "lessons" / "teacher_guide.md").read_text(encoding="utf-8").split())
    assert "`class_summary.csv`, which holds your learners' names" in guide
    assert "it is your own file, not for the projector or for sharing" in guide
    assert "to delete it, right-click it in JupyterLab's file browser, then Delete" in guide
    notebook = (ROOT / "lessons" / "teacher" / "class_view.ipynb").read_text(encoding="utf-8")
    assert "**with their name**" in notebook and "then Delete" in notebook
