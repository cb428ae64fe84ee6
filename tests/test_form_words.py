"""Lesson 02's form explorer says each kind of yes one way, in words a 16-year-old reads (issue 12, 3).

A learner stepped from the fair form to the pre-ticked one: the people who never read the form
were "693 unread" on the first and "695 default" on the second, with "Unread: ..." explained
under one and nothing under the other. The words now come from one place
(``explorers/form_words.py``): the counts, the explanations, the chart's legend and the lesson's
own Markdown use them, and a person who never read the form is said so on every form.
"""

import json
import re
from pathlib import Path

import pytest

from osmosis_lab.consent.forms import FORMS, HOW
from osmosis_lab.explorers.base import VEGALITE_MIME
from osmosis_lab.explorers.consent_forms import FormExplorer
from osmosis_lab.explorers.form_words import HOW_WORDS, words

LESSON = Path(__file__).parents[1] / "lessons" / "02_consent.ipynb"
#: The engine's codes a learner was shown as jargon.
CODES = ("default", "unread", "no way out", "worn down")


def plain(explorer: FormExplorer) -> str:
    return re.sub(r"<[^>]+>", "\n", explorer.summary.value)


def legend(explorer: FormExplorer) -> set[str]:
    spec = explorer.chart.outputs[0]["data"][VEGALITE_MIME]
    return {row["how"] for rows in spec["datasets"].values() for row in rows if row["people"]}


def matching_line(explorer: FormExplorer) -> str:
    return next(line for line in plain(explorer).split("\n") if line.startswith("Matching:"))


def test_people_who_never_read_are_said_the_same_way_on_every_form():
    """A sequence of the learner's clicks: every form in turn, at the starting reading rate."""
    explorer = FormExplorer.with_lesson_data()
    said = {}
    for index, design in enumerate(FORMS):
        explorer.design.index = index
        line = matching_line(explorer)
        said[design] = re.search(r"(\d+) " + re.escape(words("unread")), line)
        assert said[design], f"{design}: {line}"
    # the same simulated non-readers, whatever the form: one count, said in one way
    assert len({m.group(1) for m in said.values()}) == 1, {d: m.group(0) for d, m in said.items()}


@pytest.mark.parametrize("reads", [0, 30, 100])
def test_no_engine_code_reaches_the_learner_and_the_legend_speaks_like_the_text(reads):
    explorer = FormExplorer.with_lesson_data()
    explorer.reads.value = reads
    for index, design in enumerate(FORMS):
        explorer.design.index = index
        text = plain(explorer)
        for code in CODES:
            assert not re.search(rf"\d+ {code}\b|^{code}:", text, re.I | re.M), (design, code)
        shown = legend(explorer)
        assert shown <= {short for short, _meaning in HOW_WORDS.values()}, shown
        for short in shown:  # every kind in the legend is a kind the text counts, same words
            assert re.search(rf"\d+ {re.escape(short)}", text), (design, short)


def test_the_lesson_names_the_kinds_of_yes_in_the_explorers_words():
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    section = next(
        "".join(c["source"])
        for c in cells
        if "".join(c["source"]).startswith("## 8 · Designing the form")
    )
    assert f"*{words('unread')}*" in section and f"*{words('chosen')}*" in section
    assert not re.search(r"\*(unread|default|chosen)\*", section)
    assert tuple(HOW_WORDS) == HOW
