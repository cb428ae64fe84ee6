"""What every explorer shares: a chart area, a text equivalent, one refresh path.

An explorer computes nothing itself: it asks the engines, the data layer and
the chart builders, then writes what the learner reads into widget values
(``summary.value``, ``chart.outputs``). Tests drive the public child widgets
and read those values; no kernel or browser is needed.

Examples
--------
>>> import altair as alt, pandas as pd
>>> from osmosis_lab.charts import accessible
>>> area = widgets.Output()
>>> chart = accessible(alt.Chart(pd.DataFrame({"n": [1]})).mark_bar().encode(x="n:Q"), "One bar.")
>>> show_chart(area, chart)
>>> area.outputs[0]["data"]["text/plain"]
'One bar.'
"""

import html

import altair as alt
import ipywidgets as widgets

from . import controls as sliders
from . import newest, stopped, text_boxes
from .live import LiveText

VEGALITE_MIME = "application/vnd.vegalite.v5+json"
#: No "…" export menu on charts: it is an unlabelled control (axe: summary-name),
#: and learners need nothing from it. Same setting as charts' renderer.
EMBED_OPTIONS = {"actions": False}


def show_chart(area: widgets.Output, chart: alt.TopLevelMixin) -> None:
    """Replace what ``area`` shows with ``chart``.

    Setting ``outputs`` directly (rather than ``with area: display(chart)``) works
    the same in a kernel and in a headless test, prints nothing to stdout, and
    leaves the chart's spec readable by tests. The plain-text fallback is the
    chart's description, so even a renderer that cannot draw says what it shows.

    The spec is not checked against Vega-Lite's schema here: altair's check costs about
    three times the rest of ``to_dict`` (12 of 17 ms for lesson 02's timeline), on every
    slider step a learner takes. The test suite checks every chart an explorer shows, after
    every action of its random sequences (``tests/sequences.py``: ``check_invariants``).
    """
    spec = chart.to_dict(validate=False)
    area.outputs = (
        {
            "output_type": "display_data",
            "data": {VEGALITE_MIME: spec, "text/plain": spec.get("description", "A chart.")},
            "metadata": {VEGALITE_MIME: {"embed_options": EMBED_OPTIONS}},
        },
    )


def show_message(area: widgets.Output, text: str) -> None:
    """Show a sentence where a chart will be, instead of an empty chart (e.g. nothing chosen yet)."""
    area.outputs = (
        {
            "output_type": "display_data",
            "data": {"text/html": f"<p><em>{html.escape(text)}</em></p>", "text/plain": text},
            "metadata": {},
        },
    )


def chart_spec(area: widgets.Output) -> dict:
    """The Vega-Lite spec ``area`` currently shows (for tests and text equivalents)."""
    return area.outputs[0]["data"].get(VEGALITE_MIME, {}) if area.outputs else {}


def text_block(title: str, lines: list[str]) -> str:
    """HTML for a text equivalent: a heading and a list. It is announced when it changes if it
    is shown in a :class:`.live.LiveText` (an explorer's ``summary`` is one; see there)."""
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in lines)
    return (
        f'<div class="osmosis-text-equivalent">'
        f"<strong>{html.escape(title, quote=False)}</strong><ul>{items}</ul></div>"
    )


#: Controls a keyboard user can operate inside JupyterLab. Dropdown, RadioButtons,
#: Select and SelectMultiple are missing on purpose: in a notebook's command mode
#: JupyterLab takes their arrow and letter keys as notebook shortcuts, so a keyboard
#: user cannot change them (checked in JupyterLab 4.6; see README, Accessibility).
#: ipywidgets' own sliders are missing too: their handle has no accessible name, so
#: explorers use the labelled range inputs of :mod:`.controls` (imported as ``sliders``).
INTERACTIVE = (
    sliders.ToggleButtons,  # a labelled radio group (ipywidgets' own shows its choice by colour only)
    sliders.PickButtons,  # pick all that apply: a labelled group of checkboxes
    widgets.ToggleButton,
    widgets.Checkbox,
    widgets.Button,
    sliders.IntSlider,
    sliders.FloatSlider,
    sliders.SelectionSlider,
    text_boxes.Text,  # our own one-line box (its Enter carries its text)
    widgets.Textarea,
    widgets.BoundedIntText,
    widgets.BoundedFloatText,
)


def descendants(widget: widgets.Widget) -> list[widgets.Widget]:
    """``widget`` and every widget inside it, depth first."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(descendants(child))
    return found


class Explorer:
    """Base class: subclasses build controls, then call :meth:`_assemble` and :meth:`refresh`."""

    def __init__(self) -> None:
        self.chart = widgets.Output(layout=widgets.Layout(min_height="120px"))
        # the text equivalent, announced when it changes; an explorer that announces something
        # shorter itself (a step's event) replaces it with a plain widgets.HTML
        self.summary: widgets.DOMWidget = LiveText()
        self.view: widgets.Box | None = None

    def _assemble(
        self,
        controls: list[widgets.Widget],
        extra: list[widgets.Widget] = (),
        after: list[widgets.Widget] = (),
    ) -> None:
        """Lay out controls on top, then any extra widgets, the chart and its text equivalent,
        then ``after`` (text read when reached, not said at each change)."""
        # last, hidden: the page-wide look of explorers a restart left behind (.stopped)
        self.view = widgets.VBox(
            [*controls, *extra, self.chart, self.summary, *after, stopped.carrier()]
        )
        newest.announce(self)  # a re-run cell's new explorer replaces the old for its readers
        for control in controls:
            if hasattr(control, "value") and not isinstance(control, widgets.Button):
                control.observe(lambda _change: self.refresh(), names="value")

    @classmethod
    def with_lesson_data(cls) -> "Explorer":
        """Build the explorer exactly as its lesson does (used by generic tests and benchmarks)."""
        raise NotImplementedError(f"{cls.__name__} must define with_lesson_data()")

    def refresh(self) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def controls(self) -> list[widgets.Widget]:
        """Every interactive descendant of the view (for generic keyboard and robustness tests)."""
        return [w for w in descendants(self.view) if isinstance(w, INTERACTIVE)]

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
