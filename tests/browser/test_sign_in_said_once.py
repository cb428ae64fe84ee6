"""In Chromium, the sign-in box's live region speaks at the sign-in, not at each Check after it.

Issue 12: the sign-in box's status also held the count of kept answers, so every Check re-read
the whole sign-in to a screen reader. A MutationObserver on the box's live region records each
text it comes to hold while a learner signs in and checks three answers: one text, the sign-in;
the count shown under it says 3. On the old box it recorded four (the sign-in, then once per
Check). Headless, with the sign-out too: ``tests/test_sign_in_said_once.py``.
"""

from __future__ import annotations

import pytest

from osmosis_lab.check.exercises import exercise

from .harness import LabPage, plain
from .harness.answers import answer, keys
from .harness.scratch import scratch_tab

SETUP = "from osmosis_lab.explorers import my_work\nfrom osmosis_lab.explorers.answers import answer_control"
#: Three exercises of lesson 05 and the answer checked in each.
ANSWERS = {
    "review_proposing_side": "testers",
    "still_learned_prediction": "nothing at all",
    "outage_with_human_only_prediction": "about half",
}
#: Record every text the live region in ``out`` comes to hold, from now on.
WATCH = """
out => {
  const region = out.querySelector('.osmosis-live [role=status]');
  window.__osmosisSaid = [];
  new MutationObserver(() => window.__osmosisSaid.push(region.textContent))
    .observe(region, {childList: true, subtree: true, characterData: true});
}
"""


@pytest.fixture(scope="module")
def tab(tabs, request, lab_server):
    records = lab_server.root / "sign-in-said"
    cells = [SETUP, f"my_work.sign_in('05_design_review', folder={str(records)!r})"]
    cells += [f"answer_control({name!r})" for name in ANSWERS]
    with scratch_tab(tabs, request, "sign-in-said/said.ipynb", cells) as page:
        yield page


def output(tab: LabPage, cell: int):
    return tab.notebook.locator(".jp-Cell").nth(cell).locator(".jp-OutputArea-output").first


def test_the_sign_in_is_said_once_and_the_checks_do_not_say_it_again(tab):
    door = output(tab, 1)
    door.evaluate(WATCH)
    door.locator("input[type=text]").focus()
    keys(tab, text="Zoé Said")
    door.locator("button", has_text="Open my work").click()
    tab.wait_until(
        "() => window.__osmosisSaid.some(t => t.includes('Signed in as'))",
        step="waiting for the sign-in to be said",
        timeout=15,
    )
    for cell, (name, value) in enumerate(ANSWERS.items(), start=2):
        answer(tab, output(tab, cell), exercise(name), value)
    tab.settle()
    said = [plain(text) for text in tab.page.evaluate("() => window.__osmosisSaid")]
    said = [text for i, text in enumerate(said) if i == 0 or text != said[i - 1]]
    assert len(said) == 1 and said[0].startswith("Signed in as Zoé Said."), said
    assert "3 answers kept in this lesson so far." in plain(door.inner_text())
    tab.assert_no_errors()
