"""Lesson 04 says what a learner with no Python can read as true (issues 12 and 13, walkthrough).

Driven as the browser does (``.value`` and ``.click()``); records go to ``tmp_path`` only.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from learner_steps import said, sign_in
from osmosis_lab.data import load_pairs, load_population
from osmosis_lab.explorers.trust_judge import JudgeFirstExplorer, case_card_html
from osmosis_lab.trust import judge_cases

LESSON = Path(__file__).parents[1] / "lessons" / "04_trust.ipynb"
CASES = judge_cases(load_pairs(), load_population(), n=4, rng=np.random.default_rng(1))
pytestmark = pytest.mark.usefixtures("export_next_to_notebook", "fresh_kernel")


def markdown() -> str:
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# -- the cases are couples who met, which the app may reject ------------------------------------


def test_the_cases_are_not_called_matches_the_app_made_since_it_rejects_some():
    assert not CASES["app_accepts"].all(), "the fixture should hold a case the app rejects"
    for _, case in CASES[~CASES["app_accepts"]].iterrows():
        card = said(type("W", (), {"value": case_card_html(case)}))
        assert "who met a year ago" in card
        assert "app matched" not in card
    text = " ".join(markdown().split())
    assert "app matched" not in text
    assert "10 couples who met a year ago" in text


# -- where the calls go is true whether the learner signed in or not ------------------------------


def judge_all(explorer):
    for _ in range(len(CASES)):
        explorer.judge("accept", 80)
    assert explorer.next_case.description == f"All {len(CASES)} judged"


def test_all_judged_signed_in_says_the_calls_are_kept_and_not_once_you_sign_in(tmp_path):
    sign_in(tmp_path, "Zoé", "04_trust")
    explorer = JudgeFirstExplorer(CASES)
    judge_all(explorer)
    shown = said(explorer.summary, explorer.kept)
    assert "Your calls are kept for Zoé on this machine" in shown
    assert "sign in" not in shown


def test_all_judged_not_signed_in_says_the_calls_are_not_kept():
    explorer = JudgeFirstExplorer(CASES)
    judge_all(explorer)
    shown = said(explorer.summary, explorer.kept)
    assert "Your calls are not kept until you sign in" in shown
    assert "are kept on this machine" not in shown and "kept for" not in shown


# -- hints and whys name a column as the learner's table shows it --------------------------------

#: A column id as the engines name it (``observed_rate``): never what a learner's table shows.
COLUMN_ID = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


def check_texts(check) -> list[str]:
    texts = [check.question, check.why, check.fallback_hint]
    texts += [m.hint for m in check.misconceptions]
    return [
        line
        for text in texts
        for line in str(text).splitlines()
        if not line.startswith("For those who code")  # code, on a line marked for coders
    ]


def test_no_hint_or_why_names_a_column_by_its_code_id():
    from osmosis_lab.check import all_checks

    found = {
        name: COLUMN_ID.findall(line)
        for name, check in all_checks().items()
        for line in check_texts(check)
        if COLUMN_ID.search(line)
    }
    assert not found, found


def test_the_top_band_words_are_the_column_the_track_record_shows():
    from osmosis_lab.check import top_band_prediction
    from osmosis_lab.explorers.plain_words import RELIABILITY_NAMES

    shown = RELIABILITY_NAMES["observed_rate"]
    texts = check_texts(top_band_prediction)
    assert all(f'"{shown}"' in text for text in texts[1:]), texts  # why, fallback, hint
    assert not any("observed" in text for text in texts), texts
