"""Markdown tables for the review file: the figures beside the plan, and any rows of cells.

Cells can hold learner text (matrix notes), so each is made inert like the
review text (:func:`~osmosis_lab.records.inert_markdown`) and keeps a "|" inside it.

Examples
--------
>>> print(markdown_table(["Role", "Note"], [("found", "never | asked")]))
| Role | Note |
|---|---|
| found | never \\| asked |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from osmosis_lab.records.markdown import inert_markdown

if TYPE_CHECKING:
    from osmosis_lab.review.consequences import Consequences


def figures_table(figures: Consequences, planned: Consequences | None) -> str:
    """The figures as a table: theme, figure, my design, and the plan beside it when given."""
    mine = figures.table()
    header = ["Theme", "Figure", "My design"]
    rows = [list(r) for r in mine[["theme", "figure", "shown"]].itertuples(index=False)]
    if planned is not None:
        header.append("As planned")
        for row, shown in zip(rows, planned.table()["shown"], strict=True):
            row.append(shown)
    return markdown_table(header, rows)


def markdown_table(header: list[str], rows) -> str:
    """A Markdown table with ``header`` and ``rows`` (each cell made inert)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    # cells hold learner notes too: made inert like the review text, then "|" kept inside the cell
    return inert_markdown(" ".join(str(value).split())).replace("|", "\\|") or " "
