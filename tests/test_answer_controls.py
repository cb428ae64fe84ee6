"""Answer controls, driven headlessly as the browser does (toggles by index, text by value,
buttons by click), and judged by each exercise's own check.

That every control answered with its exercise's solution says "correct" is tested in
``tests/test_solutions.py``, where the lesson's own state gives the solution's value.
"""

import html

import ipywidgets as widgets
import pytest

from memory_record import MemoryRecord
from osmosis_lab.check import Check, Verdict
from osmosis_lab.check.exercise import Exercise
from osmosis_lab.check.exercises import all_exercises
from osmosis_lab.explorers.answers import answer_control
from osmosis_lab.explorers.base import INTERACTIVE, descendants
from osmosis_lab.explorers.live import LiveText

EXERCISES = all_exercises()
KEYBOARD_TRAPS = (widgets.Dropdown, widgets.RadioButtons, widgets.Select, widgets.SelectMultiple)


def enter(control, value):
    """Give ``value`` through the control's widgets only, as a learner would.

    Not the control's own ``set_state`` (the path that restores a kept answer): that shares its
    option-to-button mapping with ``state``, so a mapping wrong in both would pass unseen. Here
    the buttons are pressed by position (``.index``, what the browser sends) and the test's own
    lists say which option each position is.
    """
    kind, options = control.exercise.kind, control.exercise.choices()
    if kind == "choice":
        control.choice.index = options.index(value)
    elif kind == "picks":
        control.picks.indexes = [i for i, option in enumerate(options) if option in value]
    elif kind == "pair":
        for side, names, chosen in zip(control.sides, options, value, strict=True):
            side.index = names.index(chosen)
    elif kind == "pairs":
        for person, partner in value.items():
            control.partners[person].index = options[1].index(partner)
    else:  # number, phrase
        control.text.value = str(value)


def press_check(control):
    control.check_button.click()
    return control.status, control.verdict.value


def reachable(exercise):
    return [m for m in exercise.check.misconceptions if m.name not in exercise.code_only]


CASES = [(e, m) for e in EXERCISES.values() for m in reachable(e)]


@pytest.mark.parametrize(
    "exercise,misconception", CASES, ids=[f"{e.name}-{m.name}" for e, m in CASES]
)
def test_every_misconception_gets_its_own_hint_through_the_control(exercise, misconception):
    control = answer_control(exercise)
    enter(control, misconception.example)
    status, shown = press_check(control)
    # a form slip outside what the question allows (83 for a share) is refused, not a try, and
    # the refusal carries the slip's hint (tests/test_answer_ranges.py)
    refused = misconception.form_slip and exercise.check.allowed is not None
    refused = refused and exercise.check.allowed.why_outside(misconception.example) is not None
    assert status == ("not attempted" if refused else "hint"), (exercise.name, shown)
    assert shown_as_html(misconception.hint) in shown, (
        f"{exercise.name}: entering {misconception.example!r} showed {shown}"
    )


def shown_as_html(hint: str) -> str:
    """A hint as the verdict's HTML shows it (its line for those who code shows code as code)."""
    return Verdict("hint", hint)._repr_html_().split("</strong> ", 1)[1].removesuffix("</div>")


CODE_ONLY = [
    (e, m) for e in EXERCISES.values() for m in e.check.misconceptions if m.name in e.code_only
]


@pytest.mark.parametrize("exercise,misconception", CODE_ONLY, ids=[m.name for _, m in CODE_ONLY])
def test_code_only_misconceptions_cannot_be_made_with_the_control(exercise, misconception):
    control = answer_control(exercise)
    try:
        enter(control, misconception.example)
    except ValueError:  # not among the options: the control cannot give it
        return
    assert shown_as_html(misconception.hint) not in press_check(control)[1]


PHRASES = [(e, p, True) for e in EXERCISES.values() for p in e.accepted] + [
    (e, p, False) for e in EXERCISES.values() for p in e.rejected
]


@pytest.mark.parametrize("exercise,phrase,accepted", PHRASES, ids=[f"{p!r}" for _, p, _ in PHRASES])
def test_phrasing_tables(exercise, phrase, accepted):
    for typed in (phrase, phrase.upper(), f"  {phrase}. "):
        control = answer_control(exercise)
        control.text.value = typed
        assert (press_check(control)[0] == "correct") is accepted, typed


def test_phrase_exercises_have_both_tables():
    for exercise in EXERCISES.values():
        if exercise.kind == "phrase":
            assert exercise.accepted and exercise.rejected, exercise.name
            assert any(p.startswith("not ") for p in exercise.rejected), "test a negation"


@pytest.mark.parametrize("typed", ["0.2", "0,2", "20 %", "20%", " .2 "])
def test_numbers_are_read_leniently(typed):
    control = answer_control("ece_by_hand")
    control.text.value = typed
    assert press_check(control)[0] == "correct"


def test_a_percentage_without_its_sign_gets_the_percentage_hint_and_is_no_try():
    control = answer_control("ece_by_hand")
    control.text.value = "20"
    assert press_check(control)[0] == "not attempted"  # a share is at most 1: refused
    assert "proportion between 0 and 1" in control.verdict.value


@pytest.mark.parametrize("typed", ["not nine", "nine or ten", "9 or 10", "", "   ", "%"])
def test_text_that_is_not_a_number_is_not_attempted(typed):
    control = answer_control("count_the_testers")
    control.text.value = typed
    assert press_check(control)[0] == "not attempted"


def test_nothing_chosen_is_not_attempted_and_a_changed_answer_drops_its_verdict():
    control = answer_control("youngest_tester")
    assert press_check(control)[0] == "not attempted"
    enter(control, "Niels Larson")
    assert press_check(control)[0] == "correct"
    enter(control, "Ana Stern")
    assert control.status == "changed" and "Correct" not in control.verdict.value
    assert "Ana Stern" in control.selection.value


@pytest.mark.parametrize("name", list(EXERCISES))
def test_an_empty_answer_says_what_the_learner_has_not_done_yet(name):
    # a walkthrough read "nothing chosen yet" under a box to type in
    control, kind = answer_control(name), EXERCISES[name].kind
    typed = kind in ("number", "phrase")
    expected = "nothing typed yet" if typed else "nothing chosen yet"
    assert control.selection.value == f"Your answer: {expected}", (kind, control.selection.value)


@pytest.mark.parametrize("name", list(EXERCISES))
def test_controls_are_labelled_live_and_keyboard_friendly(name):
    control = answer_control(name)
    parts = descendants(control.view)
    assert not [w for w in parts if isinstance(w, KEYBOARD_TRAPS)]
    for widget in parts:
        if isinstance(widget, INTERACTIVE):
            assert (widget.description or widget.tooltip or "").strip(), type(widget).__name__
    assert isinstance(control.verdict, LiveText)
    # a choice is said in words when it changes; a typed answer is not said at each key (w55)
    typed = control.exercise.kind in ("number", "phrase")
    assert isinstance(control.selection, LiveText) is not typed, control.exercise.kind
    assert control.check_button.description == "Check"


def test_answers_are_kept_in_the_record_and_come_back():
    record = MemoryRecord()
    control = answer_control("who_consents_for_niels", record=record)
    press_check(control)  # nothing chosen: not a try
    assert record.get("who_consents_for_niels") is None
    enter(control, {"his mother"})
    press_check(control)
    enter(control, {"Niels", "his mother"})
    press_check(control)
    kept = record.get("who_consents_for_niels")
    assert kept["tries"] == 2 and kept["first_answer"] == ["his mother"]
    assert kept["status"] == "correct"
    again = answer_control("who_consents_for_niels", record=record)  # after a reload
    assert again.picks.indexes == (0, 1)  # both options shown picked
    assert again.status == "correct" and "Correct!" in again.verdict.value


def test_could_not_check_reaches_the_control():
    def broken():
        raise FileNotFoundError("people.csv")

    exercise = Exercise(
        check=Check(name="n", question="?", is_correct=lambda a: True, why=".", reference=broken),
        lesson="x",
        variable="n",
        kind="number",
        solution="",
        explanation="",
    )
    control = answer_control(exercise)
    control.text.value = "3"
    status, shown = press_check(control)
    assert status == "could not check" and "people.csv" in shown


def test_every_option_is_shown_whole_not_cut_to_the_buttons_width():
    # found in the browser: lesson 05's long options read "people in th…"
    for name in all_exercises():
        control = answer_control(name)
        groups = [getattr(control, "choice", None), getattr(control, "picks", None)]
        for toggles in [*groups, *getattr(control, "sides", [])]:
            if toggles is not None:
                assert toggles.button_width == "auto", name  # controls.ToggleButtons' own


@pytest.mark.parametrize(
    "exercise",
    [e for e in EXERCISES.values() if e.kind in ("choice", "picks") and e.labels],
    ids=lambda e: e.name,
)
def test_your_answer_says_the_buttons_words_not_the_options_code(exercise):
    """A learner clicked "All tricks" and read "Your answer: all_tricks"."""
    control = answer_control(exercise.name)
    if exercise.kind == "choice":
        control.choice.index = len(control.choice.options) - 1
    else:
        control.picks.indexes = (len(control.picks.options) - 1,)
    said = control.selection.value
    assert said == f"Your answer: {html.escape(exercise.label(exercise.options[-1]))}", said
