"""Text a screen reader speaks when it changes: the one live region every announcing site uses.

A polite live region (``aria-live``, ``role="status"``) is spoken when its content changes,
but only reliably if the region element was on the page before the change: many screen
readers stay silent for a region that arrives already filled. An ipywidgets ``HTML`` value
that holds ``<div aria-live>`` is such a region: at every change of the value its view
replaces the whole content, region included, with a new, filled one (walkthrough w50, read in
Chromium's accessibility tree). :class:`LiveText` draws its region once (``live.js``) and
replaces only what is inside it, so the same element holds each new text.

It is used exactly like ``widgets.HTML``: its ``value`` is HTML, shown as ipywidgets shows an
HTML value (same classes, same look). A value may not contain a live region of its own
(:data:`LIVE_MARKUP`): nested regions can be spoken twice, so the rule is refused here, once,
rather than remembered at each site. :func:`live_markup` is the same test, for the lint that
keeps every other widget value free of live regions.

Examples
--------
>>> status = LiveText("<p>Not checked yet.</p>")
>>> status.value = "<strong>Correct:</strong> Niels is the youngest."
>>> status.value
'<strong>Correct:</strong> Niels is the youngest.'
>>> LiveText('<div role="status">twice</div>')
Traceback (most recent call last):
...
ValueError: a LiveText is the live region: its value may not hold another (role="status")
>>> live_markup("<p aria-live='polite'>x</p>"), live_markup("<p>x</p>")
("aria-live='polite'", None)
"""

import re
from pathlib import Path

import anywidget
import traitlets

#: The class on every LiveText's view: how the static site (``site.widgets``) knows one.
LIVE_CLASS = "osmosis-live"
#: Markup that makes an element a live region: ``aria-live``, or a role that implies it.
LIVE_MARKUP = re.compile(
    r"""aria-live\s*=\s*['"]?\w+['"]?|role\s*=\s*['"]?(?:status|alert|log)\b['"]?"""
)


def live_markup(value: str) -> str | None:
    """The first live-region markup in ``value``, or None (the lint's and the refusal's test)."""
    found = LIVE_MARKUP.search(value)
    return found.group(0) if found else None


class LiveText(anywidget.AnyWidget):
    """An HTML text in one persistent polite live region (see the module's docstring)."""

    _esm = (Path(__file__).parent / "live.js").read_text(encoding="utf-8")
    value = traitlets.Unicode("").tag(sync=True)

    def __init__(self, value: str = "", **kwargs) -> None:
        super().__init__(value=value, **kwargs)
        self.add_class(LIVE_CLASS)

    @traitlets.validate("value")
    def _no_region_inside(self, proposal):
        found = live_markup(proposal["value"])
        if found:
            raise ValueError(
                f"a LiveText is the live region: its value may not hold another ({found})"
            )
        return proposal["value"]
