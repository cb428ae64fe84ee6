"""An exercise source as the answer controls and the folded solution show it.

Written for the mutants of ``check/exercise.py`` that the third mutation run
(benchmarks/MUTATION.md) found no selected test calling: what a typed phrase
stands for, what a button shows, and the folded solution's words and code. Each
test builds a small exercise in place (the lessons' exercises are built at
import, before a mutant is switched on).
"""

from osmosis_lab.check.core import Check
from osmosis_lab.check.exercise import Exercise, parse_number


def an_exercise(**changes):
    fields = dict(
        check=Check("purpose", "Why was it refused?", lambda a: a == "wrong_purpose", "."),
        lesson="02_consent",
        variable="reason",
        kind="phrase",
        solution='reason = "wrong purpose"',
        explanation="The data was asked for one purpose and used for another.",
    )
    fields.update(changes)
    return Exercise(**fields)


def test_a_typed_phrase_reads_as_the_answer_it_stands_for():
    exercise = an_exercise(
        accepted={"Wrong purpose": "wrong_purpose", "Used for something else": "wrong_purpose"}
    )
    # case, spaces, hyphens and punctuation as a learner types them: still the accepted phrasing
    assert exercise.read_phrase("  WRONG-purpose! ") == "wrong_purpose"
    assert exercise.read_phrase("used for something else.") == "wrong_purpose"
    # a phrase the source does not list reaches the check as typed, only trimmed, as from a
    # code cell: the check (its normalise) judges it, and a reply says back the learner's words
    assert exercise.read_phrase(" Pas de consentement ! ") == "Pas de consentement !"
    assert exercise.read_phrase("Éthique") == "Éthique"


def test_a_button_shows_its_label_or_else_the_option_itself():
    exercise = an_exercise(
        kind="choice",
        options=("pre_ticked", "opt_in", 3),
        labels={"pre_ticked": "Pre-ticked"},
    )
    assert [exercise.label(o) for o in exercise.choices()] == ["Pre-ticked", "opt_in", "3"]


def test_the_folded_solution_gives_the_words_then_the_code_as_written():
    # the blank lines a triple-quoted source leaves are dropped; nothing else of either is
    exercise = an_exercise(
        solution="\nanswer = MAX\n\n",  # a name ending in X, like the explanation below
        explanation="\nTen: the most anyone may see, in Roman numerals X\n",
    )
    cell = exercise.solution_cell()
    assert cell.startswith("<details>\n<summary>Solution</summary>\n")
    assert cell.endswith("</details>")
    words = cell.index("\nTen: the most anyone may see, in Roman numerals X\n")
    code = cell.index("*For those who code:*\n\n```python\nanswer = MAX\n```\n")
    assert words < code  # words first, for everyone; then the code


def test_a_per_cent_sign_after_a_number_in_words_counts_even_before_a_trailing_space():
    # a text box keeps the space a learner types after "%": "twelve % " is still 12 %
    assert parse_number("twelve % ", unit="value") == 0.12
    assert parse_number("twelve ", unit="count") == 12
