"""Read an export file back: its data block, checked for format and version (the writer is
:mod:`.export`; the file's format is ``EXPORT_FORMAT.md``).

Examples
--------
>>> from osmosis_lab.records.export import export_markdown
>>> text = export_markdown("Inès", {"01_what_is_a_match": {"youngest_tester": {"answer": "Niels Larson", "tries": 1, "status": "correct"}}}, exported_at="2026-01-05T10:00:00Z")
>>> read_export(text)["learner"]
'Inès'
>>> read_export("no data here")
Traceback (most recent call last):
...
osmosis_lab.errors.RecordError: This is not an Osmosis Lab export: it needs exactly one json block.
"""

from __future__ import annotations

import json
import re

from osmosis_lab.errors import RecordError
from osmosis_lab.records.export import EXPORT_FORMAT, READABLE_VERSIONS

_BLOCK = re.compile(r"^```json\n(?P<data>.*?)\n```\s*$", re.M | re.S)


def read_export(text: str) -> dict:
    """The data block of an export file.

    Raises
    ------
    RecordError
        No data block, unreadable JSON, another format or an unknown version.
    """
    found = _BLOCK.findall(text)
    if len(found) != 1:
        raise RecordError("This is not an Osmosis Lab export: it needs exactly one json block.")
    try:
        data = json.loads(found[0])
    except json.JSONDecodeError as error:
        raise RecordError(f"The export's data block is not valid JSON ({error.msg}).") from error
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise RecordError("This is not an Osmosis Lab export (wrong format).")
    if data.get("version") not in READABLE_VERSIONS:
        raise RecordError(
            f"Export version {data.get('version')!r} is unknown; this reader reads versions "
            f"{', '.join(map(str, READABLE_VERSIONS))}. Update the lessons to read it."
        )
    return data
