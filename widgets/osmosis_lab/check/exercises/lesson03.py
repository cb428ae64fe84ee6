"""Lesson 03 · Data privacy: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'03_privacy'}
"""

from .. import lesson03 as checks
from .. import lesson03_predict as predictions
from ..exercise import Exercise

export_harm_prediction = Exercise(
    check=predictions.export_harm_prediction,
    title="Can a nameless export hurt?",
    lesson="03_privacy",
    variable="export_harm",
    kind="choice",
    options=predictions.HARM_ANSWERS,
    control=True,
    solution=(
        "export = beta_export(people, population, rng=np.random.default_rng(1))[0]\n"
        'facts = known_to_attacker(people, public).loc["Lucas Apert", ["age", "arrondissement"]].to_dict()\n'
        "export_harm = check.lesson03_predict.HARM_ANSWERS[2 if narrowing(export, facts)[-1][1] == 1 else 0]"
    ),
    explanation=(
        "Yes. A row with no name can be the only one that fits two facts anyone can look up (Part 1 finds\n"
        "Lucas's), and then the rest of that row is his."
    ),
)


lucas_narrowing_prediction = Exercise(
    check=predictions.lucas_narrowing_prediction,
    title="How many look like Lucas?",
    lesson="03_privacy",
    variable="lucas_crowd",
    kind="choice",
    options=predictions.CROWD_BANDS,
    control=True,
    solution=(
        'facts = known.loc["Lucas Apert", ["age", "arrondissement"]].to_dict()\n'
        "lucas_crowd = check.lesson03_predict.crowd_band(narrowing(released, facts)[-1][1])"
    ),
    explanation=(
        "Just him. 14 people in the export share his age; add his arrondissement and he is alone.\n"
        "Neither fact is secret or names anyone: together they single him out."
    ),
)


reidentified_testers = Exercise(
    check=checks.reidentified_testers,
    title="Three facts",
    number=1,
    lesson="03_privacy",
    variable="testers_unique",
    kind="number",
    unit="count",
    control=True,
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
    title="The k of the proposal",
    number=2,
    lesson="03_privacy",
    variable="k_proposed",
    kind="number",
    unit="count",
    quantity="k",
    control=True,
    solution=("k_proposed = k_anonymity(proposed, quasi)"),
    explanation=(
        "Every released combination is now shared by at least that many people, so no one is singled out by these\n"
        "columns. That is all k promises."
    ),
)


exposed_by_homogeneity = Exercise(
    check=checks.exposed_by_homogeneity,
    title="Hidden in a crowd that all agree",
    number=3,
    lesson="03_privacy",
    variable="people_exposed",
    kind="number",
    unit="count",
    control=True,
    solution=('people_exposed = int(all_alike["people"].sum())'),
    explanation=(
        "Each of these people is hidden in a crowd, yet the crowd all share one health condition, so anyone who\n"
        "knows which crowd a person is in learns it: a **homogeneity attack**. Here every such class shares\n"
        '"none". That is still a disclosure: a health record was promised to stay hidden, and an insurer or an\n'
        'employer who learns "no condition" about some people learns, by elimination, more about the others.\n'
        "Had the class shared a diagnosis, the same attack would reveal it."
    ),
)


randomized_response_estimate = Exercise(
    check=checks.randomized_response_estimate,
    title="Correct the raw rate",
    number=4,
    lesson="03_privacy",
    variable="share_estimate",
    kind="number",
    unit="fraction",
    control=True,
    solution=(
        "share_estimate = estimate_proportion([True] * 70 + [False] * 130, epsilon=1.0).estimate"
    ),
    explanation=(
        'At ε = 1 about 26.9 in 100 answers are forced the wrong way. Since most people truly say "no", many\n'
        'of the "yes" answers are flipped "no"s; the estimator takes away that known share. In words: if nobody\n'
        'had the secret, the coin alone would give about 26.9 % "yes". The 35 % seen is 8.1 points above that,\n'
        'and each point of true "yes" adds only 0.462 of a point (73.1 − 26.9 = 46.2 in 100), so the estimate\n'
        "is about 8.1 ÷ 46.2 ≈ 0.175."
    ),
)


survey_closeness_prediction = Exercise(
    check=predictions.survey_closeness_prediction,
    title="How close is the private survey?",
    lesson="03_privacy",
    variable="survey_closeness",
    kind="choice",
    options=predictions.CLOSENESS,
    control=True,
    solution=(
        "est = estimate_proportion([True] * 70 + [False] * 130, epsilon=1.0)\n"
        "survey_closeness = check.lesson03_predict.closeness_band((est.high - est.low) / 2)"
    ),
    explanation=(
        "Roughly: about 15 points either side. The coin that protects each answer also blurs the total."
    ),
)


error_per_query = Exercise(
    check=checks.error_per_query,
    title="One budget, five counts",
    number=5,
    lesson="03_privacy",
    variable="bound_each",
    kind="number",
    unit="value",
    control=True,
    solution=("bound_each = laplace_error_bound(sensitivity=1, epsilon=1 / 5)"),
    explanation=(
        "Five counts share the budget, so each gets ε = 0.2 and five times the noise of a single count at ε = 1\n"
        "(±3.0 there, ±15.0 here). More questions, less accuracy per answer: that is the trade-off epsilon measures."
    ),
)


EXERCISES = (
    export_harm_prediction,
    lucas_narrowing_prediction,
    reidentified_testers,
    k_after_generalising,
    exposed_by_homogeneity,
    survey_closeness_prediction,
    randomized_response_estimate,
    error_per_query,
)
