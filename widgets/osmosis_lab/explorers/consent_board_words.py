"""The sentences lesson 02's consent board prints (:mod:`.consent_board`), from its state.

The board computes (its ledger, the match before and after the last change); this mixin says
it: the headline, the last-change line, what Osmosis may use, the table of whose partner
changed, and the one short sentence said when something changes (:meth:`~BoardSentences.said`). It reads the board's ``names``, ``ledger``, ``tester``, ``market``, ``last_change``,
``actor``, ``was_reset`` and ``count_gate``, and sets none of them.

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
"""

from __future__ import annotations

import html

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..consent import PURPOSE_LABELS, PURPOSES, consent_table
from .base import text_block

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
            return (
                f"{len(changed)} people's matches changed. How many of them changed nothing "
                "themselves? Work it out from the table below, answer Exercise 4 and press "
                "Check: then the board tells you."
            )
        return (
            f"{len(changed)} people's matches changed; {len(changed) - movers} of them "
            "changed nothing themselves."
        )

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

    def _changes_html(self, changed: list) -> str:
        shown = changed[:SHOWN_CHANGES]
        rows = "".join(
            f"<tr><td>{html.escape(self._name(w))}</td><td>{html.escape(self._name(a))}"
            f"</td><td>{html.escape(self._name(b))}</td></tr>"
            for w, a, b in shown
        )
        which = f" (the first {len(shown)} of {len(changed)})" if len(shown) < len(changed) else ""
        return (
            "<table class='osmosis-match-changes'><caption>Whose partner changed with the "
            f"last change{which}</caption><tr><th scope='col'>person</th><th scope='col'>before"
            f"</th><th scope='col'>after</th></tr>{rows}</table>"
            if changed
            else ""
        )
