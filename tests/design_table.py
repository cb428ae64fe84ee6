"""Lesson 05's design panel read as a learner reads it: the figures table and the headline's count.

The tests that hold the panel's headline to its table read both from what the panel renders
(its HTML), never from the explorer's own rows, so a row the code calls "changed" but the
screen shows unchanged is caught (w59 counted 9 changed numbers under "11 of the 19 figures
change").

>>> amounts("9 in 100 → more than 99 in 100 (epsilon 50 = 5 counts × 10)")
['9', '100', 'more than 99', '100', '50', '5', '10']
>>> amounts("none: runs out 2.8 weeks before launch"), amounts("1,024 of 1,024")
(['none', '2.8'], ['1,024', '1,024'])
>>> headline_count("Your design differs from the plan in 1 choice (k); 3 of the 19 figures change")
(3, 19)
>>> headline_count("Your design is the planned launch: all 19 figures as planned.")
(0, 19)
>>> headline_choices("Your design differs from the plan in 2 choices (the export, k); 3 of the 19 "
...                  "figures change (in bold in the table). Not counted: epsilon acts only on x.")
(['the export', 'k'], ['epsilon acts only on x'])
>>> headline_choices("Your design does what the plan does, all 19 figures as planned: k acts only on y.")
([], ['k acts only on y'])
"""

from __future__ import annotations

import html
import re

from osmosis_lab.review import design_rows

ROW = re.compile(
    r"<tr><td>([a-z]+)</td><th scope='row'[^>]*>(.*?)</th><td>(.*?)</td><td>(.*?)</td></tr>"
)
#: The amounts a learner compares in two cells: each number, with "more than" or "less than"
#: when the cell says it, and the words that stand for an amount.
AMOUNT = re.compile(r"(?:more than |less than )?\d[\d,]*(?:\.\d+)?(?<!,)|\bnone\b|\bnobody\b")
NAMED = re.compile(r"differs from the plan in \d+ choices? \((.*?)\);")
NOT_COUNTED = re.compile(r"(?:Not counted|all \d+ figures as planned): (.*)\.$")
HEADLINE = re.compile(r"(\d+) of the (\d+) figures change|all (\d+) figures as planned")


def table_rows(summary: str) -> list[tuple[str, str, str, str, bool]]:
    """(figure, better, as planned, your design, bold) for each row of the table in ``summary``."""
    rows = []
    for _theme, figure, planned, mine in ROW.findall(summary):
        figure = html.unescape(figure)
        better = re.search(r" \((lower|higher) is better\)$", figure)
        bold = mine.startswith("<strong>") and mine.endswith("</strong>")
        mine = html.unescape(re.sub(r"</?strong>", "", mine))
        rows.append(
            (figure[: better.start()] if better else figure, better.group(1) if better else "",
             html.unescape(planned), mine, bold)
        )  # fmt: skip
    return rows


def amounts(cell: str) -> list[str]:
    """The amounts a cell shows, in order (see :data:`AMOUNT`)."""
    return AMOUNT.findall(cell)


def headline_count(headline: str) -> tuple[int, int]:
    """(figures the headline says change, figures it says there are)."""
    found = HEADLINE.search(html.unescape(headline))
    assert found, f"no count of figures in the headline: {headline!r}"
    changed, total, all_planned = found.groups()
    return (0, int(all_planned)) if all_planned else (int(changed), int(total))


def headline_choices(headline: str) -> tuple[list[str], list[str]]:
    """(the choices ``headline`` names as differences, its clauses on moved choices that do
    not act: "k acts only on ...")."""
    headline = html.unescape(re.sub(r"<[^>]+>", "", headline))
    named, idle = NAMED.search(headline), NOT_COUNTED.search(headline)
    return (named[1].split(", ") if named else []), (idle[1].split("; ") if idle else [])


def what_it_does(design) -> list:
    """``design``'s rows in words (``review.design_rows``), the search row read as what it does:
    its words also say where the switch stands when it finds nobody ("no (switched on, but ...)"),
    which the learner sees as a control, not as a different design."""
    rows = [row for row in design_rows(design) if row[0] != "Search people who never signed up"]
    return [*rows, ("finds people who never signed up", design.finds_non_users)]
