"""The teacher's view: 30 handed-in files load, small counts stay hidden, hostile files break nothing.

The folders under tests/fixtures/class/ are written by make_fixtures.py there; the sample
class by lessons/teacher/make_sample_class.py. Anything a test writes goes to tmp_path.
"""

import csv
import html
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osmosis_lab.explorers.teacher_view import SOURCES, ClassView, TeacherPoll
from osmosis_lab.teacher import (
    ExportError,
    learners_csv,
    parse_export,
    private_html,
    projector_html,
    read_class_folder,
    summary_markdown,
    suppress_counts,
    tally_drop_folder,
)
from osmosis_lab.teacher.exports import MAX_BYTES
from osmosis_lab.teacher.report import shown_total
from osmosis_lab.teacher.tables import COMPLEMENT, HIDDEN, HIDDEN_TEXTS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "lessons" / "teacher" / "sample_class"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "class"


# ---------------------------------------------------------------------------- the sample class


def test_thirty_scripted_learners_load():
    loaded = read_class_folder(SAMPLE)
    assert len(loaded.work) == 30 and loaded.problems == []
    assert len({w.learner for w in loaded.work}) == 30
    assert any(w.left_out for w in loaded.work), "some learners leave parts out"
    assert any(not w.poll_tokens for w in loaded.work), "some opt out of the poll"
    assert sum(bool(w.review_choices) for w in loaded.work) >= 20


def test_the_sample_class_is_what_its_generator_writes(tmp_path, monkeypatch):
    import make_sample_class  # lessons/teacher is on the path below

    monkeypatch.setattr(make_sample_class, "FOLDER", tmp_path / "sample")
    make_sample_class.main()
    written = sorted(
        p.relative_to(tmp_path / "sample") for p in (tmp_path / "sample").rglob("*.md")
    )
    committed = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*.md"))
    assert written == committed
    for path in written:
        assert (tmp_path / "sample" / path).read_bytes() == (SAMPLE / path).read_bytes()


@pytest.fixture(autouse=True)
def _lessons_teacher_on_path(monkeypatch):
    monkeypatch.syspath_prepend(str(SAMPLE.parent))


def test_projector_view_names_nobody_and_private_view_keeps_names():
    work = read_class_folder(SAMPLE).work
    projector, private = projector_html(work), private_html(work, [])
    assert not [w.learner for w in work if w.learner in projector]
    assert all(w.learner in private for w in work)
    shared = [r.text for w in work for r in w.reflections if r.may_show]
    kept = [r.text for w in work for r in w.reflections if not r.may_show]
    assert shared and all(html.escape(text) in projector for text in shared)
    assert kept and not [t for t in set(kept) - set(shared) if html.escape(t) in projector]


def test_poll_tokens_in_the_drop_folder_are_counted_once_each():
    counts, problems = tally_drop_folder(SAMPLE, question=1)
    loaded = read_class_folder(SAMPLE).work
    tokens = [t for w in loaded for t in w.poll_tokens]
    assert counts.answered + counts.declined == len(tokens) and problems == []
    assert counts.declined == sum(t.endswith("PASS") for t in tokens)


# ---------------------------------------------------------------------------- suppression


def test_small_counts_hidden_and_one_more_beside_a_lone_hidden_count():
    assert suppress_counts({"a": 20, "b": 7, "c": 3}) == {"a": "20", "b": COMPLEMENT, "c": HIDDEN}
    assert suppress_counts({"a": 20, "b": 6, "c": 0}) == {"a": "20", "b": "6", "c": "0"}
    assert suppress_counts({"a": 10, "b": 2, "c": 3}) == {"a": "10", "b": HIDDEN, "c": HIDDEN}
    assert suppress_counts({"a": 3}) == {"a": HIDDEN} and shown_total({"a": 3}) == HIDDEN
    # a lone small count beside a zero: the zero is hidden too, or the total gives it away
    assert suppress_counts({"a": 9, "b": 0, "c": 4}) == {"a": "9", "b": COMPLEMENT, "c": HIDDEN}


def test_a_two_cell_row_hides_both_and_says_why_the_large_one_is_hidden():
    # "fewer than 5; fewer than 5 (of 24)" was true of one cell only, and explained nothing
    row = {"yes": 20, "no": 4}
    assert suppress_counts(row) == {"yes": COMPLEMENT, "no": HIDDEN}
    assert shown_total(row) == "24"  # shown: 24 minus a hidden cell gives back nothing
    assert "would give the small count away" in COMPLEMENT
    assert "fewer than 5; fewer than 5" not in "; ".join(suppress_counts(row).values())


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 40), min_size=1, max_size=6))
def test_no_hidden_count_can_be_worked_out_from_the_total(row):
    shown = suppress_counts(row)
    hidden = [k for k, v in shown.items() if v in HIDDEN_TEXTS]
    visible = {k: int(v) for k, v in shown.items() if v not in HIDDEN_TEXTS}
    assert not [n for n in visible.values() if 0 < n < 5], "a small count is visible"
    # each hidden text is true of its cell: "fewer than 5" only for a count under 5, and the
    # cell hidden to protect another only where exactly one small count needs it
    assert all(row[k] < 5 for k, v in shown.items() if v == HIDDEN)
    small = [k for k, n in row.items() if 0 < n < 5]
    needed = len(small) == 1 and len(row) > 1 and shown_total(row) != HIDDEN
    assert list(shown.values()).count(COMPLEMENT) == needed
    if shown_total(row) != HIDDEN:
        # total minus the visible cells is the sum of the hidden ones: never exactly one unknown
        assert len(hidden) != 1
        # and every hidden cell has more than one value consistent with what is shown
        rest = int(shown_total(row)) - sum(visible.values())
        for key in hidden:
            others = [k for k in hidden if k != key]
            assert others and rest - row[key] >= 0


def test_the_projector_table_hides_small_counts_and_misconceptions_share_their_row():
    work = read_class_folder(SAMPLE).work
    text = projector_html(work)
    cells = re.findall(r"<td>(.*?)</td>", text)
    shown = [int(n) for cell in cells for n in re.findall(r": (\d+)(?:;|$| \(of)", cell)]
    assert HIDDEN in text and shown and not [n for n in shown if 0 < n < 5]
    # what each hidden text means is said under the tables; row headers read left-aligned
    assert COMPLEMENT in text and "hidden because with the row's total" in html.unescape(text)
    headers = re.findall(r"<th[^>]*>", text)
    assert headers and all(h == '<th scope="row" style="text-align:left">' for h in headers)
    # every misconception sits in its exercise's row, so one suppression covers both
    assert "Misconceptions" not in text or "Exercises and misconceptions hit" in text
    row = next(c for c in cells if "still wrong (did not generalise)" in c)
    assert "right first time" in row


# ---------------------------------------------------------------------------- hostile input


def test_html_and_markdown_images_in_a_reflection_are_inert():
    loaded = read_class_folder(FIXTURES / "html_in_reflection")
    page = projector_html(loaded.work)
    assert "<img" not in page and "<script" not in page and "&lt;script&gt;" in page
    assert "I keep this to myself" not in page  # not ticked "may be shown"
    summary = summary_markdown(loaded.work)
    assert "![tracker](" not in summary and "\\<img" in summary and "http\\://" in summary


def test_an_oversized_file_is_skipped_with_a_message(tmp_path):
    shutil.copytree(FIXTURES / "html_in_reflection", tmp_path / "class")
    (tmp_path / "class" / "huge").mkdir()
    (tmp_path / "class" / "huge" / "osmosis_export_h.md").write_bytes(b" " * (MAX_BYTES + 1))
    loaded = read_class_folder(tmp_path / "class")
    assert len(loaded.work) == 2
    assert any("larger than any export" in p and "huge" in p for p in loaded.problems)


def test_duplicate_names_are_told_apart_and_reported():
    loaded = read_class_folder(FIXTURES / "duplicate_names")
    names = [w.learner for w in loaded.work]
    assert names == ["Sam Lee", "sam  lee (2)"]
    assert any("another file has the name" in p for p in loaded.problems)


def test_zip_slip_absolute_and_oversized_members_are_refused_and_nothing_is_extracted(tmp_path):
    shutil.copytree(FIXTURES / "lms_zip", tmp_path / "download")
    before = sorted(p for p in tmp_path.rglob("*"))
    loaded = read_class_folder(tmp_path / "download")
    assert sorted(w.learner for w in loaded.work) == ["Ada Quinn", "Theo Martin"]
    assert sum("points outside the folder" in p for p in loaded.problems) == 2
    assert any("Big Kid_1" in p and "larger than any export" in p for p in loaded.problems)
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_unknown_version_and_broken_files_get_clear_messages_and_others_load():
    loaded = read_class_folder(FIXTURES / "unknown_version")
    assert [w.learner for w in loaded.work] == ["Olu"]
    text = " ".join(loaded.problems)
    assert "export version 99" in text and "Update the lessons" in text
    assert "damaged" in text and "no data block found" in text


def test_formula_cells_are_neutralised_in_the_spreadsheet_file():
    loaded = read_class_folder(FIXTURES / "formula_cells")
    rows = list(csv.reader(io.StringIO(learners_csv(loaded.work))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert any("+cmd" in c for c in cells)  # the exercise, as a column header after its lesson


def test_a_link_in_the_folder_is_not_followed(tmp_path):
    (tmp_path / "class").mkdir()
    secret = tmp_path / "secret.md"
    secret.write_text((FIXTURES / "duplicate_names/one/osmosis_export_x.md").read_text())
    os.symlink(secret, tmp_path / "class" / "osmosis_export_link.md")
    loaded = read_class_folder(tmp_path / "class")
    assert loaded.work == [] and any("not followed" in p for p in loaded.problems)


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="is not a folder"):
        read_class_folder(tmp_path / "nowhere")


# ---------------------------------------------------------------------------- the widgets


def test_class_view_projects_without_names_and_writes_a_summary(tmp_path):
    view = ClassView(folder=SAMPLE, output_folder=tmp_path)
    assert "Our class: 30 files" in view.shown.value and "Alba Reyes" not in view.shown.value
    view.mode.value = "Private (teacher only)"
    assert "Alba Reyes" in view.shown.value and "not for the projector" in view.shown.value
    written = view.write_summary()
    assert written == tmp_path / "class_summary.md" and (tmp_path / "class_summary.csv").exists()
    assert written.read_text(encoding="utf-8").count("\n") < 80  # one page
    assert "Alba Reyes" not in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["html_in_reflection", "unknown_version", "lms_zip", "nowhere"])
def test_class_view_survives_every_hostile_folder(case, tmp_path):
    view = ClassView(folder=FIXTURES / case, output_folder=tmp_path)
    assert view.summary.value  # a message, not an exception
    assert "<script" not in view.shown.value


def test_teacher_poll_from_hands_tokens_and_folder():
    poll = TeacherPoll()
    poll.yes.value, poll.no.value, poll.declined.value = 18, 12, 2
    assert "30 answered, fewer than 5 chose not to take part" in poll.summary.value
    assert "could, in the worst case, now think it is 75 in 100" in poll.summary.value
    poll.earlier.value = 2
    assert "past the budget" in poll.summary.value
    poll.source.value = SOURCES[1]
    poll.tokens.value = "Q1-YES Q1-NO q1-yes Q2-NO nonsense"
    assert "2 answered" not in poll.summary.value and "3 answered" in poll.summary.value
    assert "Not counted (2)" in poll.summary.value
    poll.source.value = SOURCES[2]
    poll.drop_folder.value = str(SAMPLE)
    counts, _ = tally_drop_folder(SAMPLE, question=1)
    declined = HIDDEN if 0 < counts.declined < 5 else str(counts.declined)
    assert f"{counts.answered} answered, {declined} chose not" in poll.summary.value


def test_a_wrong_folder_typed_in_is_not_walked_whole(tmp_path, monkeypatch):
    from osmosis_lab.teacher import class_folder

    monkeypatch.setattr(class_folder, "MAX_ENTRIES", 10)
    for number in range(30):
        (tmp_path / f"note{number:02d}.txt").write_text("x")
    deep = tmp_path.joinpath(*["d"] * 10)
    deep.mkdir(parents=True)
    (deep / "osmosis_export_deep.md").write_text("never reached")
    loaded = read_class_folder(tmp_path)
    assert loaded.work == [] and any("more than 10 files" in p for p in loaded.problems)


def test_reads_what_export_my_work_writes():
    from osmosis_lab.records import export

    record = {
        "03_privacy": {
            "survey_estimate": {
                "answer": 0.2,
                "first_answer": 0.35,
                "tries": 2,
                "status": "correct",
            },
            "linkage_count": {"answer": 12, "first_answer": 12, "tries": 1, "status": "correct"},
        },
        "class_poll": {"Q1": {"send": "Q1-NO"}},
        "reflections": {
            "03_would": {"prompt": "Would you?", "text": "<b>no</b>", "may_show": True}
        },
    }
    text = export.export_markdown("Zoé", record, leave_out={"answers:class_poll"})
    work = parse_export(text, source="zoe.md")
    assert (
        work.learner == "Zoé"
        and work.poll_tokens == ()
        and work.left_out == ("answers:class_poll",)
    )
    assert work.answers["03_privacy/linkage_count"].first_try is True
    assert work.answers["03_privacy/survey_estimate"].first_try is False
    assert [r.text for r in work.reflections if r.may_show] == ["<b>no</b>"]
    both = parse_export(export.export_markdown("Zoé", record), source="zoe.md")
    assert both.poll_tokens == ("Q1-NO",)


def test_the_lesson_data_view_leaves_no_folder_until_a_summary_is_written(tmp_path, monkeypatch):
    """Building the view (as every robustness run does) must not litter the temporary folder."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    view = ClassView.with_lesson_data()
    assert list(tmp_path.iterdir()) == []
    written = view.write_summary()
    assert written is not None and written.parent.parent == tmp_path


def _export_with_a_withheld_reflection() -> str:
    """An export whose learner left a reflection out, edited so the file still holds its text."""
    from osmosis_lab.records import export_markdown

    record = {
        "03_privacy": {"reidentified_testers": {"answer": "10", "status": "correct", "tries": 1}},
        "reflections": {
            "03_kept": {"prompt": "Who pays?", "text": "The rarest people.", "may_show": True},
            "03_withheld": {"prompt": "And you?", "text": "Something private.", "may_show": True},
        },
    }
    text = export_markdown("Ana", record, leave_out=("reflection:03_withheld",))
    assert "Something private." not in text  # the writer leaves it out ...
    data = json.loads(re.search(r"```json\n(.*?)\n```", text, re.S).group(1))
    data["reflections"]["03_withheld"] = record["reflections"][
        "03_withheld"
    ]  # ... an edit puts it back
    return text.replace(re.search(r"```json\n(.*?)\n```", text, re.S).group(1), json.dumps(data))


def test_a_part_the_learner_left_out_is_never_read_even_if_the_file_holds_it():
    work = parse_export(_export_with_a_withheld_reflection(), source="ana.md")
    assert [r.text for r in work.reflections] == ["The rarest people."]
    assert "Something private." not in projector_html([work])
    assert "Something private." not in private_html([work], [])


def test_the_private_view_shows_every_reflection_with_its_author_and_the_projector_none_unshared():
    from osmosis_lab.teacher.exports import LearnerWork, Reflection

    work = [
        LearnerWork(
            "Ana", "ana.md", reflections=(Reflection("03", "03_a", "<b>shared</b>", True),)
        ),
        LearnerWork("Ben", "ben.md", reflections=(Reflection("03", "03_b", "only you", False),)),
    ]
    private, projected = private_html(work, []), projector_html(work)
    assert "only you" in private and "Ben" in private and "&lt;b&gt;shared&lt;/b&gt;" in private
    assert "only you" not in projected and "Ben" not in projected


def test_a_poll_of_a_few_answers_says_it_says_little_and_hides_a_few_who_declined():
    """A teacher entered 2 yes, 1 no, 2 rather not: the view projected "83%" and "2 declined"."""
    poll = TeacherPoll()
    poll.yes.value, poll.no.value, poll.declined.value = 2, 1, 2
    text = poll.summary.value
    assert "very wide" in text and "3 answered, fewer than 5 chose not to take part" in text
    poll.yes.value, poll.no.value = 16, 12
    assert "very wide" not in poll.summary.value


def test_the_poll_shows_only_the_boxes_of_the_chosen_source():
    poll = TeacherPoll()
    boxes = (poll.yes, poll.no, poll.declined, poll.tokens, poll.drop_folder)

    def shown():
        return {b.description for b in boxes if b.layout.display != "none"}

    assert shown() == {"Yes", "No", "Rather not"}
    poll.source.value = SOURCES[1]
    assert shown() == {"Tokens"}
    poll.source.value = SOURCES[2]
    assert shown() == {"Drop folder"}
