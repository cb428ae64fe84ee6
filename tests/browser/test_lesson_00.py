"""Lesson 00 in JupyterLab as a learner meets it: Run All, its chart, the tester picker."""

import pytest

from .gates import show_gated_results
from .labels import assert_no_control_cut, assert_no_label_cut

LESSON = "lessons/00_start_here.ipynb"


@pytest.fixture(scope="module")
def lesson(lesson):
    """After Run All, every result gated on a prediction shown ("Show anyway"): none today, as
    the labels check measured it in test_labels_whole.py."""
    return show_gated_results(lesson)


def test_no_control_label_is_cut_after_run_all(lesson):
    """Issue 12, item 4: every text of a control shown whole, on the page as Run All left it
    (a Run All of its own in test_labels_whole.py before issue 16)."""
    assert_no_control_cut(lesson)


def test_runs_without_errors_and_draws_its_charts(lesson):
    lesson.assert_no_errors()
    assert lesson.assert_charts_drawn(min_count=1) >= 1


def test_no_label_is_cut_off(lesson):
    # on the page as Run All left it, before the tests below change it (lesson 00 has no
    # gated results to show first)
    assert_no_label_cut(lesson)


def test_tester_picker_changes_the_card_from_the_keyboard(lesson):
    picker = lesson.control("Beta tester")
    options = picker.options()
    first = picker.value()  # the first adult, not Niels (17): Exercise 2 asks who is a minor
    assert first == options[1] and first in picker.readout()
    second, last = options[2], options[-1]

    picker.choose_next()  # Tab to the next tester, Space

    assert picker.value() == second
    card = picker.readout()
    assert second in card and first not in card, card
    assert f"Chart: Bar chart of {second}'s" in card  # the chart's description follows too

    picker.choose(last)
    assert picker.value() == last and last in picker.readout()
    lesson.assert_no_errors()  # no widget callback raised along the way


def test_every_control_works_from_the_keyboard(lesson):
    results = lesson.exercise_every_control()
    assert results, "lesson 00 shows no controls"
    unchanged = [r for r in results if not r["changed"]]
    assert not unchanged, f"controls whose explorer said nothing new: {unchanged}"
    lesson.assert_no_errors()


def test_outputs_pass_the_accessibility_audit(lesson):
    report = lesson.assert_accessible()
    print(f"axe-core on {LESSON} outputs: {report.counts()}, {report.passes} rules passed")
