"""`make site`: every lesson, run once, as a static page that previews and prints with no network.

The fast tests feed small hand-made notebooks and real ipywidgets state through
the converter. The slow ones build the real site once (every lesson executed,
about a minute) and read the pages as a browser would: every lesson present, no
errors, every chart an inline <svg>, nothing fetched from another host.
"""

import json
import subprocess
import sys
from html.parser import HTMLParser

import ipywidgets as widgets
import nbformat
import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import LESSONS, ROOT
from memory_record import MemoryRecord
from osmosis_lab.site import SiteBuildError, build_site
from osmosis_lab.site.layout import index_markdown
from osmosis_lab.site.pages import lesson_page, markdown_page
from osmosis_lab.site.widgets import control_value, render_widget

VEGALITE = "application/vnd.vegalite.v5+json"
VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
GUIDE = ROOT / "lessons" / "teacher_guide.md"
SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
    "description": "Two bars.",
    "data": {"values": [{"who": "a", "n": 1}, {"who": "b", "n": 2}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "n", "type": "quantitative"},
        "y": {"field": "who", "type": "nominal"},
    },
}


class Page(HTMLParser):
    """What a test needs to know about a page: its tags, its top-level <svg>s, its text."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict, bool]] = []  # (tag, attributes, inside a markdown cell)
        self.svgs = self._svg_depth = 0
        self._open: list[bool] = []
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        # nbconvert's basic template renders a Markdown cell (and so the guide) in this class
        markdown = "text_cell_render" in classes or any(self._open)
        self.tags.append((tag, attributes, markdown))
        if tag == "svg":
            self.svgs += self._svg_depth == 0
            self._svg_depth += 1
        if tag == "div":
            self._open.append(markdown)

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg_depth -= 1
        if tag == "div" and self._open:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)


def external_resources(page: Page) -> list[str]:
    """Every URL on another host the page would load, or link to from outside its prose."""
    found = []
    for tag, attributes, in_markdown in page.tags:
        for name in ("src", "href", "srcset", "data", "poster", "action", "xlink:href"):
            value = (attributes.get(name) or "").strip().lower()
            # plain links in prose (citations, Binder) are fine; anything else is fetched
            prose_link = tag == "a" and name == "href" and in_markdown
            if value.startswith(("http:", "https:", "//")) and not prose_link:
                found.append(f"<{tag} {name}={value}>")
        if tag in ("script", "iframe", "object", "embed", "base"):
            found.append(f"<{tag}>")
        if tag == "link" and attributes.get("href") != "site.css":
            found.append(f"<link href={attributes.get('href')}>")
    return found


def saved_state(*children: widgets.Widget) -> dict:
    """What nbclient saves for these widgets: JSON, keyed by model id."""
    state = {}
    for widget in children:
        raw = widget.get_state()
        raw = {k: v for k, v in raw.items() if k not in ("layout", "style")}
        if "children" in raw:
            raw["children"] = [f"IPY_MODEL_{c.model_id}" for c in widget.children]
        state[widget.model_id] = {
            "model_name": raw["_model_name"],
            "state": json.loads(json.dumps(raw)),
        }
    return state


# -- fast: the converter on hand-made input -----------------------------------------------------


@pytest.mark.parametrize(
    ("control", "line"),
    [
        (
            widgets.Dropdown(options=["Niels", "Ana"], value="Ana", description="Tester"),
            "Tester = Ana",
        ),
        (widgets.IntSlider(value=3, description="k"), "k = 3"),
        (widgets.FloatLogSlider(value=0.5, min=-2, max=1, description="epsilon"), "epsilon = 0.5"),
        (
            widgets.SelectionSlider(options=["low", "high"], value="high", description="Level"),
            "Level = high",
        ),
        (
            widgets.ToggleButtons(options=["men", "women"], value="men", description="Proposers"),
            "Proposers = men",
        ),
        (
            widgets.SelectMultiple(options=["a", "b", "c"], value=["a", "c"], description="Read"),
            "Read = a, c",
        ),
        (widgets.IntRangeSlider(value=[2, 7], description="Ages"), "Ages = 2 to 7"),
        (widgets.Checkbox(value=True, description="Consent"), "Consent = on"),
        (widgets.Textarea(value="My review", description="Review"), "Review = My review"),
        (widgets.Text(value="", description="Note"), "Note = (empty)"),
        (widgets.RadioButtons(options=["x", "y"], value=None, description="Pick"), "Pick = (none)"),
        (widgets.Button(description="Save"), "Save (button)"),
    ],
)
def test_each_kind_of_control_becomes_one_plain_line(control, line):
    state = saved_state(control)
    assert (
        render_widget(control.model_id, state) == f'<p class="osmosis-control">Control: {line}</p>'
    )


def test_an_explorer_keeps_its_text_and_its_chart_in_order():
    picker = widgets.Dropdown(options=["Niels", "Ana"], description="Tester")
    card, chart = widgets.HTML("<p>Card of Niels</p>"), widgets.Output()
    chart.outputs = ({"output_type": "display_data", "data": {VEGALITE: SPEC, "text/plain": "x"}},)
    box = widgets.VBox([picker, card, chart])
    markup = render_widget(box.model_id, saved_state(box, picker, card, chart))
    order = [markup.find(s) for s in ("Control: Tester = Niels", "Card of Niels", "<svg")]
    assert -1 not in order and order == sorted(order)


def test_a_control_value_nobody_can_read_is_never_shown_as_an_index():
    assert control_value({"index": 1, "_options_labels": ["first", "second"]}) == "second"


def small_lesson() -> nbformat.NotebookNode:
    chart = new_output("display_data", data={VEGALITE: SPEC, "text/plain": "Two bars."})
    view = new_output("display_data", data={VIEW: {"model_id": "out", "version_major": 2}})
    error = new_output("error", ename="PrivacyError", evalue="epsilon must be > 0", traceback=["T"])
    nb = new_notebook(
        cells=[
            new_markdown_cell("# 09 · Small\n\n**Time.** About 1 minute."),
            new_code_cell("chart", outputs=[chart]),
            new_code_cell("explorer", outputs=[view]),
            new_code_cell("bad", outputs=[error], metadata={"tags": ["raises-exception"]}),
            new_markdown_cell("Teacher: pause here.", metadata={"tags": ["teacher"]}),
            new_code_cell("secret_setup()", metadata={"tags": ["hide-input"]}),
            new_markdown_cell(
                "<details>\n<summary>Solution</summary>\n\n```python\nx = 1\n```\n</details>"
            ),
        ]
    )
    out_state = {"outputs": [{"output_type": "display_data", "data": {VEGALITE: SPEC}}]}
    nb.metadata.widgets = {
        STATE: {"state": {"out": {"model_name": "OutputModel", "state": out_state}}}
    }
    return nb


def test_a_small_lesson_becomes_a_static_page():
    page = Page(body := lesson_page(small_lesson()))
    assert page.svgs == 2  # the top-level chart and the one inside the explorer's Output
    assert "Teacher: pause here" not in body and "secret_setup" not in body
    assert "Expected error. PrivacyError: epsilon must be > 0" in " ".join(
        "".join(page.text).split()
    )
    assert "Traceback" not in body
    assert [a for t, a, _ in page.tags if t == "details"] == [{}]  # collapsed: no `open`
    assert not external_resources(page)


def test_the_index_lists_each_lesson_by_its_title_as_written():
    title = "09 · Small | <b>bold</b> *not emphasis*"
    markdown = index_markdown([("09_small.html", title, "About 1 minute.")], has_guide=False)
    page = Page(markdown_page("Lessons", markdown))
    links = [a["href"] for t, a, _ in page.tags if t == "a"]
    assert "09_small.html" in links and "b" not in {t for t, _a, _ in page.tags}
    assert title in words(page.text) and "About 1 minute." in words(page.text)


def test_a_page_has_the_site_shell_and_its_title():
    page = lesson_page(small_lesson())
    assert (
        page.startswith("<!DOCTYPE html>")
        and "<title>09 · Small · Osmosis Ethics Lab</title>" in page
    )
    assert 'href="index.html"' in page and 'href="site.css"' in page
    assert (
        "Control: <em>label = value</em>" not in page and "<em>Control: label = value</em>" in page
    )


def test_an_unexpected_error_stops_the_build():
    nb = small_lesson()
    nb.cells[3].metadata.tags = []
    with pytest.raises(SiteBuildError, match="not tagged 'raises-exception'"):
        lesson_page(nb)


def test_the_guides_in_page_links_land_on_a_heading():
    page = Page(markdown_page("Teacher's guide", GUIDE.read_text(encoding="utf-8")))
    ids = {attributes.get("id") for _tag, attributes, _ in page.tags}
    targets = {a["href"][1:] for t, a, _ in page.tags if t == "a" and a.get("href", "")[:1] == "#"}
    assert targets and targets <= ids, f"links to missing headings: {targets - ids}"


def test_the_external_resource_detector_can_fail():
    page = Page(
        '<script src="https://cdn.example/x.js"></script><img src="//cdn.example/a.png">'
        '<a href="https://example.org">code link</a><link rel="stylesheet" href="http://x/y.css">'
    )
    found = " ".join(external_resources(page))
    assert all(f"<{tag}" in found for tag in ("script src", "img", "a href", "link"))


# -- slow: the real site ------------------------------------------------------------------------


def charts_produced(executed: nbformat.NotebookNode) -> int:
    """Vega-Lite outputs a learner would see: in cell outputs and inside displayed widgets."""
    state = executed.metadata.get("widgets", {}).get(STATE, {}).get("state", {})

    def in_outputs(outputs):
        return sum(
            (VEGALITE in o.get("data", {}))
            + in_model(o.get("data", {}).get(VIEW, {}).get("model_id"))
            for o in outputs
        )

    def in_model(model_id):
        model = state.get(model_id, {}).get("state", {})
        return in_outputs(model.get("outputs", [])) + sum(
            in_model(child[len("IPY_MODEL_") :]) for child in model.get("children", [])
        )

    cells = [
        c
        for c in executed.cells
        if c.cell_type == "code" and "teacher" not in c.metadata.get("tags", [])
    ]
    return sum(in_outputs(c.outputs) for c in cells)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site")
    return dest, {p.source.name: p for p in build_site(dest, ROOT / "lessons")}


@pytest.mark.slow
def test_every_lesson_has_a_page_linked_from_the_index(site):
    dest, pages = site
    assert sorted(pages) == [p.name for p in LESSONS]
    index = (dest / "index.html").read_text(encoding="utf-8")
    for path in LESSONS:
        assert (dest / f"{path.stem}.html").is_file()
        assert f'href="{path.stem}.html"' in index
    if GUIDE.exists():
        assert (dest / "teacher_guide.html").is_file() and 'href="teacher_guide.html"' in index


@pytest.mark.slow
@pytest.mark.parametrize("lesson", [p.name for p in LESSONS])
def test_a_lesson_page_has_no_errors_and_every_chart_as_inline_svg(site, lesson):
    dest, pages = site
    executed = pages[lesson].executed
    markup = (dest / f"{lesson[:-6]}.html").read_text(encoding="utf-8")
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", f"{lesson}: a cell wrote to stderr"
            if output["output_type"] == "error":
                assert "raises-exception" in cell.metadata.get("tags", []), f"{lesson}: an error"
    assert "Traceback" not in markup and "jupyter.stderr" not in markup
    assert Page(markup).svgs == charts_produced(executed), f"{lesson}: a chart is missing"


@pytest.mark.slow
def test_the_lessons_draw_charts_at_all(site):
    _dest, pages = site
    assert sum(charts_produced(p.executed) for p in pages.values()) > 0


@pytest.mark.slow
def test_no_page_loads_anything_from_another_host(site):
    dest, _pages = site
    for page in dest.glob("*.html"):
        found = external_resources(Page(page.read_text(encoding="utf-8")))
        assert not found, f"{page.name} would fetch {found}"
    css = (dest / "site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


@pytest.mark.slow
def test_every_local_link_leads_to_a_page_of_the_site(site):
    dest, _pages = site
    for page in dest.glob("*.html"):
        for tag, attributes, _ in Page(page.read_text(encoding="utf-8")).tags:
            href = attributes.get("href") or "" if tag in ("a", "link") else ""
            target = href.split("#")[0]
            if target and not target.startswith(("http:", "https:", "mailto:")):
                assert (dest / target).is_file(), f"{page.name} links to missing {href}"


@pytest.mark.slow
def test_solutions_stay_collapsed_and_teacher_cells_stay_out(site):
    dest, pages = site
    for name, lesson in pages.items():
        page = Page((dest / f"{name[:-6]}.html").read_text(encoding="utf-8"))
        assert all("open" not in attributes for tag, attributes, _ in page.tags if tag == "details")
        text = words(page.text)
        for cell in lesson.executed.cells:
            if "teacher" in cell.metadata.get("tags", []):
                source = markdown2html_mistune(cell.source) if cell.cell_type == "markdown" else ""
                shown = words(Page(source).text) if source else words([cell.source])
                assert shown[:60] not in text, f"{name}: a teacher cell shows: {shown[:60]}"


def words(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def test_without_the_site_extra_the_builder_names_the_extra_to_install(tmp_path):
    # a learner's install (pyproject's runtime dependencies) has no vl-convert
    code = (
        "import sys; sys.modules['vl_convert'] = None\n"
        "from osmosis_lab.site.__main__ import main\n"
        f"sys.exit(main([{str(tmp_path)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "pip install -e '.[site]'" in result.stderr and "Traceback" not in result.stderr


def test_a_gated_result_is_folded_below_its_question_and_options():
    from osmosis_lab.explorers.answers import answer_control, reveal_after

    control = answer_control("top_band_prediction", record=MemoryRecord())
    gate = reveal_after("top_band_prediction", widgets.HTML("<p>the record</p>"), control=control)
    state = widgets.Widget.get_manager_state(drop_defaults=False)["state"]
    question = render_widget(control.view.model_id, state)
    assert "what share do you predict" in question and "Options: 90-100 % · 70-90 %" in question
    folded = render_widget(gate.view.model_id, state)
    assert folded.startswith('<details class="osmosis-gate">') and "the record" in folded
    assert "Show anyway" not in folded  # a page has nothing to press
