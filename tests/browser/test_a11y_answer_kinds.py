"""Every kind of answer control in JupyterLab: answered from the keyboard, seen, and audited by axe.

A notebook written to a folder of its own (served by the session's JupyterLab) shows one control of
each kind :mod:`osmosis_lab.explorers.answers` builds (choice, picks, pair, pairs, number, phrase,
and an ordering, which no lesson asks yet: its exercise is made here). Each is answered from the
keyboard (some right, some wrong, so both a "Correct!" and a "Not yet:" verdict are on screen) and
checked; then each control's output is photographed (``<kind>.png`` in the session's screenshot
folder, for a person to look at) and audited by axe-core, which must find no serious or critical
violation.
The lessons' own audits (``test_lesson_NN.py``) see the controls only unanswered, after Run All.
"""

from __future__ import annotations

import nbformat
import pytest

from osmosis_lab.check import Check
from osmosis_lab.check.exercise import KINDS, Exercise
from osmosis_lab.check.exercises import exercise

from .harness import LabPage, plain
from .harness.answers import answer, shown

STEPS = ("ask the first choice", "hold the best offer", "reject the others", "ask the next one")

#: The ordering exercise, made the same way in the notebook and here.
ORDERING = (
    "Exercise(Check('order_the_steps', 'Put one round of deferred acceptance in order.', "
    f"lambda a: a == {STEPS!r}, 'Ask, hold the best, reject the rest, ask again.'), "
    f"'00_start_here', 'steps', 'ordering', {'steps = ' + repr(STEPS)!r}, '.', "
    f"options={tuple(reversed(STEPS))!r})"
)

#: kind -> (the exercise, as the notebook builds it, the answer typed or chosen, verdict's start)
GALLERY = {
    "choice": ('"youngest_tester"', "Niels Larson", "Correct!"),
    "picks": ('"who_consents_for_niels"', ["Niels"], "Not yet:"),
    "pair": ('"find_a_blocking_pair"', ("beta", "C"), "Correct!"),
    "pairs": ('"hand_matching"', {"Ada": "X", "Ben": "W", "Cyd": "Z", "Dev": "Y"}, "Not yet:"),
    "number": ('"count_the_testers"', "a dozen or so", "Not attempted yet:"),
    "phrase": ('"consent_is_specific"', "not allowed, wrong purpose", "Correct!"),
    "ordering": (ORDERING, list(STEPS), "Correct!"),
}

SETUP = (
    "from osmosis_lab.check import Check\n"
    "from osmosis_lab.check.exercise import Exercise\n"
    "from osmosis_lab.explorers.answers import answer_control"
)


def _exercise(kind: str) -> Exercise:
    """The exercise the notebook's control of ``kind`` shows, made here too."""
    if kind == "ordering":  # the notebook's own source, so both are the same exercise
        return eval(ORDERING, {"Exercise": Exercise, "Check": Check})
    return exercise(GALLERY[kind][0].strip('"'))


@pytest.fixture(scope="module")
def gallery(chromium, screenshots, lab_server):
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
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = LabPage(context.new_page(), lab_server, screenshots)
    tab.open("answer-kinds/answer_kinds.ipynb").run_all()
    for i, (kind, (_, value, _)) in enumerate(GALLERY.items()):
        out = _output(tab, i + 1)
        answer(tab, out, _exercise(kind), value)
        out.evaluate(f"o => o.setAttribute('data-answer-kind', '{kind}')")
    yield tab
    tab.close()
    context.close()


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
