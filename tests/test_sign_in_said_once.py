"""The sign-in box says the sign-in once; the count of kept answers follows every Check unsaid.

Issue 12: the sign-in box's status ("Signed in as … · N answers kept in this lesson so far") was
one live region, so each Check, which changes the count, made a screen reader read the whole
sign-in again (the Check's own verdict already says the answer was kept). Here the live region's
successive words are recorded over a sign-in, three Checks and a sign-out: it speaks twice (the
sign-in, the sign-out) while the count shown under it goes 0, 1, 2, 3. On the old box the live
region changed five times, once per Check.
"""

import re

import ipywidgets as widgets
import pytest

from learner_steps import said
from osmosis_lab.explorers import my_work
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import descendants
from osmosis_lab.explorers.live import LiveText

pytestmark = pytest.mark.usefixtures("fresh_kernel")

LESSON = "05_design_review"
#: Three exercises of lesson 05, each with a choice to check.
ANSWERS = {
    "review_proposing_side": "testers",
    "still_learned_prediction": "nothing at all",
    "outage_with_human_only_prediction": "about half",
}

COUNT = re.compile(r"\d+ answers? kept in this lesson so far\.")


def count_shown(door) -> str:
    """The count of kept answers, wherever in the box it is shown ("" if nowhere)."""
    shown = said(*[w for w in descendants(door.view) if isinstance(w, widgets.HTML | LiveText)])
    found = COUNT.findall(shown)
    assert len(found) <= 1, shown
    return found[0] if found else ""


def test_the_sign_in_is_said_once_and_the_count_follows_the_checks_unsaid(tmp_path):
    door = my_work.sign_in(LESSON, folder=tmp_path)
    spoken = []  # what the live region says, change by change
    door.status.observe(lambda change: spoken.append(said(change["owner"])), names="value")
    assert count_shown(door) == ""  # nobody signed in: no count
    door.name.value = "Zoé"
    door.open.click()
    counts = [count_shown(door)]
    for name, choice in ANSWERS.items():
        control = answer_control(name)
        control.choice.index = control.exercise.choices().index(choice)
        control.check_button.click()
        assert "kept" in said(control.verdict, control.kept)  # the Check says it was kept
        counts.append(count_shown(door))
    my_work.sign_out()
    assert len(spoken) == 2, "the live region spoke at:\n" + "\n".join(spoken)
    signed_in, signed_out = spoken
    assert signed_in.startswith("Signed in as Zoé.") and my_work.AFTER_RESTART in signed_in
    assert "answer" not in signed_in.split(".")[1]  # no count in what is said
    assert signed_out.startswith("Not signed in:")
    assert counts == [
        "0 answers kept in this lesson so far.",
        "1 answer kept in this lesson so far.",
        "2 answers kept in this lesson so far.",
        "3 answers kept in this lesson so far.",
    ]
    assert count_shown(door) == ""  # signed out: nobody's count
