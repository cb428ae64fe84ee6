"""Lesson 05's review as handed in: the learner's "My design choices" table, read as data.

The review file (``my_design_review_<key>.md``, written by lesson 05's review writer)
is Markdown for people; its choices table is the one part the teacher's view counts.
Cells were made inert when written (``inert_markdown``), so their backslash escapes
are undone here; the text is escaped again wherever it is shown.
"""

from __future__ import annotations

import re

from osmosis_lab.errors import RecordError

#: A review is a few kilobytes; anything larger is not one.
MAX_REVIEW_BYTES = 512 * 1024


_CHOICES = re.compile(
    r"## My design choices\s*\n\s*\| Choice \| My decision \|\s*\n\|---\|---\|\n((?:\|.*\|\n?)*)"
)
_ROW = re.compile(r"^\| (.*?) \| (.*) \|$")


def parse_review_choices(text: str) -> dict[str, str]:
    """The "My design choices" table of a lesson 05 review: choice -> decision ({} if none).

    >>> parse_review_choices("## My design choices\\n\\n| Choice | My decision |\\n|---|---|\\n"
    ...                      "| Consent form | Pre-ticked boxes |\\n")
    {'Consent form': 'Pre-ticked boxes'}
    """
    match = _CHOICES.search(text)
    rows = match.group(1).splitlines() if match else []
    found = {}
    for row in rows[:40]:
        cells = _ROW.match(row.strip())
        if cells:
            found[_unescape(cells.group(1))[:80]] = _unescape(cells.group(2))[:120]
    return found


def _unescape(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell.strip())


def review_choices_from_bytes(data: bytes, source: str) -> dict[str, str]:
    """The choices in a review file's bytes.

    Raises
    ------
    RecordError
        The file is larger than any review; it is skipped.
    """
    if len(data) > MAX_REVIEW_BYTES:
        raise RecordError(f"{source}: {len(data):,} bytes, larger than any review; skipped.")
    return parse_review_choices(data.decode("utf-8", errors="replace"))
