"""Vega-Lite charts as inline SVG, drawn offline by vl-convert.

JupyterLab draws the lessons' charts itself, from their Vega-Lite spec. A
static page has no JupyterLab, and loading vega from a CDN would leave a
printed or offline preview blank, so each spec is drawn here, once, into an
``<svg>`` that lives inside the page.

Examples
--------
>>> spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
...         "description": "One bar of length 1.", "data": {"values": [{"n": 1}]},
...         "mark": "bar", "encoding": {"x": {"field": "n", "type": "quantitative"}}}
>>> figure = chart_figure(spec)
>>> figure.startswith('<figure class="osmosis-chart" role="img" aria-label="One bar of length 1.">')
True
>>> figure.count("<svg")
1
"""

import html
import re

try:
    import vl_convert
except ImportError as missing:  # a learner's install: the site is a build tool with its own extra
    raise ImportError(
        "The static site draws charts with vl-convert, which is not installed here. "
        "Install the site extra: `.venv/bin/pip install -e '.[site]'` (`make site` does it for you)."
    ) from missing

#: The MIME type altair 5's ``mimetype`` renderer emits (see osmosis_lab.charts).
VEGALITE_MIME = "application/vnd.vegalite.v5+json"


def vegalite_version(spec: dict) -> str:
    """The Vega-Lite version to draw ``spec`` with: its ``$schema``'s, else the newest 5.x.

    >>> vegalite_version({"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json"})
    '5.20'
    >>> vegalite_version({}) in vl_convert.get_vegalite_versions()
    True
    """
    available = vl_convert.get_vegalite_versions()
    found = re.search(r"/v(\d+)\.(\d+)", spec.get("$schema", ""))
    if found and f"{found[1]}.{found[2]}" in available:
        return f"{found[1]}.{found[2]}"
    fives = [v for v in available if v.startswith("5.")]
    return max(fives, key=lambda v: tuple(map(int, v.split("."))))


def chart_figure(spec: dict) -> str:
    """``spec`` drawn as an inline SVG inside a ``<figure>`` named by the chart's description."""
    svg = vl_convert.vegalite_to_svg(spec, vl_version=vegalite_version(spec))
    label = html.escape(spec.get("description", "A chart."))
    return f'<figure class="osmosis-chart" role="img" aria-label="{label}">{svg}</figure>'
