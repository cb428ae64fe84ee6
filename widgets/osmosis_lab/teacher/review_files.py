"""Lesson 05's review as handed in: the learner's design choices, in the panel's words, read as data.

Two files carry them, both written by the lesson's own code:

- the review file (``my_design_review_<key>.md``, lesson 05's review writer): its
  "My design choices" table (:func:`parse_review_choices`);
- the export of "Export my work" (format 3 on), whose review part lists them under
  "*My design choices:*" (:func:`parse_export_choices`). Most learners hand in only the
  export, so the class view must read them there too.

Both are in the words the design review shows (``review.design_rows``): this layer may not
import the review (they are independent layers), and the words the learner handed in are the
ones to count. Cells were made inert when written (``inert_markdown``), so their backslash
escapes are undone here; the text is escaped again wherever it is shown.
"""

from __future__ import annotations

import re

from osmosis_lab.errors import RecordError
from osmosis_lab.records.export import DATA_HEADING

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


#: The review part of an export (records.export_review.review_lines): its heading, the
#: line over the design choices, and one choice a line (tests/test_class_view_review.py reads
#: an export the lesson wrote, so a change there fails here).
_EXPORT_REVIEW = "## My design review · 05"
_EXPORT_CHOICES = "*My design choices:*"
_EXPORT_ROW = re.compile(r"^\* \*\*(.*?)\*\*: (.*)$")


def parse_export_choices(text: str) -> dict[str, str]:
    """The design choices in an export's review part: choice -> decision ({} if none).

    Only the last review part before the data block is read: the review comes after the
    answers and reflections, and its only multi-line learner text is quoted, so a line
    typed into an answer cannot pass for a choice.

    >>> parse_export_choices("## My design review · 05\\n\\n> ok\\n\\n*My design choices:*\\n\\n"
    ...                      "* **Consent form**: Pre-ticked boxes\\n\\n## Data (for the teacher's view)\\n")
    {'Consent form': 'Pre-ticked boxes'}
    >>> parse_export_choices("# My work\\n\\n## Data (for the teacher's view)\\n")
    {}
    """
    readable = text.partition(DATA_HEADING)[0]
    _, heading, review = readable.rpartition(_EXPORT_REVIEW)
    _, line, after = review.partition(f"\n{_EXPORT_CHOICES}\n") if heading else ("", "", "")
    found: dict[str, str] = {}
    for row in after.strip("\n").splitlines()[:40] if line else []:
        cells = _EXPORT_ROW.match(row.strip())
        if not cells:
            break  # the list ends at its first other line
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
