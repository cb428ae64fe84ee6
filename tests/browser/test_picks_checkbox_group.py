"""A row of picks ("pick all that apply") is a group of checkboxes a screen reader can tell apart.

Walkthrough w48: the picks of an answer control (lesson 05's "which rows change?", lesson 02's
"who consents for Niels?") were plain ipywidgets ``ToggleButton`` widgets; a screen reader heard
"✓ Niels, button" for a picked one and "Niels, button" for the other, with no state at all.
``controls.PickButtons`` draws the WAI-ARIA checkbox pattern. Here, in JupyterLab, Chromium's own
accessibility tree (through the DevTools protocol) is read before and after picking from the
keyboard: the group's role and name, each option's role, name (without the "✓", which is drawn,
not said) and checked state, and the focus staying with the option that Space flipped. On the
old buttons the first test finds role "button" and no checked state.
"""

from __future__ import annotations

import pytest

from osmosis_lab.check.exercises import exercise
from osmosis_lab.explorers.answer_inputs import PICKS_DESCRIPTION
from osmosis_lab.explorers.answers import MARK

from .harness import LabPage, plain
from .harness.answers import focused_in, keys, shown
from .harness.scratch import scratch_tab

EXERCISE = exercise("who_consents_for_niels")  # two options: "Niels", "his mother"
LABELS = [EXERCISE.label(o) for o in EXERCISE.choices()]


@pytest.fixture(scope="module")
def picks(tabs, request):
    """A notebook with one picks control after Run All, and the control's output."""
    cells = [
        "from osmosis_lab.explorers.answers import answer_control",
        f"answer_control({EXERCISE.name!r})",
    ]
    with scratch_tab(tabs, request, "picks-group/picks.ipynb", cells) as tab:
        yield tab, tab.notebook.locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output").first


def _as_read(tab: LabPage, locator) -> dict:
    """Chromium's accessibility node for ``locator``'s element: role, name, checked state."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    try:
        locator.evaluate("el => el.setAttribute('data-probe', 'ax')")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-probe='ax']"})
        ax = cdp.send(
            "Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False}
        )["nodes"][0]
        locator.evaluate("el => el.removeAttribute('data-probe')")
    finally:
        cdp.detach()
    props = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
    return {
        "role": ax["role"]["value"],
        "name": plain(ax.get("name", {}).get("value", "")),
        "checked": props.get("checked", "none"),
        "focusable": bool(props.get("focusable")),
    }


def _options(tab: LabPage, out) -> list[dict]:
    buttons = out.locator(".widget-toggle-button")
    return [_as_read(tab, buttons.nth(i)) for i in range(buttons.count())]


def _options_with_marks(tab: LabPage, out) -> list[tuple[str, str, str]]:
    """(name, checked, the text drawn before the words) of each option."""
    buttons = out.locator(".widget-toggle-button")
    drawn = [
        buttons.nth(i).evaluate("b => getComputedStyle(b, '::before').content")
        for i in range(buttons.count())
    ]
    return [(o["name"], o["checked"], d) for o, d in zip(_options(tab, out), drawn, strict=True)]


def test_the_picks_are_checkboxes_in_a_group_named_by_its_label(picks):
    tab, out = picks
    groups = out.locator('[role="group"]')
    assert groups.count() == 1, "the picks are not in a group: no role='group' in the control"
    group = _as_read(tab, groups)
    assert (group["role"], group["name"]) == ("group", PICKS_DESCRIPTION), group
    options = _options(tab, out)
    want = [{"role": "checkbox", "name": label, "checked": "false", "focusable": True}
            for label in LABELS]  # fmt: skip
    assert options == want, options


def test_space_flips_one_option_and_the_tree_says_so_without_a_second_mark(picks):
    tab, out = picks
    out.locator(".widget-toggle-button").first.focus()  # Tab from the cell lands here
    assert focused_in(out) == LABELS[0]
    keys(tab, "Space")
    assert focused_in(out) == LABELS[0], "Space moved the focus: JupyterLab took it"
    # picked: heard as "checked", seen as the mark, and the mark is not said as part of the name
    first, second = _options_with_marks(tab, out)
    assert first[:2] == (LABELS[0], "true"), first
    assert MARK.strip() in first[2] and MARK.strip() not in first[0], first
    assert second[:2] == (LABELS[1], "false") and MARK.strip() not in second[2], second
    assert shown(out)["selection"] == f"Your answer: {LABELS[0]}"

    keys(tab, "Tab")  # each checkbox is a Tab stop
    assert focused_in(out) == LABELS[1]
    keys(tab, "Space")
    assert [o[1] for o in _options_with_marks(tab, out)] == ["true", "true"]
    assert shown(out)["selection"] == f"Your answer: {LABELS[0]}, {LABELS[1]}"
    keys(tab, "Space")  # and off again: the other one stays picked
    assert [o[1] for o in _options_with_marks(tab, out)] == ["true", "false"]
    assert shown(out)["selection"] == f"Your answer: {LABELS[0]}"

    keys(tab, "Tab")
    assert focused_in(out) == "Check", "Tab from the last option goes on to Check"
    keys(tab, "Enter")
    assert shown(out)["verdict"].startswith("Not yet:"), shown(out)  # Niels alone is not enough
    tab.assert_no_errors()
