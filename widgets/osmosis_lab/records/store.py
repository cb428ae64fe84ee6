"""Each learner's saved work, kept as data in one file per learner, in one folder.

The learner gives a name or pseudonym once; :func:`learner_key` turns it into a
safe file-name part (no folders, no ``..``, the same for ``"Zoé "`` and
``"zoé"``, different for different learners, even in scripts a slug cannot spell).
Two learners on one shared laptop therefore get two files, and loading reads
only the file of the name given.

A record is a JSON file (format :data:`FORMAT`, version :data:`VERSION`)::

    {"format": "osmosis-lab-record", "version": 1, "learner": "Zoé",
     "sections": {"05_design_review": {"fields": {...}, "saved_at": "2026-..."}}}

Each lesson keeps its fields in its own section, so loading after a kernel
restart refills them. Every write goes through :func:`write_text_atomically`.

Examples
--------
>>> import shutil, tempfile
>>> store = RecordStore(tempfile.mkdtemp())
>>> path = store.save("Zoé", "05_design_review", {"review": "Delay the launch."})
>>> path.name
'osmosis_work_zoe-33b40fa2.json'
>>> store.load("zoé ")["05_design_review"]["review"]
'Delay the launch.'
>>> store.load("Niels")
{}
>>> [p.name for p in store.delete("Zoé")], store.load("Zoé")
(['osmosis_work_zoe-33b40fa2.json'], {})
>>> shutil.rmtree(store.folder)
>>> learner_key("../../etc/passwd") != learner_key("etc/passwd")
True
>>> learner_key("Zoé Lemoine").startswith("zoe-lemoine-")
True
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from osmosis_lab.errors import EmptyRecordRefused, RecordError
from osmosis_lab.records.safe_write import (
    read_text_if_present,
    repair_surrogates,
    write_text_atomically,
)

FORMAT = "osmosis-lab-record"
#: Bump when the layout changes; :meth:`RecordStore.load` refuses versions it does not know.
VERSION = 1
#: Every record file is named ``<PREFIX><learner_key>.json``.
PREFIX = "osmosis_work_"
MAX_NAME = 80


def normalise_name(name: str) -> str:
    """The name as the learner means it: Unicode NFKC, spaces collapsed, case folded."""
    if not isinstance(name, str):
        raise RecordError(f"A name must be text; got {name!r}. Type your name or a pseudonym.")
    text = " ".join(unicodedata.normalize("NFKC", repair_surrogates(name)).split()).casefold()
    if not text:
        raise RecordError("Type your name or a pseudonym first, so your work is kept as yours.")
    if len(text) > MAX_NAME:
        raise RecordError(f"That name is {len(text)} characters; use at most {MAX_NAME}.")
    return text


def learner_key(name: str) -> str:
    """A safe file-name part for ``name``: a readable slug and a short fingerprint.

    The slug keeps letters and digits only (accents dropped), so no path separator,
    ``..`` or control character can reach a file name; the fingerprint (8 hex
    digits of SHA-256 of the normalised name) keeps "Zoé" and "Zoe", or two names
    in a script the slug drops, apart.
    """
    normal = normalise_name(name)
    ascii_only = unicodedata.normalize("NFKD", normal).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:40].strip("-") or "learner"
    fingerprint = hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{fingerprint}"


def has_learner_text(value) -> bool:
    """True if ``value`` (nested dicts and lists of fields) holds any non-blank text."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(has_learner_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(has_learner_text(v) for v in value)
    return False


class RecordStore:
    """The learners' records in ``folder`` (default: the current folder, next to the notebook)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder if folder is not None else Path.cwd()).expanduser().resolve()

    def path(self, name: str) -> Path:
        """The record file of the learner called ``name``."""
        return self.folder / f"{PREFIX}{learner_key(name)}.json"

    def companion(self, name: str, stem: str, suffix: str = ".md") -> Path:
        """A file beside the record for the same learner, e.g. their review as Markdown."""
        return self.folder / f"{stem}_{learner_key(name)}{suffix}"

    def load(self, name: str) -> dict[str, dict]:
        """Section -> fields for ``name``; ``{}`` if this learner saved nothing yet.

        Raises
        ------
        RecordError
            The file is not a record this version can read; it is left as it is.
        """
        return {key: s["fields"] for key, s in self._read(name)["sections"].items()}

    def save(self, name: str, section: str, fields: dict, *, allow_empty: bool = False) -> Path:
        """Keep ``fields`` as ``section`` of ``name``'s record; other sections stay as they were.

        Text is stored with broken characters repaired (:func:`repair_surrogates`).
        Fields without any text cannot replace fields with text unless ``allow_empty``.

        Raises
        ------
        EmptyRecordRefused, RecordNotWritten, UnsafeRecordPath, RecordError
            Nothing was changed; the message says why and what to do.
        """
        record = self._read(name)
        old = record["sections"].get(section, {}).get("fields", {})
        if not allow_empty and has_learner_text(old) and not has_learner_text(fields):
            raise EmptyRecordRefused(
                f"Not saved: your saved {section} holds text and the new one is empty. Your "
                "record is unchanged. To empty it on purpose, use the Clear button."
            )
        record["learner"] = repair_surrogates(" ".join(name.split()))
        record["sections"][section] = {
            "fields": json.loads(repair_surrogates(json.dumps(fields, ensure_ascii=False))),
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        return write_text_atomically(self.path(name), text)

    def move(self, old: str, new: str) -> None:
        """Move what is kept under ``old`` into ``new``'s record, then erase ``old``'s record.

        For a name cut short: Enter can reach the kernel before the last letters typed, so
        the work held before signing in was kept under "Inè" instead of "Inès". Fields kept
        under ``old`` win over the same fields of ``new`` (they are the newer work).

        Raises
        ------
        RecordError
            As for :meth:`load`, :meth:`save` and :meth:`delete`; ``old``'s record is erased
            only once everything in it is kept under ``new``.
        """
        for section, fields in self.load(old).items():
            kept = self.load(new).get(section, {})
            self.save(new, section, {**kept, **fields}, allow_empty=True)
        self.delete(old)

    def delete(self, name: str, *, companions: tuple[str, ...] = ()) -> list[Path]:
        """Erase ``name``'s record and the companion files of those stems; return what was erased.

        Only this learner's files in this folder are touched. A link planted where a file
        should be is removed as a link (what it points to is left alone).

        Raises
        ------
        RecordError
            A file could not be erased (the message says which and why); files erased
            before it stay erased.
        """
        erased = []
        for path in [self.path(name), *(self.companion(name, stem) for stem in companions)]:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as error:
                raise RecordError(
                    f"Could not delete {path} ({error.strerror or error}). Delete it from the "
                    "file browser, or ask your teacher."
                ) from error
            erased.append(path)
        return erased

    def _read(self, name: str) -> dict:
        path = self.path(name)
        text = read_text_if_present(path)
        if text is None:
            return {"format": FORMAT, "version": VERSION, "learner": name, "sections": {}}
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise RecordError(
                f"{path} is not a readable record (line {error.lineno}); it was left as it is. "
                "Move it elsewhere to start a new record, or ask your teacher to look at it."
            ) from error
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise RecordError(f"{path} is not an Osmosis Lab record; it was left as it is.")
        if record.get("version") != VERSION or not isinstance(record.get("sections"), dict):
            raise RecordError(
                f"{path} has record version {record.get('version')!r}; this lesson reads version "
                f"{VERSION}. It was left as it is: update the lessons, or use another name."
            )
        return record
