"""Lesson 02's consent board: a tester's categories x purposes as toggles; the match re-runs.

Each toggle grants or withdraws one consent in the ledger (a new day each
time); the board then asks the ledger which categories everyone lets Osmosis
use for matching, re-runs the match, and lists whose partner changed,
including people who changed nothing themselves.

Examples
--------
>>> from osmosis_lab.data import load_people
>>> board = ConsentBoard(load_people(), tester="T05")
>>> board.toggles["scraped", "matching"].value = False
>>> "6 people's matches changed. How many of them changed nothing" in board.summary.value
True
>>> sorted(board.bystanders)
['C05', 'C07', 'C09', 'T07', 'T12']

How many of them changed nothing is Exercise 4's answer, held back until that exercise has a
checked answer (its control, :func:`.answers.answer_control`, or a teacher's reveal):

>>> board.count_gate.reveal("shown anyway")
>>> "6 people's matches changed; 5 of them changed nothing" in board.summary.value
True

The board points to Exercise 4 only while it shows that exercise's question (its
:data:`~osmosis_lab.check.lesson02_simulated.BYSTANDERS_QUESTION`): Karim's withdrawal, on the
board as it first appeared, in the beta market with Osmosis scraping.

>>> board.asks_exercise
True

Osmosis stopping its scraping is a change nobody in the market made; **Start again**
restores every box, so an exercise never depends on what was clicked before:

>>> board.scrape.value = False
>>> "Last change: Osmosis stopped scraping people who never signed up, counted in the beta" in board.summary.value
True
>>> board.asks_exercise
False
>>> board.start_again.click()
>>> board.scrape.value, board.toggles["scraped", "matching"].value
(True, True)
>>> "Last change: every box back as at the start" in board.summary.value
True
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..check.lesson02_simulated import BYSTANDERS_QUESTION
from ..consent import (
    PURPOSE_LABELS,
    PURPOSES,
    consent_table,
    grant,
    withdraw,
)
from ..consent.market import match_changes, match_with_consent
from ..data import load_people, load_population
from . import controls
from .base import Explorer, show_chart
from .consent_board_markets import asks, beta_market, city_market, match_key, starting_ledger
from .consent_board_words import MARKETS, BoardSentences
from .consent_charts import match_change_chart
from .gate import Gate
from .live import LiveText
from .series_fold import SeriesNames

#: The exercise whose answer is the board's count of people who changed nothing (Exercise 4).
BYSTANDERS_EXERCISE = "bystanders_count"


class ConsentBoard(BoardSentences, Explorer):
    """Toggles for one tester's consents; the re-run match and whose partner changed."""

    def __init__(
        self,
        people: pd.DataFrame,
        population: pd.DataFrame | None = None,
        *,
        tester: str = "T03",
        market: str = "beta",
    ) -> None:
        super().__init__()
        everyone = people if population is None else pd.concat([people, population])
        self.names = dict(zip(everyone["person_id"], everyone["name"], strict=True))
        self.series = SeriesNames.of(people)  # whose matches are the series' plot (series_fold)
        self.ledger = starting_ledger(everyone)
        self.markets = {"beta": beta_market(people)}
        if population is not None:
            self.markets["city"] = city_market(people, population)
        testers = people.loc[people["role"] == "tester", "person_id"].tolist()
        # radio groups, not Dropdowns: their arrow keys work inside JupyterLab (base.INTERACTIVE)
        self.tester = controls.ToggleButtons(
            options=[(self.names[t], t) for t in testers],
            value=tester,
            description="Tester",
            tooltips=[f"Show {self.names[t]}'s ({t}) consents" for t in testers],
            style={"description_width": "initial", "button_width": "9em"},
        )
        self.market = controls.ToggleButtons(
            options=[(MARKETS[k], k) for k in self.markets],
            value=market,
            description="Market",
            tooltips=[MARKETS[k] for k in self.markets],
            style={"description_width": "initial", "button_width": "18em"},
        )
        self.scrape = widgets.Checkbox(
            value=True,
            indent=False,
            description="Osmosis scrapes people who never signed up",
            layout=widgets.Layout(width="auto"),
        )
        self.toggles = {
            (c, p): widgets.Checkbox(
                description=f"{PURPOSE_LABELS[p]}: {CATEGORY_LABELS[c].lower()}",
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for c in CATEGORIES
            for p in PURPOSES
        }
        self.start_again = widgets.Button(
            description="Start again",
            tooltip="The board as it first appeared: every box, scraping on, the first tester and market",
        )
        # one live region, said at each change (BoardSentences.said); the text equivalent and
        # what Osmosis may use are read where they are (issue 12: both live, read over each other)
        self.summary, self.uses, self.changes = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self.said_live = LiveText()
        self.last_change = "none yet"
        self.actor: str | None = None  # who made the last change (None: Osmosis, or a reset)
        self.was_reset = False
        self._start, self._quiet = self.ledger, False
        # The state (ledger, scraping) just before the last change: the board compares the
        # match before and after that change in the market shown, so "N people's matches
        # changed" is always the last change's doing, whichever market is shown and whatever
        # was looked at in between (a learner once read 768 bystanders of one withdrawal: the
        # board was comparing the city with how it looked several changes earlier).
        self.before: tuple = (self.ledger, True)
        self._matches: dict[tuple, dict[str, str | None]] = {}
        self.changed: list[tuple[str, str | None, str | None]] = []
        self._syncing = False
        # How many changed nothing answers Exercise 4, which the class estimates first (the
        # teacher's guide): the headline and the chart hold it back until that exercise has a
        # checked answer. The gate is never displayed; it follows the exercise's control, also
        # one built after the board (the lesson's order) or built again.
        self.count_gate = Gate(BYSTANDERS_EXERCISE, widgets.HTML())
        self.count_gate.status.observe(lambda _change: self._count_revealed(), names="value")
        # one column of four boxes per purpose, two purposes side by side
        grid = widgets.GridBox(
            [widgets.VBox([self.toggles[c, p] for c in CATEGORIES]) for p in PURPOSES],
            layout=widgets.Layout(
                grid_template_columns="repeat(2, max-content)", grid_gap="4px 32px"
            ),
        )
        # before _assemble's refresh observer, so the refresh reports this change
        self.scrape.observe(lambda change: self._scraping(change["new"]), names="value")
        self._first = (tester, market)  # what Start again goes back to
        for view in (self.tester, self.market):  # looking elsewhere is not going back to the start
            view.observe(lambda _change: setattr(self, "was_reset", False), names="value")
        self._assemble(
            [self.tester, self.market, self.scrape],
            extra=[grid, self.start_again, self.said_live, self.uses],
        )
        self.start_again.on_click(lambda _button: self.reset())
        self.view.children += (self.changes,)
        for key, box in self.toggles.items():
            box.observe(lambda change, key=key: self._toggled(key, change["new"]), names="value")
        self.tester.observe(lambda _change: self._sync_toggles(), names="value")
        self._sync_toggles()

    @classmethod
    def with_lesson_data(cls) -> ConsentBoard:
        return cls(load_people(), load_population(), tester="T05")

    def _sync_toggles(self) -> None:
        """Show the chosen tester's consents without recording anything."""
        table = consent_table(self.ledger, self.tester.value)
        self._syncing = True
        for (c, p), box in self.toggles.items():
            box.value = bool(table.loc[c, p])
        self._syncing = False
        self.refresh()

    def reset(self) -> None:
        """The board as it first appeared: every box, scraping on, the first tester and market."""
        self._quiet = True  # one refresh, comparing the start with the state before it
        self.before = (self.ledger, self.scrape.value)
        self.ledger = self._start
        self.tester.value, self.market.value = self._first
        self.scrape.value = True
        self._sync_toggles()
        self._quiet = False
        self.last_change, self.actor, self.was_reset = "every box back as at the start", None, True
        self.refresh()

    def _scraping(self, on: bool) -> None:
        if self._quiet:
            return
        self.before = (self.ledger, not on)
        self.actor, self.was_reset = None, False
        self.last_change = (
            "Osmosis scrapes people who never signed up again"
            if on
            else "Osmosis stopped scraping people who never signed up"
        )

    def _toggled(self, key: tuple[str, str], on: bool) -> None:
        if self._syncing:
            return
        pid, day = self.tester.value, self.ledger.latest_day + 1
        self.actor, self.was_reset = pid, False
        change = grant if on else withdraw
        self.before = (self.ledger, self.scrape.value)
        self.ledger = change(self.ledger, pid, key[0], key[1], day=day)
        verb = "granted" if on else "withdrew"
        self.last_change = (
            f"{self.names[pid]} {verb} {PURPOSE_LABELS[key[1]].lower()} with "
            f"{CATEGORY_LABELS[key[0]].lower()} (day {day})"
        )
        self.refresh()

    def refresh(self) -> None:
        if self._quiet:
            return
        key = self.market.value
        after = self.match(key, self.ledger, self.scrape.value)
        changed = match_changes(self.match(key, *self.before), after)
        self.changed = changed
        pid = self.tester.value
        self.uses.value = self._uses_html(pid)
        self.changes.value = self._changes_html(changed)
        movers = sum(1 for who, *_ in changed if who == self.actor)
        groups = {"changed their consent": movers, "changed nothing": len(changed) - movers}
        if not self.count_gate.shown:  # one bar: the split is Exercise 4's answer
            groups = {"whose partner changed": len(changed)}
        table = pd.DataFrame({"group": list(groups), "people": list(groups.values())})
        headline = self._headline(changed, movers)
        show_chart(self.chart, match_change_chart(table, headline))
        self.summary.value = self._summary_html(headline, after.get(pid), changed)
        self.said_live.value = self.said()

    def match(self, market: str, ledger, scrape: bool) -> dict[str, str | None]:
        """Everyone's partner in ``market`` under ``ledger``'s consents (kept: the city's
        match takes seconds, and a market switch or a tester shown again needs it again)."""
        key = match_key(market, ledger, scrape)
        if key not in self._matches:
            shared = dict(key[-1])  # who lets Osmosis use what, as the key holds it
            self._matches[key] = match_with_consent(
                self.markets[market], shared, scrape_unsigned=scrape
            )
        return self._matches[key]

    @property
    def asks_exercise(self) -> bool:
        """Whether the last change is Exercise 4's question (:func:`.consent_board_markets.asks`)."""
        q, now = BYSTANDERS_QUESTION, (self.ledger, self.scrape.value)
        return self.actor == q.tester and asks(q, self._start, self.market.value, self.before, now)

    def _count_revealed(self) -> None:
        if self.view is not None:  # the gate may reveal before the board is built
            self.refresh()

    @property
    def bystanders(self) -> list[str]:
        """People whose partner changed with the last change, though they changed nothing."""
        return [who for who, *_ in self.changed if who != self.actor]
