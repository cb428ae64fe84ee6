"""Lesson 04 · Algorithmic trust: each exercise's one source (see :mod:`osmosis_lab.check.exercise`).

Examples
--------
>>> {e.lesson for e in EXERCISES}
{'04_trust'}
"""

from .. import lesson04 as checks
from .. import lesson04_predict as predictions
from ..exercise import Exercise
from ..lesson04 import SWEEP_SETTINGS, TOP_BAND_OPTIONS
from . import side

top_band_prediction = Exercise(
    check=checks.top_band_prediction,
    title="Predict the top band",
    number=1,
    lesson="04_trust",
    variable="top_band_guess",
    kind="choice",
    options=TOP_BAND_OPTIONS,
    solution=(
        'share = trust.reliability_table(stated, outcome).iloc[-1]["observed_rate"]\n'
        "top_band_guess = check.lesson04.top_band_range(share)"
    ),
    explanation=(
        'The top band\'s "came true" share in the table below is the answer. A calibrated app\'s "90 % or more"\n'
        "would come true 90 % of the time or more; compare what this app stated with what happened."
    ),
    control=True,
)


ece_by_hand = Exercise(
    check=checks.ece_by_hand,
    title="Calibration by hand",
    number=2,
    lesson="04_trust",
    variable="ece_answer",
    kind="number",
    unit="fraction",
    solution=("ece_answer = trust.expected_calibration_error(predicted, happened)"),
    explanation=(
        "Each band holds half the matches. The 90 % band came true 60 % of the time (gap 0.3: too sure of\n"
        '"yes"), the 30 % band 40 % of the time (gap 0.1: too sure of "no", so overconfident too). So\n'
        "ECE = 0.5 × 0.3 + 0.5 × 0.1 = 0.2. Taking the size of each gap matters: the average statement minus the\n"
        "overall rate (0.6 - 0.5 = 0.1) lets the two gaps cancel. Accuracy is a different number: 6 + 6 = 12 of\n"
        "the 20 yes/no verdicts were right (60 %)."
    ),
    control=True,
)


best_overconfidence = Exercise(
    check=checks.best_overconfidence,
    title="Accuracy is not calibration",
    number=3,
    lesson="04_trust",
    variable="best_setting",
    kind="choice",
    options=SWEEP_SETTINGS,
    solution=(
        'best_setting = sweep.loc[sweep["expected_calibration_error"].idxmin(), "overconfidence"]'
    ),
    explanation=(
        "A much lower setting than the launch value fits the track record best. Accuracy is the same in every row:\n"
        "the setting only changes *how sure* the app sounds, never which couples it backs. Rescaling confidence\n"
        'like this is how Guo et al. (2017) recalibrate neural networks ("temperature scaling").'
    ),
    control=True,
)


lucas_same_match_prediction = Exercise(
    check=predictions.lucas_same_match_prediction,
    title="Same match for Lucas?",
    lesson="04_trust",
    variable="same_match",
    kind="choice",
    options=predictions.SAME_OR_NOT,
    control=True,
    solution=(
        "attraction, wellbeing = check.lesson04_predict.lucas_matches()\n"
        "same_match = check.lesson04_predict.SAME_OR_NOT[attraction != wellbeing]"
    ),
    explanation=(
        "A different person under each. Nothing about Lucas changed, only what the algorithm was asked to make\n"
        "as large as possible: the objective is a choice, and it decides the match."
    ),
)


lucas_wellbeing_match = Exercise(
    check=checks.lucas_wellbeing_match,
    title="Lucas's match",
    number=4,
    lesson="04_trust",
    variable="lucas_match",
    kind="choice",
    options=lambda: side("candidate"),  # his match is a candidate (Léopold among them)
    # Lucas is not among the choices, so only a code answer can name him.
    code_only=("a tester",),
    solution=('lucas_match = objectives.match_of("Lucas Apert", "wellbeing")["match"]'),
    explanation=(
        "Antoine. His score is lower than Léopold's, but the chance that both are doing well a year later is far\n"
        "higher. The score was never wrong about attraction; it was measuring the wrong thing. Optimising a\n"
        "measurable stand-in for what people want is called optimising a **proxy**."
    ),
    control=True,
    spoiler=True,  # its options and verdict name Lucas's two matches (episode 2)
)


sofia_over_reliance = Exercise(
    check=checks.sofia_over_reliance,
    title="Count Sofia's over-reliance",
    number=5,
    lesson="04_trust",
    variable="sofia_over_reliance",
    kind="number",
    unit="count",
    solution=(
        "sofia_over_reliance = trust.reliance_summary(sofia_final, app_verdict, worked_out).over_reliance"
    ),
    explanation=(
        "The app was wrong on cases 2, 5, 6 and 8. Sofia agreed with it on cases 2 and 5 (over-reliance) and\n"
        "overrode it, rightly, on cases 6 and 8."
    ),
    control=True,
)


billie_needs = Exercise(
    check=checks.billie_needs,
    title="How many must Billie reach?",
    number=6,
    lesson="04_trust",
    variable="billie_needs_to_reach",
    kind="number",
    unit="count",
    solution=("billie_needs_to_reach = round(0.1 * len(outage.users))"),
    explanation=(
        "About one user in ten is left without a working safe mode, so Billie must reach roughly that many within\n"
        "the time it takes for harm to set in. No single person can; a safeguard has to grow with the number of users."
    ),
    control=True,
)


EXERCISES = (
    top_band_prediction,
    ece_by_hand,
    best_overconfidence,
    lucas_same_match_prediction,
    lucas_wellbeing_match,
    sofia_over_reliance,
    billie_needs,
)
