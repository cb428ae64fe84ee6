"""Explorers a kernel restart left on screen look and behave stopped, and say what to do.

Learners restarted the kernel (or it died) and went on dragging the old explorers' sliders and
pressing their buttons: JupyterLab keeps the views drawn, nothing reached the new kernel, and
nothing said why. ``osmosis_lab.explorers.stopped`` styles every view ipywidgets marks as
disconnected. This test takes a lesson run whole (its tab as the lesson's other browser modules
left it, the kernel the one that ran it all), restarts its kernel, and checks every widget output
the lesson showed (every explorer, answer control, sign-in box): it says ``MESSAGE``, in the
accessibility tree too, and none of its controls takes the focus or a click; after Run All the
new views say nothing of the kind and work. Screenshots: ``<lesson>-before-restart.png``,
``-after-restart.png`` and ``-run-again.png`` in the session's screenshot folder.
"""

import pytest

from osmosis_lab.explorers.stopped import MESSAGE

LESSONS = ["00_start_here", "03_privacy"]
#: One test per lesson on the lesson's tab after its other modules: ``tests/scheduling.py``
#: sends each to its lesson's worker, the browser conftest runs it after them (issue 16: it
#: needs a lesson run whole, and they leave one).
AFTER_THE_LESSON = True

#: Each cell output that shows a widget: the message its outermost view shows before itself,
#: and each of its controls: does it take the focus, and does a click at its centre reach it?
VIEWS = """
(root) => {
  const views = Array.from(root.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets'))
    .filter(v => !v.parentElement.closest('.jupyter-widgets'));
  return views.map((view, index) => {
    const before = getComputedStyle(view, '::before').content;
    const controls = Array.from(view.querySelectorAll(
        'button, input, select, textarea, .noUi-handle, [tabindex]:not([tabindex="-1"])'))
      .filter(el => el.getClientRects().length && !el.disabled
                    && !el.closest('.vega-embed, .jp-RenderedVegaCommon5'));
    const live = controls.map(el => {
      el.scrollIntoView({block: 'center'});
      el.focus();
      const focused = document.activeElement === el;
      el.blur();
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {focused, clicked: !!hit && (hit === el || el.contains(hit))};
    });
    view.setAttribute('data-osmosis-view', String(index));
    return {
      index,
      text: view.textContent.trim().slice(0, 60),
      message: before && before !== 'none' && before !== 'normal' ? before.slice(1, -1) : '',
      controls: controls.length,
      focusable: live.filter(c => c.focused).length,
      clickable: live.filter(c => c.clicked).length,
    };
  });
}
"""


def views(tab):
    return tab.page.evaluate(VIEWS, tab.notebook.element_handle())


def spoken(tab, view: dict) -> list[str]:
    """Chromium's own accessibility tree under a view: the text a screen reader reads."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        selector = f'[data-osmosis-view="{view["index"]}"]'
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        found = cdp.send("Accessibility.queryAXTree", {"nodeId": node, "role": "StaticText"})
        return [n.get("name", {}).get("value", "") for n in found["nodes"]]
    finally:
        cdp.detach()


@pytest.fixture
def lab(tabs, request):
    """The test's lesson after Run All: its tab as the lesson's modules left it, if its kernel
    ran it all, else restarted and run."""
    notebook = f"lessons/{request.node.callspec.params['lesson']}.ipynb"
    with tabs.lend(request, notebook, run=True, cells=()) as tab:
        yield tab


@pytest.mark.parametrize("lesson", LESSONS)
def test_views_left_by_a_restart_say_they_stopped_and_cannot_be_used(lab, lesson):
    alive = views(lab)
    assert len(alive) >= 3, f"{lesson}: expected its explorers on the page, found {alive}"
    assert not [v for v in alive if v["message"]], f"a live view says it stopped: {alive}"
    assert all(v["focusable"] == v["controls"] for v in alive), alive
    assert sum(v["controls"] for v in alive) > 0, alive
    lab.screenshot("before-restart")

    lab.restart_kernel()
    lab.settle()
    left = views(lab)
    lab.screenshot("after-restart")
    assert len(left) == len(alive), (alive, left)
    silent = [v for v in left if v["message"] != MESSAGE]
    assert not silent, f"views left by the restart that do not say they stopped: {silent}"
    operable = [v for v in left if v["focusable"] or v["clickable"]]
    assert not operable, f"controls of stopped views still take the focus or a click: {operable}"
    unread = [v for v in left if not any(MESSAGE in text for text in spoken(lab, v))]
    assert not unread, f"a screen reader does not read the message in: {unread}"

    lab.run_all()
    again = views(lab)
    lab.screenshot("run-again")
    assert len(again) == len(alive), (alive, again)
    assert not [v for v in again if v["message"]], f"a new view says it stopped: {again}"
    assert [v["focusable"] for v in again] == [v["controls"] for v in again], again
    name = next(c for c in lab.controls() if c.role == "textbox")  # the sign-in box, first
    name.type("Zoé Restart")  # typed, Enter: the new kernel signs her in and says so
    assert "Zoé Restart" in name.readout(), name.readout()
    lab.assert_no_errors()
