"""Chart builders: data in, an accessible altair chart out.

Why altair 5.5 and the ``mimetype`` renderer: it emits Vega-Lite 5, which
JupyterLab 4 draws with its own built-in extension, so charts are interactive
(tooltips) and appear with no network at all, on a laptop, a JupyterHub or
Binder. altair 6 emits Vega-Lite 6, which JupyterLab 4.6 cannot draw, and the
``html`` renderer fetches vega from a CDN (a blank chart offline). Importing
this package switches the renderer on.

Every builder requires a ``description``: it becomes the chart's accessible
name (its aria-label). Each explorer also prints a text equivalent beside the
chart. Colours come from colour-blind-safe palettes, and never carry meaning
alone (a label, an axis or a tooltip always says it too).

Examples
--------
>>> import pandas as pd
>>> chart = accessible(bar_chart(pd.DataFrame({"who": ["a", "b"], "n": [1, 2]}),
...                              x="n:Q", y="who:N"), "Two bars: a has 1, b has 2.")
>>> chart.to_dict()["description"]
'Two bars: a has 1, b has 2.'
"""

import altair as alt

from ..categories import CATEGORIES
from . import speed

# altair's work on every chart built that no lesson needs (see there): switched off once
speed.enable()

# embed_options travel in the output's metadata, where JupyterLab's renderer reads
# them: no "…" export menu, an unlabelled control that screen readers cannot name.
alt.renderers.enable("mimetype", embed_options={"actions": False})

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)

#: One fixed colour per data category, used by every lesson.
CATEGORY_COLOURS = dict(zip(CATEGORIES, ("#0072B2", "#E69F00", "#009E73", "#CC79A7"), strict=True))

#: For ordered quantities.
SEQUENTIAL_SCHEME = "viridis"


def category_scale() -> alt.Scale:
    """The colour scale that maps category names to :data:`CATEGORY_COLOURS`."""
    return alt.Scale(domain=list(CATEGORY_COLOURS), range=list(CATEGORY_COLOURS.values()))


def accessible(chart: alt.TopLevelMixin, description: str) -> alt.TopLevelMixin:
    """Give ``chart`` its accessible name; refuse an empty one.

    >>> accessible(alt.Chart(), "")
    Traceback (most recent call last):
    ...
    ValueError: a chart needs a description (its accessible name) that says what it shows
    """
    if not description or not description.strip():
        raise ValueError(
            "a chart needs a description (its accessible name) that says what it shows"
        )
    return chart.properties(description=description)


def bar_chart(table, *, x: str, y: str, color=alt.Undefined, tooltip=None, title: str = ""):
    """A horizontal bar chart with tooltips; pass it through :func:`accessible`."""
    return (
        alt.Chart(table, title=title)
        .mark_bar()
        .encode(x=x, y=y, color=color, tooltip=tooltip or [y, x])
    )
