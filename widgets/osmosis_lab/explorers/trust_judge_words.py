"""What lesson 04's judge-first explorer (:mod:`.trust_judge`) shows as text: each case's card,
the live reliance report, and the report as a notebook prints it (text, not a quoted string).

Examples
--------
>>> import pandas as pd
>>> from osmosis_lab.categories import CATEGORIES
>>> card = case_card_html(pd.Series({"case": 3, **{c: 0.5 for c in CATEGORIES}}))
>>> "Case 3: two people who met a year ago" in card and "<td>0.50</td>" in card
True
"""

import html

import pandas as pd

from ..categories import CATEGORIES, CATEGORY_LABELS


class ReportText(str):
    """A sentence that a notebook shows as text, not as a quoted Python string.

    Examples
    --------
    >>> ReportText("You agreed with the app.")
    You agreed with the app.
    >>> ReportText("a < b")._repr_html_()
    '<p>a &lt; b</p>'
    """

    def __repr__(self) -> str:
        return str(self)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self), quote=False)}</p>"


def live_report_html(report: str) -> str:
    # polite: a screen reader hears the new report after the case it has just finished
    return (
        "<p><strong>Your reliance so far</strong> (this updates "
        f"by itself as you judge cases above): {html.escape(report, quote=False)}</p>"
    )


def case_card_html(case: pd.Series) -> str:
    """What the app saw for one case: how alike the two people are, category by category."""
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left;padding-right:1em'>"
        f"{html.escape(CATEGORY_LABELS[c])}</th><td>{case[c]:.2f}</td></tr>"
        for c in CATEGORIES
    )
    return (
        f"<section aria-label='Case {int(case['case'])}' class='osmosis-card'>"
        f"<h4>Case {int(case['case'])}: two people who met a year ago</h4>"
        "<p>How alike they are in each data category (1 = identical, 0 = opposite):</p>"
        f"<table>{rows}</table>"
        "<p><em>Would you have matched them? Names are hidden; the data are invented.</em></p>"
        "</section>"
    )
