"""Lesson 00's tester explorer, driven headless as a learner would."""

import re

import pytest

from osmosis_lab.data import load_people

# imported as a module: pytest would try to collect a class named Test*
from osmosis_lab.explorers import testers
from osmosis_lab.explorers.base import chart_spec

PEOPLE = load_people()
TESTERS = PEOPLE.loc[PEOPLE["role"] == "tester", "name"].tolist()


@pytest.fixture
def explorer():
    return testers.TesterExplorer(PEOPLE)


def test_offers_exactly_the_twelve_testers_with_a_label(explorer):
    assert list(explorer.picker.options) == TESTERS and len(TESTERS) == 12
    assert explorer.picker.description == "Beta tester"


@pytest.mark.parametrize("name", TESTERS)
def test_picking_a_tester_updates_card_chart_and_text(explorer, name):
    explorer.picker.value = name
    assert f"<h3>{name}</h3>" in explorer.card.value
    spec = chart_spec(explorer.chart)
    assert name in spec["description"]
    assert len(spec["datasets"][next(iter(spec["datasets"]))]) == 16
    for label in (
        "Declared profile",
        "Scraped social media",
        "Conscious memories",
        "Subconscious signals",
    ):
        assert label in explorer.summary.value


def test_card_says_who_is_invented_in_the_tables_words(explorer):
    """The card's source reads as lesson 00's table does, for every tester (w54 read
    "invented" in the table and "invented for this module" on the card)."""
    testers = PEOPLE[PEOPLE["role"] == "tester"].set_index("name")
    for name, source in testers["source"].items():
        explorer.picker.value = name
        card = re.sub(r"<[^>]+>", "|", explorer.card.value)
        assert re.search(rf"\|Source\|+{re.escape(source)}\|", card), (name, source, card)
    assert set(testers["source"]) == {"invented", "named in the series"}


def test_text_equivalent_matches_the_chart(explorer):
    explorer.picker.value = "Lucas Apert"
    lucas = PEOPLE.set_index("name").loc["Lucas Apert"]
    assert f"weighs it {lucas['weight_subconscious']:.0%}" in explorer.summary.value
    assert f"intensity {lucas['signal_intensity']:.2f}" in explorer.summary.value
