"""Lesson 03 · Data privacy: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'03_privacy'}
"""

from .. import lesson03 as checks
from ..exercise import Exercise

reidentified_testers = Exercise(
    check=checks.reidentified_testers,
    lesson="03_privacy",
    variable="testers_unique",
    kind="number",
    unit="count",
    solution=(
        'result = linkage_attack(released, known, quasi_identifiers=["age", "arrondissement", "gender"])\n'
        'testers_unique = result.counts(among=testers)["unique"]'
    ),
    explanation=(
        "The export never contained a name. The attacker did not need one: the public facts point to a single row,\n"
        "and that row carries the sensitive columns with it."
    ),
)


k_after_generalising = Exercise(
    check=checks.k_after_generalising,
    lesson="03_privacy",
    variable="k_proposed",
    kind="number",
    unit="count",
    solution=("k_proposed = k_anonymity(proposed, quasi)"),
    explanation=(
        "Every released combination is now shared by at least that many people, so no one is singled out by these\n"
        "columns. That is all k promises."
    ),
)


l_after_generalising = Exercise(
    check=checks.l_after_generalising,
    lesson="03_privacy",
    variable="l_proposed",
    kind="number",
    unit="count",
    solution=('l_proposed = l_diversity(proposed, quasi, "health_condition")'),
    explanation=(
        "With l = 1, some class shares a single health condition. An attacker who only knows that a person belongs to\n"
        "that class learns the condition without ever singling them out: a **homogeneity attack**. You met one\n"
        "already: Niels, at 17, shares his age with one other person in the export, and the two share a health\n"
        "condition."
    ),
)


randomized_response_estimate = Exercise(
    check=checks.randomized_response_estimate,
    lesson="03_privacy",
    variable="share_estimate",
    kind="number",
    unit="fraction",
    solution=(
        "share_estimate = estimate_proportion([True] * 70 + [False] * 130, epsilon=1.0).estimate"
    ),
    explanation=(
        'At ε = 1 about 27% of answers are forced the wrong way. Since most people truly say "no", many of the\n'
        '"yes" answers are flipped "no"s; the estimator subtracts that known bias.'
    ),
)


error_per_query = Exercise(
    check=checks.error_per_query,
    lesson="03_privacy",
    variable="bound_each",
    kind="number",
    unit="value",
    solution=("bound_each = laplace_error_bound(sensitivity=1, epsilon=1 / 4)"),
    explanation=(
        "Four counts share the budget, so each gets ε = 0.25 and four times the noise of a single count at ε = 1.\n"
        "More questions, less accuracy per answer: that is the trade-off epsilon measures."
    ),
)


EXERCISES = (
    reidentified_testers,
    k_after_generalising,
    l_after_generalising,
    randomized_response_estimate,
    error_per_query,
)
