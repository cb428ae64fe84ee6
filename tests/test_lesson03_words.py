"""Lesson 03's words about its own data are true for that data.

A learner read "their condition leaks" beside classes whose shared condition is "none", and a
solution said "about a dozen" share Lucas's age where the lesson's own reveal prints 14. These
tests run the lesson's cells (its seed, its order of draws) and check what the words claim.
"""

import json
import re
from pathlib import Path

import pytest

from osmosis_lab.check.exercises.lesson03 import lucas_narrowing_prediction

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "03_privacy.ipynb"


def cells():
    return json.loads(LESSON.read_text())["cells"]


def source(cell) -> str:
    return "".join(cell["source"])


@pytest.fixture(scope="module")
def lesson():
    """The lesson's namespace after its setup, the export, the attacker's facts, the proposal
    and the table of classes that all share one condition (the cells as the lesson runs them)."""
    code = [source(c) for c in cells() if c["cell_type"] == "code"]
    wanted = (
        "import numpy as np",
        "released, key = beta_export(",
        "known = known_to_attacker(",
        "lucas = known.loc[",
        "quasi = [",
        "proposal = {",
        "l_proposed = l_diversity(",
    )
    namespace: dict = {}
    for start in wanted:
        exec(next(c for c in code if c.startswith(start)), namespace)
    return namespace


def test_the_lucas_solution_says_how_many_share_his_age(lesson):
    fact, count = lesson["steps"][0]
    assert fact == "age"
    said = re.search(r"(\d+|about a dozen|a dozen)\s+people in the export share his age",
                     lucas_narrowing_prediction.explanation, re.I)  # fmt: skip
    assert said, lucas_narrowing_prediction.explanation
    assert said.group(1) == str(count), (
        f"the solution says {said.group(1)!r}; the data give {count}"
    )
    shown = next(
        source(c) for c in cells() if "a dozen" in source(c) or "share his age" in source(c)
    )
    assert f"{count} people in the export share his age" in shown, "regenerate the lesson"


def test_exercise_3_says_what_the_all_alike_classes_share(lesson):
    """The words name the shared value ("none" here) instead of a condition that "leaks"."""
    shared = set(lesson["all_alike"]["shared_condition"])
    prompt = next(
        source(c)
        for c in cells()
        if source(c).startswith("How many people in the proposed release")
    )
    words = " ".join(prompt.split())
    if shared == {"none"}:
        assert 'every such class shares the value "none"' in words, words
        assert "no condition" in words, words
    else:  # a real diagnosis is shared: the plain claim is true
        assert "condition leaks" in words or "diagnosis" in words, words


def test_the_prose_names_things_in_words_and_code_only_for_those_who_code():
    """w54 (issue 12): "What is the k of `proposed`?", "prints the l of `proposed` for
    `health_condition`". A code name may follow in brackets, or stand in a sentence about code
    ("with code, use `k_anonymity`"), or name a file; never as the only name of the thing."""
    found = []
    for cell in cells():
        text = source(cell)
        if cell["cell_type"] != "markdown" or text.startswith(("<details>", "## Part 7")):
            continue  # solutions and the maths extension are for those who code
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        while re.search(r"\([^()]*\)", text):  # what is in brackets, inner brackets first
            text = re.sub(r"\([^()]*\)", "", text)
        for sentence in re.split(r"(?<=[.?!])\s", " ".join(text.split())):
            names = [n for n in re.findall(r"`([^`]+)`", sentence)
                     if not re.search(r"\.(csv|ipynb)$", n)]  # fmt: skip
            if names and "code" not in sentence.casefold():
                found.append(sentence)
    assert not found, found


def run_printing(code: str, namespace: dict) -> str:
    import contextlib
    import io

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, namespace)
    return " ".join(printed.getvalue().split())


def test_k_and_l_are_printed_as_sentences_that_say_what_they_are(lesson):
    """ "Here is the k of the raw export:" was followed by a bare `1`; "l = 1" stood alone."""
    from osmosis_lab.privacy import k_anonymity, l_diversity

    code = [source(c) for c in cells() if c["cell_type"] == "code"]
    namespace = dict(lesson)
    k = k_anonymity(lesson["released"], lesson["quasi"])
    said = run_printing(next(c for c in code if c.startswith("quasi = [")), namespace)
    many = "person" if k == 1 else "people"
    assert said == (
        f"The raw export has k = {k}: its rarest combination of age, arrondissement, "
        f"occupation and gender is shared by {k} {many}."
    ), said
    l_value = l_diversity(lesson["proposed"], lesson["quasi"], "health_condition")
    said = run_printing(next(c for c in code if c.startswith("l_proposed = ")), namespace)
    assert said.startswith(
        f"The proposed release has l = {l_value} for health condition: its most alike class "
        f"holds {l_value} different health condition"
    ), said
