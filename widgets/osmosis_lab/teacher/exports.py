"""One learner's exported work, read as data: the export's layout, and nowhere else.

Two kinds of file are read, both written by the learner's own notebook:

- the export of "Export my work", ``osmosis_export_<key>.md``: Markdown with one fenced
  ```` ```json ```` data block ``{"format": "osmosis-lab-export", "version": 1, ...}``, laid out
  as ``osmosis_lab/records/EXPORT_FORMAT.md`` documents (``answers``: lesson -> exercise ->
  ``{"answer", "first_answer", "tries", "status"}``; ``reflections``: prompt id ->
  ``{"prompt", "text", "may_show"}``; ``consent.left_out``: the parts left out). The class
  poll's record section travels among the answers as ``answers["class_poll"]["Q1"]["send"]``;
  version 2 adds ``judge_first`` (lesson 04's calls, read by :mod:`.judge_first`);
  version 3 adds ``design_review`` (lesson 05's review, part ``review:05_design_review``),
  whose design choices the readable part lists in the panel's words;
- lesson 05's review, ``my_design_review_<key>.md``: its "My design choices" table.

:func:`parse_export` and :mod:`osmosis_lab.teacher.review_files` are the only places that know
those layouts. Where the files come from (folders, zips, drop folders) is
:mod:`osmosis_lab.teacher.class_folder`'s part.

Examples
--------
>>> block = '{"format": "osmosis-lab-export", "version": 1, "learner": "Ana", "answers": {}}'
>>> parse_export("# My work\\n```json\\n" + block + "\\n```\\n", source="ana.md").learner
'Ana'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from osmosis_lab.errors import RecordError
from osmosis_lab.records.export import REVIEW
from osmosis_lab.records.export_review import REVIEW_PART
from osmosis_lab.teacher.judge_first import JudgeCall, judge_calls
from osmosis_lab.teacher.review_files import parse_export_choices

FORMAT = "osmosis-lab-export"
KNOWN_VERSIONS = (1, 2, 3)  # 3 adds design_review (records.export)
#: A real export is a few kilobytes; anything past this is not one (and must not fill memory).
MAX_BYTES = 512 * 1024
_BLOCK = re.compile(r"```json[^\n]*\n(.*?)\n```", re.S)
#: The class poll's record section (osmosis_lab.explorers.class_poll.SECTION).
POLL_SECTION = "class_poll"
NOT_ATTEMPTED = "not attempted yet"


class ExportError(RecordError):
    """One exported file cannot be read; the message says which and why. Others still load."""


@dataclass(frozen=True)
class Answer:
    """One exercise as a learner left it."""

    correct: bool | None
    first_try: bool | None
    misconception: str | None
    #: A prediction answered after its result was shown ("Show anyway"): not made blind.
    seen_first: bool = False


@dataclass(frozen=True)
class Reflection:
    """A reflection, and whether its learner ticked "may be shown" (to the class, unnamed).

    ``prompt`` is the prompt's id (``03_what_regulators_ask``); ``question`` the prompt as the
    learner saw it, kept in the export beside the text ("" in a file without it).
    """

    lesson: str
    prompt: str
    text: str
    may_show: bool
    question: str = ""

    @property
    def asked(self) -> str:
        """What the teacher reads as the reflection's name: the question, else its id.

        >>> Reflection("03", "03_x", "text", False, "What should regulators ask?").asked
        'What should regulators ask?'
        >>> Reflection("03", "03_x", "text", False).asked
        '03_x'
        """
        return " ".join(self.question.split()) or self.prompt


@dataclass(frozen=True)
class LearnerWork:
    """What one exported file holds, in the teacher's terms."""

    learner: str
    source: str
    answers: dict[str, Answer] = field(default_factory=dict)
    reflections: tuple[Reflection, ...] = ()
    review_choices: dict[str, str] = field(default_factory=dict)
    poll_tokens: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()
    judge_calls: tuple[JudgeCall, ...] = ()


def _text(value, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _flag(value) -> bool | None:
    return value if isinstance(value, bool) else None


def parse_export(text: str, *, source: str) -> LearnerWork:
    """The learner's work in ``text`` (an export file's content).

    Raises
    ------
    ExportError
        No data block, not JSON, not an Osmosis Lab export, or a version this reader
        does not know.
    """
    stripped = text.strip()
    match = _BLOCK.search(text)
    body = match.group(1) if match else stripped if stripped.startswith("{") else None
    if body is None:
        raise ExportError(f"{source}: no data block found; is it an Osmosis Lab export?")
    try:
        data = json.loads(body)
    except json.JSONDecodeError as error:
        raise ExportError(f"{source}: its data block is damaged (line {error.lineno}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExportError(f"{source}: not an Osmosis Lab export (format {FORMAT!r} missing).")
    if data.get("version") not in KNOWN_VERSIONS:
        raise ExportError(
            f"{source}: export version {data.get('version')!r}, but this notebook reads versions "
            f"{list(KNOWN_VERSIONS)}. Update the lessons (git pull), then load it again."
        )
    return _work(data, source, text)


def _review_choices(data: dict, text: str, withheld: set[str]) -> dict[str, str]:
    """The design choices of the export's review part, if the learner included it.

    The data block says whether the review is in (its part not left out, its design saved);
    the readable part gives the choices in the words the learner saw (see review_files).
    """
    review = data.get(REVIEW)
    if REVIEW_PART in withheld or not isinstance(review, dict) or not review.get("design"):
        return {}
    return parse_export_choices(text)


def _work(data: dict, source: str, text: str = "") -> LearnerWork:
    consent = data.get("consent") if isinstance(data.get("consent"), dict) else {}
    left_out = consent.get("left_out") if isinstance(consent.get("left_out"), list) else []
    # A part the learner left out is never read, even if the file still holds it (an edited
    # file, or an older writer): leaving it out was their consent decision.
    withheld = {str(x) for x in left_out}
    answers: dict[str, Answer] = {}
    tokens: list[str] = []
    for lesson, exercises in _items(data.get("answers")):
        if f"answers:{lesson}" in withheld:
            continue
        for exercise, kept in _items(exercises):
            if lesson == POLL_SECTION:
                tokens += [kept["send"]] if isinstance(kept.get("send"), str) else []
                continue
            status = _text(kept.get("status")).strip()
            correct = status == "correct" if status else None
            tries = kept.get("tries")
            first = (
                correct and tries == 1 if isinstance(tries, int) and correct is not None else None
            )
            # the misconception the last hint answered (kept since records name it), else the status
            named = _text(kept.get("misconception")).strip()
            missed = (
                (named or status) if status and not correct and status != NOT_ATTEMPTED else None
            )
            seen = kept.get("seen_first") is True
            answers[f"{lesson}/{exercise}"] = Answer(correct, first, missed and missed[:60], seen)
    reflections = [
        Reflection(
            prompt.split("_")[0],
            prompt,
            _text(r.get("text")),
            r.get("may_show") is True,
            _text(r.get("prompt"))[:300],
        )
        for prompt, r in _items(data.get("reflections"))
        if _text(r.get("text")).strip() and f"reflection:{prompt}" not in withheld
    ]
    judged = {
        lesson: calls
        for lesson, calls in _items(data.get("judge_first"))
        if f"judge_first:{lesson}" not in withheld
    }
    return LearnerWork(
        learner=_text(data.get("learner"), "(no name)").removeprefix("'")[:80] or "(no name)",
        source=source,
        answers=answers,
        reflections=tuple(reflections),
        review_choices=_review_choices(data, text, withheld),
        poll_tokens=tuple(tokens),
        left_out=tuple(str(x) for x in left_out),
        judge_calls=judge_calls(judged),
    )


def _items(value, *, values: type = dict):
    if not isinstance(value, dict):
        return []
    return [(str(k), v) for k, v in sorted(value.items()) if isinstance(v, values)]


def read_export_bytes(data: bytes, source: str) -> LearnerWork:
    """The learner's work in ``data`` (a file's bytes), refused unless export-sized."""
    if len(data) > MAX_BYTES:
        raise ExportError(
            f"{source}: {len(data):,} bytes, larger than any export ({MAX_BYTES:,} at most); skipped."
        )
    return parse_export(data.decode("utf-8", errors="replace"), source=source)
