"""What one learner action costs lesson 05's design panel (issue 16, "run each expensive thing
once"): one simulation and one redraw for a new design, none for a design it already shows.

Counted, not timed: the real panel runs; the tests only count its calls to the review engine
(``consequences``, the simulations of lessons 01-04) and its chart redraws. Controls are moved
as the browser moves them (``sequences.update``: a radio group's index, a slider's position, a
checkbox's value). That what the panel shows stays right is ``test_design_panel_shown.py``'s
and ``test_sentences_review.py``'s.
"""

from dataclasses import replace

import pytest

from osmosis_lab.explorers import review_design
from osmosis_lab.review import AS_PLANNED, CAUTIOUS
from sequences import click, update


@pytest.fixture
def counted(monkeypatch, no_explorer_followed):
    """A fresh panel, and the calls it makes from now on: simulations and chart redraws; built
    as in a fresh kernel (a review writer tests/test_class_view_review.py left alive refilled it
    with a saved fair form, and a move to "fair" simulated nothing: a CI run)."""
    panel = review_design.DesignPanel.with_lesson_data()
    calls = {"simulated": [], "drawn": 0}
    simulate, draw = review_design.consequences, review_design.show_chart

    def simulated(design, scenario, *, rng):
        calls["simulated"].append(design)
        return simulate(design, scenario, rng=rng)

    def drawn(area, chart):
        calls["drawn"] += 1
        draw(area, chart)

    monkeypatch.setattr(review_design, "consequences", simulated)
    monkeypatch.setattr(review_design, "show_chart", drawn)
    return panel, calls


def test_each_move_to_a_new_design_simulates_it_once_and_redraws_once(counted):
    panel, calls = counted
    moves = [
        (panel.proposers, {"index": 1}),
        (panel.consent_form, {"index": 0}),
        (panel.minors, {"index": 0}),
        *((box, {"value": False}) for box in panel.categories.values()),
        (panel.search_non_users, {"value": False}),
        (panel.privacy, {"index": 1}),
        (panel.k, {"index": 6}),
        (panel.epsilon, {"index": 0}),
        (panel.objective, {"index": 1}),
        (panel.human_contact, {"value": True}),
        (panel.fallback, {"value": True}),
    ]
    assert len(moves) == len(panel._value_controls())  # every control, moved once
    for step, (control, state) in enumerate(moves, start=1):
        update(control, **state)
        assert len(calls["simulated"]) == calls["drawn"] == step, control.description
        assert calls["simulated"][-1] == panel.design == panel.figures.design


def test_a_control_set_to_the_choice_it_shows_recomputes_nothing(counted):
    panel, calls = counted
    update(panel.privacy, index=panel.privacy.index)
    update(panel.k, index=panel.k.index)
    update(panel.fallback, value=panel.fallback.value)
    click(panel.reset)  # "Back to the plan" while the panel shows the plan
    assert calls == {"simulated": [], "drawn": 0}


def test_going_back_to_a_design_just_seen_redraws_it_without_simulating_it_again(counted):
    panel, calls = counted
    shown = panel.summary.value
    update(panel.privacy, index=2)  # try noisy counts...
    update(panel.privacy, index=0)  # ...and take them back: the plan again
    assert calls["simulated"] == [replace(AS_PLANNED, privacy="dp")]
    assert calls["drawn"] == 2 and panel.summary.value == shown
    panel.set_design(CAUTIOUS)
    click(panel.reset)
    panel.set_design(CAUTIOUS)  # the learner compares the two, back and forth
    assert calls["simulated"] == [replace(AS_PLANNED, privacy="dp"), CAUTIOUS]
    assert calls["drawn"] == 5


def test_back_to_the_plan_from_anywhere_is_one_redraw(counted):
    panel, calls = counted
    panel.set_design(CAUTIOUS)  # eight choices differ from the plan
    before = calls["drawn"]
    click(panel.reset)
    assert calls["drawn"] == before + 1 and panel.design == AS_PLANNED


@pytest.fixture
def writer(tmp_path):
    """Lesson 05's review writer (section 4) following the panel, and the figures it read at
    each of its refreshes from now on: (the design the panel shows, the one its figures are of)."""
    from osmosis_lab.explorers import review_writer

    writer = review_writer.ReviewWriter.with_lesson_data(folder=tmp_path)
    writer.name.value = "Zoé"
    writer.open.click()
    read, refresh = [], writer.refresh

    def counted():
        read.append((writer.panel.design, writer.panel.figures.design))
        refresh()

    writer.refresh = counted
    return writer, read


def test_one_move_of_the_panel_refreshes_the_review_writer_once(writer):
    writer, read = writer
    update(writer.panel.privacy, index=2)
    assert read == [(writer.panel.design,) * 2]
    read.clear()
    update(writer.panel.k, index=writer.panel.k.index)  # the value it has: nothing to say
    assert read == []
    writer.panel.set_design(CAUTIOUS)  # a saved design put back (a sign-in, a re-run cell)
    assert read == [(CAUTIOUS, CAUTIOUS)]


def test_a_re_run_panel_is_read_once_per_move_and_after_its_figures(writer):
    """A re-run panel cell builds a new panel, which the writer follows; the writer's watch
    on it starts before the panel's own, and used to read it first, figures of the last move."""
    writer, read = writer
    again = review_design.DesignPanel.with_lesson_data()
    assert writer.panel is again
    read.clear()
    update(again.fallback, value=True)
    update(again.privacy, index=1)
    assert read == [
        (replace(AS_PLANNED, fallback=True),) * 2,
        (replace(AS_PLANNED, fallback=True, privacy="generalised"),) * 2,
    ]
