"""A check's verdict as the learner and the teacher's view read it.

Written for the mutants of ``check/core.py`` that the third mutation run
(benchmarks/MUTATION.md) left alive: the words of each verdict, the misconception
it names, a prediction's hint marked "Noted:", the colour that repeats the words,
and what a notebook front end is handed to display.
"""

from dataclasses import replace

import numpy as np
import pytest

from osmosis_lab.check import core
from osmosis_lab.check.core import Check, Misconception, Verdict

HINT, PREDICTION, CORRECT = (
    "#9a5b00",
    "#555555",
    "#006b3c",
)  # core's colours, as a learner sees them


def who_asked(prediction=False):
    return Check(
        "who_asked",
        "Who asked for the data?",
        lambda answer: answer == "Lea",
        "Lea asked, on the form.",
        misconceptions=(
            Misconception(
                "the holder",
                "Simon",
                hint="Simon holds it; who asked?",
                wrong_value=lambda: "Simon",
            ),
        ),
        fallback_hint="Look at the form.",
        prediction=prediction,
        shows=(lambda: "the form says Lea") if prediction else None,
    )


def test_each_verdict_says_its_own_words():
    check = who_asked()
    assert check.verdict("Lea").message == "Lea asked, on the form."
    hint = check.verdict("Simon")
    assert (hint.message, hint.misconception) == ("Simon holds it; who asked?", "the holder")
    assert (check.verdict("Ana").message, check.verdict("Ana").misconception) == (
        "Look at the form.",
        None,
    )
    waiting = check.verdict(...)
    assert (waiting.status, waiting.message) == (
        "not attempted",
        "replace `...` with your answer, then run this cell.",
    )
    # an answer a check cannot read is named, so the learner knows what they gave
    assert check.verdict(np.arange(3)).message.startswith("this answer is a ndarray object, which")


def test_a_prediction_that_shows_a_misconception_is_noted_with_its_hint():
    verdict = who_asked(prediction=True).verdict("Simon")
    assert (verdict.label, verdict.message) == (
        "Noted:",
        "you predicted “Simon”; the form says Lea. Simon holds it; who asked?",
    )
    assert verdict.misconception == "the holder"  # the teacher's view still counts it


def test_a_prediction_must_say_what_the_data_show_and_says_it_only_after_an_answer():
    with pytest.raises(TypeError, match="shows="):
        Check("p", "?", lambda answer: True, ".", prediction=True)
    check = who_asked(prediction=True)
    assert "Lea" not in check.verdict(...).message  # not attempted: nothing is revealed
    broken = replace(check, reference=lambda: 1 / 0)  # could not check: nothing either
    assert "Lea" not in check.verdict(object()).message
    assert "Lea" not in broken.verdict("Simon").message


@pytest.mark.parametrize(
    ("verdict", "colour"),
    [
        (Verdict("hint", "Look again."), HINT),
        (Verdict("hint", "Look below.", prediction=True), PREDICTION),  # noted, not "Not yet"
        (Verdict("correct", "Yes."), CORRECT),
    ],
)
def test_the_colour_repeats_what_the_words_say(verdict, colour):
    html = verdict._repr_html_()
    assert f"4px solid {colour};" in html and f"<strong>{verdict.label}</strong>" in html
    assert repr(verdict) == str(verdict) == f"{verdict.label} {verdict.message}"


class LiveView:
    """A stand-in for a widget: it answers the display protocol with the formats asked for."""

    formats = {"application/vnd.jupyter.widget-view+json": {"model_id": "1"}, "text/plain": "view"}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            kind: data
            for kind, data in self.formats.items()
            if (include is None or kind in include) and kind not in (exclude or ())
        }


def test_a_front_end_gets_the_live_view_where_it_draws_one_and_the_words_everywhere():
    verdict = Verdict("not attempted", "Answer above.")
    text = {"text/plain": str(verdict), "text/html": verdict._repr_html_()}
    assert verdict._repr_mimebundle_() == text
    live = Verdict("not attempted", "Answer above.", view=LiveView())
    assert live._repr_mimebundle_() == {**LiveView.formats, **text}  # the words, not "view"
    widget = "application/vnd.jupyter.widget-view+json"
    assert widget not in live._repr_mimebundle_(include={"text/plain"})
    assert widget not in live._repr_mimebundle_(exclude={widget})


def test_the_answer_controls_placeholder_view_is_shown_for_this_exercise(monkeypatch):
    shown = []

    def placeholder_view(exercise, verdict):
        shown.append((exercise, verdict.message))
        return LiveView()

    monkeypatch.setattr(core, "placeholder_view", None)
    assert who_asked().verdict(...).view is None  # no controls loaded: the words alone
    monkeypatch.setattr(core, "placeholder_view", placeholder_view)
    assert isinstance(who_asked().verdict(...).view, LiveView)
    assert shown == [("who_asked", "replace `...` with your answer, then run this cell.")]
