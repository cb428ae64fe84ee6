"""Drive an explorer the way a browser does, with seeded random sequences of actions.

A browser never sets ``slider.value``: it sends the kernel a comm message, which the
kernel's comm manager hands to the widget. So every action here is such a message,
sent through :func:`comm.get_comm_manager`'s ``comm_msg``, the handler ipykernel
calls: sliders and toggle buttons by ``index``, checkboxes and text boxes by
``value``, buttons by a custom ``{"event": "click"}`` message. That path catches any
exception and only *logs* it (``Exception in comm_msg``), and ipywidgets logs an
exception from a button's handler as a warning: :class:`LogProblems` collects both,
because a learner sees no error, only an explorer that stopped answering.
Widgets built while :class:`KernelLikeComm` is installed (``comm.create_comm``) serialise
every message they send as ipykernel does, so what a real kernel cannot send (the echo of
half an emoji) fails here too; ``comm``'s own ``DummyComm`` serialises nothing.

Which explorers exist, and the hostile text a learner may type, come from
``test_robustness`` (one enumeration for every generic explorer test).

Examples
--------
>>> from osmosis_lab.explorers import controls
>>> slider = controls.IntSlider(value=2, min=1, max=5, description="Step")
>>> with LogProblems() as problems:
...     move_slider(slider, 4)
>>> slider.value, problems.found
(5, [])
"""

from __future__ import annotations

import html
import json
import logging
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import altair as alt
import ipywidgets as widgets
import ipywidgets.widgets.widget as widget_module
from comm import get_comm_manager
from comm.base_comm import BaseComm
from ipykernel.jsonutil import json_clean
from jupyter_client.session import Session

from chart_layout import assert_text_clears_the_legend
from osmosis_lab.explorers import controls, text_boxes
from osmosis_lab.explorers.base import Explorer, chart_spec, descendants
from osmosis_lab.explorers.live import LiveText  # shown text too, announced
from test_robustness import CLASSES, HOSTILE_TEXT, text_equivalent

__all__ = [
    "CLASSES",
    "KernelLikeComm",
    "LogProblems",
    "OneLiveRegion",
    "Sequence",
    "check_invariants",
    "click",
    "every_text",
    "move_slider",
    "run_sequence",
    "send",
    "update",
]

SLIDERS = (controls.IntSlider, controls.FloatSlider, controls.SelectionSlider)
#: What a learner may type into a text box (the last one is also markup).
#: Half an emoji either way round (lone surrogates) is what a browser may send.
TEXTS = ("", "   ", "Niels", "<b>bold</b> & <i>", "\ud83d lone half emoji", "other half \ude00",
         HOSTILE_TEXT)  # fmt: skip
#: Loggers that report what the kernel swallowed: comm (ipykernel's comm manager),
#: traitlets (ipywidgets' own log), and the kernel's.
LOGGERS = ("", "Comm", "comm", "traitlets", "ipykernel", "ipywidgets")
STEP_OF = re.compile(r"\bStep (\d+) of (\d+)")


# ---------------------------------------------------------------------- what the browser sends


class KernelLikeComm(BaseComm):
    """A comm that serialises each message as ipykernel's ``Comm.publish_msg`` does
    (``json_clean``, then ``Session.serialize``, which packs with ``json_packer``) and
    keeps what it published (``published``); nothing is sent anywhere."""

    session = Session(key=b"")

    def __init__(self, *args, **kwargs):
        self.published: list[dict] = []
        super().__init__(*args, **kwargs)

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        content = json_clean(dict(data=data or {}, comm_id=self.comm_id, **keys))
        message = self.session.msg(msg_type, content, metadata=json_clean(metadata or {}))
        self.session.serialize(message, ident=self.topic)  # raises where the kernel raises
        self.published.append(content)


def send(widget: widgets.Widget, data: dict) -> None:
    """Hand ``data`` to ``widget`` as the kernel does with a comm message from the browser."""
    message = {
        "header": {"msg_type": "comm_msg"},
        "content": {"comm_id": widget.comm.comm_id, "data": data},
        "buffers": [],
    }
    get_comm_manager().comm_msg(None, None, message)


def update(widget: widgets.Widget, **state) -> None:
    send(widget, {"method": "update", "state": state, "buffer_paths": []})


def move_slider(slider: widgets.Widget, index: int) -> None:
    """What a range input sends when a learner releases it or presses a key."""
    update(slider, index=index)


def click(button: widgets.Button) -> None:
    send(button, {"method": "custom", "content": {"event": "click"}})


class LogProblems(logging.Handler):
    """Collect ERROR records, and any record carrying an exception, while in a ``with`` block."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            detail = self.format(record)
            if record.exc_info:
                detail += "\n" + logging.Formatter().formatException(record.exc_info)
            if detail not in self.found:  # the same record reaches several loggers
                self.found.append(detail)

    def __enter__(self) -> LogProblems:
        # ipywidgets reports a failed widget message through IPython's showtraceback when an
        # IPython shell exists in this process (some other test may have made one) and through
        # its logger otherwise: make it always the logger, so the harness sees every failure
        # whatever ran before it.
        self._get_ipython = widget_module.get_ipython
        widget_module.get_ipython = lambda: None
        self._levels = {}
        for name in LOGGERS:
            logger = logging.getLogger(name)
            self._levels[name] = logger.level
            if logger.getEffectiveLevel() > logging.WARNING:  # ipywidgets warns with a traceback
                logger.setLevel(logging.WARNING)
            logger.addHandler(self)
        return self

    def __exit__(self, *_exc) -> None:
        widget_module.get_ipython = self._get_ipython
        for name in LOGGERS:
            logger = logging.getLogger(name)
            logger.removeHandler(self)
            logger.setLevel(self._levels[name])


# ---------------------------------------------------------------------- random sequences


@dataclass
class Sequence:
    """One seeded sequence: the actions taken so far, for the failure message."""

    explorer: Explorer
    seed: int
    actions: list[str] = field(default_factory=list)
    #: the most labels each slider has shown: a browser view may still hold that many
    seen: dict[int, int] = field(default_factory=dict)

    def describe(self) -> str:
        name = getattr(self.explorer, "name", None) or type(self.explorer).__name__
        return f"{name}, seed {self.seed}, after:\n  " + "\n  ".join(self.actions[-12:])


def label_of(control: widgets.Widget) -> str:
    return control.description or getattr(control, "tooltip", "") or type(control).__name__


def random_action(
    control: widgets.Widget, sequence: Sequence, rng: random.Random
) -> tuple[Callable[[], None], str]:
    """One thing a learner can do to ``control``, as the browser would send it, and its words."""
    if isinstance(control, SLIDERS):
        seen = sequence.seen[id(control)] = max(
            sequence.seen.get(id(control), 0), len(control.labels)
        )
        last = len(control.labels) - 1
        # the ends (Home, End) often, any position, or an index a stale view may still hold
        index = rng.choice([0, last, last, rng.randrange(last + 1), rng.randrange(seen)])
        return lambda: move_slider(control, index), f"slider {label_of(control)!r} → index {index}"
    if isinstance(control, controls.PickButtons):  # any set of its options: one message
        n = len(control.options)
        picked = sorted(rng.sample(range(n), rng.randrange(n + 1)))
        return lambda: update(control, indexes=picked), f"{label_of(control)!r} → picks {picked}"
    if isinstance(control, controls.ToggleButtons):
        index = rng.randrange(len(control.options))
        return lambda: update(control, index=index), f"{label_of(control)!r} → option {index}"
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        value = rng.random() < 0.5
        return lambda: update(control, value=value), f"{label_of(control)!r} → {value}"
    if isinstance(control, widgets.Button):
        return lambda: click(control), f"click {label_of(control)!r}"
    if isinstance(control, text_boxes.Text | widgets.Textarea):
        text = rng.choice(TEXTS)
        return lambda: update(control, value=text), f"type {text[:20]!r} into {label_of(control)!r}"
    if isinstance(control, widgets.BoundedIntText | widgets.BoundedFloatText):
        value = rng.choice(
            [control.min, control.max, control.min + (control.max - control.min) / 2]
        )
        value = int(value) if isinstance(control, widgets.BoundedIntText) else value
        return lambda: update(control, value=value), f"{label_of(control)!r} → {value}"
    raise AssertionError(f"the sequence harness cannot operate a {type(control).__name__}")


def every_text(explorer: Explorer) -> str:
    """Every sentence the explorer shows in HTML and Label widgets, as plain text."""
    parts = [
        w.value
        for w in descendants(explorer.view)
        if isinstance(w, widgets.HTML | widgets.Label | LiveText) and isinstance(w.value, str)
    ]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


def check_invariants(explorer: Explorer) -> None:
    """What every explorer owes a learner after any action."""
    name = type(explorer).__name__
    assert text_equivalent(explorer), f"{name}: the text equivalent is empty"
    for control in explorer.controls():
        if isinstance(control, SLIDERS):
            labels, index = control.labels, control.index
            assert 0 <= index < len(labels), (
                f"{name}: slider {label_of(control)!r} at index {index} of {len(labels)} labels"
            )
            assert control.readout == labels[index]
            assert control._positions[index] == control.value, (
                f"{name}: slider {label_of(control)!r} shows {labels[index]!r} "
                f"but holds {control.value!r}"
            )
        if isinstance(control, controls.ToggleButtons):
            # None: nothing chosen yet (lesson 05's matrix starts so on purpose)
            assert control.index is None or 0 <= control.index < len(control.options)
    for k, n in STEP_OF.findall(every_text(explorer)):
        assert 1 <= int(k) <= int(n), f"{name} says 'Step {k} of {n}'"
    for spec in shown_charts(explorer):  # show_chart leaves the schema check to this
        validate_chart(spec)


#: The specs already found valid, by their canonical JSON. Validation is a pure function of the
#: spec, and a sequence shows the same chart again and again (most actions redraw only text):
#: each distinct spec is checked once per test session, which took a third of this layer's time.
_VALID_SPECS: set[str] = set()


def validate_chart(spec: dict) -> None:
    """Check ``spec`` against the Vega-Lite schema altair ships, and its layout
    (:func:`chart_layout.assert_text_clears_the_legend`), once per distinct spec.

    Raises altair's schema error naming the offending property when it is invalid.

    >>> validate_chart({"mark": "point", "data": {"values": [{"x": 1}]}})
    >>> validate_chart({"mark": "no such mark"})  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    jsonschema.exceptions.ValidationError: 'no such mark' is not a mark
    """
    key = json.dumps(spec, sort_keys=True, default=str)
    if key not in _VALID_SPECS:
        alt.TopLevelSpec.validate(spec)
        assert_text_clears_the_legend(spec)  # a layout rule, checked as often (chart_layout)
        _VALID_SPECS.add(key)


def shown_charts(explorer: Explorer) -> list[dict]:
    """The Vega-Lite specs of every chart the explorer shows now."""
    return [
        spec
        for w in descendants(explorer.view)
        if isinstance(w, widgets.Output) and (spec := chart_spec(w))
    ]


def spoken(explorer: Explorer) -> dict[int, str]:
    """The words of every live region of the explorer's view, by widget; a region emptied is
    left out (a polite region speaks what is added, ``aria-relevant``'s default, not what is
    removed)."""
    return {
        id(w): w.value
        for w in descendants(explorer.view)
        if isinstance(w, LiveText) and html.unescape(re.sub(r"<[^>]+>", " ", w.value)).strip()
    }


class OneLiveRegion:
    """A sequence's model: one action makes at most one live region of the explorer speak.

    Two regions changed by the same action are read over each other, one cutting the other
    off (issue 12: lesson 02's consent board said each box ticked twice).
    """

    def __init__(self, explorer: Explorer) -> None:
        self.before = spoken(explorer)

    def __call__(self, explorer: Explorer, _control) -> None:
        now = spoken(explorer)
        changed = [value for key, value in now.items() if self.before.get(key) != value]
        self.before = now
        assert len(changed) <= 1, (
            f"{len(changed)} live regions changed at once, read over each other:\n"
            + "\n".join(f"  {value[:160]}" for value in changed)
        )


def run_sequence(
    explorer: Explorer,
    seed: int,
    steps: int,
    *,
    model: Callable[[Explorer, widgets.Widget], None] | None = None,
    action: Callable[[Explorer, Sequence, random.Random], tuple[Callable[[], None], str]]
    | None = None,
) -> Sequence:
    """Take ``steps`` random actions; after each, check the invariants and then ``model``.

    ``model(explorer, control)`` is told which control was just operated, so it can
    follow a history (e.g. what a Publish click spent); it asserts what the text states.
    ``action(explorer, sequence, rng)``, if given, chooses each step instead of one random
    control's :func:`random_action` (an answer control's steps are whole entries: type a
    wrong number, then press Check); ``model`` is then told ``control=None``.
    Fails at the first exception, logged problem or broken invariant, naming the actions.
    """
    rng = random.Random(seed)
    sequence = Sequence(explorer, seed)
    with LogProblems() as problems:
        for _ in range(steps):
            if action is None:
                control = rng.choice(explorer.controls())
                act, description = random_action(control, sequence, rng)
            else:
                control, (act, description) = None, action(explorer, sequence, rng)
            sequence.actions.append(description)
            act()
            assert not problems.found, f"{sequence.describe()}\nlogged:\n" + "\n".join(
                problems.found
            )
            try:
                check_invariants(explorer)
                if model is not None:
                    model(explorer, control)
            except AssertionError as failure:
                raise AssertionError(f"{sequence.describe()}\n{failure}") from failure
    return sequence
