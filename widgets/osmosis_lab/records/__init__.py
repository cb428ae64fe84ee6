"""Learner work kept safely: atomic writes, one record per learner, inert Markdown.

A layer of its own, below the engines and data and above the explorers: it may
import :mod:`osmosis_lab.errors` and the standard library, never ipywidgets,
altair or an explorer. Lesson 05's review writer, the answers and reflections every
lesson keeps, and the learner's export (:mod:`.export`, EXPORT_FORMAT.md) write
through it.

Examples
--------
>>> import shutil, tempfile
>>> store = RecordStore(tempfile.mkdtemp())
>>> store.path("Zoé").name.startswith("osmosis_work_zoe-")
True
>>> shutil.rmtree(store.folder)
"""

from osmosis_lab.records.export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    export_markdown,
    export_parts,
)
from osmosis_lab.records.export_read import read_export
from osmosis_lab.records.markdown import inert_markdown, neutralise_formula
from osmosis_lab.records.safe_write import (
    read_text_if_present,
    repair_surrogates,
    write_text_atomically,
)
from osmosis_lab.records.store import (
    FORMAT,
    VERSION,
    RecordStore,
    has_learner_text,
    learner_key,
    normalise_name,
)

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "export_markdown",
    "export_parts",
    "neutralise_formula",
    "read_export",
    "FORMAT",
    "VERSION",
    "RecordStore",
    "has_learner_text",
    "inert_markdown",
    "learner_key",
    "normalise_name",
    "read_text_if_present",
    "repair_surrogates",
    "write_text_atomically",
]
