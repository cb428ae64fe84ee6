"""Every label, button and tick box a learner reads in lessons 00 and 01 is shown whole.

A walkthrough found "Your name or pseudo…", "May be shown to the class without my n…",
"Show what will b…" and "Delete my saved …": ipywidgets cuts a description that does not fit
its box and adds an ellipsis. The test measures each one in Chromium (its text is wider than
its box: cut), and keeps screenshots of the sign-in, reflection and export for a person to
look at. It also presses lesson 01's "Show anyway" from the keyboard and keeps a screenshot.
"""

import pytest

from .gates import show_anyway_button, show_gated_results

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


@pytest.mark.parametrize(
    "notebook", ["lessons/00_start_here.ipynb", "lessons/01_what_is_a_match.ipynb"]
)
def test_no_label_is_cut_off(lab, notebook):
    tab = show_gated_results(lab.open(notebook).run_all())
    cut = tab.page.evaluate(CUT, tab.notebook.element_handle())
    tab.shots_dir.mkdir(parents=True, exist_ok=True)
    for words in ("Your name or pseudonym", "May be shown to the class", "Delete my saved work"):
        regions = tab.notebook.locator(".jp-OutputArea-output", has_text=words)
        if regions.count() == 0:
            continue  # lesson 01 has no export panel
        region = regions.first  # the sign-in, not a control that mentions it
        region.scroll_into_view_if_needed()
        shot = tab.shots_dir / f"{notebook.split('/')[1][:2]}-{words[:12].replace(' ', '-')}.png"
        region.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
    assert not cut, f"{notebook}: labels cut off: {cut}"


def test_show_anyway_by_keyboard_keeps_the_focus_on_its_button(lab):
    tab = lab.open("lessons/01_what_is_a_match.ipynb").run_all()
    button = show_anyway_button(tab).activate()  # Enter; fails if the focus moved away
    assert button.locator.evaluate("el => document.activeElement === el")
    assert button.locator.inner_text().strip() == "Shown below"
    region = button.region
    assert "Shown without a prediction" in region.inner_text()
    region.scroll_into_view_if_needed()
    tab.shots_dir.mkdir(parents=True, exist_ok=True)
    shot = tab.shots_dir / "01-show-anyway-pressed.png"
    region.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    tab.page.keyboard.press("Tab")  # the next stop is inside the result, not JupyterLab
    inside = button.locator.evaluate(
        "el => el.closest('.jp-OutputArea-output').contains(document.activeElement)"
    )
    assert inside, "Tab after Show anyway left the result"


def test_no_label_of_lesson_05s_review_writer_is_cut_off(lab):
    """The review writer read "Your name or pseudo…"; its reason boxes' labels are measured too."""
    tab = show_gated_results(lab.open("lessons/05_design_review.ipynb").run_all())
    region = tab.notebook.locator(".jp-OutputArea-output", has_text="Open my review").first
    region.scroll_into_view_if_needed()
    # CUT looks for outputs under its root: give it the writer's output area's parent
    cut = tab.page.evaluate(CUT, region.element_handle().evaluate_handle("el => el.parentElement"))
    assert "Your name or pseudonym" in region.inner_text()
    assert "met by your design" in region.inner_text()
    tab.shots_dir.mkdir(parents=True, exist_ok=True)
    shot = tab.shots_dir / "05-review-writer.png"
    region.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    assert not cut, f"review writer: labels cut off: {cut}"
