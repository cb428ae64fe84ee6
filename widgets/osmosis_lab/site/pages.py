"""Executed lessons, the teacher's guide and the index as self-contained HTML pages.

A page needs nothing but ``site.css`` beside it: charts are inline SVG,
explorers are static HTML, and there is no script at all, so a page previews
and prints the same with or without a network. Cells tagged ``teacher`` are
left out of the learner pages; solutions stay collapsed in ``<details>``.

Examples
--------
>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[
...     nbformat.v4.new_markdown_cell("# 09 · A test\\n\\n**Time.** About 5 minutes."),
...     nbformat.v4.new_markdown_cell("For the teacher only.", metadata={"tags": ["teacher"]}),
... ])
>>> body = lesson_body(nb)
>>> "A test" in body, "teacher only" in body, "<script" in body
(True, False, False)
>>> lesson_summary(nb)
('09 · A test', 'About 5 minutes.')
"""

import copy
import html
import re

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from traitlets.config import Config

from .charts import VEGALITE_MIME, chart_figure
from .execute import SiteBuildError
from .widgets import WIDGET_VIEW_MIME, render_widget, widget_state

#: Tags whose cells a learner page leaves out, and whose input it hides (house-style.md).
TEACHER_TAG, HIDE_INPUT_TAG, RAISES_TAG = "teacher", "hide-input", "raises-exception"


def static_notebook(executed: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``executed`` whose rich outputs are plain HTML: charts as SVG, widgets as text."""
    nb = copy.deepcopy(executed)
    state = widget_state(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            raises = RAISES_TAG in cell.metadata.get("tags", [])
            cell.outputs = [static_output(output, state, raises=raises) for output in cell.outputs]
    nb.metadata.pop("widgets", None)  # no widget manager script: nothing is left to drive
    return nb


def static_output(output: dict, state: dict, *, raises: bool) -> dict:
    """One output made static; an expected error becomes one line instead of a traceback."""
    if output["output_type"] == "error":
        if not raises:
            raise SiteBuildError(
                f"an unexpected {output['ename']} in a cell not tagged {RAISES_TAG!r}: "
                "fix the lesson, or tag the cell if the error is the point"
            )
        line = f"<strong>{html.escape(output['ename'])}</strong>: {html.escape(output['evalue'])}"
        return _html_output(f'<p class="osmosis-expected-error">Expected error. {line}</p>')
    data = output.get("data", {})
    if VEGALITE_MIME in data:
        return _html_output(chart_figure(data[VEGALITE_MIME]), output)
    if WIDGET_VIEW_MIME in data:
        return _html_output(render_widget(data[WIDGET_VIEW_MIME]["model_id"], state), output)
    return output


def _html_output(markup: str, like: dict | None = None) -> nbformat.NotebookNode:
    kind = like["output_type"] if like else "display_data"
    output = nbformat.v4.new_output(kind, data={"text/html": markup})
    if kind == "execute_result":
        output.execution_count = like.get("execution_count")
    return output


def lesson_body(executed: nbformat.NotebookNode) -> str:
    """The HTML of a lesson's cells (no ``<html>`` shell), as a learner would read it."""
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {TEACHER_TAG}
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    exporter = HTMLExporter(
        config=config, template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _resources = exporter.from_notebook_node(static_notebook(executed))
    return local_lesson_links(body)


def lesson_summary(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """A lesson's title (its H1) and its time ("About 50 minutes."), from the front matter."""
    first = nb.cells[0].source
    title = re.search(r"^# (.+)$", first, re.M)
    time = re.search(r"\*\*Time\.?\*\*\s*([^\n]+)", first)
    return (title[1].strip() if title else "Untitled", time[1].strip() if time else "")


def markdown_body(text: str) -> str:
    """HTML for a Markdown document such as the teacher's guide (tables, fenced code, links)."""
    markup = github_anchor_ids(local_lesson_links(markdown2html_mistune(text)))
    return f'<div class="osmosis-prose">\n{markup}\n</div>'


def github_anchor_ids(markup: str) -> str:
    """Give headings the ids GitHub gives them, so ``[...](#a-heading)`` links work here too.

    >>> github_anchor_ids('<h2 id="Lesson-0-·-Go">Lesson 0 · Go<a href="#Lesson-0-·-Go">¶</a></h2>')
    '<h2 id="lesson-0--go">Lesson 0 · Go<a href="#lesson-0--go">¶</a></h2>'
    """

    def retag(heading: re.Match) -> str:
        text = html.unescape(re.sub(r"<[^>]+>", "", heading["inner"]))
        slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
        old = heading["id"]
        return heading[0].replace(f'"{old}"', f'"{slug}"').replace(f'"#{old}"', f'"#{slug}"')

    return re.sub(r'<h(?P<n>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=n)>', retag, markup)


def local_lesson_links(markup: str) -> str:
    """Point links at ``NN_name.ipynb`` lessons to their page in the site instead.

    >>> local_lesson_links('<a href="../lessons/01_what_is_a_match.ipynb">01</a>')
    '<a href="01_what_is_a_match.html">01</a>'
    >>> local_lesson_links('<a href="https://mybinder.org/v2/gh/o/r/HEAD?urlpath=lab/tree/lessons/01_x.ipynb">')
    '<a href="https://mybinder.org/v2/gh/o/r/HEAD?urlpath=lab/tree/lessons/01_x.ipynb">'
    """
    return re.sub(r'href="(?:\.\./)?(?:lessons/)?(\d\d_\w+)\.ipynb"', r'href="\1.html"', markup)
