"""The consent board's markets and starting ledger, what a match depends on, and whether the
board shows an exercise's question (:mod:`.consent_board`).

>>> from osmosis_lab.check.lesson02_simulated import BYSTANDERS_QUESTION as q
>>> from osmosis_lab.consent import withdraw
>>> from osmosis_lab.data import load_people
>>> start = starting_ledger(load_people())
>>> after = withdraw(start, q.tester, q.category, q.purpose, day=start.latest_day + 1)
>>> asks(q, start, "beta", (start, True), (after, True))
True

The same withdrawal with Osmosis not scraping, or counted in another market, is another question:

>>> asks(q, start, "beta", (start, False), (after, False))
False
>>> asks(q, start, "city", (start, True), (after, True))
False
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

import pandas as pd

from ..categories import CATEGORIES
from ..check.lesson02_simulated import Withdrawal
from ..consent import grant, open_ledger, people_from_table, shared_categories, withdraw
from ..consent.scenarios import NIELS_MOTHER, niels_consents
from ..consent.timeline import apply_step
from ..data.markets import market_from_tables


def by_identity(compute: Callable, kept: int = 8) -> Callable:
    """``compute(thing, *args)``, remembered for the last ``kept`` things it was asked about,
    found by the thing itself. Only for things never changed, only replaced (a consent ledger:
    every operation returns a new one); each entry holds its thing, so its ``id`` is not reused
    while the entry is kept.

    >>> calls = []
    >>> twice = by_identity(lambda thing: calls.append(thing) or 2 * len(thing))
    >>> thing = ("a", "b")
    >>> twice(thing), twice(thing), twice(("a", "b", "c")), len(calls)
    (4, 4, 6, 2)
    """
    memo: OrderedDict = OrderedDict()

    def cached(thing, *args):
        key = (id(thing), *args)
        entry = memo.get(key)
        if entry is None or entry[0] is not thing:
            entry = memo[key] = (thing, compute(thing, *args))
            while len(memo) > kept:
                memo.popitem(last=False)
        memo.move_to_end(key)
        return entry[1]

    return cached


#: Who lets Osmosis use what for matching, as a match key holds it. One click on the board
#: asks this of the same few ledgers six times (its two matches, Exercise 4's four), each a
#: pass over 1,024 people: 80 ms a click before it was remembered.
_matching_shares = by_identity(
    lambda ledger: tuple(sorted(shared_categories(ledger, "matching").items()))
)


def match_key(market: str, ledger, scrape: bool) -> tuple:
    """What a market's match depends on: the market, scraping, who lets Osmosis use what for
    matching (the board's cache key, and what makes two of its comparisons the same one)."""
    return (market, scrape, _matching_shares(ledger))


@by_identity
def _asked(start, question: Withdrawal):
    """The board as it first appeared (``start``), after ``question``'s withdrawal."""
    q = question
    return withdraw(start, q.tester, q.category, q.purpose, day=start.latest_day + 1)


def asks(question: Withdrawal, start, market: str, before: tuple, after: tuple) -> bool:
    """Whether comparing ``before`` with ``after`` ((ledger, scraping) each) in ``market`` is
    ``question``: its withdrawal on the board as it first appeared (``start``), in its market.

    Clicks in between that leave everyone's matching consents as they were change neither the
    question nor its answer, so they count as the board as it first appeared.
    """
    if market != question.market:
        return False
    q, asked = question, _asked(start, question)
    shown = (match_key(market, *before), match_key(market, *after))
    return shown == (match_key(market, start, q.scrape), match_key(market, asked, q.scrape))


def starting_ledger(everyone: pd.DataFrame):
    """Everyone who signed up consents to matching with all four categories on day 0; Niels's
    consents are his timelines' (his mother on day 0, himself on day 2), so the board and the
    timelines tell one story."""
    ledger = open_ledger(people_from_table(everyone, parents={"T01": (NIELS_MOTHER,)}))
    for pid in everyone.loc[everyone["signed_up"].astype(bool), "person_id"]:
        if pid != "T01":
            ledger = grant(ledger, pid, list(CATEGORIES), "matching", day=0)
    for step in niels_consents():
        ledger, _report = apply_step(ledger, step)
    return ledger


def beta_market(people: pd.DataFrame):
    return market_from_tables(
        people[people["role"] == "tester"], people[people["role"] == "candidate"]
    )


def city_market(people: pd.DataFrame, population: pd.DataFrame):
    """Users who signed up propose; the people Osmosis found (never signed up) are proposed to."""
    testers = people[people["role"] == "tester"]
    candidates = people[people["role"] == "candidate"]
    signed = population["signed_up"].astype(bool)
    return market_from_tables(
        pd.concat([testers, population[signed]]), pd.concat([candidates, population[~signed]])
    )
