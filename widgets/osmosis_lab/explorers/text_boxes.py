"""Text boxes a learner types into, safe against half an emoji.

A browser keeps text as UTF-16, and a learner can leave half of an emoji in a box
(delete one half, paste a cut-off word): the browser then sends the kernel a lone
surrogate such as ``"\\ud83d"``. ipywidgets first *echoes* the new value back to
the browser, and the kernel's message layer (jupyter_client's ``json_packer``)
cannot encode a lone surrogate as UTF-8: a ``UnicodeEncodeError`` goes to the kernel
log, and the value is never stored, so everything typed after the broken half stays
on the screen but never reaches Python (a Save would keep the older text).

:class:`Text` and :class:`Textarea` are ipywidgets' boxes with one difference:
incoming text has its surrogate pairs joined and every lone half replaced by "�"
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

import ipywidgets as widgets
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


class Text(_RepairsText, widgets.Text):
    """ipywidgets' one-line text box; a lone surrogate becomes "�" (see the module)."""

    def on_enter(self, callback) -> None:
        """Call ``callback()`` when the learner presses Enter in the box.

        The browser sends a "submit" message on Enter whatever ``continuous_update`` is
        (ipywidgets' ``on_submit`` is deprecated; the message is not), and the text still
        arrives as it is typed. Enter can overtake the last letters typed: a caller that
        reads the value pairs this with :mod:`.late_keystrokes`.

        >>> box, pressed = Text(), []
        >>> box.on_enter(lambda: pressed.append(box.value))
        >>> box.value = "Ana"
        >>> box._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
        >>> pressed
        ['Ana']
        """
        self.on_msg(lambda _box, content, _buffers: content.get("event") == "submit" and callback())


class Textarea(_RepairsText, widgets.Textarea):
    """ipywidgets' multi-line text box; a lone surrogate becomes "�" (see the module)."""
