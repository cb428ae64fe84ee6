"""A pick's long label wraps inside its button, on a school laptop's screen (w50).

In lesson 05 a pick of the prediction before the design panel read "…lives with depression
(invente": the checkbox buttons (``choice_buttons.PickButtons``) kept each label on one line, so
a label wider than the output ran past its edge and was cut there, not by its own box (which is
why the labels check (``labels.assert_no_control_cut``), measuring each control against its own
box at 1280 px, passed).
Here lesson 05 runs at 1024 px (a common school laptop and projector width), every gated
result shown, and every pick of every output is measured as the labels check measures controls,
and against its output's right edge.

Shown to fail on the picks' old style: the longest prediction pick ended past the output's edge.
"""

from .gates import show_gated_results
from .labels import CUT_CONTROLS

LESSON = "lessons/05_design_review.ipynb"

#: Each pick that reaches past its output's right edge, or is wider than its own box.
PICKS_CUT = """
(root) => {
  const cut = [];
  root.querySelectorAll('.jp-OutputArea-output').forEach(out => {
    const edge = out.getBoundingClientRect().right;
    out.querySelectorAll('.osmosis-picks button').forEach(el => {
      if (!el.offsetParent) return;  // folded away
      const past = el.getBoundingClientRect().right - edge;
      const wider = el.scrollWidth > el.clientWidth + 1;
      if (past > 1 || wider) {
        cut.push(`${el.textContent.trim()} (${Math.round(past)}px past the output's edge; `
                 + `${el.scrollWidth}px of text in ${el.clientWidth}px)`);
      }
    });
  });
  return cut;
}
"""


def test_picks_wrap_their_labels_at_1024_px(lesson_opened):
    lesson_opened.page.set_viewport_size({"width": 1024, "height": 768})
    tab = show_gated_results(lesson_opened.run_all())
    tab.assert_no_errors()
    picks = tab.page.evaluate(
        "(root) => root.querySelectorAll('.osmosis-picks button').length",
        tab.notebook.element_handle(),
    )
    assert picks > 0, "lesson 05 shows no pick: this test measures nothing"
    cut = tab.page.evaluate(PICKS_CUT, tab.notebook.element_handle())
    cut += tab.page.evaluate(CUT_CONTROLS, tab.notebook.element_handle())  # nothing else is cut
    if cut:
        print(f"screenshot: {tab.screenshot('05-picks-cut')}")
    assert not cut, f"{LESSON}: labels cut off at 1024 px: {cut}"
