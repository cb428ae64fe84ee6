"""Every kind of answer control in JupyterLab: answered from the keyboard, seen, and audited by axe.

A notebook written to a folder of its own (served by the session's JupyterLab) shows one control of
each kind :mod:`osmosis_lab.explorers.answers` builds (choice, picks, pair, pairs, number, phrase).
Each is answered from the keyboard (some right, some wrong, so both a "Correct!" and a "Not yet:"
verdict are on screen) and checked; then each control's output is photographed (``<kind>.png`` in
the session's screenshot folder, for a person to look at) and audited by axe-core, which must find
no serious or critical violation.
The lessons' own audits (``test_lesson_NN.py``) see the controls only unanswered, after Run All.
A selected option must differ from the others by more than colour: the mark is drawn before its
words, and Chromium's accessibility tree (through the DevTools protocol) says it is a checked radio
or checkbox, its name without the mark (heard once, as "checked").
"""

from __future__ import annotations

import nbformat
import pytest

from osmosis_lab.check.exercise import KINDS
from osmosis_lab.check.exercises import exercise
from osmosis_lab.explorers.answers import MARK

from .harness import LabPage, plain
from .harness.answers import answer, shown

#: kind -> (the exercise, as the notebook builds it, the answer typed or chosen, verdict's start)
GALLERY = {
    "choice": ('"youngest_tester"', "Niels Larson", "Correct!"),
    "picks": ('"who_consents_for_niels"', ["Niels"], "Not yet:"),
    "pair": ('"find_a_blocking_pair"', ("beta", "C"), "Correct!"),
    "pairs": (
        '"hand_matching"',
        {"Ada": "X", "Ben": "W", "Cyd": "Z", "Dev": "Y"},
        "Noted:",
    ),  # a prediction
    "number": ('"count_the_testers"', "a dozen or so", "Not read, not counted as a try:"),
    "phrase": ('"consent_is_specific"', "not allowed, wrong purpose", "Correct!"),
}

SETUP = "from osmosis_lab.explorers.answers import answer_control"
#: The kinds answered with toggle buttons (the others are typed).
TOGGLE_KINDS = [kind for kind in GALLERY if kind not in ("number", "phrase")]


def _exercise(kind: str):
    """The exercise the notebook's control of ``kind`` shows."""
    return exercise(GALLERY[kind][0].strip('"'))


@pytest.fixture(scope="module")
def gallery(tabs, request, lab_server):
    """The gallery notebook after Run All, each control answered from the keyboard."""
    root = lab_server.root / "answer-kinds"  # one JupyterLab per session (issue 16)
    root.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(SETUP)] + [
        nbformat.v4.new_code_cell(f"answer_control({source})") for source, *_ in GALLERY.values()
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}  # fmt: skip
    nbformat.write(notebook, root / "answer_kinds.ipynb")
    with tabs.lend(request, "answer-kinds/answer_kinds.ipynb", run=True) as tab:
        for i, (kind, (_, value, _)) in enumerate(GALLERY.items()):
            out = _output(tab, i + 1)
            answer(tab, out, _exercise(kind), value)
            out.evaluate(f"o => o.setAttribute('data-answer-kind', '{kind}')")
        yield tab


def _output(tab: LabPage, cell: int):
    return tab.notebook.locator(".jp-Cell").nth(cell).locator(".jp-OutputArea-output").first


def test_the_gallery_shows_every_kind_the_controls_build():
    assert set(GALLERY) == set(KINDS)


@pytest.mark.parametrize("kind", list(GALLERY))
def test_each_kind_answered_from_the_keyboard_passes_axe(gallery, screenshots, kind):
    out = gallery.notebook.locator(f'[data-answer-kind="{kind}"]')
    said = shown(out)
    assert said["verdict"].startswith(GALLERY[kind][2]), said
    assert said["selection"].startswith("Your answer:") and "nothing" not in said["selection"]
    out.screenshot(path=str(screenshots / f"answer-kind-{kind}.png"))
    report = gallery.axe_audit(scope=f'[data-answer-kind="{kind}"]')
    assert report.passes > 0, "axe judged nothing: the scope found no control"
    assert not report.failing, f"{kind}: " + report.describe(report.failing)
    print(f"{kind}: axe {report.counts()}, {report.passes} rules passed; {plain(said['verdict'])}")
    gallery.assert_no_errors()


def _toggles_as_read(tab: LabPage, out) -> list[tuple[bool, str, str, str]]:
    """(pressed, Chromium's accessible name, the text drawn before the words, the role and
    checked state Chromium gives it) of each toggle."""
    buttons = out.locator(".widget-toggle-button")
    cdp = tab.page.context.new_cdp_session(tab.page)
    found = []
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        for i in range(buttons.count()):
            button = buttons.nth(i)
            button.evaluate("b => b.setAttribute('data-probe', 'a11y-name')")
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-probe]"})
            ax = cdp.send(
                "Accessibility.getPartialAXTree",
                {"nodeId": node["nodeId"], "fetchRelatives": False},
            )["nodes"][0]
            pressed, before = button.evaluate(
                "b => { b.removeAttribute('data-probe');"
                " return [b.classList.contains('mod-active'),"
                " getComputedStyle(b, '::before').content]; }"
            )
            checked = {p["name"]: p["value"]["value"] for p in ax.get("properties", [])}
            state = f"{ax['role']['value']} checked={checked.get('checked', 'none')}"
            found.append((pressed, ax["name"]["value"], before, state))
    finally:
        cdp.detach()
    return found


@pytest.mark.parametrize("kind", TOGGLE_KINDS)
def test_a_selected_button_differs_by_more_than_colour(gallery, kind):
    out = gallery.notebook.locator(f'[data-answer-kind="{kind}"]')
    toggles = _toggles_as_read(gallery, out)
    pressed = [(name, before, state) for on, name, before, state in toggles if on]
    others = [(name, before, state) for on, name, before, state in toggles if not on]
    assert pressed and others, toggles
    # radios (choice, pair, pairs) and checkboxes (picks): seen as the mark, heard as "checked",
    # once (w48); a toggle that says no state would carry the mark in its name instead
    role = "checkbox" if kind == "picks" else "radio"
    for name, before, state in pressed:
        assert MARK.strip() in before and MARK.strip() not in name, (kind, name, before)
        assert state == f"{role} checked=true", (kind, name, state)
    for name, before, state in others:
        assert MARK.strip() not in name and before in ("none", "normal"), (kind, name, before)
        assert state == f"{role} checked=false", (kind, name, state)
