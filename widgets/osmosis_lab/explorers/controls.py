"""Sliders that a screen reader can name and a keyboard can move inside JupyterLab.

ipywidgets' own sliders draw a ``div`` handle with ``role="slider"`` but no
accessible name (axe rule ``aria-input-field-name``), so a screen reader
announces only a number. These sliders render a native ``<input type="range">``
with a ``<label>`` and an ``aria-valuetext``: the browser gives them their name,
their focus ring, and they handle their own keys (← → ↑ ↓ Home End PageUp
PageDown), which JupyterLab's notebook shortcuts would otherwise take. They are small
anywidget classes whose JavaScript ships inside the package (``slider.js``), so
they work with no network.

They keep ipywidgets' Python interface (``value``, ``min``, ``max``, ``step``,
``options``, ``description``, ``observe(..., names="value")``), so an explorer
can swap ``widgets.IntSlider`` for ``controls.IntSlider`` and change nothing else.
Choice buttons are here too: ``controls.ToggleButtons`` (a radio group, :mod:`.choice_buttons`)
and ``controls.PickButtons`` (pick all that apply: a group of checkboxes).
``min``, ``max``, ``step``, ``readout_format`` and ``options`` are live, as in
ipywidgets: changing one re-derives the positions and their labels, keeps the
value if it is still on the slider and otherwise moves it to the nearest position,
and sends labels and index to the browser in one message, so the browser can never
hold an index past the end of the labels.

Examples
--------
>>> slider = IntSlider(value=3, min=1, max=5, description="Class size")
>>> slider.labels, slider.index
(['1', '2', '3', '4', '5'], 2)
>>> slider.value = 5
>>> slider.index, slider.readout
(4, '5')
>>> eps = FloatSlider(value=1.0, min=0.1, max=2.0, step=0.1, description="ε", readout_format=".1f")
>>> eps.value = 0.5
>>> eps.readout
'0.5'
>>> choice = SelectionSlider(options=["low", "medium", "high"], value="medium", description="Risk")
>>> choice.index = 2  # what the browser sends when a learner presses →
>>> choice.value
'high'

Changing the range later changes what the browser shows:

>>> slider.max = 3  # 5 is gone: the value moves to the nearest position left
>>> slider.labels, slider.index, slider.value
(['1', '2', '3'], 2, 3)
>>> slider.max = 8  # 3 is still there: the value stays
>>> slider.value, slider.labels[-1]
(3, '8')
>>> choice.options = ["low", "high"]  # "high" is still an option: kept
>>> choice.value, choice.index
('high', 1)
>>> choice.options = ["none"]
>>> choice.value, choice.labels, choice.index
('none', ['none'], 0)
"""

from pathlib import Path

import anywidget
import numpy as np
import traitlets

from .choice_buttons import PickButtons as PickButtons  # re-exported: one home for controls
from .choice_buttons import ToggleButtons as ToggleButtons  # re-exported: one home for controls
from .sent_at_once import SentAtOnce

#: The browser side, shipped inside the package (no network): a native range input with a label.
_ESM = (Path(__file__).parent / "slider.js").read_text(encoding="utf-8")


#: A keyboard user moves one position per key press: more positions than this is a mistake.
MAX_POSITIONS = 10_001


def _slider_name(slider) -> str:
    return f"slider {slider.description!r}" if slider.description else "a slider"


def _readout(value, readout_format: str) -> str:
    """A position's label: a format spec (``".1f"``), or a template with its unit (``"{:d} %"``).

    The label is also the input's ``aria-valuetext``: "30 %" says what a bare "30" does not.

    >>> _readout(30, "d"), _readout(30, "{:d} %"), _readout(0.5, "{:.1f} of the budget")
    ('30', '30 %', '0.5 of the budget')
    """
    return readout_format.format(value) if "{" in readout_format else format(value, readout_format)


class _PositionSlider(SentAtOnce, anywidget.AnyWidget):
    """A range input over positions 0..n-1, each with a readout label; subclasses map positions to values.

    Subclasses define :meth:`_derive` (the positions and their labels, from their own
    traits) and call :meth:`_rederive` whenever one of those traits changes.
    """

    _esm = _ESM
    SENT_AT_ONCE = ("index",)  # a button pressed right after the keys reads the new value
    index = traitlets.Int(0).tag(sync=True, echo_update=False)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    value = traitlets.Any()  # Python side only: the browser talks in positions
    _positions: list = []  # set by _rederive; empty until the first derivation

    def __init__(self, *, value, description: str, **kwargs):
        # ipywidgets-only options: updates are sent on release and per key press, and
        # the look comes from the browser's own range input.
        for option in ("continuous_update", "readout", "orientation", "style"):
            kwargs.pop(option, None)
        super().__init__(description=description, **kwargs)
        self._rederive(value)

    @property
    def readout(self) -> str:
        """What the learner reads beside the slider (and the screen reader announces)."""
        return self.labels[self.index]

    def _derive(self) -> tuple[list, list[str]]:
        raise NotImplementedError

    def _nearest(self, value) -> int:
        raise NotImplementedError

    def _rederive(self, keep, *, fallback: int = 0) -> None:
        """Recompute positions and labels; keep ``keep`` if still valid, else the nearest position."""
        positions, labels = self._derive()
        if not positions:
            raise ValueError(f"slider {self.description!r} needs at least one position")
        self._positions = list(positions)
        try:
            index = self._nearest(keep)
        except traitlets.TraitError:  # an option that is gone: stay at the same place
            index = min(max(fallback, 0), len(positions) - 1)
        with self.hold_sync():  # labels and index reach the browser in one message
            self.labels = list(labels)
            self.index = index  # moves the value too, unless the index stays the same
            self.value = self._positions[index]

    @traitlets.validate("index")
    def _clamp_index(self, proposal):
        # a browser view may still hold the previous labels: never keep a position past the end
        last = len(self._positions) - 1
        return min(max(proposal["value"], 0), last) if last >= 0 else 0

    @traitlets.validate("value")
    def _snap(self, proposal):
        return self._positions[self._nearest(proposal["value"])]

    # (not named _value_changed / _index_changed: traitlets treats those names as magic)
    @traitlets.observe("value")
    def _move_to_value(self, change):
        self.index = self._nearest(change["new"])

    @traitlets.observe("index")
    def _take_position(self, change):
        self.value = self._positions[change["new"]]


class _NumberSlider(_PositionSlider):
    """Positions min, min + step, ... up to max, labelled with ``readout_format``."""

    readout_format = traitlets.Unicode("d")
    _cast = int

    @traitlets.validate("min", "max", "step")
    def _possible_range(self, proposal):
        # inside hold_trait_notifications (e.g. __init__) this runs once all three are set
        bounds = {name: getattr(self, name) for name in ("min", "max", "step")}
        bounds[proposal["trait"].name] = proposal["value"]
        low, high, step = bounds["min"], bounds["max"], bounds["step"]
        if not step > 0:
            raise traitlets.TraitError(f"step must be positive, not {step!r}")
        if low > high:
            raise traitlets.TraitError(f"min ({low}) must not be above max ({high})")
        if (high - low) / step >= MAX_POSITIONS:
            raise traitlets.TraitError(
                f"{_slider_name(self)} would have more than {MAX_POSITIONS} positions "
                f"from {low} to {high} in steps of {step}: use a larger step"
            )
        return proposal["value"]

    @traitlets.observe("min", "max", "step", "readout_format")
    def _range_changed(self, _change):
        if self._positions:  # not during __init__: the first derivation comes after
            self._rederive(self.value)

    def _derive(self) -> tuple[list, list[str]]:
        count = int(round((self.max - self.min) / self.step)) + 1
        positions = [self._cast(self.min + i * self.step) for i in range(count)]
        if self._cast is float:  # avoid 0.30000000000000004 in values a lesson prints
            positions = [round(p, 10) for p in positions]
        return positions, [_readout(p, self.readout_format) for p in positions]

    def _nearest(self, value) -> int:
        return int(np.argmin(np.abs(np.asarray(self._positions, dtype=float) - float(value))))


class IntSlider(_NumberSlider):
    """An accessible integer slider with ipywidgets' arguments."""

    min = traitlets.CInt(0)
    max = traitlets.CInt(100)
    step = traitlets.CInt(1)

    def __init__(
        self, value=None, min=0, max=100, step=1, description="", readout_format="d", **kwargs
    ):
        super().__init__(
            value=min if value is None else value,
            min=min,
            max=max,
            step=step,
            description=description,
            readout_format=readout_format,
            **kwargs,
        )


class FloatSlider(_NumberSlider):
    """An accessible float slider with ipywidgets' arguments."""

    min = traitlets.CFloat(0.0)
    max = traitlets.CFloat(10.0)
    step = traitlets.CFloat(0.1)
    _cast = float

    def __init__(
        self,
        value=None,
        min=0.0,
        max=10.0,
        step=0.1,
        description="",
        readout_format=".2f",
        **kwargs,
    ):
        super().__init__(
            value=min if value is None else value,
            min=min,
            max=max,
            step=step,
            description=description,
            readout_format=readout_format,
            **kwargs,
        )


class SelectionSlider(_PositionSlider):
    """An accessible slider over ``options`` (strings, or (label, value) pairs)."""

    options = traitlets.Any(())

    def __init__(self, options, value=None, description="", **kwargs):
        options = tuple(options)
        if not options:
            raise ValueError(f"slider {description!r} needs at least one option")
        first = options[0][1] if isinstance(options[0], tuple) else options[0]
        super().__init__(
            value=first if value is None else value,
            options=options,
            description=description,
            **kwargs,
        )

    @traitlets.validate("options")
    def _as_tuple(self, proposal):
        return tuple(proposal["value"])

    @traitlets.observe("options")
    def _options_changed(self, _change):
        if self._positions:
            self._rederive(self.value, fallback=self.index)

    @staticmethod
    def _pairs(options) -> list[tuple[str, object]]:
        return [o if isinstance(o, tuple) else (str(o), o) for o in options]

    def _derive(self) -> tuple[list, list[str]]:
        pairs = self._pairs(self.options)
        return [v for _, v in pairs], [label for label, _ in pairs]

    def _nearest(self, value) -> int:
        if value not in self._positions:
            raise traitlets.TraitError(f"{value!r} is not one of {self._positions}")
        return self._positions.index(value)
