"""A 16-year-old with no Python through lessons 00 and 01: what they were told must be true.

Each test reads what a learner reads (an explorer's text, a verdict, a label, a tooltip) and
checks it against the engine's own run, or against what the learner did in a control.
"""

import html
import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from learner_steps import said
from memory_record import MemoryRecord
from osmosis_lab import check
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.data import load_people
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.code_path import ANSWERED
from osmosis_lab.explorers.export_words import LESSON_TITLES
from osmosis_lab.explorers.matching_common import CASES, load_case
from osmosis_lab.explorers.matching_sides import OPTIONS, WhoProposesExplorer
from osmosis_lab.explorers.matching_steps import StepThroughExplorer
from osmosis_lab.explorers.reflections import Reflection
from osmosis_lab.explorers.work_export import ExportPanel
from osmosis_lab.matching import (
    deferred_acceptance,
    deferred_acceptance_steps,
    max_welfare_matching,
)
from osmosis_lab.matching.compare import happiness_points
from osmosis_lab.matching.scenarios import HAND_PROPOSERS, HAND_REVIEWERS
from sequences import click, update

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


pytestmark = pytest.mark.usefixtures("nobody_signed_in")


# ------------------------------------------------------------------ the code path under a control


def test_the_code_cell_says_so_once_the_exercise_is_answered_with_its_control():
    control = answer_control("youngest_tester", record=MemoryRecord())
    placeholder = check.youngest_tester(...)  # Run All ran the code cell before any answer
    assert placeholder.status == "not attempted"
    assert "replace `...`" in said(placeholder.view) and ANSWERED not in said(placeholder.view)
    update(control.choice, index=control.exercise.choices().index("Niels Larson"))
    click(control.check_button)
    assert said(placeholder.view).startswith(ANSWERED)  # the same output, now true
    assert "Not attempted" not in said(placeholder.view)
    assert "replace ... with your answer" in said(placeholder.view)  # the code way stays open
    bundle = placeholder._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == str(placeholder)  # a printout still reads as before


def test_a_check_button_is_named_by_its_question_not_the_internal_name():
    for name, exercise in all_exercises().items():
        if not exercise.control:
            continue
        tooltip = answer_control(name, record=MemoryRecord()).check_button.tooltip
        assert name not in tooltip and exercise.question in tooltip


# ------------------------------------------------------------------ pick a person


@pytest.mark.parametrize(
    "name,side", [("youngest_tester", "tester"), ("switched_nothing_off", "tester")]
)
def test_a_question_about_testers_offers_the_testers_and_the_likely_wrong_picks(name, side):
    exercise = all_exercises()[name]
    people = load_people()
    offered = set(exercise.choices())
    assert set(people.loc[people["role"] == side, "name"]) <= offered
    others = offered - set(people.loc[people["role"] == side, "name"])
    wrong_picks = {
        m.example
        for m in exercise.check.misconceptions
        if m.name not in exercise.code_only and isinstance(m.example, str)
    }
    # a name beyond the side is offered only as a likely wrong pick; lesson 00 offers none, since
    # its learner has seen a table of the testers alone (w54: "Claire" was in no table shown)
    assert others <= wrong_picks | set(getattr(check.lesson01, "MOVED_CANDIDATES", ()))
    assert len(offered) < len(people)  # not all 24 people: fewer Tabs to reach Check


def test_lucas_match_is_picked_among_the_candidates():
    people = load_people()
    offered = set(all_exercises()["lucas_wellbeing_match"].choices())
    assert offered == set(people.loc[people["role"] == "candidate", "name"])


# ------------------------------------------------------------------ lesson 01's verdicts and explorers


def test_exercise_1_says_who_was_turned_down_as_the_run_counts_it():
    events = deferred_acceptance_steps(HAND_PROPOSERS, HAND_REVIEWERS)
    turned_down = Counter(e.proposer for e in events if e.kind == "rejection")
    assert turned_down == {"Ben": 1, "Cyd": 2}  # Cyd: let go by W, then turned down by X
    message = str(check.hand_matching({"Ada": "X", "Ben": "Y", "Cyd": "Z", "Dev": "W"}))
    assert "Ben is turned down once, Cyd twice" in message
    assert f"{sum(e.kind == 'proposal' for e in events)} proposals" in message
    assert "dict" not in check.hand_matching.question
    assert "`" not in check.find_a_blocking_pair.question  # no variable a non-coder cannot see


@pytest.mark.parametrize("case", CASES)
def test_the_step_through_end_agrees_with_the_people_it_lists_as_alone(case):
    explorer = StepThroughExplorer(case)
    click(explorer.play)
    text = said(explorer.summary)
    alone = re.findall(r"<li>([^<]+?) is left alone:", explorer.summary.value)
    c = load_case(case)
    matching = deferred_acceptance(c.proposers, c.reviewers)
    unmatched_proposers = [p for p, r in matching.items() if r is None]
    unmatched_reviewers = [r for r in c.reviewers if r not in matching.values()]
    assert sorted(alone) == sorted(unmatched_proposers + unmatched_reviewers)
    asked = {e.reviewer for e in explorer.events if e.kind == "proposal"}
    if unmatched_reviewers:  # "whom nobody asked" is true: no proposal reached them
        assert not asked & set(unmatched_reviewers)
        assert f"{len(unmatched_reviewers)} of the {c.reviewer_side}, whom nobody asked" in text
    if unmatched_proposers:  # "who asked everyone on their list" is true
        for person in unmatched_proposers:
            tried = {
                e.reviewer for e in explorer.events if e.kind == "proposal" and e.proposer == person
            }
            assert tried == set(c.proposers[person])
        assert f"{len(unmatched_proposers)} of the {c.proposer_side}, who asked everyone" in text
    if not alone:
        assert "nobody is left alone" in text
    assert "(s)" not in text and "unmatched:" not in said(explorer.log)


@pytest.mark.parametrize("case", OPTIONS)
@pytest.mark.parametrize("proposing", ["first", "second"])
def test_who_proposes_speaks_plain_words(case, proposing):
    explorer = WhoProposesExplorer(case)
    update(explorer.proposing, value=proposing)
    text = said(explorer.summary)
    labels = [label for label, _ in explorer.proposing.options]
    assert not re.search(r"\b[PR]s\b", " ".join([text, *labels])), (text, labels)
    assert "(s)" not in text
    assert "stable matching" in text


def test_the_closing_discuss_counts_the_couples_the_happiest_total_splits():
    c = load_case("12 beta testers")
    stable = deferred_acceptance(c.proposers, c.reviewers)
    best = max_welfare_matching(happiness_points(c.proposers, c.reviewers))
    split = [
        (p, r)
        for p, r in stable.items()
        if r and best.get(p) != r and c.proposers[p][0] == r and c.reviewers[r][0] == p
    ]
    words = {1: "a tester and a candidate", 2: "two\ncouples", 3: "three\ncouples"}
    notebook = nbformat.read(LESSONS / "01_what_is_a_match.ipynb", as_version=4)
    discuss = next(c.source for c in notebook.cells if "the happiest total splits up" in c.source)
    assert f"splits up {words[len(split)]}" in discuss, split


# ------------------------------------------------------------------ reflections and the export


def test_a_saved_reflection_says_plainly_who_may_see_it(tmp_path):
    door = my_work.sign_in("00_start_here", folder=tmp_path)
    update(door.name, value="Zoé")
    click(door.open)
    box = Reflection("00_refuse_first", "Which category would you refuse first?")
    update(box.text, value="Subconscious signals.")
    click(box.save)
    kept_private = said(box.status)
    assert (
        "will not show it to the class" in kept_private and "without your name" not in kept_private
    )
    update(box.may_show, value=True)
    click(box.save)
    assert "may show it to the class, without your name" in said(box.status)


def test_the_export_preview_follows_the_work_and_names_the_lessons(tmp_path):
    door = my_work.sign_in("01_what_is_a_match", folder=tmp_path)
    update(door.name, value="Zoé")
    click(door.open)
    panel = ExportPanel()  # built by Run All, before any answer
    control = answer_control("lie_that_pays")
    update(control.choice, index=control.exercise.choices().index("A"))
    click(control.check_button)
    assert "lie_that_pays" in panel.preview.value  # no press of "Show what will be exported"
    box = Reflection("01_value_choices", "Which two value choices hide in the algorithm?")
    update(box.text, value="Who proposes.")
    click(box.save)
    assert "Who proposes." in html.unescape(panel.preview.value)
    click(panel.show)  # up to date already: the press still answers
    assert said(panel.status) == "The preview below is up to date: it is what Export writes."
    labels = [part.description for part in panel.part_box.children]
    assert "My answers in 01 · What is a match?" in labels
    assert 'My reflection: "Which two value choices hide in the algorithm?"' in labels


@pytest.mark.parametrize("lesson", sorted(LESSON_TITLES))
def test_the_export_names_each_lesson_by_its_first_heading(lesson):
    notebook = nbformat.read(LESSONS / f"{lesson}.ipynb", as_version=4)
    assert notebook.cells[0].source.splitlines()[0] == f"# {LESSON_TITLES[lesson]}"
