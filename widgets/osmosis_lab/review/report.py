"""The written review: a checklist filled from the learner's own choices, and the Markdown file.

The checklist is not a blank template: each item is ticked or not by the
design, and says which rule or paper it points to. The privacy item is ticked
only when the design's computed privacy cost
(:func:`~osmosis_lab.review.privacy_cost.privacy_cost`) keeps one resident's
answer deniable; an export of rows, however coarsened, has no bound (ε = ∞). :func:`review_markdown`
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
Regulation (EU) 2024/1689 (AI Act), Art. 14. Loi n° 78-17 (Informatique et
Libertés), art. 45. World Medical Association, Declaration of Helsinki (2024).
Dwork, C., McSherry, F., Nissim, K. and Smith, A. (2006). Calibrating Noise to
Sensitivity in Private Data Analysis. TCC 2006. Machanavajjhala, A. et al.
(2007). l-Diversity: Privacy Beyond k-Anonymity. ACM TKDD 1(1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS
from osmosis_lab.errors import ReviewError
from osmosis_lab.records.markdown import inert_markdown, quoted
from osmosis_lab.review.consequences import Consequences
from osmosis_lab.review.design import LaunchDesign, design_rows
from osmosis_lab.review.markdown_tables import figures_table, markdown_table
from osmosis_lab.review.privacy_cost import counts_published, privacy_cost
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
# Art. 45 asks for the minor's and a parent's consent together only below 15 (from 15 a
# minor consents alone to such a service); Helsinki asks a minor's assent beside a parent's
# consent for research. Niels is 17, so the research rule is the one that needs both.
_MINOR_RULES = (
    "Declaration of Helsinki: a parent's consent and the minor's assent for research; "
    "Loi Informatique et Libertés, art. 45: joint consent only below 15"
)
_MINORS = {
    "parent_and_assent": (True, "Minors need a parent's consent and their own", _MINOR_RULES),
    "excluded": (True, "Minors cannot join", "GDPR Recital 38: children merit specific protection"),
    "parent_only": (
        False,
        "A parent's signature alone enrols a minor: the minor's own consent is missing",
        _MINOR_RULES,
    ),
}
#: Categories a design may read and still tick data minimisation: what users give knowingly.
#: Scraped social media is taken from elsewhere (GDPR Art. 14) and subconscious signals are
#: beyond the user's own control, so reading either is more than matching needs.
_MINIMAL = ("declared", "conscious")


#: The checklist's items in order: a key each (for the learner's reasons), and a short title.
ITEM_TITLES: dict[str, str] = {
    "consent_form": "Consent form",
    "minors": "Minors",
    "non_users": "People who never signed up",
    "minimisation": "Data minimisation",
    "privacy": "Research export",
    "objective": "What the app optimises",
    "human_contact": "Human contact",
    "fallback": "Safe mode",
    "by_default": "Protection by default",
}


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist: ticked or not, what it says, what it points to."""

    done: bool
    text: str
    reference: str = ""

    def line(self, reason: str = "") -> str:
        """The item as a Markdown task-list line (without the leading "- "), with the
        learner's ``reason`` for it when there is one (made inert: it is learner text)."""
        where = f" ({self.reference})" if self.reference else ""
        why = " ".join(reason.split())
        mine = f" My reason: {inert_markdown(why)}" if why else ""
        return f"[{'x' if self.done else ' '}] {self.text}{where}.{mine}"


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
    items.append(_minimisation_item(design))
    privacy = _privacy_item(design, figures)
    items.append(privacy)
    items += _trust_items(design, figures)
    by_default = design.consent_form == "fair" and not design.finds_non_users and privacy.done
    items.append(
        ChecklistItem(
            by_default,
            "By default the app protects people: fair form, no one found without signing up, "
            "only noisy counts at a deniable privacy cost"
            if by_default
            else "Data protection by default is missing: see the unticked items above",
            "GDPR Art. 25",
        )
    )
    return items


def _minimisation_item(design: LaunchDesign) -> ChecklistItem:
    n = len(design.categories)
    beyond = [CATEGORY_LABELS[c].lower() for c in design.categories if c not in _MINIMAL]
    if not beyond:
        return ChecklistItem(
            True,
            f"Data minimisation: the app reads {n} of {len(CATEGORIES)} categories, only what "
            "users give it knowingly",
            "GDPR Art. 5(1)(c)",
        )
    return ChecklistItem(
        False,
        f"No data minimisation: the app reads {n} of {len(CATEGORIES)} categories, including "
        f"{' and '.join(beyond)}, which users do not give it knowingly",
        "GDPR Art. 5(1)(c)",
    )


def _privacy_item(design: LaunchDesign, figures: Consequences | None) -> ChecklistItem:
    """Ticked only when the computed privacy cost keeps one resident's answer deniable.

    An export of rows has no differential-privacy guarantee (ε = ∞): however
    coarsened, nothing bounds what it reveals about one person, so it is never ticked.
    """
    cost = figures.privacy.cost if figures is not None else privacy_cost(design)
    named = ""
    if figures is not None:
        p = figures.privacy
        named = (
            f": {p.reidentified} of {p.city} people re-identified, "
            f"{p.health_learned} health conditions learned"
        )
    unbounded = "epsilon = infinity, nothing bounds what an observer learns about one person"
    if design.privacy == "raw":
        return ChecklistItem(
            False,
            f"The research export is only pseudonymised, still personal data{named}; {unbounded}",
            "GDPR Recital 26; Sweeney 2000",
        )
    if design.privacy == "generalised":
        return ChecklistItem(
            False,
            f"The research export is coarsened, groups smaller than "
            f"k = {design.k} suppressed{named}; it still releases rows, so {unbounded}",
            "Sweeney 2002, k-anonymity; Machanavajjhala et al. 2007, homogeneity",
        )
    counts = len(counts_published(design))
    verdict = (
        "one answer stays deniable" if cost.deniable else "too much for one answer to stay deniable"
    )
    return ChecklistItem(
        cost.deniable,
        f"Research gets only noisy counts: epsilon = {design.epsilon:g} per count × {counts} "
        f"counts = {cost.epsilon:g} in total; an observer's odds about one resident can grow up "
        f"to {cost.odds_words()}, {verdict}",
        "Dwork et al. 2006; Dwork and Roth 2014, Theorem 3.16",
    )


def _trust_items(design: LaunchDesign, figures: Consequences | None) -> list[ChecklistItem]:
    harmed = ""
    if figures is not None:
        harmed = f" ({figures.trust.harmed} of {figures.trust.users} users harmed in one outage)"
    return [
        ChecklistItem(
            design.objective == "wellbeing",
            "The app optimises wellbeing a year later, not attraction alone; caveat: the toy "
            "assumes the app knows what makes couples do well, which a real app would have to "
            "measure (lesson 02's questions again)"
            if design.objective == "wellbeing"
            else "The app optimises attraction, a stand-in for what users want",
        ),
        ChecklistItem(
            design.human_contact,
            "A named person (Billie) whom every user can reach when the app fails"
            if design.human_contact
            else "No named human contact for the launch's users when the app fails (Billie "
            "looks after the testers only)",
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
    reasons: Mapping[str, str] | None = None,
) -> str:
    """The review as Markdown: choices, figures, matrix, checklist and the learner's text.

    ``matrix`` is a :func:`stakeholder_matrix` table or its entries; ``planned``
    adds an "as planned" column beside the design's figures; ``reasons`` maps an
    item's key (:data:`ITEM_TITLES`) to the learner's reason for it, written after
    the item. Learner text (the review, the reasons and the matrix notes) goes through :func:`~osmosis_lab.records.inert_markdown`,
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
        markdown_table(["Choice", "My decision"], design_rows(design)),
    ]
    if figures is not None:
        parts += ["## What the simulations say", figures_table(figures, planned)]
    rows = [(role, r["who"], r["most at stake"], r["note"]) for role, r in table.iterrows()]
    parts += [
        "## Stakeholder matrix",
        markdown_table(["Role", "Who", "Most at stake", "Note"], rows),
        "## Checklist (ticked from my choices; the reasons are mine)",
        _checklist_lines(design, figures, reasons or {}),
        "## My review",
        # quoted: its line breaks kept, and no heading, table or fence of its own
        "\n".join(quoted(review_text.strip()))
        if review_text.strip()
        else "_(No review written yet.)_",
    ]
    return "\n\n".join(parts) + "\n"


def _checklist_lines(design, figures, reasons: Mapping[str, str]) -> str:
    items = checklist(design, figures)
    unknown = set(reasons) - set(ITEM_TITLES)
    if unknown:
        raise ReviewError(
            f"no checklist item called {sorted(unknown)}; known: {list(ITEM_TITLES)}."
        )
    lines = []
    for key, item in zip(ITEM_TITLES, items, strict=True):
        reason = reasons.get(key, "")
        if not isinstance(reason, str):
            raise ReviewError(f"the reason for {key!r} must be text; got {reason!r}.")
        lines.append(f"- {item.line(reason)}")
    return "\n".join(lines)
