"""Learner text made inert for a Markdown file: it reads the same, but fetches and links nothing.

A saved review is opened later in JupyterLab's Markdown preview, a Git host or
a teacher's viewer. Learner text copied into it verbatim could make that reader's
browser fetch a remote address (``![x](http://…)``, ``<img src=…>``) or show
links the learner did not mean. :func:`inert_markdown` backslash-escapes exactly
the characters that start those constructs, so emphasis, lists and headings
still work and the text reads the same once rendered:

- ``[`` and ``]``: no link, image or reference definition (``![x](…)``, ``[x]: …``);
- ``<``: no raw HTML (``<img src=…>``) and no autolink (``<http://…>``);
- ``\\``: so the escapes above cannot be undone by a backslash in the text;
- ``:`` in ``://``, ``.`` in ``www.`` and ``@``: no bare link (GFM's extended autolinks);
- ``$`` and ``\\``: no maths. JupyterLab's preview hands the rendered page to MathJax, which
  finds ``$…$`` and ``\\(…\\)`` in the text however they were escaped, and MathJax has
  commands of its own that make links (``\\href``). So these two become their full-width
  forms, ＄ and ＼, which read the same and which no math renderer takes as delimiters.

Examples
--------
>>> print(inert_markdown("![x](http://evil.example/p.png) <img src=x> **fair form**"))
!\\[x\\](http\\://evil.example/p.png) \\<img src=x> **fair form**
>>> print(inert_markdown("see www.example.org or me@example.org, costs $5"))
see www\\.example.org or me\\@example.org, costs ＄5
>>> print(inert_markdown(r"$\\href{http://x}{y}$"))
＄＼href{http\\://x}{y}＄
"""

from __future__ import annotations

import re

#: Characters escaped wherever they appear (see the module docstring for why each).
_ALWAYS = re.compile(r"([\[\]<@])")
_NO_MATHS = str.maketrans({"$": "\uff04", "\\": "\uff3c"})
_SCHEME = re.compile(r"(?i)(?<=[a-z0-9])://")
_WWW = re.compile(r"(?i)\b(www)\.")


def inert_markdown(text: str) -> str:
    """``text`` with every construct that could link, embed or fetch escaped.

    Parameters
    ----------
    text : str
        Learner text, any content.

    Returns
    -------
    str
        Markdown that renders as the same words, with no image, raw HTML, link or
        autolink coming from ``text``.
    """
    escaped = _ALWAYS.sub(r"\\\1", text.translate(_NO_MATHS))
    escaped = _SCHEME.sub(r"\\://", escaped)
    return _WWW.sub(r"\1\\.", escaped)


#: What a spreadsheet reads as the start of a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would read it as a formula.

    >>> neutralise_formula("=HYPERLINK(1)"), neutralise_formula("fine")
    ("'=HYPERLINK(1)", 'fine')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def neutralised(value):
    """``value`` with every text in it (keys too) made safe by :func:`neutralise_formula`."""
    if isinstance(value, str):
        return neutralise_formula(value)
    if isinstance(value, dict):
        return {neutralise_formula(str(k)): neutralised(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [neutralised(v) for v in value]
    return value
