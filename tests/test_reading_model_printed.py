"""The reading model reads what the explorers print, as a learner does (issue 12, timing).

Walkthrough learners of 16 took 67-72 minutes for lessons stated at 54-55: the model counted
the lessons' Markdown but not the sentences, tables in words and cards the explorers print.
"""

import dataclasses

import ipywidgets as widgets
import nbformat
import pytest

import printed_words
import reading_model
from conftest import LESSONS
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.live import LiveText  # shown text too, announced
from osmosis_lab.explorers.review_writer import ReviewWriter
from osmosis_lab.records import RecordStore

#: An explorer each lesson builds in a timed section, found by the words of its cell (headings
#: move; the cell that builds the explorer does not). The last three were timed as plain cells
#: (a quarter of a minute, nothing read) before the model knew the package's explorer classes.
BUILT = [
    ("01_what_is_a_match", "StableVsBestExplorer("),
    ("02_consent", "ConsentBoard("),
    ("04_trust", "ObjectivesExplorer.for_testers("),
    ("05_design_review", "DesignPanel("),
]


def section_building(lesson: str, code: str) -> reading_model.Section:
    """The timed section whose code cell contains ``code``."""
    path = next(p for p in LESSONS if p.stem == lesson)
    cells = nbformat.read(path, as_version=4).cells
    index = next(i for i, c in enumerate(cells) if c.cell_type == "code" and code in c.source)
    heading = next(
        reading_model._TIMED.search(c.source)
        for c in reversed(cells[:index])
        if c.cell_type == "markdown" and reading_model._TIMED.search(c.source)
    )
    title = heading["title"].strip(" ·")
    return next(s for s in reading_model.sections(path) if s.title == title)


@pytest.mark.parametrize(("lesson", "code"), BUILT, ids=[code for _, code in BUILT])
def test_an_explorers_starting_text_is_read_at_the_reading_speed(lesson, code):
    name = code.split("(")[0].split(".")[0]
    section = section_building(lesson, code)
    # what a learner reads when the cell first runs, built now in a fresh process (not from
    # the cache on disk, and not in this one, where earlier tests left explorers behind)
    shown = printed_words.fresh_counts()[name]
    assert shown > 20, f"{name} shows only {shown} words at its start"
    assert section.explorers >= 1, f"{lesson}: {name}'s cell is not timed as an explorer"
    assert section.printed >= shown, (
        f"{lesson}, {section.title}: the model reads {section.printed} printed words, "
        f"{name} alone shows {shown}"
    )
    without = dataclasses.replace(section, printed=0).estimate
    assert section.estimate == pytest.approx(
        without + section.printed / reading_model.WORDS_PER_MINUTE
    )


def test_a_cell_that_only_imports_an_explorer_builds_none():
    assert printed_words.explorers_built("from x import DesignPanel, StakeholderExplorer") == []
    assert printed_words.explorers_built("steps = matching_steps.StepThroughExplorer()") == [
        "StepThroughExplorer"
    ]
    assert printed_words.explorers_built("o = ObjectivesExplorer.for_testers(people)") == [
        "ObjectivesExplorer"
    ]


def test_what_is_folded_or_hidden_at_the_start_is_not_counted():
    # lesson 05's review writer: a folded preview of its file (about 850 words) and a
    # confirmation shown only after "Clear my review" are there, but not read at the start
    writer = printed_words.counts().classes()["ReviewWriter"].with_lesson_data()
    counted = printed_words.words_at_start("ReviewWriter")
    everything = sum(
        printed_words.count_words(w.value)
        for w in descendants(writer.view)
        if isinstance(w, widgets.HTML | widgets.Label | LiveText)
    )
    assert 30 < counted < everything / 4, (counted, everything)
    assert "Preview of the file" in printed_words.shown_text(writer.view)  # the summary shows
    assert "Empty your saved review text" not in printed_words.shown_text(writer.view)


def test_what_earlier_tests_left_in_the_process_changes_no_count(tmp_path, monkeypatch):
    # Under pytest-xdist this test once ran after a review writer's tests on its worker: a
    # writer they left (ipywidgets keeps every widget), its learner signed in with a saved
    # design, adopted the design panel built to be counted and refilled it with that design.
    # The counts are a fresh kernel's, whatever this process built before.
    names = ("DesignPanel", "ReviewWriter")

    def counted(cache: str) -> list[int]:  # computed again, not read from the cache on disk
        monkeypatch.setattr(printed_words, "CACHE", tmp_path / cache)
        printed_words.counts.cache_clear()
        return [printed_words.words_at_start(name) for name in names]

    alone = counted("before")
    my_work.set_signed_in("Zoé", RecordStore(tmp_path))
    writer = ReviewWriter.with_lesson_data(folder=tmp_path)
    try:
        writer.panel.proposers.value = "candidates"
        writer.panel.privacy.value = "dp"
        writer.text.value = "Not ready: the export names people."
        writer.save.click()
        assert "Saved" in writer.status.value
        assert counted("after") == alone
    finally:
        my_work.sign_out()
        printed_words.counts.cache_clear()
        for explorer in (writer, writer.panel, writer.stakeholders):
            for widget in descendants(explorer.view):
                widget.close()
