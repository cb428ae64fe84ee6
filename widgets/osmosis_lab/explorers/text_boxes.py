"""Text boxes a learner types into, safe against half an emoji.

A browser keeps text as UTF-16, and a learner can leave half of an emoji in a box
(delete one half, paste a cut-off word): the browser then sends the kernel a lone
surrogate such as ``"\\ud83d"``. ipywidgets first *echoes* the new value back to
the browser, and the kernel's message layer (jupyter_client's ``json_packer``)
cannot encode a lone surrogate as UTF-8: a ``UnicodeEncodeError`` goes to the kernel
log, and the value is never stored, so everything typed after the broken half stays
on the screen but never reaches Python (a Save would keep the older text).

:class:`Textarea` is ipywidgets' box, and :class:`Text` a box of our own with its look
and traits (``text_box.js``: ipywidgets' Enter could overtake the last letters typed, see
:meth:`Text.on_enter`). In both, incoming text has its surrogate pairs joined and every lone
half replaced by "�"
(:func:`~osmosis_lab.records.repair_surrogates`, the same rule the saved files
use) *before* the echo, so the echo can be sent, the value is stored, and the
box the learner looks at shows "�" where the broken character was. Text set from
Python is repaired the same way. Every text box in the explorers is made here (a
test fails on a ``widgets.Text(`` or ``widgets.Textarea(`` elsewhere).

Examples
--------
>>> box = Text(description="Your answer")
>>> box.set_state({"value": "I feel \\ud83d fine"})  # what the browser sends
>>> box.value, box.repaired
('I feel � fine', True)
>>> box.value = "\\ud83d\\ude00"  # a pair a program split: joined back into the emoji
>>> box.value
'😀'
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets
from traitlets import validate

from ..records import repair_surrogates


def _repaired(value):
    return repair_surrogates(value) if isinstance(value, str) else value


class _RepairsText:
    """Mixin: repair incoming and assigned text before ipywidgets echoes or stores it."""

    #: True once a broken half was replaced in this box: an explorer may tell the learner
    #: (the review writer says so when it saves), then set it back to False.
    repaired = False

    def _repair(self, value):
        fixed = _repaired(value)
        if fixed != value:
            self.repaired = True
        return fixed

    def set_state(self, sync_data):
        # ipywidgets sends the echo from ``sync_data`` before any validator runs: repair here
        super().set_state({key: self._repair(value) for key, value in sync_data.items()})

    @validate("value")
    def _valid_text(self, proposal):
        return self._repair(proposal["value"])


class Text(_RepairsText, anywidget.AnyWidget):
    """A one-line text box (``text_box.js``) with ipywidgets' Text's look, traits and label;
    a lone surrogate becomes "�" (see the module), and Enter carries the text (:meth:`on_enter`).

    ``style`` takes ``description_width`` as ipywidgets' boxes do (a dict or a style object).
    """

    _esm = (Path(__file__).parent / "text_box.js").read_text(encoding="utf-8")
    value = traitlets.Unicode("").tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    continuous_update = traitlets.Bool(True).tag(sync=True)  # False: sent on Enter or leaving
    description_width = traitlets.Unicode("").tag(sync=True)

    def __init__(self, value: str = "", *, style=None, **kwargs) -> None:
        width = style.get("description_width") if isinstance(style, dict) else None
        width = width if width is not None else getattr(style, "description_width", None)
        if width is not None:
            kwargs.setdefault("description_width", str(width))
        super().__init__(value=value, **kwargs)
        self._enter = widgets.CallbackDispatcher()
        self.on_msg(self._heard)

    def on_enter(self, callback) -> None:
        """Call ``callback()`` when the learner presses Enter in the box.

        The browser sends a "submit" message on Enter at once, holding the text the box shows;
        its value updates may still be on their way (held back while the kernel is busy), so
        the value is set from that text first, as if it had come in time (:meth:`set_state`:
        repaired, echoed), and the callback judges what the learner saw, never a prefix of it
        (issue 12). A "submit" without a text (ipywidgets' own box) leaves the value as it is.

        >>> box, pressed = Text(), []
        >>> box.on_enter(lambda: pressed.append(box.value))
        >>> box.value = "1"
        >>> box._handle_custom_msg({"event": "submit", "value": "1e9"}, [])  # Enter on "1e9"
        >>> box._handle_custom_msg({"event": "submit"}, [])  # a submit with no text
        >>> pressed
        ['1e9', '1e9']
        """
        self._enter.register_callback(callback)

    def _heard(self, _box, content: dict, _buffers) -> None:
        if content.get("event") != "submit":
            return
        if isinstance(content.get("value"), str):
            self.set_state({"value": content["value"]})
        self._enter()


class Textarea(_RepairsText, widgets.Textarea):
    """ipywidgets' multi-line text box; a lone surrogate becomes "�" (see the module)."""
