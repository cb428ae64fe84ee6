"""Read the learners' exported work from a folder or a zip, refusing what is unsafe or unknown.

Two kinds of file are read, both written by the learner's own notebook:

- the export of "Export my work", ``osmosis_export_<key>.md``: Markdown with one fenced
  ```` ```json ```` data block ``{"format": "osmosis-lab-export", "version": 1, ...}``, laid out
  as ``osmosis_lab/records/EXPORT_FORMAT.md`` documents (``answers``: lesson -> exercise ->
  ``{"answer", "first_answer", "tries", "status"}``; ``reflections``: prompt id ->
  ``{"prompt", "text", "may_show"}``; ``consent.left_out``: the parts left out). The class
  poll's record section travels among the answers as ``answers["class_poll"]["Q1"]["send"]``;
  version 2 adds ``judge_first`` (lesson 04's calls, read by :mod:`.judge_first`);
- lesson 05's review, ``my_design_review_<key>.md``: its "My design choices" table.

:func:`parse_export` and :func:`~osmosis_lab.teacher.review_files.parse_review_choices` are the only places that know
those layouts. Where files come from: an LMS download (one folder per student, or a
zip of them), nbgrader's exchange, or the hub's drop folder (one folder per learner).
Every file is read as data: nothing is executed, followed or extracted to disk. A
file that cannot be read safely is skipped with a message saying why; it never stops
the others from loading.

Examples
--------
>>> block = '{"format": "osmosis-lab-export", "version": 1, "learner": "Ana", "answers": {}}'
>>> parse_export("# My work\\n```json\\n" + block + "\\n```\\n", source="ana.md").learner
'Ana'
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from osmosis_lab.errors import RecordError
from osmosis_lab.teacher.judge_first import JudgeCall, judge_calls
from osmosis_lab.teacher.review_files import review_choices_from_bytes

FORMAT = "osmosis-lab-export"
KNOWN_VERSIONS = (1, 2)
#: A real export is a few kilobytes; anything past this is not one (and must not fill memory).
MAX_BYTES = 512 * 1024
#: A class folder (an LMS download, a drop folder) holds a few hundred entries at most.
MAX_ENTRIES = 5000
MAX_DEPTH = 6
#: Files whose name ends so are read; everything else in a folder is ignored quietly.
SUFFIXES = (".md", ".json")
_BLOCK = re.compile(r"```json[^\n]*\n(.*?)\n```", re.S)
#: The class poll's record section (osmosis_lab.explorers.class_poll.SECTION).
POLL_SECTION = "class_poll"
NOT_ATTEMPTED = "not attempted yet"
REVIEW_STEM = "my_design_review"
EXPORT_STEM = "osmosis_export"


class ExportError(RecordError):
    """One exported file cannot be read; the message says which and why. Others still load."""


@dataclass(frozen=True)
class Answer:
    """One exercise as a learner left it."""

    correct: bool | None
    first_try: bool | None
    misconception: str | None


@dataclass(frozen=True)
class Reflection:
    """A reflection, and whether its learner ticked "may be shown" (to the class, unnamed)."""

    lesson: str
    prompt: str
    text: str
    may_show: bool


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
    return _work(data, source)


def _work(data: dict, source: str) -> LearnerWork:
    answers: dict[str, Answer] = {}
    tokens: list[str] = []
    for lesson, exercises in _items(data.get("answers")):
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
            missed = status if status and not correct and status != NOT_ATTEMPTED else None
            answers[f"{lesson}/{exercise}"] = Answer(correct, first, missed and missed[:60])
    reflections = [
        Reflection(prompt.split("_")[0], prompt, _text(r.get("text")), r.get("may_show") is True)
        for prompt, r in _items(data.get("reflections"))
        if _text(r.get("text")).strip()
    ]
    consent = data.get("consent") if isinstance(data.get("consent"), dict) else {}
    left_out = consent.get("left_out") if isinstance(consent.get("left_out"), list) else []
    return LearnerWork(
        learner=_text(data.get("learner"), "(no name)").removeprefix("'")[:80] or "(no name)",
        source=source,
        answers=answers,
        reflections=tuple(reflections),
        poll_tokens=tuple(tokens),
        left_out=tuple(str(x) for x in left_out),
        judge_calls=judge_calls(data.get("judge_first")),
    )


def _items(value, *, values: type = dict):
    if not isinstance(value, dict):
        return []
    return [(str(k), v) for k, v in sorted(value.items()) if isinstance(v, values)]


@dataclass
class ClassFolder:
    """Every learner's work that loaded, and a message for every file that did not."""

    work: list[LearnerWork]
    problems: list[str]


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


def _read_bytes(data: bytes, source: str) -> LearnerWork:
    if len(data) > MAX_BYTES:
        raise ExportError(
            f"{source}: {len(data):,} bytes, larger than any export ({MAX_BYTES:,} at most); skipped."
        )
    return parse_export(data.decode("utf-8", errors="replace"), source=source)


def _stem(source: str) -> str:
    return PurePosixPath(source).stem.lower()


def _owner(source: str, prefix: str) -> str:
    """Whose file: the key after the prefix in its name, else the folder it is in (LMS style)."""
    stem = PurePosixPath(source).stem
    key = stem[len(prefix) :].lstrip("_-") if stem.lower().startswith(prefix) else ""
    return key or PurePosixPath(source).parent.name or stem


def _from_zip(path: Path, problems: list[str]) -> list[tuple[str, bytes]]:
    found = []
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        problems.append(f"{path.name}: not a readable zip ({error}); skipped.")
        return found
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(SUFFIXES):
                continue
            if not _safe_member(info.filename):
                problems.append(
                    f"{path.name}: {info.filename!r} points outside the folder; skipped "
                    "(nothing is extracted to disk)."
                )
            elif info.file_size > MAX_BYTES:
                problems.append(
                    f"{path.name}/{info.filename}: {info.file_size:,} bytes, larger than any "
                    f"export ({MAX_BYTES:,} at most); skipped."
                )
            else:
                with archive.open(info) as member:
                    found.append((f"{path.name}/{info.filename}", member.read(MAX_BYTES + 1)))
    return found


def class_files(root: Path, problems: list[str]) -> list[Path]:
    """Every path under ``root``, at most :data:`MAX_ENTRIES` and :data:`MAX_DEPTH` deep.

    A class folder holds a few hundred files; a wrong path typed in (``/``, a home
    folder) must give a message, not walk the whole disk. Linked folders are not entered.
    """
    found: list[Path] = []
    folders = [(root, 0)]
    while folders:
        folder, depth = folders.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError as error:
            problems.append(f"{folder}: cannot be read ({error.strerror}); skipped.")
            continue
        for entry in entries:
            if len(found) >= MAX_ENTRIES:
                problems.append(
                    f"{root} holds more than {MAX_ENTRIES} files: is it the class's folder? "
                    "Only the first were read."
                )
                return sorted(found)
            found.append(entry)
            if entry.is_dir() and not entry.is_symlink() and depth < MAX_DEPTH:
                folders.append((entry, depth + 1))
    return sorted(found)


def read_class_folder(folder: str | Path) -> ClassFolder:
    """Load every export under ``folder`` (sub-folders and zips included), skipping what is unsafe.

    Learners with the same name are told apart as "Name (2)", and the teacher is told.
    Symbolic links are not followed.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ExportError(f"{root} is not a folder. Give the folder that holds the exports.")
    problems: list[str] = []
    raw: list[tuple[str, bytes]] = []
    for path in class_files(root, problems):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(f"{relative}: a link; not followed.")
        elif path.is_file() and path.suffix.lower() == ".zip":
            raw += _from_zip(path, problems)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:
            with path.open("rb") as handle:
                raw.append((relative, handle.read(MAX_BYTES + 1)))
    work: list[LearnerWork] = []
    reviews: dict[str, dict[str, str]] = {}
    for source, data in raw:
        try:
            if _stem(source).startswith(REVIEW_STEM):
                reviews[_owner(source, REVIEW_STEM)] = review_choices_from_bytes(data, source)
            else:
                work.append(_read_bytes(data, source))
        except RecordError as error:  # ExportError, or a review too large
            problems.append(str(error))
    work = [
        LearnerWork(
            **{**w.__dict__, "review_choices": reviews.pop(_owner(w.source, EXPORT_STEM), {})}
        )
        for w in work
    ]
    work += [
        LearnerWork(owner, f"{owner} (review only)", review_choices=c)
        for owner, c in reviews.items()
    ]
    return ClassFolder(_distinct_names(work, problems), problems)


def _distinct_names(work: list[LearnerWork], problems: list[str]) -> list[LearnerWork]:
    seen: dict[str, int] = {}
    distinct = []
    for item in work:
        key = " ".join(item.learner.split()).casefold()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            renamed = f"{item.learner} ({seen[key]})"
            problems.append(
                f"{item.source}: another file has the name {item.learner!r}; shown as {renamed!r}."
            )
            item = LearnerWork(**{**item.__dict__, "learner": renamed})
        distinct.append(item)
    return distinct
