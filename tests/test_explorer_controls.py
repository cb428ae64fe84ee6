"""Every explorer can be operated from the keyboard inside JupyterLab, and every control is labelled.

Explorers are found by walking ``osmosis_lab.explorers``: every subclass of
``Explorer`` is built with ``with_lesson_data()``, as its lesson builds it.
"""

import importlib
import inspect
import pkgutil

import ipywidgets as widgets
import pytest

from osmosis_lab import explorers
from osmosis_lab.explorers.base import INTERACTIVE, Explorer, descendants

# In a notebook's command mode JupyterLab takes arrow and letter keys on these
# as notebook shortcuts: a keyboard user cannot change their value.
KEYBOARD_TRAPS = (widgets.Dropdown, widgets.RadioButtons, widgets.Select, widgets.SelectMultiple)


def explorer_classes() -> list[type[Explorer]]:
    found = {}
    for info in pkgutil.iter_modules(explorers.__path__):
        module = importlib.import_module(f"{explorers.__name__}.{info.name}")
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, Explorer)
                and value is not Explorer
                and not inspect.isabstract(value)
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


CLASSES = explorer_classes()


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
    assert isinstance(explorer.summary, widgets.HTML) and explorer.summary.value.strip()
    assert set(explorer.controls()) <= set(descendants(explorer.view))
    assert all(isinstance(c, INTERACTIVE) for c in explorer.controls())
