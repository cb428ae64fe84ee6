"""The written review: a checklist filled from the learner's own choices, and the Markdown file.

The checklist is not a blank template: each item is ticked or not by the
design, and says which rule or paper it points to. :func:`review_markdown`
returns the text; the explorer saves it (engines do no file I/O).

Examples
--------
>>> from dataclasses import replace
>>> from osmosis_lab.review.design import AS_PLANNED
>>> print(checklist(AS_PLANNED)[0].line())  # doctest: +NORMALIZE_WHITESPACE
[ ] Pre-ticked boxes: consent is not unambiguous
(GDPR Art. 4(11) and Recital 32; CJEU C-673/17 Planet49).
>>> text = review_markdown(AS_PLANNED, None, {}, "Not ready to launch.")
>>> text.splitlines()[0], "- [ ] Pre-ticked boxes" in text, text.rstrip().endswith("launch.")
('# Design review: Osmosis before launch', True, True)

References
----------
Regulation (EU) 2016/679 (GDPR): Art. 4(11), 5(1)(c), 6, 7(4), 14, 25, 35;
Recitals 26, 32, 38 and 43. CJEU, Case C-673/17 *Planet49* (1 October 2019).
Regulation (EU) 2024/1689 (AI Act), Art. 14.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from osmosis_lab.categories import CATEGORIES
from osmosis_lab.errors import ReviewError
from osmosis_lab.records.markdown import inert_markdown
from osmosis_lab.review.consequences import Consequences
from osmosis_lab.review.design import LaunchDesign, design_rows
from osmosis_lab.review.stakeholders import stakeholder_matrix

_FORM = {
    "fair": (
        True,
        "Consent is asked with unticked boxes, one per purpose",
        "GDPR Art. 4(11) and Recital 32",
    ),
    "pre_ticked": (
        False,
        "Pre-ticked boxes: consent is not unambiguous",
        "GDPR Art. 4(11) and Recital 32; CJEU C-673/17 Planet49",
    ),
    "bundled": (
        False,
        "One box for every purpose: consent is not specific, and refusing "
        "research costs the service",
        "GDPR Art. 4(11), Art. 7(4) and Recital 43",
    ),
}
_MINORS = {
    "parent_and_assent": (
        True,
        "Minors need a parent's consent and their own",
        "Loi Informatique et Libertés, art. 45; Declaration of Helsinki",
    ),
    "excluded": (True, "Minors cannot join", "GDPR Recital 38: children merit specific protection"),
    "parent_only": (
        False,
        "A parent's signature alone enrols a minor: the minor's own consent is missing",
        "Loi Informatique et Libertés, art. 45; Declaration of Helsinki",
    ),
}


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist: ticked or not, what it says, what it points to."""

    done: bool
    text: str
    reference: str = ""

    def line(self) -> str:
        """The item as a Markdown task-list line (without the leading "- ")."""
        where = f" ({self.reference})" if self.reference else ""
        return f"[{'x' if self.done else ' '}] {self.text}{where}."


def checklist(design: LaunchDesign, figures: Consequences | None = None) -> list[ChecklistItem]:
    """The checklist for ``design``; with ``figures``, items quote the simulated numbers."""
    items = [ChecklistItem(*_FORM[design.consent_form]), ChecklistItem(*_MINORS[design.minors])]
    used = f" ({figures.consent.non_users_used} people)" if figures else ""
    items.append(
        ChecklistItem(
            not design.finds_non_users,
            "Only people who signed up are matched or studied"
            if not design.finds_non_users
            else f"People who never signed up are found online and used{used}: nobody asked them",
            "GDPR Art. 6 and Art. 14",
        )
    )
    n = len(design.categories)
    items.append(
        ChecklistItem(
            n < len(CATEGORIES),
            f"Data minimisation: the app reads {n} of {len(CATEGORIES)} categories"
            if n < 4
            else "The app reads all four categories, subconscious signals included",
            "GDPR Art. 5(1)(c)",
        )
    )
    items.append(_privacy_item(design, figures))
    items += _trust_items(design, figures)
    by_default = design.consent_form == "fair" and not design.finds_non_users
    items.append(
        ChecklistItem(
            by_default and design.privacy != "raw",
            "By default the app protects people: fair form, no one found without signing up, no "
            "row-level export"
            if by_default and design.privacy != "raw"
            else "Data protection by default is missing: see the unticked items above",
            "GDPR Art. 25",
        )
    )
    return items


def _privacy_item(design: LaunchDesign, figures: Consequences | None) -> ChecklistItem:
    named = ""
    if figures is not None:
        p = figures.privacy
        named = (
            f": {p.reidentified} of {p.city} people re-identified, "
            f"{p.health_learned} health conditions learned"
        )
    if design.privacy == "raw":
        return ChecklistItem(
            False,
            f"The research export is only pseudonymised, still personal data{named}",
            "GDPR Recital 26; Sweeney 2000",
        )
    if design.privacy == "generalised":
        return ChecklistItem(
            True,
            f"The research export is coarsened, groups smaller than "
            f"k = {design.k} suppressed{named}",
            "Sweeney 2002, k-anonymity",
        )
    return ChecklistItem(
        True,
        f"Research gets only noisy counts: differential privacy, "
        f"epsilon = {design.epsilon:g} per count",
        "Dwork et al. 2006",
    )


def _trust_items(design: LaunchDesign, figures: Consequences | None) -> list[ChecklistItem]:
    harmed = ""
    if figures is not None:
        harmed = f" ({figures.trust.harmed} of {figures.trust.users} users harmed in one outage)"
    return [
        ChecklistItem(
            design.objective == "wellbeing",
            "The app optimises wellbeing a year later, not attraction alone"
            if design.objective == "wellbeing"
            else "The app optimises attraction, a stand-in for what users want",
        ),
        ChecklistItem(
            design.human_contact,
            "A named person (Billie) whom users can reach when the app fails"
            if design.human_contact
            else "No named human contact when the app fails",
            "in the spirit of AI Act Art. 14, human oversight",
        ),
        ChecklistItem(
            design.fallback,
            f"A safe mode takes over when the central AI fails{harmed}"
            if design.fallback
            else f"One AI with no fallback{harmed}",
        ),
    ]


def review_markdown(
    design: LaunchDesign,
    figures: Consequences | None,
    matrix: pd.DataFrame | Mapping,
    review_text: str,
    *,
    planned: Consequences | None = None,
) -> str:
    """The review as Markdown: choices, figures, matrix, checklist and the learner's text.

    ``matrix`` is a :func:`stakeholder_matrix` table or its entries; ``planned``
    adds an "as planned" column beside the design's figures. Learner text (the
    review and the matrix notes) goes through :func:`~osmosis_lab.records.inert_markdown`,
    so the file reads the same but makes no reader's browser fetch or link anything.
    """
    if not isinstance(design, LaunchDesign):
        raise ReviewError(f"design must be a LaunchDesign; got {design!r}.")
    if not isinstance(review_text, str):
        raise ReviewError(f"review_text must be text; got {review_text!r}.")
    table = matrix if isinstance(matrix, pd.DataFrame) else stakeholder_matrix(matrix)
    parts = [
        "# Design review: Osmosis before launch",
        "Written in lesson 05 of the Osmosis Ethics Lab. The people and numbers are synthetic: "
        "the figures come from the lessons' simulations, not from any real app. A review like "
        "this is one part of what the GDPR calls a data protection impact assessment (Art. 35).",
        "## My design choices",
        _table(["Choice", "My decision"], design_rows(design)),
    ]
    if figures is not None:
        parts += ["## What the simulations say", _figures_table(figures, planned)]
    rows = [(role, r["who"], r["most at stake"], r["note"]) for role, r in table.iterrows()]
    parts += [
        "## Stakeholder matrix",
        _table(["Role", "Who", "Most at stake", "Note"], rows),
        "## Checklist (filled from my choices)",
        "\n".join(f"- {item.line()}" for item in checklist(design, figures)),
        "## My review",
        inert_markdown(review_text.strip()) or "_(No review written yet.)_",
    ]
    return "\n\n".join(parts) + "\n"


def _figures_table(figures: Consequences, planned: Consequences | None) -> str:
    mine = figures.table()
    header = ["Theme", "Figure", "My design"]
    rows = [list(r) for r in mine[["theme", "figure", "shown"]].itertuples(index=False)]
    if planned is not None:
        header.append("As planned")
        for row, shown in zip(rows, planned.table()["shown"], strict=True):
            row.append(shown)
    return _table(header, rows)


def _table(header: list[str], rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    # cells hold learner notes too: made inert like the review text, then "|" kept inside the cell
    return inert_markdown(" ".join(str(value).split())).replace("|", "\\|") or " "
