"""Lesson 01's "Consent changes the match": one tester stops sharing a category.

The soulmate score only uses categories that *both* people share, so one
person's choice changes how others are scored, and the match can move for
people who switched nothing off.

Examples
--------
>>> explorer = ConsentMatchExplorer()
>>> explorer.tester.value = "Bastien Colin"
>>> explorer.shares["conscious"].value = False
>>> "Karim Benali" in explorer.summary.value
True

The toy's lists give the series' own couples (lesson 01's spoiler notes), so a line naming
two people from the series (Lucas and Léopold, Niels and Claire, Ana and Simon) is folded
into a box marked "Spoiler (ep. 3)" that the learner opens, never shown in the open. So is
every consequence naming even one of them: "Now: Claire is left alone", after Niels switched
everything off, says whom he was with (w49, w51). In the open, the series' people are named
only in what the learner did (the tester picked, who stopped sharing what):

>>> explorer.tester.value = "Lucas Apert"
>>> opened, folded = explorer.summary.value.split("<details>")
>>> "Léopold" in opened, "Lucas Apert shares" in opened, "Lucas Apert shares" in folded
(False, True, True)
"""

import ipywidgets as widgets
import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS
from ..charts import matching as matching_charts
from ..data import load_people
from ..data.markets import beta_preferences
from ..matching import deferred_acceptance
from ..matching.compare import partner_ranks
from . import controls
from .base import Explorer, show_chart, text_block
from .matching_common import alone_reasons
from .series_fold import SeriesNames, fold

#: Why a list is empty in this market: lists hold only people one may meet who share a category.
EMPTY_LIST = "nobody they may be matched with shares any kind of data with them"
#: Where a folded line's place in the open text or a chart tooltip points the learner.
IN_THE_FOLD = "in the spoiler box below the list"
#: The fold: a marker the lessons' spoiler tests know (tests/spoilers.py). Episode 3, the
#: later of the two couples the toy reproduces (Lucas's from ep. 2, Niels's from ep. 3).
FOLD_SUMMARY = "Spoiler (ep. 3): what the toy says about the series' couples"


class ConsentMatchExplorer(Explorer):
    """Pick a tester, untick what they share; read whose match changed (testers propose)."""

    def __init__(self, people: pd.DataFrame | None = None) -> None:
        super().__init__()
        self.people = load_people() if people is None else people
        testers = self.people.loc[self.people["role"] == "tester", "name"].tolist()
        #: People the series names: a sentence relating two of them may be its plot.
        self.series = SeriesNames.of(self.people)
        self.from_series = self.series.names
        invented = [t for t in testers if t not in self.from_series]
        self.sharing = pd.DataFrame(True, index=testers, columns=list(CATEGORIES))
        self.tester = controls.ToggleButtons(
            options=testers,
            # opens on an invented tester: a series tester's first line would point to the fold
            value=(invented or testers)[0],
            description="Tester",
            tooltips=[f"Change what {t} shares" for t in testers],
            style={"description_width": "initial", "button_width": "9em"},
        )
        self.shares = {
            c: widgets.Checkbox(value=True, description=f"Shares {label.lower()}", indent=False)
            for c, label in CATEGORY_LABELS.items()
        }
        self.everyone = widgets.Button(
            description="Everyone shares everything",
            tooltip="Undo every change",
            layout=widgets.Layout(width="auto"),
        )
        self.everyone.on_click(lambda _: self._share_all())
        market = beta_preferences(self.people)
        self.before = deferred_acceptance(*market)
        self.alone_before = alone_reasons(self.before, *market, empty_list=EMPTY_LIST)
        self._before_ranks = _ranks(self.before, market, self.alone_before, "before")
        self._syncing = False
        self._assemble([self.tester, *self.shares.values(), self.everyone])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "ConsentMatchExplorer":
        return cls()

    def _share_all(self) -> None:
        self.sharing.loc[:, :] = True
        self._shown = None  # the boxes now follow the table, not the other way round
        self.refresh()

    def refresh(self) -> None:
        if self._syncing:
            return
        self._read_boxes()
        prefs = beta_preferences(self.people, shared=self.sharing)
        after = deferred_acceptance(*prefs)
        changed = [t for t in after if after[t] != self.before[t]]
        withdrew = self.sharing.index[~self.sharing.all(axis=1)].tolist()
        showing = _showing(self.tester.value, self.sharing, after)
        # what the learner did, then what followed from it: the consequences
        consequences = [_change(t, self.before[t], after[t], t in withdrew) for t in changed]
        if not changed:
            consequences.append("Nobody's match changed.")
        alone = alone_reasons(after, *prefs, empty_list=EMPTY_LIST)
        consequences += [f"Now: {why}" for why in alone.values()]
        consequences += [
            f"Before your changes: {why}"
            for who, why in self.alone_before.items()
            if who not in alone
        ]
        lines = [showing, _withdrawals(self.sharing), *consequences]
        table = pd.concat(
            [
                self._before_ranks,
                _ranks(after, prefs, alone, "after your changes"),
            ]
        )
        table["why"] = [self._open(why) for why in table["why"]]
        left = [t for t in after if after[t] is None]
        show_chart(
            self.chart,
            matching_charts.ranks_chart(
                table,
                title="Each tester's partner, before and after",
                description="Bar chart: each tester's partner as a place on their list, before and "
                f"after the changes. {len(changed)} tester(s) changed partner. "
                f"Unmatched after the changes: {', '.join(left) or 'nobody'}.",
            ),
        )
        # A consequence naming one person of the series spoils as surely as one naming two:
        # "Now: Claire is left alone" after Niels switched everything off says whom he was
        # with (w49, w51). Only what the learner did stays in the open with their names.
        hidden = {line for line in consequences if self.series.names_any(line)}
        folded = [line for line in lines if line in hidden or self.series.spoils(line)]
        opened = [line for line in lines if line not in folded]
        if self.series.spoils(showing):  # the picked tester's own line keeps its place, pointing on
            opened.insert(0, f"{showing.split(';')[0]}; their match is {IN_THE_FOLD}.")
        self.summary.value = text_block("Whose match changed (testers propose)", opened) + (
            fold(folded, FOLD_SUMMARY) if folded else ""
        )

    def _open(self, why) -> str:
        """A chart tooltip's reason, or where to find it when it would spoil."""
        if isinstance(why, str) and self.series.spoils(why):
            return f"{why.split(':')[0]}: the reason names the series' couples, {IN_THE_FOLD}."
        return why

    def _read_boxes(self) -> None:
        """Store the ticks for the tester shown; when the tester changes, show theirs."""
        shown = self.tester.value
        if getattr(self, "_shown", None) == shown:
            for c, box in self.shares.items():
                self.sharing.loc[shown, c] = box.value
        self._shown = shown
        self._syncing = True  # updating the boxes must not trigger a second refresh
        for c, box in self.shares.items():
            box.value = bool(self.sharing.loc[shown, c])
        self._syncing = False


def _ranks(matching: dict, prefs, alone: dict, group: str) -> pd.DataFrame:
    """The testers' partner ranks, with the reason beside each unmatched tester."""
    table = partner_ranks(matching, *prefs).assign(group=group)
    table = table[table["side"] == "proposer"]
    return table.assign(why=table["person"].map(lambda who: alone.get(who, "")))


def _showing(tester: str, sharing: pd.DataFrame, after: dict) -> str:
    row = sharing.loc[tester]
    shared = [CATEGORY_LABELS[c].lower() for c in CATEGORIES if row[c]]
    what = ", ".join(shared) if shared else "nothing"
    return f"{tester} shares: {what}; matched with {after[tester] or 'nobody'}."


def _withdrawals(sharing: pd.DataFrame) -> str:
    parts = [
        f"{t} stopped sharing "
        + ", ".join(CATEGORY_LABELS[c].lower() for c in CATEGORIES if not row[c])
        for t, row in sharing.iterrows()
        if not row.all()
    ]
    return ("; ".join(parts) + ".") if parts else "Everyone shares every category."


def _change(tester, before, after, withdrew) -> str:
    who = "changed their own sharing" if withdrew else "switched nothing off"
    return f"{tester} ({who}): matched with {before or 'nobody'} before, {after or 'nobody'} now."
