"""The design panel's text equivalent in words: what the matching did, the privacy cost, the table.

Split from :mod:`.review_design` (which builds the controls and refreshes) so
each module stays short. Every sentence is computed from a
:class:`~osmosis_lab.review.Consequences`, so it is true at every setting.

Examples
--------
>>> import numpy as np
>>> from osmosis_lab import data
>>> from osmosis_lab.review import AS_PLANNED, consequences, review_scenario
>>> scenario = review_scenario(data.load_people(), data.load_population(),
...                            data.load_public_profiles(), data.load_pairs())
>>> figures = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(0))
>>> matching_notes(figures)[0].startswith("Who proposes changes nothing here")
True
>>> "no differential-privacy guarantee" in privacy_notes(figures)[0]
True
"""

import html

from ..review import Consequences
from ..review.privacy_cost import FACT, WHO

#: Where the privacy-cost model is written down, named only on the line for those who code.
PRIVACY_COST_MODULE = "osmosis_lab.review.privacy_cost"


def matching_notes(figures: Consequences) -> list[str]:
    """Who proposing changes, who is left unmatched or out, who is matched without signing up."""
    m = figures.matching
    lines = []
    if m.same_either_way:
        lines.append(
            "Who proposes changes nothing here: these people have only one stable "
            "matching, so both sides get the same partners either way."
        )
    lines.append("Left unmatched: " + (", ".join(m.unmatched) or "nobody") + ".")
    if m.not_in_launch:
        lines.append("Not in the launch: " + ", ".join(m.not_in_launch) + ".")
    found = figures.consent.non_users_matched
    if found:
        lines.append("Matched without ever signing up: " + ", ".join(found) + ".")
    return lines


def privacy_notes(figures: Consequences) -> list[str]:
    """The design's privacy cost as consequences for one person (an invented model)."""
    p, design = figures.privacy, figures.design
    if design.privacy == "dp" and p.counts_published == 1:
        spent = (
            "The export publishes 1 noisy count (about depression: the app reads no data "
            f"category) at epsilon = {design.epsilon:g}."
        )
    elif design.privacy == "dp":
        spent = (
            f"The export publishes {p.counts_published} noisy counts (one about depression, "
            f"one per data category read) at epsilon = {design.epsilon:g} each, and the "
            "epsilons add up."
        )
    elif p.rows_released == 0:  # every group below k: the method, not this data, is the risk
        spent = (
            f"The export releases no rows this time: every group is smaller than k = "
            f"{design.k}, so all are suppressed. The method still has no differential-privacy "
            "guarantee: with other data it releases rows, which no epsilon bounds."
        )
    else:
        spent = (
            f"The export releases {p.rows_released} rows, which no epsilon bounds: lesson 03's "
            f"attack names {_people(p.reidentified)} in it and learns the health condition of "
            f"{_people(p.health_learned)}."
        )
    # the words first for every learner; the module's name on a line of its own for those who code
    return [
        "Privacy cost (an invented model of what an observer could come to believe about one "
        f"resident). {spent} " + p.cost.sentence(WHO, FACT),
        f"For those who code: the model is explained in {PRIVACY_COST_MODULE}.",
    ]


def figure_row(row) -> str:
    """One row of the figures table as HTML; the design's value in bold when it changed."""
    mine = html.escape(row["your design"])
    if row["changed"]:
        mine = f"<strong>{mine}</strong>"
    better = f" ({row['better']} is better)" if row["better"] else ""
    return (
        f"<tr><td>{row['theme']}</td><th scope='row' style='text-align:left'>"
        f"{html.escape(row['figure'])}{better}</th>"
        f"<td>{html.escape(row['as planned'])}</td><td>{mine}</td></tr>"
    )


def _people(n: int) -> str:
    return "nobody" if n == 0 else "1 person" if n == 1 else f"{n} people"
