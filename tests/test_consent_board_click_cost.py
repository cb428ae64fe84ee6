"""One click on the consent board reads everyone's consents once, not six times (issue 16).

Each refresh asked who lets Osmosis use what of the same few ledgers six times (its two
matches and Exercise 4's four comparisons), a pass over 1,024 people each: 80 ms a click, in
every random sequence the tests drive and for a learner on a slow server. Ledgers are never
changed, only replaced, so the answer is kept per ledger (``consent_board_markets.by_identity``).
"""

import pytest

from osmosis_lab.explorers import consent_board, consent_board_markets


@pytest.fixture
def reads(monkeypatch):
    """Each ledger whose matching consents were read (``consent.shared_categories``)."""
    calls = []
    read = consent_board_markets.shared_categories

    def counting(ledger, purpose="matching", **kwargs):
        calls.append(ledger)
        return read(ledger, purpose, **kwargs)

    monkeypatch.setattr(consent_board_markets, "shared_categories", counting)
    return calls


def test_a_click_reads_only_the_ledger_it_made(reads):
    board = consent_board.ConsentBoard.with_lesson_data()
    box = board.toggles["scraped", "matching"]
    box.value = not box.value  # the first click also reads Exercise 4's question, once a board
    for _ in range(4):
        reads.clear()
        box.value = not box.value
        assert reads == [board.ledger], f"{len(reads)} reads of everyone's consents for one click"


def test_a_ledger_read_again_is_the_same_answer_as_a_fresh_read():
    board = consent_board.ConsentBoard.with_lesson_data()
    box = board.toggles["scraped", "matching"]
    box.value = not box.value
    kept = consent_board_markets.match_key("beta", board.ledger, True)
    fresh = consent_board_markets.shared_categories(board.ledger, "matching")
    assert kept == ("beta", True, tuple(sorted(fresh.items())))
