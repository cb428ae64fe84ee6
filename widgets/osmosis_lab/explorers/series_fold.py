"""Which lines of a consent explorer could spoil the series, and the closed box they go into.

The toy's beta holds the series' people, and its matches reproduce the series' couples (Lucas
and Léopold, episode 2; Niels and Claire, Ana and Simon, episode 3). A line naming two people
from the series may state that plot; a consequence naming even one of them may too ("Claire
is left alone", after Niels switched everything off, says whom he was with: w49, w51). Lesson
01's "Consent changes the match" (:mod:`.matching_consent`) and lesson 02's consent board
(:mod:`.consent_board`) fold such lines with this one rule into a box whose summary the
lessons' spoiler tests know (tests/spoilers.py): "Spoiler (ep. 3)", the later of the couples.

>>> from osmosis_lab.data import load_people
>>> series = SeriesNames.of(load_people())
>>> series.spoils("Lucas Apert is with Léopold"), series.spoils("Claire is with Karim Benali")
(True, False)
>>> series.names_any("Now: Claire is left alone"), series.names_any("Now: Sofia Ricci is alone")
(True, False)
>>> fold(["Ana & Simon"], "Spoiler (ep. 3): the couples")
'<details><summary>Spoiler (ep. 3): the couples</summary><ul><li>Ana &amp; Simon</li></ul></details>'
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class SeriesNames:
    """The names of the people the series names, and what a sentence naming them may spoil."""

    names: frozenset[str]

    @classmethod
    def of(cls, people: pd.DataFrame) -> SeriesNames:
        """The people of ``people`` (the beta's table) whose source is the series."""
        return cls(frozenset(people.loc[people["source"] != "invented", "name"]) - {""})

    def spoils(self, text: str) -> bool:
        """Whether ``text`` names two people from the series: then it may state the plot."""
        return sum(name in text for name in self.names) >= 2

    def names_any(self, text: str) -> bool:
        """Whether ``text`` names anyone from the series (a consequence naming one may spoil)."""
        return any(name in text for name in self.names)


def fold(lines: list[str], summary: str) -> str:
    """``lines`` as a list in a closed box (:func:`closed_box`)."""
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in lines)
    return closed_box(summary, f"<ul>{items}</ul>")


def closed_box(summary: str, inside: str) -> str:
    """``inside`` (HTML) in a closed box the learner chooses to open; ``summary`` starts with
    "Spoiler (ep. N)". The box goes after a list, never in it (axe: a list holds only items).

    >>> closed_box("Spoiler (ep. 3): rows", "<table></table>")
    '<details><summary>Spoiler (ep. 3): rows</summary><table></table></details>'
    """
    return f"<details><summary>{html.escape(summary)}</summary>{inside}</details>"
