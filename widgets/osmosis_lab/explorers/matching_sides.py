"""Lesson 01's "Who proposes?": the same people, either side proposing.

Examples
--------
>>> explorer = WhoProposesExplorer()
>>> explorer.example.value
"Gale & Shapley's 3 × 3"
>>> explorer.proposing.value = "second"
>>> "When women propose" in explorer.summary.value
True
"""

import pandas as pd

from ..charts import matching as matching_charts
from ..matching import all_stable_matchings, deferred_acceptance
from ..matching.compare import partner_ranks
from . import controls
from .base import Explorer, show_chart, text_block
from .matching_common import BETA, GALE_SHAPLEY, RANDOM, alone_reasons, case_picker, load_case

OPTIONS = (GALE_SHAPLEY, RANDOM, BETA)


class WhoProposesExplorer(Explorer):
    """Pick a case and the proposing side; read where everyone's partner sits on their list."""

    # opens on the 3 × 3 that section 3's text and exercise 3 are about (a learner found it
    # opening on 6 a side while the text beside it talked about the 3 × 3)
    def __init__(self, case: str = GALE_SHAPLEY) -> None:
        super().__init__()
        self.example = case_picker(OPTIONS, value=case)
        self.proposing = controls.ToggleButtons(
            options=[("First side proposes", "first"), ("Other side proposes", "second")],
            value="first",
            description="Who proposes?",
            tooltips=["The first side asks", "The other side asks"],
            style={"description_width": "initial", "button_width": "auto"},
        )
        self._assemble([self.example, self.proposing])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "WhoProposesExplorer":
        return cls()

    def ranks(self, proposing: str) -> pd.DataFrame:
        """Everyone's partner rank when ``proposing`` ("first" or "second") proposes."""
        case = load_case(self.example.value)
        asking = case if proposing == "first" else case.swapped()
        matching = deferred_acceptance(asking.proposers, asking.reviewers)
        table = partner_ranks(matching, asking.proposers, asking.reviewers)
        alone = alone_reasons(matching, asking.proposers, asking.reviewers)
        table["why"] = table["person"].map(lambda who: alone.get(who, ""))
        table["group"] = table["side"].map(
            {"proposer": asking.proposer_side, "reviewer": asking.reviewer_side}
        )
        return table

    def refresh(self) -> None:
        case = load_case(self.example.value)
        sides = (case.proposer_side, case.reviewer_side)
        options = [
            (f"{_cap(side)} propose", key)
            for side, key in zip(sides, ("first", "second"), strict=True)
        ]
        if list(self.proposing.options) != options:  # re-setting them would drop keyboard focus
            self.proposing.options = options
        first = self.proposing.value == "first"
        asking = sides[0] if first else sides[1]
        now, other = self.ranks(self.proposing.value), self.ranks("second" if first else "first")
        lines = [
            _mean_line(now, f"When {asking} propose"),
            _mean_line(other, "With the other side proposing"),
        ]
        moved = _moved(now, other)
        count = len(all_stable_matchings(case.proposers, case.reviewers))
        lines.append(
            stable_count_words(count)
            + " "
            + (
                f"Switching who proposes changes the partner of {len(moved)} people: "
                f"{', '.join(moved)}."
                if moved
                else "Switching who proposes changes nobody's partner: it has one stable matching."
            )
        )
        lines += [why for why in now["why"] if why]  # each unmatched person, with the reason
        description = (
            f"Bar chart: for each person in {case.name}, the place of their partner on "
            f"their own list when {asking} propose. {lines[0]} Unmatched: "
            f"{', '.join(now.loc[now['rank'].isna(), 'person']) or 'nobody'}."
        )
        show_chart(
            self.chart,
            matching_charts.ranks_chart(
                now.assign(group=now["group"].map(_cap)),
                title=f"{_cap(asking)} propose",
                description=description,
            ),
        )
        self.summary.value = text_block(f"{case.name}: {asking} propose", lines)


def stable_count_words(count: int) -> str:
    """How many stable matchings a case has, said in words.

    >>> stable_count_words(1).endswith("(one stable matching).")
    True
    >>> stable_count_words(6).startswith("There are 6 different ways")
    True
    """
    if count == 1:
        return (
            "There is only one way to pair these people so that no two would rather leave their "
            "partners for each other (one stable matching)."
        )
    return (
        f"There are {count} different ways to pair these people so that no two would rather "
        f"leave their partners for each other ({count} stable matchings)."
    )


def _possessive(group: str) -> str:
    return f"{group}'" if group.endswith("s") else f"{group}'s"


def _cap(side: str) -> str:
    return side[:1].upper() + side[1:]


def _mean_line(table: pd.DataFrame, when: str) -> str:
    parts = [
        _group_mean(group, ranks) for group, ranks in table.groupby("group", sort=False)["rank"]
    ]
    return f"{when}: {' and '.join(parts)} (1 = first choice)."


def _group_mean(group: str, ranks: pd.Series) -> str:
    """The mean place of the partners of those who have one; says how many have none."""
    matched = int(ranks.notna().sum())
    if matched == 0:
        return f"none of the {group} has a partner"
    mean = (
        f"the {_possessive(group)} partners are on average their choice number {ranks.mean():.1f}"
    )
    if matched < len(ranks):  # the unmatched have no partner to average: say so
        mean += f" ({matched} of {len(ranks)} {group} have a partner)"
    return mean


def _moved(now: pd.DataFrame, other: pd.DataFrame) -> list[str]:
    def partners(table):
        return {
            p: (None if pd.isna(q) else q)
            for p, q in zip(table["person"], table["partner"], strict=True)
        }

    before, after = partners(other), partners(now)
    return [p for p in after if before[p] != after[p]]
