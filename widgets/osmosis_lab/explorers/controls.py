"""Sliders that a screen reader can name and a keyboard can move inside JupyterLab.

ipywidgets' own sliders draw a ``div`` handle with ``role="slider"`` but no
accessible name (axe rule ``aria-input-field-name``), so a screen reader
announces only a number. These sliders render a native ``<input type="range">``
with a ``<label>`` and an ``aria-valuetext``: the browser gives them their name,
their focus ring, and they handle their own keys (← → ↑ ↓ Home End PageUp
PageDown), which JupyterLab's notebook shortcuts would otherwise take. They are small
anywidget classes whose JavaScript ships inside this module, so they work with
no network.

They keep ipywidgets' Python interface (``value``, ``min``, ``max``, ``step``,
``options``, ``description``, ``observe(..., names="value")``), so an explorer
can swap ``widgets.IntSlider`` for ``controls.IntSlider`` and change nothing else.

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
"""

import anywidget
import numpy as np
import traitlets

_ESM = """
function render({ model, el }) {
  const id = `osmosis-slider-${Math.random().toString(36).slice(2)}`;
  el.classList.add("osmosis-slider");
  el.style.display = "flex";
  el.style.alignItems = "center";
  el.style.gap = "0.6em";
  el.style.margin = "2px 0";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.style.display = "inline-block";
  label.style.minWidth = "10em";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.min = "0";
  input.step = "1";
  input.style.width = "18em";
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.setAttribute("aria-hidden", "true");  // the input's aria-valuetext already says it
  function update() {
    const labels = model.get("labels");
    const index = model.get("index");
    label.textContent = model.get("description");
    input.max = String(Math.max(labels.length - 1, 0));
    input.value = String(index);
    input.setAttribute("aria-valuetext", labels[index] ?? "");
    input.disabled = model.get("disabled");
    readout.textContent = labels[index] ?? "";
  }
  function commit(index) {
    const last = model.get("labels").length - 1;
    const clamped = Math.min(Math.max(index, 0), last);
    input.value = String(clamped);
    model.set("index", clamped);
    model.save_changes();
  }
  input.addEventListener("change", () => commit(Number(input.value)));
  // JupyterLab's notebook shortcuts cancel the browser's own arrow-key handling on
  // a range input, so the slider moves itself and keeps the keys from the notebook.
  input.addEventListener("keydown", (event) => {
    const last = model.get("labels").length - 1;
    const page = Math.max(1, Math.round(last / 10));
    const moves = {
      ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: page, PageDown: -page,
    };
    const index = model.get("index");
    let target = null;
    if (event.key in moves) target = index + moves[event.key];
    if (event.key === "Home") target = 0;
    if (event.key === "End") target = last;
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    commit(target);
  });
  input.addEventListener("input", () => {
    const labels = model.get("labels");
    readout.textContent = labels[Number(input.value)] ?? "";
  });
  model.on("change:index", update);
  model.on("change:labels", update);
  model.on("change:description", update);
  model.on("change:disabled", update);
  update();
  el.append(label, input, readout);
}
export default { render };
"""


class _PositionSlider(anywidget.AnyWidget):
    """A range input over positions 0..n-1, each with a readout label; subclasses map positions to values."""

    _esm = _ESM
    index = traitlets.Int(0).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    value = traitlets.Any()  # Python side only: the browser talks in positions

    def __init__(self, positions: list, labels: list[str], value, description: str, **kwargs):
        # ipywidgets-only options: updates are sent on release and per key press, and
        # the look comes from the browser's own range input.
        for option in ("continuous_update", "readout", "orientation", "style"):
            kwargs.pop(option, None)
        if not positions:
            raise ValueError(f"slider {description!r} needs at least one position")
        self._positions = list(positions)
        super().__init__(labels=list(labels), description=description, **kwargs)
        self.value = value

    @property
    def readout(self) -> str:
        """What the learner reads beside the slider (and the screen reader announces)."""
        return self.labels[self.index]

    def _nearest(self, value) -> int:
        raise NotImplementedError

    @traitlets.validate("value")
    def _snap(self, proposal):
        return self._positions[self._nearest(proposal["value"])]

    # (not named _value_changed / _index_changed: traitlets treats those names as magic)
    @traitlets.observe("value")
    def _move_to_value(self, change):
        self.index = self._nearest(change["new"])

    @traitlets.observe("index")
    def _take_position(self, change):
        position = min(max(change["new"], 0), len(self._positions) - 1)
        self.value = self._positions[position]


class _NumberSlider(_PositionSlider):
    def __init__(self, *, value, min, max, step, description, readout_format, cast, **kwargs):
        self.min, self.max, self.step = min, max, step
        count = int(round((max - min) / step)) + 1
        positions = [cast(min + i * step) for i in range(count)]
        if cast is float:  # avoid 0.30000000000000004 in values a lesson prints
            positions = [round(p, 10) for p in positions]
        labels = [format(p, readout_format) for p in positions]
        value = min if value is None else value
        super().__init__(positions, labels, value, description, **kwargs)

    def _nearest(self, value) -> int:
        return int(np.argmin(np.abs(np.asarray(self._positions, dtype=float) - float(value))))


class IntSlider(_NumberSlider):
    """An accessible integer slider with ipywidgets' arguments."""

    def __init__(
        self, value=None, min=0, max=100, step=1, description="", readout_format="d", **kwargs
    ):
        super().__init__(
            value=value,
            min=min,
            max=max,
            step=step,
            description=description,
            readout_format=readout_format,
            cast=int,
            **kwargs,
        )


class FloatSlider(_NumberSlider):
    """An accessible float slider with ipywidgets' arguments."""

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
            value=value,
            min=min,
            max=max,
            step=step,
            description=description,
            readout_format=readout_format,
            cast=float,
            **kwargs,
        )


class SelectionSlider(_PositionSlider):
    """An accessible slider over ``options`` (strings, or (label, value) pairs)."""

    def __init__(self, options, value=None, description="", **kwargs):
        pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
        self.options = [v for _, v in pairs]
        value = self.options[0] if value is None else value
        super().__init__(self.options, [label for label, _ in pairs], value, description, **kwargs)

    def _nearest(self, value) -> int:
        if value not in self.options:
            raise traitlets.TraitError(f"{value!r} is not one of {self.options}")
        return self.options.index(value)
