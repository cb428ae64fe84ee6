"""Keystrokes typed before a button press that reach the kernel after it belong to that press.

On a busy kernel the browser sends a click at once but holds back a text box's
update while an earlier one is on its way, so **Check** or **Save** pressed right
after typing can reach the kernel before the last letters do: a reflection was
saved ending "…says nothing about the expo". Every button that uses learner text
(Check, Save my reflection, Save my review) remembers what it used in a
:class:`Press`; when the boxes then change only by letters added at the end,
within :data:`LATE_KEYSTROKES_S`, the owner treats the change as part of the press
(checks or saves again, as the same press) instead of "changed, press again".

Examples
--------
>>> press = Press({"text": "says nothing about the expo", "may_show": False}, when=100.0)
>>> press.completed_by({"text": "says nothing about the export.", "may_show": False}, now=100.4)
True
>>> press.completed_by({"text": "says nothing about the export.", "may_show": False}, now=106.0)
False
>>> press.completed_by({"text": "says nothing", "may_show": False}, now=100.4)  # deleted: new
False
>>> press.completed_by({"text": "says nothing about the expo", "may_show": True}, now=100.4)
False
"""

from __future__ import annotations

import time
from typing import Any

#: How long after a press text arriving for it still counts as typed before it (seconds). The
#: browser holds back only what was typed before the click, until the kernel has handled the
#: press: on a loaded machine (a school server, a CI run at load 8) that took longer than 1.5 s
#: and a reflection was saved cut short. Letters added at the end within this window are saved
#: with the press, which loses nothing even when the learner did go on typing.
LATE_KEYSTROKES_S = 5.0


def _difference(before: Any, after: Any) -> str:
    """``"same"``, ``"added"`` (only letters added at the end of texts) or ``"other"``."""
    if before == after:
        return "same"
    if isinstance(before, str) and isinstance(after, str):
        return "added" if after.startswith(before) else "other"
    if isinstance(before, dict) and isinstance(after, dict) and before.keys() == after.keys():
        kinds = {_difference(before[key], after[key]) for key in before}
        return "other" if "other" in kinds else "added"
    return "other"


class Press:
    """What a press used (any plain data: texts, choices, nested dicts) and when it happened."""

    def __init__(self, values: dict, *, when: float | None = None) -> None:
        self.values = values
        self.when = time.monotonic() if when is None else when

    def completed_by(self, values: dict, *, now: float | None = None) -> bool:
        """Whether ``values`` are the pressed ones with only letters added at the end of some
        texts, soon after the press: the rest of what the learner typed before pressing."""
        now = time.monotonic() if now is None else now
        return now - self.when < LATE_KEYSTROKES_S and _difference(self.values, values) == "added"

    def completed(self, values: dict) -> Press:
        """The same press, now using the completed ``values`` (its time unchanged)."""
        return Press(values, when=self.when)
