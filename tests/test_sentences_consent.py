"""Lesson 02's explorers: every sentence they print has a predicate the engines compute.

Each sentence kind is recomputed from the engines given the control values, after every step
of random sequences and over each control's whole range (``sentence_sweep.py``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pytest

from osmosis_lab.categories import CATEGORY_LABELS
from osmosis_lab.consent.inference import fit_inference
from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.explorers.consent_inference import InferenceExplorer
from sentence_sweep import SEEDS, STEPS, percent, sweep, text
from sequences import LogProblems, move_slider, run_sequence, update

# ---------------------------------------------------------------------- lesson 02: inference


class InferenceModel:
    """The two rates, each trait's side of the middle, the tester's count and the gap sentence."""

    def __init__(self, explorer: InferenceExplorer) -> None:
        self.fits = {}
        self.seed = explorer.seed

    def __call__(self, explorer: InferenceExplorer, _control) -> None:
        refused = explorer.refused.value
        if refused not in self.fits:
            self.fits[refused] = fit_inference(
                explorer.population, refused, rng=np.random.default_rng(self.seed)
            )
        fit = self.fits[refused]
        people = explorer.people
        testers = people[people["role"] == "tester"]
        guess = fit.predict(testers)
        columns = list(guess.columns)
        truth = testers[columns].to_numpy(float)
        right = (guess.to_numpy() > np.asarray(fit.medians)) == (truth > np.asarray(fit.medians))
        residents, on_testers = fit.high_low_accuracy, float(right.mean())
        shown = text(explorer)
        assert (
            f"the guess lands on the right side of the middle {percent(residents)} of the time; "
            f"on the {len(testers)} testers shown here, {percent(on_testers)} of the time"
        ) in shown
        row = list(testers.index).index(explorer.tester.value)
        name = testers["name"].iloc[row]
        assert "Each trait's middle is the residents' median, given below" in shown
        for k, (column, hit) in enumerate(zip(columns, right[row], strict=True)):
            middle = float(fit.medians[k])
            values = {"true": float(truth[row, k]), "guessed": float(guess.iloc[row, k])}
            said = re.search(
                rf"{column.split('_', 1)[1].replace('_', ' ')}: middle ([0-9.]+); "
                r"true ([0-9.]+) \((above|below)\), guessed ([0-9.]+) \((above|below)\): "
                r"(right|wrong) side of the middle",
                shown,
            )
            assert said, (name, column, "the middle is not given beside the values (w54)")
            shown_middle, t, t_side, g, g_side, verdict = said.groups()
            assert verdict == ("right" if hit else "wrong"), (name, column)
            digits = len(shown_middle.split(".")[1])
            assert shown_middle == f"{middle:.{digits}f}", (name, column, middle)
            for (key, value), number, side in zip(
                values.items(), (t, g), (t_side, g_side), strict=True
            ):
                assert number == f"{value:.{digits}f}", (name, column, key)
                assert side == ("above" if value > middle else "below"), (name, column, key)
                # the numbers as read, set against the middle as read, say the same side
                assert (float(number) > float(shown_middle)) == (side == "above"), (
                    name, column, key, number, shown_middle,
                )  # fmt: skip
        assert f"For {name}: {int(right[row].sum())} of {len(columns)} traits" in shown
        # the gap sentence compares the two rates as the learner reads them (whole per cents)
        a, b = round(on_testers * 100), round(residents * 100)
        expected = (
            "right as often for the testers"
            if a == b
            else "right less often for the testers"
            if a < b
            else "right more often for the testers"
        )
        assert expected in shown, (name, refused, a, b)


def test_inference_sentences_over_every_tester_and_category():
    explorer = InferenceExplorer.with_lesson_data()
    assert sweep(explorer, InferenceModel(explorer), product=True) == 12 * 4


@pytest.mark.parametrize("seed", SEEDS)
def test_inference_sentences_in_random_sequences(seed):
    explorer = InferenceExplorer.with_lesson_data()
    run_sequence(explorer, seed, STEPS, model=InferenceModel(explorer))


# ---------------------------------------------------------------------- lesson 02: consent forms


def forms_model(explorer, _control) -> None:
    """Recorded yeses are the sum of how they were obtained; informed means chosen."""
    from osmosis_lab.consent import PURPOSE_LABELS
    from osmosis_lab.consent.forms import FORMS, HOW, Behaviour, simulate_form
    from osmosis_lab.explorers.consent_forms import PEOPLE
    from osmosis_lab.explorers.form_words import explained, words

    table = simulate_form(
        PEOPLE,
        FORMS[explorer.design.value],
        rng=np.random.default_rng(explorer.seed),
        behaviour=Behaviour(reads=explorer.reads.value / 100),
    )
    shown = text(explorer)
    for purpose, row in table.iterrows():
        counts = {how: int(row[how]) for how in HOW}
        total = sum(counts.values())
        parts = ", ".join(f"{n} {words(how)}" for how, n in counts.items() if n) or "none"
        assert (
            f"{PURPOSE_LABELS[purpose]}: {total} recorded yes ({parts}); "
            f"{round(row['wanted_rate'] * PEOPLE)} of the {PEOPLE} would choose it."
        ) in shown, purpose  # a count, which cannot read "14%" beside the table's "15 %"
    sharing = table.loc["sharing"]
    yes = sum(int(sharing[how]) for how in HOW)
    assert f"{yes} of {PEOPLE} people are recorded as agreeing to sharing" in shown
    assert f"{round(sharing['wanted_rate'] * PEOPLE)} of the {PEOPLE} would if fully" in shown
    if yes:
        assert (
            f"and {percent(int(sharing['chosen']) / yes)} of those consents were informed" in shown
        )
    else:
        assert "so there is no consent to sharing, informed or not." in shown
    for how in HOW[1:]:  # each kind of yes on screen is explained, in the counts' words
        assert (explained(how) in shown) == bool(table[how].sum()), how


def test_forms_sentences_over_every_design_and_reading_rate():
    from osmosis_lab.explorers.consent_forms import FormExplorer

    explorer = FormExplorer.with_lesson_data()
    designs, rates = len(explorer.design.options), len(explorer.reads.labels)
    assert sweep(explorer, forms_model, product=True) == designs * rates


@pytest.mark.parametrize("seed", SEEDS)
def test_forms_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.consent_forms import FormExplorer

    run_sequence(FormExplorer.with_lesson_data(), seed, STEPS, model=forms_model)


# ---------------------------------------------------------------------- lesson 02: erasure


def erasure_model(explorer, _control) -> None:
    """What may be used at this step: asked of the ledger, cell by cell, on that step's day."""
    from osmosis_lab.categories import CATEGORIES, CATEGORY_LABELS
    from osmosis_lab.consent import PURPOSE_LABELS, PURPOSES, may_use
    from osmosis_lab.consent.scenarios import josephine_timeline
    from osmosis_lab.consent.timeline import replay

    history = replay(josephine_timeline())
    k = explorer.step.value
    assert (explorer.step.min, explorer.step.max) == (1, len(history))
    now, person = history[k - 1], josephine_timeline().people[0].person_id
    day, shown = now.step.day, text(explorer)
    if person not in now.ledger.records:
        assert f"Day {day}: Joséphine is erased; the ledger holds no record of her" in shown
        assert "May use" not in shown
        return
    allowed = [
        (c, p)
        for c in CATEGORIES
        for p in PURPOSES
        if may_use(now.ledger, person, c, p, day=day).allowed
    ]
    cells = len(CATEGORIES) * len(PURPOSES)
    assert f"Day {day}: Osmosis may use Joséphine's data in {len(allowed)} of {cells}" in shown
    if now.report is None:
        for c, p in allowed:
            line = f"May use {CATEGORY_LABELS[c].lower()} for {PURPOSE_LABELS[p].lower()}."
            assert line in shown, line
        assert shown.count("May use ") == len(allowed)


def test_erasure_sentences_over_every_step():
    from osmosis_lab.explorers.consent_erasure import ErasureExplorer

    explorer = ErasureExplorer.with_lesson_data()
    steps = len(explorer.step.labels)
    assert sweep(explorer, erasure_model) == steps + 2 + 2


@pytest.mark.parametrize("seed", SEEDS)
def test_erasure_sentences_in_random_sequences(seed):
    from osmosis_lab.explorers.consent_erasure import ErasureExplorer

    run_sequence(ErasureExplorer.with_lesson_data(), seed, STEPS, model=erasure_model)


# ---------------------------------------------------------------------- lesson 02: the timeline

#: A person's id as the ledger knows them (T01 ... C07): never what a learner should read.
PERSON_ID = re.compile(r"\b[TC]\d\d\b")
#: A data category as the ledger names it ("scraped:"), where the learner should read its words.
CATEGORY_CODE = re.compile(r"\b(declared|scraped|conscious|subconscious):")
LESSON_02 = Path(__file__).resolve().parents[1] / "lessons" / "02_consent.ipynb"


def plain(value: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", value)))


def timeline_steps(explorer):
    """Every step of every timeline, moved to as the browser does: (timeline, story, summary)."""
    with LogProblems() as problems:
        for index, (_label, timeline) in enumerate(explorer.timeline.options):
            update(explorer.timeline, index=index)
            for position in range(len(explorer.step.labels)):
                move_slider(explorer.step, position)
                yield timeline, plain(explorer.story.value), plain(explorer.summary.value)
    assert not problems.found, problems.found


def test_every_timeline_step_states_what_the_ledger_did_in_names():
    """Headline, story and verdicts of each step, recomputed from the replayed ledger."""
    from osmosis_lab.consent.scenarios import SCENARIOS
    from osmosis_lab.consent.timeline import replay
    from osmosis_lab.data import load_people
    from osmosis_lab.explorers.consent_timeline import TimelineExplorer

    people = load_people()
    names = dict(zip(people["person_id"], people["name"], strict=True))
    explorer, position = TimelineExplorer.with_lesson_data(), {}
    explorer.count_gate.reveal(
        "shown anyway"
    )  # held back before: test_consent_timeline_holds_count
    for timeline, story, summary in timeline_steps(explorer):
        history = replay(SCENARIOS[timeline]())
        k = position[timeline] = position.get(timeline, 0) + 1
        # a step is one replayed step, or several people taking the same decision on one day
        steps = explorer.moments[k - 1]
        done = history[: history.index(steps[-1]) + 1]
        violations = sum(
            e.kind == "use" and e.outcome != "allowed" for r in done for e in r.entries
        )
        headline = f"Step {k} of {len(explorer.moments)} (day {steps[0].step.day}): "
        plural = "s" * (violations != 1)  # "1 violation so far" (w49 read "1 violations")
        assert headline + f"{violations} violation{plural} so far." in summary, (timeline, k)
        # the chart's crosses, each counted with its "×n", add up to the same number
        spots = next(iter(chart_spec(explorer.chart)["datasets"].values()))
        crosses = [s for s in spots if s["verdict"] == "violation"]
        assert sum(int(s["times"][1:] or 1) for s in crosses) == violations, (timeline, k)
        assert all(r.step.day == steps[0].step.day for r in steps)
        for r in steps:
            note = PERSON_ID.sub(lambda m: names[m.group(0)], r.step.note)
            assert note in story, (timeline, k, note)
        flagged = sum(e.kind == "use" and e.outcome != "allowed" for r in steps for e in r.entries)
        assert story.count("VIOLATION") == flagged, (timeline, k)
        adds = f"This step adds {flagged} violation{'s' * (flagged != 1)}." if flagged else ""
        assert (adds or "No violation at this step.") in story, (timeline, k, story)
        for e in (e for r in steps for e in r.entries if e.kind == "use"):  # in words, not codes
            assert f"{CATEGORY_LABELS[e.category]}: " in story, (timeline, k, e.category)
        assert not CATEGORY_CODE.search(story), f"a category code in step {k}: {story}"
        assert not PERSON_ID.search(story), f"an id, not a name, in step {k}: {story}"
    assert len(position) == len(explorer.timeline.options) and sum(position.values()) > 12


def test_every_click_of_the_timeline_shows_something_new():
    """Who it happens to set aside, each step differs from the one before: another event, or
    another count of violations (twelve look-alike sign-up steps are not twelve things to see)."""
    from osmosis_lab.explorers.consent_timeline import TimelineExplorer

    explorer = TimelineExplorer.with_lesson_data()
    explorer.count_gate.reveal("shown anyway")  # the running count is part of what changes
    who = re.compile("|".join(re.escape(n) for n in sorted(explorer.names.values(), key=len)[::-1]))
    before = {}
    for timeline, story, summary in timeline_steps(explorer):
        seen = (
            PERSON_ID.sub("someone", who.sub("someone", story)),
            re.search(r"(\d+) violations? so far", summary).group(1),
        )
        assert seen != before.get(timeline), (
            f"{timeline}: a step that looks like the one before: {story}"
        )
        before[timeline] = seen


def test_watch_day_9_points_to_the_first_violation_of_the_timeline():
    """The lesson says "watch day N": on that day the default timeline shows its first violation."""
    import json

    from osmosis_lab.explorers.consent_timeline import TimelineExplorer

    prose = " ".join("".join(cell["source"]) for cell in json.loads(LESSON_02.read_text())["cells"])
    days = re.findall(r"watch day (\d+)", prose)
    assert days, "the lesson no longer says which day to watch"
    explorer = TimelineExplorer.with_lesson_data()
    for position in range(len(explorer.step.labels)):
        move_slider(explorer.step, position)
        if "VIOLATION" in explorer.story.value:
            break
    assert f"Day {days[0]}." in plain(explorer.story.value)
    # four clicks: the sign-ups, Niels's mother, Niels himself, his first match (his own
    # timeline's steps, issue 12), then day 9
    assert position < 5, "the first violation should come within a few clicks"
