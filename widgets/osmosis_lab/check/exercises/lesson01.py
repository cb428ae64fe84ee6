"""Lesson 01 · What is a match?: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'01_what_is_a_match'}
"""

from ...matching.scenarios import HAND_PROPOSERS, HAND_REVIEWERS, gale_shapley_example
from .. import lesson01 as checks
from ..exercise import Exercise
from . import side

hand_matching = Exercise(
    check=checks.hand_matching,
    title="Predict by hand, then run",
    number=1,
    lesson="01_what_is_a_match",
    variable="hand_result",
    control=True,
    kind="pairs",
    options=(tuple(HAND_PROPOSERS), tuple(HAND_REVIEWERS)),
    solution=('hand_result = {"Ada": "X", "Ben": "Y", "Cyd": "Z", "Dev": "W"}'),
    explanation=(
        "Ada asks X, who holds her. Ben asks X too; X prefers Ada, so Ben asks Y, who holds him. Cyd asks W, who\n"
        "holds him until Dev asks: W prefers Dev and lets Cyd go. Cyd asks X (turned down: X prefers Ada), then Z,\n"
        "who holds him. Nobody is left to ask."
    ),
)


find_a_blocking_pair = Exercise(
    check=checks.find_a_blocking_pair,
    title="Find the blocking pair",
    number=2,
    lesson="01_what_is_a_match",
    variable="blocking_pair",
    control=True,
    kind="pair",
    options=lambda: tuple(tuple(side) for side in gale_shapley_example()),
    solution=('blocking_pair = ("beta", "C")'),
    explanation=(
        "beta has A, his last choice, and ranks C above her; C has gamma, her last choice, and ranks beta above him.\n"
        "alpha would like A, but A prefers her partner beta, so (alpha, A) does not block."
    ),
)


men_first_choices_when_women_propose = Exercise(
    check=checks.men_first_choices_when_women_propose,
    title="Predict, then run",
    number=3,
    lesson="01_what_is_a_match",
    variable="men_with_first_choice",
    control=True,
    kind="number",
    unit="count",
    solution=(
        "men_with_first_choice = sum(\n"
        "    men[m][0] == w for w, m in deferred_acceptance(women, men).items() if m is not None\n"
        ")"
    ),
    explanation=(
        "None of them: when the women propose, each woman gets her first choice and each man his last. The\n"
        "algorithm is not neutral: the side that asks gains, the side that answers pays."
    ),
)


lie_that_pays = Exercise(
    check=checks.lie_that_pays,
    title="A lie that pays",
    number=5,
    lesson="01_what_is_a_match",
    variable="liar",
    control=True,
    kind="choice",
    options=lambda: tuple(name for side in gale_shapley_example() for name in side),
    solution=('liar = "A"'),
    explanation=(
        "A, B or C: each woman gets her last choice when the men propose, and by leaving the lower men off her\n"
        "list she pushes the algorithm to her best stable partner. A proposer can never gain by lying to deferred\n"
        "acceptance."
    ),
)


switched_nothing_off = Exercise(
    check=checks.switched_nothing_off,
    title="Someone who switched nothing off",
    number=4,
    lesson="01_what_is_a_match",
    variable="moved_tester",
    control=True,
    kind="choice",
    # the testers, and the candidates who moved too (the "a candidate" hint)
    options=lambda: side("tester", *checks.MOVED_CANDIDATES),
    solution=('moved_tester = "Karim Benali"'),
    explanation=(
        "Karim Benali or Mathis Roy. Bastien's choice changes how he and the candidates score each other; Bastien\n"
        "now asks a different candidate first, and the proposals that follow move Karim and Mathis too."
    ),
)


EXERCISES = (
    hand_matching,
    find_a_blocking_pair,
    men_first_choices_when_women_propose,
    lie_that_pays,
    switched_nothing_off,
)
