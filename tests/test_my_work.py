"""My work, kept and handed in by the learner (issue 14 item 2, issue 13 "Answers are kept").

Driven as the browser does (``.value`` and ``.click()``); assertions read what the
learner reads (statuses, the preview) and what is on disk. A "restart" is a fresh
``my_work`` module: what a new kernel has; a real kernel is used once, at the end.
"""

import errno
import html
import itertools
import os
import re
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learner_steps
from learner_steps import restart, said
from osmosis_lab import check
from osmosis_lab.explorers import kernel_note, late_keystrokes, my_work, review_writer
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import EXPORT_VERSION, RecordStore, read_export

pytestmark = pytest.mark.usefixtures("fresh_kernel")


def signed_in(folder, name="Zoé", lesson="00_start_here"):
    return learner_steps.sign_in(folder, name, lesson)


def answer(control, option):
    control.choice.index = control.exercise.choices().index(option)
    control.check_button.click()


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- answers kept --------------------------------------------------------------------------------


def test_answers_come_back_after_a_restart_with_first_answer_and_tries(tmp_path):
    door = signed_in(tmp_path)
    assert "Signed in as Zoé" in said(door.status)
    control = answer_control("youngest_tester")
    answer(control, "Ana Stern")
    answer(control, "Niels Larson")
    assert "Checked answers are kept for Zoé" in said(control.kept)
    restart()
    again = answer_control("youngest_tester")  # Run All builds it before the sign-in click
    assert again.state() is None and "not kept until you sign in" in said(again.kept)
    signed_in(tmp_path, " zoé ")
    assert again.state() == "Niels Larson" and again.status == "correct"
    assert "Correct" in said(again.verdict)
    kept = RecordStore(tmp_path).load("Zoé")["00_start_here"]["youngest_tester"]
    assert kept["first_answer"] == "Ana Stern" and kept["tries"] == 2
    later = answer_control("youngest_tester")  # built after the sign-in
    assert later.state() == "Niels Larson" and later.status == "correct"


def test_the_verdict_is_computed_again_not_replayed(tmp_path):
    signed_in(tmp_path)
    answer(answer_control("youngest_tester"), "Niels Larson")
    store = RecordStore(tmp_path)
    fields = store.load("Zoé")["00_start_here"]
    fields["youngest_tester"]["status"] = "not yet"  # an old or edited verdict on disk
    store.save("Zoé", "00_start_here", fields)
    restart()
    signed_in(tmp_path)
    assert answer_control("youngest_tester").status == "correct"


def test_nothing_is_written_before_a_sign_in_and_answers_join_the_record_then(tmp_path):
    control = answer_control("youngest_tester")
    answer(control, "Ana Stern")
    assert "not kept until you sign in above" in said(control.kept)
    assert files(tmp_path) == {}
    signed_in(tmp_path)
    kept = RecordStore(tmp_path).load("Zoé")["00_start_here"]["youngest_tester"]
    assert kept["answer"] == "Ana Stern" and kept["tries"] == 1
    assert "Checked answers are kept for Zoé" in said(control.kept)


def test_a_name_cut_short_is_corrected_by_signing_in_again_while_nothing_is_kept(tmp_path):
    """On a busy kernel the click can overtake the last keystrokes: signed in as "L", not "Léa"."""
    first = signed_in(tmp_path, "L")
    assert my_work.current_learner() == "L"
    again = signed_in(tmp_path, "Léa")
    assert my_work.current_learner() == "Léa" and "instead of L" in said(again.status)
    control = answer_control("youngest_tester")
    answer(control, "Ana Stern")
    assert "Checked answers are kept for Léa" in said(control.kept) and "Not switched" not in said(
        first.status
    )
    assert RecordStore(tmp_path).load("L") == {}


def test_two_learners_on_one_folder_see_only_their_own(tmp_path):
    signed_in(tmp_path, "Zoé")
    answer(answer_control("youngest_tester"), "Niels Larson")
    switch = signed_in(tmp_path, "Niels")  # same kernel: refused, the screen shows Zoé's work
    assert "Not switched" in said(switch.status) and my_work.current_learner() == "Zoé"
    assert "Restart Kernel and Run All Cells" in said(switch.status)
    restart()
    signed_in(tmp_path, "Niels")
    fresh = answer_control("youngest_tester")
    assert fresh.state() is None and fresh.status == "not checked"
    answer(fresh, "Ana Stern")
    store = RecordStore(tmp_path)
    assert store.load("Niels")["00_start_here"]["youngest_tester"]["answer"] == "Ana Stern"
    assert store.load("Zoé")["00_start_here"]["youngest_tester"]["answer"] == "Niels Larson"


def test_a_blank_name_does_not_sign_in(tmp_path):
    door = signed_in(tmp_path, "   ")
    assert "Not signed in" in said(door.status) and my_work.current_learner() is None


@settings(max_examples=10, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=23), st.booleans()), min_size=1, max_size=4
    )
)
def test_any_sequence_of_checks_and_restarts_keeps_last_first_and_tries(steps):
    """Each step: pick an option, press Check, then maybe restart and sign in again."""
    with tempfile.TemporaryDirectory() as folder:
        restart()
        signed_in(folder)
        control = answer_control("youngest_tester")
        options = control.exercise.choices()
        picked = []
        for index, restarting in steps:
            answer(control, options[index % len(options)])
            picked.append(options[index % len(options)])
            if restarting:
                restart()
                control = answer_control("youngest_tester")
                signed_in(folder)
                assert control.state() == picked[-1]
        kept = RecordStore(folder).load("Zoé")["00_start_here"]["youngest_tester"]
        # the same answer checked again is not a new try (not even across a restart)
        tries = 1 + sum(now != before for before, now in itertools.pairwise(picked))
        assert (kept["answer"], kept["first_answer"], kept["tries"]) == (
            picked[-1],
            picked[0],
            tries,
        )
        expected = control.exercise.check.verdict(picked[-1]).status
        assert kept["status"] == control.status == expected
        restart()


# -- reflections -----------------------------------------------------------------------------------


def test_a_reflection_is_kept_and_an_empty_box_never_replaces_it(tmp_path):
    box = my_work.reflection("00_refuse_first", "Which category first?")
    box.text.value = "Subconscious signals."
    box.save.click()
    assert "Not saved" in said(box.status) and files(tmp_path) == {}
    signed_in(tmp_path)
    box.may_show.value = True
    box.save.click()
    assert "Saved" in said(box.status)
    box.text.value = ""
    box.save.click()
    assert "Not saved" in said(box.status)
    restart()
    again = my_work.reflection("00_refuse_first", "Which category first?")
    signed_in(tmp_path)
    assert again.text.value == "Subconscious signals." and again.may_show.value is True


# -- export ----------------------------------------------------------------------------------------


@pytest.fixture
def zoe_work(tmp_path, monkeypatch):
    for name in ("OSMOSIS_DROP_DIR", "BINDER_SERVICE_HOST", "BINDER_REQUEST"):
        monkeypatch.delenv(name, raising=False)
    signed_in(tmp_path)
    answer(answer_control("youngest_tester"), "Niels Larson")
    box = my_work.reflection("00_refuse_first", "Which category first?")
    box.text.value = "Subconscious signals."
    box.save.click()
    return my_work.export_panel()


def test_the_preview_is_the_file_written_but_for_the_export_time(zoe_work, tmp_path):
    panel = zoe_work
    assert "your teacher" in said(panel.reader)
    page = panel.preview.value
    readable, block = (html.unescape(p) for p in re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S))
    # the readable part open, the data block folded under it, and no export time yet
    assert page.startswith("<details open>") and "Subconscious signals." in readable
    assert re.search(r"<details><summary>The data block[^<]*</summary><pre", page)
    assert block.startswith("## Data (for the teacher's view)") and "```json" not in readable
    assert "Exported:" not in said(panel.preview) and "exported_at" not in block
    panel.export.click()
    assert "Exported" in said(panel.status)
    assert panel.written.parent == tmp_path
    assert panel.written.name.startswith("osmosis_export_zoe-")
    written = panel.written.read_text(encoding="utf-8")
    stamp = read_export(written)["exported_at"]
    assert f"* *Exported:* {stamp}\n" in written
    # the time, added on export, is the only difference from what the preview showed
    unstamped = written.replace(f"* *Exported:* {stamp}\n", "")
    unstamped = unstamped.replace(f' "exported_at": "{stamp}",\n', "")
    assert unstamped == panel.text == f"{readable}\n\n{block}"
    data = read_export(written)
    assert data["format"] == "osmosis-lab-export" and data["version"] == EXPORT_VERSION
    assert data["answers"]["00_start_here"]["youngest_tester"]["answer"] == "Niels Larson"
    assert data["reflections"]["00_refuse_first"]["text"] == "Subconscious signals."


def test_the_preview_follows_work_kept_after_it_was_shown(zoe_work):
    panel = zoe_work
    control = answer_control("youngest_tester")
    answer(control, "Ana Stern")  # checked after the panel showed its preview
    assert "Ana Stern" in panel.preview.value  # no need to press "Show what will be exported"
    panel.export.click()
    assert "Exported" in said(panel.status)
    assert "Ana Stern" in panel.written.read_text(encoding="utf-8")


def test_work_changed_behind_the_preview_is_shown_before_it_is_exported(zoe_work):
    panel = zoe_work
    # saved by another notebook of the same learner: this panel is not told
    store, learner = my_work.current_store(), my_work.current_learner()
    kept = store.load(learner)["00_start_here"]
    entry = {"first_answer": "Ana Stern", "tries": 1, "answer": "Ana Stern", "status": "hint"}
    store.save(learner, "00_start_here", {**kept, "youngest_tester": entry})
    assert "Ana Stern" not in panel.preview.value
    panel.export.click()
    assert "Not exported yet" in said(panel.status) and panel.written is None
    assert "Ana Stern" in panel.preview.value
    panel.export.click()
    assert "Exported" in said(panel.status)
    assert "Ana Stern" in panel.written.read_text(encoding="utf-8")


def test_leaving_a_part_out_removes_it_and_records_the_choice(zoe_work):
    panel = zoe_work
    assert set(panel.parts) == {"answers:00_start_here", "reflection:00_refuse_first"}
    panel.parts["reflection:00_refuse_first"].value = False
    assert "Subconscious" not in panel.preview.value
    panel.export.click()
    written = panel.written.read_text(encoding="utf-8")
    data = read_export(written)
    assert "Subconscious" not in written and data["reflections"] == {}
    assert data["consent"] == {
        "included": ["answers:00_start_here"],
        "left_out": ["reflection:00_refuse_first"],
    }


def test_hostile_learner_text_is_inert_in_the_export(tmp_path):
    signed_in(tmp_path, '=HYPERLINK("http://x.example")')
    box = my_work.reflection("00_refuse_first", "Which category first?")
    box.text.value = (
        '<img src="http://evil.example/p.png"> ![x](http://evil.example/t.png)\n'
        "=cmd|' /C calc'!A0\n+1\n@SUM(A1)"
    )
    box.save.click()
    panel = my_work.export_panel()
    panel.export.click()
    written = panel.written.read_text(encoding="utf-8")
    prose = written.split("```json")[0]
    unescaped = r"(?<!\\)<img|!\[|(?<!\\)\]\(|(?<!\\)://"
    assert not re.search(unescaped, prose), "HTML, an image or a link a browser would fetch"
    assert not re.search(r"^[=+\-@]", written, re.M), "a line a spreadsheet would run"
    data = read_export(written)
    assert "\\<img" in prose and "!\\[x\\]" in prose  # the words are still there, inert
    # the readable line is inert; the data block keeps the name as typed (the teacher's view
    # reads values, and its spreadsheet makes each cell safe: teacher.tables.csv_safe)
    assert "'=HYPERLINK" in prose and data["learner"] == '=HYPERLINK("http://x.example")'
    assert data["reflections"]["00_refuse_first"]["text"].startswith("<img")  # kept as typed


def test_a_full_disk_says_not_exported_and_leaves_the_old_export(zoe_work, monkeypatch):
    panel = zoe_work
    panel.export.click()
    before = panel.written.read_bytes()
    panel.parts["reflection:00_refuse_first"].value = False

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    panel.export.click()
    monkeypatch.undo()
    assert "Not exported" in said(panel.status) and "disk is full" in said(panel.status)
    assert panel.written.read_bytes() == before
    assert not [p for p in panel.written.parent.iterdir() if p.name.endswith(".tmp")]


def test_on_a_hub_the_export_goes_to_the_drop_folder(zoe_work, tmp_path, monkeypatch):
    drop = tmp_path / "drop"
    drop.mkdir()
    monkeypatch.setenv("OSMOSIS_DROP_DIR", str(drop))
    panel = my_work.export_panel()
    assert "drop folder" in said(panel.reader)
    panel.export.click()
    assert panel.written.parent == drop and "hands it in" in said(panel.status)


def test_on_binder_the_status_says_to_download_it_now(zoe_work, monkeypatch):
    monkeypatch.setenv("BINDER_SERVICE_HOST", "10.0.0.1")
    panel = my_work.export_panel()
    panel.export.click()
    assert "download it at once" in said(panel.status)
    assert "deleted within minutes" in said(panel.status)


def test_the_review_writer_takes_the_name_signed_in_even_when_built_first(tmp_path):
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)  # Run All: built first
    assert writer.name.value == ""
    signed_in(tmp_path, "Zoé", lesson="05_design_review")
    assert writer.name.value == "Zoé"
    writer.open.click()
    assert my_work.current_store().path("Zoé") == RecordStore(tmp_path).path("zoé")


def test_saving_the_review_keeps_lesson_05s_answers_and_both_are_exported(tmp_path):
    """The review and lesson 05's answers once shared a record section: Save replaced the answers."""
    signed_in(tmp_path, "Zoé", lesson="05_design_review")
    control = answer_control("review_proposing_side")
    control.choice.index = 0
    control.check_button.click()
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.open.click()
    writer.text.value = "Delay the launch: fair form first."
    writer.save.click()
    kept = RecordStore(tmp_path).load("Zoé")
    assert "review_proposing_side" in kept["05_design_review"]
    assert kept["design_review"]["review"] == "Delay the launch: fair form first."
    assert "answers:05_design_review" in my_work.export_panel().parts


# -- delete ----------------------------------------------------------------------------------------


def test_delete_asks_first_then_erases_and_an_open_finds_nothing(zoe_work, tmp_path):
    panel = zoe_work
    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    assert writer.name.value == "Zoé"  # the signed-in name, filled in
    writer.open.click()
    writer.text.value = "Delay the launch."
    writer.save.click()
    panel.export.click()
    assert len(files(tmp_path)) == 3
    panel.delete.click()
    assert panel.confirm.layout.display == "flex" and len(files(tmp_path)) == 3
    panel.keep.click()
    assert "nothing was deleted" in said(panel.status) and len(files(tmp_path)) == 3
    panel.delete.click()
    panel.delete_now.click()
    assert files(tmp_path) == {}
    assert "not touched" in said(panel.status) and my_work.current_learner() is None
    assert "handed in" in panel._delete_warning() and "cannot be undone" in panel._delete_warning()
    restart()
    signed_in(tmp_path)
    assert answer_control("youngest_tester").state() is None
    assert RecordStore(tmp_path).load("Zoé") == {}


# -- through a real kernel -------------------------------------------------------------------------


def _cell(notebook, marker):
    return next(c.source for c in notebook.cells if marker in c.source)


def _run(client, source):
    """Execute one cell as JupyterLab does; return its printed text, failing on an error."""
    shown = []

    def collect(message):
        if message["msg_type"] == "stream":
            shown.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            shown.append(f"{message['content']['ename']}: {message['content']['evalue']}")

    reply = client.execute_interactive(source, output_hook=collect, timeout=120)
    assert reply["content"]["status"] == "ok", "".join(shown)
    return "".join(shown)


@pytest.mark.slow
def test_through_a_real_kernel_restart_and_sign_in_bring_the_answer_back(tmp_path):
    from conftest import ROOT, read_notebook
    from kernel_sockets import start_kernel  # on IPC: no TCP port to race the other worker for

    lesson = read_notebook(ROOT / "lessons" / "00_start_here.ipynb")
    setup, sign_in_cell = _cell(lesson, "default_rng("), _cell(lesson, "my_work.sign_in(")
    sign_in_and_answer = """
door = _
door.name.value = "Zoé"
door.open.click()
control = answer_control("youngest_tester")
print(control.state(), control.status)
"""
    manager, client = start_kernel(kernel_name="python3", cwd=str(tmp_path), startup_timeout=120)
    try:
        _run(client, setup)
        _run(client, sign_in_cell)
        assert _run(client, sign_in_and_answer).split() == ["None", "not", "checked"]
        _run(client, 'control.choice.index = control.exercise.choices().index("Ana Stern")')
        _run(client, "control.check_button.click()")
        _run(client, 'control.choice.index = control.exercise.choices().index("Niels Larson")')
        _run(client, "control.check_button.click()")
        manager.restart_kernel(now=True)
        client.wait_for_ready(timeout=120)
        # a new kernel: nothing in memory, and the learner is told what to do (w54 met only
        # "NameError: name 'replay' is not defined"); after the setup, Python's error alone
        told = _run_failing(client, "control")
        assert "NameError" in told and kernel_note.NOTE in told
        _run(client, setup)
        told = _run_failing(client, "answer = Claire")
        assert "NameError" in told and kernel_note.NOTE not in told
        _run(client, sign_in_cell)
        assert _run(client, sign_in_and_answer).split() == ["Niels", "Larson", "correct"]
        kept = _run(client, 'print(control.record.get("youngest_tester"))')
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert "'first_answer': 'Ana Stern'" in kept and "'tries': 2" in kept
    assert [p.name for p in tmp_path.iterdir()] == [RecordStore(tmp_path).path("Zoé").name]


def _run_failing(client, source):
    """What a failing cell shows: its printed and displayed text, and the error's name."""
    shown = []
    client.execute_interactive(
        source,
        output_hook=lambda m: shown.append(
            m["content"].get("text", "")
            or m["content"].get("data", {}).get("text/plain", "")
            or m["content"].get("ename", "")
        ),
        timeout=60,
    )
    return " ".join(shown)


def test_before_a_sign_in_the_panel_exports_and_deletes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    panel = my_work.export_panel()
    assert "Sign in above first" in said(panel.preview)
    panel.export.click()
    assert "Not exported" in said(panel.status)
    panel.delete.click()
    assert "Nothing to delete" in said(panel.status) and panel.confirm.layout.display == "none"
    assert files(tmp_path) == {}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("# my notes, no data", "exactly one json block"),
        ('```json\n{"format": "osmosis-lab-export", "version": 99}\n```\n', "version 99"),
        ('```json\n{"format": "something-else", "version": 1}\n```\n', "wrong format"),
        ("```json\n{not json\n```\n", "not valid JSON"),
    ],
)
def test_reading_an_export_refuses_what_it_cannot_read(text, why):
    from osmosis_lab.errors import RecordError

    with pytest.raises(RecordError, match=why):
        read_export(text)


def test_keystrokes_that_arrive_just_after_check_complete_that_check(tmp_path, monkeypatch):
    """On a busy kernel the Check click can overtake the last keystrokes ("1" then "0"): the
    completed answer is judged as the Check the learner pressed, not as a wrong first try."""
    signed_in(tmp_path, "Zoé", lesson="03_privacy")
    # the press at 100.0 s, then every later reading 0.4 s on
    clock = itertools.chain([100.0], itertools.repeat(100.4))
    monkeypatch.setattr(late_keystrokes.time, "monotonic", lambda: next(clock))
    control = answer_control("reidentified_testers")
    control.text.value = "1"
    control.check_button.click()  # at 100.0 s, with only "1" arrived
    control.text.value = "10"  # the rest of the typing, 0.4 s later
    assert control.status == "correct"
    kept = RecordStore(tmp_path).load("Zoé")["03_privacy"]["reidentified_testers"]
    assert (kept["first_answer"], kept["tries"], kept["status"]) == ("10", 1, "correct")


def test_a_change_well_after_check_asks_for_a_new_check(tmp_path, monkeypatch):
    signed_in(tmp_path, "Zoé", lesson="03_privacy")
    clock = itertools.chain([100.0], itertools.repeat(105.0))
    monkeypatch.setattr(late_keystrokes.time, "monotonic", lambda: next(clock))
    control = answer_control("reidentified_testers")
    control.text.value = "1"
    control.check_button.click()
    control.text.value = "10"  # typed five seconds later: a new answer, not yet checked
    assert control.status == "changed" and "press Check" in said(control.verdict)
    kept = RecordStore(tmp_path).load("Zoé")["03_privacy"]["reidentified_testers"]
    assert (kept["first_answer"], kept["tries"]) == ("1", 1)


def test_a_double_clicked_delete_says_deleted_and_the_sign_in_says_signed_out(tmp_path):
    """A tester double-clicked Delete and Yes: the screen said "Press Yes…" and "Signed in"."""
    door = signed_in(tmp_path, "Ben")
    answer(answer_control("youngest_tester"), "Ana Stern")
    panel = my_work.export_panel()
    panel.delete.click()
    panel.delete.click()
    panel.delete_now.click()
    panel.delete_now.click()  # the second click of a double-click, after the question closed
    assert said(panel.status).startswith("Deleted") and files(tmp_path) == {}
    assert "Not signed in" in said(door.status)


def test_a_hint_keeps_the_misconception_it_answers_for_the_teachers_view(tmp_path):
    signed_in(tmp_path, "Zoé", lesson="03_privacy")
    control = answer_control("reidentified_testers")
    control.text.value = "6"  # age and arrondissement only: the "forgot gender" slip
    control.check_button.click()
    kept = RecordStore(tmp_path).load("Zoé")["03_privacy"]["reidentified_testers"]
    assert (kept["status"], kept["misconception"]) == ("hint", "forgot gender")
    panel = my_work.export_panel()
    panel.export.click()
    from osmosis_lab.teacher import parse_export

    work = parse_export(panel.written.read_text(encoding="utf-8"), source="zoe.md")
    assert work.answers["03_privacy/reidentified_testers"].misconception == "forgot gender"


def test_enter_in_an_answer_box_checks_and_keeps_the_answer_as_check_does(tmp_path):
    """Enter after typing a number is a Check: a verdict shows and the answer is kept (hub walk:
    "Kept for …" showed after Enter while nothing was kept)."""
    signed_in(tmp_path)
    control = answer_control("count_the_testers")
    control.text.value = "3"
    control.text._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
    assert control.status == "hint" and "Not yet" in said(control.verdict)
    restart()
    again = answer_control("count_the_testers")
    signed_in(tmp_path)
    assert again.text.value == "3" and again.status == "hint"


def test_pressing_open_again_says_you_are_already_signed_in(tmp_path):
    """Enter signs in; a click on Open out of habit says so instead of repeating itself."""
    door = signed_in(tmp_path)
    door.open.click()
    assert "Signed in as Zoé already" in said(door.status)


def test_checking_the_same_answer_again_is_not_a_new_try(tmp_path):
    """An attacker's walk: six quick clicks on Check turned 3 tries into 9 in the teacher's file."""
    signed_in(tmp_path)
    control = answer_control("youngest_tester")
    answer(control, "Ana Stern")
    for _ in range(5):
        control.check_button.click()
    assert "Checked again" in said(control.verdict)
    kept = my_work.current_store().load("Zoé")["00_start_here"]["youngest_tester"]
    assert kept["tries"] == 1
    answer(control, "Niels Larson")  # a changed answer is a new try
    kept = my_work.current_store().load("Zoé")["00_start_here"]["youngest_tester"]
    assert kept["tries"] == 2 and "Checked again" not in said(control.verdict)
    # a right answer checked again is not told to change (w43 did, and the record then kept
    # the wrong answer as the last one)
    control.check_button.click()
    assert control.status == "correct" and "still right; nothing to change" in said(control.verdict)
    assert "Change it to try again" not in said(control.verdict)


def test_a_refused_name_says_who_is_still_signed_in(tmp_path):
    """w43 typed a 500-letter name after signing in: "Not signed in" showed while the answers
    below still said they were kept for the earlier name."""
    door = signed_in(tmp_path)
    door.name.value = "x" * 500
    door.open.click()
    assert "Still signed in as Zoé:" in said(door.status) and "80" in said(door.status)
    assert "Not signed in" not in said(door.status)
    assert my_work.current_learner() == "Zoé"


def test_an_answer_given_before_signing_in_again_and_the_kept_one_both_stay(tmp_path):
    """Neither replaces the other unasked. w64: a guess checked before signing in again
    replaced the kept correct answer; w65: the kept wrong answer came back over a right one."""
    signed_in(tmp_path)
    answer(answer_control("youngest_tester"), "Niels Larson")
    restart()
    again = answer_control("youngest_tester")
    code_cell = check.youngest_tester(...).view  # the exercise's code cell, run by Run All
    answer(again, "Ana Stern")  # a guess, checked while nobody is signed in
    assert "not kept until you sign in" in said(again.kept)
    signed_in(tmp_path)
    assert again.state() == "Ana Stern"  # the answer on screen stays on screen...
    assert "Kept for Zoé: a different answer, “Niels Larson”" in said(again.kept)
    assert "press Check to keep it instead" in said(again.kept)
    # ...and the code cell below does not call it the answer that needs no code (w66)
    assert "your kept answer is another" in said(code_cell) and "no code" not in said(code_cell)
    kept = RecordStore(tmp_path).load("Zoé")["00_start_here"]["youngest_tester"]
    assert (kept["answer"], kept["status"], kept["tries"]) == ("Niels Larson", "correct", 1)
    answer(again, "Ana Stern")  # ...and Check keeps it, as a try
    assert "Checked answers are kept for Zoé" in said(again.kept)
    assert "this cell needs no code" in said(code_cell)
    kept = RecordStore(tmp_path).load("Zoé")["00_start_here"]["youngest_tester"]
    assert (kept["answer"], kept["tries"]) == ("Ana Stern", 2)


def test_a_right_answer_given_before_signing_in_again_is_not_lost_to_a_kept_wrong_one(tmp_path):
    signed_in(tmp_path)
    answer(answer_control("youngest_tester"), "Ana Stern")
    restart()
    again = answer_control("youngest_tester")
    answer(again, "Niels Larson")
    signed_in(tmp_path)
    assert again.state() == "Niels Larson" and again.status == "correct"
    assert "a different answer, “Ana Stern”" in said(again.kept)
