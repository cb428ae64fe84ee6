"""A kernel restart is announced to a screen reader once per page, politely, in the stopped words.

Walkthrough w48: after Kernel > Restart the stopped explorers said so only in CSS generated text,
read when a screen reader happens to reach a view; nothing was announced, so a blind learner went
on pressing dead buttons. ``osmosis_lab.explorers.stopped``'s carrier adds one polite live region
to the page. Here, on a notebook with three answer controls (three carriers): before the restart
the region is there and silent; after it the page holds the message exactly once, in a polite
live region that is in Chromium's accessibility tree; Run All empties it, and the next restart
says it again. On the old carrier (a ``<style>`` in an HTML widget) no live region holds it.
"""

from __future__ import annotations

import pytest

from osmosis_lab.explorers.stopped import MESSAGE

from .harness import LabPage
from .harness.scratch import scratch_tab

#: Every live region on the page, as assistive technology treats them, with its words.
LIVE = """
() => Array.from(document.querySelectorAll('[aria-live], [role="status"], [role="alert"]'))
  .map(el => ({
    live: el.getAttribute('aria-live') || ({status: 'polite', alert: 'assertive'})[el.getAttribute('role')],
    text: el.textContent.trim(),
  }))
"""
EXERCISES = ["youngest_tester", "who_consents_for_niels", "count_the_testers"]


@pytest.fixture(scope="module")
def tab(tabs, request):
    cells = ["from osmosis_lab.explorers.answers import answer_control"] + [
        f"answer_control({name!r})" for name in EXERCISES
    ]
    notebook = "stopped-announced/stopped.ipynb"
    with scratch_tab(tabs, request, notebook, cells) as page:
        yield page


def saying(tab: LabPage) -> list[dict]:
    """The live regions whose words hold the stopped message."""
    return [r for r in tab.page.evaluate(LIVE) if MESSAGE in r["text"]]


def wait_for_message(tab: LabPage, *, present: bool) -> None:
    tab.wait_until(
        "([m, want]) => Array.from(document.querySelectorAll('[aria-live]'))"
        ".some(el => el.textContent.includes(m)) === want",
        [MESSAGE, present],
        step=f"waiting for the stopped message to be {'said' if present else 'gone'}",
        timeout=15,
    )


def in_accessibility_tree(tab: LabPage) -> list[str]:
    """The words of every status region Chromium's accessibility tree holds."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = cdp.send("Accessibility.queryAXTree", {"nodeId": root, "role": "status"})
        words = []
        for node in found["nodes"]:
            if node.get("ignored"):
                continue
            texts = cdp.send(
                "Accessibility.queryAXTree",
                {"backendNodeId": node["backendDOMNodeId"], "role": "StaticText"},
            )["nodes"]
            words.append(" ".join(t.get("name", {}).get("value", "") for t in texts))
        return words
    finally:
        cdp.detach()


def test_a_restart_is_announced_once_per_page_and_again_after_the_next_one(tab):
    carriers = tab.notebook.locator(".jp-OutputArea-output").count()
    assert carriers == len(EXERCISES), f"expected {len(EXERCISES)} controls, found {carriers}"
    tab.settle()
    assert not saying(tab), f"a live region says the kernel stopped before it did: {saying(tab)}"

    tab.restart_kernel()
    wait_for_message(tab, present=True)
    tab.settle()
    said = saying(tab)
    assert said == [{"live": "polite", "text": MESSAGE}], f"said {len(said)} times: {said}"
    heard = [w for w in in_accessibility_tree(tab) if MESSAGE in w]
    assert len(heard) == 1, f"Chromium's accessibility tree holds the message {len(heard)} times"

    tab.run_all()  # new views: nothing is stopped any more, and the region is emptied
    wait_for_message(tab, present=False)
    tab.restart_kernel()  # so that the next restart is news again
    wait_for_message(tab, present=True)
    assert [r["text"] for r in saying(tab)] == [MESSAGE]
    tab.assert_no_errors()
