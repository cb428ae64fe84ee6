"""Lesson 03 in JupyterLab as a learner meets it: Run All, five charts, each explorer by keys."""

import pytest

from .gates import show_gated_results
from .labels import assert_no_control_cut

LESSON = "lessons/03_privacy.ipynb"


@pytest.fixture(scope="module")
def lesson(lesson):
    """After Run All, every result gated on a prediction shown ("Show anyway")."""
    return show_gated_results(lesson)


def test_no_control_label_is_cut_after_run_all(lesson):
    """Issue 12, item 4: every text of a control shown whole, on the page as Run All and "Show
    anyway" left it (a Run All of its own in test_labels_whole.py before issue 16)."""
    assert_no_control_cut(lesson)


def test_runs_without_errors_and_draws_its_charts(lesson):
    lesson.assert_no_errors()  # the budget cell prints its refusal: no error
    # linkage, class sizes, survey, noise dial, profile
    assert lesson.assert_charts_drawn(min_count=5) >= 5


def test_every_control_works_from_the_keyboard(lesson):
    results = lesson.exercise_every_control()
    # linkage 4, generalise 5, survey 4, noise 5, profile 5
    assert len(results) >= 23, results
    unchanged = [r for r in results if not r["changed"]]
    assert not unchanged, f"controls whose explorer said nothing new: {unchanged}"
    lesson.assert_no_errors()


def test_outputs_pass_the_accessibility_audit(lesson):
    report = lesson.assert_accessible()
    print(f"axe-core on {LESSON} outputs: {report.counts()}, {report.passes} rules passed")


def test_the_lesson_story_from_the_keyboard(fresh_lesson):
    # the module's tab, restarted and run again (issue 16), every gate shown
    lab = show_gated_results(fresh_lesson)

    # Linkage attack: Space ticks arrondissement; the invented testers' rows are in the leaks
    # table, the series' testers' rows in a closed spoiler fold (their values are ep. 2 plot)
    box = lab.control("Attacker knows arrondissement")
    assert "Knowing age, the attacker" in box.readout()
    box.flip()
    readout = box.readout()
    assert "Knowing age and arrondissement, the attacker" in readout
    assert "Bastien Colin" in readout and "Lucas Apert" not in readout
    assert (
        "Spoiler (ep. 2): what the attacker learns about the 3 testers from the series" in readout
    )

    # Generalise: age one step coarser with the arrow key.
    age = lab.control("Age")
    assert "age: exact" in age.readout()
    age.press("ArrowRight")
    assert "age: 5-year bands" in age.readout()

    # Survey: Enter draws a new class and new coins; the arrow raises epsilon by 0.1 a step.
    again = lab.control("Ask again")
    before = again.readout()
    again.activate()
    assert again.readout() != before
    epsilon = lab.control("epsilon")
    epsilon.press("ArrowRight", times=10)
    assert "(epsilon = 2.0)" in epsilon.readout()

    # Noise dial: at epsilon 0.5 a budget of 1 pays for two counts, then refuses.
    publish = lab.control("Publish this count")
    publish.activate()
    publish.activate()
    assert "Refused" not in publish.readout()
    publish.activate()
    assert "Refused:" in publish.readout() and "add up" in publish.readout()

    # Your own profile: share coarse facts only.
    coarse = lab.control("Share age band, area group and sector (gender stays)")
    coarse.flip()
    assert "age 30-39" in coarse.readout()
    lab.assert_no_errors()
