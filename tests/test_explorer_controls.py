"""Every explorer can be operated from the keyboard inside JupyterLab, and every control is labelled.

Explorers are found by walking ``osmosis_lab.explorers`` (``test_robustness.CLASSES``): every
subclass of ``Explorer`` is built with ``with_lesson_data()``, as its lesson builds it. The
accessible sliders of ``explorers.controls`` are live: a range changed in Python reaches the
browser, and an index the browser sends is never kept past the end of the labels.
"""

import ipywidgets as widgets
import numpy as np
import pytest
import traitlets

from osmosis_lab.explorers import controls
from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.live import LiveText
from sequences import move_slider
from test_robustness import CLASSES

# In a notebook's command mode JupyterLab takes arrow and letter keys on these
# as notebook shortcuts: a keyboard user cannot change their value.
KEYBOARD_TRAPS = (widgets.Dropdown, widgets.RadioButtons, widgets.Select, widgets.SelectMultiple)


def test_explorers_are_found():
    assert any(cls.__name__ == "TesterExplorer" for cls in CLASSES)


@pytest.fixture(scope="module", params=CLASSES, ids=[c.__name__ for c in CLASSES])
def explorer(request):
    return request.param.with_lesson_data()


def test_no_control_traps_keyboard_users(explorer):
    traps = [type(w).__name__ for w in descendants(explorer.view) if isinstance(w, KEYBOARD_TRAPS)]
    assert not traps, (
        f"{type(explorer).__name__} uses {traps}; use ToggleButtons or a SelectionSlider"
    )


def test_every_control_has_a_label(explorer):
    for control in explorer.controls():
        label = control.description or getattr(control, "tooltip", "") or ""
        assert label.strip(), f"{type(explorer).__name__}: a {type(control).__name__} has no label"


def test_has_controls_a_chart_area_and_a_text_equivalent(explorer):
    assert explorer.controls(), f"{type(explorer).__name__} has nothing to operate"
    assert isinstance(explorer.summary, widgets.HTML | LiveText) and explorer.summary.value.strip()


# ---------------------------------------------------------------------- live sliders


def sent_states(widget: widgets.Widget) -> list[dict]:
    """Record the state updates ``widget`` sends to the browser from now on."""
    sent = []
    widget.comm.send = lambda data=None, buffers=None, **_: sent.append(data["state"])
    return sent


def test_a_shorter_range_reaches_the_browser_with_its_index_in_one_message():
    slider = controls.IntSlider(value=19, min=1, max=19, description="Step")
    sent = sent_states(slider)
    slider.max = 5
    assert sent == [{"labels": ["1", "2", "3", "4", "5"], "index": 4}]
    assert (slider.value, slider.readout) == (5, "5")


def test_an_index_past_the_end_from_a_stale_view_is_clamped_and_sent_back():
    slider = controls.IntSlider(value=1, min=1, max=5, description="Step")
    sent = sent_states(slider)
    move_slider(slider, 18)  # a view that still shows 19 steps, End pressed
    assert (slider.index, slider.value, slider.readout) == (4, 5, "5")
    assert {"index": 4} in sent


def test_a_float_slider_keeps_its_value_while_it_is_still_a_position():
    total = controls.FloatSlider(value=1.5, min=0.5, max=5.0, step=0.5, readout_format=".1f")
    total.step = 0.25  # 1.5 is still a position
    assert (total.value, total.readout, len(total.labels)) == (1.5, "1.5", 19)
    total.value = 1.75
    total.min, total.step = 1.0, 1.0  # positions 1 … 5: 1.75 is gone, 2 is the nearest
    assert (total.value, total.readout) == (2.0, "2.0")
    assert total.labels == ["1.0", "2.0", "3.0", "4.0", "5.0"]
    total.readout_format = ".2f"
    assert total.labels[0] == "1.00" and total.readout == "2.00"


def test_new_options_keep_the_choice_or_stay_at_the_same_place():
    choice = controls.SelectionSlider(options=["a", "b", "c", "d"], value="c", description="X")
    choice.options = [("first", "a"), ("third", "c")]
    assert (choice.value, choice.index, choice.labels) == ("c", 1, ["first", "third"])
    choice.options = ["p", "q", "r"]  # "c" is gone: the slider stays at position 1
    assert (choice.value, choice.index) == ("q", 1)
    choice.options = ["z"]
    assert (choice.value, choice.index) == ("z", 0)


def test_an_impossible_range_is_refused_and_changes_nothing():
    slider = controls.IntSlider(value=3, min=1, max=5, description="n")
    with pytest.raises(traitlets.TraitError, match="must not be above"):
        slider.min = 6
    with pytest.raises(traitlets.TraitError, match="positive"):
        slider.step = 0
    assert (slider.min, slider.max, slider.step, slider.value) == (1, 5, 1, 3)


def test_a_range_from_numpy_or_a_count_is_accepted_as_ipywidgets_accepts_it():
    slider = controls.IntSlider(value=2, min=1, max=np.int64(4), description="n")
    slider.max = np.int64(6)
    assert slider.labels == ["1", "2", "3", "4", "5", "6"] and slider.value == 2
    total = controls.FloatSlider(
        value=1, min=0, max=np.float64(2.0), step=0.5, readout_format=".1f"
    )
    assert total.labels == ["0.0", "0.5", "1.0", "1.5", "2.0"] and total.value == 1.0


def test_a_range_a_keyboard_cannot_walk_is_refused():
    with pytest.raises(traitlets.TraitError, match="use a larger step"):
        controls.FloatSlider(value=0, min=0, max=1e9, step=1e-9, description="ε")
    slider = controls.IntSlider(value=200, min=200, max=300, description="n")  # min > default max
    with pytest.raises(traitlets.TraitError, match="more than 10001 positions"):
        slider.max = 10**9
    assert slider.labels[-1] == "300" and slider.value == 200
