"""Explorers drawn statically from the widget state a lesson saved when it ran.

An explorer on a static page cannot respond, so it is shown as it stood after
the lesson ran top to bottom: its text (cards, tables, the text equivalent) as
HTML, its charts as SVG, and each control as one plain line, "Control: <label>
= <value>", so a printout says which setting the chart shows. No ipywidgets
JavaScript is needed.

Examples
--------
>>> state = {
...     "box": {"model_name": "VBoxModel",
...             "state": {"children": ["IPY_MODEL_pick", "IPY_MODEL_text"]}},
...     "pick": {"model_name": "DropdownModel",
...              "state": {"description": "Beta tester", "index": 1,
...                        "_options_labels": ["Niels", "Ana"]}},
...     "text": {"model_name": "HTMLModel", "state": {"value": "<p>Ana's card</p>"}},
... }
>>> print(render_widget("box", state))
<div class="osmosis-widget osmosis-box">
<p class="osmosis-control">Control: Beta tester = Ana</p>
<div class="osmosis-widget-html"><p>Ana's card</p></div>
</div>

A text box (``text_boxes.Text``, anywidget's model like the radio groups) is a line, no options:

>>> print(render_widget("name", {"name": {"model_name": "AnyModel",
...     "state": {"description": "Your name", "value": "Inès"}}}))
<p class="osmosis-control">Control: Your name = Inès</p>
"""

import html
from collections.abc import Callable

from ..explorers.live import LIVE_CLASS
from .charts import VEGALITE_MIME, chart_figure

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
_GROUPS = ("BoxModel", "AccordionModel", "TabModel", "StackModel")
_SELECTIONS = ("index", "_options_labels")
#: Choice groups: ipywidgets' own, and the lessons' radio groups (anywidget's model,
#: osmosis_lab.explorers.choice_buttons, which syncs its options under the same name).
_CHOICE_GROUPS = ("ToggleButtonsModel", "AnyModel")
#: The class of a result hidden until a prediction (osmosis_lab.explorers.gate.CSS_CLASS).
_GATE_CLASS = "osmosis-gate"


def widget_state(nb) -> dict:
    """``model_id -> {"model_name": ..., "state": ...}`` saved in an executed notebook, or {}."""
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE_MIME, {}).get("state", {})


def render_widget(model_id: str, state: dict) -> str:
    """HTML for the widget ``model_id`` and its children, as it stood when the lesson finished."""
    model = state.get(model_id)
    if model is None:  # closed before the lesson finished: nothing a learner would see
        return ""
    name, values = model["model_name"], model["state"]
    if name.endswith(_GROUPS) and _GATE_CLASS in values.get("_dom_classes", []):
        return render_gate(values["children"], state)
    if name.endswith(_GROUPS):
        children = [
            render_widget(child.removeprefix("IPY_MODEL_"), state) for child in values["children"]
        ]
        return "\n".join(
            ['<div class="osmosis-widget osmosis-box">', *filter(None, children), "</div>"]
        )
    if name in ("HTMLModel", "HTMLMathModel") or LIVE_CLASS in values.get("_dom_classes", []):
        return f'<div class="osmosis-widget-html">{values.get("value", "")}</div>'
    if name == "LabelModel":
        return f'<p class="osmosis-widget-label">{html.escape(values.get("value", ""))}</p>'
    if name == "OutputModel":
        return render_outputs(values.get("outputs", []), state)
    if name == "ButtonModel":
        return control_line(values.get("description", ""), None)
    if "value" in values or all(key in values for key in _SELECTIONS):
        line = control_line(values.get("description", ""), control_value(values))
        if name in _CHOICE_GROUPS and "_options_labels" in values and values.get("index") is None:
            # an unanswered question (a prediction, say): a printout lists what to choose from
            options = " · ".join(values.get("_options_labels", []))
            line += f'\n<p class="osmosis-options">Options: {html.escape(options)}</p>'
        return line
    return ""  # layouts, styles and anything without a visible value


def render_gate(children: list[str], state: dict) -> str:
    """A result gated on a prediction: folded below, so a reader predicts before unfolding it.

    ``children`` are the gate's status, its "Show anyway" button and the box holding the result.
    """
    _status, _button, result = (child.removeprefix("IPY_MODEL_") for child in children)
    return (
        '<details class="osmosis-gate">\n<summary>The result (predict first, then open)</summary>\n'
        f"{render_widget(result, state)}\n</details>"
    )


def control_value(values: dict) -> str:
    """A control's value as a learner reads it: the option's label, a range as "a to b", on/off.

    >>> control_value({"index": [0, 2], "_options_labels": ["a", "b", "c"]})
    'a, c'
    >>> [control_value({"value": v}) for v in ([1, 5], True, 0.5, "")]
    ['1 to 5', 'on', '0.5', '(empty)']
    """
    if "_options_labels" in values:
        labels, index = values["_options_labels"], values.get("index")
        if index is None:
            return "(none)"
        picked = index if isinstance(index, list) else [index]
        return ", ".join(labels[i] for i in picked) if picked else "(none)"
    value = values["value"]
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):
        return " to ".join(str(v) for v in value)
    return str(value) if value != "" else "(empty)"


def control_line(label: str, value: str | None) -> str:
    """The plain-text line that stands in for a control on a static page (``None``: a button)."""
    label = label or "(unlabelled)"
    text = f"Control: {label} (button)" if value is None else f"Control: {label} = {value}"
    return f'<p class="osmosis-control">{html.escape(text)}</p>'


def render_outputs(outputs: list[dict], state: dict) -> str:
    """HTML for the outputs an ``Output`` widget holds (charts as SVG, HTML as is, text escaped)."""
    return "\n".join(render_output(output, state) for output in outputs)


def render_output(output: dict, state: dict) -> str:
    """One output, by the richest MIME type a static page can show; widgets from ``state``."""
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    data = output.get("data", {})
    renderers: list[tuple[str, Callable[[object], str]]] = [
        (VEGALITE_MIME, chart_figure),
        (WIDGET_VIEW_MIME, lambda view: render_widget(view["model_id"], state)),
        ("text/html", str),
        ("image/svg+xml", str),
        ("image/png", lambda png: f'<img alt="" src="data:image/png;base64,{png}">'),
        ("text/plain", lambda text: f"<pre>{html.escape(text)}</pre>"),
    ]
    for mime, render in renderers:
        if mime in data:
            return render(data[mime])
    return ""
