"""The shell every page shares (navigation, a note on what is static) and its stylesheet.

The stylesheet is one local file, ``site.css``: no web fonts, no CDN, and
print rules that drop the navigation and keep charts and cards whole.

Examples
--------
>>> page = page_shell("00 · Start here", "<p>Hello</p>")
>>> page.startswith("<!DOCTYPE html>"), 'href="site.css"' in page, "<script" in page
(True, True, False)
"""

import html

from pygments.formatters import HtmlFormatter

STYLESHEET = "site.css"

_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 52rem; margin: 0 auto;
       padding: 0 1rem 3rem; }
nav, footer, .osmosis-static-note { font-size: 0.9rem; color: #444; }
nav { padding: 0.75rem 0; border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
a { color: #0b5394; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; }
pre, code { font-family: ui-monospace, monospace; font-size: 0.9rem; }
.jp-InputArea pre, .highlight pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto;
                                    border-left: 3px solid #0072B2; }
.jp-OutputArea-output { margin: 0.25rem 0 1rem; overflow-x: auto; }
.jp-OutputArea-output pre { background: none; border: 0; }
details { border: 1px solid #ccc; padding: 0.25rem 0.75rem; margin: 0.5rem 0; }
summary { cursor: pointer; font-weight: 600; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #333; }
figure.osmosis-chart { margin: 0.5rem 0; }
figure.osmosis-chart svg { max-width: 100%; height: auto; }
.osmosis-box { border: 1px dashed #999; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.osmosis-control { font-family: ui-monospace, monospace; margin: 0.2rem 0; }
.osmosis-expected-error { color: #8a1c00; }
.jp-mod-noOutputs .jp-OutputArea, .anchor-link { display: none; }
@media print {
  nav, .osmosis-static-note { display: none; }
  body { max-width: none; font-size: 11pt; }
  figure, .osmosis-box, table, details { break-inside: avoid; }
  a { color: inherit; }
}
"""


def stylesheet() -> str:
    """The contents of ``site.css``: the page rules and pygments' code colours."""
    return _CSS.lstrip() + HtmlFormatter(style="default").get_style_defs(".highlight") + "\n"


def page_shell(title: str, body: str, *, note: str = "") -> str:
    """A complete HTML page around ``body``, with the site's navigation and stylesheet."""
    note_html = f'<p class="osmosis-static-note">{note}</p>' if note else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Osmosis Ethics Lab</title>
<link rel="stylesheet" href="{STYLESHEET}">
</head>
<body>
<nav aria-label="Site"><a href="index.html">All lessons</a> ·
<a href="teacher_guide.html">Teacher's guide</a></nav>
{note_html}
<main>
{body}
</main>
<footer><p>Osmosis Ethics Lab · static preview built by <code>make site</code>.</p></footer>
</body>
</html>
"""


#: Said at the top of every lesson page: what a static page can and cannot do.
LESSON_NOTE = (
    "A static preview for reading and printing: every cell has been run once, top to bottom. "
    "Charts are pictures and each explorer is shown in its starting state, with its controls "
    "written as <em>Control: label = value</em>. Open the notebook in JupyterLab to use them."
)


def index_body(lessons: list[tuple[str, str, str]], *, has_guide: bool) -> str:
    """The index: one row per lesson (file, title, time), then the teacher's guide."""
    rows = "".join(
        f'<tr><td><a href="{html.escape(page)}">{html.escape(title)}</a></td>'
        f"<td>{html.escape(time)}</td></tr>\n"
        for page, title, time in lessons
    )
    guide = (
        '<p>For teachers: <a href="teacher_guide.html">the teacher\'s guide</a> (plans, timings, '
        "Discuss prompts, the design review rubric, and how to run the module in class).</p>"
        if has_guide
        else ""
    )
    return (
        "<h1>Osmosis Ethics Lab</h1>\n"
        "<p>Lessons on consent, data privacy and algorithmic trust, run once and saved as pages "
        "you can read or print without a network.</p>\n"
        f"<table><thead><tr><th>lesson</th><th>time</th></tr></thead><tbody>\n{rows}</tbody></table>\n"
        f"{guide}"
    )
