"""Lessons 00-02's explorers name the data's traits and fields in words, never as columns.

A learner with no Python reads "family wish", not ``family_wish`` (w54 found the latter in
lesson 02's inference explorer). Each explorer is swept over every control's whole range
(``sentence_sweep.py``); after each step its text, and every string its charts draw, must
hold no data column's name with an underscore, whole or with its category's prefix dropped.
"""

from __future__ import annotations

import re

import pytest

from osmosis_lab.data import load_people, load_population
from sentence_sweep import sweep, text
from sequences import shown_charts

#: Every column of the lessons' data whose name is snake_case, and the same with the
#: category's prefix dropped where that is still snake_case ("family_wish").
RAW = sorted(
    {
        name
        for column in {*load_people().columns, *load_population().columns}
        if "_" in column
        for name in (column, column.split("_", 1)[1])
        if "_" in name
    },
    key=len,
    reverse=True,
)
RAW_NAME = re.compile(r"\b(" + "|".join(map(re.escape, RAW)) + r")\b")


def _explorers():
    from osmosis_lab.explorers import (
        consent_board,
        consent_erasure,
        consent_forms,
        consent_inference,
        consent_timeline,
        matching_consent,
        matching_lie,
        matching_sides,
        matching_steps,
        matching_welfare,
        testers,
    )

    return {
        "00 testers": testers.TesterExplorer,
        "01 steps": matching_steps.StepThroughExplorer,
        "01 sides": matching_sides.WhoProposesExplorer,
        "01 welfare": matching_welfare.StableVsBestExplorer,
        "01 consent": matching_consent.ConsentMatchExplorer,
        "01 lie": matching_lie.LieExplorer,
        "02 timeline": consent_timeline.TimelineExplorer,
        "02 board": consent_board.ConsentBoard,
        "02 erasure": consent_erasure.ErasureExplorer,
        "02 inference": consent_inference.InferenceExplorer,
        "02 forms": consent_forms.FormExplorer,
    }


def _strings(value):
    """Every string inside a chart's spec and data, where an axis label or a title comes from."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            # a field's name ("field": "trait") is for the chart, not read by anyone
            if key not in ("field", "name", "data", "$schema"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _no_raw_names(explorer, _control) -> None:
    shown = text(explorer)
    found = RAW_NAME.search(shown)
    assert not found, f"{type(explorer).__name__} shows {found.group(0)!r}: {shown[:300]}"
    for spec in shown_charts(explorer):
        for words in _strings(spec):
            found = RAW_NAME.search(words)
            assert not found, f"{type(explorer).__name__}'s chart shows {found.group(0)!r}"


def test_the_data_has_snake_case_columns_to_look_for():
    assert {"declared_family_wish", "family_wish", "health_condition"} <= set(RAW)
    assert RAW_NAME.search("family_wish: true 0.6") and not RAW_NAME.search("family wish")


@pytest.mark.parametrize("which", list(_explorers()))
def test_no_explorer_of_lessons_00_to_02_shows_a_column_name(which):
    explorer = _explorers()[which].with_lesson_data()
    if hasattr(explorer, "count_gate"):
        explorer.count_gate.reveal("shown anyway")  # what the count says is read too
    assert sweep(explorer, _no_raw_names) >= len(explorer.controls())
