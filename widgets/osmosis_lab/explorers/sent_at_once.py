"""Changes the browser sends at once, so they reach the kernel before a press that follows them.

ipywidgets holds back a widget's state update while its last one is on its way to the kernel
(its message throttle), but a button's press goes at once. A learner who presses the arrows on a
row of choices or a slider and then, within a moment, Tab and Enter on a button (Check, Publish,
Next) had the press reach the kernel before the last change: Check judged the option passed on
the way ("Not yet" said for it, w55), a button read the slider's value of two keys ago. This
project's own widgets (``choice_buttons.js``, ``slider.js``) send each change as a message of its
own, ``{"event": "change", "state": {...}}``, which nothing holds back; the kernel applies it as
an update from the browser (``set_state``). The traits it carries are tagged
``echo_update=False``: the browser shows the change already, and an echo of a change it has
since moved past would draw the old one again for a moment.

>>> import anywidget, traitlets
>>> class Dial(SentAtOnce, anywidget.AnyWidget):
...     index = traitlets.Int(0).tag(sync=True, echo_update=False)
...     disabled = traitlets.Bool(False).tag(sync=True)
...     SENT_AT_ONCE = ("index",)
>>> dial = Dial()
>>> dial._handle_custom_msg({"event": "change", "state": {"index": 3, "disabled": True}}, [])
>>> dial.index, dial.disabled  # only the traits it names
(3, False)
>>> dial.disabled = True  # a disabled widget takes no change
>>> dial._handle_custom_msg({"event": "change", "state": {"index": 1}}, [])
>>> dial.index
3
"""

from __future__ import annotations


class SentAtOnce:
    """A mixin for an anywidget whose browser side sends the traits in ``SENT_AT_ONCE`` as
    "change" messages (see the module)."""

    #: The traits the browser sends at once (each tagged ``sync=True, echo_update=False``).
    SENT_AT_ONCE: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_msg(self._changed_in_the_browser)

    def _changed_in_the_browser(self, _widget, content: dict, _buffers) -> None:
        state = content.get("state") if content.get("event") == "change" else None
        if isinstance(state, dict) and not self.disabled:
            self.set_state({name: state[name] for name in self.SENT_AT_ONCE if name in state})
