"""Lesson 01's "What if I lie?": one person misreports their list; who gains, who loses.

Examples
--------
>>> explorer = LieExplorer()
>>> explorer.liar.value, explorer.lie.value = "A", "truncate"
>>> "The lie paid off" in explorer.summary.value
True
"""

import pandas as pd

from ..charts import matching as matching_charts
from ..matching import deferred_acceptance
from ..matching.compare import LIES, lie_outcome, partner_ranks
from . import controls
from .base import Explorer, show_chart, text_block
from .matching_common import GALE_SHAPLEY, RANDOM, alone_reasons, case_picker, load_case

OPTIONS = (GALE_SHAPLEY, RANDOM)
RULE = (
    "Proposers can never get a better partner by lying to deferred acceptance (Dubins and "
    "Freedman, 1981); reviewers sometimes can, by leaving partners off their list (Gale and "
    "Sotomayor, 1985). No stable way of matching is safe from lies on both sides (Roth, 1982)."
)


class LieExplorer(Explorer):
    """Pick who lies and how; the first side proposes; ranks are read on everyone's TRUE list."""

    def __init__(self, case: str = GALE_SHAPLEY) -> None:
        super().__init__()
        self.example = case_picker(OPTIONS, value=case)
        self.liar = controls.ToggleButtons(
            options=["-"],
            description="Who lies?",
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.lie = controls.ToggleButtons(
            options=[(text.capitalize(), key) for key, text in LIES.items()],
            value="truth",
            description="Their report",
            tooltips=[f"The liar {text}" for text in LIES.values()],
            style={"description_width": "initial", "button_width": "auto"},
        )
        self._assemble([self.example, self.liar, self.lie])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "LieExplorer":
        return cls()

    def refresh(self) -> None:
        case = load_case(self.example.value)
        people = [*case.proposers, *case.reviewers]
        if list(self.liar.options) != people:
            # may re-enter refresh through the value observer; rendering twice is harmless
            self.liar.options = people
            self.liar.tooltips = [f"{p} misreports their list" for p in people]
        outcome = lie_outcome(case.proposers, case.reviewers, self.liar.value, self.lie.value)
        side = case.proposer_side if self.liar.value in case.proposers else case.reviewer_side
        lines = [
            f"{case.proposer_side.capitalize()} propose. {self.liar.value} (one of the "
            f"{side}) reports: {', '.join(outcome.reported) or 'nobody'}.",
            outcome.verdict,
            "Others whose partner changed: "
            + (", ".join(outcome.others_changed) or "nobody")
            + ".",
            RULE,
        ]
        table = self._ranks(case, outcome.reported)
        lines[3:3] = [
            f"{_cap(group)}: {why}"
            for group, why in zip(table["group"], table["why"], strict=True)
            if why
        ]
        show_chart(
            self.chart,
            matching_charts.ranks_chart(
                table,
                title="Partner's place on each TRUE list",
                description=f"Bar chart: everyone's partner, as a place on their true list, when "
                f"{self.liar.value} tells the truth and when they lie. {outcome.verdict}",
            ),
        )
        self.summary.value = text_block(f"{case.name}: what if {self.liar.value} lies?", lines)

    def _ranks(self, case, reported) -> pd.DataFrame:
        liar = self.liar.value
        frames = []
        for label, lists in (("truthful", None), ("with the lie", reported)):
            p = (
                {**case.proposers, liar: list(lists)}
                if lists and liar in case.proposers
                else case.proposers
            )
            r = (
                {**case.reviewers, liar: list(lists)}
                if lists and liar in case.reviewers
                else case.reviewers
            )
            matching = deferred_acceptance(p, r)
            ranks = partner_ranks(matching, case.proposers, case.reviewers)  # TRUE lists
            alone = alone_reasons(matching, p, r)  # the reason lies in the lists reported
            frames.append(
                ranks.assign(group=label, why=[alone.get(who, "") for who in ranks["person"]])
            )
        return pd.concat(frames, ignore_index=True)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
