"""Lesson 05's design review as a part of the export: what a person reads of it.

A teacher who asks the class to "export your work" gets one file per learner; the review
(saved by the review writer in the record's ``design_review`` section, and as its own
Markdown file) is in it too, as a part the learner may leave out like any other. The data
block keeps the review's fields as saved; this module writes the readable part: the text
(quoted, inert), the checklist reasons, the stakeholder matrix and the design choices.
Labels (a checklist item's title, a role's name) and the design choices' words (the design
panel's, only the settings that apply: k only for a generalised export) come from the caller,
because the review's words live in a layer above this one; an id without a label, or a design
the caller cannot read, is shown as it was saved.

Examples
--------
>>> fields = {"review": "Not yet: ![x](http://e.x/p)", "reasons": {"minors": "Niels is 17"},
...     "matrix": {"minor": ["safety", "his mother decides"], "tester": [None, ""]},
...     "design": {"privacy": "dp", "categories": ["a", "b"]}}
>>> print("\\n".join(review_lines(fields, labels={"minors": "Minors"})))
## My design review · 05
<BLANKLINE>
> Not yet: !\\[x\\](http\\://e.x/p)
<BLANKLINE>
*My reasons, per checklist item:*
<BLANKLINE>
* **Minors**: Niels is 17
<BLANKLINE>
*My stakeholder matrix (what is most at stake for each):*
<BLANKLINE>
* **minor**: safety (my note: his mother decides)
<BLANKLINE>
*My design choices:*
<BLANKLINE>
* **privacy**: dp
* **categories**: a, b
<BLANKLINE>
>>> words = lambda saved: [("Research export", "Only noisy counts, epsilon = 1")]
>>> review_lines(fields, design=words)[-4:-1]
['*My design choices:*', '', '* **Research export**: Only noisy counts, epsilon = 1']
"""

from __future__ import annotations

from osmosis_lab.records.markdown import inert_markdown, quoted

#: The export's part id for the review (it has one per learner).
REVIEW_PART = "review:05_design_review"


def _words(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "none"
    return str(value)


def _matrix_words(entry) -> str:
    """A matrix row as saved, ``[value at stake or None, note]``, in words ("" if empty)."""
    value, note = (list(entry) + [None, ""])[:2] if isinstance(entry, list | tuple) else (entry, "")
    if not value and not str(note or "").strip():
        return ""
    return f"{value or 'nothing chosen'}" + (f" (my note: {note})" if str(note).strip() else "")


def _listed(title: str, items: dict, labels: dict[str, str]) -> list[str]:
    given = {key: value for key, value in items.items() if _words(value).strip()}
    if not given:
        return []
    rank = {key: i for i, key in enumerate(labels)}  # the labels' order is the lesson's
    rows = [
        f"* **{inert_markdown(labels.get(key, str(key)))}**: "
        f"{inert_markdown(' '.join(_words(value).split()))}"
        for key, value in sorted(given.items(), key=lambda kv: rank.get(kv[0], len(rank)))
    ]
    return [f"*{title}:*", "", *rows, ""]


def review_lines(fields: dict, *, labels: dict[str, str] | None = None, design=None) -> list[str]:
    """The review part of an export, as Markdown lines (``labels``: id -> words shown;
    ``design``: the saved design choices -> ``[(choice, decision in words)]``, or ``None``
    for choices it cannot read)."""
    labels = labels or {}
    text = str(fields.get("review", ""))
    said = quoted(text) if text.strip() else ["*(no text yet)*"]
    lines = ["## My design review · 05", "", *said, ""]
    for title, key in (
        ("My reasons, per checklist item", "reasons"),
        ("My stakeholder matrix (what is most at stake for each)", "matrix"),
        ("My design choices", "design"),
    ):
        part = fields.get(key)
        if key == "matrix" and isinstance(part, dict):
            part = {role: _matrix_words(entry) for role, entry in part.items()}
        if key == "design" and isinstance(part, dict) and design and (rows := design(part)):
            part = dict(rows)  # the words the design panel shows, not the saved codes
        lines += _listed(title, part, labels) if isinstance(part, dict) else []
    return lines
