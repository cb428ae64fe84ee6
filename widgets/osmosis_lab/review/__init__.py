"""Lesson 05's design review: compose lessons 01-04's engines into one launch decision.

A pure engine layer (stdlib, numpy, pandas and the other engines; no widgets,
no charts, no file I/O). A :class:`LaunchDesign` holds the choices an ethics
board can still change; :func:`consequences` runs lessons 01-04's simulations
for it; the stakeholder matrix records who has what at stake; and
:func:`review_markdown` writes the learner's review, with a checklist filled
from their own choices. Saving the file is the explorer's job.

Designs
    :class:`LaunchDesign`, :data:`AS_PLANNED`, :data:`CAUTIOUS`,
    :data:`SINGLE_CHANGES`, :func:`with_change`, :func:`design_rows`,
    :func:`differences` (from a plan, the choices that act and those that do not),
    :func:`acts`, :data:`ACTS_ONLY_WITH`
Figures
    :func:`review_scenario`, :func:`consequences`, :class:`Consequences`,
    :func:`compare_changes`, :func:`compare_changes_with_words`, :func:`readable_columns`,
    :func:`figure_changed`,
    :func:`cost_lines`
Stakeholders
    :data:`ROLES`, :data:`VALUES`, :func:`stakeholder_matrix`, :func:`values_at_stake`
The review
    :func:`checklist`, :data:`ITEM_TITLES`, :func:`review_markdown`

Examples
--------
>>> from dataclasses import replace
>>> from osmosis_lab.review import AS_PLANNED, checklist
>>> design = replace(AS_PLANNED, consent_form="fair", minors="parent_and_assent")
>>> for item in checklist(design)[:2]:
...     print(item.line())  # doctest: +NORMALIZE_WHITESPACE
[x] Consent is asked with unticked boxes, one per purpose (GDPR Art. 4(11) and Recital 32).
[x] Minors need a parent's consent and their own (Declaration of Helsinki: a parent's consent
and the minor's assent for research; Loi Informatique et Libertés, art. 45: joint consent only
below 15).

References
----------
Regulation (EU) 2016/679 (GDPR), Arts. 25 and 35. Regulation (EU) 2024/1689
(AI Act), Art. 14. Friedman, B. and Hendry, D. G. (2019). *Value Sensitive
Design: Shaping Technology with Moral Imagination*. MIT Press.
"""

from osmosis_lab.errors import ReviewError
from osmosis_lab.review.change_costs import cost_lines
from osmosis_lab.review.compare import (
    READABLE_COLUMNS,
    compare_changes,
    compare_changes_with_words,
    figure_changed,
    readable_columns,
)
from osmosis_lab.review.consequences import (
    ConsentFigures,
    Consequences,
    MatchingFigures,
    PrivacyFigures,
    TrustFigures,
    consequences,
)
from osmosis_lab.review.design import (
    ACTS_ONLY_WITH,
    AS_PLANNED,
    CONSENT_FORMS,
    EPSILONS,
    FIELDS,
    K_OFFERED,
    MINOR_POLICIES,
    OBJECTIVE_LABELS,
    OFFERED,
    PRIVACY_MECHANISMS,
    PROPOSERS,
    SINGLE_CHANGES,
    LaunchDesign,
    acts,
    design_rows,
    differences,
    one_move,
    with_change,
)
from osmosis_lab.review.report import ITEM_TITLES, ChecklistItem, checklist, review_markdown
from osmosis_lab.review.scenario import CAUTIOUS, ReviewScenario, launch_mask, review_scenario
from osmosis_lab.review.stakeholders import ROLES, VALUES, stakeholder_matrix, values_at_stake

__all__ = [
    "ACTS_ONLY_WITH",
    "AS_PLANNED",
    "READABLE_COLUMNS",
    "CAUTIOUS",
    "CONSENT_FORMS",
    "EPSILONS",
    "FIELDS",
    "ITEM_TITLES",
    "K_OFFERED",
    "MINOR_POLICIES",
    "OBJECTIVE_LABELS",
    "OFFERED",
    "PRIVACY_MECHANISMS",
    "PROPOSERS",
    "ROLES",
    "SINGLE_CHANGES",
    "VALUES",
    "ChecklistItem",
    "ConsentFigures",
    "Consequences",
    "LaunchDesign",
    "MatchingFigures",
    "PrivacyFigures",
    "ReviewError",
    "ReviewScenario",
    "TrustFigures",
    "checklist",
    "compare_changes",
    "compare_changes_with_words",
    "figure_changed",
    "readable_columns",
    "consequences",
    "acts",
    "cost_lines",
    "design_rows",
    "differences",
    "launch_mask",
    "one_move",
    "review_markdown",
    "review_scenario",
    "stakeholder_matrix",
    "values_at_stake",
    "with_change",
]
