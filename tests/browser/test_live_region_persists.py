"""Live regions a screen reader actually speaks, said once (walkthrough w50, in Chromium).

Many screen readers speak a live region's change only if the region element was on the page
before: a region that arrives already filled is often silent. Each feedback region was an
``aria-live`` element inside an ipywidgets HTML value, so every update replaced the element
itself; the Check verdict was two nested regions (can be spoken twice); and the sign-in box's
hint was live (said at every letter typed). Here, in JupyterLab: after two Checks the SAME
element (the DOM node marked before the first) holds the new verdict, exactly one live region
holds it, and typing a name changes no live region on the page, while signing in is said.

Shown to fail on the code before ``explorers.live``: the marked verdict region was gone after
the first Check (a new element held the verdict), two regions held it (the polite wrapper and
the status inside), and typing changed the sign-in box's region at each letter.
"""

from __future__ import annotations

import pytest

from osmosis_lab.check.exercises import exercise

from .harness import LabPage, plain
from .harness.answers import answer, keys
from .harness.scratch import scratch_tab

SETUP = "from osmosis_lab.explorers import my_work\nfrom osmosis_lab.explorers.answers import answer_control"
EXERCISE = "youngest_tester"
#: Mark every live region now in ``root`` (aria-live, or a role that implies it); then list,
#: for each region now, its text and whether it is one of those marked (the same DOM node, not
#: a new one with the same words).
MARK = """
root => root.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')
  .forEach(r => { r.__osmosisMarked = true; })
"""
READ = """
root => Array.from(root.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]'))
  .map(r => ({text: r.textContent, marked: r.__osmosisMarked === true}))
"""


@pytest.fixture(scope="module")
def page(tabs, request, lab_server):
    """A notebook with the sign-in box and one answer control, after Run All."""
    records = lab_server.root / "live-regions"  # the record is written next to the notebook
    cells = [
        SETUP,
        f"my_work.sign_in('00_start_here', folder={str(records)!r})",
        f"answer_control({EXERCISE!r})",
    ]
    notebook = "live-regions/live_regions.ipynb"
    with scratch_tab(tabs, request, notebook, cells) as tab:
        yield tab


def output(tab: LabPage, cell: int):
    return tab.notebook.locator(".jp-Cell").nth(cell).locator(".jp-OutputArea-output").first


def test_the_same_region_holds_each_new_verdict_and_only_one_holds_it(page):
    out = output(page, 2)
    task = exercise(EXERCISE)
    wrong = next(option for option in task.choices() if option != "Niels Larson")
    out.evaluate(MARK)
    for value, starts in ((wrong, "Not yet:"), ("Niels Larson", "Correct!")):
        answer(page, out, task, value)
        regions = out.evaluate(READ)
        holding = [r for r in regions if starts in r["text"]]
        assert len(holding) == 1, [plain(r["text"]) for r in holding]  # said once, not nested
        assert holding[0]["marked"], "the verdict is in a new region, not the one on the page"
    page.assert_no_errors()


def test_typing_a_name_changes_no_live_region_and_signing_in_is_said(page):
    out = output(page, 1)
    everywhere = page.notebook  # every region of every output, not only the sign-in box's
    everywhere.evaluate(MARK)
    before = everywhere.evaluate(READ)
    out.locator("input[type=text]").focus()
    for letter in "Inès":  # one key at a time: each reaches the kernel, and is answered
        sent = page.comm_sent()
        page.page.keyboard.type(letter)
        page.wait_for_keys(sent)
        assert everywhere.evaluate(READ) == before, f"a live region changed after {letter!r}"
    assert "keep your answers as Inès" in plain(out.inner_text())  # shown, not said
    keys(page, "Enter")
    regions = out.evaluate(READ)
    assert any("Signed in as Inès" in plain(r["text"]) for r in regions), regions
    assert all(r["marked"] for r in regions), "signing in replaced the region"
    page.assert_no_errors()
