"""What every page shares besides its shell: the stylesheet, the lesson pages' note, the index.

The shell itself (navigation, note, footer, no script) is the nbconvert template
``templates/osmosis/index.html.j2``, which extends nbconvert's ``basic``; every
page, the index and the guide included, is rendered through it (:mod:`.pages`).
The stylesheet is one local file, ``site.css``: no web fonts, no CDN, and
print rules that drop the navigation and keep charts and cards whole.

Examples
--------
>>> print(index_markdown([("00_start_here.html", "00 · Start | here", "About 20 minutes.")],
...                      has_guide=False))
# Osmosis Ethics Lab
<BLANKLINE>
Lessons on consent, data privacy and algorithmic trust, run once and saved as pages you can read or print without a network.
<BLANKLINE>
| lesson | time |
|---|---|
| [00 · Start \\| here](00_start_here.html) | About 20 minutes. |
<BLANKLINE>
"""

import re
from pathlib import Path

from pygments.formatters import HtmlFormatter

STYLESHEET = "site.css"
_CSS = Path(__file__).with_name(STYLESHEET)

#: Said at the top of every lesson page: what a static page can and cannot do.
LESSON_NOTE = (
    "A static preview for reading and printing: every cell has been run once, top to bottom. "
    "Charts are pictures and each explorer is shown in its starting state, with its controls "
    "written as <em>Control: label = value</em>. Open the notebook in JupyterLab to use them."
)


def stylesheet() -> str:
    """The contents of ``site.css``: the page rules and pygments' code colours."""
    rules = _CSS.read_text(encoding="utf-8")
    return rules + HtmlFormatter(style="default").get_style_defs(".highlight") + "\n"


def _plain(text: str) -> str:
    """``text`` as literal Markdown inside a table cell or a link's words (no markup, no ``|``)."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def index_markdown(lessons: list[tuple[str, str, str]], *, has_guide: bool) -> str:
    """The index as Markdown: one row per lesson (file, title, time), then the teacher's guide."""
    rows = "".join(
        f"| [{_plain(title)}]({page}) | {_plain(time)} |\n" for page, title, time in lessons
    )
    guide = (
        "\nFor teachers: [the teacher's guide](teacher_guide.html) (plans, timings, Discuss "
        "prompts, the design review rubric, and how to run the module in class).\n"
        if has_guide
        else ""
    )
    return (
        "# Osmosis Ethics Lab\n\n"
        "Lessons on consent, data privacy and algorithmic trust, run once and saved as pages "
        "you can read or print without a network.\n\n"
        f"| lesson | time |\n|---|---|\n{rows}{guide}"
    )
