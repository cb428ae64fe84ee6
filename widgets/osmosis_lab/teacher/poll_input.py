"""The class poll's answers, however the room gives them: counts, pasted tokens, a drop folder.

A show of hands gives counts; a chat or a shared document gives tokens such as
``Q3-YES`` (pasted in any order, separated by spaces, commas or new lines); a
JupyterHub drop folder gives one small file per learner. All three become a
:class:`~osmosis_lab.privacy.poll.PollTally`. Tokens for another question are
not counted, and anything unreadable is reported, never guessed.

Examples
--------
>>> counts, unread = tally_tokens("Q3-YES q3-no, Q3-YES Q3-PASS Q2-YES hello", question=3)
>>> counts, unread
(PollTally(yes=2, no=1, declined=1), ['Q2-YES (another question)', 'hello'])
"""

from __future__ import annotations

import re
from pathlib import Path

from osmosis_lab.errors import PrivacyError
from osmosis_lab.privacy.poll import PollTally
from osmosis_lab.teacher.class_folder import class_files, read_class_folder
from osmosis_lab.teacher.exports import MAX_BYTES, ExportError

_TOKEN = re.compile(r"^Q(\d+)-(YES|NO|PASS)$", re.I)


def counts_from_hands(yes: int, no: int, declined: int = 0) -> PollTally:
    """The tally from counted hands (or any counts typed in).

    Raises
    ------
    PrivacyError
        A count is negative or not a whole number.
    """
    return PollTally(yes=yes, no=no, declined=declined)


def tally_tokens(text: str, *, question: int) -> tuple[PollTally, list[str]]:
    """Count the tokens for ``question`` in pasted ``text``; return what could not be counted."""
    counted = {"YES": 0, "NO": 0, "PASS": 0}
    unread = []
    for word in re.split(r"[\s,;]+", text.strip()):
        if not word:
            continue
        match = _TOKEN.match(word)
        if match is None:
            unread.append(word[:40])
        elif int(match.group(1)) != question:
            unread.append(f"{word[:40]} (another question)")
        else:
            counted[match.group(2).upper()] += 1
    return PollTally(counted["YES"], counted["NO"], counted["PASS"]), unread


def tally_drop_folder(folder: str | Path, *, question: int) -> tuple[PollTally, list[str]]:
    """Count poll tokens in every export (or small token file) under a drop folder.

    Each learner's file counts once per question, whatever it holds.
    """
    root = Path(folder)
    if not root.is_dir():
        raise PrivacyError(f"{root} is not a folder. Give the drop folder of this class.")
    loaded = read_class_folder(root)
    tokens = [t for work in loaded.work for t in work.poll_tokens if _is_for(t, question)]
    problems = list(loaded.problems)
    for path in class_files(root, []):  # a bare token file, for rooms without exports
        if (
            path.suffix != ".txt"
            or path.is_symlink()
            or not path.is_file()
            or path.stat().st_size > MAX_BYTES
        ):
            continue
        words = path.read_text(encoding="utf-8", errors="replace").split()
        ours = [w for w in words if _is_for(w, question)]
        tokens += ours[:1]
    counts, unread = tally_tokens(" ".join(tokens), question=question)
    return counts, problems + unread


def _is_for(token: str, question: int) -> bool:
    match = _TOKEN.match(token.strip())
    return match is not None and int(match.group(1)) == question


__all__ = ["ExportError", "counts_from_hands", "tally_drop_folder", "tally_tokens"]
