"""What a browser test serves: a temporary copy of the lessons, never the repository itself.

A learner's walk through a lesson writes files next to the notebook: signing in keeps a record
(``osmosis_work_<key>.json``), lesson 05 saves a review, Export my work writes an export, the
class poll keeps its token, the teacher's view writes a summary. Those names are gitignored (or
look like a learner's own), so a test run that wrote them into the repository's ``lessons/``
would go unnoticed, and the next run would start from a stale record. Every browser test's
JupyterLab therefore serves :func:`copy_lessons`, and :func:`learner_files` lets the session
check that nothing of the kind appeared in (or changed in) the repository while it ran.

Examples
--------
>>> import tempfile
>>> root = copy_lessons(Path(tempfile.mkdtemp()))
>>> (root / "lessons" / "00_start_here.ipynb").is_file()
True
>>> is_learner_file(Path("osmosis_work_zoe-33b40fa2.json")), is_learner_file(Path("a.ipynb"))
(True, False)
>>> shutil.rmtree(root)
"""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path

from .env import REPO

#: Files a learner's (or teacher's) session writes next to a notebook, and their temporary
#: siblings while being written atomically (``.osmosis_work_….tmp``).
LEARNER_FILE_PATTERNS = (
    "osmosis_work_*",
    "my_design_review*",
    "osmosis_export_*",
    "osmosis_poll_*",
    "class_summary*",
)
#: The committed synthetic class the teacher's notebook reads (``lessons/teacher/sample_class``):
#: its exports are data, copied and never counted as a session's files.
SAMPLE_CLASS = "sample_class"


def is_learner_file(path: Path) -> bool:
    """True if ``path``'s name is one a learner's session writes (or its temporary file)."""
    name = path.name.lstrip(".")
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in LEARNER_FILE_PATTERNS)


def _ignore_learner_files(folder: str, names: list[str]) -> set[str]:
    if SAMPLE_CLASS in Path(folder).parts:
        return set()  # the committed synthetic class: data, not a learner's session
    return {name for name in names if is_learner_file(Path(name))}


def copy_lessons(root: Path, *, source: Path = REPO) -> Path:
    """Copy ``source``'s ``lessons/`` into ``root/lessons`` (learner files left behind); return root.

    Served from ``root``, a notebook keeps its repository path (``lessons/00_start_here.ipynb``)
    and its kernel runs in the copy, so whatever it writes lands there. The committed synthetic
    class (``lessons/teacher/sample_class``) is copied whole: its exports are data, not a
    learner's session.
    """
    root = Path(root)
    shutil.copytree(source / "lessons", root / "lessons", ignore=_ignore_learner_files)
    return root


def learner_files(folder: Path = REPO / "lessons") -> dict[Path, tuple[int, int]]:
    """Every learner file under ``folder`` and every folder in it, with size and mtime.

    The sample class is left out (committed data). Two snapshots that differ mean a test wrote
    into ``folder``: a learner file new or changed, or (a folder's mtime) a file created and
    deleted again in between, as a keyboard walk that exports, then deletes, does.
    """
    paths = [folder, *folder.rglob("*")]
    return {
        path: (stat.st_size, stat.st_mtime_ns)
        for path in sorted(paths)
        if (path.is_dir() or is_learner_file(path))
        and SAMPLE_CLASS not in path.relative_to(folder).parts
        and (stat := path.stat(follow_symlinks=False))
    }


def new_learner_files(before: dict, after: dict) -> list[str]:
    """What changed between two :func:`learner_files` snapshots, relative to the repository.

    >>> lessons = REPO / "lessons"
    >>> new_learner_files({lessons: (1, 1)}, {lessons: (1, 2), lessons / "osmosis_poll_q1.txt": (6, 1)})
    ['lessons (a file was created or deleted in it)', 'lessons/osmosis_poll_q1.txt']
    """
    changed = []
    for path in sorted(set(before) | set(after)):
        if before.get(path) == after.get(path):
            continue
        name = str(path.relative_to(REPO))
        if path not in after:
            changed.append(f"{name} (deleted)")
        elif path.is_dir():
            if path in before:  # a new folder shows as its parent's change, or as a new file
                changed.append(f"{name} (a file was created or deleted in it)")
        else:
            changed.append(name)
    return changed
