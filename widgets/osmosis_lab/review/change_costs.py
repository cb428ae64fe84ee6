"""What each single change costs the company, in words computed from the invented model.

A sentence such as "safeguards are not free" is false beside a table where a safe mode
costs no delay, no staff and no money: in :mod:`osmosis_lab.review.tradeoffs`'s invented
model, work that fits in the weeks before launch is done by the team the company pays
anyway. So lesson 05 prints, under its table of single changes, one line per change that
says what it costs (weeks of work, delay, staff, money) and what it does to the product's
benefit, each number from :func:`~osmosis_lab.review.tradeoffs.company_side` and the
compared figures, and says so when a change costs nothing on its own.

Examples
--------
>>> import pandas as pd
>>> changes = pd.DataFrame(
...     {"couples_doing_well": [5.2, 5.2, 6.0]},
...     index=["as planned", "a safe-mode fallback", "optimise wellbeing"],
... )
>>> for line in cost_lines(changes):
...     print(line)  # doctest: +NORMALIZE_WHITESPACE
What each change costs the company (invented model: 4 weeks of work fit before launch; as planned,
money for 6 weeks of costs is left at launch), and the couples doing well after a year (5.2 as
planned, from past matches):
- a safe-mode fallback: 4 weeks of work, which fit in the 4 weeks before launch: alone, no delay,
  staff or money; but no week stays free, so with it any other safeguard that takes work delays the
  launch.
- optimise wellbeing: 6 weeks of work; the launch is 2 weeks late; 4 weeks of money left instead
  of 6; couples doing well 6.0 instead of 5.2.
"""

from __future__ import annotations

import pandas as pd

from osmosis_lab.review.design import AS_PLANNED, LaunchDesign, with_change
from osmosis_lab.review.figure_rows import weeks
from osmosis_lab.review.tradeoffs import WEEKS_TO_LAUNCH, CompanyFigures, company_side

#: The compared table's label for the design every change is measured against.
BASE_LABEL = "as planned"


def cost_lines(
    changes: pd.DataFrame, *, base: LaunchDesign = AS_PLANNED, words: pd.DataFrame | None = None
) -> list[str]:
    """A heading, then one line per change of ``changes`` (rows of
    :func:`~osmosis_lab.review.compare_changes`, first ``"as planned"``): its cost to the
    company against ``base`` and, where it moves, the couples doing well a year later.

    ``words`` (the same rows from ``compare_changes(..., shown=True)``) writes the couples
    doing well with the matches they are out of ("5.2 of 10 matches"): a learner cannot
    read "5.2" alone, and the number of matches changes with the design.
    """
    plan = company_side(base)
    couples = changes["couples_doing_well"].astype(float)

    def said(label: str) -> str:
        return f"{couples[label]:.1f}" if words is None else words.loc[label, "couples_doing_well"]

    lines = [
        f"What each change costs the company (invented model: {WEEKS_TO_LAUNCH} weeks of work "
        f"fit before launch; as planned, money for {plan.cash_weeks_left:g} weeks of costs is "
        f"left at launch), and the couples doing well after a year "
        f"({said(BASE_LABEL)} as planned, from past matches):"
    ]
    for label in changes.index.drop(BASE_LABEL):
        words_for = _company_words(company_side(with_change(base, label)), plan)
        if said(label) != said(BASE_LABEL):
            words_for += f"; couples doing well {said(label)} instead of {said(BASE_LABEL)}"
        lines.append(f"- {label}: {words_for}.")
    return lines


def _company_words(mine: CompanyFigures, plan: CompanyFigures) -> str:
    added = mine.work_weeks - plan.work_weeks
    parts = [_weeks(added, "of work") if added > 0 else "no work"]
    if mine.delay_weeks > plan.delay_weeks:
        parts.append(f"the launch is {_weeks(mine.delay_weeks - plan.delay_weeks, 'late')}")
    if mine.staff > plan.staff:
        parts.append(f"{mine.staff - plan.staff} extra staff")
    if mine.cash_weeks_left != plan.cash_weeks_left:
        left = mine.cash_weeks_left
        parts.append(
            f"{weeks(left)} of money left instead of {plan.cash_weeks_left:g}"
            if left >= 0  # below 0 the money runs out first: "-1 weeks of money left" is no sense
            else f"the money runs out {weeks(-left)} before launch instead of "
            f"{weeks(plan.cash_weeks_left)} left"
        )
    if len(parts) > 1:
        return "; ".join(parts)
    if added <= 0:
        return "no work, so no cost to the company"
    # its work fits in the weeks before launch: free alone, but it uses weeks up
    free = WEEKS_TO_LAUNCH - mine.work_weeks
    after = (
        "but no week stays free, so with it any other safeguard that takes work delays the launch"
        if free <= 0
        else f"{free} of those weeks {'stays' if free == 1 else 'stay'} free for other work"
    )
    return (
        f"{parts[0]}, which {'fits' if added == 1 else 'fit'} in the {WEEKS_TO_LAUNCH} weeks "
        f"before launch: alone, no delay, staff or money; {after}"
    )


def _weeks(n: int, tail: str) -> str:
    return f"{n} week{'' if n == 1 else 's'} {tail}"
