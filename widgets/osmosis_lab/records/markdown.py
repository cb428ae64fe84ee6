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
#: A plain number (a sign, digits, a decimal point or comma, a per cent sign): a spreadsheet reads
#: it as the number it is, so it is left as typed ("-3" stays -3, never "'-3").
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)\s*%?")


def neutralise_formula(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would run it as a formula; a number stays.

    >>> neutralise_formula("=HYPERLINK(1)"), neutralise_formula("-1+1"), neutralise_formula("fine")
    ("'=HYPERLINK(1)", "'-1+1", 'fine')
    >>> neutralise_formula("-3"), neutralise_formula("+2"), neutralise_formula("-0.5")
    ('-3', '+2', '-0.5')
    """
    if _NUMBER.fullmatch(text):
        return text
    return "'" + text if text.startswith(_FORMULA_START) else text


#: A line that Markdown would read as a block of its own inside a quote (a heading, a nested
#: quote, a list, a fence, a rule, a setext underline, a table row or indented code): its
#: first mark is escaped so the line reads as the text it is.
_BLOCK_START = re.compile(r"^(\d*)([#>*+=|~`_.)-])")


def quoted(text: str) -> list[str]:
    r"""Learner ``text`` as the lines of a Markdown quote: each line kept, each read as text.

    Every line is :func:`inert_markdown`; a line that would start a heading, list, fence or
    quote of its own has that mark escaped; a line followed by another in the same paragraph
    ends in a hard break, so the learner's line breaks stay line breaks.

    >>> quoted("# Heading\nline two\n\n```json")
    ['> \\# Heading\\', '> line two', '>', '> \\```json']
    >>> quoted("")
    ['>']
    """
    lines = str(text).splitlines() or [""]
    out = []
    for i, line in enumerate(lines):
        # leading spaces dropped: four of them would make indented code
        said = _BLOCK_START.sub(r"\1\\\2", inert_markdown(line.strip()), count=1)
        more = i + 1 < len(lines) and lines[i + 1].strip() and said
        out.append(f"> {said}\\" if more else f"> {said}" if said else ">")
    return out
