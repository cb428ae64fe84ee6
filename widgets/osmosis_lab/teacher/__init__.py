"""The teacher's side of the class: the poll's answers and the learners' exported work, read from files.

Plain Python at the level of :mod:`osmosis_lab.review`: it reads files and
builds text and HTML strings; the widgets that show them live in
:mod:`osmosis_lab.explorers.teacher_view`. Nothing here writes to a learner's files.

Reading
    :func:`read_class_folder` (folders, zips, hub drop folders), :func:`parse_export`,
    :func:`load_poll_questions`
The poll's answers
    :func:`counts_from_hands`, :func:`tally_tokens`, :func:`tally_drop_folder`
What may be shown
    :func:`suppress_counts`, :func:`projector_html`, :func:`private_html`,
    :func:`summary_markdown`, :func:`learners_csv`, :func:`csv_safe`

Examples
--------
>>> suppress_counts({"yes": 26, "no": 4})["no"]
'fewer than 5'
>>> suppress_counts({"yes": 26, "no": 4})["yes"]
'hidden (with the total, it would give the small count away)'
"""

from osmosis_lab.teacher.class_folder import ClassFolder, read_class_folder, unreadable_note
from osmosis_lab.teacher.exports import ExportError, LearnerWork, parse_export
from osmosis_lab.teacher.poll_input import counts_from_hands, tally_drop_folder, tally_tokens
from osmosis_lab.teacher.questions import NEVER_ASK, PollQuestion, load_poll_questions
from osmosis_lab.teacher.report import (
    poll_sentences,
    private_html,
    projector_html,
    summary_markdown,
)
from osmosis_lab.teacher.tables import csv_safe, learners_csv, suppress_counts

__all__ = [
    "NEVER_ASK",
    "ClassFolder",
    "ExportError",
    "LearnerWork",
    "PollQuestion",
    "counts_from_hands",
    "csv_safe",
    "learners_csv",
    "load_poll_questions",
    "parse_export",
    "poll_sentences",
    "private_html",
    "projector_html",
    "read_class_folder",
    "unreadable_note",
    "suppress_counts",
    "summary_markdown",
    "tally_drop_folder",
    "tally_tokens",
]
