"""Lesson 01's "Stable vs best total": deferred acceptance beside the happiest total.

Examples
--------
>>> explorer = StableVsBestExplorer()
>>> "blocking pair" in explorer.summary.value
True
"""

import pandas as pd

from ..charts import matching as matching_charts
from ..matching import blocking_pairs, deferred_acceptance, max_welfare_matching
from ..matching.compare import happiness_points, partner_ranks, total_points
from .base import Explorer, show_chart, text_block
from .matching_common import BETA, GALE_SHAPLEY, RANDOM, alone_reasons, case_picker, load_case

OPTIONS = (RANDOM, GALE_SHAPLEY, BETA)
STABLE, BEST = "stable (deferred acceptance)", "best total points"


class StableVsBestExplorer(Explorer):
    """Pick a case; compare the stable matching with the one that maximises total points."""

    def __init__(self, case: str = RANDOM) -> None:
        super().__init__()
        self.example = case_picker(OPTIONS, value=case)
        self._assemble([self.example])
        self.refresh()

    @classmethod
    def with_lesson_data(cls) -> "StableVsBestExplorer":
        return cls()

    def matchings(self) -> dict[str, dict]:
        """The two matchings of the current case, proposer -> reviewer or None."""
        case = load_case(self.example.value)
        best = max_welfare_matching(happiness_points(case.proposers, case.reviewers))
        return {STABLE: deferred_acceptance(case.proposers, case.reviewers), BEST: best}

    def refresh(self) -> None:
        case = load_case(self.example.value)
        lines, frames = [], []
        for label, matching in self.matchings().items():
            points = total_points(matching, case.proposers, case.reviewers)
            blocking = blocking_pairs(matching, case.proposers, case.reviewers)
            ranks = partner_ranks(matching, case.proposers, case.reviewers)
            lines.append(
                f"{label.capitalize()}: {points:.0f} points in total, "
                f"{len(blocking)} blocking pair(s), pairs: {_pairs(matching)}."
            )
            lines += [
                f"Blocking pair {b.proposer} and {b.reviewer}: {b.reason}" for b in blocking[:4]
            ]
            if len(blocking) > 4:
                lines.append(f"... and {len(blocking) - 4} more blocking pairs.")
            alone = alone_reasons(matching, case.proposers, case.reviewers)
            lines += [f"{label.capitalize()}: {why}" for why in alone.values()]
            frame = _points_per_person(ranks, label, len(case.proposers), len(case.reviewers))
            frames.append(frame.assign(why=[alone.get(who, "") for who in frame["person"]]))
        table = pd.concat(frames, ignore_index=True)
        alone = table.loc[table["why"] != ""].groupby("matching", sort=False)["person"]
        description = " ".join(
            [f"Bar chart of each person's happiness points in {case.name}."]
            + [line for line in lines if "points in total" in line]
            + [f"Unmatched in the {label} matching: {', '.join(who)}." for label, who in alone]
        )
        show_chart(self.chart, matching_charts.points_chart(table, description=description))
        self.summary.value = text_block(f"{case.name}: stable or best total?", lines)


def _pairs(matching: dict) -> str:
    return ", ".join(f"{p}-{r}" for p, r in matching.items() if r is not None) or "none"


def _points_per_person(ranks: pd.DataFrame, label: str, n_p: int, n_r: int) -> pd.DataFrame:
    k = max(n_p, n_r)
    points = (k + 1 - ranks["rank"]).fillna(0)  # same scale as compare.happiness_points
    return pd.DataFrame({"person": ranks["person"], "matching": label, "points": points})
