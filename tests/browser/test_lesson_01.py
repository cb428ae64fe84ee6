"""Lesson 01 in JupyterLab as a learner meets it: Run All, charts, each explorer by keyboard."""

import pytest

from .gates import show_anyway_button, show_gated_results
from .labels import assert_no_control_cut, assert_no_label_cut

LESSON = "lessons/01_what_is_a_match.ipynb"


@pytest.fixture(scope="module")
def lesson(lesson):
    """After Run All, every result gated on a prediction shown ("Show anyway")."""
    return show_gated_results(lesson)


def test_no_control_label_is_cut_after_run_all(lesson):
    """Issue 12, item 4: every text of a control shown whole, on the page as Run All and "Show
    anyway" left it (a Run All of its own in test_labels_whole.py before issue 16)."""
    assert_no_control_cut(lesson)


def test_runs_without_errors_and_draws_its_charts(lesson):
    lesson.assert_no_errors()
    # step-through, who proposes, stable vs best, what if I lie, consent
    assert lesson.assert_charts_drawn(min_count=5) >= 5


def test_no_label_is_cut_off(lesson):
    # on the page as Run All and "Show anyway" left it, before the tests below change it
    assert_no_label_cut(lesson)


def test_every_control_works_from_the_keyboard(lesson):
    results = lesson.exercise_every_control()
    # step-through 5, who proposes 2, stable vs best 1, lie 3, consent 6
    assert len(results) >= 17, results
    unchanged = [r for r in results if not r["changed"]]
    assert not unchanged, f"controls whose explorer said nothing new: {unchanged}"
    lesson.assert_no_errors()


def test_outputs_pass_the_accessibility_audit(lesson):
    report = lesson.assert_accessible()
    print(f"axe-core on {LESSON} outputs: {report.counts()}, {report.passes} rules passed")


def test_show_anyway_by_keyboard_keeps_the_focus_on_its_button(fresh_lesson):
    # the first gate of a page just run (``fresh_lesson``: Run All, no gate pressed yet)
    tab = fresh_lesson
    button = show_anyway_button(tab).activate()  # Enter; fails if the focus moved away
    assert button.locator.evaluate("el => document.activeElement === el")
    assert button.locator.inner_text().strip() == "Shown below"
    region = button.region
    assert "Shown without a prediction" in region.inner_text()
    region.scroll_into_view_if_needed()
    tab.shots_dir.mkdir(parents=True, exist_ok=True)
    shot = tab.shots_dir / "01-show-anyway-pressed.png"
    region.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    tab.page.keyboard.press("Tab")  # the next stop is inside the result, not JupyterLab
    inside = button.locator.evaluate(
        "el => el.closest('.jp-OutputArea-output').contains(document.activeElement)"
    )
    assert inside, "Tab after Show anyway left the result"


def test_the_lesson_story_from_the_keyboard(fresh_lesson):
    # the same page: pressing one "Show anyway" and Tab changed nothing the story reads
    lab = show_gated_results(fresh_lesson)

    # Step-through: Enter on Next proposal shows Ada's first proposal; Play runs to the end.
    step = lab.control("Next proposal")
    assert "Nobody has proposed yet" in step.readout()
    step.activate()
    assert "Ada proposes to X (Ada's 1st choice)." in step.readout()
    lab.control("Play to the end").activate()
    assert "Final pairs: Ada and X, Ben and Y, Cyd and Z, Dev and W." in step.readout()
    lab.control("Start again").activate()
    assert "proposal 0 of 7" in step.readout()

    # Who proposes?: Tab to the other side, Space; the men now get their last choices.
    sides = lab.control("Who proposes?")
    sides.choose_next()
    assert "When women propose" in sides.readout()

    # What if I lie?: A truncates her list and gains.
    liar = lab.control("Who lies?")
    liar.choose("A")
    report = lab.control("Their report")
    report.choose(report.options()[-1])  # "Drops everyone below ..."
    assert "The lie paid off: A gets beta" in report.readout()

    # Consent: Bastien stops sharing conscious memories; Karim moves without touching anything.
    tester = lab.control("Tester")
    tester.choose("Bastien Colin")
    lab.control("Shares conscious memories").flip()
    assert "Karim Benali (switched nothing off)" in tester.readout()
    lab.assert_no_errors()
