"""Lesson 05's design panel greys out a choice exactly while it cannot act, and keeps its value.

The walkthrough ticked "search people who never signed up" while scraped media were not read:
the box took the tick, though the headline said the choice did nothing. Over seeded random
sequences of what a learner can do (only enabled controls: a browser sends nothing from a
disabled one), driven as the browser drives them (radio groups and sliders by index, boxes by
value, "Back to the plan" by click), after every action:

- each control is disabled exactly when :func:`osmosis_lab.review.acts` says its choice does
  not act on the design the controls show, and a disabled one's tooltip says when it acts;
- each control holds the value the learner last gave it (or the plan's, after "Back to the
  plan"): greying out never changes a value, so one that comes back acts as it was set.

The design is read from the controls here, not from the panel's ``design``.
"""

from __future__ import annotations

import random

import pytest

from osmosis_lab.explorers.review_design import DesignPanel
from osmosis_lab.review import ACTS_ONLY_WITH, AS_PLANNED, FIELDS, LaunchDesign, acts
from sentence_sweep import SEEDS
from sequences import Sequence, random_action, run_sequence, update

#: Enough steps for each seed to grey out a choice and bring it back with its value.
STEPS = 120


def controls_of(panel: DesignPanel) -> dict[str, list]:
    """Each field of the design and the controls that set it (by the panel's attribute names)."""
    return {
        name: list(panel.categories.values()) if name == "categories" else [getattr(panel, name)]
        for name in FIELDS
    }


def shown_design(panel: DesignPanel) -> LaunchDesign:
    values = {
        name: [c for c, box in panel.categories.items() if box.value]
        if name == "categories"
        else group[0].value
        for name, group in controls_of(panel).items()
    }
    return LaunchDesign(**values)


def planned_values(panel: DesignPanel) -> dict[int, object]:
    values = {}
    for name, group in controls_of(panel).items():
        for category, control in zip(panel.categories, group, strict=False):
            values[id(control)] = (
                category in AS_PLANNED.categories
                if name == "categories"
                else getattr(AS_PLANNED, name)
            )
    return values


class Learner:
    """Operates enabled controls only, and remembers the value each control was last given."""

    def __init__(self, panel: DesignPanel) -> None:
        self.panel = panel
        self.given = planned_values(panel)  # the panel opens on the plan
        self.kept: dict[int, object] = {}  # a disabled control -> its value when greyed out
        self.round_trips: list[str] = []  # controls greyed out and back, holding their value

    def act(self, panel: DesignPanel, sequence: Sequence, rng: random.Random):
        control = rng.choice([c for c in panel.controls() if not c.disabled])
        operate, words = random_action(control, sequence, rng)

        def done() -> None:
            operate()
            if control is panel.reset:  # every value back to the plan's, greyed out or not
                self.given, self.kept = planned_values(panel), {}
            else:
                self.given[id(control)] = control.value

        return done, words

    def check(self, panel: DesignPanel, _control) -> None:
        design = shown_design(panel)
        for name, group in controls_of(panel).items():
            for control in group:
                label = control.description
                assert control.disabled == (not acts(design, name)), (label, design)
                assert control.value == self.given[id(control)], (label, control.value)
                if control.disabled:
                    assert ACTS_ONLY_WITH[name][1] in control.tooltip, (label, control.tooltip)
                    self.kept.setdefault(id(control), control.value)
                elif id(control) in self.kept:
                    assert control.value == self.kept.pop(id(control)), label
                    self.round_trips.append(label)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_control_is_greyed_out_exactly_while_it_cannot_act(seed, no_explorer_followed):
    panel = DesignPanel.with_lesson_data()
    learner = Learner(panel)
    learner.check(panel, None)  # as built: the plan's export greys out k and epsilon
    assert panel.k.disabled and panel.epsilon.disabled and not panel.search_non_users.disabled
    run_sequence(panel, seed, STEPS, model=learner.check, action=learner.act)
    assert learner.round_trips, "no control was greyed out and back: the sequence proved nothing"


def test_unread_scraped_media_grey_out_the_search_and_keep_its_tick(no_explorer_followed):
    """The walkthrough's case, step by step: untick scraped media, tick them again."""

    panel = DesignPanel.with_lesson_data()
    assert panel.search_non_users.value and not panel.search_non_users.disabled
    update(panel.categories["scraped"], value=False)
    assert panel.search_non_users.disabled and panel.search_non_users.value
    assert "scraped social media" in panel.search_non_users.tooltip
    assert panel.search_non_users.description.startswith("Search people who never signed up")
    update(panel.categories["scraped"], value=True)
    assert not panel.search_non_users.disabled and panel.search_non_users.value
