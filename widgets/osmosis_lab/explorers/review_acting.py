"""Lesson 05's design panel greys out a choice while it cannot act, and says when it acts.

Some choices act only with another (:data:`osmosis_lab.review.ACTS_ONLY_WITH`: k on a
generalised export, epsilon on noisy counts, searching non-users while scraped social media is
read). A box a learner can tick that then changes nothing reads as a promise the design does
not keep, so each control is disabled exactly when :func:`osmosis_lab.review.acts` says its
choice does not act on the design shown (the rule the headline uses), and enabled again when it
does. Disabled, a control keeps its label and its value: the design still holds the value, and
it acts as set the moment its partner choice comes back. Its tooltip says when it acts, a
sentence true in either state.

Examples
--------
>>> from dataclasses import replace
>>> import ipywidgets as widgets
>>> from osmosis_lab.review import AS_PLANNED
>>> k = widgets.IntSlider(value=9, description="k")
>>> follow_acts({"k": [k]}, AS_PLANNED)  # the plan's export is not generalised
>>> k.disabled, k.value, k.tooltip
(True, 9, 'Greyed out while it cannot act: k acts only on a generalised export.')
>>> follow_acts({"k": [k]}, replace(AS_PLANNED, privacy="generalised"))
>>> k.disabled, k.value
(False, 9)
"""

from collections.abc import Iterable, Mapping

import ipywidgets as widgets

from ..review import ACTS_ONLY_WITH, LaunchDesign, acts


def when_it_acts(name: str) -> str | None:
    """The tooltip of the control for field ``name``: when it acts (None: it always does).

    >>> when_it_acts("epsilon"), when_it_acts("objective")
    ('Greyed out while it cannot act: epsilon acts only on noisy counts.', None)
    """
    if name not in ACTS_ONLY_WITH:
        return None
    return f"Greyed out while it cannot act: {ACTS_ONLY_WITH[name][1]}."


def follow_acts(controls: Mapping[str, Iterable[widgets.Widget]], design: LaunchDesign) -> None:
    """Disable each field's controls exactly while their choice does not act on ``design``.

    ``controls`` maps each field of the design to the controls that set it. Values are
    never touched.
    """
    for name, group in controls.items():
        for control in group:
            control.disabled = not acts(design, name)
            if name in ACTS_ONLY_WITH:
                control.tooltip = when_it_acts(name)
