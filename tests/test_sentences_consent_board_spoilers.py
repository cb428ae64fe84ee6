"""Lesson 02's consent board states no registered plot relation in the open, in any state.

A 16-year-old who had seen episodes 1-2 explored past the board's spoiler warning and read
"Niels Larson's match now: Claire" and "Ana Stern (T02): was with ..., now with Simon": the
series' episode-3 couples, in the open. Now every line and table row naming the series' people
goes into a closed "Spoiler (ep. 3)" box after the list or the table (lesson 01's rule,
explorers/series_fold.py), and the board's cell is unmarked, so test_spoilers_swept.py sweeps
it too. That sweep stops at 64 combinations of the choosers, all with the first tester; this one
drives the board as the browser does (tester and market by ``index``, boxes by ``value``, Start
again by a click): every tester in both markets, scraping off and on, one of their boxes of
matching unticked and ticked again (each category in turn: every box of all 12 testers took
40 s, each change in the city a new match, for no new kind of line), then Start again.
"""

import re

from osmosis_lab.explorers.consent_board import ConsentBoard
from sequences import LogProblems, click, update
from spoilers import register, spoilers_in
from test_spoilers_swept import paragraphs_shown, shown

RELATIONS = register()
#: The relations a learner at episode 2 must not meet, which the board's folds must still hold.
LATER = {r.text for r in RELATIONS if r.episode not in ("1", "2")}
_FOLD = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S)


def stated_in_the_open(board: ConsentBoard) -> list[tuple[str, str]]:
    """(relation, paragraph) for each relation the board states outside its folds."""
    return [
        found
        for text in shown(board)
        for p in paragraphs_shown(text)
        for found in spoilers_in(p, RELATIONS)
    ]


def stated_in_the_folds(board: ConsentBoard) -> set[str]:
    """The relations a fold's line or row states; each fold's summary must name its episode."""
    found = set()
    for text in shown(board):
        for summary, inside in _FOLD.findall(text):
            assert summary.startswith("Spoiler (ep. 3)"), summary
            found |= {r for p in paragraphs_shown(inside) for r, _ in spoilers_in(p, RELATIONS)}
    return found


def test_no_state_of_the_board_states_a_relation_outside_a_fold():
    board = ConsentBoard.with_lesson_data()
    matching = [box for (_category, purpose), box in board.toggles.items() if purpose == "matching"]
    folded, states = set(), 0

    def check(*where) -> None:
        nonlocal states
        found = stated_in_the_open(board)
        assert not found, (where, found)
        folded.update(stated_in_the_folds(board))
        states += 1

    with LogProblems() as problems:
        for market in range(len(board.market.options)):
            update(board.market, index=market)
            for scrape in (False, True):
                update(board.scrape, value=scrape)
                for tester in range(len(board.tester.options)):
                    update(board.tester, index=tester)
                    check(market, scrape, tester)
                    box = matching[tester % len(matching)]
                    for ticked in (not box.value, box.value):
                        update(box, value=ticked)
                        check(market, scrape, tester, box.description, ticked)
            click(board.start_again)
            check(market, "start again")
    assert not problems.found, problems.found
    assert states == 2 * (2 * 12 * 3 + 1)
    # the folds hold what the open text no longer says: Niels's and Ana's episode-3 matches
    assert LATER & folded == {
        "Niels is matched with Claire and they run away together",
        "Ana grows close to Simon",
    }


def test_a_series_testers_match_is_folded_whoever_it_is():
    # Lucas picked, scraping off: the open text read "Lucas Apert's match now: Rémi Caron
    # (C12)". With scraping on it pointed to the fold; the Discuss names the three who never
    # signed up, so the difference told an episode-1 learner his match is Léopold (ep. 2).
    board = ConsentBoard.with_lesson_data()
    series = [
        i for i, (name, _pid) in enumerate(board.tester.options) if name in board.series.names
    ]
    assert [board.tester.options[i][0] for i in series] == [
        "Niels Larson",
        "Ana Stern",
        "Lucas Apert",
    ]
    for index in series:
        update(board.tester, index=index)
        name = board.tester.options[index][0]
        for scrape in (True, False):
            update(board.scrape, value=scrape)
            opened, _, folded = board.summary.value.partition("<details>")
            assert f"{name}'s match now: in the spoiler box below." in opened, (name, scrape)
            partner = board.names[board.match("beta", board.ledger, scrape)[board.tester.value]]
            assert f"{name}'s match now: {partner} (" in folded, (name, scrape)
