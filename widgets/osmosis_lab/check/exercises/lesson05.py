"""Lesson 05 · Design review before launch: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'05_design_review'}
"""

from ...review import SINGLE_CHANGES
from .. import lesson05 as checks
from .. import lesson05_predict as predictions
from ..exercise import Exercise

review_noisy_counts_prediction = Exercise(
    check=checks.review_noisy_counts_prediction,
    title="Predict: what do noisy counts change?",
    number=1,
    lesson="05_design_review",
    control=True,
    variable="rows_that_change",
    kind="picks",
    options=checks.PREDICTION_FIGURES,
    solution=(
        "plan = consequences(AS_PLANNED, scenario, rng=np.random.default_rng(1)).table()\n"
        'noisy = consequences(replace(AS_PLANNED, privacy="dp"), scenario, rng=np.random.default_rng(1)).table()\n'
        'rows_that_change = set(plan.loc[plan["shown"] != noisy["shown"], "figure"])'
    ),
    explanation=(
        "Five rows: the two attack figures (no rows leave the company, so there is nothing to join), the published\n"
        "count (it gets noise), the worst case for one resident (it gets a bound, far from nothing at epsilon = 1 per\n"
        "count) and the weeks of work (an invented model). What the app reads, who consents and the outage stay as\n"
        "planned."
    ),
)


review_proposing_side = Exercise(
    check=checks.review_proposing_side,
    title="Who gains when the candidates propose?",
    number=2,
    lesson="05_design_review",
    control=True,
    variable="proposing_side_gains",
    kind="choice",
    options=("testers", "candidates", "neither"),
    solution=(
        "planned = consequences(AS_PLANNED, scenario, rng=rng).matching\n"
        'swapped = consequences(replace(AS_PLANNED, proposers="candidates"), scenario, rng=rng).matching\n'
        "same = (planned.tester_rank, planned.candidate_rank) == (swapped.tester_rank, swapped.candidate_rank)\n"
        'proposing_side_gains = "neither" if same else "candidates"'
    ),
    explanation=(
        "Nobody gains. The theorem is right, but it speaks of the *best stable* partner, and among these 24\n"
        "people there is only one stable matching (`planned.same_either_way` is `True`): both sides get the same\n"
        "partners whoever proposes. With more people who would accept each other, who proposes would start to\n"
        "matter. A board should check a general result against the people it actually affects."
    ),
)


review_informed_share = Exercise(
    check=checks.review_informed_share,
    title="Informed, or just ticked?",
    number=5,
    lesson="05_design_review",
    control=True,
    variable="informed_share",
    kind="number",
    unit="fraction",
    solution=(
        "informed_share = consequences(AS_PLANNED, scenario, rng=rng).consent.informed_share"
    ),
    explanation=(
        "Only a small share. Most people never read a form, and a box they leave ticked still counts as a yes.\n"
        "The fair form collects far fewer research consents, but every one of them is a real choice. A high\n"
        "consent rate is not evidence that people agreed."
    ),
)


review_non_users_used = Exercise(
    check=checks.review_non_users_used,
    title="People who never signed up",
    number=3,
    lesson="05_design_review",
    control=True,
    variable="never_signed_up",
    kind="number",
    unit="count",
    solution=(
        "never_signed_up = consequences(AS_PLANNED, scenario, rng=rng).consent.non_users_used"
    ),
    explanation=(
        "Scraping finds candidates the app offers as soulmates without their ever signing up. That a person\n"
        "can be found this way is the series' premise; in our toy they are Léopold (named in the series) and\n"
        "Chloé and Zoé (invented). The research export also holds every resident the company found online.\n"
        "None of them could consent or object. Untick\n"
        "*Search people who never signed up*, or stop reading scraped social media, and the number drops to 0."
    ),
)


still_learned_prediction = Exercise(
    check=predictions.still_learned_prediction,
    title="What an observer still learns",
    number=4,  # the prediction that opens exercise 4
    lesson="05_design_review",
    control=True,
    variable="still_learned",
    kind="choice",
    options=predictions.LEARNED,
    solution=(
        "table = compare_changes(AS_PLANNED, scenario, rng=np.random.default_rng(0))\n"
        'cost = table[(table["reidentified"] == 0) & (table["health_learned"] == 0)]["privacy_cost"].iloc[0]\n'
        "prior = (scenario.health == \"depression\").mean()  # the city's share: the observer's start\n"
        "still_learned = check.lesson05_predict.LEARNED[0 if cost <= prior else 1 if cost < 1 else 2]"
    ),
    explanation=(
        "Something, up to a limit. Nobody is named, but what is published still moves what an observer believes\n"
        "about one resident: the table's last column is far above the city's share, and below certainty."
    ),
)


review_privacy_change = Exercise(
    check=checks.review_privacy_change,
    title="Which change protects the export?",
    number=4,
    lesson="05_design_review",
    control=True,
    variable="protects_the_export",
    kind="choice",
    options=tuple(SINGLE_CHANGES),
    solution=(
        'private = changes[(changes["reidentified"] == 0) & (changes["health_learned"] == 0)]\n'
        "protects_the_export = private.index[0]"
    ),
    explanation=(
        "Differential privacy releases no rows, only counts with calibrated noise, so the attack has nothing\n"
        "to join to a public profile. That does not mean nothing is learned. Its cost is not only a count off\n"
        "by about one: the plan publishes five counts at epsilon = 1 each, epsilon = 5 in all, and the\n"
        "`privacy_cost` column shows the worst case for one resident (a 9 in 100 chance of living with\n"
        "depression can become 94 in 100). Differential privacy *bounds* what is learned; a smaller epsilon per\n"
        "count, or fewer counts, lowers the bound. Generalising with k = 5 stops every unique match, yet people\n"
        "in groups who all share one health condition still have it revealed (lesson 03's homogeneity attack),\n"
        "and an export of rows has no bound at all."
    ),
)


outage_with_human_only_prediction = Exercise(
    check=predictions.outage_with_human_only_prediction,
    title="An outage with only Billie",
    lesson="05_design_review",
    control=True,
    variable="harmed_with_human_only",
    kind="choice",
    options=predictions.HARM_BANDS,
    solution=(
        "design = replace(AS_PLANNED, human_contact=True)\n"
        "outage = consequences(design, scenario, rng=np.random.default_rng(1)).trust\n"
        "harmed_with_human_only = check.lesson05_predict.outage_share_band(outage.harmed / outage.users)"
    ),
    explanation=(
        "Almost all. Billie can reach only a few of the connected users before harm is done; a safe mode that\n"
        "takes over by itself is what protects the rest."
    ),
)


EXERCISES = (
    review_noisy_counts_prediction,
    review_proposing_side,
    review_informed_share,
    review_non_users_used,
    still_learned_prediction,
    review_privacy_change,
    outage_with_human_only_prediction,
)
