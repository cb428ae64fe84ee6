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
from ..trust import decision_probability


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


def stated_chance_words(call: str, sure: int) -> str:
    """How a call and its sureness become the chance the results call "stated": the chance the
    learner gave that the couple would do well (a reject at 75 % sure states 25 %).

    The results quote bands of stated chances ("the 20%-40% band: stated 25%") to a learner who
    only ever said accept or reject and how sure (issue 12, w56): this says how one became the other,
    with the learner's own first call, by the rule the results use (``decision_probability``).

    >>> stated_chance_words("reject", 75)  # doctest: +NORMALIZE_WHITESPACE
    'Each call counts as the chance you gave that the couple would do well: your first, reject at
    75% sure, states 25%; an accept at 75% sure states 75%.'
    >>> stated_chance_words("accept", 60).endswith("accept at 60% sure, states 60%; a reject at 60% sure states 40%.")
    True
    """
    chance = decision_probability([call == "accept"], [sure / 100])[0]
    other, article = ("reject", "a") if call == "accept" else ("accept", "an")
    flipped = decision_probability([other == "accept"], [sure / 100])[0]
    return (
        "Each call counts as the chance you gave that the couple would do well: your first, "
        f"{call} at {sure}% sure, states {chance:.0%}; {article} {other} at {sure}% sure states {flipped:.0%}."
    )
