"""Write a learner's file so that no failure can destroy what was saved before.

The new text goes to a temporary file in the same folder, is flushed to the
disk (``fsync``), and only then takes the old file's place with ``os.replace``,
which is atomic: a reader sees the old file or the new one, never half of
one. If anything fails (a full disk, a read-only folder, a broken character)
the old file is untouched, the temporary file is removed, and a specific
:class:`~osmosis_lab.errors.RecordError` says what happened and what to do.

A symbolic link *as the file name itself* is refused (a save must not write
through a link planted where the learner's file should be); a linked *folder*
on the way, such as a home folder on a JupyterHub, is fine.

Examples
--------
>>> import shutil, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> path = write_text_atomically(folder / "notes.md", "Fair form first.\\n")
>>> path.read_text(encoding="utf-8")
'Fair form first.\\n'
>>> write_text_atomically(folder / "notes.md", "")
Traceback (most recent call last):
...
osmosis_lab.errors.EmptyRecordRefused: ...
>>> shutil.rmtree(folder)
>>> repair_surrogates("half an emoji: \\ud83d"), repair_surrogates("\\ud83d\\ude00")
('half an emoji: �', '😀')
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from osmosis_lab.errors import (
    EmptyRecordRefused,
    RecordNotWritten,
    UnencodableText,
    UnsafeRecordPath,
)

#: Open flags for reading or creating without following a link at the last component.
#: Windows has no O_NOFOLLOW; there the ``lstat`` check below is what refuses a link.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

_ADVICE = {
    errno.ENOSPC: "The disk is full. Free some space (delete files you no longer need), "
    "then press Save again",
    errno.EDQUOT: "Your storage quota is used up. Delete files you no longer need, "
    "then press Save again",
    errno.EROFS: "This folder is read-only. Ask your teacher where you may save files",
    errno.EACCES: "You may not write in this folder. Ask your teacher where you may save files",
    errno.EPERM: "You may not write in this folder. Ask your teacher where you may save files",
    errno.ENOENT: "The folder does not exist (any more). Check where the notebook is",
    errno.EFBIG: "The file would be larger than this system allows. Shorten the text, "
    "then press Save again",
}


def repair_surrogates(text: str) -> str:
    """``text`` with surrogate pairs joined and any lone surrogate replaced by "�".

    A browser can split an emoji in two (UTF-16 halves); the halves cannot be
    stored in a UTF-8 file. Joining a valid pair keeps the emoji; a lone half
    carries no meaning, so replacing it keeps every other character the learner
    wrote instead of refusing the whole text.
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def read_text_if_present(path: str | Path) -> str | None:
    """The UTF-8 text of ``path``, or ``None`` if there is no such file.

    Raises
    ------
    UnsafeRecordPath
        ``path`` is a symbolic link or not a regular file.
    RecordNotWritten
        The file exists but cannot be read (the message says why).
    """
    target = Path(path)
    if _check_target(target) is None:
        return None
    try:
        fd = os.open(target, os.O_RDONLY | _NOFOLLOW)
        with open(fd, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise _unsafe_or_failed(target, error, "read") from error
    return data.decode("utf-8", errors="replace")


def write_text_atomically(path: str | Path, text: str, *, allow_empty: bool = False) -> Path:
    """Replace ``path`` with ``text`` (UTF-8) atomically; return the absolute path written.

    Parameters
    ----------
    path : str or Path
        The file to write; its folder must exist. ``~`` is expanded.
    text : str
        The new content.
    allow_empty : bool
        Only ``True`` lets an empty (or blank) ``text`` replace a file with content
        (the explicit "Clear" path).

    Raises
    ------
    UnencodableText
        ``text`` holds a lone surrogate; nothing was written (see :func:`repair_surrogates`).
    EmptyRecordRefused
        ``text`` is blank, the file holds something, and ``allow_empty`` is false.
    UnsafeRecordPath
        ``path`` is a symbolic link, a folder or another non-regular file.
    RecordNotWritten
        The system refused the write (disk full, read-only ...); the old file is unchanged.
    """
    target = _absolute(Path(path))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise UnencodableText(
            f"Not saved to {target}: the text holds a broken character (half of an emoji, "
            f"at position {error.start}). Nothing was changed. Delete that character, or pass "
            "the text through repair_surrogates(), then save again."
        ) from error
    if not text.strip() and not allow_empty:
        old = read_text_if_present(target)
        if old is not None and old.strip():
            raise EmptyRecordRefused(
                f"Not saved: {target} holds your earlier work and the new text is empty. "
                "Your file is unchanged. To empty it on purpose, use the Clear button."
            )
    _replace_with(target, data, _check_target(target))
    return target


def _absolute(path: Path) -> Path:
    # resolve() the folder only: the last component may be a link, which must be seen, not followed
    path = path.expanduser()
    return path.parent.resolve() / path.name


def _check_target(target: Path) -> os.stat_result | None:
    """``target``'s status if it is a regular file, None if absent; refuse anything else."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _unsafe_or_failed(target, error, "check") from error
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeRecordPath(
            f"Not saved: {target} is a symbolic link, and saving would write into whatever "
            "it points to. Nothing was changed. Delete or rename the link, then save again."
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeRecordPath(
            f"Not saved: {target} is a folder or a special file, not a plain file. Nothing was "
            "changed. Rename it, then save again."
        )
    return info


def _replace_with(target: Path, data: bytes, old: os.stat_result | None) -> None:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    step = "create a temporary file"
    try:
        # a new file gets the usual permissions (0o666 less the umask), as Path.write_text gave;
        # a replaced file keeps its own, so who may read it does not change behind anyone's back
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
        try:
            if old is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
            step = "write"
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view) :]
            step = "flush to the disk"
            os.fsync(fd)
        finally:
            os.close(fd)
        step = "replace the old file"
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _failed(target, error, step) from error
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; best effort: some systems cannot open a folder to sync it,
    # and the new file is already in place, so a failure here loses nothing.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _failed(target: Path, error: OSError, step: str) -> RecordNotWritten:
    advice = _ADVICE.get(error.errno, "Try again; if it keeps failing, copy your text elsewhere")
    reason = error.strerror or str(error)
    return RecordNotWritten(
        f"Not saved to {target} (could not {step}: {reason}). Your previous save is unchanged. "
        f"{advice}."
    )


def _unsafe_or_failed(target: Path, error: OSError, step: str) -> Exception:
    if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link planted after the check
        return UnsafeRecordPath(
            f"Not saved: {target} is a symbolic link. Nothing was changed. Delete or rename "
            "the link, then save again."
        )
    return _failed(target, error, step)
