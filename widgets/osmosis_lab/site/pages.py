"""Executed lessons, the teacher's guide and the index as self-contained HTML pages.

nbconvert does the work through its own extension points: the lesson is converted
by an ``HTMLExporter`` with the site's template (``templates/osmosis``, extending
``basic``), nbconvert's ``TagRemovePreprocessor`` leaves out cells tagged
``teacher`` and hides the input of ``hide-input`` ones, and :class:`StaticOutputs`
(a ``Preprocessor``) turns what only JupyterLab can draw into HTML. A page needs
nothing but ``site.css`` beside it: charts are inline SVG, explorers are static
HTML, and there is no script at all, so a page previews and prints the same with
or without a network. Solutions stay collapsed in ``<details>``.

Examples
--------
>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[
...     nbformat.v4.new_markdown_cell("# 09 · A test\\n\\n**Time.** About 5 minutes."),
...     nbformat.v4.new_markdown_cell("For the teacher only.", metadata={"tags": ["teacher"]}),
... ])
>>> page = lesson_page(nb)
>>> "A test" in page, "teacher only" in page, "<script" in page
(True, False, False)
>>> "<title>09 · A test · Osmosis Ethics Lab</title>" in page
True
>>> lesson_summary(nb)
('09 · A test', 'About 5 minutes.')
"""

import html
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from .charts import VEGALITE_MIME, chart_figure
from .execute import SiteBuildError
from .layout import LESSON_NOTE
from .widgets import WIDGET_VIEW_MIME, render_widget, widget_state

#: Tags whose cells a learner page leaves out, and whose input it hides (house-style.md).
TEACHER_TAG, HIDE_INPUT_TAG, RAISES_TAG = "teacher", "hide-input", "raises-exception"
#: The site's nbconvert template (extends ``basic``): the page shell, no script.
TEMPLATES = Path(__file__).with_name("templates")


class StaticOutputs(Preprocessor):
    """Rich outputs made plain HTML: charts as inline SVG, explorers as text, from saved state.

    An error output stays (the template shows it as one line) only in a cell tagged
    ``raises-exception``; any other stops the build. The widget state is dropped
    afterwards: a static page has nothing left to drive.
    """

    def preprocess(self, nb, resources):
        self._state = widget_state(nb)
        nb, resources = super().preprocess(nb, resources)
        nb.metadata.pop("widgets", None)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            raises = RAISES_TAG in cell.metadata.get("tags", [])
            cell.outputs = [self.static_output(output, raises=raises) for output in cell.outputs]
        return cell, resources

    def static_output(self, output: dict, *, raises: bool) -> dict:
        if output["output_type"] == "error" and not raises:
            raise SiteBuildError(
                f"an unexpected {output['ename']} in a cell not tagged {RAISES_TAG!r}: "
                "fix the lesson, or tag the cell if the error is the point"
            )
        data = output.get("data", {})
        if VEGALITE_MIME in data:
            return _html_output(chart_figure(data[VEGALITE_MIME]), output)
        if WIDGET_VIEW_MIME in data:
            model_id = data[WIDGET_VIEW_MIME]["model_id"]
            return _html_output(render_widget(model_id, self._state), output)
        return output


def _html_output(markup: str, like: dict) -> nbformat.NotebookNode:
    output = nbformat.v4.new_output(like["output_type"], data={"text/html": markup})
    if like["output_type"] == "execute_result":
        output.execution_count = like.get("execution_count")
    return output


def _exporter() -> HTMLExporter:
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {TEACHER_TAG}
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT_TAG}
    exporter = HTMLExporter(
        config=config,
        template_name="osmosis",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(StaticOutputs, enabled=True)
    return exporter


def _page(nb: nbformat.NotebookNode, title: str, note: str = "") -> str:
    resources = {"osmosis": {"title": title, "note": note}}
    page, _resources = _exporter().from_notebook_node(nb, resources=resources)
    return local_lesson_links(page)


def lesson_page(executed: nbformat.NotebookNode) -> str:
    """A lesson's page, as a learner would read it: cells run, charts drawn, explorers as text."""
    return _page(executed, lesson_summary(executed)[0], LESSON_NOTE)


def markdown_page(title: str, text: str) -> str:
    """The page of a Markdown document (the guide, the index): tables, fenced code, links.

    Headings get the ids GitHub gives them, so the document's ``[...](#a-heading)``
    links work on the page as they do on GitHub.
    """
    # a fixed cell id: the same document gives the same page, build after build
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text, id="document")])
    return github_anchor_ids(_page(nb, title))


def lesson_summary(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """A lesson's title (its H1) and its time ("About 50 minutes."), from the front matter."""
    first = nb.cells[0].source
    title = re.search(r"^# (.+)$", first, re.M)
    time = re.search(r"\*\*Time\.?\*\*\s*([^\n]+)", first)
    return (title[1].strip() if title else "Untitled", time[1].strip() if time else "")


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
