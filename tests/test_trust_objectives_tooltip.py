"""Lesson 04's objectives explorer: the chart names no match the text keeps back.

The lesson asks learners to predict Lucas's match under the other objective before
switching; the text names only the chosen objective's match, and so must the chart's
tooltip (the data behind it is what a hover reads).
"""

import pytest

from osmosis_lab.data import load_people
from osmosis_lab.explorers import trust_objectives
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.trust import OBJECTIVES

PEOPLE = load_people()
CANDIDATES = set(PEOPLE.loc[PEOPLE["role"] == "candidate", "name"])


def hover_rows(explorer):
    """The rows a tooltip reads: the chart's data, as drawn."""
    (rows,) = chart_spec(explorer.chart)["datasets"].values()
    return rows


@pytest.mark.parametrize("objective", OBJECTIVES)
def test_the_tooltip_names_only_the_chosen_objectives_matches(objective):
    explorer = trust_objectives.ObjectivesExplorer.for_testers(PEOPLE)
    explorer.objective.value = objective
    rows = hover_rows(explorer)
    assert {row["objective"] for row in rows} == set(OBJECTIVES)  # both bars are still drawn
    for row in rows:
        named = [value for value in row.values() if value in CANDIDATES]
        if row["objective"] == objective:
            expected = explorer.match_of(row["person"], objective)["match"]
            assert named == [expected], row
        else:
            assert named == [], row


def test_lucas_wellbeing_match_is_not_in_the_attraction_chart():
    """As a learner meets it: before switching, hovering never shows Antoine."""
    explorer = trust_objectives.ObjectivesExplorer.for_testers(PEOPLE, person="Lucas Apert")
    hidden = explorer.match_of("Lucas Apert", "wellbeing")["match"]
    lucas = [row for row in hover_rows(explorer) if row["person"] == "Lucas Apert"]
    assert len(lucas) == 2 and hidden not in {str(v) for row in lucas for v in row.values()}
