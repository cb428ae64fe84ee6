"""Read the learners' exported work from a folder or a zip, refusing what is unsafe or unknown.

Where files come from: an LMS download (one folder per student, or a zip of them),
nbgrader's exchange, or the hub's drop folder (one folder per learner). Every file is
read as data: nothing is executed, followed or extracted to disk. A file that cannot be
read safely is skipped with a message saying why; it never stops the others from
loading. What one file holds is :mod:`osmosis_lab.teacher.exports`' part.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> block = '{"format": "osmosis-lab-export", "version": 1, "learner": "Ana", "answers": {}}'
>>> for student in ("ana", "ana_again"):
...     (folder / student).mkdir()
...     _ = (folder / student / "osmosis_export.md").write_text("```json\\n" + block + "\\n```")
>>> loaded = read_class_folder(folder)
>>> [work.learner for work in loaded.work], len(loaded.problems)
(['Ana', 'Ana (2)'], 1)
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from osmosis_lab.errors import RecordError
from osmosis_lab.records import learner_key
from osmosis_lab.teacher.exports import MAX_BYTES, ExportError, LearnerWork, read_export_bytes
from osmosis_lab.teacher.review_files import review_choices_from_bytes

#: A class folder (an LMS download, a drop folder) holds a few hundred entries at most.
MAX_ENTRIES = 5000
MAX_DEPTH = 6
#: Files whose name ends so are read; everything else in a folder is ignored quietly.
SUFFIXES = (".md", ".json")
REVIEW_STEM = "my_design_review"
EXPORT_STEM = "osmosis_export"


@dataclass
class ClassFolder:
    """Every learner's work that loaded, and a message for every file that did not.

    ``unreadable``: the folders and files the operating system would not let us read (also
    in ``problems``); the teacher view says so first, since their work is missing from it.
    """

    work: list[LearnerWork]
    problems: list[str]
    unreadable: list[str] = field(default_factory=list)


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


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


def class_files(root: Path, problems: list[str], unreadable: list[str] | None = None) -> list[Path]:
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
            if unreadable is not None:
                unreadable.append(str(folder))
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


def unreadable_note(loaded: ClassFolder) -> str:
    """What the teacher must read first when some of the class's files could not be read, or "".

    No paths and no names: it is shown above the projector view, and a drop folder's
    sub-folders are named after learners.

    >>> unreadable_note(ClassFolder([], [], []))
    ''
    >>> unreadable_note(ClassFolder([], ["drop: cannot be read"], ["drop"]))[:53]
    '1 folder or file could not be read, so the work in it'
    """
    count = len(loaded.unreadable)
    if not count:
        return ""
    what = "1 folder or file" if count == 1 else f"{count} folders or files"
    return (
        f"{what} could not be read, so the work in {'it is' if count == 1 else 'them is'} "
        f"missing from every count below ({len(loaded.work)} files loaded). What to do: on the "
        "school server, your account must be in the teachers' group (osmosis-teachers, "
        "deploy/README.md): ask the server's administrator to add you, then stop and start your "
        "server (File > Hub Control Panel) and load the folder again. Elsewhere, copy the files "
        "into a folder you can read. Which ones: the private view lists them."
    )


def read_class_folder(folder: str | Path) -> ClassFolder:
    """Load every export under ``folder`` (sub-folders and zips included), skipping what is unsafe.

    Learners with the same name are told apart as "Name (2)", and the teacher is told.
    Symbolic links are not followed.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ExportError(f"{root} is not a folder. Give the folder that holds the exports.")
    problems: list[str] = []
    unreadable: list[str] = []
    raw: list[tuple[str, bytes]] = []
    for path in class_files(root, problems, unreadable):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(f"{relative}: a link; not followed.")
        elif path.is_file() and path.suffix.lower() == ".zip":
            raw += _from_zip(path, problems)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:
            try:  # a learner's file may be theirs alone (mode 0600): skip it, say so
                with path.open("rb") as handle:
                    raw.append((relative, handle.read(MAX_BYTES + 1)))
            except OSError as error:
                problems.append(f"{relative}: cannot be read ({error.strerror}); skipped.")
                unreadable.append(relative)
    work: list[LearnerWork] = []
    reviews: dict[str, dict[str, str]] = {}
    for source, data in raw:
        try:
            if _stem(source).startswith(REVIEW_STEM):
                reviews[_owner(source, REVIEW_STEM)] = review_choices_from_bytes(data, source)
            else:
                work.append(read_export_bytes(data, source))
        except RecordError as error:  # ExportError, or a review too large
            problems.append(str(error))
    work = [_with_review_file(w, reviews) for w in work]
    work += [
        LearnerWork(owner, f"{owner} (review only)", review_choices=c)
        for owner, c in reviews.items()
    ]
    return ClassFolder(_distinct_names(work, problems), problems, unreadable)


def _with_review_file(work: LearnerWork, reviews: dict[str, dict[str, str]]) -> LearnerWork:
    """``work`` with its learner's review file taken out of ``reviews`` (one learner, counted once).

    The review file is matched by the key in the export's name (or its folder), else by the
    learner's name as the lesson keys it. Its choices are the learner's last saved review, so
    they win; without one, the choices come from the export's own review part.
    """
    keys = (_owner(work.source, EXPORT_STEM), learner_key(work.learner))
    found = [reviews.pop(key) for key in dict.fromkeys(keys) if key in reviews]
    choices = next((c for c in found if c), work.review_choices)
    return LearnerWork(**{**work.__dict__, "review_choices": choices})


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
