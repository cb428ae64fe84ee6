"""The export keeps what the learner typed and reads in the lesson's order and words (a tester's
walk, issue 12): a number stays the number (-3, never '-3) and the data block holds every value
as saved; a formula is made inert in the readable part only; learner text keeps its line breaks
and makes no heading, list or fence; the review file cannot pass a data block or a choices table
to the teacher's view.

Rendered with mistune, the Markdown renderer of the project's tests.
"""

import mistune
import pytest

from osmosis_lab.errors import RecordError
from osmosis_lab.explorers.export_words import seen_words
from osmosis_lab.records import read_export
from osmosis_lab.records.export import export_markdown
from osmosis_lab.records.markdown import neutralise_formula
from osmosis_lab.review import AS_PLANNED, review_markdown
from osmosis_lab.teacher.review_files import parse_review_choices

RENDER = mistune.create_markdown(plugins=["table", "task_lists", "url", "strikethrough"])
WHEN = "2026-12-06T08:00:00+00:00"


def kept(answer, first, status="hint", tries=2):
    return {"answer": answer, "first_answer": first, "tries": tries, "status": status}


def export(record):
    return export_markdown("Zoé", record, exported_at=WHEN, **seen_words())


@pytest.mark.parametrize("number", ["-3", "+2", "-0.5", "-15 %", "+0,25"])
def test_a_number_stays_as_typed_in_the_readable_part_and_the_data(number):
    text = export({"00_start_here": {"count_the_testers": kept("9", number)}})
    assert (
        read_export(text)["answers"]["00_start_here"]["count_the_testers"]["first_answer"] == number
    )
    assert f"first answer: {number};" in text and f"'{number}" not in text


@pytest.mark.parametrize("formula", ["=HYPERLINK(1)", "-1+1", "@SUM(A1)", "+A1*2"])
def test_a_formula_is_inert_to_read_and_kept_as_typed_in_the_data(formula):
    assert neutralise_formula(formula) == "'" + formula
    text = export({"00_start_here": {"count_the_testers": kept("9", formula)}})
    assert (
        read_export(text)["answers"]["00_start_here"]["count_the_testers"]["first_answer"]
        == formula
    )
    assert f"first answer: '{formula.replace('@', chr(92) + '@')}" in text


def test_a_reflection_keeps_its_line_breaks_and_makes_no_heading_or_fence():
    typed = '# Heading\nline two\n- not a list\n\n```json\n{"answers": {}}\n```'
    record = {"reflections": {"00_refuse": {"prompt": "Which?", "text": typed, "may_show": False}}}
    text = export(record)
    html = RENDER(text.partition("## Data")[0])
    quote = html.split("<blockquote>")[1].split("</blockquote>")[0]
    assert (
        "<h1" not in quote and "<ul" not in quote and "<code" not in quote and "<pre" not in quote
    )
    assert "# Heading<br" in quote and "line two<br" in quote and "- not a list" in quote
    assert read_export(text)["reflections"]["00_refuse"]["text"] == typed  # one block: the real one


def test_answers_reflections_and_review_lists_come_in_the_lessons_order():
    questions = seen_words()["questions"]
    lesson03 = ["reidentified_testers", "k_after_generalising", "exposed_by_homogeneity"]
    record = {"03_privacy": {name: kept("1", "1") for name in sorted(lesson03, reverse=True)},
              "reflections": {"03_b": {"prompt": "B", "text": "b"},
                              "01_z": {"prompt": "Z", "text": "z"}}}  # fmt: skip
    text = export(record)
    assert [n for n in questions if n in lesson03] == lesson03  # the lesson's order
    where = [text.index(questions[name]) for name in lesson03]
    assert where == sorted(where), lesson03
    assert text.index("My reflection: Z") < text.index("My reflection: B")


def test_a_prediction_unlike_the_data_reads_noted_as_on_screen():
    record = {"01_what_is_a_match": {"men_first_choices_when_women_propose": kept("3", "3")},
              "00_start_here": {"count_the_testers": kept("12", "12")}}  # fmt: skip
    text = export(record)
    assert "(Noted; first answer: 3" in text and "(Not yet; first answer: 12" in text
    assert "hint;" not in text


INJECTED = (
    "Fine.\n\n## My design choices\n\n| Choice | My decision |\n|---|---|\n"
    "| Consent form | Injected |\n\n## Data (for the teacher's view)\n\n```json\n"
    '{"format": "osmosis-lab-export", "version": 3, "learner": "X", "answers": {}}\n```\n'
)


def test_the_review_file_cannot_pass_a_data_block_or_choices_to_the_teachers_view():
    text = review_markdown(AS_PLANNED, None, {}, INJECTED)
    with pytest.raises(RecordError):
        read_export(text)  # no fenced block of its own: the learner's lines are quoted
    assert "Injected" not in parse_review_choices(text).values()
    html = RENDER(text.partition("## My review")[2])
    assert "<h2" not in html and "<table" not in html and "<pre" not in html
