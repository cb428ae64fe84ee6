"""Lesson 05's design panel shows, state by state, exactly what it showed before it was made fast.

The design panel was rewritten for speed (issue 16: each figure computed once per refresh,
no per-row pandas in its sentences, no recomputation for a control set to the value it
has). Nothing a learner sees may change with that. This test drives one panel through a
seeded sequence of learner actions (a control moved as the browser moves it, "Back to the
plan" pressed, Exercise 2 answered half way, so the held-back line is covered both ways)
and compares, after each action, digests of every text the panel's widgets show (values,
descriptions, tooltips, option labels, greyed out or not, the summary) and of the chart's
whole Vega-Lite spec (its data, description and sort) with ``fixtures/design_panel_shown.json``.

That file was written from the code before the speed-up (commit 21e4248) by running this
module as a script. A change to a figure, a sentence or the chart makes this test fail and
names the step, the design and the part that changed. When a change to what the panel shows
is meant (new data, a corrected sentence), regenerate it and say why in the commit::

    .venv/bin/python tests/test_design_panel_shown.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # as a script: the helpers beside it

from design_table import amounts, headline_choices, headline_count, table_rows, what_it_does  # noqa: E402
from osmosis_lab.charts.review import comparison_rows  # noqa: E402
from osmosis_lab.explorers import base  # noqa: E402
from osmosis_lab.explorers import review_design as panels  # noqa: E402
from osmosis_lab.explorers.answers import answer_control  # noqa: E402
from osmosis_lab.explorers.review_notes import CHOICES  # noqa: E402
from osmosis_lab.review import AS_PLANNED, consequences  # noqa: E402
from sentence_sweep import positions  # noqa: E402

GOLDEN = Path(__file__).parent / "fixtures" / "design_panel_shown.json"
#: Learner actions in the sequence, and its seed; Exercise 2 is answered after half of them.
STEPS, SEED = 300, 69
#: One action in this many presses "Back to the plan" (else a control moves).
RESET_EVERY = 25


def _digest(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def shown(panel) -> dict[str, str]:
    """Digests of what the panel shows: the summary, the chart's spec, every other widget text."""
    texts = []
    for widget in base.descendants(panel.view):
        if widget is panel.summary or widget is panel.chart:
            continue
        for key in (
            "value",
            "label",
            "description",
            "tooltip",
            "tooltips",
            "_options_labels",
            "disabled",
        ):
            value = getattr(widget, key, None)
            if isinstance(value, str | bool | int | float | tuple | list):
                texts.append([type(widget).__name__, key, value])
    spec = base.chart_spec(panel.chart)
    return {
        "design": repr(panel.design),
        "summary": _digest(panel.summary.value),
        "chart": _digest(spec),
        "chart_text": _digest(panel.chart.outputs[0]["data"]["text/plain"]),
        "widgets": _digest(texts),
    }


def walk() -> Iterator[panels.DesignPanel]:
    """The panel at the start and after each action of the seeded sequence."""
    # Exercise 2's control, unanswered, built first: the panel follows the newest one, so an
    # exercise answered by an earlier test in this process does not reveal the held line here
    exercise = answer_control(panels.PROPOSING_EXERCISE)
    panel = panels.DesignPanel.with_lesson_data()
    rng = np.random.default_rng(SEED)
    controls = panel._value_controls()
    yield panel
    for step in range(STEPS):
        if step == STEPS // 2:
            exercise.choice.index = 0  # Exercise 2 answered (any answer): the line shows
            exercise.check_button.click()
        elif rng.integers(RESET_EVERY) == 0:
            panel.reset.click()
        else:
            control = controls[rng.integers(len(controls))]
            moves = positions(control)  # may pick the position it is at: a change to nothing
            moves[rng.integers(len(moves))]()
        yield panel


def states() -> list[dict[str, str]]:
    """What the panel shows at the start and after each action of the seeded sequence."""
    return [shown(panel) for panel in walk()]


@pytest.mark.usefixtures("no_explorer_followed")
def test_the_panel_shows_what_it_showed_before_the_speed_up():
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(expected) == STEPS + 1
    changed = []
    for step, (now, then) in enumerate(zip(states(), expected, strict=True)):
        assert now["design"] == then["design"], f"step {step}: the sequence itself differs"
        parts = [part for part in then if now[part] != then[part]]
        if parts:
            changed.append(f"step {step} ({then['design']}): {', '.join(parts)}")
    assert not changed, f"{len(changed)} states show something else:\n" + "\n".join(changed[:10])


@pytest.mark.usefixtures("no_explorer_followed")
def test_the_headline_counts_the_figures_the_table_shows_changed():
    """In every state of the sequence, "N of the 19 figures change" is what a learner counts in
    the rendered table: N bold figures, and N rows whose amounts differ from the plan's (w59
    counted 9 changed numbers under "11 of the 19 figures change": two rows were bold for
    their words alone)."""
    wrong = []
    for step, panel in enumerate(walk()):
        rows = table_rows(panel.summary.value)
        bold = [figure for figure, _, _, _, is_bold in rows if is_bold]
        moved = [figure for figure, _, plan, mine, _ in rows if amounts(plan) != amounts(mine)]
        said = headline_count(panel.said.value)
        if not said == (len(bold), len(rows)) == (len(moved), len(rows)):
            wrong.append(
                f"step {step} ({panel.design}): the headline says {said[0]} of {said[1]}, "
                f"{len(bold)} bold, amounts changed in {len(moved)}; bold without a changed "
                f"amount: {sorted(set(bold) - set(moved))}"
            )
    assert not wrong, f"{len(wrong)} states miscount:\n" + "\n".join(wrong[:5])


@pytest.mark.usefixtures("no_explorer_followed")
def test_the_headline_names_exactly_the_choices_that_act():
    """In every state of the sequence, a choice the headline names, set back to the plan's
    value, changes the design's figures or rows; a moved choice it does not name changes
    nothing (w60 read "1 choice (k)" beside "Names removed", which k does not touch)."""
    wrong = []
    for step, panel in enumerate(walk()):
        design = panel.design
        does = (comparison_rows(panel.figures, panel.planned), what_it_does(design))
        acting = []
        for name in CHOICES:
            if getattr(design, name) != getattr(AS_PLANNED, name):
                back = replace(design, **{name: getattr(AS_PLANNED, name)})
                figures = consequences(back, panel.scenario, rng=np.random.default_rng(panel.seed))
                if (comparison_rows(figures, panel.planned), what_it_does(back)) != does:
                    acting.append(CHOICES[name])
        named = headline_choices(panel.said.value)[0]
        if named != acting:
            wrong.append(f"step {step} ({design}): names {named}, the choices that act {acting}")
    assert not wrong, f"{len(wrong)} states name other choices:\n" + "\n".join(wrong[:5])


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {sys.argv[0]} --write  (rewrites {GOLDEN.name})")
    GOLDEN.write_text(json.dumps(states(), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({STEPS + 1} states)")
