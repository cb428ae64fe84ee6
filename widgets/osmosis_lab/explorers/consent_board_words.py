"""The sentences lesson 02's consent board prints (:mod:`.consent_board`), from its state.

The board computes (its ledger, the match before and after the last change); this mixin says
it: the headline, the last-change line, what Osmosis may use, the table of whose partner
changed, and the one short sentence said when something changes (:meth:`~BoardSentences.said`).
It reads the board's ``names``, ``series``, ``ledger``, ``tester``, ``market``, ``last_change``,
``actor``, ``was_reset``, ``count_gate`` and ``asks_exercise``, and sets none of them.

Who the series' testers are matched with is the series' plot (Lucas and Léopold, episode 2;
Niels and Claire, Ana and Simon, episode 3): a line or a table row naming the series' people
goes into a closed "Spoiler (ep. 3)" box after the list or table, with lesson 01's rule
(:mod:`.series_fold`). A series tester's own line goes there whoever their match is, and the
open list points to the box; an invented tester's line stays open.

>>> from osmosis_lab.data import load_people
>>> from osmosis_lab.explorers.consent_board import ConsentBoard
>>> board = ConsentBoard(load_people(), tester="T05")
>>> board.last_change_line()
'Last change: none yet.'
>>> board._name(None), board._name("T05")
('nobody', 'Karim Benali (T05)')
>>> board.said()
''
>>> board.toggles["scraped", "matching"].value = False
>>> board.said()
"Karim Benali withdrew matching with scraped social media (day 3), in the beta market: 6 people's matches changed."
>>> board.tester.value = "T01"
>>> opened, folded = board.summary.value.split("<details>")
>>> "Niels Larson's match now: in the spoiler box below." in opened, "Claire" in opened
(True, False)
>>> "Niels Larson's match now: Claire (C01)." in folded
True
>>> board.tester.value, board.scrape.value = "T03", False
>>> opened, folded = board.summary.value.split("<details>")
>>> "Lucas Apert's match now: in the spoiler box below." in opened, "Rémi Caron" in opened
(True, False)
"""

from __future__ import annotations

import html

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..consent import PURPOSE_LABELS, PURPOSES, consent_table
from .base import text_block
from .series_fold import closed_box, fold

MARKETS = {
    "beta": "Beta: 12 testers, 12 candidates",
    "city": "City: beta + 1,000 residents",
}
#: Each market as the last-change line names it ("counted in the ...").
MARKET_WORDS = {
    "beta": "beta market (12 testers, 12 candidates)",
    "city": "city market (beta + 1,000 residents)",
}


#: Changes listed by name, in the sentences and the table: in the city a change moves hundreds of
#: people, and a 770-row table made the cell 34 screens tall (walkthrough w41); the headline and
#: the chart give the count.
SHOWN_CHANGES = 12
#: Where the shown tester's line points when the tester is one of the series' people.
IN_THE_FOLD = "in the spoiler box below"
#: The folds' summaries, a marker the lessons' spoiler tests know (tests/spoilers.py). Episode 3,
#: the later of the couples the toy reproduces (Lucas's from ep. 2, Niels's and Ana's from ep. 3).
LINES_FOLD = "Spoiler (ep. 3): the toy's matches for the series' people"
ROWS_FOLD = "Spoiler (ep. 3): the rows naming the series' people"


class BoardSentences:
    """What the consent board says; mixed into :class:`.consent_board.ConsentBoard`."""

    def last_change_line(self) -> str:
        """The change the counts are about, who made it and the market they are counted in.

        A teacher picked Niels, then the city, and read "Last change: Karim Benali withdrew ..."
        under Niels's name with the city's numbers: true, but it read as stale. So the line says
        which market the numbers come from, and that the change was not the shown tester's.
        """
        if self.last_change == "none yet":
            return "Last change: none yet."
        line = f"Last change: {self.last_change}, counted in the {MARKET_WORDS[self.market.value]}."
        shown = self.tester.value
        if self.actor is not None and self.actor != shown:
            line += (
                f" {self.names[self.actor]} made it, not {self.names[shown]}, whose boxes are "
                "shown."
            )
        return line

    def _headline(self, changed: list, movers: int) -> str:
        if not changed:
            if self.last_change == "none yet":
                return "Nobody's match has changed yet."
            return f"Nobody's match changed with the last change ({MARKETS[self.market.value]})."
        if self.was_reset:
            return f"Back to the start: {len(changed)} people's matches changed back."
        if not self.count_gate.shown:
            return self._question(len(changed))
        return (
            f"{len(changed)} people's matches changed; {len(changed) - movers} of them "
            "changed nothing themselves."
        )

    def _question(self, n: int) -> str:
        """How many changed nothing, asked; Exercise 4 named only when the board shows its
        question, and the table sent to only when it lists all ``n``: a learner read "work it
        out from the table below, answer Exercise 4" over the city's first 12 of 770 and
        typed 769 into an exercise about the beta market (walkthrough w60).
        """
        ask = f"{n} people's matches changed. How many of them changed nothing themselves?"
        steps = ["work it out from the table below"]
        if n > SHOWN_CHANGES:
            ask += f" The table below lists only the first {SHOWN_CHANGES} of them."
            steps = []
        if self.asks_exercise:
            steps.append("answer Exercise 4 and press Check: then the board tells you")
        if not steps:
            return ask
        todo = ", ".join(steps)
        return f"{ask} {todo[0].upper()}{todo[1:]}."

    def said(self) -> str:
        """What the board says aloud (its one live region): the last change and its consequence,
        short. The rest (whose boxes, the list, the table) is read where it is: at each box
        ticked a screen reader read two regions at once, one cutting the other off (issue 12).
        """
        if self.last_change == "none yet":
            return ""
        changed = self.changed
        n, market = len(changed), MARKET_WORDS[self.market.value].split(" (")[0]
        count = f"{n} people's matches" if n != 1 else "1 person's match"
        if not changed:
            count = "nobody's match changed"
        elif self.was_reset:
            count += " changed back"
        elif self.count_gate.shown:  # Exercise 4's answer, once it has a checked answer
            movers = sum(1 for who, *_ in changed if who == self.actor)
            count += f" changed; {n - movers} of them changed nothing themselves"
        else:
            count += " changed"
        sentence = f"{self.last_change[0].upper()}{self.last_change[1:]}, in the {market}: {count}."
        return html.escape(sentence, quote=False)

    def _name(self, pid: str | None) -> str:
        return "nobody" if pid is None else f"{self.names.get(pid, pid)} ({pid})"

    def _uses_html(self, pid: str) -> str:
        table = consent_table(self.ledger, pid)
        lines = []
        for p in PURPOSES:
            cats = [CATEGORY_LABELS[c].lower() for c in CATEGORIES if table.loc[c, p]]
            lines.append(f"{PURPOSE_LABELS[p]}: {', '.join(cats) if cats else 'nothing'}")
        return text_block(f"What Osmosis may use {self.names[pid]}'s data for, now", lines)

    def _summary_html(self, headline: str, partner: str | None, changed: list) -> str:
        """The text equivalent: the last change, the shown tester's match, whose partner changed;
        the lines naming the series' people in a closed box after the list."""
        pid = self.tester.value
        own = f"{self.names[pid]}'s match now: {self._name(partner)}."
        moved = [
            f"{self._name(who)}: was with {self._name(a)}, now with {self._name(b)}."
            for who, a, b in changed[:SHOWN_CHANGES]
        ]
        # a consequence naming even one of them may say whom a series tester was with (w49)
        folded = [line for line in moved if self.series.names_any(line)]
        # a series tester's match is folded whoever it is, so the fold never depends on the
        # answer: "Lucas Apert's match now: Rémi Caron" in the open with scraping off, folded
        # with it on, and the Discuss's three who never signed up, told Léopold (ep. 2)
        if self.series.names_any(self.names[pid]):
            folded.insert(0, own)
            own = f"{self.names[pid]}'s match now: {IN_THE_FOLD}."
        lines = [self.last_change_line(), own, *(line for line in moved if line not in folded)]
        return text_block(headline, lines) + (fold(folded, LINES_FOLD) if folded else "")

    def _changes_html(self, changed: list) -> str:
        """The table of whose partner changed; the rows naming the series' people in a closed
        box after it (the whole table there when every row names them)."""
        shown = [tuple(map(self._name, row)) for row in changed[:SHOWN_CHANGES]]
        folded = [row for row in shown if self.series.names_any(" ".join(row))]
        opened = [row for row in shown if row not in folded]
        title = "Whose partner changed with the last change"
        first = f"the first {len(shown)} of {len(changed)}" if len(shown) < len(changed) else ""
        aside = f"{len(folded)} of them in the spoiler box below" if folded else ""
        which = "; ".join(part for part in (first, aside) if part)
        table = _table(f"{title} ({which})" if which else title, opened) if opened else ""
        among = f" (among {first})" if first else ""
        hidden = _table(f"{title}, naming the series' people{among}", folded)
        return table + (closed_box(ROWS_FOLD, hidden) if folded else "")


def _table(caption: str, rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(name)}</td>" for name in row) + "</tr>" for row in rows
    )
    return (
        f"<table class='osmosis-match-changes'><caption>{html.escape(caption)}</caption>"
        "<tr><th scope='col'>person</th><th scope='col'>before</th><th scope='col'>after</th>"
        f"</tr>{cells}</table>"
    )
