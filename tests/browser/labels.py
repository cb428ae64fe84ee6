"""Labels shown whole: ipywidgets cuts a description that does not fit its box ("Show what will b…").

A walkthrough found "Your name or pseudo…", "May be shown to the class without my n…",
"Show what will b…" and "Delete my saved …". :func:`assert_no_label_cut` measures every label,
button and tick box in a tab's outputs in Chromium (its text wider than its box: cut) and keeps
screenshots of the sign-in, reflection and export for a person to look at.

:func:`assert_no_control_cut` (issue 12, item 4: "Esther's hidden experim..." on lesson 02's
timeline) measures every text of a control ipywidgets may clip: a description, a button or
toggle button, a tick box's label, a drop-down, a slider's readout. Cut means its text is wider
than its box (``scrollWidth > clientWidth``) while the box clips it or shows an ellipsis.

The lesson modules call both on the page they already opened and ran, every gated result shown
(issue 16: one Run All serves several checks), before any test changes that page.
"""

#: Elements whose text ipywidgets cuts with an ellipsis when it does not fit.
CUT = """
(root) => {
  const cut = [];
  root.querySelectorAll('.jp-OutputArea-output').forEach(out => {
    out.querySelectorAll('.widget-label, .widget-label-basic, button, .widget-checkbox label')
      .forEach(el => {
        if (!el.offsetParent || !el.textContent.trim()) return;  // hidden or empty
        if (el.closest('.vega-embed')) return;  // chart internals
        if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.trim());
      });
  });
  return cut;
}
"""

#: The regions a person looks at in the screenshots (a lesson without one skips it).
PHOTOGRAPHED = ("Your name or pseudonym", "May be shown to the class", "Delete my saved work")


def assert_no_label_cut(tab) -> None:
    """No label in ``tab``'s outputs is cut off; screenshots of the sign-in, reflection and
    export regions are left in the session's screenshot folder."""
    cut = tab.page.evaluate(CUT, tab.notebook.element_handle())
    tab.shots_dir.mkdir(parents=True, exist_ok=True)
    for words in PHOTOGRAPHED:
        regions = tab.notebook.locator(".jp-OutputArea-output", has_text=words)
        if regions.count() == 0:
            continue  # lesson 01 has no export panel
        region = regions.first  # the sign-in, not a control that mentions it
        region.scroll_into_view_if_needed()
        shot = tab.shots_dir / f"{tab.path.split('/')[1][:2]}-{words[:12].replace(' ', '-')}.png"
        region.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
    assert not cut, f"{tab.path}: labels cut off: {cut}"


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


def assert_no_control_cut(tab) -> None:
    """No text of a control in ``tab``'s outputs is clipped (:data:`CUT_CONTROLS`), and the
    page shows no error; a screenshot of the page is kept when one is cut."""
    tab.assert_no_errors()
    cut = tab.page.evaluate(CUT_CONTROLS, tab.notebook.element_handle())
    if cut:
        print(f"screenshot: {tab.screenshot(tab.path.split('/')[1][:2] + '-labels-cut')}")
    assert not cut, f"{tab.path}: control labels cut off: {cut}"
