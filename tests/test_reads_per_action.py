"""What one press costs (issue 16, "run each expensive thing once"): a sign-in reads the learner's
record file once, and the words an export names its parts with are built once per process.

Counted, not timed: the real store and the real export run; the tests only count the calls
that read a record file from disk and the calls that gather every exercise.
"""

import pytest

from learner_steps import restart, said, sign_in
from osmosis_lab.explorers import export_words, my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import store as store_module

pytestmark = pytest.mark.usefixtures("fresh_kernel")


@pytest.fixture
def reads(monkeypatch):
    """The paths of the record files read from disk from now on, one entry per read."""
    read, seen = store_module.read_text_if_present, []

    def counted(path):
        seen.append(path)
        return read(path)

    monkeypatch.setattr(store_module, "read_text_if_present", counted)
    return seen


def test_signing_in_a_new_learner_reads_their_record_once(tmp_path, reads):
    door = sign_in(tmp_path, "Zoé", "00_start_here")
    assert "Signed in as Zoé." in said(door.status)
    assert "0 answers kept in this lesson so far" in said(door.count)
    assert reads == [my_work.current_store().path("Zoé")]


def test_signing_in_again_after_a_restart_reads_the_record_once_and_counts_what_is_kept(
    tmp_path, reads
):
    sign_in(tmp_path, "Zoé", "00_start_here")
    control = answer_control("youngest_tester")
    control.choice.index = control.exercise.choices().index("Niels Larson")
    control.check_button.click()
    restart()  # Kernel > Restart: nothing on screen follows the sign-in yet
    reads.clear()
    door = sign_in(tmp_path, " zoé ", "00_start_here")
    assert "1 answer kept in this lesson so far" in said(door.count)
    assert reads == [my_work.current_store().path("Zoé")]


def test_the_words_an_export_names_its_parts_with_are_built_once():
    assert export_words.seen_words() is export_words.seen_words()


@pytest.mark.usefixtures("export_next_to_notebook")
def test_previewing_and_exporting_gather_the_exercises_at_most_once(tmp_path, monkeypatch):
    """Each preview (every answer checked, every tick box) and each export used to gather every
    exercise again; the questions the learner saw do not change while the kernel runs."""
    gather, gathered = export_words.all_exercises, []

    def counted():
        gathered.append(1)
        return gather()

    monkeypatch.setattr(export_words, "all_exercises", counted)
    sign_in(tmp_path, "Zoé", "00_start_here")
    panel = my_work.export_panel()
    control = answer_control("youngest_tester")
    for option in ("Ana Stern", "Niels Larson"):  # each check refreshes the preview
        control.choice.index = control.exercise.choices().index(option)
        control.check_button.click()
    panel.export.click()
    assert "Exported" in said(panel.status)
    assert control.exercise.question in panel.written.read_text(encoding="utf-8")
    assert len(gathered) <= 1
