"""Lesson 05's trade-offs: what it says a change costs is what the invented model computes.

The lesson once said "Safeguards are not free" beside a table where a safe mode cost no delay,
no staff and no money (its four weeks of work fit in the month before launch). Now the lesson
prints :func:`cost_lines` under that table, and these tests recompute each line's claims from
``company_side`` and the compared figures; and every claim about the company's costs that the
lesson's own prose makes is checked against the same model.
"""

import re
from dataclasses import replace

import numpy as np
import pytest

from conftest import ROOT, read_notebook
from osmosis_lab import data
from osmosis_lab.review import (
    AS_PLANNED,
    SINGLE_CHANGES,
    compare_changes,
    cost_lines,
    review_scenario,
    with_change,
)
from osmosis_lab.review.tradeoffs import WEEKS_TO_LAUNCH, company_side

LESSON = ROOT / "lessons" / "05_design_review.ipynb"


@pytest.fixture(scope="module")
def changes():
    scenario = review_scenario(
        data.load_people(), data.load_population(), data.load_public_profiles(), data.load_pairs()
    )
    return compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(2019))


@pytest.fixture(scope="module")
def lines(changes):
    found = {}
    for line in cost_lines(changes)[1:]:
        label, words = re.fullmatch(r"- (.+?): (.*)\.", line).groups()
        found[label] = words
    return found


def test_there_is_one_line_per_change(changes, lines):
    assert list(lines) == list(SINGLE_CHANGES)


@pytest.mark.parametrize("label", SINGLE_CHANGES)
def test_each_line_says_what_the_model_computes(label, lines):
    plan, mine = company_side(AS_PLANNED), company_side(with_change(AS_PLANNED, label))
    words = lines[label]
    work = mine.work_weeks - plan.work_weeks
    if work:
        assert words.startswith(f"{work} week{'' if work == 1 else 's'} of work"), words
    else:
        assert words.startswith("no work"), words
    delay = mine.delay_weeks - plan.delay_weeks
    assert (f"the launch is {delay} week" in words) == (delay > 0), words
    staff = mine.staff - plan.staff
    assert (f"{staff} extra staff" in words) == (staff > 0), words
    moved = mine.cash_weeks_left != plan.cash_weeks_left
    money = f"{mine.cash_weeks_left:g} weeks of money left instead of {plan.cash_weeks_left:g}"
    assert (money in words) == moved, words
    free_alone = work > 0 and not (delay or staff or moved)
    assert ("alone, no delay, staff or money" in words) == free_alone, words


@pytest.mark.parametrize("label", SINGLE_CHANGES)
def test_a_change_that_leaves_no_week_free_makes_any_other_work_late(label, lines):
    # the claim "with it any other safeguard that takes work delays the launch", recomputed
    if "no week stays free" not in lines[label]:
        if "alone, no delay" in lines[label]:  # then it says how many weeks stay free
            free = WEEKS_TO_LAUNCH - company_side(with_change(AS_PLANNED, label)).work_weeks
            assert f"{free} of those weeks" in lines[label]
        return
    design = with_change(AS_PLANNED, label)
    for other, fields in SINGLE_CHANGES.items():
        if other != label and company_side(with_change(AS_PLANNED, other)).work_weeks:
            assert company_side(replace(design, **fields)).delay_weeks > 0, other


@pytest.mark.parametrize("label", SINGLE_CHANGES)
def test_the_couples_doing_well_are_the_compared_figures(label, changes, lines):
    mine, plan = (
        changes.loc[label, "couples_doing_well"],
        changes.loc["as planned", "couples_doing_well"],
    )
    moved = f"{mine:.1f}" != f"{plan:.1f}"
    assert (f"couples doing well {mine:.1f} instead of {plan:.1f}" in lines[label]) == moved


def test_the_safe_mode_line_says_it_costs_nothing_alone(lines):
    # the case that made the old sentence false: stated, not hidden
    assert "alone, no delay, staff or money" in lines["a safe-mode fallback"]
    assert "no week stays free" in lines["a safe-mode fallback"]


def test_the_lesson_prints_the_lines_under_the_table():
    cells = read_notebook(LESSON).cells
    table = next(i for i, c in enumerate(cells) if '"delay_weeks"' in c.source)
    assert "cost_lines(changes" in cells[table + 1].source


#: Claims about the company's costs that prose may make, each with the model's verdict on it.
def _costs(design):
    """What a change can cost the company beyond the weeks of work the plan's team does."""
    figures = company_side(design)
    return figures.delay_weeks, figures.staff, figures.cash_weeks_left


COST_CLAIMS = {
    # true only if every single change that takes work costs delay, staff or money on its own
    r"safeguards are not free|every safeguard costs": lambda: all(
        _costs(with_change(AS_PLANNED, label)) != _costs(AS_PLANNED)
        for label in SINGLE_CHANGES
        if company_side(with_change(AS_PLANNED, label)).work_weeks
    ),
}


@pytest.mark.parametrize("claim", COST_CLAIMS)
def test_the_lessons_prose_makes_no_cost_claim_the_model_contradicts(claim):
    prose = " ".join(c.source for c in read_notebook(LESSON).cells if c.cell_type == "markdown")
    said = re.search(claim, re.sub(r"\s+", " ", prose), re.I)
    assert not said or COST_CLAIMS[claim](), (
        f"lesson 05 says {said.group(0)!r}, but in the invented model a change costs the company "
        "no delay, staff or money on its own (see cost_lines)"
    )
