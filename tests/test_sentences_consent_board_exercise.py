"""Lesson 02's consent board sends the learner to Exercise 4 only with Exercise 4's question.

Walkthrough w60: with the City market chosen and scraping off, the board said "770 people's
matches changed. How many of them changed nothing themselves? Work it out from the table below,
answer Exercise 4 and press Check", over a table of "the first 12 of 770". Exercise 4 asks about
one withdrawal in the beta market; a fast learner typed 769 into it. Now the board names
Exercise 4 only in the state the exercise asks about, and sends to "the table below" only when
that table lists everyone the sentence counts.

Which state Exercise 4 asks about is read from the exercise's own solution (the fresh board it
builds and the box it unticks), not copied here. The board is driven as the browser does
(:mod:`sequences`): choosers by ``index``, boxes by ``value``, Start again by a click; both
markets, scraping on and off, three testers, three boxes each (the exercise's, another box of
matching, a box of research), each change looked at in the other market too, then scraping
switched off and on again after it.
"""

import json
import re

import pytest

from osmosis_lab.check import lesson02
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.data import load_people, load_population
from osmosis_lab.explorers import consent_board, gate
from osmosis_lab.explorers.base import VEGALITE_MIME
from osmosis_lab.explorers.consent_board import BYSTANDERS_EXERCISE, ConsentBoard
from sequences import LogProblems, click, update
from test_spoilers_swept import shown

EXERCISE = "Exercise 4"
TABLE = "from the table below"
COUNTED = re.compile(r"([\d,]+) people's matches changed")
PEOPLE, POPULATION = load_people(), load_population()


@pytest.fixture(autouse=True)
def no_answer_yet():
    """The board names Exercise 4 only while the count is held back: no checked answer yet."""
    gate._NEWEST.pop(BYSTANDERS_EXERCISE, None)
    yield
    gate._NEWEST.pop(BYSTANDERS_EXERCISE, None)


def exercise_state() -> tuple[str, bool, str, tuple[str, str]]:
    """(market, scraping, tester, box unticked) of the board Exercise 4's solution builds."""
    (exercise,) = (e for e in all_exercises().values() if e.name == BYSTANDERS_EXERCISE)
    namespace = {"consent_board": consent_board, "people": PEOPLE, "population": POPULATION}
    exec(exercise.solution, namespace)  # noqa: S102 - the lesson's own code
    board = namespace["fresh_board"]
    tester = board.tester.value
    start = ConsentBoard(PEOPLE, POPULATION, tester=tester).toggles
    (box,) = (key for key, toggle in board.toggles.items() if toggle.value != start[key].value)
    assert not board.toggles[box].value, "Exercise 4 asks about a withdrawal"
    return board.market.value, board.scrape.value, tester, box


def texts(board: ConsentBoard) -> list[str]:
    """Everything the board shows, the chart's title included."""
    chart = [json.dumps(out.get("data", {}).get(VEGALITE_MIME)) for out in board.chart.outputs]
    return shown(board) + chart + [board.said_live.value]


def rows_listed(board: ConsentBoard) -> int:
    """Rows of whose partner changed, in the open table and in the spoiler box."""
    return board.changes.value.count("<tr><td>")


def sweep(board: ConsentBoard, asked: tuple):
    """Drive ``board``; after each action yield (market shown, scraping, tester, box, ticked)
    of the last change (box and ticked None for Osmosis's) and whether it came from the start."""
    markets = [key for _label, key in board.market.options]
    ids = [key for _label, key in board.tester.options]
    boxes = [asked[3], ("declared", "matching"), ("declared", "research")]
    with LogProblems() as problems:
        for market, other in ((0, 1), (1, 0)):
            for scrape in (False, True):
                for tester in (asked[2], "T01", "T09"):
                    for box in boxes:
                        click(board.start_again)
                        update(board.market, index=market)
                        update(board.scrape, value=scrape)
                        update(board.tester, index=ids.index(tester))
                        ticked = not board.toggles[box].value
                        update(board.toggles[box], value=ticked)
                        yield (markets[market], scrape, tester, box, ticked), True
                        update(board.market, index=other)  # the same change, in the other market
                        yield (markets[other], scrape, tester, box, ticked), True
                        update(board.market, index=market)
                        update(board.scrape, value=not scrape)  # Osmosis's change, not a box's
                        yield (markets[market], not scrape, tester, None, None), False
                        update(board.scrape, value=scrape)
                        update(board.toggles[box], value=not ticked)  # back, not from the start
                        yield (markets[market], scrape, tester, box, not ticked), False
    assert not problems.found, problems.found


def test_exercise_4_is_named_only_in_the_state_it_asks_about():
    asked = exercise_state()
    board = ConsentBoard.with_lesson_data()
    named = 0
    for state, from_start in sweep(board, asked):
        assert not board.count_gate.shown
        market, scrape, tester, box, ticked = state
        is_asked = from_start and ticked is False and (market, scrape, tester, box) == asked
        naming = [text for text in texts(board) if EXERCISE in text]
        assert bool(naming) == is_asked, (state, from_start, naming)
        if naming:  # the board's own count is then the exercise's answer
            assert lesson02.bystanders_count.is_correct(len(board.bystanders)), state
            named += 1
    # its question met twice: made in the beta market, and made in the city then seen in beta
    assert named == 2


def test_the_table_below_is_sent_to_only_when_it_lists_everyone_counted():
    board = ConsentBoard.with_lesson_data()
    sent, partial = 0, 0
    for state, _from_start in sweep(board, exercise_state()):
        rows = rows_listed(board)
        for text in texts(board):
            counted = {int(n.replace(",", "")) for n in COUNTED.findall(text)}
            if TABLE in text:
                assert counted == {rows}, (state, text)
                sent += 1
            partial += any(n > rows for n in counted)
    assert sent > 0 and partial > 0, (sent, partial)  # the sweep met both kinds of table


def names_exercise(board: ConsentBoard) -> bool:
    return any(EXERCISE in text for text in texts(board))


def test_clicks_that_leave_the_matching_consents_as_they_were_keep_the_question():
    market, scrape, tester, box = exercise_state()
    board = ConsentBoard.with_lesson_data()
    ids = [key for _label, key in board.tester.options]
    assert (board.market.value, board.scrape.value) == (market, scrape)
    update(board.tester, index=ids.index(tester))
    research = board.toggles["declared", "research"]
    update(research, value=not research.value)  # research changes nobody's match
    update(research, value=not research.value)
    update(board.toggles[box], value=False)
    assert names_exercise(board)
    assert lesson02.bystanders_count.is_correct(len(board.bystanders))
    # another tester's withdrawal first: the same box is then another question
    click(board.start_again)
    update(board.tester, index=ids.index("T09"))
    update(board.toggles["declared", "matching"], value=False)
    update(board.tester, index=ids.index(tester))
    update(board.toggles[box], value=False)
    assert not names_exercise(board)
