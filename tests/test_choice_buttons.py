"""The lessons' choice buttons (``controls.ToggleButtons``): ipywidgets' Python interface, a radio
group in the browser.

ipywidgets' own ``ToggleButtons`` is the oracle for the Python side: the same construction and the
same sequence of changes give the same ``value``, ``index`` and ``label``, and the same changes
reach ``observe(names="value")``. The browser side (``choice_buttons.js``) is tested in
``tests/browser/test_choice_radio_group.py``; here, what the browser is sent and what it may send.
"""

import re
from pathlib import Path

import comm
import ipywidgets as widgets
import pytest
import traitlets

from osmosis_lab.explorers import controls
from osmosis_lab.explorers.choice_buttons import ToggleButtons
from osmosis_lab.site.widgets import render_widget
from sequences import KernelLikeComm, LogProblems, update
from test_explorer_controls import sent_states
from test_site import saved_state

PACKAGE = Path(__file__).resolve().parents[1] / "widgets" / "osmosis_lab"

#: Constructions the lessons use (strings, pairs, a value, None, an index, a label, nothing).
MADE = [
    {"options": ["Niels", "Ana", "Lucas"]},
    {"options": ["Niels", "Ana", "Lucas"], "value": "Ana"},
    {"options": [("First side proposes", "first"), ("Other side", "second")], "value": "second"},
    {"options": [("Accept", "accept"), ("Reject", "reject")], "value": None},
    {"options": [("1", 1), ("2", 2), ("3", 3)], "index": 2},
    {"options": ["a", "b"], "label": "b"},
    {"options": ()},
]
#: Changes the explorers make, in order, each as (trait, new value).
CHANGES = [
    ("value", "Lucas"),
    ("index", 0),
    ("value", None),
    ("label", "Ana"),
    ("options", ["x", "y"]),  # new options: ipywidgets chooses the first
    ("value", "y"),
    ("options", ["y", "z"]),  # still the first, even though "y" is there
    ("options", ()),
]


def state(widget) -> tuple:
    return widget.value, widget.index, widget.label


@pytest.mark.parametrize("made", MADE, ids=range(len(MADE)))
def test_made_as_ipywidgets_makes_it(made):
    assert state(ToggleButtons(**made)) == state(widgets.ToggleButtons(**made))


def test_the_same_changes_give_the_same_choice_and_the_same_observed_values():
    ours = ToggleButtons(options=["Niels", "Ana", "Lucas"], description="Tester")
    theirs = widgets.ToggleButtons(options=["Niels", "Ana", "Lucas"], description="Tester")
    seen = {id(ours): [], id(theirs): []}
    for widget in (ours, theirs):
        widget.observe(lambda c, w=widget: seen[id(w)].append((c["new"], w.label)), names="value")
    for name, new in CHANGES:
        setattr(ours, name, new)
        setattr(theirs, name, new)
        assert state(ours) == state(theirs), f"after {name} = {new!r}"
    # an observer of value already reads the new label (answer controls say it aloud)
    assert seen[id(ours)] == seen[id(theirs)] == [
        ("Lucas", "Lucas"), ("Niels", "Niels"), (None, None), ("Ana", "Ana"), ("x", "x"),
        ("y", "y"), (None, None),
    ]  # fmt: skip


@pytest.mark.parametrize(("name", "bad"), [("value", "nobody"), ("label", "Nobody"), ("index", 3)])
def test_a_choice_that_is_not_an_option_is_refused_as_ipywidgets_refuses_it(name, bad):
    ours, theirs = (
        cls(options=["a", "b", "c"], value="b") for cls in (ToggleButtons, widgets.ToggleButtons)
    )
    for widget in (ours, theirs):
        with pytest.raises(traitlets.TraitError):
            setattr(widget, name, bad)
    assert state(ours) == state(theirs) == ("b", 1, "b")


def test_the_browser_gets_labels_index_and_how_to_draw_them():
    group = ToggleButtons(
        options=[("Yes", 1), ("No", 0)], value=0, description="Your call", tooltips=["y", "n"],
        disabled=True, button_style="info",
        style={"description_width": "initial", "button_width": "9em"},
    )  # fmt: skip
    got = group.get_state()
    assert {k: got[k] for k in ("_options_labels", "index", "description", "tooltips")} == {
        "_options_labels": ("Yes", "No"), "index": 1, "description": "Your call",
        "tooltips": ["y", "n"],
    }  # fmt: skip
    assert (got["disabled"], got["button_style"]) == (True, "info")
    assert (got["description_width"], got["button_width"]) == ("initial", "9em")
    assert "value" not in got and "label" not in got  # the browser talks in positions only


def test_new_options_reach_the_browser_with_their_index_in_one_message():
    group = ToggleButtons(options=["-"], value=None, description="Who lies?")
    sent = sent_states(group)
    group.options = ["Ana", "Niels"]
    assert sent == [{"_options_labels": ("Ana", "Niels"), "index": 0}]


def test_a_click_in_the_browser_chooses_and_is_observed(monkeypatch):
    monkeypatch.setattr(
        comm, "create_comm", KernelLikeComm
    )  # its echo is serialised as a kernel does
    group = controls.ToggleButtons(options=[("Accept", "accept"), ("Reject", "reject")], value=None)
    seen = []
    group.observe(lambda c: seen.append(c["new"]), names="value")
    with LogProblems() as problems:
        update(group, index=1)
    assert (group.value, group.label, seen, problems.found) == ("reject", "Reject", ["reject"], [])


def test_a_static_page_reads_the_choice_and_lists_the_options_of_an_unanswered_one():
    chosen = ToggleButtons(options=["men", "women"], value="men", description="Proposers")
    assert "Control: Proposers = men" in render_widget(chosen.model_id, saved_state(chosen))
    asked = ToggleButtons(options=["Yes", "No"], value=None, description="Your call")
    page = render_widget(asked.model_id, saved_state(asked))
    assert "Your call = (none)" in page and "Options: Yes · No" in page


def test_no_choice_buttons_are_made_from_ipywidgets_directly():
    """ipywidgets' ToggleButtons show the choice by colour only: every group is a radio group."""
    pattern = re.compile(
        r"\bwidgets\.ToggleButtons\(|from ipywidgets import[^\n]*\bToggleButtons\b"
    )
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == [], (
        "make choice buttons with osmosis_lab.explorers.controls.ToggleButtons:\n"
        + ("\n".join(found))
    )
