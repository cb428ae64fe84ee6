"""Answers are kept (issue 13): answered from the keyboard, found again after a reload and a restart.

For one or two exercises of every lesson, a learner who signs in, answers the exercise's answer
control from the keyboard only (Tab, Space, typing, Enter) and presses Check then:

1. saves and reloads the page: the same answer and verdict are shown (the widgets drawn again from
   the running kernel); running the cells again, new controls show them too (from the record);
2. restarts the kernel (Kernel > Restart Kernel…), runs the cells again and signs in again: the
   control first says it keeps nothing yet, then shows the same answer and verdict.

The record file then holds the first answer and the number of tries. Each lesson runs in the tab
its browser modules share (``conftest.Tabs``; ``tests/scheduling.py`` sends this file's test of
a lesson to that lesson's worker), in the session's served copy of the lessons, so the records are
written there, never into the repository or a home folder. The test saves the notebook, so it takes
the tab last (``SAVES_THE_LESSON``) and puts the file back as it was. After the
first Run All, only the setup, sign-in and answer cells run again (what brings the answers back),
so each lesson runs whole once.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

import pytest

from osmosis_lab.check.exercises import exercise
from osmosis_lab.records import learner_key

from .conftest import _report_failure
from .harness import LabPage, plain
from .harness.answers import answer, keys, shown

LEARNER = "Zoé Keyboard"


@dataclass(frozen=True)
class Answer:
    """One exercise answered from the keyboard: each try's answer (the last is kept) and the
    verdict the learner then reads (its first words)."""

    exercise: str
    tries: tuple
    verdict: str


#: Not the prediction prompts (another change gates their reveal). Every kind the lessons use is
#: here: choice, pairs, pair, picks, phrase, number; some end on a hint (a verdict is kept, not
#: only "correct"), some take two tries (first answer and tries are recorded).
PLAN = {
    "00_start_here": [Answer("youngest_tester", ("Ana Stern", "Niels Larson"), "Correct!")],
    "01_what_is_a_match": [
        Answer("hand_matching", ({"Ada": "X", "Ben": "Y", "Cyd": "Z", "Dev": "W"},), "Correct!"),
        Answer("find_a_blocking_pair", (("alpha", "A"),), "Not yet:"),
    ],
    "02_consent": [
        Answer("consent_is_specific", ("Not allowed: wrong purpose",), "Correct!"),
        Answer("who_consents_for_niels", (["his mother"], ["Niels", "his mother"]), "Correct!"),
    ],
    "03_privacy": [Answer("reidentified_testers", ("3",), "Not yet:")],
    "04_trust": [Answer("best_overconfidence", (1.0, 0.2), "Correct!")],
    "05_design_review": [Answer("review_proposing_side", ("neither",), "Correct!")],
}

#: The index of the first code cell whose source contains ``text``, and its widget's model id.
CELL = """
([path, text]) => {
  const cells = window.__osmosisPanel(path).content.widgets;
  const i = cells.findIndex(c => c.model.type === 'code'
                                 && c.model.sharedModel.getSource().includes(text));
  if (i < 0) return null;
  const outs = cells[i].model.outputs;
  const view = outs.length ? outs.get(0).data['application/vnd.jupyter.widget-view+json'] : null;
  return {index: i, model: view ? view.model_id : null, outputs: outs.length};
}
"""

#: This file's test saves its lesson: ``conftest`` runs it after the lesson's other browser tests
#: (``tests/scheduling.py`` sends each lesson's test to that lesson's worker, by the parameter,
#: ``[03_privacy]``), and the file is put back before the tab is handed on.
SAVES_THE_LESSON = True


@pytest.fixture
def lesson_tab(tabs, request):
    """The tab of the test's lesson after Run All (handed on from its other modules, else
    opened); after the test the lesson file is put back as it was, and the tab, unless the
    test failed, is kept for another notebook (its lesson, saved and changed, is closed
    unsaved when the next borrower opens one: ``LabPage.open``)."""
    notebook = f"lessons/{request.node.callspec.params['lesson']}.ipynb"
    path = tabs.server.root / notebook
    original = path.read_bytes()
    tab = tabs.take(notebook, run=True)
    tab.page.on("dialog", _accept)  # "leave the page?" on reload
    failed = True  # unless the test ran to the end and passed
    try:
        yield tab
        rep_call = getattr(request.node, "rep_call", None)
        failed = rep_call is None or rep_call.failed
    finally:
        _report_failure(tab, tabs.server, failed)
        tab.page.remove_listener("dialog", _accept)  # the next borrower meets dialogs as is
        path.write_bytes(original)  # saved on purpose: the next test opens it as it was
        tabs.give_back(tab, keep=not failed)


def _accept(dialog) -> None:
    dialog.accept()


# --- the notebook ----------------------------------------------------------------------------


def _cell(lab: LabPage, text: str) -> dict:
    found = lab.page.evaluate(CELL, [lab.path, text])
    assert found is not None, f"{lab.path}: no cell runs {text!r}"
    return found


def _output(lab: LabPage, index: int):
    return lab.notebook.locator(".jp-Cell").nth(index).locator(".jp-OutputArea-output").first


def _sign_in(lab: LabPage) -> str:
    """Type the name in the sign-in box, Tab to "Open my work", Enter; return what it says."""
    box = lab.control("Your name or pseudonym")
    box.type(LEARNER, submit=False)
    keys(lab, "Tab")
    assert plain(lab.page.evaluate("() => document.activeElement.textContent")) == "Open my work"
    keys(lab, "Enter")
    return box.region_text()


def _restart_from_the_menu(lab: LabPage) -> None:
    """Kernel > Restart Kernel…, then the dialog's Restart, as a learner does."""
    lab.page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
    lab.page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel…").first.click()
    lab.page.locator(".jp-Dialog .jp-mod-accept").click()
    lab.page.wait_for_timeout(500)
    lab.wait_kernel_ready()


def _shown(lab: LabPage, plan: list[Answer]) -> dict:
    return {a.exercise: shown(_output(lab, _cell(lab, f'"{a.exercise}"')["index"])) for a in plan}


def _shown_soon(lab: LabPage, plan: list[Answer], expected: dict, seconds: float = 30) -> dict:
    """What the controls show, once they show ``expected`` or after ``seconds``.

    After a reload JupyterLab draws each widget when its model arrives from the kernel, a
    while after the kernel is idle; on a loaded machine lesson 04's came after the check (one
    CI run). Waiting for the answer to appear, not for a fixed time, keeps the test exact.
    """
    deadline = time.monotonic() + seconds
    while (now := _shown(lab, plan)) != expected and time.monotonic() < deadline:
        lab.page.wait_for_timeout(250)
    return now


# --- the test --------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", sorted(PLAN))
def test_answers_come_back_after_a_reload_and_a_restart(
    lesson_tab, lab_server, screenshots, lesson
):
    plan, tab = PLAN[lesson], lesson_tab
    assert not _problems(tab)
    said = _sign_in(tab)
    assert f"Signed in as {LEARNER}." in said and "0 answers kept" in said, said

    for item in plan:
        out = _output(tab, _cell(tab, f'"{item.exercise}"')["index"])
        for value in item.tries:
            answer(tab, out, exercise(item.exercise), value)
        now = shown(out)
        assert now["verdict"].startswith(item.verdict), (item, now)
        assert f"Checked answers are kept for {LEARNER} on this machine." in plain(out.inner_text())
        out.screenshot(path=str(screenshots / f"{lesson}-{item.exercise}.png"))
    answered = _shown(tab, plan)
    setup = _cell(tab, "import ")["index"]
    sign_in = _cell(tab, "my_work.sign_in(")["index"]
    cells = [setup, sign_in] + [_cell(tab, f'"{a.exercise}"')["index"] for a in plan]
    models = {a.exercise: _cell(tab, f'"{a.exercise}"')["model"] for a in plan}

    # 1. reload, the notebook saved (as JupyterLab's autosave does): the outputs come back,
    # drawn from the kernel that still runs…
    # the command's promise settles once the file is written: wait on that, not a fixed time
    tab.call(
        "async () => { await window.jupyterapp.commands.execute('docmanager:save'); }",
        step="saving the notebook",
    )
    tab.page.reload()
    tab.wait_kernel_ready()
    tab.settle()
    assert _shown_soon(tab, plan, answered) == answered, (
        "after a reload the answers were not shown again"
    )
    # …and running the cells again builds new controls that find the answers in the record
    tab.run_cells(cells)
    assert f"Signed in as {LEARNER}." in tab.output_text("Signed in as")
    assert _shown_soon(tab, plan, answered) == answered, (
        "after a reload the answers were not found again"
    )
    assert all(_cell(tab, f'"{a.exercise}"')["model"] != models[a.exercise] for a in plan)

    # 2. restart from the Kernel menu, run the cells again: nobody is signed in, nothing shown…
    _restart_from_the_menu(tab)
    tab.run_cells(cells)
    for item in plan:
        out = _output(tab, _cell(tab, f'"{item.exercise}"')["index"])
        assert "not kept until you sign in" in plain(out.inner_text())
        assert shown(out)["verdict"] == ""
    # …until the learner signs in again
    said = _sign_in(tab)
    assert f"{len(plan)} answer{'s' if len(plan) > 1 else ''} kept in this lesson" in said, said
    assert _shown_soon(tab, plan, answered) == answered, (
        "after a restart the answers were not found again"
    )
    assert not _problems(tab, cells)

    # the record: where the lesson runs (the copy), the last answer, the first one and the tries
    folder = lab_server.root / "lessons"
    record = json.loads((folder / f"osmosis_work_{learner_key(LEARNER)}.json").read_text("utf-8"))
    kept = record["sections"][lesson]["fields"]
    for item in plan:
        first, *_, last = (_as_kept(item.tries[0]), _as_kept(item.tries[-1]))
        assert kept[item.exercise]["tries"] == len(item.tries), kept[item.exercise]
        assert kept[item.exercise]["first_answer"] == first
        assert kept[item.exercise]["answer"] == last


def _problems(lab: LabPage, cells: list[int] | None = None) -> list[str]:
    """What a learner would see go wrong (in ``cells`` only, if given: the others are "not run"
    after a restart)."""
    return [
        p
        for p in lab.problems()
        if not (cells is not None and p.startswith("cell ") and int(p.split()[1]) not in cells)
    ]


def _as_kept(answer):
    """An answer as the record keeps it (JSON: tuples become lists)."""
    return json.loads(json.dumps(answer))
