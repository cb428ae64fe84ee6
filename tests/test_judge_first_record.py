"""Lesson 04's judge-first calls are kept, handed in and counted (issue 14 item 2, "judge-first results").

Driven as the browser does (``.value`` and ``.click()``); a "restart" is a fresh ``my_work``
module (what a new kernel has) and a new explorer; records go to ``tmp_path`` only.
"""

import re

import numpy as np
import pytest

import learner_steps
from learner_steps import restart, said
from osmosis_lab.data import load_pairs, load_population
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.trust_judge import JudgeFirstExplorer
from osmosis_lab.records import EXPORT_VERSION, RecordStore, read_export
from osmosis_lab.records.export import export_markdown
from osmosis_lab.teacher import parse_export, private_html, projector_html, read_class_folder
from osmosis_lab.teacher.judge_first import learner_rows
from osmosis_lab.trust import judge_cases

CASES = judge_cases(load_pairs(), load_population(), n=4, rng=np.random.default_rng(1))
pytestmark = pytest.mark.usefixtures("export_next_to_notebook", "fresh_kernel")


def restarted():
    """A new kernel's explorer: Run All builds it before the learner presses Open."""
    restart()
    return JudgeFirstExplorer(CASES)


def sign_in(folder, name="Zoé"):
    learner_steps.sign_in(folder, name, "04_trust")


def kept(folder, name="Zoé"):
    return RecordStore(folder).load(name).get("judge_first", {}).get("04_trust", {})


def app_call(number):
    return "accept" if CASES.iloc[number]["app_accepts"] else "reject"


# -- kept in the record, restored after a restart ---------------------------------------------------


def test_each_call_is_kept_with_the_apps_verdict_and_the_switch(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    assert "kept for Zoé" in said(judge.kept)
    other = "reject" if app_call(0) == "accept" else "accept"
    judge.judge(other, 80, final=app_call(0))  # disagreed, then switched to the app
    judge.decision.value = "accept"
    judge.lock.click()  # locked in: the first call is kept before the final one is made
    calls = kept(tmp_path)["calls"]
    assert calls[0]["first_call"] == other and calls[0]["confidence"] == 80
    assert calls[0]["app_call"] == app_call(0) and calls[0]["final_call"] == app_call(0)
    assert calls[0]["switched"] is True and calls[0]["case"] == int(CASES.iloc[0]["case"])
    assert calls[0]["did_well"] == bool(CASES.iloc[0]["outcome"])
    assert calls[1]["first_call"] == "accept" and calls[1]["final_call"] is None
    assert kept(tmp_path)["cases"] == 4


def test_calls_come_back_after_a_restart_even_between_lock_and_next(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    judge.judge("accept", 90, final="reject")
    judge.decision.value, judge.confidence.value = "reject", 60
    judge.lock.click()
    again = restarted()
    assert again.position == 0 and "not kept until you sign in" in said(again.kept)
    sign_in(tmp_path, " zoé ")
    assert again.answers == [{"initial": "accept", "confidence": 90, "final": "reject"}]
    # the second case is back as it was: locked in, the app's verdict shown, final call open
    assert again.progress.value == "Case 2 of 4" and "The app says" in again.verdict.value
    assert again.decision.disabled and again.decision.value == "reject"
    assert again.confidence.value == 60 and not again.final.disabled
    assert "Your 2 kept calls are back" in said(again.kept)
    again.next_case.click()
    again.judge("accept", 70)
    again.judge("accept", 70)
    assert (
        again.finished
        and "Your first calls, made before you saw the app's, were right" in again.summary.value
    )
    assert len(kept(tmp_path)["calls"]) == 4


def test_kept_first_calls_win_over_calls_made_again_before_signing_in(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    judge.judge("reject", 55)  # before the first sign-in: joins the record when it happens
    sign_in(tmp_path)
    assert kept(tmp_path)["calls"][0]["first_call"] == "reject"
    again = restarted()
    again.judge("accept", 95)  # a second look after a restart is not a first call
    sign_in(tmp_path)
    assert again.answers[0]["initial"] == "reject" and again.position == 1
    assert kept(tmp_path)["calls"][0]["first_call"] == "reject"


def test_start_again_clears_the_kept_calls_and_counts_it(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    judge.judge("accept", 80)
    judge.start_again.click()
    assert kept(tmp_path)["calls"], "asked first: nothing erased yet"
    judge.starting_again.yes.click()
    assert kept(tmp_path) == {"cases": 4, "started_again": 1, "calls": []}
    again = restarted()
    sign_in(tmp_path)
    assert again.position == 0 and again.started_again == 0  # nothing kept to bring back


def test_calls_kept_for_other_cases_are_not_shown_as_these(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    judge.judge("accept", 80)
    other = judge_cases(load_pairs(), load_population(), n=4, rng=np.random.default_rng(7))
    restart()
    shuffled = JudgeFirstExplorer(other.iloc[::-1])
    sign_in(tmp_path)
    assert shuffled.position == 0 and "other cases" in said(shuffled.kept)


def test_delete_my_saved_work_erases_the_calls(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    judge.judge("accept", 80)
    panel = my_work.export_panel()
    panel.delete.click()
    panel.delete_now.click()
    assert list(tmp_path.iterdir()) == []
    assert "not kept until you sign in" in said(judge.kept)
    again = restarted()
    sign_in(tmp_path)
    assert again.position == 0 and kept(tmp_path) == {}


# -- in the export ------------------------------------------------------------------------------


def test_the_export_shows_and_holds_the_calls_and_they_can_be_left_out(tmp_path):
    judge = JudgeFirstExplorer(CASES)
    sign_in(tmp_path)
    for _ in range(4):
        judge.judge("accept", 80, final=None)
    panel = my_work.export_panel()
    assert "judge_first:04_trust" in panel.parts
    assert panel.parts["judge_first:04_trust"].description.startswith(
        "My judge-first calls in 04 · Algorithmic trust"
    )
    heading = "## My judge-first calls in 04 · Algorithmic trust"
    assert heading in panel.text and "Cases judged: 4 of 4" in panel.text
    panel.export.click()
    data = read_export(panel.written.read_text(encoding="utf-8"))
    assert data["version"] == EXPORT_VERSION and len(data["judge_first"]["04_trust"]["calls"]) == 4
    panel.parts["judge_first:04_trust"].value = False
    assert heading not in panel.text and "Cases judged" not in panel.preview.value
    panel.export.click()
    data = read_export(panel.written.read_text(encoding="utf-8"))
    assert data["judge_first"] == {} and "judge_first:04_trust" in data["consent"]["left_out"]


def test_a_version_1_export_still_reads_as_having_no_calls():
    text = export_markdown("Ana", {"00_start_here": {"x": {"answer": 1, "status": "correct"}}})
    old = text.replace(f'"version": {EXPORT_VERSION}', '"version": 1')
    assert read_export(old)["version"] == 1
    assert parse_export(old, source="ana.md").judge_calls == ()


# -- in the teacher's view ----------------------------------------------------------------------


def _calls(first, app, final, did_well):
    return {"first_call": first, "app_call": app, "final_call": final, "did_well": did_well}


def _export(name, calls):
    record = {"judge_first": {"04_trust": {"cases": 10, "started_again": 0, "calls": calls}}}
    return export_markdown(name, record)


def test_the_teacher_counts_learners_by_the_lessons_reliance_rule():
    followed_wrong = _calls("reject", "accept", "accept", False)  # over-reliance
    left_right = _calls("accept", "accept", "reject", True)  # under-reliance
    kept_own = _calls("accept", "reject", "accept", True)
    work = [
        parse_export(_export(f"L{i}", calls), source=f"{i}.md")
        for i, calls in enumerate([[followed_wrong], [left_right], [kept_own], [kept_own]])
    ]
    rows = learner_rows([w.judge_calls for w in work])
    assert rows["Followed the app when it was wrong (over-reliance)"] == {
        "never": 3,
        "at least once": 1,
    }
    assert rows["Left the app when it was right (under-reliance)"]["at least once"] == 1
    assert rows["Changed a call to the app's after seeing it"] == {"never": 3, "at least once": 1}


def test_malformed_calls_are_skipped_and_break_nothing():
    calls = [
        _calls("accept", "reject", None, True),  # final call not made yet
        _calls("<b>yes</b>", "reject", "accept", True),
        "not a call",
        _calls("reject", "reject", "reject", "yes"),
        _calls("reject", "accept", "accept", False),
    ]
    work = parse_export(_export("Ana", calls), source="ana.md")
    assert len(work.judge_calls) == 1 and work.judge_calls[0].switched
    assert "1 call, 1 changed" in private_html([work], [])


def test_the_sample_class_shows_judge_first_in_learners_with_small_counts_hidden():
    work = read_class_folder("lessons/teacher/sample_class").work
    assert sum(bool(w.judge_calls) for w in work) >= 15
    page = projector_html(work)
    section = page[page.index("Judge first (lesson 04), in learners") :]
    section = section[: section.index("</table>")]
    rows = re.findall(r"<td>(.*?)</td>", section)
    assert len(rows) == 3
    shown = [int(n) for row in rows for n in re.findall(r": (\d+)(?:;| \(of)", row)]
    assert not [n for n in shown if 0 < n < 5] and "fewer than 5" in section
    assert not [w.learner for w in work if w.learner in page]
    private = private_html(work, [])
    assert re.search(r"<td>10 calls, \d+ changed</td>", private)
