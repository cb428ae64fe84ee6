"""Lesson 02 says why Karim's starting match is not lesson 01's, and the reason holds for the data.

Teachers saw lesson 01 pair "Karim Benali and Amina Kaci" and lesson 02's board, on the same
beta market, say "Karim Benali's match now: Chloé Garnier (C05)", with nothing on screen saying
why. The reason: lesson 01 scores everyone on all four categories; the board scores only what
the consent ledger allows, and it holds no consent from the three candidates who never signed
up, so with the scraping box ticked they are scored on their scraped social media alone.
"""

import re

import pytest

from conftest import LESSONS, read_notebook
from osmosis_lab.categories import CATEGORIES
from osmosis_lab.consent import shared_categories
from osmosis_lab.consent.market import match_with_consent
from osmosis_lab.data import load_people
from osmosis_lab.data.markets import beta_preferences
from osmosis_lab.explorers.consent_board import ConsentBoard
from osmosis_lab.matching import deferred_acceptance

PEOPLE = load_people()
NAMES = dict(zip(PEOPLE["person_id"], PEOPLE["name"], strict=True))
KARIM = "T05"


@pytest.fixture(scope="module")
def sentence() -> re.Match:
    notebook = read_notebook(next(p for p in LESSONS if p.stem == "02_consent"))
    text = " ".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    # lesson 01 is not required (lesson 02's prerequisites): the sentence says what it found
    # for those who did it, in brackets, and stands without it (w54)
    found = re.search(
        r"Karim Benali starts here with ([^.(]+)\. \(Lesson 01, if you did it, paired him with "
        r"([^:]+): it scored everyone on all four categories, but with no consent from those "
        r"three the board scores them on scraped social media alone\.\)",
        " ".join(text.split()),
    )
    assert found, "lesson 02 no longer says why Karim's match differs from lesson 01's"
    return found


def lesson01_partner(pid: str) -> str:
    testers, candidates = beta_preferences(PEOPLE)
    return deferred_acceptance(testers, candidates)[NAMES[pid]]


def test_the_names_in_the_sentence_are_the_two_lessons_matches(sentence):
    board = ConsentBoard(PEOPLE, tester=KARIM)  # as the lesson builds it, beta market shown
    here = board.match("beta", board.ledger, board.scrape.value)[KARIM]
    assert sentence.group(1) == NAMES[here]
    assert sentence.group(2) == lesson01_partner(KARIM) != NAMES[here]
    assert f"{NAMES[KARIM]}'s match now: {NAMES[here]} ({here})" in board.summary.value


def test_the_reason_given_is_the_whole_difference():
    board = ConsentBoard(PEOPLE, tester=KARIM)
    market = board.markets["beta"]
    unsigned = sorted(market.never_signed_up)
    assert len(unsigned) == 3  # "those three", the candidates who never signed up
    shared = shared_categories(board.ledger, "matching")
    # the ledger holds no consent from them; everyone else shares all four categories
    assert not any(shared.get(pid) for pid in unsigned)
    assert all(set(shared[pid]) == set(CATEGORIES) for pid in market.proposers)
    # give those three all four categories, as lesson 01 does: the board's match is lesson 01's
    as_lesson01 = match_with_consent(market, {**shared, **dict.fromkeys(unsigned, CATEGORIES)})
    assert {NAMES[t]: NAMES.get(as_lesson01[t]) for t in market.proposers} == {
        NAMES[t]: lesson01_partner(t) for t in market.proposers
    }
