"""The safe writer: a failure at any step leaves the earlier save intact and says so.

Every scenario runs on :func:`records.write_text_atomically` and on the review
writer's :func:`save_review` (what lesson 05 calls), so a writer that regresses
to ``Path.write_text`` fails here.
"""

import errno
import os
import subprocess
import sys
import textwrap
import threading

import pytest

from osmosis_lab import errors
from osmosis_lab.explorers import review_writer
from osmosis_lab.records import repair_surrogates, write_text_atomically

OLD = "# My review\n\nDelay the launch: fair form first.\n"
WRITERS = {"write_text_atomically": write_text_atomically, "save_review": review_writer.save_review}


@pytest.fixture(params=sorted(WRITERS))
def write(request):
    return WRITERS[request.param]


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "review.md"
    path.write_text(OLD, encoding="utf-8")
    return path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_and_an_existing_file_are_written_whole(write, saved, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write("new.md", "# Hi\n") == tmp_path / "new.md"
    assert write(saved, "Launch.\n") == saved
    assert saved.read_text(encoding="utf-8") == "Launch.\n" and leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(saved):
    saved.chmod(0o640)
    write_text_atomically(saved, "Launch.\n")
    assert saved.stat().st_mode & 0o777 == 0o640


def test_short_writes_still_write_everything(saved, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    write_text_atomically(saved, "é" * 1000)
    assert saved.read_text(encoding="utf-8") == "é" * 1000


@pytest.mark.parametrize("empty", ["", "  \n\t"])
def test_an_empty_text_never_replaces_saved_work(write, saved, empty):
    with pytest.raises(errors.EmptyRecordRefused, match="Clear button"):
        write(saved, empty)
    assert saved.read_text(encoding="utf-8") == OLD


def test_only_an_explicit_clear_empties_a_file(saved, tmp_path):
    assert write_text_atomically(saved, "", allow_empty=True).read_text(encoding="utf-8") == ""
    write_text_atomically(saved, "")  # empty over empty loses nothing
    write_text_atomically(tmp_path / "fresh.md", "")  # nor over no file at all
    assert (tmp_path / "fresh.md").read_bytes() == b""


def _fail_with(code):
    def failing(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return failing


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_full_disk_at_any_step_keeps_the_old_file(write, saved, tmp_path, monkeypatch, step):
    monkeypatch.setattr(os, step, _fail_with(errno.ENOSPC))
    with pytest.raises(errors.RecordNotWritten, match="disk is full") as caught:
        write(saved, "A longer, newer review.\n")
    assert "previous save is unchanged" in str(caught.value)
    monkeypatch.undo()
    assert saved.read_text(encoding="utf-8") == OLD and leftovers(tmp_path) == []


FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from osmosis_lab.explorers import review_writer
from osmosis_lab.records import write_text_atomically
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write then fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (100, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
write = {"write_text_atomically": write_text_atomically,
         "save_review": review_writer.save_review}[sys.argv[1]]
try:
    write(sys.argv[2], "x" * 5000)
except Exception as error:
    print(type(error).__name__, error)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_real_refused_write_keeps_the_old_file(write, saved, tmp_path):
    """No patching: the operating system itself refuses to let the file grow (like a full disk)."""
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FILE_SIZE_LIMIT), write.__name__, str(saved)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert run.stdout.startswith("RecordNotWritten") and "larger than" in run.stdout
    assert saved.read_text(encoding="utf-8") == OLD and leftovers(tmp_path) == []


def test_half_an_emoji_is_refused_before_the_file_is_touched(write, saved):
    with pytest.raises(errors.UnencodableText, match="half of an emoji"):
        write(saved, "Delay the launch \ud83d")
    assert saved.read_text(encoding="utf-8") == OLD


def test_repairing_keeps_every_whole_character():
    assert repair_surrogates("a\ud83d b\ude00 \ud83d\ude00 é") == "a\ufffd b\ufffd 😀 é"


def test_a_symlink_at_the_file_name_is_refused_and_its_target_untouched(write, saved, tmp_path):
    link = tmp_path / "my_review.md"
    link.symlink_to(saved)
    with pytest.raises(errors.UnsafeRecordPath, match="symbolic link"):
        write(link, "Written through the link?\n")
    assert saved.read_text(encoding="utf-8") == OLD and link.is_symlink()


def test_a_dangling_symlink_is_refused_too(write, tmp_path):
    link = tmp_path / "my_review.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(errors.UnsafeRecordPath):
        write(link, "text\n")
    assert not (tmp_path / "elsewhere.md").exists()


def test_a_symlinked_folder_on_the_way_is_fine(write, tmp_path):
    home = tmp_path / "real_home"
    home.mkdir()
    (tmp_path / "home").symlink_to(home, target_is_directory=True)
    write(tmp_path / "home" / "review.md", "Kept.\n")
    assert (home / "review.md").read_text(encoding="utf-8") == "Kept.\n"


def test_a_folder_at_the_name_or_a_missing_folder_is_reported(write, tmp_path):
    (tmp_path / "review.md").mkdir()
    with pytest.raises(errors.UnsafeRecordPath, match="folder"):
        write(tmp_path / "review.md", "text\n")
    with pytest.raises(errors.RecordNotWritten, match="folder does not exist"):
        write(tmp_path / "missing" / "review.md", "text\n")


def test_racing_writers_never_leave_a_torn_file(write, saved, tmp_path):
    versions = [f"version {n}\n" + chr(ord("a") + n) * 200_000 for n in range(6)]
    seen, stop = set(), threading.Event()

    def read_while_writing():
        while not stop.is_set():
            seen.add(saved.read_text(encoding="utf-8"))

    def keep_writing(text):
        for _ in range(8):
            write(saved, text)

    reader = threading.Thread(target=read_while_writing)
    writers = [threading.Thread(target=keep_writing, args=(text,)) for text in versions]
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    stop.set()
    reader.join()
    assert seen <= {OLD, *versions}, "a reader saw a half-written file"
    assert saved.read_text(encoding="utf-8") in versions and leftovers(tmp_path) == []
