"""A saved review and an exported work file, opened in JupyterLab's Markdown preview, fetch nothing.

A learner's text may hold anything a browser would fetch or follow: a Markdown image, raw
``<img>``, an autolink, a link, maths that MathJax turns into a link, an HTML comment, an
``<iframe>``. The project's writers (lesson 05's review writer, the work export) pass that
text through :func:`osmosis_lab.records.inert_markdown`. Here both files are written by those
writers into a folder of their own, the session's JupyterLab serves it, and each file is
opened with ``markdownviewer:open``, the command behind *Open With > Markdown Preview*.
Every request the tab makes is recorded (``page.on("request")``), and every one that would
leave 127.0.0.1 is also aborted and recorded (``context.route``), so nothing reaches the
network even without CI's network namespace. The hostile host is 198.51.100.7 (TEST-NET-2):
an address, so Chromium's host-resolver rule cannot hide a request to it.

``test_the_recorder_sees_raw_learner_text_fetch`` writes the same text verbatim, as a writer
that skipped the inert step would: the preview then does fetch, so the recorder is shown
to see what the other tests assert is absent.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.review_writer import ReviewWriter
from osmosis_lab.records import RecordStore, export_markdown, write_text_atomically
from osmosis_lab.records.export import EXPORT_STEM

from .harness import LabServer

HOST = "198.51.100.7"
#: Learner text holding each construct a Markdown preview could fetch, follow or run.
HOSTILE = (
    f"Delay the launch ![x](http://{HOST}/md-image.png) "
    f'<img src="http://{HOST}/raw-img.png"> <http://{HOST}/autolink> '
    f"[link](http://{HOST}/link) www.{HOST}.example me@{HOST} "
    f"$\\href{{http://{HOST}/maths}}{{maths}}$ $x^2$ \\(y\\) <!-- hidden --> "
    f"<iframe src=http://{HOST}/frame></iframe> "
    f'<a href="http://{HOST}/raw-a">raw</a> [ref] end'
)
#: A reference definition needs a line of its own; a learner can type one in a text area.
HOSTILE_LINES = HOSTILE + f"\n\n[ref]: http://{HOST}/ref.png\n\n![ref-image][ref]"
#: What the reader must see as text (the words round the constructs, the constructs' own text).
SHOWN = ("Delay the launch", "![x](http", f"{HOST}/md-image.png)", "<img src=", "[link](http")


@pytest.fixture(scope="module")
def written(lab_server):
    """A saved review and an export, written by the project's writers with hostile text into a
    folder of its own that the session's JupyterLab serves (one server per session, issue 16)."""
    folder = lab_server.root / "learner-files"
    folder.mkdir()
    writer = ReviewWriter.with_lesson_data(folder=folder)
    writer.name.value = "Zoé"
    writer.open.click()
    writer.text.value = HOSTILE_LINES
    writer.reasons.boxes["privacy"].value = HOSTILE
    role = next(iter(writer.stakeholders.values))
    writer.stakeholders.values[role].value = writer.stakeholders.values[role].options[0]
    writer.stakeholders.notes[role].value = HOSTILE
    writer.save.click()
    assert "Saved" in writer.status.value, writer.status.value
    record = {
        "00_start_here": {
            "youngest_tester": {"answer": HOSTILE, "first_answer": HOSTILE, "tries": 2,
                                "status": "not yet"},
        },
        "reflections": {
            "00_refuse_first": {"prompt": "Which first?", "text": HOSTILE_LINES, "may_show": True},
        },
    }  # fmt: skip
    exported = write_text_atomically(
        RecordStore(folder).companion("Zoé", EXPORT_STEM), export_markdown(HOSTILE, record)
    )
    # the control: the same text as a writer without the inert step would write it
    raw = write_text_atomically(folder / "raw_learner_text.md", f"# Raw\n\n{HOSTILE_LINES}\n")
    my_work.sign_out()
    return {"review": writer.review_path, "export": exported, "raw": raw}


@pytest.fixture(scope="module")
def preview_server(written, lab_server):
    """The session's JupyterLab, which serves the folder of written files (never the repository)."""
    return lab_server


class Recorder:
    """Every request of one browser context; those leaving loopback are aborted."""

    def __init__(self, context, server: LabServer) -> None:
        self.local = urlsplit(server.base_url).netloc
        self.seen: list[str] = []
        self.aborted: list[str] = []
        context.on("request", lambda request: self.seen.append(request.url))
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == self.local:
            route.continue_()
        else:
            self.aborted.append(url)
            route.abort()

    def offsite(self) -> list[str]:
        """Each request aborted, or seen going anywhere but 127.0.0.1, once."""
        seen = [
            url
            for url in self.seen
            if not url.startswith(("data:", "blob:", "about:"))
            and urlsplit(url).hostname != "127.0.0.1"
        ]
        return list(dict.fromkeys(self.aborted + seen))


def preview(chromium, server: LabServer, path: Path) -> tuple[str, list[str], dict]:
    """Open ``path`` in the Markdown preview; return its text, the off-site requests, and
    what the rendered page holds that could fetch or link (img, iframe, a[href], …)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    recorder = Recorder(context, server)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(server.url("lab?reset"))
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands")
        page.wait_for_function("() => window.jupyterapp.commands.hasCommand('markdownviewer:open')")
        page.evaluate(
            "(p) => window.jupyterapp.commands.execute('markdownviewer:open', {path: p})",
            path.relative_to(server.root).as_posix(),
        )
        rendered = page.locator(".jp-MarkdownViewer:not(.lm-mod-hidden) .jp-RenderedMarkdown")
        rendered.get_by_text("Delay the launch").first.wait_for()
        # let MathJax typeset and every element the preview made finish loading (or failing)
        page.wait_for_function(
            """(node) => [...node.querySelectorAll('img, iframe')].every(
                   e => e.tagName !== 'IMG' || e.complete)
               && !node.querySelector('.MathJax_Processing, mjx-assistive-mml[aria-busy]')""",
            arg=rendered.element_handle(),
        )
        page.wait_for_timeout(1000)  # a late fetch is recorded (a bounded wait, unlike a promise)
        text = rendered.inner_text()
        active = rendered.evaluate(
            """(node) => ({
                img: [...node.querySelectorAll('img')].map(e => e.getAttribute('src')),
                iframe: [...node.querySelectorAll('iframe')].map(e => e.getAttribute('src')),
                links: [...node.querySelectorAll('a[href]')].map(e => e.getAttribute('href'))
                          .filter(h => !h.startsWith('#')),
            })"""
        )
        return text, recorder.offsite(), active
    finally:
        context.close()


@pytest.mark.parametrize("kind", ["review", "export"])
def test_learner_text_in_the_preview_fetches_nothing_and_reads_as_text(
    chromium, preview_server, written, kind
):
    text, offsite, active = preview(chromium, preview_server, written[kind])
    assert offsite == [], f"the {kind} preview requested non-local addresses: {offsite}"
    assert active == {"img": [], "iframe": [], "links": []}, active
    missing = [words for words in SHOWN if words not in text]
    assert not missing, f"learner text not shown as text in the {kind} preview: {missing}"


def test_the_recorder_sees_raw_learner_text_fetch(chromium, preview_server, written):
    _text, offsite, active = preview(chromium, preview_server, written["raw"])
    assert any(HOST in url for url in offsite), (offsite, active)
    assert any(HOST in (src or "") for src in active["img"]), active
