"""One learner's work as one file they hand in: Markdown to read, with the data inside it.

"Export my work" writes ``osmosis_export_<learner key>.md`` (format
:data:`EXPORT_FORMAT`, version :data:`EXPORT_VERSION`; ``records/EXPORT_FORMAT.md``
documents it). A person reads the Markdown; a program (the teacher's view) reads
the one fenced ``json`` block at its end with :func:`.export_read.read_export`::

    {"format": "osmosis-lab-export", "version": 2, "learner": "Zoé",
     "exported_at": "2026-...", "reader": "your teacher",
     "consent": {"included": ["answers:00_start_here"], "left_out": ["reflection:00_refuse"]},
     "answers": {"00_start_here": {"youngest_tester": {"answer": ..., "first_answer": ...,
                                                      "tries": 2, "status": "correct"}}},
     "judge_first": {"04_trust": {"cases": 10, "started_again": 0, "calls": [{"case": 3,
                     "first_call": "accept", "confidence": 80, "app_call": "reject",
                     "app_sure": 0.31, "final_call": "reject", "switched": true,
                     "did_well": false}]}},
     "reflections": {"00_refuse": {"prompt": "...", "text": "...", "may_show": false}}}

Version 2 added ``judge_first`` (lesson 04's judge-first calls), version 3
``design_review`` (lesson 05's review, its fields as saved: a teacher who asks for
"your work" gets it too); :func:`.export_read.read_export` reads older files too, as having none.
The readable part names each answer by the question the learner saw (the caller
passes ``questions``); the id stays in the data block for the teacher's view.

The learner chooses the parts (:func:`export_parts`); a part left out is absent
from both the Markdown and the data, and its id is listed under ``consent.left_out``.
Learner text is made safe for every reader the file may meet: in the Markdown it
is :func:`~osmosis_lab.records.inert_markdown` inside a quote (:func:`.quoted`: its line
breaks kept, no heading or fence of its own), so it links and fetches nothing; in the
readable lines a text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a
tab or a carriage return first, and not a plain number) gets a leading ``'``. The data
block keeps every value exactly as saved (``-3`` stays ``-3``): the teacher's view reads
values, and its spreadsheet makes each cell safe itself (``teacher.tables.csv_safe``).

Examples
--------
>>> record = {"00_start_here": {"youngest_tester": {"answer": "Niels Larson",
...     "first_answer": "Ana Stern", "tries": 2, "status": "correct"}},
...     "reflections": {"00_refuse": {"prompt": "Which first?", "text": "=1+1 ![x](http://e.x/p)",
...     "may_show": False}}}
>>> export_parts(record)
['answers:00_start_here', 'reflection:00_refuse']
>>> calls = [{"case": 3, "first_call": "accept", "confidence": 80, "app_call": "reject",
...     "app_sure": 0.31, "final_call": "reject", "switched": True, "did_well": False}]
>>> judged = {**record, "judge_first": {"04_trust": {"cases": 10, "calls": calls}}}
>>> export_parts(judged)
['answers:00_start_here', 'judge_first:04_trust', 'reflection:00_refuse']
>>> "| 3 | accept (80 %) | reject (31 %) | reject | yes | no |" in export_markdown("Zoé", judged)
True
>>> text = export_markdown("Zoé", record, exported_at="2026-12-06T08:00:00+00:00")
>>> from osmosis_lab.records.export_read import read_export
>>> data = read_export(text)
>>> data["reflections"]["00_refuse"]["text"]
'=1+1 ![x](http://e.x/p)'
>>> "!\\\\[x\\\\](http\\\\://e.x/p)" in text
True
>>> read_export(export_markdown("Zoé", record, leave_out={"reflection:00_refuse"},
...     exported_at="2026-12-06T08:00:00+00:00"))["consent"]["left_out"]
['reflection:00_refuse']
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from osmosis_lab.records.export_review import REVIEW_PART, review_lines
from osmosis_lab.records.markdown import inert_markdown, neutralise_formula, quoted

EXPORT_FORMAT = "osmosis-lab-export"
#: Bump when the layout changes; :func:`.export_read.read_export` refuses versions it does not know.
EXPORT_VERSION = 3
#: Versions :func:`.export_read.read_export` reads (1 has no ``judge_first``, 1 and 2 no ``design_review``).
READABLE_VERSIONS = (1, 2, 3)
#: Every export is named ``<EXPORT_STEM>_<learner key>.md``.
EXPORT_STEM = "osmosis_export"
#: The record section that holds the reflections (every other section is a lesson's answers).
REFLECTIONS = "reflections"
#: The record section that holds lesson 04's judge-first calls, per lesson (explorers.judge_record).
JUDGE_FIRST = "judge_first"
#: Who reads an export, said in the file and before it is written.
READER = "your teacher"
#: The record section that holds lesson 05's design review (the review writer's fields). Not
#: the lesson's name: lesson 05's exercise answers are kept under "05_design_review", and the
#: two once shared it, so saving the review replaced the answers.
REVIEW = "design_review"
#: Sections of the record that are not answers to export (lesson 05's review is its own part).
_NOT_ANSWERS = {REVIEW}
#: The heading over the data block, the file's last part (a program's, not a person's, to read).
DATA_HEADING = "## Data (for the teacher's view)"


def saved_review(record: dict[str, dict]) -> dict:
    """Lesson 05's saved review in ``record``; a review saved before it had its own section
    sits among lesson 05's answers (recognised by its text field) and is read from there.

    >>> saved_review({"05_design_review": {"review": "Not yet.", "proposing_side": {}}})
    {'review': 'Not yet.', 'proposing_side': {}}
    >>> saved_review({"05_design_review": {"proposing_side": {}}})
    {}
    """
    if REVIEW in record:
        return record[REVIEW]
    older = record.get("05_design_review", {})
    return older if "review" in older else {}


def export_parts(record: dict[str, dict]) -> list[str]:
    """The ids of the parts a learner may include or leave out, in the order shown.

    ``answers:<lesson>`` for each lesson with kept answers, ``reflection:<prompt id>``
    for each kept reflection with text, :data:`REVIEW_PART` for a saved design review.
    """
    not_answers = _NOT_ANSWERS | {REFLECTIONS, JUDGE_FIRST}
    answers = sorted(s for s, f in record.items() if s not in not_answers and f)
    judged = sorted(k for k, f in record.get(JUDGE_FIRST, {}).items() if f.get("calls"))
    kept = record.get(REFLECTIONS, {})
    reflections = sorted(p for p, r in kept.items() if str(r.get("text", "")).strip())
    return (
        [f"answers:{s}" for s in answers]
        + [f"{JUDGE_FIRST}:{k}" for k in judged]
        + [f"reflection:{p}" for p in reflections]
        + ([REVIEW_PART] if saved_review(record) else [])  # saved once: text, choices, matrix
    )


def export_time() -> str:
    """Now, as an export records it (ISO 8601, UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def export_data(
    learner: str, record: dict[str, dict], *, leave_out=(), exported_at: str | None = None
) -> dict:
    """The export as data: the parts chosen, and which were left out (the learner's choice)."""
    parts = export_parts(record)
    left_out = sorted(set(leave_out) & set(parts))
    included = [p for p in parts if p not in left_out]
    chosen = [part.split(":", 1) for part in included]
    answers = {key: record[key] for kind, key in chosen if kind == "answers"}
    reflections = {key: record[REFLECTIONS][key] for kind, key in chosen if kind == "reflection"}
    judged = {key: record[JUDGE_FIRST][key] for kind, key in chosen if kind == JUDGE_FIRST}
    review = saved_review(record) if REVIEW_PART in included else {}
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "learner": " ".join(learner.split()),
        "exported_at": exported_at or export_time(),
        "reader": READER,
        "consent": {"included": included, "left_out": left_out},
        "answers": answers,
        JUDGE_FIRST: judged,
        "reflections": reflections,
        REVIEW: review,
    }


def _quote(text: str) -> str:
    # each learner line inside a quote: no line of the file starts with the learner's text
    return "\n".join(quoted(text))


#: A verdict's status as the learner read it on screen (core's labels, without the colon).
_SAID = {"correct": "Correct", "hint": "Not yet", "could not check": "Could not check"}


def verdict_words(status, *, prediction: bool = False) -> str:
    """A kept verdict as the learner read it: a prediction unlike the data is "Noted".

    >>> verdict_words("hint"), verdict_words("hint", prediction=True), verdict_words("correct")
    ('Not yet', 'Noted', 'Correct')
    """
    if prediction and status == "hint":
        return "Noted"
    return _SAID.get(status, "?" if status is None else str(status))


def in_order(items: dict, order) -> list[tuple]:
    """``items`` in the order of the keys of ``order`` (the lessons' order); others after, by id.

    >>> in_order({"b": 1, "z": 2, "a": 3}, {"a": "", "b": ""})
    [('a', 3), ('b', 1), ('z', 2)]
    """
    rank = {key: i for i, key in enumerate(order)}
    return sorted(items.items(), key=lambda item: (rank.get(item[0], len(rank)), str(item[0])))


def _answer_words(value) -> str:
    """An answer in words for the readable part (a formula made inert, a number as typed)."""
    if isinstance(value, dict):
        words = "; ".join(f"{k}: {v}" for k, v in value.items())
    elif isinstance(value, list):
        words = ", ".join(map(str, value))
    else:
        words = str(value)
    return neutralise_formula(" ".join(words.split()))


def _judge_lines(lesson: str, kept: dict, title: str) -> list[str]:
    """Lesson 04's judge-first calls as a table a person reads (one row per case)."""

    def cell(value) -> str:
        return inert_markdown(str(value)).replace("|", "\\|")

    def sure(value) -> str:
        return f"{value:.0%}".replace("%", " %") if isinstance(value, float) else f"{value} %"

    calls = [c for c in kept.get("calls", []) if isinstance(c, dict)]
    switched = sum(c.get("switched") is True for c in calls)
    lines = [
        f"## My judge-first calls in {cell(title)}",
        "",
        f"Cases judged: {len(calls)} of {cell(kept.get('cases', '?'))}; started again "
        f"{cell(kept.get('started_again', 0))} times. Changed my call after seeing the app's "
        f"verdict: {switched}.",
        "",
        # two different numbers: how sure the learner was of their call, and the app's stated
        # chance that the couple does well (not how sure it is of "reject")
        "| Case | My first call (how sure I was) | The app said (its chance the couple does well) "
        "| My final call | Switched | The couple did well |",
        "|---|---|---|---|---|---|",
    ]
    for c in calls:
        final = c.get("final_call") or "not made yet"
        lines.append(
            f"| {cell(c.get('case'))} | {cell(c.get('first_call'))} ({cell(sure(c.get('confidence')))})"
            f" | {cell(c.get('app_call'))} ({cell(sure(c.get('app_sure')))}) | {cell(final)} | "
            f"{'yes' if c.get('switched') else 'no'} | {'yes' if c.get('did_well') else 'no'} |"
        )
    return lines + [""]


def markdown_from_data(
    data: dict, *, questions=None, labels=None, titles=None, design=None, predictions=()
) -> str:
    """The export's text from :func:`export_data`: Markdown for people, then the data block.

    Without ``exported_at`` (a preview, before anything is exported) the text has no time.
    ``questions`` (exercise id -> the question the learner saw) and ``labels`` (a review
    checklist item or role id -> its words), ``titles`` (lesson stem -> its title) and
    ``design`` (saved design choices -> rows of words, see :func:`.review_lines`) name what the
    learner saw; an id is shown without (it stays in the data block either way). Answers
    come in the order of ``questions`` (the lessons' order), reflections lesson by lesson;
    a verdict reads as on screen, "Noted" for an exercise in ``predictions``.
    """
    questions, titles = questions or {}, titles or {}
    header = [
        "*Learner (a name or pseudonym, not checked by anyone):* "
        + inert_markdown(neutralise_formula(data["learner"])),
        # no time in a preview (nothing is exported yet): the line comes with the export
        *([f"*Exported:* {data['exported_at']}"] if data.get("exported_at") else []),
        f"*Who will read it:* {data['reader']}.",
        "*Parts the learner chose to leave out:* "
        + (", ".join(data["consent"]["left_out"]) or "none"),
    ]
    # a list item each: lines of one paragraph run together in every Markdown viewer ("*", not
    # "-": a line starting with "-" is a formula to a spreadsheet)
    lines = ["# Osmosis Ethics Lab: my work", "", *(f"* {line}" for line in header), ""]
    for lesson, answers in sorted(data["answers"].items()):
        lines += [f"## My answers in {inert_markdown(titles.get(lesson, lesson))}", ""]
        for exercise, kept in in_order(answers, questions):
            asked = questions.get(exercise, exercise)
            said = verdict_words(kept.get("status"), prediction=exercise in predictions)
            lines.append(
                f"* **{inert_markdown(asked)}**: {inert_markdown(_answer_words(kept.get('answer')))}"
                f" ({said}; first answer: "
                f"{inert_markdown(_answer_words(kept.get('first_answer')))}; "
                f"tries: {kept.get('tries', '?')}"
                f"{'; answered after seeing the result' if kept.get('seen_first') else ''})"
            )
        lines.append("")
    for lesson, kept in data.get(JUDGE_FIRST, {}).items():
        lines += _judge_lines(lesson, kept, titles.get(lesson, lesson))
    for prompt_id, kept in sorted(data["reflections"].items(), key=lambda item: item[0][:2]):
        shown = "yes" if kept.get("may_show") else "no"
        prompt = " ".join(str(kept.get("prompt") or prompt_id).split())  # a heading is one line
        lines += [
            f"## My reflection: {inert_markdown(prompt)}",
            "",
            _quote(kept.get("text", "")),
            "",
            f"*May be shown to the class without my name:* {shown}",
            "",
        ]
    if data.get(REVIEW):
        lines += review_lines(data[REVIEW], labels=labels, design=design)
    block = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    lines += [DATA_HEADING, "", "```json", block, "```", ""]
    return "\n".join(lines)


def export_markdown(
    learner: str,
    record: dict[str, dict],
    *,
    leave_out=(),
    exported_at: str | None = None,
    **words,
) -> str:
    """The whole export file for ``learner``'s ``record`` (section -> fields), parts left out;
    ``words`` are :func:`markdown_from_data`'s (what the learner saw for each id)."""
    data = export_data(learner, record, leave_out=leave_out, exported_at=exported_at)
    return markdown_from_data(data, **words)
