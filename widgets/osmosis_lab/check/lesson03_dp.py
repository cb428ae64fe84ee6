"""Self-checks for lesson 03 · Data privacy, Part 3: differential privacy.

The randomized-response survey and the noisy counts sharing one budget. Split from
:mod:`.lesson03` (the release checks: linkage, k and l), which re-exports these, so
``check.lesson03.<name>`` finds every lesson 03 check. Every right answer is computed by
the privacy engine, never typed in.

Examples
--------
>>> randomized_response_estimate(0.35).status  # the raw share of yes
'hint'
>>> error_per_query(3.0).status  # one count's bound at epsilon = 1: composition forgotten
'hint'
"""

from ..privacy import estimate_proportion, laplace_error_bound, laplace_scale
from .allowed import Allowed
from .core import Check, Misconception
from .plain import is_number

#: Exercise 4's survey: 200 answers at epsilon = 1, 70 of them "yes".
SURVEY_YES, SURVEY_SIZE = 70, 200


def _survey_estimate() -> float:
    answers = [True] * SURVEY_YES + [False] * (SURVEY_SIZE - SURVEY_YES)
    return estimate_proportion(answers, epsilon=1.0).estimate


def _near(a, value: float, tolerance: float) -> bool:
    return is_number(a) and abs(a - value) < tolerance


randomized_response_estimate = Check(
    name="randomized_response_estimate",
    allowed=Allowed("fraction", 0, 1),
    reference=_survey_estimate,
    question="200 answers with epsilon = 1, 70 of them yes: estimate the true share.",
    # within a point: the rule "26.9 in 100 are forced" done by hand, even rounded to 27, gives 0.17
    is_correct=lambda a: _near(a, _survey_estimate(), 0.01),
    why="About 26.9 in 100 answers are forced lies, so the raw 35% overstates the truth; the "
    "estimator removes that known bias.",
    misconceptions=(
        Misconception(
            "took the raw rate",
            example=0.35,
            matches=lambda a: _near(a, SURVEY_YES / SURVEY_SIZE, 0.005),
            hint="35% is the share who answered yes, and some of those yeses were forced by the "
            "coin. Take away the yeses the coin alone would give (26.9 in 100), then scale up.",
            wrong_value=lambda: SURVEY_YES / SURVEY_SIZE,
        ),
        Misconception(
            "gave a percentage",
            example=17.5,
            matches=lambda a: is_number(a) and abs(a / 100 - _survey_estimate()) < 0.01,
            hint="The share is a fraction between 0 and 1: 25 % is 0.25. In the answer box a "
            "percentage reads with its sign, 25 %.",
            form_slip=True,
        ),
    ),
    fallback_hint="Of every 100 answers at epsilon = 1, 26.9 on average are the coin's opposite. "
    "Estimate the true share of yes from the 70 yeses among 200, as the exercise explains.",
)


#: Exercise 5: one budget of epsilon = 1 shared equally by this many counts.
COUNTS = 5


def _per_query_bound() -> float:
    return laplace_error_bound(sensitivity=1, epsilon=1.0 / COUNTS)


error_per_query = Check(
    name="error_per_query",
    allowed=Allowed("value", 0),
    reference=_per_query_bound,
    question="A budget of 1 split equally over five counts: each count's 95% error bound?",
    is_correct=lambda a: _near(a, _per_query_bound(), 0.05),
    why="Five queries share the budget, so each gets epsilon = 0.2 and five times the noise.",
    misconceptions=(
        Misconception(
            "forgot composition",
            example=3.0,
            matches=lambda a: _near(a, laplace_error_bound(sensitivity=1, epsilon=1), 0.05),
            hint="That is the bound for one count at epsilon = 1. Five counts add up: each may "
            "spend only a fifth of the budget.",
            wrong_value=lambda: laplace_error_bound(sensitivity=1, epsilon=1),
        ),
        Misconception(
            "gave the noise scale",
            example=5,
            matches=lambda a: _near(a, laplace_scale(sensitivity=1, epsilon=1.0 / COUNTS), 1e-9),
            hint="That is the typical size of the noise, not the bound 95% of published counts "
            "stay within, which is wider.",
            wrong_value=lambda: laplace_scale(sensitivity=1, epsilon=1.0 / COUNTS),
        ),
    ),
    fallback_hint="Each count gets a fifth of the budget, epsilon = 0.2. Set the noise dial to "
    "that epsilon and read its bound.",
)
