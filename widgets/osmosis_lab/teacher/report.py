"""What the teacher sees: a projector view (no names, small counts hidden), a private view, a summary.

Kernel output is rendered as trusted HTML, so every piece of learner text is
escaped (:func:`html.escape`) before it reaches a view, and made inert
(:func:`~osmosis_lab.records.inert_markdown`) before it reaches the Markdown
summary: a ``<script>`` or ``![x](http://…)`` in a reflection shows as the
characters typed, and fetches nothing.

Exercises are filed in an export under ``"<lesson>/<check name>"``. A class knows them by
their titles, which live with the exercises (a layer above this one): the caller passes
``headings`` (key -> ``"Lesson 03 · Exercise 1 · title"``, :func:`osmosis_lab.check.exercises.headings`),
and the views show the heading with the key in small print, which is what the teacher's
spreadsheet (:func:`~osmosis_lab.teacher.tables.learners_csv`) names its columns by. Likewise
``mistakes`` (key -> misconception name -> words, :func:`osmosis_lab.check.exercises.mistakes`)
says each kind of wrong answer as a teacher reads it, where its name is shorthand ("gave l").

Examples
--------
>>> from osmosis_lab.teacher.exports import POLL_SECTION, LearnerWork, Reflection
>>> work = [LearnerWork("Ana", "ana.md", reflections=(Reflection("03", "d", "<b>hi</b>", True),))]
>>> "&lt;b&gt;hi&lt;/b&gt;" in projector_html(work), "Ana" in projector_html(work)
(True, False)
"""

from __future__ import annotations

import html
from datetime import date

from osmosis_lab.privacy.loss import epsilon_words, privacy_loss
from osmosis_lab.privacy.poll import PollResult
from osmosis_lab.privacy.poll_budget import ClassPrivacy
from osmosis_lab.records import inert_markdown
from osmosis_lab.teacher.exports import POLL_SECTION, LearnerWork, Reflection
from osmosis_lab.teacher.judge_first import judge_note, learner_rows
from osmosis_lab.teacher.tables import (
    HIDDEN,
    SUPPRESSION_NOTE,
    THRESHOLD,
    answered_counts,
    choice_counts,
    exercise_counts,
    multi_choice,
    shareable_reflections,
    suppress_counts,
)


def shown_total(row: dict[str, int]) -> str:
    """A row's total as shown: hidden too when it is itself a small count."""
    total = sum(row.values())
    return HIDDEN if 0 < total < THRESHOLD else str(total)


def _rows(table: dict[str, dict[str, int]]) -> list[tuple[str, list[tuple[str, str]], str]]:
    return [
        (name, list(suppress_counts(row).items()), shown_total(row)) for name, row in table.items()
    ]


def _choice_rows(work: list[LearnerWork]) -> list[tuple[str, list[tuple[str, str]], str]]:
    """The design choices: a multi-choice row's total is its learners, not its counts' sum."""
    learners = answered_counts(work)
    rows = []
    for name, row in choice_counts(work).items():
        if not multi_choice(name):
            rows += _rows({name: row})
            continue
        total = learners[name]
        shown = HIDDEN if 0 < total < THRESHOLD else str(total)
        rows.append((name, list(suppress_counts(row, complement=False).items()), shown))
    return rows


def count_sections(
    work: list[LearnerWork], mistakes: dict[str, dict[str, str]] | None = None
) -> list[tuple[str, list]]:
    """(title, rows) for each table the class may see; each row (name, [(label, shown)], total).
    ``mistakes``: each exercise's misconceptions in a teacher's words (see the module's note)."""
    return [
        (EXERCISES, _rows(exercise_counts(work, mistakes))),
        ("Design-review choices", _choice_rows(work)),
        (
            "Judge first (lesson 04), in learners",
            _rows(learner_rows([w.judge_calls for w in work])),
        ),
    ]


#: The table whose rows are exercises (their headings shown, when given).
EXERCISES = "Exercises and misconceptions hit"


def row_heading_html(name: str, headings: dict[str, str] | None = None) -> str:
    """A row's header: the exercise's heading with its key in small print, else the name.

    >>> row_heading_html("03_privacy/k_after_generalising", {"03_privacy/k_after_generalising": "Lesson 03 · k"})
    'Lesson 03 · k <small style="font-weight:normal">(03_privacy/k_after_generalising)</small>'
    """
    if headings and name in headings:
        return f'{html.escape(headings[name])} <small style="font-weight:normal">({html.escape(name)})</small>'
    return html.escape(name)


def reflection_heading_html(reflection: Reflection) -> str:
    """A reflection named as its learner was asked, its id in small print (as exercises are).

    >>> reflection_heading_html(Reflection("03", "03_x", "text", False, "Who <pays>?"))
    'Who &lt;pays&gt;? <small>(03_x)</small>'
    >>> reflection_heading_html(Reflection("03", "03_x", "text", False))
    '03_x'
    """
    if reflection.asked == reflection.prompt:
        return html.escape(reflection.prompt)
    return f"{html.escape(reflection.asked)} <small>({html.escape(reflection.prompt)})</small>"


#: What each kind of export part is, in words (records.export.export_parts names them).
_PART_WORDS = {
    "answers": "answers",
    "judge_first": "judge-first calls",
    "review": "design review",
    "reflection": "a reflection",
}


def left_out_html(part: str) -> str:
    """A part a learner left out, in words, its id in small print (a withheld reflection's
    question is not in the file: leaving it out was the learner's choice).

    >>> left_out_html("answers:03_privacy")
    'answers, lesson 03'
    >>> left_out_html("reflection:05_launch_condition")
    'a reflection, lesson 05 <small>(05_launch_condition)</small>'
    >>> left_out_html("answers:class_poll")
    "the class poll's answer"
    >>> left_out_html("<b>")
    '&lt;b&gt;'
    """
    kind, _, key = part.partition(":")
    if part == f"answers:{POLL_SECTION}":
        return "the class poll's answer"
    if kind not in _PART_WORDS or not key[:2].isdigit():
        return html.escape(part)
    words = f"{_PART_WORDS[kind]}, lesson {key[:2]}"
    return words + (f" <small>({html.escape(key)})</small>" if kind == "reflection" else "")


def _table_html(rows: list, headings: dict[str, str] | None = None) -> str:
    lines = ["<table>"]
    for name, cells, total in rows:
        shown = "; ".join(f"{html.escape(label)}: {html.escape(value)}" for label, value in cells)
        # a row's header reads with its counts: left-aligned, as the counts are
        lines.append(
            f'<tr><th scope="row" style="text-align:left">{row_heading_html(name, headings)}</th>'
            f"<td>{shown} (of {total})</td></tr>"
        )
    return "\n".join(lines + ["</table>"])


def projector_html(
    work: list[LearnerWork],
    *,
    headings: dict[str, str] | None = None,
    mistakes: dict[str, dict[str, str]] | None = None,
) -> str:
    """The class view: counts with small ones hidden, shareable reflections without names.
    ``headings``, ``mistakes``: what to call each exercise and its wrong answers (see the
    module's note)."""
    parts = [f"<h3>Our class: {len(work)} files of work</h3>"]
    for title, rows in count_sections(work, mistakes):
        named = headings if title == EXERCISES else None
        parts += [f"<h4>{title}</h4>", _table_html(rows, named) if rows else "<p>None yet.</p>"]
    parts.append(f"<p><small>{html.escape(SUPPRESSION_NOTE)}</small></p>")
    parts.append("<h4>Reflections you agreed to share (no names)</h4>")
    shared = shareable_reflections(work)
    parts += [f"<blockquote>{html.escape(text)}</blockquote>" for _l, _p, text in shared]
    if not shared:
        parts.append("<p>None shared.</p>")
    return "\n".join(parts)


def private_html(work: list[LearnerWork], problems: list[str]) -> str:
    """For the teacher's eyes only: who handed in what, what they left out, unreadable files."""
    rows = [
        f"<tr><td>{html.escape(w.learner)}</td><td>{len(w.answers)}</td>"
        f"<td>{len(w.reflections)}</td><td>{html.escape(judge_note(w.judge_calls))}</td>"
        f"<td>{'; '.join(map(left_out_html, w.left_out)) or '-'}</td></tr>"
        for w in work
    ]
    head = (
        "<tr><th>Learner</th><th>Answers</th><th>Reflections</th><th>Judge first</th>"
        "<th>Left out</th></tr>"
    )
    notes = "".join(f"<li>{html.escape(p)}</li>" for p in problems) or "<li>none</li>"
    # Every reflection handed in, with its author: the teacher reads them all before projecting
    # anything (a reflection may disclose harm: see the teacher's guide), whatever was ticked.
    read = [
        f"<tr><td>{html.escape(w.learner)}</td><td>{reflection_heading_html(r)}</td>"
        f"<td>{'may be shown' if r.may_show else 'not to be shown'}</td>"
        f"<td>{html.escape(r.text)}</td></tr>"
        for w in work
        for r in w.reflections
    ]
    reflections = (
        "<table><tr><th>Learner</th><th>Prompt</th><th>Sharing</th><th>Reflection</th></tr>"
        + "".join(read)
        + "</table>"
        if read
        else "<p>None handed in.</p>"
    )
    return (
        "<h3>Private: not for the projector</h3>"
        f"<table>{head}{''.join(rows)}</table>"
        f"<h4>Every reflection handed in (read them before projecting anything)</h4>{reflections}"
        f"<h4>Files not loaded or renamed</h4><ul>{notes}</ul>"
    )


#: Where the teacher's screen says what one sent answer can reveal; the class poll's notebook
#: sends learners to this line to find the figures it gives them.
WHY_DENIABLE = "Why no single answer gives anyone away"


def poll_sentences(result: PollResult, spend: ClassPrivacy, *, question: str) -> list[str]:
    """The poll's result and why no single answer gives anyone away, in plain sentences."""
    one = privacy_loss([result.epsilon], prior=0.5)
    # a few learners who declined are a small count like any other (someone saw who they were)
    declined = HIDDEN if 0 < result.declined < THRESHOLD else str(result.declined)
    lines = [
        f"Question: {question}",
        f"{result.answered} answered, {declined} chose not to take part.",
        f"Estimated share of true yes among those who answered: {result.clipped:.0%} "
        f"(between {result.low:.0%} and {result.high:.0%}, {result.confidence:.0%} interval).",
        f"{WHY_DENIABLE}: " + one.sentence("a learner who sent Yes", "truly meant yes"),
        f"This class has spent epsilon = {epsilon_words(spend.total)} in polls so far.",
    ]
    if result.answered < THRESHOLD * 2:
        lines.append(
            f"With only {result.answered} answers the interval is very wide: this poll says little "
            "about the class, and each answer weighs more. Wait for the whole class."
        )
    if spend.over_budget:
        lines.append(spend.warning())
    return lines


def lessons_in(work: list[LearnerWork]) -> str:
    """Which lessons the work comes from, read from the records: "lesson 00", "lessons 00, 03".

    The summary's title says it, so a summary of lesson 00's work never calls itself lesson 03's.

    >>> from osmosis_lab.teacher.exports import Answer, LearnerWork
    >>> done = Answer(True, True, None)
    >>> lessons_in([LearnerWork("Ana", "a.md", answers={"00_start_here/q1": done})])
    'lesson 00'
    >>> lessons_in([LearnerWork("Ana", "a.md", answers={"03_privacy/k": done}),
    ...             LearnerWork("Ben", "b.md", answers={"00_start_here/q1": done})])
    'lessons 00, 03'
    >>> lessons_in([])
    ''
    """
    found = set()
    for item in work:
        found |= {key.split("/")[0][:2] for key in item.answers}
        found |= {reflection.lesson[:2] for reflection in item.reflections}
        if item.judge_calls:
            found.add("04")  # judge-first calls are kept by lesson 04 only
        if item.review_choices:
            found.add("05")  # the design review is lesson 05's
    numbers = sorted(number for number in found if number.isdigit())
    if not numbers:
        return ""
    return f"lesson{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"


def summary_markdown(
    work: list[LearnerWork],
    *,
    poll: list[str] = (),
    lesson: str = "",
    today: date | None = None,
    headings: dict[str, str] | None = None,
    mistakes: dict[str, dict[str, str]] | None = None,
) -> str:
    """A one-page summary for the next lesson: counts (small ones hidden), shared reflections.

    ``headings``, ``mistakes``: what to call each exercise and its wrong answers (see the
    module's note). Its title names the
    lessons the records come from (:func:`lessons_in`), unless ``lesson`` is given.
    """
    day = (today or date.today()).isoformat()
    lesson = lesson or lessons_in(work)
    lines = [f"# Class summary{': ' + inert_markdown(lesson) if lesson else ''} ({day})", ""]
    lines.append(f"{len(work)} files of work. {SUPPRESSION_NOTE}")
    for title, rows in count_sections(work, mistakes):
        lines += ["", f"## {title}", ""]
        named = (headings or {}) if title == EXERCISES else {}
        for name, cells, total in rows[:12]:  # one page: the first dozen rows
            shown = "; ".join(f"{inert_markdown(label)}: {value}" for label, value in cells)
            head = f"{named[name]} ({name})" if name in named else name
            lines.append(f"- **{inert_markdown(head)}** ({total}): {shown}")
    if poll:
        lines += ["", "## Class poll", ""] + [f"- {inert_markdown(s)}" for s in poll]
    shared = shareable_reflections(work)[:5]
    if shared:
        lines += ["", "## From your reflections (shared with permission, no names)", ""]
        lines += [f"> {inert_markdown(' '.join(text.split()))[:400]}\n" for _l, _p, text in shared]
    return "\n".join(lines) + "\n"
