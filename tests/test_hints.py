"""Hints are words: code appears in a hint only on its line for those who code.

A learner from 16 with no Python reads every hint; code there (a call, an index, a
variable name) reads as noise, and names the notebook never defines sent learners to a
``NameError``. So every hint of every check, outside its lines that start with
:data:`~osmosis_lab.check.FOR_CODERS`, must read as plain words; the code on those lines
is run in the lesson by ``tests/test_hint_code.py``.
"""

import re

import pytest

from osmosis_lab.check import FOR_CODERS, all_checks
from osmosis_lab.check.hints import for_coders, hint_code, hint_words

#: What plain words do not contain: a call (a name then "(": "Art. 4(11)" is a citation),
#: an index or braces, backticks, a snake_case name, a comparison, Markdown emphasis.
#: "epsilon = 1" is maths, and words.
CODE_LIKE = re.compile(r"\b[A-Za-z_]\w*\(|[\[\]{}`]|\b[a-z]+_[a-z_]+\b|==|(?<!\w)\*\S|\S\*(?!\w)")


def every_hint():
    for name, check in all_checks().items():
        for misconception in check.misconceptions:
            yield pytest.param(misconception.hint, id=f"{name}: {misconception.name}")
        yield pytest.param(check.fallback_hint, id=f"{name}: fallback")


@pytest.mark.parametrize("hint", list(every_hint()))
def test_hint_words_hold_no_code(hint):
    words = hint_words(hint)
    found = CODE_LIKE.search(words)
    assert not found, f"code-like {found.group()!r} outside a line for those who code: {hint!r}"


@pytest.mark.parametrize("hint", list(every_hint()))
def test_a_line_for_those_who_code_follows_words_and_holds_one_piece_of_code(hint):
    lines = hint.splitlines()
    assert not lines[0].startswith(FOR_CODERS), "a hint starts with words for everyone"
    for line in lines:
        if line.startswith(FOR_CODERS):
            assert re.fullmatch(re.escape(FOR_CODERS) + r"`[^`]+`", line), line


@pytest.mark.parametrize(
    "hint",
    [
        "Count the rows with `len(people)`.",
        "Use generalise(released, rules) first.",
        "Filter people[people.role == 'tester'].",
        "Read the quasi_identifiers list.",
        "Consent is *specific*.",
    ],
)
def test_the_lint_catches_code_in_words(hint):
    assert CODE_LIKE.search(hint_words(hint))
    assert not CODE_LIKE.search(hint_words("Count the rows." + for_coders("len(people)")))
    assert hint_code("Count the rows." + for_coders("len(people)")) == ["len(people)"]
