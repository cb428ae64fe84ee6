"""Lesson 01's "Consent changes the match" states no registered plot relation in the open
(issue 12; w47, w48).

After Run All its text read "Now: Antoine is left alone: ... (Lucas Apert is with Léopold)"
whichever tester was picked, and "Niels Larson shares: ...; matched with Claire." on its first
screen: the section was a marked spoiler cell, and the teacher's guide only warned. Now every
line naming two people from the series goes into a folded "Spoiler (ep. 3)" box the learner
opens, and the cell is unmarked, so test_spoilers_swept.py sweeps it too. That sweep stops at
64 combinations of the choosers (the first four testers); this one reaches every tester with
every pattern of the four boxes, then seeded random sequences (tests/sequences.py), and also
reads what the chart's tooltips say (the sweep reads its description only).
"""

import html

import pytest

from osmosis_lab.explorers.base import chart_spec
from osmosis_lab.explorers.matching_consent import ConsentMatchExplorer
from sentence_sweep import SEEDS
from sequences import click, run_sequence, update
from spoilers import register, spoilers_in
from test_spoilers_swept import paragraphs_shown, shown

RELATIONS = register()


def in_the_open(explorer) -> list[str]:
    """Every paragraph the learner reads without opening a spoiler box, tooltips included."""
    spec = chart_spec(explorer.chart)
    tooltips = [row.get("why", "") for rows in spec.get("datasets", {}).values() for row in rows]
    texts = [*shown(explorer), *tooltips]
    return [p for t in texts if t for p in paragraphs_shown(html.unescape(t))]


def said_in_the_open(explorer) -> list[str]:
    """What the explorer says outside the fold: its text, its chart's description and
    tooltips (not its controls' labels: a button named "Ana Stern" states nothing)."""
    spec = chart_spec(explorer.chart)
    tooltips = [row.get("why", "") for rows in spec.get("datasets", {}).values() for row in rows]
    opened = html.unescape(explorer.summary.value).split("<details>", 1)[0]
    texts = [opened, str(spec.get("description", "")), *tooltips]
    return [p for t in texts if t for p in paragraphs_shown(html.unescape(t))]


def spoiled(explorer) -> list[tuple[str, str]]:
    return [found for p in in_the_open(explorer) for found in spoilers_in(p, RELATIONS)]


def folded(explorer) -> str:
    value = html.unescape(explorer.summary.value)
    return value.split("<details>", 1)[1] if "<details>" in value else ""


def test_the_first_screen_states_no_relation_and_keeps_them_in_the_fold():
    explorer = ConsentMatchExplorer.with_lesson_data()
    assert not spoiled(explorer)
    # what the old first screen said in the open is still there for who opens the box
    assert "Lucas Apert is with Léopold" in folded(explorer)
    assert folded(explorer).startswith("<summary>Spoiler (ep. 3)")


def test_every_tester_and_every_pattern_of_boxes_for_the_series_testers():
    """Every tester; each of the series' testers (whose own lines name their matches) through
    all 16 patterns of the four boxes, the others through one (all 16 for all 12: 23 s on
    the shared machine, for no new kind of line)."""
    explorer = ConsentMatchExplorer.with_lesson_data()
    boxes = list(explorer.shares.values())
    reached_fold = set()
    for index in range(len(explorer.tester.options)):
        update(explorer.tester, index=index)
        full = explorer.tester.value in explorer.from_series
        for step in range(1, 2 ** len(boxes) if full else 2):  # a Gray code: one box a step
            pattern = step ^ (step >> 1)
            for bit, box in enumerate(boxes):
                if box.value != bool(pattern >> bit & 1):
                    update(box, value=bool(pattern >> bit & 1))
            found = spoiled(explorer)
            assert not found, (explorer.tester.value, pattern, found)
            if explorer.tester.value in explorer.from_series and explorer.tester.value in folded(
                explorer
            ):
                reached_fold.add(explorer.tester.value)
        for bit, box in enumerate(boxes):  # earlier testers keep a pattern: markets combine
            update(box, value=bool((index + 5) >> bit & 1))
    click(explorer.everyone)
    assert not spoiled(explorer)
    assert reached_fold, "no series tester's line ever went to the fold: the sweep saw nothing"


@pytest.mark.parametrize("seed", SEEDS)
def test_random_sequences_state_no_relation_in_the_open(seed):
    def model(explorer, _control):
        found = spoiled(explorer)
        assert not found, found

    run_sequence(ConsentMatchExplorer.with_lesson_data(), seed, 60, model=model)


def test_in_the_open_the_series_people_are_named_only_in_what_the_learner_did():
    """A consequence naming one person of the series spoils as well as a relation: with every
    box of Niels's unticked, "Now: Claire is left alone" said whom he had been with (w49, w51);
    "Nour Saïdi (switched nothing off): ... Simon now" said whom Ana had. In the open, a series
    person is named only as the tester picked or as one who stopped sharing."""
    explorer = ConsentMatchExplorer.with_lesson_data()
    boxes = list(explorer.shares.values())
    series = sorted(explorer.from_series, key=len, reverse=True)
    for tester in (t for t in explorer.tester.options if t in explorer.from_series):
        click(explorer.everyone)
        update(explorer.tester, index=explorer.tester.options.index(tester))
        for pattern in range(2 ** len(boxes)):
            for bit, box in enumerate(boxes):
                if box.value != bool(pattern >> bit & 1):
                    update(box, value=bool(pattern >> bit & 1))
            acted = set(explorer.sharing.index[~explorer.sharing.all(axis=1)]) | {tester}
            for paragraph in said_in_the_open(explorer):
                named = {name for name in series if name in paragraph}
                assert named <= acted, (tester, pattern, sorted(named - acted), paragraph)
