"""Every control label in lessons 00-05 is shown whole after Run All (issue 12, item 4).

A 16-year-old read "Esther's hidden experim..." on lesson 02's timeline: a toggle button
narrower than its words, cut with an ellipsis. ``labels.CUT`` measured some labels in the
lessons that call it (00, 01, 04); lessons 02 and 03 were never measured, and it looked only at
some kinds of element. Here each lesson is run whole in Chromium, every result gated on a
prediction is shown (as a teacher's "Show anyway"), and every text of a control is measured: a
description, a button or toggle button, a tick box's label, a drop-down, a slider's readout.
Cut means its text is wider than its box (``scrollWidth > clientWidth``) while the box clips it,
or shows an ellipsis.
"""

import pytest

from .gates import show_gated_results

LESSONS = (
    "lessons/00_start_here.ipynb",
    "lessons/01_what_is_a_match.ipynb",
    "lessons/02_consent.ipynb",
    "lessons/03_privacy.ipynb",
    "lessons/04_trust.ipynb",
    "lessons/05_design_review.ipynb",
)

#: Every control text ipywidgets may clip, in the cells' outputs; "what" says which control.
CUT_CONTROLS = """
(root) => {
  const kinds = [
    '.widget-label', '.widget-label-basic', '.widget-readout', '.widget-dropdown select',
    '.widget-select select', '.widget-checkbox label', '.widget-toggle-button', 'button',
  ].join(', ');
  const cut = [];
  root.querySelectorAll('.jp-OutputArea-output').forEach(out => {
    out.querySelectorAll(kinds).forEach(el => {
      const text = (el.textContent || el.value || '').trim();
      if (!el.offsetParent || !text) return;  // hidden (a folded result) or empty
      if (el.closest('.vega-embed')) return;  // the chart's own menu
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const wider = el.scrollWidth > el.clientWidth + 1;
      if (clips && wider) {
        cut.push(`${text} (${el.className || el.tagName}: ${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    });
  });
  return cut;
}
"""


@pytest.mark.parametrize("path", LESSONS)
def test_no_control_label_is_cut_after_run_all(lab, path):
    tab = show_gated_results(lab.open(path).run_all())
    tab.assert_no_errors()
    cut = tab.page.evaluate(CUT_CONTROLS, tab.notebook.element_handle())
    if cut:
        print(f"screenshot: {tab.screenshot(path.split('/')[1][:2] + '-labels-cut')}")
    assert not cut, f"{path}: control labels cut off: {cut}"
