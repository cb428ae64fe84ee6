"""What the export panel says: each part's name, the words the learner saw, where the file goes.

Split from :mod:`.work_export` (which builds the panel and writes the file) so each stays
short. Lesson titles match each lesson's first heading (a test keeps them equal).
"""

import functools
import html
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..check.exercises import all_exercises
from ..errors import ReviewError
from ..records.export import DATA_HEADING
from ..review import FIELDS, ITEM_TITLES, ROLES, LaunchDesign, design_rows
from . import my_work

_BINDER = ("BINDER_SERVICE_HOST", "BINDER_REQUEST")
#: Each lesson's title, as its first heading says (a test keeps them equal): a tick box reads
#: "My answers in 01 · What is a match?", not the file's name.
LESSON_TITLES = {
    "00_start_here": "00 · Start here",
    "01_what_is_a_match": "01 · What is a match?",
    "02_consent": "02 · Consent",
    "03_privacy": "03 · Data privacy",
    "04_trust": '04 · Algorithmic trust: how sure is "certain"?',
    "05_design_review": "05 · Design review before launch",
}
_KINDS = {
    "answers": "My answers in",
    "judge_first": "My judge-first calls in",
    "review": "My design review in",
}


@functools.cache
def seen_words() -> Mapping[str, Any]:
    """What the learner saw for each id in an export: each exercise's question, each review
    checklist item's title, each stakeholder's name, each lesson's title and the design
    choices in words (the ids stay in the data block).

    Built once per process: every preview and every export uses them, and none of them can
    change while the kernel runs (the exercises, checklist and roles are this package's
    code). Read-only, so no caller can change the words another one shows.

    >>> words = seen_words()
    >>> words is seen_words(), words["titles"]["02_consent"]
    (True, '02 · Consent')
    """
    questions = {name: exercise.question for name, exercise in all_exercises().items()}
    labels = {**ITEM_TITLES, **{role: name for role, (name, _who) in ROLES.items()}}
    return MappingProxyType(
        {
            "questions": MappingProxyType(questions),
            "labels": MappingProxyType(labels),
            "titles": MappingProxyType(LESSON_TITLES),
            "design": design_words,
            "predictions": frozenset(n for n, e in all_exercises().items() if e.check.prediction),
        }
    )


def design_words(saved: dict) -> list[tuple[str, str]] | None:
    """Saved design choices as the review file words them (only the settings that apply);
    ``None`` if they are not a design this version reads (the export then shows them as saved).

    >>> from dataclasses import asdict
    >>> from osmosis_lab.review import AS_PLANNED
    >>> saved = {**asdict(AS_PLANNED), "privacy": "dp", "k": 5}
    >>> dict(design_words(saved))["Research export"]
    'Only noisy counts (differential privacy), epsilon = 1 per count'
    >>> design_words({**saved, "privacy": "anonymised"}), design_words({"privacy": "dp"})
    (None, None)
    """
    if not set(FIELDS) <= set(saved):
        return None  # a missing choice would read as the plan's, which the learner never chose
    try:
        return design_rows(LaunchDesign(**{k: v for k, v in saved.items() if k in FIELDS}))
    except (ReviewError, TypeError):
        return None


def part_label(part: str, record: dict) -> str:
    """What a part's tick box says: the lesson's title, or the reflection's prompt.

    >>> part_label("answers:01_what_is_a_match", {})
    'My answers in 01 · What is a match?'
    >>> part_label("judge_first:04_trust", {})
    'My judge-first calls in 04 · Algorithmic trust: how sure is "certain"?'
    >>> part_label("reflection:00_x", {"reflections": {"00_x": {"prompt": "Why?"}}})
    'My reflection: "Why?"'
    """
    kind, key = part.split(":", 1)
    if kind in _KINDS:
        return f"{_KINDS[kind]} {LESSON_TITLES.get(key, key)}"
    prompt = record.get(my_work.REFLECTIONS, {}).get(key, {}).get("prompt", key)
    return f'My reflection: "{prompt}"'


def on_binder() -> bool:
    """True when this notebook runs on mybinder.org (its servers set these variables)."""
    return any(os.environ.get(name) for name in _BINDER)


def drop_folder() -> Path | None:
    """The school server's drop folder for this learner, if it set one."""
    value = os.environ.get("OSMOSIS_DROP_DIR", "").strip()
    return Path(value) if value else None


def preview_html(text: str) -> str:
    """The preview of an export's ``text``: the readable part open, the data block folded.

    The data block repeats the readable part for the teacher's view: open, it was most of the
    preview, and a learner scrolled past it to see what they hand in.

    >>> page = preview_html("# My work\\n\\n## Data (for the teacher's view)\\n\\n```json\\n{}\\n```\\n")
    >>> page.count("<details"), "<details open>" in page, page.index("My work") < page.index("{}")
    (2, True, True)
    """
    readable, heading, block = text.partition(DATA_HEADING)
    folded = (
        "<details><summary>The data block at the end of the file: the same work, written for "
        "the teacher's view to read (open to see it)</summary>"
        f"<pre style='white-space:pre-wrap'>{html.escape(heading + block)}</pre></details>"
        if heading
        else ""
    )
    return (
        "<details open><summary>Preview: exactly what the file will hold (the time of the "
        "export is added when you press Export my work)</summary>"
        f"<pre style='white-space:pre-wrap'>{html.escape(readable.rstrip())}</pre>{folded}"
        "</details>"
    )
