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
>>> [line for line in matching_notes(figures) if "Léopold" in line]  # folded: series_rosters
[]
>>> series_rosters(figures)
['Left unmatched, from the series: Antoine.', 'Matched without ever signing up, from the series: Léopold.']
>>> matching_notes(figures, reveal=False)[0].startswith("Whether who proposes changes anything")
True
>>> "no differential-privacy guarantee" in privacy_notes(figures)[0]
True
"""

import html

from ..data.cast import FROM_THE_SERIES
from ..review import ACTS_ONLY_WITH, AS_PLANNED, Consequences, LaunchDesign, differences
from ..review.privacy_cost import FACT, WHO

#: What the panel says about who proposes until Exercise 2 (``review_proposing_side``) is
#: answered: that line is the exercise's answer, and the panel is shown before the exercise.
PROPOSING_HELD = (
    "Whether who proposes changes anything here is Exercise 2's question, below: this line "
    "tells you once you have answered it and pressed Check."
)
#: Under the design panel and the stakeholder matrix: neither keeps itself, as the answer boxes do;
#: the review writer keeps both with the review (a restart would lose them silently otherwise).
KEPT_BY_SAVE = (
    "Your {what} are kept only when you press <em>Save my review</em> in section 4 (Your "
    "review): a change since then is lost on a restart."
)


def kept_by_save(what: str) -> str:
    """The line that says when ``what`` (e.g. "design choices") is kept, as a paragraph."""
    return f'<p class="osmosis-not-kept">{KEPT_BY_SAVE.format(what=html.escape(what))}</p>'


#: Each design field as the headline names it (in ``review.FIELDS`` order).
CHOICES = {
    "proposers": "who proposes", "consent_form": "the consent form", "minors": "minors",
    "categories": "the data read", "search_non_users": "searching non-users",
    "privacy": "the export", "k": "k", "epsilon": "epsilon", "objective": "the objective",
    "human_contact": "a human contact", "fallback": "a fallback",
}  # fmt: skip


def headline(design: LaunchDesign, comparison: list[dict]) -> str:
    """What differs from the plan: the choices, then how many of ``comparison``'s figures
    (``charts.review.comparison_rows``) change: the rows :func:`figure_row` makes bold.

    A row whose design adds only words to the plan's amounts (a note, "(connected, matched or
    not)") is neither bold nor counted: the learner checks this count against the bold (w59).
    A choice moved where it does not act (k beside "Names removed": ``review.differences``)
    is not counted as a difference; the headline says why (w60).

    >>> from dataclasses import replace
    >>> headline(replace(AS_PLANNED, k=9), [{"changed": False}] * 2)
    'Your design does what the plan does, all 2 figures as planned: k acts only on a generalised export.'
    """
    acting, idle = differences(design, AS_PLANNED)
    why = "; ".join(ACTS_ONLY_WITH[name][1] for name in idle)
    if not acting:
        if idle:
            return (
                f"Your design does what the plan does, all {len(comparison)} figures as "
                f"planned: {why}."
            )
        return f"Your design is the planned launch: all {len(comparison)} figures as planned."
    changed = sum(row["changed"] for row in comparison)
    words = [CHOICES[name] for name in acting]
    return (
        f"Your design differs from the plan in {len(words)} "
        f"choice{'' if len(words) == 1 else 's'} ({', '.join(words)}); "
        f"{changed} of the {len(comparison)} figures change (in bold in the table)."
        + (f" Not counted: {why}." if idle else "")
    )


def summary_html(comparison: list[dict], lines: list[str], folded: list[str] = ()) -> str:
    """The panel's text equivalent under its headline (announced on its own, in a
    :class:`~.live.LiveText`): the figures table, then ``lines`` as a list, then ``folded``
    in a spoiler box the learner chooses to open (:data:`ROSTER_FOLD`)."""
    rows = "".join(figure_row(row) for row in comparison)
    notes = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    fold = ""
    if folded:  # after the list, not in it: a <ul> holds only <li> (axe-core, lesson 05)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in folded)
        fold = f"<details><summary>{ROSTER_FOLD}</summary><ul>{items}</ul></details>"
    return (
        '<div class="osmosis-text-equivalent">'
        "<table class='osmosis-review-figures'><caption>The simulations' figures: the plan "
        "and your design (changed figures in bold)</caption><tr><th scope='col'>theme</th>"
        "<th scope='col'>figure</th><th scope='col'>as planned</th>"
        f"<th scope='col'>your design</th></tr>{rows}</table><ul>{notes}</ul>{fold}"
        f"{kept_by_save('design choices')}</div>"
    )


#: Where the privacy-cost model is written down, named only on the line for those who code.
PRIVACY_COST_MODULE = "osmosis_lab.review.privacy_cost"


def matching_notes(figures: Consequences, *, reveal: bool = True) -> list[str]:
    """Who proposing changes, who is left unmatched or out, who is matched without signing up.

    ``reveal=False`` holds back what proposing changes (it answers lesson 05's Exercise 2).
    """
    m = figures.matching
    if not reveal:
        lines = [PROPOSING_HELD]
    elif m.same_either_way:
        lines = [
            "Who proposes changes nothing here: these people have only one stable "
            "matching, so both sides get the same partners either way."
        ]
    else:
        lines = [
            "Who proposes changes partners here: these people have more than one stable "
            "matching, and the side that proposes gets its best stable partners."
        ]
    lines += [_open_roster(label, names) for label, names in _rosters(figures)]
    return lines


#: The fold of lesson 05's panel that names the series' people in its lists. The lesson promises
#: that everything past the premise is folded: "Left unmatched: Antoine" and "Matched without
#: ever signing up: Léopold" in the open hinted at Lucas's storyline (episode 2) to a learner
#: who had not seen it (w53).
ROSTER_FOLD = "Spoiler (ep. 2): who from the series is in these lists"


def _rosters(figures: Consequences) -> list[tuple[str, list[str]]]:
    """The panel's lists of people: (label, names), the unmatched one always shown."""
    m = figures.matching
    rosters = [("Left unmatched", list(m.unmatched))]
    if m.not_in_launch:
        rosters.append(("Not in the launch", list(m.not_in_launch)))
    if figures.consent.non_users_matched:
        rosters.append(("Matched without ever signing up", list(figures.consent.non_users_matched)))
    return rosters


def _open_roster(label: str, names: list[str]) -> str:
    """A list as said in the open: invented people by name, the series' people counted.

    >>> _open_roster("Left unmatched", ["Antoine", "Karim Benali"])
    'Left unmatched: Karim Benali and 1 person from the series (named in the spoiler box below).'
    >>> _open_roster("Matched without ever signing up", ["Léopold"])
    'Matched without ever signing up: 1 person from the series (named in the spoiler box below).'
    >>> _open_roster("Left unmatched", [])
    'Left unmatched: nobody.'
    """
    invented = [name for name in names if name not in FROM_THE_SERIES]
    hidden = len(names) - len(invented)
    if hidden:
        people = "person" if hidden == 1 else "people"
        invented.append(f"{hidden} {people} from the series (named in the spoiler box below)")
    if len(invented) > 1:
        return f"{label}: {', '.join(invented[:-1])} and {invented[-1]}."
    return f"{label}: {invented[0] if invented else 'nobody'}."


def series_rosters(figures: Consequences) -> list[str]:
    """The series' people in each list, by name: the panel folds these lines."""
    lines = []
    for label, names in _rosters(figures):
        named = [name for name in names if name in FROM_THE_SERIES]
        if named:
            lines.append(f"{label}, from the series: {', '.join(named)}.")
    return lines


def privacy_notes(figures: Consequences) -> list[str]:
    """The design's privacy cost as consequences for one person (an invented model)."""
    p, design = figures.privacy, figures.design
    cost = p.cost.sentence(WHO, FACT)
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
            f"{design.k}, so all are suppressed, and this export tells an observer nothing new. "
            "The method still has no differential-privacy guarantee: on other data it releases "
            "rows, which no epsilon bounds."
        )
        # the worst case is the method's, on data where it does release rows: "now think it
        # is 100 in 100" was false of an export that released nothing (w51)
        cost = "If it did, a" + p.cost.sentence(WHO, FACT, when="then")[1:]
    else:
        spent = (
            f"The export releases {p.rows_released} rows, which no epsilon bounds: lesson 03's "
            f"attack names {_people(p.reidentified)} in it and learns the health condition of "
            f"{_people(p.health_learned)}."
        )
    # the words first for every learner; the module's name on a line of its own for those who code
    lines = [
        "Privacy cost (an invented model of what an observer could come to believe about one "
        f"resident). {spent} {cost}",
        f"For those who code: the model is explained in {PRIVACY_COST_MODULE}.",
    ]
    if not design.categories:
        lines.insert(0, NOTHING_READ)
    return lines


#: Said when the design reads no data category: a learner who unticked every one expected the
#: export's leaks and the minors' uses to drop to zero, and the screen did not say why not (w59).
NOTHING_READ = (
    "Reading no data category changes the matching only. The research export is the beta's own "
    "table of the people in the launch (age, area, job, gender and health condition), whatever "
    "the app reads; and a minor in the launch is still signed up for matching and research, so "
    "the minors' uses without a valid consent do not change either."
)


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
