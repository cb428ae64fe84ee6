"""Which learner files were written into a folder while a test module ran, exactly.

Comparing two snapshots of the learner files (:func:`workspace.learner_files`) misses a file
created and deleted in between, as a keyboard walk that exports, then deletes, does. A folder's
mtime would see it, but also anything else another process creates there: under pytest-xdist
the other worker runs the lessons in place (nbval, the kernels layer), and whatever a kernel or
a server legitimately writes beside a notebook would be blamed on the browser test. So on Linux
the folder tree is watched with inotify and only the names of learner files count (the
snapshots still catch one written into a folder created meanwhile, which no watch covers).

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with LearnerFileWatch(folder) as watch:
...     (folder / "osmosis_export_zoe.md").write_text("x")
...     (folder / "osmosis_export_zoe.md").unlink()
...     (folder / "kernel-1.json").write_text("{}")  # not a learner's file
...     (folder / "__pycache__").mkdir()
1
2
>>> watch.written()
['osmosis_export_zoe.md']
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import struct
import sys
from pathlib import Path

from .workspace import SAMPLE_CLASS, is_learner_file

# inotify(7): what a write, a deletion or a rename of a file in a watched folder raises
_IN_NONBLOCK = 0o4000
_MASK = 0x2 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200  # MODIFY CLOSE_WRITE MOVED_FROM/TO CREATE DELETE
_EVENT = struct.Struct("iIII")


class LearnerFileWatch:
    """Context manager: the learner files created, changed, renamed or deleted under ``folder``.

    :meth:`written` lists them relative to ``folder``, sorted. Off Linux (no inotify) it lists
    nothing, and the snapshot comparison of :mod:`workspace` is the only check.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._fd = -1
        self._folders: dict[int, Path] = {}
        self._seen: set[str] = set()

    def __enter__(self) -> LearnerFileWatch:
        libc = _libc()
        if libc is None:
            return self
        self._fd = libc.inotify_init1(_IN_NONBLOCK)
        if self._fd < 0:
            return self
        for folder, _names, _files in os.walk(self.folder):
            if SAMPLE_CLASS in Path(folder).relative_to(self.folder).parts:
                continue  # the committed synthetic class: data, not a learner's session
            watch = libc.inotify_add_watch(self._fd, os.fsencode(folder), _MASK)
            if watch >= 0:
                self._folders[watch] = Path(folder)
        return self

    def __exit__(self, *exc) -> None:
        if self._fd >= 0:
            self._drain()
            os.close(self._fd)
            self._fd = -1

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                watch, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size
                name = os.fsdecode(data[offset : offset + length].rstrip(b"\0"))
                offset += length
                if name and is_learner_file(Path(name)) and watch in self._folders:
                    path = self._folders[watch] / name
                    self._seen.add(str(path.relative_to(self.folder)))

    def written(self) -> list[str]:
        return sorted(self._seen)


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.inotify_init1, libc.inotify_add_watch  # noqa: B018 (present in this libc?)
        return libc
    return None
