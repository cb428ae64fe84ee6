"""The class's work as counts a projector may show: small counts hidden, totals kept honest.

A count from 1 to 4 is shown as "fewer than 5": in a class of 30, "2 chose
dropping the age check" points at people. Hiding one cell is not enough when
the row's total is shown (total minus the others gives it back), so a second
cell is hidden too (*complementary suppression*): the smallest other one. That
cell may hold any count, so it does not say "fewer than 5" (a 20 shown so would
be false, and a teacher would wonder where the class went): it says why it is
hidden (:data:`COMPLEMENT`).

Examples
--------
>>> shown = suppress_counts({"delay": 20, "launch": 7, "cancel": 3})
>>> shown["delay"], shown["cancel"]
('20', 'fewer than 5')
>>> shown["launch"]
'hidden (with the total, it would give the small count away)'
>>> csv_safe("=HYPERLINK(1)"), csv_safe("fair form")
("'=HYPERLINK(1)", 'fair form')
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from osmosis_lab.categories import NOTHING, READ_QUESTION, categories_from_words
from osmosis_lab.teacher.exports import LearnerWork

THRESHOLD = 5
HIDDEN = "fewer than 5"
#: A count hidden only so that the row's total cannot give a small one ("fewer than 5") away.
COMPLEMENT = "hidden (with the total, it would give the small count away)"
#: Every text that stands for a hidden count.
HIDDEN_TEXTS = (HIDDEN, COMPLEMENT)
#: One line under a table of counts: what each hidden text means.
SUPPRESSION_NOTE = (
    f'"{HIDDEN}": a count under {THRESHOLD}, too few to show without pointing at someone. '
    f'"{COMPLEMENT}": a count of any size, hidden because with the row\'s total it would give '
    "a small one away."
)


def suppress_counts(
    counts: dict[str, int], *, threshold: int = THRESHOLD, complement: bool = True
) -> dict[str, str]:
    """Each count as text, hiding 1 to threshold-1, and one more wherever a single one is hidden.

    The row total (the sum) may then be shown without giving a hidden count away. A small
    count reads :data:`HIDDEN`; the one more, :data:`COMPLEMENT`. A row whose total is itself
    below the threshold is hidden whole (every count in it is small). ``complement=False``
    hides no one more: for a multi-choice row, whose counts do not add up to its total.
    """
    if 0 < sum(counts.values()) < threshold:
        return {key: HIDDEN for key in counts}
    small = {key for key, n in counts.items() if 0 < n < threshold}
    shown = {key: HIDDEN if key in small else str(n) for key, n in counts.items()}
    if complement and len(small) == 1:
        others = sorted((n, key) for key, n in counts.items() if key not in small)
        if others:
            shown[others[0][1]] = COMPLEMENT  # the smallest: it hides the most with the least lost
    return shown


def csv_safe(cell: object) -> str:
    """A cell a spreadsheet will show as text: a leading = + - @ (a formula) gets a quote first."""
    text = str(cell)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


#: The row of :func:`exercise_counts` for predictions answered after their result was shown.
SEEN_FIRST_ROW = "answered after seeing the result"


#: A last answer the check named no misconception for, by the status the export records.
_UNNAMED = {"hint": "another wrong answer", "could not check": "an answer the check could not read"}


def still_wrong(misconception: str | None, words: dict[str, str] | None = None) -> str:
    """The label of a last answer that was wrong: what kind of wrong answer, in words.

    ``words``: the exercise's misconceptions in a teacher's words, by the name an export records.

    >>> still_wrong("gave l", {"gave l": "gave l, the fewest conditions, not people"})
    'still wrong (gave l, the fewest conditions, not people)'
    >>> still_wrong("hint"), still_wrong(None)
    ('still wrong (another wrong answer)', 'still wrong (another wrong answer)')
    >>> still_wrong("forgot gender")
    'still wrong (forgot gender)'
    """
    named = misconception or "hint"
    return f"still wrong ({(words or {}).get(named) or _UNNAMED.get(named, named)})"


def exercise_counts(
    work: list[LearnerWork], mistakes: dict[str, dict[str, str]] | None = None
) -> dict[str, dict[str, int]]:
    """Per exercise: right first time, right later, and each misconception still hit.

    The misconceptions are a breakdown of "not right yet" *in the same row*: shown as
    a table of their own, a misconception's count would give back a count hidden here.
    ``mistakes``: each exercise's misconceptions in a teacher's words (:func:`still_wrong`).
    """
    table: dict[str, Counter] = {}
    for learner in work:
        for exercise, answer in learner.answers.items():
            row = table.setdefault(exercise, Counter({"right first time": 0, "right later": 0}))
            if answer.seen_first:  # the result was seen first: not a prediction made blind
                row[SEEN_FIRST_ROW] += 1
            elif answer.correct and answer.first_try:
                row["right first time"] += 1
            elif answer.correct:
                row["right later"] += 1
            else:
                row[still_wrong(answer.misconception, (mistakes or {}).get(exercise))] += 1
    return {ex: dict(row) for ex, row in sorted(table.items())}


def choice_counts(work: list[LearnerWork]) -> dict[str, dict[str, int]]:
    """Per design-review question: how many chose each option (see :func:`chosen`).

    A multi-choice answer counts once for each option in it, so a row's counts may add up
    to more than the learners who answered (:func:`answered_counts` gives those).

    >>> work = [LearnerWork("a", "a.md", review_choices={READ_QUESTION: "declared profile, "
    ...     "conscious memories"}), LearnerWork("b", "b.md", review_choices={READ_QUESTION:
    ...     "declared profile"})]
    >>> choice_counts(work)[READ_QUESTION]
    {'conscious memories': 1, 'declared profile': 2}
    """
    table: dict[str, Counter] = {}
    for learner in work:
        for question, decision in learner.review_choices.items():
            table.setdefault(question, Counter()).update(chosen(question, decision))
    return {q: dict(sorted(row.items())) for q, row in sorted(table.items())}


def chosen(question: str, decision: str) -> list[str]:
    """The options one answer chose: each category of the multi-choice question
    (:data:`~osmosis_lab.categories.READ_QUESTION`), else the answer whole.

    An answer to the multi-choice question that is not a list of categories (a file edited by
    hand) is kept whole, so the table still shows it rather than losing a learner.

    >>> chosen(READ_QUESTION, "declared profile, scraped social media")
    ['declared profile', 'scraped social media']
    >>> chosen(READ_QUESTION, "nothing"), chosen("Who proposes", "The testers propose, mostly")
    (['nothing'], ['The testers propose, mostly'])
    """
    if question == READ_QUESTION and (items := categories_from_words(decision)) is not None:
        return items or [NOTHING]
    return [decision]


def multi_choice(question: str) -> bool:
    """Whether answers to ``question`` may choose several options (its counts then do not add
    up to its learners, so no count can be recovered from the total)."""
    return question == READ_QUESTION


def answered_counts(work: list[LearnerWork]) -> dict[str, int]:
    """Per design-review question: how many learners answered it (each learner once)."""
    return dict(sorted(Counter(q for w in work for q in w.review_choices).items()))


def shareable_reflections(work: list[LearnerWork]) -> list[tuple[str, str, str]]:
    """(lesson, prompt, text) of reflections whose learner ticked "may be shown"; no names.

    Sorted by text, so their order does not follow the order of learners' files.
    """
    shown = [(r.lesson, r.prompt, r.text) for w in work for r in w.reflections if r.may_show]
    return sorted(shown, key=lambda item: (item[0], item[1], item[2].casefold()))


def learners_csv(work: list[LearnerWork]) -> str:
    """One row per learner for the teacher's own spreadsheet (every cell made formula-safe)."""
    exercises = sorted({ex for w in work for ex in w.answers})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["learner", "file", *exercises, "left out"])
    for w in work:
        marks = []
        for ex in exercises:
            a = w.answers.get(ex)
            marks.append("" if a is None else "first try" if a.first_try and a.correct else
                         "right" if a.correct else "not yet")  # fmt: skip
        writer.writerow([csv_safe(c) for c in (w.learner, w.source, *marks, ", ".join(w.left_out))])
    return out.getvalue()
