"""Nothing a learner types is lost when they press Save at once (issue 11, "learner work is never
lost"; explorers.late_keystrokes).

On a busy kernel the browser sends a click at once and holds back the last text update, so the
kernel sees Save first, then the rest of the text. Driven here in that order: ``.click()``, then
the last keystrokes' ``.value``; the clock is the one the rule reads, set by the test.
"""

import pytest

from learner_steps import answer, press_enter, reflect, review_writer_in, said, save_review, sign_in
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.records import RecordStore

WHOLE = "The export says 'Only transmits' says nothing about the export."
CUT = WHOLE[: WHOLE.index("expo") + 4]  # what reached the kernel before the Save click
pytestmark = pytest.mark.usefixtures("fresh_kernel")


def saved_reflection(folder, sent):
    """Inès, signed in, saves a reflection of which only ``sent`` has reached the kernel."""
    sign_in(folder, "Inès", "03_privacy")
    return reflect("03_expo", "What does the export's promise say?", sent)


def kept_reflection(folder, name="Inès"):
    return RecordStore(folder).load(name)["reflections"]["03_expo"]


def opened_writer(folder):
    """Lesson 05's review writer, opened for Inès by its own name box."""
    writer = review_writer_in(folder)
    writer.name.value = "Inès"
    writer.open.click()
    return writer


def test_letters_arriving_just_after_save_are_saved_with_the_reflection(tmp_path, clock):
    box = saved_reflection(tmp_path, CUT)  # the click overtook the last keystrokes
    clock.now += 0.3
    box.text.value = WHOLE  # ...which arrive now
    assert kept_reflection(tmp_path)["text"] == WHOLE
    assert said(box.status).startswith("Saved")


def test_text_typed_well_after_save_is_a_new_change_not_saved_yet(tmp_path, clock):
    box = saved_reflection(tmp_path, CUT)
    clock.now += 5  # the learner went on writing after a deliberate Save
    box.text.value = WHOLE
    assert kept_reflection(tmp_path)["text"] == CUT
    assert said(box.status).startswith("Not saved yet")


def test_a_deletion_just_after_save_is_not_taken_as_part_of_it(tmp_path, clock):
    box = saved_reflection(tmp_path, WHOLE)
    clock.now += 0.3
    box.text.value = CUT  # letters removed: the learner is editing, not finishing
    assert kept_reflection(tmp_path)["text"] == WHOLE
    assert said(box.status).startswith("Not saved yet")


def test_letters_arriving_just_after_save_are_saved_in_the_design_review(tmp_path, clock):
    writer = opened_writer(tmp_path)
    save_review(writer, CUT)
    clock.now += 0.3
    writer.text.value = WHOLE
    assert RecordStore(tmp_path).load("Inès")["design_review"]["review"] == WHOLE
    assert WHOLE.replace("'", "") in writer.review_path.read_text(encoding="utf-8").replace("'", "")
    assert said(writer.status).startswith("Saved") and ", saved." in said(writer.summary)


def test_a_late_reason_completes_the_review_save_too(tmp_path, clock):
    writer = opened_writer(tmp_path)
    box = writer.reasons.boxes["minors"]
    box.value = "Niels is 1"
    writer.save.click()
    clock.now += 0.2
    box.value = "Niels is 17"
    assert RecordStore(tmp_path).load("Inès")["design_review"]["reasons"]["minors"] == (
        "Niels is 17"
    )


def test_work_done_before_signing_in_follows_a_name_cut_short_to_the_whole_name(tmp_path, clock):
    """Enter overtook the last letters (browser walkthrough): the answers given before signing
    in were kept under "t"; the late letters "est" make it "test", and the work moves with it."""
    answer("count_the_testers", "12")  # answered before signing in
    door = my_work.sign_in("00_start_here", folder=tmp_path)
    door.name.value = "t"
    press_enter(door.name)  # Enter, before "est" arrives
    door.name.value = "test"
    store = RecordStore(tmp_path)
    assert my_work.current_learner() == "test", said(door.status)
    assert store.load("test")["00_start_here"]["count_the_testers"]["answer"] == "12"
    assert not store.path("t").exists()
    assert "Signed in as test." in said(door.status)  # "instead of t": never typed on purpose


def test_a_name_with_work_of_its_own_is_never_merged_into_another(tmp_path, clock):
    """Someone really called "t" keeps their record: only a record begun by the press moves."""
    RecordStore(tmp_path).save("t", "00_start_here", {"x": {"answer": 1}})
    door = sign_in(tmp_path, "t", "00_start_here")
    door.name.value = "test"  # letters just after: but "t" had work before this press
    assert my_work.current_learner() == "t" and "Not switched" in said(door.status)
    assert RecordStore(tmp_path).load("t") == {"00_start_here": {"x": {"answer": 1}}}


def test_the_review_writer_follows_a_name_cut_short_to_the_whole_name(tmp_path, clock):
    """The writer opened itself for "t" when Enter overtook "est"; it follows the sign-in to
    "test", so Save writes "test"'s review (browser test of lesson 05)."""
    writer = review_writer_in(tmp_path)
    door = my_work.sign_in("05_design_review", folder=tmp_path)
    door.name.value = "t"
    press_enter(door.name)
    assert writer.learner == "t"
    door.name.value = "test"
    assert writer.learner == "test" and writer.name.value == "test"
    writer.text.value = "Delay the launch."
    writer.save.click()
    assert "Saved" in said(writer.status)
    assert RecordStore(tmp_path).load("test")["design_review"]["review"] == "Delay the launch."


def kept_answer(folder, exercise, lesson="01_what_is_a_match", name="Théo"):
    return RecordStore(folder).load(name).get(lesson, {}).get(exercise)


def test_an_answer_cut_short_to_an_allowed_one_is_not_kept_when_the_whole_is_refused(
    tmp_path, clock
):
    """Théo typed 250 and Enter: "2" reached the kernel with the press, "250" after it (w47).
    The screen refused 250; the record must not keep "2" as a try he never made."""
    sign_in(tmp_path, "Théo", "01_what_is_a_match")
    control = answer_control("men_first_choices_when_women_propose")
    control.text.value = "2"
    press_enter(control.text)
    clock.now += 0.3
    control.text.value = "250"
    assert "Not counted as a try" in said(control.verdict) or "Not read" in said(control.verdict)
    assert kept_answer(tmp_path, "men_first_choices_when_women_propose") is None


def test_a_new_answer_cut_short_to_an_unread_one_is_a_new_try(tmp_path, clock):
    """After a kept "0", Théo typed "two" and Enter: "t" (not read) reached the kernel with the
    press, "two" after it. It is a second try, and the first answer stays "0" (w47)."""
    sign_in(tmp_path, "Théo", "01_what_is_a_match")
    control = answer_control("men_first_choices_when_women_propose")
    control.text.value = "0"
    press_enter(control.text)
    clock.now += 10
    control.text.value = "t"
    press_enter(control.text)
    clock.now += 0.3
    control.text.value = "two"
    kept = kept_answer(tmp_path, "men_first_choices_when_women_propose")
    assert kept["tries"] == 2 and kept["first_answer"] == "0" and kept["answer"] == "two"


def test_late_spaces_after_a_refused_empty_save_say_the_same_refusal(tmp_path, clock):
    """Théo emptied a saved reflection to spaces and pressed Save at once: the first space came
    with the press (refused: the saved one is kept), the rest after it. The box must still say
    why nothing was saved, not "Not saved yet: press Save" just after Save (w47)."""
    box = saved_reflection(tmp_path, WHOLE)
    clock.now += 10
    box.text.value = " "
    box.save.click()
    clock.now += 0.2
    box.text.value = "    "
    assert said(box.status).startswith("Not saved: the box is empty")
    assert kept_reflection(tmp_path)["text"] == WHOLE
